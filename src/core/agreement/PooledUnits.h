#pragma once

#include "stats/UnitizingAlpha.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUuid>

namespace newscoder {

// One article on the pooled continuum: [begin, begin + length).
struct PooledArticle
{
    QUuid documentId;
    QString title;
    qint64 begin = 0;
    qint64 length = 0; // UTF-16 code units of its text
};

// Exactly what project agreement hands to unitizing alpha: the articles every
// selected coder coded, laid end to end in the order of the article list
// (the first begins at 0), and on them every coder's spans of every compared
// span code (category = the code's label), as stored — overlapping spans are
// merged by the engine, which reports each merge.
struct PooledUnits
{
    // data.documents[i] is articles[i]: begin and length as there; spans at
    // begin + their offset in the article text.
    stats::UnitizingData data;
    QList<PooledArticle> articles;
    QStringList categories;   // one label per compared span code: its name, or
                              // "name [id]" when two compared codes share a name
    QList<QUuid> categoryCodes; // the code behind each label

    qint64 continuumLength() const; // the summed article lengths
    qint64 unitCount() const;       // the spans, before merging

    // The spans of one category only (the same articles and coders).
    stats::UnitizingData only(const QString &category) const;
};

// The units as CSV (RFC 4180, UTF-8, CRLF) in the form `newscoder-cli
// reliability --unitizing` reads, so anyone can recompute every alpha_u:
// columns coder, category, article, begin, length. For each article, first
// one row per coder with an empty category (that coder coded the article,
// which is [begin, begin + length) of the pooled continuum; the continuum's
// length is the sum of the article lengths), then one row per span: coder,
// code label, article id, begin on the pooled continuum and length, in UTF-16
// code units.
QByteArray pooledUnitsCsv(const PooledUnits &units);

// Writes pooledUnitsCsv() all or nothing (QSaveFile); false with a message.
bool writePooledUnitsCsv(const PooledUnits &units, const QString &path, QString *error);

} // namespace newscoder
