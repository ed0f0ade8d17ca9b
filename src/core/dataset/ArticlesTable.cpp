#include "dataset/FieldColumns.h"
#include "dataset/Tables_p.h"
#include "storage/ProjectReader.h"

#include <algorithm>
#include <map>

// articles: one row per article × coder who coded it (annotations or
// variables), optionally also uncoded articles (coder empty). Metadata,
// article variables, outlet variables (inherited or set for the article)
// and per span code the count of annotations and a 0/1 presence column —
// the case × code matrix.

namespace newscoder::dataset::detail {

namespace {

enum Fixed { ArticleId, CoderName, Title, OutletName, Date, Url, Author, Length, FixedCount };

class ArticlesTable final : public Table
{
public:
    explicit ArticlesTable(const Dataset &dataset) : m_dataset(dataset)
    {
        ColumnNames names;
        auto add = [&](const QString &name, ColumnType type, const QString &label) {
            m_columns.append(Column{names.unique(name), type, label, {}, false, false});
        };
        add(QStringLiteral("article_id"), ColumnType::Text, QStringLiteral("Article id"));
        add(QStringLiteral("coder"), ColumnType::Text, QStringLiteral("Coder (empty: nobody coded the article)"));
        add(QStringLiteral("article_title"), ColumnType::Text, QStringLiteral("Article title"));
        add(QStringLiteral("outlet"), ColumnType::Text, QStringLiteral("Outlet"));
        add(QStringLiteral("article_date"), ColumnType::Date, QStringLiteral("Publication date"));
        add(QStringLiteral("url"), ColumnType::Text, QStringLiteral("Article URL"));
        add(QStringLiteral("author"), ColumnType::Text, QStringLiteral("Author"));
        add(QStringLiteral("length"), ColumnType::Integer, QStringLiteral("Length of the text (UTF-16 code units)"));
        m_metaKeys = dataset.reader().datasetMetadataKeys(dataset.filter().documents);
        m_metaFirst = m_columns.size();
        for (const QString &key : m_metaKeys)
            add(QStringLiteral("meta.") + snakeName(key), ColumnType::Text, QStringLiteral("Metadata: ") + key);
        m_articleFirst = m_columns.size();
        m_articleFields = FieldColumns(dataset.variableCodes(CodeUnit::Article), names, dataset.codeNames());
        m_columns += m_articleFields.columns();
        m_outletFirst = m_columns.size();
        m_outletFields = FieldColumns(dataset.variableCodes(CodeUnit::Outlet), names, dataset.codeNames(), true);
        m_columns += m_outletFields.columns();
        m_countFirst = m_columns.size();
        for (const Code &c : dataset.spanCodes()) {
            const QString base = snakeName(c.name);
            add(QStringLiteral("n.") + base, ColumnType::Integer,
                QStringLiteral("Annotations of “%1” by the coder").arg(c.name));
            add(QStringLiteral("has.") + base, ColumnType::Integer,
                QStringLiteral("1 = the coder used “%1” in the article").arg(c.name));
            m_columns.last().valueLabels = {{QStringLiteral("0"), QStringLiteral("absent")},
                                            {QStringLiteral("1"), QStringLiteral("present")}};
            m_codeIndex.insert(c.id, m_codeIndex.size());
        }
        for (const Code &c : dataset.variableCodes(CodeUnit::Outlet)) {
            for (const CodeField &f : c.fields)
                m_outletFieldIds.insert(f.id);
        }
        // Outlet values: the registry is small; read once.
        QList<QUuid> outletIds;
        for (const Outlet &o : dataset.outlets())
            outletIds.append(o.id);
        for (const StoredValue &v : dataset.reader().valuesOfOutlets(outletIds)) {
            DatasetValue dv;
            dv.fieldId = v.value.fieldId;
            dv.position = v.position;
            dv.text = v.value.text;
            dv.actorId = v.value.actorId;
            for (const Actor &a : dataset.actors()) {
                if (a.id == dv.actorId)
                    dv.actorName = a.name;
            }
            m_outletValues[v.ownerId].append(dv);
        }
        for (auto &values : m_outletValues) {
            std::stable_sort(values.begin(), values.end(), [](const DatasetValue &a, const DatasetValue &b) {
                return a.fieldId != b.fieldId ? a.fieldId < b.fieldId : a.position < b.position;
            });
        }
    }

    TableKind kind() const override { return TableKind::Articles; }
    QString grain() const override { return QStringLiteral("one row per article and coder"); }
    const QList<Column> &columns() const override { return m_columns; }
    // An article variable a coder (or nobody, on an uncoded article) left empty.
    bool mayBeNotGiven(qsizetype column) const override { return column >= m_articleFirst && column < m_outletFirst; }
    bool notGiven(const Row &row, qsizetype column) const override
    {
        return mayBeNotGiven(column) && row.value(column).isNull();
    }

