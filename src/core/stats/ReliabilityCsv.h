#pragma once

#include "stats/ReliabilityData.h"
#include "stats/UnitizingAlpha.h"

#include <QByteArrayView>

namespace newscoder::stats {

// Reliability data from CSV (see stats/Csv.h for the dialect): a header row of
// coder names, then one row per unit; an empty cell is a missing value.
struct ReliabilityCsvOptions
{
    // Labels: cells are category labels (nominal/ordinal data and the kappa
    // family) and become category indices. Numbers: cells are numbers
    // (interval/ratio data) and are stored as such.
    enum class Values
    {
        Labels,
        Numbers
    };
    Values values = Values::Labels;
    // Declared value set and order. Empty: the values seen, in numeric order
    // if all are numbers, else in order of first appearance. With Numbers the
    // declared entries must be numbers and restrict the allowed values.
    QStringList categories;
};

struct ReliabilityCsvResult
{
    ReliabilityData data;
    QString error; // empty on success
    qsizetype distinctValues = 0;
};

ReliabilityCsvResult readReliabilityCsv(QByteArrayView bytes, const ReliabilityCsvOptions &options);

// Spans from CSV with (at least) the columns coder, category, begin, length,
// in any order (a unit of length 0 is valid). Without an `article` column the
// spans lie on one continuum [begin, begin + length) given in the options.
//
// With an `article` column the file describes pooled articles, as
// `newscoder-cli agreement --units-csv` writes them: a row with an empty
// category says that its coder coded that article, which is [begin, begin +
// length) of the continuum; every other row is a span in its article. Every
// coder must have such a row for every article (unitizing alpha compares
// coders over the whole continuum), articles must not overlap, and each span
// must lie in its article. The articles are pooled as by project agreement: a
// gap never runs across an article boundary. A given continuum is then
// optional; if given, the articles must cover it exactly, end to end.
struct UnitizingCsvOptions
{
    qint64 begin = 0;
    qint64 length = -1; // < 0: not given (the file must then have an article column)
    QStringList coders; // every coder, in order; empty: the coders in the file
};

struct UnitizingCsvResult
{
    UnitizingData data;
    QString error;                // empty on success
    bool needsContinuum = false;  // the error: no article column and no continuum given
    QStringList articles;         // with an article column: the article of each data.documents entry
};

UnitizingCsvResult readUnitizingCsv(QByteArrayView bytes, const UnitizingCsvOptions &options);

} // namespace newscoder::stats
