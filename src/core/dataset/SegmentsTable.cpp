#include "dataset/FieldColumns.h"
#include "dataset/Tables_p.h"
#include "storage/ProjectReader.h"

// segments: one row per annotation, with its article, its text and context,
// and one or more columns per field of the exported codes.

namespace newscoder::dataset::detail {

namespace {

enum Fixed {
    AnnotationId,
    ArticleId,
    ArticleTitle,
    OutletName,
    ArticleDate,
    Url,
    CoderName,
    CodeName,
    CodePath,
    Start,
    End,
    StartChar,
    EndChar,
    Text,
    ContextBefore,
    ContextAfter,
    Memo,
    NeedsReview,
    CreatedAt,
    ModifiedAt,
    FixedCount
};

class SegmentsTable final : public Table
{
public:
    explicit SegmentsTable(const Dataset &dataset) : m_dataset(dataset)
    {
        ColumnNames names;
        auto add = [&](const QString &name, ColumnType type, const QString &label) {
            m_columns.append(Column{names.unique(name), type, label, {}, false, false});
        };
        add(QStringLiteral("annotation_id"), ColumnType::Text, QStringLiteral("Annotation id"));
        add(QStringLiteral("article_id"), ColumnType::Text, QStringLiteral("Article id"));
        add(QStringLiteral("article_title"), ColumnType::Text, QStringLiteral("Article title"));
        add(QStringLiteral("outlet"), ColumnType::Text, QStringLiteral("Outlet"));
        add(QStringLiteral("article_date"), ColumnType::Date, QStringLiteral("Publication date"));
        add(QStringLiteral("url"), ColumnType::Text, QStringLiteral("Article URL"));
        add(QStringLiteral("coder"), ColumnType::Text, QStringLiteral("Coder"));
        add(QStringLiteral("code"), ColumnType::Text, QStringLiteral("Code"));
        add(QStringLiteral("code_path"), ColumnType::Text, QStringLiteral("Code path (Parent/Child)"));
        add(QStringLiteral("start"), ColumnType::Integer, QStringLiteral("Start (UTF-16 code units, as stored)"));
        add(QStringLiteral("end"), ColumnType::Integer, QStringLiteral("End, exclusive (UTF-16 code units)"));
        add(QStringLiteral("start_char"), ColumnType::Integer, QStringLiteral("Start (Unicode code points)"));
        add(QStringLiteral("end_char"), ColumnType::Integer, QStringLiteral("End, exclusive (Unicode code points)"));
        add(QStringLiteral("text"), ColumnType::Text, QStringLiteral("Coded text"));
        add(QStringLiteral("context_before"), ColumnType::Text, QStringLiteral("Text before the span"));
        add(QStringLiteral("context_after"), ColumnType::Text, QStringLiteral("Text after the span"));
        add(QStringLiteral("memo"), ColumnType::Text, QStringLiteral("Memo"));
        add(QStringLiteral("needs_review"), ColumnType::Integer,
            QStringLiteral("1 = its text was deleted by a text edit (check it)"));
        m_columns.last().valueLabels = {{QStringLiteral("0"), QStringLiteral("no")},
                                        {QStringLiteral("1"), QStringLiteral("yes")}};
        add(QStringLiteral("created_at"), ColumnType::DateTime, QStringLiteral("Created (UTC)"));
        add(QStringLiteral("modified_at"), ColumnType::DateTime, QStringLiteral("Last modified (UTC)"));
        m_fields = FieldColumns(dataset.spanCodes(), names, dataset.codeNames());
        m_columns += m_fields.columns();
        for (const QUuid &code : m_fields.columnCodes())
            m_fieldCodePaths.append(dataset.codePath(code));
    }

    // A field column's cell is "not given" on a row of the field's own code.
    bool mayBeNotGiven(qsizetype column) const override { return column >= FixedCount; }
    bool notGiven(const Row &row, qsizetype column) const override
    {
        return column >= FixedCount && row.value(column).isNull()
               && m_fieldCodePaths.value(column - FixedCount) == row.value(CodePath).toString();
    }

    TableKind kind() const override { return TableKind::Segments; }
    QString grain() const override { return QStringLiteral("one row per annotation"); }
    const QList<Column> &columns() const override { return m_columns; }

    void forEachRow(const RowVisitor &visit) const override
    {
        DatasetQuery query = m_dataset.query();
        query.annotationValues = true;
        query.bodies = true;
        const int context = qMax(0, m_dataset.filter().contextCharacters);
        DatasetArticle current;
        std::optional<CodePointIndex> index;
        QVariant title, outlet, date, url, articleId;
        Row row;
        row.resize(m_columns.size());
        bool go = true;
        m_dataset.reader().streamDataset(
            query,
            [&](const DatasetArticle &a) {
                current = a;
                index.emplace(current.body);
                articleId = idString(a.id);
                title = a.title;
                outlet = m_dataset.outletName(a.outletId, a.outlet);
                date = a.date.isValid() ? QVariant(a.date) : QVariant();
                url = a.url;
                return go;
            },
            [&](const DatasetSegment &s) {
                const Annotation &an = s.annotation;
                row.fill(QVariant());
                row[AnnotationId] = idString(an.id);
                row[ArticleId] = articleId;
                row[ArticleTitle] = title;
                row[OutletName] = outlet;
                row[ArticleDate] = date;
                row[Url] = url;
                row[CoderName] = m_dataset.coderName(an.coderId);
                row[CodeName] = m_dataset.codeName(an.codeId);
                row[CodePath] = m_dataset.codePath(an.codeId);
                row[Start] = qint64(an.start);
                row[End] = qint64(an.end);
                row[StartChar] = qint64(index->at(an.start));
                row[EndChar] = qint64(index->at(an.end));
                row[Text] = current.body.mid(an.start, an.end - an.start);
                row[ContextBefore] = contextBefore(current.body, an.start, context);
                row[ContextAfter] = contextAfter(current.body, an.end, context);
                row[Memo] = an.memo;
                row[NeedsReview] = qint64(an.status == AnnotationStatus::Review ? 1 : 0);
                row[CreatedAt] = an.created;
                row[ModifiedAt] = an.modified;
                m_fields.fill(row, FixedCount, s.values);
                go = visit(row);
                return go;
            });
    }

private:
    const Dataset &m_dataset;
    QList<Column> m_columns;
    FieldColumns m_fields;
    QStringList m_fieldCodePaths; // per field column: its code's path
};

} // namespace

std::unique_ptr<Table> makeSegmentsTable(const Dataset &dataset)
{
    return std::make_unique<SegmentsTable>(dataset);
}

} // namespace newscoder::dataset::detail
