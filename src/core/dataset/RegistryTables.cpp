#include "dataset/FieldColumns.h"
#include "dataset/Tables_p.h"
#include "storage/ProjectReader.h"

#include <algorithm>

// links (the quote → speaker → actor network), actors, outlets and the
// codebook (the data dictionary).

namespace newscoder::dataset::detail {

namespace {

// A table whose rows come from a prepared list (the registries are small).
class ListTable : public Table
{
public:
    ListTable(TableKind kind, QString grain) : m_kind(kind), m_grain(std::move(grain)) {}
    TableKind kind() const override { return m_kind; }
    QString grain() const override { return m_grain; }
    const QList<Column> &columns() const override { return m_columns; }

protected:
    QList<Column> m_columns;

private:
    TableKind m_kind;
    QString m_grain;
};

class LinksTable final : public ListTable
{
public:
    explicit LinksTable(const Dataset &dataset)
        : ListTable(TableKind::Links, QStringLiteral("one row per link (a link field's value)")), m_dataset(dataset)
    {
        m_columns = {textColumn(QStringLiteral("source_annotation"), QStringLiteral("Annotation holding the link")),
                     textColumn(QStringLiteral("article_id"), QStringLiteral("Article of the source")),
                     textColumn(QStringLiteral("coder"), QStringLiteral("Coder of the source")),
                     textColumn(QStringLiteral("source_code"), QStringLiteral("Code of the source")),
                     textColumn(QStringLiteral("field"), QStringLiteral("Link field")),
                     textColumn(QStringLiteral("target_annotation"), QStringLiteral("Linked annotation id")),
                     textColumn(QStringLiteral("target_actor"), QStringLiteral("Linked actor id")),
                     textColumn(QStringLiteral("target_code"), QStringLiteral("Code of the linked annotation")),
                     textColumn(QStringLiteral("target_text"), QStringLiteral("Text of the linked annotation")),
                     textColumn(QStringLiteral("target_name"), QStringLiteral("Name of the linked actor"))};
        for (const Code &c : dataset.codes()) {
            for (const CodeField &f : c.fields)
                m_fieldNames.insert(f.id, f.name);
        }
    }

    void forEachRow(const RowVisitor &visit) const override
    {
        DatasetQuery query = m_dataset.query();
        query.bodies = false;
        query.annotationValues = true;
        bool go = true;
        QString articleId;
        m_dataset.reader().streamDataset(
            query,
            [&](const DatasetArticle &a) {
                articleId = idString(a.id);
                return go;
            },
            [&](const DatasetSegment &s) {
                for (const DatasetValue &v : s.values) {
                    if (!go || (v.targetId.isNull() && v.actorId.isNull()))
                        continue;
                    Row row(m_columns.size());
                    row[0] = idString(s.annotation.id);
                    row[1] = articleId;
                    row[2] = m_dataset.coderName(s.annotation.coderId);
                    row[3] = m_dataset.codeName(s.annotation.codeId);
                    row[4] = m_fieldNames.value(v.fieldId);
                    if (!v.targetId.isNull()) {
                        row[5] = idString(v.targetId);
                        row[7] = m_dataset.codeName(v.targetCodeId);
                        row[8] = v.targetText;
                    } else {
                        row[6] = idString(v.actorId);
                        row[9] = v.actorName;
                    }
                    go = visit(row);
                }
                return go;
            });
    }

private:
    const Dataset &m_dataset;
    QHash<QUuid, QString> m_fieldNames;
};

class ActorsTable final : public ListTable
{
public:
    explicit ActorsTable(const Dataset &dataset)
        : ListTable(TableKind::Actors, QStringLiteral("one row per actor")), m_dataset(dataset)
    {
        m_columns = {textColumn(QStringLiteral("actor_id"), QStringLiteral("Actor id")),
                     textColumn(QStringLiteral("name"), QStringLiteral("Name")),
                     textColumn(QStringLiteral("aliases"), QStringLiteral("Aliases (; separated)")),
                     textColumn(QStringLiteral("role"), QStringLiteral("Role")),
                     textColumn(QStringLiteral("affiliation"), QStringLiteral("Affiliation")),
                     textColumn(QStringLiteral("country"), QStringLiteral("Country")),
                     textColumn(QStringLiteral("memo"), QStringLiteral("Memo")),
                     intColumn(QStringLiteral("links"), QStringLiteral("Annotation values linking to the actor"))};
        ColumnNames names;
        for (const Column &c : m_columns)
            names.unique(c.name);
        for (const Actor &a : dataset.actors()) {
            for (const MetadataEntry &e : a.custom) {
                if (!m_customKeys.contains(e.first)) {
                    m_customKeys.append(e.first);
                    m_columns.append(textColumn(names.unique(QStringLiteral("custom.") + snakeName(e.first)), e.first));
                }
            }
        }
    }

