#include "review/DecisionLog.h"

#include "dataset/Tables_p.h"
#include "storage/ProjectReader.h"
#include "storage/StoreError.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QSet>

namespace newscoder::review {

namespace {

using dataset::Column;
using dataset::ColumnType;

struct LogRow
{
    Decision decision;
    QString title;
    bool superseded = false;
};

QList<LogRow> readLog(const ProjectReader &store)
{
    QHash<QUuid, QString> titles;
    for (const DocumentSummary &d : store.documentSummaries())
        titles.insert(d.id, d.title);
    const QList<Decision> decisions = store.decisions();
    QHash<QString, qsizetype> lastOfItem;
    for (qsizetype i = 0; i < decisions.size(); ++i)
        lastOfItem.insert(decisions[i].item, i);
    QList<LogRow> rows;
    rows.reserve(decisions.size());
    for (qsizetype i = 0; i < decisions.size(); ++i)
        rows.append({decisions[i], titles.value(decisions[i].documentId), lastOfItem.value(decisions[i].item) != i});
    return rows;
}

QString resultsText(const Decision &d)
{
    QStringList ids;
    for (const QUuid &id : d.results) {
        if (!ids.contains(idString(id)))
            ids << idString(id);
    }
    return ids.join(u';');
}

class DecisionLogTable final : public dataset::Table
{
public:
    explicit DecisionLogTable(const ProjectReader &store) : m_store(store)
    {
        using dataset::detail::intColumn;
        using dataset::detail::textColumn;
        m_columns = {textColumn(QStringLiteral("decision_id"), QStringLiteral("Decision")),
                     textColumn(QStringLiteral("article_id"), QStringLiteral("Article")),
                     textColumn(QStringLiteral("article_title"), QStringLiteral("Article title")),
                     textColumn(QStringLiteral("item"), QStringLiteral("Review item")),
                     textColumn(QStringLiteral("kind"), QStringLiteral("What the coders disagreed on")),
                     textColumn(QStringLiteral("decision"), QStringLiteral("Decision")),
                     textColumn(QStringLiteral("decided_by"), QStringLiteral("Decided by")),
                     Column{QStringLiteral("decided"), ColumnType::DateTime, QStringLiteral("Decided at (UTC)"), {},
                            false, false},
                     textColumn(QStringLiteral("memo"), QStringLiteral("Rationale")),
                     textColumn(QStringLiteral("sources"), QStringLiteral("The coders' sides (JSON)")),
                     textColumn(QStringLiteral("results"), QStringLiteral("Consensus annotations created")),
                     intColumn(QStringLiteral("superseded"), QStringLiteral("Replaced by a later decision (1)"))};
    }

    dataset::TableKind kind() const override { return dataset::TableKind::Codebook; } // a study table, like codebook
    QString name() const override { return QStringLiteral("decisions"); }
    QString grain() const override { return QStringLiteral("one row per adjudication decision"); }
    const QList<Column> &columns() const override { return m_columns; }

    void forEachRow(const dataset::RowVisitor &visit) const override
    {
        for (const LogRow &r : readLog(m_store)) {
            const Decision &d = r.decision;
            const dataset::Row row{idString(d.id), idString(d.documentId), r.title, d.item, d.kind, d.decision,
                                   d.decidedBy, d.decided, d.memo, d.sources, resultsText(d),
                                   qint64(r.superseded ? 1 : 0)};
            if (!visit(row))
                return;
        }
    }

private:
    const ProjectReader &m_store;
    QList<Column> m_columns;
};

} // namespace

std::unique_ptr<dataset::Table> makeDecisionLogTable(const ProjectReader &store)
{
    return std::make_unique<DecisionLogTable>(store);
}

QString writeDecisionLogJsonl(const ProjectReader &store, const QString &path)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return QStringLiteral("Cannot write %1: %2").arg(path, file.errorString());
    try {
        for (const LogRow &r : readLog(store)) {
            const Decision &d = r.decision;
            QJsonArray results;
            for (const QString &id : resultsText(d).split(u';', Qt::SkipEmptyParts))
                results.append(id);
            const QJsonObject o{{QStringLiteral("decision_id"), idString(d.id)},
                                {QStringLiteral("article_id"), idString(d.documentId)},
                                {QStringLiteral("article_title"), r.title},
                                {QStringLiteral("item"), d.item},
                                {QStringLiteral("kind"), d.kind},
                                {QStringLiteral("decision"), d.decision},
                                {QStringLiteral("decided_by"), d.decidedBy},
                                {QStringLiteral("decided"), d.decided.toUTC().toString(Qt::ISODateWithMs)},
                                {QStringLiteral("memo"), d.memo},
                                {QStringLiteral("sources"), QJsonDocument::fromJson(d.sources.toUtf8()).array()},
                                {QStringLiteral("results"), results},
                                {QStringLiteral("superseded"), r.superseded}};
            file.write(QJsonDocument(o).toJson(QJsonDocument::Compact));
            file.write("\n");
        }
    } catch (const StoreError &e) {
        file.cancelWriting();
        return e.message();
    }
    if (!file.commit())
        return QStringLiteral("Cannot write %1: %2").arg(path, file.errorString());
    return {};
}

} // namespace newscoder::review
