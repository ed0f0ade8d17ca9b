// What edits after coding leave in the export: a renamed choice option (its
// label: SPSS/Stata carry the new one; renaming a value in use is refused; a
// stored value no option has gets its own code and label, with a warning),
// a deleted link target (no dangling id in any
// table, the graph loses the edge), and the links as nodes + edges with an
// actor. Statistics files are read back by pandas.read_stata.
#include "../CoreTestSupport.h"
#include "ExternalReader.h"
#include "dataset/Dataset.h"
#include "dataset/NetworkTables.h"
#include "export/Exporter.h"
#include "project/ProjectInternals.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace newscoder;
using namespace newscoder::test;
using namespace newscoder::dataset;

namespace {

QList<Row> rowsOf(const Table &table)
{
    QList<Row> rows;
    table.forEachRow([&](const Row &row) {
        rows.append(row);
        return true;
    });
    return rows;
}

qsizetype columnOf(const Table &table, const char *name)
{
    const QList<Column> &columns = table.columns();
    for (qsizetype i = 0; i < columns.size(); ++i) {
        if (columns[i].name == QLatin1String(name))
            return i;
    }
    return -1;
}

} // namespace

class TestExportEdits : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ProjectFixture> m_fx;

    Project &project() { return *m_fx->project; }
    Code code(const char *name) const { return *m_fx->project->codeByName(QString::fromLatin1(name)); }
    QUuid fieldOf(const char *codeName, const char *fieldName) const
    {
        return code(codeName).fieldByName(QString::fromLatin1(fieldName))->id;
    }
    QUuid annotate(const char *codeName, int start, int end)
    {
        return project().addAnnotation(m_fx->plainDoc, code(codeName).id, start, end, {}).value_or(QUuid());
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(openFixture(m_dir, m_fx));
    }

    void cleanup() { closeFixture(m_dir, m_fx); }

    void renamedOptionsInStatisticsFiles()
    {
        REQUIRE_PYTHON_MODULE("pandas");
        const QUuid partial = annotate("Quote", 25, 53);
        const QUuid direct = annotate("Quote", 0, 7);
        const QUuid stale = annotate("Quote", 8, 18);
        QVERIFY(project().setAnnotationValue(partial, fieldOf("Quote", "Type"), QStringLiteral("partial")));
        QVERIFY(project().setAnnotationValue(direct, fieldOf("Quote", "Type"), QStringLiteral("direct")));
        // Renaming the value of an option in use is refused (the stored values would no longer fit) …
        Code quote = code("Quote");
        CodeField *type = nullptr;
        for (CodeField &f : quote.fields) {
            if (f.name == QLatin1String("Type"))
                type = &f;
        }
        QVERIFY(type);
        const qsizetype options = type->options.size();
        for (FieldOption &o : type->options) {
            if (o.value == QLatin1String("partial"))
                o.value = QStringLiteral("part");
        }
        QVERIFY(!project().updateCode(quote));
        // … renaming its label is how an option is renamed: the statistics files carry the new label.
        for (FieldOption &o : type->options) {
            if (o.value == QLatin1String("part")) {
                o.value = QStringLiteral("partial");
                o.label = QStringLiteral("Partial quotation");
            }
        }
        QVERIFY(project().updateCode(quote));
        // A value no option has (as an older project or an imported file can hold), written to the store.
        {
            WriteTransaction tx(ProjectInternals::store(project()));
            ProjectInternals::store(project()).insertStoredValues(
                {StoredValue{StoredValue::Owner::Annotation,
                             stale,
                             {},
                             0,
                             FieldValue{fieldOf("Quote", "Type"), QStringLiteral("paraphrase"), {}, {}}}});
            tx.commit();
        }

        const Dataset dataset(project().reader(), {});
        const auto segments = dataset.table(TableKind::Segments);
        const qsizetype column = columnOf(*segments, "quote.type");
        QVERIFY(column >= 0);
        // What the store holds is what the table shows (never silently mapped).
        QStringList stored;
        for (const Row &row : rowsOf(*segments))
            stored.append(row[column].toString());
        stored.sort();
        QCOMPARE(stored, (QStringList{QStringLiteral("direct"), QStringLiteral("paraphrase"),
                                      QStringLiteral("partial")}));

        const QString dta = m_dir->filePath(QStringLiteral("segments.dta"));
        const auto result = exporting::exportTable(*segments, exporting::Format::Dta, dta);
        QVERIFY2(result.ok, qPrintable(result.error));
        QVERIFY2(result.warnings.join(u'\n').contains(
                     QStringLiteral("quote.type: values no option has (paraphrase)")),
                 qPrintable(result.warnings.join(u'\n')));
        QString error;
        const QJsonObject read =
            runPythonJson(
                QStringLiteral("import json, sys, pandas\n"
                               "r = pandas.io.stata.StataReader(sys.argv[1])\n"
                               "with r:\n"
                               "    data = r.read(convert_categoricals=False)\n"
                               "    labels = r.value_labels()['l_quote_type']\n"
                               "print(json.dumps({'codes': sorted(int(v) for v in data['quote_type']),\n"
                               "  'labels': {str(k): v for k, v in labels.items()}}))\n"),
                {dta}, &error)
                .object();
        QVERIFY2(error.isEmpty(), qPrintable(error));
        // direct = 1, partial = 3 (option order); "paraphrase" gets the code after the options, labelled
        // itself.
        QCOMPARE(read[u"codes"].toArray().toVariantList(), (QVariantList{1, 3, int(options + 1)}));
        QCOMPARE(read[u"labels"][QStringLiteral("3")].toString(), QStringLiteral("Partial quotation"));
        QCOMPARE(read[u"labels"][QString::number(options + 1)].toString(), QStringLiteral("paraphrase"));
        QCOMPARE(read[u"labels"][QStringLiteral("1")].toString(), QStringLiteral("Direct"));
    }

    void deletedLinkTargetLeavesNoDanglingId()
    {
        const QUuid speaker = annotate("Speaker", 9, 18);
        const QUuid quote = annotate("Quote", 25, 53);
        QVERIFY(project().addAnnotationLink(quote, speaker));
        {
            const Dataset dataset(project().reader(), {});
            QCOMPARE(rowsOf(*dataset.table(TableKind::Links)).size(), 1);
            QCOMPARE(rowsOf(*makeEdgesTable(dataset)).size(), 1);
        }
        QVERIFY(project().removeAnnotations({speaker}));
        const Dataset dataset(project().reader(), {});
        QCOMPARE(rowsOf(*dataset.table(TableKind::Links)).size(), 0);
        QCOMPARE(rowsOf(*makeEdgesTable(dataset)).size(), 0);
        QCOMPARE(rowsOf(*makeNodesTable(dataset)).size(), 0);
        // No table mentions the deleted annotation's id anywhere.
        const QString gone = idString(speaker);
        for (TableKind kind : allTables()) {
            for (const Row &row : rowsOf(*dataset.table(kind))) {
                for (const QVariant &cell : row)
                    QVERIFY2(!cell.toString().contains(gone), qPrintable(tableName(kind)));
            }
        }
        // Undo brings the target and the link back.
        project().undoStack()->undo();
        QCOMPARE(rowsOf(*makeEdgesTable(Dataset(project().reader(), {}))).size(), 1);
    }

    void nodesAndEdgesWithAnActor()
    {
        const QUuid speaker = annotate("Speaker", 9, 18); // "Ana Reyes"
        const QUuid quote = annotate("Quote", 25, 53);
        const auto actor = project().addActor(Actor{{}, QStringLiteral("Ana Reyes"), {}, {}, {}, {}, {}, {}});
        QVERIFY(actor);
        QVERIFY(project().addAnnotationLink(quote, speaker));
        QVERIFY(project().setAnnotationValues(speaker, fieldOf("Speaker", "Actor"),
                                              {FieldValue{fieldOf("Speaker", "Actor"), {}, {}, *actor}}));
        const Dataset dataset(project().reader(), {});
        const auto nodes = makeNodesTable(dataset);
        const auto edges = makeEdgesTable(dataset);
        QCOMPARE(nodes->name(), QStringLiteral("nodes"));
        QCOMPARE(edges->name(), QStringLiteral("edges"));
        QStringList nodeHeader, edgeHeader;
        for (const Column &c : nodes->columns())
            nodeHeader.append(c.name);
        for (const Column &c : edges->columns())
            edgeHeader.append(c.name);
        QCOMPARE(nodeHeader, (QStringList{QStringLiteral("id"), QStringLiteral("label"),
                                          QStringLiteral("kind"), QStringLiteral("code")}));
        QCOMPARE(edgeHeader.mid(0, 3),
                 (QStringList{QStringLiteral("source"), QStringLiteral("target"), QStringLiteral("field")}));
        QHash<QString, Row> byId;
        for (const Row &row : rowsOf(*nodes))
            byId.insert(row[0].toString(), row);
        QCOMPARE(byId.size(), 3);
        QCOMPARE(byId[idString(quote)][2].toString(), QStringLiteral("annotation"));
        QCOMPARE(byId[idString(quote)][3].toString(), QStringLiteral("Quote"));
        QCOMPARE(byId[idString(speaker)][1].toString(), QStringLiteral("Ana Reyes"));
        QCOMPARE(byId[idString(speaker)][3].toString(), QStringLiteral("Speaker"));
        QCOMPARE(byId[idString(*actor)][1].toString(), QStringLiteral("Ana Reyes"));
        QCOMPARE(byId[idString(*actor)][2].toString(), QStringLiteral("actor"));
        QVERIFY(byId[idString(*actor)][3].isNull());
        const QList<Row> edgeRows = rowsOf(*edges);
        QCOMPARE(edgeRows.size(), 2);
        QSet<QString> pairs;
        for (const Row &e : edgeRows) {
            QVERIFY(byId.contains(e[0].toString()) && byId.contains(e[1].toString()));
            pairs.insert(e[0].toString() + u'>' + e[1].toString() + u':' + e[2].toString());
        }
        QCOMPARE(pairs,
                 (QSet<QString>{idString(quote) + u'>' + idString(speaker) + QStringLiteral(":Speaker"),
                                idString(speaker) + u'>' + idString(*actor) + QStringLiteral(":Actor")}));
        // A coder filter that leaves out every link leaves an empty graph.
        Filter other;
        other.coders = {QStringLiteral("Alex Example")};
        QCOMPARE(rowsOf(*makeEdgesTable(Dataset(project().reader(), other))).size(), 2);
        Filter claimsOnly;
        claimsOnly.codes = {QStringLiteral("Claim")};
        QCOMPARE(rowsOf(*makeNodesTable(Dataset(project().reader(), claimsOnly))).size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestExportEdits)
#include "tst_exportedits.moc"