    void forEachRow(const RowVisitor &visit) const override
    {
        const QHash<QUuid, int> links = m_dataset.reader().valueCountsByActor();
        for (const Actor &a : m_dataset.actors()) {
            Row row(m_columns.size());
            row[0] = idString(a.id);
            row[1] = a.name;
            row[2] = a.aliases.join(QStringLiteral("; "));
            row[3] = a.role;
            row[4] = a.affiliation;
            row[5] = a.country;
            row[6] = a.memo;
            row[7] = qint64(links.value(a.id));
            for (const MetadataEntry &e : a.custom)
                row[8 + m_customKeys.indexOf(e.first)] = e.second;
            if (!visit(row))
                return;
        }
    }

private:
    const Dataset &m_dataset;
    QStringList m_customKeys;
};

class OutletsTable final : public ListTable
{
public:
    explicit OutletsTable(const Dataset &dataset)
        : ListTable(TableKind::Outlets, QStringLiteral("one row per outlet")), m_dataset(dataset)
    {
        m_columns = {textColumn(QStringLiteral("outlet_id"), QStringLiteral("Outlet id")),
                     textColumn(QStringLiteral("name"), QStringLiteral("Name")),
                     textColumn(QStringLiteral("domains"), QStringLiteral("Web domains (; separated)")),
                     textColumn(QStringLiteral("country"), QStringLiteral("Country")),
                     textColumn(QStringLiteral("memo"), QStringLiteral("Memo")),
                     intColumn(QStringLiteral("articles"), QStringLiteral("Articles of the outlet"))};
        ColumnNames names;
        for (const Column &c : m_columns)
            names.unique(c.name);
        m_fields = FieldColumns(dataset.variableCodes(CodeUnit::Outlet), names, dataset.codeNames());
        m_columns += m_fields.columns();
    }

    void forEachRow(const RowVisitor &visit) const override
    {
        const QHash<QUuid, int> counts = m_dataset.reader().documentCountsByOutlet();
        QHash<QUuid, QString> actorNames;
        for (const Actor &a : m_dataset.actors())
            actorNames.insert(a.id, a.name);
        for (const Outlet &o : m_dataset.outlets()) {
            Row row(m_columns.size());
            row[0] = idString(o.id);
            row[1] = o.name;
            row[2] = o.domains.join(QStringLiteral("; "));
            row[3] = o.country;
            row[4] = o.memo;
            row[5] = qint64(counts.value(o.id));
            QList<DatasetValue> values;
            for (const StoredValue &v : m_dataset.reader().valuesOfOutlets({o.id}))
                values.append(DatasetValue{v.value.fieldId, {}, v.position, v.value.text, v.value.actorId,
                                           actorNames.value(v.value.actorId), {}, {}, {}});
            std::stable_sort(values.begin(), values.end(), [](const DatasetValue &a, const DatasetValue &b) {
                return a.fieldId != b.fieldId ? a.fieldId < b.fieldId : a.position < b.position;
            });
            m_fields.fill(row, 6, values);
            if (!visit(row))
                return;
        }
    }

private:
    const Dataset &m_dataset;
    FieldColumns m_fields;
};

class CodebookTable final : public ListTable
{
public:
    explicit CodebookTable(const Dataset &dataset)
        : ListTable(TableKind::Codebook, QStringLiteral("one row per code, field and value label")),
          m_dataset(dataset)
    {
        const QStringList names = {QStringLiteral("code_id"),   QStringLiteral("code"),
                                   QStringLiteral("code_path"), QStringLiteral("unit"),
                                   QStringLiteral("color"),     QStringLiteral("definition"),
                                   QStringLiteral("use_when"),  QStringLiteral("do_not_use_when"),
                                   QStringLiteral("example"),   QStringLiteral("field"),
                                   QStringLiteral("field_id"),  QStringLiteral("kind"),
                                   QStringLiteral("level"),     QStringLiteral("required"),
                                   QStringLiteral("value"),     QStringLiteral("label")};
        for (const QString &n : names)
            m_columns.append(textColumn(n, n));
        m_columns[13].type = ColumnType::Integer;
    }

    void forEachRow(const RowVisitor &visit) const override
    {
        for (const Code &c : m_dataset.codes()) {
            Row row(m_columns.size());
            row[0] = idString(c.id);
            row[1] = c.name;
            row[2] = m_dataset.codePath(c.id);
            row[3] = codeUnitName(c.unit);
            row[4] = c.color.name();
            row[5] = c.description;
            row[6] = c.useWhen;
            row[7] = c.avoidWhen;
            row[8] = c.example;
            if (c.fields.isEmpty() && !visit(row))
                return;
            for (const CodeField &f : c.fields) {
                Row fieldRow = row;
                fieldRow[9] = f.name;
                fieldRow[10] = idString(f.id);
                fieldRow[11] = fieldKindName(f.kind);
                fieldRow[12] = fieldLevel(f.kind);
                fieldRow[13] = qint64(f.required ? 1 : 0);
                if (f.options.isEmpty() && !visit(fieldRow))
                    return;
                for (const FieldOption &o : f.options) {
                    Row optionRow = fieldRow;
                    optionRow[14] = o.value;
                    optionRow[15] = o.label;
                    if (!visit(optionRow))
                        return;
                }
            }
        }
    }

private:
    const Dataset &m_dataset;
};

} // namespace

std::unique_ptr<Table> makeLinksTable(const Dataset &dataset)
{
    return std::make_unique<LinksTable>(dataset);
}

std::unique_ptr<Table> makeActorsTable(const Dataset &dataset)
{
    return std::make_unique<ActorsTable>(dataset);
}

std::unique_ptr<Table> makeOutletsTable(const Dataset &dataset)
{
    return std::make_unique<OutletsTable>(dataset);
}

std::unique_ptr<Table> makeCodebookTable(const Dataset &dataset)
{
    return std::make_unique<CodebookTable>(dataset);
}

} // namespace newscoder::dataset::detail
