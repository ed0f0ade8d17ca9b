// The dataset layer and the CSV/TSV/JSONL writers: columns and typed cells
// of each table, offsets in UTF-16 units and code points, filters, missing
// values never made up, and files read back by Python's csv and json modules.
// Cancelled or failed exports leave no file and an existing file untouched.
#include "../CoreTestSupport.h"
#include "ExternalReader.h"
#include "dataset/Dataset.h"
#include "export/CellText.h"
#include "export/Exporter.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace newscoder;
using namespace newscoder::test;
using namespace newscoder::dataset;

namespace {

struct TableData
{
    QStringList header;
    QList<Row> rows;
    QVariant cell(qsizetype row, const QString &column) const { return rows.value(row).value(header.indexOf(column)); }
    QVariant cell(qsizetype row, const char *column) const { return cell(row, QString::fromLatin1(column)); }
};

TableData readTable(const Table &table)
{
    TableData data;
    for (const Column &c : table.columns())
        data.header.append(c.name);
    table.forEachRow([&](const Row &row) {
        data.rows.append(row);
        return true;
    });
    return data;
}

TableData readTable(const ProjectReader &store, TableKind kind, const Filter &filter = {})
{
    const Dataset dataset(store, filter);
    return readTable(*dataset.table(kind));
}

qsizetype rowOf(const TableData &t, const QString &column, const QVariant &value)
{
    for (qsizetype i = 0; i < t.rows.size(); ++i) {
        if (t.cell(i, column) == value)
            return i;
    }
    return -1;
}

QStringList latin1List(std::initializer_list<const char *> names)
{
    QStringList list;
    for (const char *n : names)
        list.append(QString::fromLatin1(n));
    return list;
}

// A table that fails after `failAt` rows, as a broken disk or database would.
class FailingTable final : public Table
{
public:
    explicit FailingTable(int failAt) : m_failAt(failAt)
    {
        m_columns = {Column{QStringLiteral("n"), ColumnType::Integer, {}, {}, false, false}};
    }
    TableKind kind() const override { return TableKind::Segments; }
    QString grain() const override { return QStringLiteral("one row per number"); }
    const QList<Column> &columns() const override { return m_columns; }
    void forEachRow(const RowVisitor &visit) const override
    {
        for (int i = 0; i < 1000000; ++i) {
            if (i == m_failAt)
                throw StoreError(StoreError::Kind::Io, QStringLiteral("disk I/O error (simulated)"));
            if (!visit(Row{qint64(i)}))
                return;
        }
    }

private:
    int m_failAt;
    QList<Column> m_columns;
};

const QString CsvReader = QStringLiteral(
    "import csv, json, sys\n"
    "delim = sys.argv[2]\n"
    "with open(sys.argv[1], newline='', encoding='utf-8-sig') as f:\n"
    "    rows = list(csv.reader(f, delimiter=delim))\n"
    "print(json.dumps({'header': rows[0], 'rows': rows[1:]}))\n");

const QString JsonlReader = QStringLiteral(
    "import json, sys\n"
    "with open(sys.argv[1], encoding='utf-8') as f:\n"
    "    print(json.dumps([json.loads(line) for line in f]))\n");

} // namespace

class TestDatasetExport : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ProjectFixture> m_fx;
    QUuid m_tabDoc;

    Project &project() { return *m_fx->project; }
    Code code(const char *name) const { return *m_fx->project->codeByName(QString::fromLatin1(name)); }
    QUuid fieldOf(const char *codeName, const char *fieldName) const
    {
        return code(codeName).fieldByName(QString::fromLatin1(fieldName))->id;
    }
    QUuid annotate(const QUuid &doc, const char *codeName, int start, int end, const QString &memo = {})
    {
        return project().addAnnotation(doc, code(codeName).id, start, end, memo).value_or(QUuid());
    }
    QString file(const QString &name) const { return m_dir->filePath(name); }