    void forEachRow(const RowVisitor &visit) const override
    {
        DatasetQuery query = m_dataset.query();
        query.annotationValues = false;
        query.bodies = false;
        query.everyArticle = m_dataset.filter().uncodedArticles;
        bool go = true;
        bool pending = false;
        DatasetArticle article;
        std::map<QString, std::pair<QUuid, QList<int>>> coders; // by name: id, counts per code
        auto flush = [&]() {
            if (!pending)
                return;
            pending = false;
            for (const DatasetValue &v : article.variables) {
                const QString name = m_dataset.coderName(v.coderId);
                if (!coders.contains(name))
                    coders[name] = {v.coderId, QList<int>(m_codeIndex.size(), 0)};
            }
            if (coders.empty() && m_dataset.filter().uncodedArticles)
                coders[QString()] = {QUuid(), QList<int>(m_codeIndex.size(), 0)};
            for (const auto &[name, entry] : coders) {
                if (go)
                    go = visit(articleRow(article, name, entry.first, entry.second));
            }
            coders.clear();
        };
        m_dataset.reader().streamDataset(
            query,
            [&](const DatasetArticle &a) {
                flush();
                article = a;
                pending = true;
                return go;
            },
            [&](const DatasetSegment &s) {
                const QString name = m_dataset.coderName(s.annotation.coderId);
                auto it = coders.find(name);
                if (it == coders.end())
                    it = coders.emplace(name, std::make_pair(s.annotation.coderId, QList<int>(m_codeIndex.size(), 0)))
                             .first;
                const auto code = m_codeIndex.constFind(s.annotation.codeId);
                if (code != m_codeIndex.constEnd())
                    ++it->second.second[*code];
                return go;
            });
        flush();
    }

private:
    Row articleRow(const DatasetArticle &a, const QString &coder, const QUuid &coderId, const QList<int> &counts) const
    {
        Row row(m_columns.size());
        row[ArticleId] = idString(a.id);
        row[CoderName] = coder;
        row[Title] = a.title;
        row[OutletName] = m_dataset.outletName(a.outletId, a.outlet);
        if (a.date.isValid())
            row[Date] = a.date;
        row[Url] = a.url;
        row[Author] = a.author;
        row[Length] = qint64(a.length);
        for (const MetadataEntry &m : a.metadata) {
            const qsizetype k = m_metaKeys.indexOf(m.first);
            if (k >= 0 && row[m_metaFirst + k].isNull())
                row[m_metaFirst + k] = m.second;
        }
        QList<DatasetValue> mine;
        QSet<QUuid> given;
        for (const DatasetValue &v : a.variables) {
            if (v.coderId == coderId) {
                mine.append(v);
                given.insert(v.fieldId);
            }
        }
        m_articleFields.fill(row, m_articleFirst, mine);
        // Outlet variables: the outlet's values, overridden by the coder's own.
        QList<DatasetValue> inherited;
        QSet<QUuid> inheritedFields;
        for (const DatasetValue &v : m_outletValues.value(a.outletId)) {
            if (!given.contains(v.fieldId)) {
                inherited.append(v);
                inheritedFields.insert(v.fieldId);
            }
        }
        m_outletFields.fill(row, m_outletFirst, inherited);
        m_outletFields.fill(row, m_outletFirst, mine);
        QSet<QUuid> givenOutletFields;
        for (const QUuid &id : given) {
            if (m_outletFieldIds.contains(id))
                givenOutletFields.insert(id);
        }
        m_outletFields.markInherited(row, m_outletFirst, inheritedFields, givenOutletFields);
        for (qsizetype i = 0; i < counts.size(); ++i) {
            row[m_countFirst + 2 * i] = qint64(counts[i]);
            row[m_countFirst + 2 * i + 1] = qint64(counts[i] > 0 ? 1 : 0);
        }
        return row;
    }

    const Dataset &m_dataset;
    QList<Column> m_columns;
    QStringList m_metaKeys;
    qsizetype m_metaFirst = 0, m_articleFirst = 0, m_outletFirst = 0, m_countFirst = 0;
    FieldColumns m_articleFields, m_outletFields;
    QHash<QUuid, int> m_codeIndex;
    QSet<QUuid> m_outletFieldIds;
    QHash<QUuid, QList<DatasetValue>> m_outletValues;
};

} // namespace

std::unique_ptr<Table> makeArticlesTable(const Dataset &dataset)
{
    return std::make_unique<ArticlesTable>(dataset);
}

} // namespace newscoder::dataset::detail
