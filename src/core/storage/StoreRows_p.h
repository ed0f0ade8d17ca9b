// Row mapping and error helpers shared by the ProjectStore sources (private).
#pragma once

#include "model/Annotation.h"
#include "model/Code.h"
#include "model/Document.h"
#include "storage/FaultInjection.h"
#include "storage/ProjectStore.h"
#include "storage/StoreError.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTimeZone>
#include <QVariant>

#include <algorithm>
#include <optional>
#include <type_traits>

namespace newscoder::storage_detail {

using Kind = StoreError::Kind;

inline QVariant nullableId(const QUuid &id)
{
    return id.isNull() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(idString(id));
}

// QtSql binds a null QString as SQL NULL; text columns are NOT NULL.
inline QVariant text(const QString &value)
{
    return QVariant(value.isNull() ? QStringLiteral("") : value);
}

inline QString timestamp(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

inline QDateTime parseTimestamp(const QString &text)
{
    // Fast path for what timestamp() writes: yyyy-MM-ddTHH:mm:ss.zzzZ
    if (text.size() == 24 && text.at(10) == u'T' && text.at(23) == u'Z') {
        const QStringView v(text);
        bool ok[7];
        const QDate date(v.sliced(0, 4).toInt(&ok[0]), v.sliced(5, 2).toInt(&ok[1]), v.sliced(8, 2).toInt(&ok[2]));
        const QTime time(v.sliced(11, 2).toInt(&ok[3]), v.sliced(14, 2).toInt(&ok[4]), v.sliced(17, 2).toInt(&ok[5]),
                         v.sliced(20, 3).toInt(&ok[6]));
        if (std::all_of(std::begin(ok), std::end(ok), [](bool b) { return b; }) && date.isValid() && time.isValid())
            return QDateTime(date, time, QTimeZone::UTC);
    }
    QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    time.setTimeZone(QTimeZone::UTC);
    return time;
}

inline Kind classify(const QSqlError &error)
{
    const QString text = error.databaseText() + error.driverText();
    if (text.contains(QLatin1String("not a database")))
        return Kind::NotAProject;
    if (text.contains(QLatin1String("malformed")) || text.contains(QLatin1String("corrupt")))
        return Kind::Corrupt;
    if (text.contains(QLatin1String("readonly")) || text.contains(QLatin1String("unable to open"))
        || text.contains(QLatin1String("disk I/O")) || text.contains(QLatin1String("database or disk is full")))
        return Kind::Io;
    return Kind::Query;
}

[[noreturn]] inline void fail(const QSqlError &error, const QString &context)
{
    const Kind kind = classify(error);
    QString message;
    switch (kind) {
    case Kind::NotAProject:
        message = QStringLiteral("This file is not a Newscoder project (it is not an SQLite database).");
        break;
    case Kind::Corrupt:
        message = QStringLiteral("The project file is damaged (%1). It was not changed.").arg(error.text());
        break;
    default:
        message = QStringLiteral("%1: %2").arg(context, error.text());
        break;
    }
    throw StoreError(kind, message);
}

// The error a write reports when the test seam (FaultInjection.h) fails it.
inline QSqlError injectedFault()
{
    return QSqlError(QStringLiteral("disk I/O error"), QStringLiteral("disk I/O error (injected by a test)"),
                     QSqlError::StatementError);
}

// True when the test seam fails this statement (never when it is not armed).
inline bool faultInjected(QStringView sql)
{
    return storage_fault::armed() && storage_fault::shouldFail(sql);
}

inline void exec(QSqlQuery &query, const QString &context)
{
    if (faultInjected(query.lastQuery()))
        fail(injectedFault(), context);
    if (!query.exec())
        fail(query.lastError(), context);
}

inline Document readDocumentRow(const QSqlQuery &q)
{
    Document d;
    d.id = idFromString(q.value(0).toString());
    d.title = q.value(1).toString();
    d.outlet = q.value(2).toString();
    d.date = QDate::fromString(q.value(3).toString(), Qt::ISODate);
    d.url = q.value(4).toString();
    d.author = q.value(5).toString();
    d.text = q.value(6).toString();
    d.importSource = q.value(7).toString();
    d.outletId = idFromString(q.value(8).toString());
    d.memo = q.value(9).toString();
    d.created = parseTimestamp(q.value(10).toString());
    return d;
}

inline DocumentSummary readSummaryRow(const QSqlQuery &q)
{
    DocumentSummary s;
    s.id = idFromString(q.value(0).toString());
    s.title = q.value(1).toString();
    s.outlet = q.value(2).toString();
    s.date = QDate::fromString(q.value(3).toString(), Qt::ISODate);
    s.url = q.value(4).toString();
    s.length = q.value(5).toInt();
    s.annotationCount = q.value(6).toInt();
    s.outletId = idFromString(q.value(7).toString());
    return s;
}

inline const QString SummarySelect = QStringLiteral(
    "SELECT d.id, d.title, d.outlet, d.published, d.url, d.body_length,"
    " (SELECT COUNT(*) FROM annotations a WHERE a.document_id = d.id), d.outlet_id FROM documents d");

inline Code readCodeRow(const QSqlQuery &q)
{
    Code c;
    c.id = idFromString(q.value(0).toString());
    c.parentId = idFromString(q.value(1).toString());
    c.name = q.value(2).toString();
    c.color = QColor::fromString(q.value(3).toString());
    c.description = q.value(4).toString();
    c.shortcut = q.value(5).toString();
    c.position = q.value(6).toInt();
    c.unit = codeUnitFromName(q.value(7).toString()).value_or(CodeUnit::Span);
    c.useWhen = q.value(8).toString();
    c.avoidWhen = q.value(9).toString();
    c.example = q.value(10).toString();
    c.memo = q.value(11).toString();
    return c;
}

inline const QString CodeSelect = QStringLiteral(
    "SELECT id, parent_id, name, color, description, shortcut, position, unit, use_when, avoid_when, example, memo"
    " FROM codes");

inline Annotation readAnnotationRow(const QSqlQuery &q)
{
    Annotation a;
    a.id = idFromString(q.value(0).toString());
    a.documentId = idFromString(q.value(1).toString());
    a.codeId = idFromString(q.value(2).toString());
    a.start = q.value(3).toInt();
    a.end = q.value(4).toInt();
    a.coderId = idFromString(q.value(5).toString());
    a.memo = q.value(6).toString();
    a.created = parseTimestamp(q.value(7).toString());
    a.modified = parseTimestamp(q.value(8).toString());
    a.status = annotationStatusFromName(q.value(9).toString());
    a.reviewReason = q.value(10).toString();
    a.reviewEdit = q.value(11).toString();
    return a;
}

inline const QString AnnotationSelect = QStringLiteral(
    "SELECT id, document_id, code_id, start_offset, end_offset, coder_id, memo, created, modified, status,"
    " review_reason, review_edit FROM annotations JOIN annotation_anchors USING (document_id, id)");

constexpr qsizetype ChunkSize = 400; // ids per IN (...) list, well below SQLite's variable limit

// "?,?,?" for an IN (...) list of `count` ids.
inline QString placeholders(qsizetype count)
{
    QString result;
    result.reserve(count * 2);
    for (qsizetype i = 0; i < count; ++i)
        result += i == 0 ? QStringLiteral("?") : QStringLiteral(",?");
    return result;
}

// Runs a query and maps every row (readAll) or the first row (readOne).
template <typename Read>
auto readAll(QSqlQuery &q, const QString &context, Read read)
{
    exec(q, context);
    QList<std::decay_t<decltype(read(q))>> result;
    while (q.next())
        result.append(read(q));
    return result;
}

template <typename Read>
auto readOne(QSqlQuery &q, const QString &context, Read read) -> std::optional<std::decay_t<decltype(read(q))>>
{
    exec(q, context);
    if (!q.next())
        return std::nullopt;
    return read(q);
}

} // namespace newscoder::storage_detail
