// Rows of a study with several coders: assignments, reliability samples, the
// adjudication decision log and project settings.
#include "storage/StoreRows_p.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace newscoder {

using namespace storage_detail;

namespace {

Assignment readAssignmentRow(const QSqlQuery &q)
{
    Assignment a;
    a.documentId = idFromString(q.value(0).toString());
    a.coderId = idFromString(q.value(1).toString());
    a.sampleId = idFromString(q.value(2).toString());
    a.assigned = parseTimestamp(q.value(3).toString());
    if (!q.value(4).isNull())
        a.done = parseTimestamp(q.value(4).toString());
    return a;
}

QVariant nullableTimestamp(const QDateTime &time)
{
    return time.isValid() ? QVariant(timestamp(time)) : QVariant(QMetaType(QMetaType::QString));
}

// A decision's results as stored: [{"source": id, "result": id}, …].
QString resultsJson(const Decision &d)
{
    QJsonArray array;
    for (qsizetype i = 0; i < d.results.size(); ++i) {
        array.append(QJsonObject{
            {QStringLiteral("source"), i < d.sourceAnnotations.size() ? idString(d.sourceAnnotations[i]) : QString()},
            {QStringLiteral("result"), idString(d.results[i])}});
    }
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

Decision readDecisionRow(const QSqlQuery &q)
{
    Decision d;
    d.id = idFromString(q.value(0).toString());
    d.documentId = idFromString(q.value(1).toString());
    d.item = q.value(2).toString();
    d.kind = q.value(3).toString();
    d.decision = q.value(4).toString();
    d.fingerprint = q.value(5).toString();
    d.decidedBy = q.value(6).toString();
    d.decided = parseTimestamp(q.value(7).toString());
    d.sources = q.value(8).toString();
    const QJsonArray results = QJsonDocument::fromJson(q.value(9).toString().toUtf8()).array();
    for (const QJsonValue &v : results) {
        d.sourceAnnotations.append(idFromString(v[QLatin1String("source")].toString()));
        d.results.append(idFromString(v[QLatin1String("result")].toString()));
    }
    d.memo = q.value(10).toString();
    return d;
}

} // namespace

QList<Assignment> ProjectStore::assignments(const QUuid &coderId) const
{
    QString sql = QStringLiteral("SELECT document_id, coder_id, sample_id, assigned, done FROM assignments");
    if (!coderId.isNull())
        sql += QStringLiteral(" WHERE coder_id = ?");
    sql += QStringLiteral(" ORDER BY document_id, coder_id");
    QSqlQuery q = prepare(sql);
    if (!coderId.isNull())
        q.addBindValue(idString(coderId));
    return readAll(q, QStringLiteral("Cannot read assignments"), readAssignmentRow);
}

void ProjectStore::writeAssignment(const Assignment &a)
{
    QSqlQuery &q = prepareWrite(QStringLiteral(
        "INSERT INTO assignments (document_id, coder_id, sample_id, assigned, done) VALUES (?, ?, ?, ?, ?)"
        " ON CONFLICT (document_id, coder_id) DO UPDATE SET sample_id = excluded.sample_id,"
        " assigned = excluded.assigned, done = excluded.done"));
    q.addBindValue(idString(a.documentId));
    q.addBindValue(idString(a.coderId));
    q.addBindValue(nullableId(a.sampleId));
    q.addBindValue(timestamp(a.assigned));
    q.addBindValue(nullableTimestamp(a.done));
    exec(q, QStringLiteral("Cannot save an assignment"));
}

void ProjectStore::deleteAssignment(const QUuid &documentId, const QUuid &coderId)
{
    QSqlQuery &q = prepareWrite(QStringLiteral("DELETE FROM assignments WHERE document_id = ? AND coder_id = ?"));
    q.addBindValue(idString(documentId));
    q.addBindValue(idString(coderId));
    exec(q, QStringLiteral("Cannot remove an assignment"));
}

QList<ReliabilitySample> ProjectStore::reliabilitySamples() const
{
    QSqlQuery q = prepare(
        QStringLiteral("SELECT id, created, seed, spec, description FROM reliability_samples ORDER BY created, id"));
    return readAll(q, QStringLiteral("Cannot read reliability samples"), [](const QSqlQuery &r) {
        return ReliabilitySample{idFromString(r.value(0).toString()), parseTimestamp(r.value(1).toString()),
                                 r.value(2).toString().toULongLong(), r.value(3).toString(), r.value(4).toString()};
    });
}

void ProjectStore::insertReliabilitySample(const ReliabilitySample &s)
{
    QSqlQuery &q = prepareWrite(QStringLiteral(
        "INSERT INTO reliability_samples (id, created, seed, spec, description) VALUES (?, ?, ?, ?, ?)"));
    q.addBindValue(idString(s.id));
    q.addBindValue(timestamp(s.created));
    q.addBindValue(QString::number(s.seed)); // text: a 64-bit seed does not fit a signed integer column
    q.addBindValue(text(s.spec));
    q.addBindValue(text(s.description));
    exec(q, QStringLiteral("Cannot save a reliability sample"));
}

void ProjectStore::deleteReliabilitySample(const QUuid &id)
{
    QSqlQuery &q = prepareWrite(QStringLiteral("DELETE FROM reliability_samples WHERE id = ?"));
    q.addBindValue(idString(id));
    exec(q, QStringLiteral("Cannot remove a reliability sample"));
}

QList<Decision> ProjectStore::decisions(const QUuid &documentId) const
{
    QString sql = QStringLiteral("SELECT id, document_id, item, kind, decision, fingerprint, decided_by, decided,"
                                 " sources, results, memo FROM decisions");
    if (!documentId.isNull())
        sql += QStringLiteral(" WHERE document_id = ?");
    sql += QStringLiteral(" ORDER BY decided, id");
    QSqlQuery q = prepare(sql);
    if (!documentId.isNull())
        q.addBindValue(idString(documentId));
    return readAll(q, QStringLiteral("Cannot read the decision log"), readDecisionRow);
}

void ProjectStore::insertDecision(const Decision &d)
{
    QSqlQuery &q = prepareWrite(QStringLiteral(
        "INSERT INTO decisions (id, document_id, item, kind, decision, fingerprint, decided_by, decided, sources,"
        " results, memo) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(idString(d.id));
    q.addBindValue(idString(d.documentId));
    q.addBindValue(text(d.item));
    q.addBindValue(text(d.kind));
    q.addBindValue(text(d.decision));
    q.addBindValue(text(d.fingerprint));
    q.addBindValue(text(d.decidedBy));
    q.addBindValue(timestamp(d.decided));
    q.addBindValue(text(d.sources));
    q.addBindValue(resultsJson(d));
    q.addBindValue(text(d.memo));
    exec(q, QStringLiteral("Cannot save a decision"));
}

void ProjectStore::deleteDecision(const QUuid &id)
{
    QSqlQuery &q = prepareWrite(QStringLiteral("DELETE FROM decisions WHERE id = ?"));
    q.addBindValue(idString(id));
    exec(q, QStringLiteral("Cannot remove a decision"));
}

QList<QUuid> ProjectStore::documentsCodedBy(const QUuid &coderId) const
{
    QSqlQuery q = prepare(QStringLiteral("SELECT document_id FROM annotations WHERE coder_id = ? AND status <> 'suggested'"
                                         " UNION SELECT document_id FROM document_values WHERE coder_id = ?"));
    q.addBindValue(idString(coderId));
    q.addBindValue(idString(coderId));
    return readAll(q, QStringLiteral("Cannot read the coder's articles"),
                   [](const QSqlQuery &row) { return idFromString(row.value(0).toString()); });
}

QString ProjectStore::setting(const QString &name) const
{
    QSqlQuery q = prepare(QStringLiteral("SELECT value FROM meta WHERE name = ?"));
    q.addBindValue(QString(QStringLiteral("setting.") + name));
    exec(q, QStringLiteral("Cannot read the project settings"));
    return q.next() ? q.value(0).toString() : QString();
}

void ProjectStore::writeSetting(const QString &name, const QString &value)
{
    if (value.isEmpty()) {
        QSqlQuery &del = prepareWrite(QStringLiteral("DELETE FROM meta WHERE name = ?"));
        del.addBindValue(QString(QStringLiteral("setting.") + name));
        exec(del, QStringLiteral("Cannot save the project settings"));
        return;
    }
    QSqlQuery &q = prepareWrite(QStringLiteral("INSERT INTO meta (name, value) VALUES (?, ?)"
                                               " ON CONFLICT (name) DO UPDATE SET value = excluded.value"));
    q.addBindValue(QString(QStringLiteral("setting.") + name));
    q.addBindValue(text(value));
    exec(q, QStringLiteral("Cannot save the project settings"));
}

} // namespace newscoder
