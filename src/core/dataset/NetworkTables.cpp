#include "dataset/NetworkTables.h"

#include "dataset/Tables_p.h"
#include "storage/ProjectReader.h"

#include <QSet>

// Nodes and edges stream from the same pass as the links table: the article
// text gives a source annotation's label, the stored link its target's.

namespace newscoder::dataset {

namespace {

enum class Part
{
    Nodes,
    Edges
};

class NetworkTable final : public Table
{
public:
    NetworkTable(const Dataset &dataset, Part part) : m_dataset(dataset), m_part(part)
    {
        if (part == Part::Nodes) {
            m_columns = {
                detail::textColumn(QStringLiteral("id"), QStringLiteral("Annotation or actor id")),
                detail::textColumn(QStringLiteral("label"), QStringLiteral("Annotation text or actor name")),
                detail::textColumn(QStringLiteral("kind"), QStringLiteral("annotation or actor")),
                detail::textColumn(QStringLiteral("code"), QStringLiteral("Code of the annotation"))};
        } else {
            m_columns = {
                detail::textColumn(QStringLiteral("source"), QStringLiteral("Annotation holding the link")),
                detail::textColumn(QStringLiteral("target"), QStringLiteral("Linked annotation or actor")),
                detail::textColumn(QStringLiteral("field"), QStringLiteral("Link field")),
                detail::textColumn(QStringLiteral("coder"), QStringLiteral("Coder of the source"))};
        }
        for (const Code &c : dataset.codes()) {
            for (const CodeField &f : c.fields)
                m_fieldNames.insert(f.id, f.name);
        }
    }

    TableKind kind() const override { return TableKind::Links; }
    QString name() const override
    {
        return m_part == Part::Nodes ? QStringLiteral("nodes") : QStringLiteral("edges");
    }
    QString grain() const override
    {
        return m_part == Part::Nodes ? QStringLiteral("one row per annotation or actor a link touches")
                                     : QStringLiteral("one row per link (source → target)");
    }
    const QList<Column> &columns() const override { return m_columns; }

    void forEachRow(const RowVisitor &visit) const override
    {
        DatasetQuery query = m_dataset.query();
        query.bodies = true; // source labels
        query.annotationValues = true;
        bool go = true;
        QString body;
        QSet<QUuid> seen; // nodes already written
        Row row(m_columns.size());
        const auto node = [&](const QUuid &id, const QString &label, const QString &kind,
                              const QString &code) {
            if (!go || seen.contains(id))
                return;
            seen.insert(id);
            row = Row{idString(id), label, kind, code.isEmpty() ? QVariant() : QVariant(code)};
            go = visit(row);
        };
        m_dataset.reader().streamDataset(
                query,
                [&](const DatasetArticle &a) {
                    body = a.body;
                    return go;
                },
                [&](const DatasetSegment &s) {
                    const Annotation &an = s.annotation;
                    for (const DatasetValue &v : s.values) {
                        if (!go || (v.targetId.isNull() && v.actorId.isNull()))
                            continue;
                        const QUuid target = v.targetId.isNull() ? v.actorId : v.targetId;
                        if (m_part == Part::Edges) {
                            row = Row{idString(an.id), idString(target), m_fieldNames.value(v.fieldId),
                                      m_dataset.coderName(an.coderId)};
                            go = visit(row);
                            continue;
                        }
                        node(an.id, body.mid(an.start, an.end - an.start), QStringLiteral("annotation"),
                             m_dataset.codeName(an.codeId));
                        if (v.targetId.isNull())
                            node(v.actorId, v.actorName, QStringLiteral("actor"), {});
                        else
                            node(v.targetId, v.targetText, QStringLiteral("annotation"),
                                 m_dataset.codeName(v.targetCodeId));
                    }
                    return go;
                });
    }

private:
    const Dataset &m_dataset;
    Part m_part;
    QList<Column> m_columns;
    QHash<QUuid, QString> m_fieldNames;
};

} // namespace

std::unique_ptr<Table> makeNodesTable(const Dataset &dataset)
{
    return std::make_unique<NetworkTable>(dataset, Part::Nodes);
}

std::unique_ptr<Table> makeEdgesTable(const Dataset &dataset)
{
    return std::make_unique<NetworkTable>(dataset, Part::Edges);
}

std::unique_ptr<Table> makeNetworkTable(const Dataset &dataset, const QString &name)
{
    if (name == QLatin1String("nodes"))
        return makeNodesTable(dataset);
    if (name == QLatin1String("edges"))
        return makeEdgesTable(dataset);
    return nullptr;
}

} // namespace newscoder::dataset