private Q_SLOTS:
    void init()
    {
        QVERIFY(openFixture(m_dir, m_fx));
        m_tabDoc = project()
                       .importDocuments({makeDocument(QStringLiteral("Tabs"),
                                                      QStringLiteral("col\tumn said \"=SUM(A1)\"\r\nnext line"))})
                       .value(0);
        QVERIFY(!m_tabDoc.isNull());
    }

    void cleanup() { closeFixture(m_dir, m_fx); }

    void segmentsOffsetsAreUtf16AndCodePoints()
    {
        // 𝄞 is [10, 12) in UTF-16, [10, 11) in code points; the flag [23, 27) is [22, 24).
        const QUuid clef = annotate(m_fx->nonBmpDoc, "Quote", 10, 12);
        const QUuid flag = annotate(m_fx->nonBmpDoc, "Claim", 23, 27, QStringLiteral("a memo"));
        const TableData t = readTable(project().reader(), TableKind::Segments);
        QCOMPARE(t.header.mid(0, 20),
                 latin1List({"annotation_id", "article_id", "article_title", "outlet", "article_date", "url", "coder",
                              "code", "code_path", "start", "end", "start_char", "end_char", "text", "context_before",
                              "context_after", "memo", "needs_review", "created_at", "modified_at"}));
        QCOMPARE(t.rows.size(), 2);
        const qsizetype c = rowOf(t, QStringLiteral("annotation_id"), idString(clef));
        const qsizetype f = rowOf(t, QStringLiteral("annotation_id"), idString(flag));
        QVERIFY(c >= 0 && f >= 0);
        QCOMPARE(t.cell(c, "start").toLongLong(), 10);
        QCOMPARE(t.cell(c, "end").toLongLong(), 12);
        QCOMPARE(t.cell(c, "start_char").toLongLong(), 10);
        QCOMPARE(t.cell(c, "end_char").toLongLong(), 11);
        QCOMPARE(t.cell(c, "text").toString(), QStringLiteral("\U0001D11E"));
        QCOMPARE(t.cell(f, "start_char").toLongLong(), 22);
        QCOMPARE(t.cell(f, "end_char").toLongLong(), 24);
        QCOMPARE(t.cell(f, "text").toString(), QStringLiteral("\U0001F1FA\U0001F1E6"));
        QCOMPARE(t.cell(f, "memo").toString(), QStringLiteral("a memo"));
        QCOMPARE(t.cell(f, "coder").toString(), QStringLiteral("Alex Example"));
        QCOMPARE(t.cell(f, "article_date").toDate(), QDate(2024, 3, 14));
        QCOMPARE(t.cell(f, "needs_review").toLongLong(), 0);
        // Context counts code points and never splits a surrogate pair.
        QCOMPARE(t.cell(c, "context_before").toString(), QStringLiteral("Fans sang "));
        const Filter narrow{{}, {}, true, {}, false, false, 2};
        const TableData n = readTable(project().reader(), TableKind::Segments, narrow);
        const qsizetype nf = rowOf(n, QStringLiteral("annotation_id"), idString(flag));
        QCOMPARE(n.cell(nf, "context_before").toString(), QStringLiteral("d "));
        QCOMPARE(n.cell(nf, "context_after").toString(), QStringLiteral(" f"));
        const qsizetype nc = rowOf(n, QStringLiteral("annotation_id"), idString(clef));
        QCOMPARE(n.cell(nc, "context_after").toString(), QStringLiteral(" a"));
    }

    void fieldColumnsAreTyped()
    {
        const QUuid speaker = annotate(m_fx->plainDoc, "Speaker", 9, 18); // "Ana Reyes"
        const QUuid quote = annotate(m_fx->plainDoc, "Quote", 25, 53);
        const QUuid claim = annotate(m_fx->plainDoc, "Claim", 26, 52);
        const auto actor = project().addActor(Actor{{}, QStringLiteral("Ana Reyes"), {}, {}, {}, {}, {}, {}});
        QVERIFY(actor);
        QVERIFY(project().setAnnotationValue(quote, fieldOf("Quote", "Type"), QStringLiteral("direct")));
        QVERIFY(project().addAnnotationLink(quote, speaker));
        QVERIFY(project().setAnnotationValues(speaker, fieldOf("Speaker", "Actor"),
                                              {FieldValue{fieldOf("Speaker", "Actor"), {}, {}, *actor}}));
        QVERIFY(project().setAnnotationValue(claim, fieldOf("Claim", "Stance"), QStringLiteral("-2")));
        const TableData t = readTable(project().reader(), TableKind::Segments);
        const qsizetype q = rowOf(t, QStringLiteral("annotation_id"), idString(quote));
        const qsizetype s = rowOf(t, QStringLiteral("annotation_id"), idString(speaker));
        const qsizetype c = rowOf(t, QStringLiteral("annotation_id"), idString(claim));
        QCOMPARE(t.cell(q, "quote.type").toString(), QStringLiteral("direct"));
        QCOMPARE(t.cell(q, "quote.speaker").toString(), idString(speaker));
        QCOMPARE(t.cell(q, "quote.speaker_text").toString(), QStringLiteral("Ana Reyes"));
        QCOMPARE(t.cell(q, "quote.speaker_code").toString(), QStringLiteral("Speaker"));
        QCOMPARE(t.cell(s, "speaker.actor").toString(), idString(*actor));
        QCOMPARE(t.cell(s, "speaker.actor_name").toString(), QStringLiteral("Ana Reyes"));
        QCOMPARE(t.cell(c, "claim.stance").typeId(), QMetaType::Double);
        QCOMPARE(t.cell(c, "claim.stance").toDouble(), -2.0);
        // Fields of other codes, and fields without a value, are missing — not 0, not "".
        QVERIFY(t.cell(q, "claim.stance").isNull());
        QVERIFY(t.cell(c, "claim.verifiability").isNull());
        QVERIFY(t.cell(s, "speaker.role_in_article").isNull());

        // A deleted link target leaves the link cells empty (no dangling id).
        QVERIFY(project().removeAnnotations({speaker}));
        const TableData after = readTable(project().reader(), TableKind::Segments);
        const qsizetype q2 = rowOf(after, QStringLiteral("annotation_id"), idString(quote));
        QVERIFY(after.cell(q2, "quote.speaker").isNull());
        QVERIFY(after.cell(q2, "quote.speaker_text").isNull());
        QCOMPARE(after.cell(q2, "quote.type").toString(), QStringLiteral("direct"));
    }

    void fieldAddedAfterCodingIsMissing()
    {
        const QUuid quote = annotate(m_fx->plainDoc, "Quote", 25, 53);
        Code quoteCode = code("Quote");
        CodeField added;
        added.id = QUuid::createUuid();
        added.codeId = quoteCode.id;
        added.name = QStringLiteral("Emphasis");
        added.kind = FieldKind::Boolean;
        added.position = int(quoteCode.fields.size());
        quoteCode.fields.append(added);
        QVERIFY(project().updateCode(quoteCode));
        const TableData t = readTable(project().reader(), TableKind::Segments);
        QVERIFY(t.header.contains(QStringLiteral("quote.emphasis")));
        const qsizetype q = rowOf(t, QStringLiteral("annotation_id"), idString(quote));
        QVERIFY2(t.cell(q, "quote.emphasis").isNull(), "a field added after coding must be missing, not 0");
    }

    void renamedChoiceLabelKeepsValueAndUpdatesCodebook()
    {
        const QUuid quote = annotate(m_fx->plainDoc, "Quote", 25, 53);
        QVERIFY(project().setAnnotationValue(quote, fieldOf("Quote", "Type"), QStringLiteral("partial")));
        Code quoteCode = code("Quote");
        CodeField *type = nullptr;
        for (CodeField &f : quoteCode.fields) {
            if (f.name == QLatin1String("Type"))
                type = &f;
        }
        QVERIFY(type);
        for (FieldOption &o : type->options) {
            if (o.value == QLatin1String("partial"))
                o.label = QStringLiteral("Partial quotation (renamed)");
        }
        QVERIFY(project().updateCode(quoteCode));
        const TableData t = readTable(project().reader(), TableKind::Segments);
        QCOMPARE(t.cell(0, "quote.type").toString(), QStringLiteral("partial"));
        const TableData book = readTable(project().reader(), TableKind::Codebook);
        bool found = false;
        for (qsizetype i = 0; i < book.rows.size(); ++i) {
            if (book.cell(i, "code") == QVariant(QStringLiteral("Quote"))
                && book.cell(i, "value") == QVariant(QStringLiteral("partial"))) {
                QCOMPARE(book.cell(i, "label").toString(), QStringLiteral("Partial quotation (renamed)"));
                QCOMPARE(book.cell(i, "kind").toString(), QStringLiteral("choice"));
                found = true;
            }
        }
        QVERIFY(found);
        // The column carries the new label as a value label for SPSS/Stata.
        const Dataset dataset(project().reader(), {});
        const auto segments = dataset.table(TableKind::Segments);
        for (const Column &c : segments->columns()) {
            if (c.name == QLatin1String("quote.type")) {
                QVERIFY(c.categorical);
                QCOMPARE(c.valueLabels.value(2).label, QStringLiteral("Partial quotation (renamed)"));
            }
        }
    }

    void presenceColumnsSumToCounts()
    {
        annotate(m_fx->plainDoc, "Quote", 25, 53);
        annotate(m_fx->plainDoc, "Quote", 0, 8);
        annotate(m_fx->nonBmpDoc, "Quote", 10, 12);
        annotate(m_fx->nonBmpDoc, "Claim", 23, 27);
        project().setCoderName(QStringLiteral("Ben Second"));
        annotate(m_fx->plainDoc, "Claim", 26, 52);
        const TableData t = readTable(project().reader(), TableKind::Articles);
        QCOMPARE(t.rows.size(), 3); // plain × Alex, plain × Ben, non-BMP × Alex (the tab article is uncoded)
        qint64 quotes = 0, claims = 0, quotePresent = 0;
        for (qsizetype i = 0; i < t.rows.size(); ++i) {
            const qint64 n = t.cell(i, "n.quote").toLongLong();
            quotes += n;
            claims += t.cell(i, "n.claim").toLongLong();
            QCOMPARE(t.cell(i, "has.quote").toLongLong(), n > 0 ? 1 : 0);
            quotePresent += t.cell(i, "has.quote").toLongLong();
        }
        QCOMPARE(quotes, 3);
        QCOMPARE(claims, 2);
        QCOMPARE(quotePresent, 2);
        const qsizetype plainAlex = [&] {
            for (qsizetype i = 0; i < t.rows.size(); ++i)
                if (t.cell(i, "article_id") == QVariant(idString(m_fx->plainDoc))
                    && t.cell(i, "coder") == QVariant(QStringLiteral("Alex Example")))
                    return i;
            return qsizetype(-1);
        }();
        QVERIFY(plainAlex >= 0);
        QCOMPARE(t.cell(plainAlex, "n.quote").toLongLong(), 2);
        QCOMPARE(t.cell(plainAlex, "meta.byline").toString(), QStringLiteral("By Ana Writer"));
        // Uncoded articles on request: one row with an empty coder and zero counts.
        Filter all;
        all.uncodedArticles = true;
        const TableData every = readTable(project().reader(), TableKind::Articles, all);
        QCOMPARE(every.rows.size(), 4);
        const qsizetype tab = rowOf(every, QStringLiteral("article_id"), idString(m_tabDoc));
        QCOMPARE(every.cell(tab, "coder").toString(), QString());
        QCOMPARE(every.cell(tab, "n.quote").toLongLong(), 0);
    }

    void articleAndOutletVariables()
    {
        const auto outlet = project().addOutlet(Outlet{{}, QStringLiteral("Harbour Gazette"), {}, {}, {}});
        QVERIFY(outlet);
        QVERIFY(project().assignOutlet({m_fx->plainDoc, m_fx->nonBmpDoc}, *outlet));
        QVERIFY(project().setOutletValues(*outlet, fieldOf("Outlet", "Ownership"),
                                          {FieldValue{fieldOf("Outlet", "Ownership"), QStringLiteral("private"), {}, {}}}));
        QVERIFY(project().setOutletValues(*outlet, fieldOf("Outlet", "Reliability"),
                                          {FieldValue{fieldOf("Outlet", "Reliability"), QStringLiteral("4"), {}, {}}}));
        QVERIFY(project().setDocumentValues(m_fx->plainDoc, fieldOf("Article", "Slant"),
                                            {FieldValue{fieldOf("Article", "Slant"), QStringLiteral("-2"), {}, {}}}));
        QVERIFY(project().setDocumentValues(m_fx->plainDoc, fieldOf("Outlet", "Reliability"),
                                            {FieldValue{fieldOf("Outlet", "Reliability"), QStringLiteral("2"), {}, {}}}));
        const TableData t = readTable(project().reader(), TableKind::Articles);
        QCOMPARE(t.rows.size(), 1); // only the plain article was coded (a variable)
        QCOMPARE(t.cell(0, "outlet").toString(), QStringLiteral("Harbour Gazette"));
        QCOMPARE(t.cell(0, "article.slant").toDouble(), -2.0);
        QVERIFY(t.cell(0, "article.tone").isNull());
        QCOMPARE(t.cell(0, "outlet.ownership").toString(), QStringLiteral("private"));
        QCOMPARE(t.cell(0, "outlet.ownership_inherited").toLongLong(), 1);
        QCOMPARE(t.cell(0, "outlet.reliability").toDouble(), 2.0);
        QCOMPARE(t.cell(0, "outlet.reliability_inherited").toLongLong(), 0);
        QVERIFY(t.cell(0, "outlet.political_lean").isNull());
        QVERIFY(t.cell(0, "outlet.political_lean_inherited").isNull());
        const TableData outlets = readTable(project().reader(), TableKind::Outlets);
        const qsizetype mine = rowOf(outlets, QStringLiteral("name"), QStringLiteral("Harbour Gazette"));
        QVERIFY(mine >= 0);
        QCOMPARE(outlets.cell(mine, "outlet.reliability").toDouble(), 4.0);
        QCOMPARE(outlets.cell(mine, "outlet.ownership").toString(), QStringLiteral("private"));
        QCOMPARE(outlets.cell(mine, "articles").toLongLong(), 2);
    }

    void filtersSelectCodersCodesDocumentsAndSuggestions()
    {
        annotate(m_fx->plainDoc, "Quote", 25, 53);
        annotate(m_fx->nonBmpDoc, "Claim", 23, 27);
        project().setCoderName(QStringLiteral("Ben Second"));
        annotate(m_fx->plainDoc, "Quote", 0, 8);
        const auto suggested = project().addSuggestions({SuggestedSpan{m_fx->plainDoc, code("Claim").id, 60, 66}});
        QVERIFY(suggested && suggested->size() == 1);
        // A sub-code of Quote: --codes Quote brings it along unless told not to.
        Code sub;
        sub.id = QUuid::createUuid();
        sub.parentId = code("Quote").id;
        sub.name = QStringLiteral("Direct");
        sub.color = QColor(Qt::red);
        QVERIFY(project().addCode(sub));
        project().addAnnotation(m_fx->nonBmpDoc, sub.id, 0, 4);

        QCOMPARE(readTable(project().reader(), TableKind::Segments).rows.size(), 4);
        Filter f;
        f.includeSuggestions = true;
        QCOMPARE(readTable(project().reader(), TableKind::Segments, f).rows.size(), 5);
        f = {};
        f.coders = {QStringLiteral("Alex Example")};
        QCOMPARE(readTable(project().reader(), TableKind::Segments, f).rows.size(), 2);
        f = {};
        f.codes = {QStringLiteral("Quote")};
        const TableData quotes = readTable(project().reader(), TableKind::Segments, f);
        QCOMPARE(quotes.rows.size(), 3);
        QVERIFY(rowOf(quotes, QStringLiteral("code_path"), QStringLiteral("Quote/Direct")) >= 0);
        QVERIFY(!quotes.header.contains(QStringLiteral("claim.stance")));
        f.withSubCodes = false;
        QCOMPARE(readTable(project().reader(), TableKind::Segments, f).rows.size(), 2);
        f = {};
        f.documents = {m_fx->nonBmpDoc};
        QCOMPARE(readTable(project().reader(), TableKind::Segments, f).rows.size(), 2);
        f = {};
        f.coders = {QStringLiteral("Nobody")};
        QVERIFY_THROWS_EXCEPTION(StoreError, Dataset(project().reader(), f));
    }

    void emptyProjectHasHeadersOnly()
    {
        const QString path = file(QStringLiteral("empty.newscoder"));
        auto empty = Project::create(path, {});
        for (TableKind kind : allTables()) {
            const TableData t = readTable(empty->reader(), kind);
            QVERIFY2(t.rows.isEmpty(), qPrintable(tableName(kind)));
            QVERIFY(!t.header.isEmpty());
        }
        const Dataset dataset(empty->reader(), {});
        const QString csv = file(QStringLiteral("empty.csv"));
        const auto result = exporting::exportTable(*dataset.table(TableKind::Segments), exporting::Format::Csv, csv);
        QVERIFY2(result.ok, qPrintable(result.error));
        QFile f(csv);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(f.readAll().startsWith("annotation_id,article_id,"));
    }

    void csvAndTsvReadBackByPython_data()
    {
        QTest::addColumn<int>("format");
        QTest::addColumn<QString>("delimiter");
        QTest::addColumn<bool>("bom");
        QTest::newRow("csv") << int(exporting::Format::Csv) << QStringLiteral(",") << false;
        QTest::newRow("csv ; bom") << int(exporting::Format::Csv) << QStringLiteral(";") << true;
        QTest::newRow("tsv") << int(exporting::Format::Tsv) << QStringLiteral("\t") << false;
    }

    void csvAndTsvReadBackByPython()
    {
        QFETCH(int, format);
        QFETCH(QString, delimiter);
        QFETCH(bool, bom);
        REQUIRE_PYTHON_MODULE("csv");
        annotate(m_fx->nonBmpDoc, "Quote", 10, 12);
        annotate(m_fx->nonBmpDoc, "Quote", 47, 64, QStringLiteral("memo with \"quotes\", commas;\nand a newline"));
        annotate(m_tabDoc, "Quote", 0, 25); // a tab, quotes and a CRLF-free text with "=SUM"
        const Dataset dataset(project().reader(), {});
        const auto segments = dataset.table(TableKind::Segments);
        const QString path = file(QStringLiteral("segments.out"));
        exporting::ExportOptions options;
        options.delimiter = delimiter.front();
        options.byteOrderMark = bom;
        const auto result = exporting::exportTable(*segments, exporting::Format(format), path, options);
        QVERIFY2(result.ok, qPrintable(result.error));
        QCOMPARE(result.rows, 3);
        QFile raw(path);
        QVERIFY(raw.open(QIODevice::ReadOnly));
        QCOMPARE(raw.peek(3) == QByteArray("\xEF\xBB\xBF"), bom);
        QString error;
        const QJsonDocument doc = runPythonJson(CsvReader, {path, delimiter}, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const TableData expected = readTable(*segments);
        QJsonArray header = doc[u"header"].toArray();
        QCOMPARE(header.size(), expected.header.size());
        for (qsizetype i = 0; i < header.size(); ++i)
            QCOMPARE(header[i].toString(), expected.header[i]);
        const QJsonArray rows = doc[u"rows"].toArray();
        QCOMPARE(rows.size(), expected.rows.size());
        for (qsizetype r = 0; r < rows.size(); ++r) {
            const QJsonArray row = rows[r].toArray();
            for (qsizetype c = 0; c < row.size(); ++c)
                QCOMPARE(row[c].toString(), exporting::cellText(expected.rows[r][c]));
        }
        const qsizetype textColumn = expected.header.indexOf(QStringLiteral("text"));
        bool sawTab = false, sawMemo = false;
        for (const QJsonValue &row : rows) {
            sawTab = sawTab || row[textColumn].toString() == project().reader().documentText(m_tabDoc).left(25);
            sawMemo = sawMemo
                      || row[expected.header.indexOf(QStringLiteral("memo"))].toString()
                             == QStringLiteral("memo with \"quotes\", commas;\nand a newline");
        }
        QVERIFY(sawTab);
        QVERIFY(sawMemo);
    }

    void formulaInjectionIsNeutralised()
    {
        annotate(m_tabDoc, "Quote", 14, 22); // =SUM(A1)
        const Dataset dataset(project().reader(), {});
        const QString path = file(QStringLiteral("safe.csv"));
        exporting::ExportOptions options;
        options.neutraliseFormulas = true;
        QVERIFY(exporting::exportTable(*dataset.table(TableKind::Segments), exporting::Format::Csv, path, options).ok);
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        QVERIFY2(bytes.contains(",'=SUM(A1),"), bytes.constData());
        QVERIFY(!bytes.contains(",=SUM(A1),"));
        const QString plain = file(QStringLiteral("plain.csv"));
        QVERIFY(exporting::exportTable(*dataset.table(TableKind::Segments), exporting::Format::Csv, plain).ok);
        QFile g(plain);
        QVERIFY(g.open(QIODevice::ReadOnly));
        QVERIFY(g.readAll().contains(",=SUM(A1),")); // only on request
        QCOMPARE(exporting::neutraliseFormula(QStringLiteral("=1+1")), QStringLiteral("'=1+1"));
        QCOMPARE(exporting::neutraliseFormula(QStringLiteral("@cmd")), QStringLiteral("'@cmd"));
        QCOMPARE(exporting::neutraliseFormula(QStringLiteral("plain")), QStringLiteral("plain"));
    }

    void jsonlIsLosslessPerArticle()
    {
        REQUIRE_PYTHON_MODULE("json");
        const QUuid speaker = annotate(m_fx->plainDoc, "Speaker", 9, 18);
        const QUuid quote = annotate(m_fx->plainDoc, "Quote", 25, 53);
        QVERIFY(project().setAnnotationValue(quote, fieldOf("Quote", "Type"), QStringLiteral("direct")));
        QVERIFY(project().addAnnotationLink(quote, speaker));
        annotate(m_fx->nonBmpDoc, "Claim", 23, 27);
        QVERIFY(project().setDocumentValues(m_fx->plainDoc, fieldOf("Article", "Slant"),
                                            {FieldValue{fieldOf("Article", "Slant"), QStringLiteral("-2"), {}, {}}}));
        const Dataset dataset(project().reader(), {});
        const QString path = file(QStringLiteral("dataset.jsonl"));
        const auto result = exporting::exportJsonl(dataset, path);
        QVERIFY2(result.ok, qPrintable(result.error));
        QString error;
        const QJsonArray articles = runPythonJson(JsonlReader, {path}, &error).array();
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(articles.size(), 2);
        for (const QJsonValue &a : articles) {
            const QString text = a[u"text"].toString();
            for (const QJsonValue &an : a[u"annotations"].toArray()) {
                // Python slicing by code points gives the coded text.
                const QString byUnits = text.mid(an[u"start"].toInt(), an[u"end"].toInt() - an[u"start"].toInt());
                QCOMPARE(an[u"text"].toString(), byUnits);
            }
            if (a[u"article_id"].toString() != idString(m_fx->plainDoc))
                continue;
            QCOMPARE(a[u"metadata"][u"byline"].toString(), QStringLiteral("By Ana Writer"));
            QCOMPARE(a[u"variables"][u"Alex Example"][u"Article"][u"Slant"].toDouble(), -2.0);
            bool sawQuote = false;
            for (const QJsonValue &an : a[u"annotations"].toArray()) {
                if (an[u"annotation_id"].toString() != idString(quote))
                    continue;
                sawQuote = true;
                QCOMPARE(an[u"fields"][u"Type"].toString(), QStringLiteral("direct"));
                QCOMPARE(an[u"fields"][u"Speaker"].toString(), idString(speaker));
                QCOMPARE(an[u"links"][0][u"target_text"].toString(), QStringLiteral("Ana Reyes"));
                QCOMPARE(an[u"code_path"].toString(), QStringLiteral("Quote"));
            }
            QVERIFY(sawQuote);
        }
    }

    void linksTable()
    {
        const QUuid speaker = annotate(m_fx->plainDoc, "Speaker", 9, 18);
        const QUuid quote = annotate(m_fx->plainDoc, "Quote", 25, 53);
        QVERIFY(project().addAnnotationLink(quote, speaker));
        const TableData t = readTable(project().reader(), TableKind::Links);
        QCOMPARE(t.rows.size(), 1);
        QCOMPARE(t.cell(0, "source_annotation").toString(), idString(quote));
        QCOMPARE(t.cell(0, "source_code").toString(), QStringLiteral("Quote"));
        QCOMPARE(t.cell(0, "field").toString(), QStringLiteral("Speaker"));
        QCOMPARE(t.cell(0, "target_annotation").toString(), idString(speaker));
        QCOMPARE(t.cell(0, "target_code").toString(), QStringLiteral("Speaker"));
        QVERIFY(t.cell(0, "target_actor").isNull());
    }

    void cancelledExportLeavesExistingFileUntouched()
    {
        annotate(m_fx->plainDoc, "Quote", 25, 53);
        const QString path = file(QStringLiteral("keep.csv"));
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("the researcher's earlier export\n");
        }
        const QByteArray before = fileHash(path);
        const QStringList entries = folderEntries(m_dir->path());
        const Dataset dataset(project().reader(), {});
        const auto result = exporting::exportTable(*dataset.table(TableKind::Segments), exporting::Format::Csv, path, {},
                                                   [](qint64) { return false; });
        QVERIFY(!result.ok);
        QVERIFY(result.cancelled);
        QCOMPARE(fileHash(path), before);
        QCOMPARE(folderEntries(m_dir->path()), entries);
        // Cancelled before it existed: no file at all.
        const QString fresh = file(QStringLiteral("fresh.csv"));
        QVERIFY(!exporting::exportTable(*dataset.table(TableKind::Segments), exporting::Format::Csv, fresh, {},
                                        [](qint64) { return false; })
                     .ok);
        QVERIFY(!QFileInfo::exists(fresh));
        QVERIFY(!exporting::exportJsonl(dataset, fresh, [](qint64) { return false; }).ok);
        QVERIFY(!QFileInfo::exists(fresh));
        QCOMPARE(folderEntries(m_dir->path()), entries);
    }

    void failedExportLeavesNothing()
    {
        const QString path = file(QStringLiteral("fail.csv"));
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("old\n");
        }
        const QByteArray before = fileHash(path);
        const QStringList entries = folderEntries(m_dir->path());
        const FailingTable failing(300000); // fails after the first 1 MiB buffer went to the file
        const auto result = exporting::exportTable(failing, exporting::Format::Csv, path);
        QVERIFY(!result.ok);
        QVERIFY2(result.error.contains(QStringLiteral("simulated")), qPrintable(result.error));
        QCOMPARE(fileHash(path), before);
        QCOMPARE(folderEntries(m_dir->path()), entries);
        const auto missingFolder = exporting::exportTable(failing, exporting::Format::Tsv,
                                                          file(QStringLiteral("no/such/folder.tsv")));
        QVERIFY(!missingFolder.ok);
        QVERIFY(!missingFolder.error.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestDatasetExport)
#include "tst_datasetexport.moc"
