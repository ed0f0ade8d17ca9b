// newscoder-cli export --all (the study folder), run as a real process.
// Every file the manifest names is read back by an independent reader
// (Python csv, pandas.read_stata, GNU PSPP) and must match what the manifest
// says about it. The codebook document is tested in tst_cli_codebookdocument.
#include "../core/export/ExternalReader.h"
#include "StudyFixture.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace newscoder::test;

namespace {

// Checks every CSV of a study folder against manifest.json: the file exists,
// its header is the manifest's column list, its row count the manifest's,
// every cell parses as the column's type. Prints {"errors": [...], "tables":
// {table: {"rows": n, "header": [...]}}, "pairs": {table: [[article, coder]]}}.
const QString CheckCsvFolder = s(R"PY(
import csv, json, os, re, sys
folder = sys.argv[1]
manifest = json.load(open(os.path.join(folder, 'manifest.json'), encoding='utf-8'))
errors, tables, pairs = [], {}, {}
checks = {
    'integer': lambda v: re.fullmatch(r'-?[0-9]+', v),
    'number': lambda v: float(v) is not None,
    'date': lambda v: re.fullmatch(r'[0-9]{4}-[0-9]{2}-[0-9]{2}', v),
    'datetime': lambda v: re.fullmatch(r'[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.]+Z', v),
    'string': lambda v: True,
}
for entry in manifest['files']:
    path = os.path.join(folder, entry['file'])
    if not os.path.isfile(path):
        errors.append('missing file ' + entry['file'])
        continue
    if entry['format'] != 'csv':
        continue
    with open(path, newline='', encoding='utf-8') as f:
        rows = list(csv.reader(f))
    header, body = rows[0], rows[1:]
    names = [c['name'] for c in entry['columns']]
    if header != names:
        errors.append(entry['file'] + ': header differs from the manifest')
    if len(body) != entry['rows']:
        errors.append('%s: %d rows, manifest says %d' % (entry['file'], len(body), entry['rows']))
    for r in body:
        if len(r) != len(names):
            errors.append(entry['file'] + ': a row has %d cells' % len(r))
            continue
        for cell, col in zip(r, entry['columns']):
            try:
                ok = cell == '' or checks[col['type']](cell)
            except ValueError:
                ok = False
            if not ok:
                errors.append('%s: %s is not a %s: %r' % (entry['file'], col['name'], col['type'], cell))
    tables[entry['table']] = {'rows': len(body), 'header': header}
    if 'article_id' in header and 'coder' in header:
        a, c = header.index('article_id'), header.index('coder')
        pairs[entry['table']] = [[r[a], r[c]] for r in body]
print(json.dumps({'errors': errors, 'tables': tables, 'pairs': pairs, 'manifest': manifest}))
)PY");

// Reads every .dta of the folder with pandas and compares it with the manifest.
const QString CheckStataFolder = s(R"PY(
import json, os, sys, pandas
folder = sys.argv[1]
manifest = json.load(open(os.path.join(folder, 'manifest.json'), encoding='utf-8'))
errors, tables = [], {}
for entry in manifest['files']:
    if entry['format'] != 'dta':
        continue
    frame = pandas.read_stata(os.path.join(folder, entry['file']), convert_categoricals=False)
    if len(frame.columns) != len(entry['columns']):
        errors.append('%s: %d variables, manifest says %d' % (entry['file'], len(frame.columns), len(entry['columns'])))
    if len(frame) != entry['rows']:
        errors.append('%s: %d rows, manifest says %d' % (entry['file'], len(frame), entry['rows']))
    names = [c.get('variable', c['name']) for c in entry['columns']]
    if list(frame.columns) != names:
        errors.append('%s: variables %s, manifest %s' % (entry['file'], list(frame.columns), names))
    for col in entry['columns']:
        name = col.get('variable', col['name'])
        if name not in frame.columns:
            continue
        kind = frame[name].dtype.kind
        if col['type'] in ('integer', 'number') and kind not in 'iuf':
            errors.append('%s: %s is %s, not numeric' % (entry['file'], name, frame[name].dtype))
        if col['type'] == 'string' and not col.get('categorical') and kind != 'O':
            errors.append('%s: %s is %s, not text' % (entry['file'], name, frame[name].dtype))
    tables[entry['table']] = {'rows': len(frame), 'columns': list(frame.columns)}
print(json.dumps({'errors': errors, 'tables': tables}))
)PY");

} // namespace

class TestCliStudy : public StudyFixture
{
    Q_OBJECT

private:
    QJsonObject readStudy(const QString &folder)
    {
        QString error;
        const QJsonObject result = runPythonJson(CheckCsvFolder, {folder}, &error).object();
        if (!error.isEmpty())
            qWarning("%s", qPrintable(error));
        return result;
    }

private Q_SLOTS:
    void initTestCase()
    {
        buildStudy();
    }

    void studyFolderMatchesItsManifest()
    {
        REQUIRE_PYTHON_MODULE("csv");
        const QString folder = out(s("study-csv"));
        const CliRun r = ok({s("export"), m_project, s("--all"), s("--out"), folder});
        QVERIFY2(r.ok(), qPrintable(r.describe()));
        const QJsonObject study = readStudy(folder);
        QVERIFY2(study[u"errors"].toArray().isEmpty(),
                 QJsonDocument(study[u"errors"].toArray()).toJson().constData());
        const QJsonObject manifest = study[u"manifest"].toObject();
        QCOMPARE(manifest[u"format"].toString(), s("newscoder-study-folder"));
        QVERIFY(manifest[u"format_version"].toInt() >= 1);
        QVERIFY(!manifest[u"newscoder_version"].toString().isEmpty());
        QCOMPARE(manifest[u"project"][u"file"].toString(), s("study.newscoder"));
        QVERIFY(manifest[u"filters"].isObject());
        QVERIFY(QFileInfo::exists(folder + s("/import.R")));
        // Every table is there, each with its grain.
        QStringList tables;
        for (const QJsonValue &f : manifest[u"files"].toArray()) {
            tables.append(f[u"table"].toString());
            QVERIFY(f[u"grain"].toString().startsWith(s("one row per")));
        }
        for (const char *t : {"segments", "articles", "links", "nodes", "edges", "actors", "outlets",
                              "codebook", "reliability"})
            QVERIFY2(tables.contains(QString::fromLatin1(t)), t);
        // The rows are the project's: 6 annotations, 2 quote → speaker links.
        QCOMPARE(study[u"tables"][u"segments"][u"rows"].toInt(), 6);
        QCOMPARE(study[u"tables"][u"links"][u"rows"].toInt(), 2);
        // Nothing but the manifest's files, manifest.json and import.R (no scratch folder left behind).
        QStringList expected{s("manifest.json"), s("import.R")};
        for (const QJsonValue &f : manifest[u"files"].toArray())
            expected.append(f[u"file"].toString());
        QStringList present =
            QDir(folder).entryList(QDir::Files | QDir::Dirs | QDir::Hidden | QDir::NoDotAndDotDot);
        present.sort();
        expected.sort();
        QCOMPARE(present, expected);
        QCOMPARE(QDir(m_dir.path()).entryList({s(".study-csv*")}, QDir::AllEntries | QDir::Hidden),
                 QStringList());
    }

    void reliabilityTableIsOneRowPerUnitAndCoder()
    {
        REQUIRE_PYTHON_MODULE("csv");
        const QString folder = out(s("study-reliability"));
        QVERIFY(ok({s("export"), m_project, s("--all"), s("--out"), folder}).ok());
        const QJsonObject study = readStudy(folder);
        QVERIFY(study[u"errors"].toArray().isEmpty());
        const QJsonArray pairs = study[u"pairs"][u"reliability"].toArray();
        // festival × Ana, festival × Ben, harbour × Ana (quote), harbour × Ben (article variable).
        QCOMPARE(pairs.size(), 4);
        QSet<QString> seen;
        for (const QJsonValue &p : pairs) {
            const QString key = p[0].toString() + u'|' + p[1].toString();
            QVERIFY2(!seen.contains(key), qPrintable(key)); // unit × coder is unique
            seen.insert(key);
        }
        for (const QString &coder : {s("Ana"), s("Ben")}) {
            QVERIFY(seen.contains(m_festival + u'|' + coder));
            QVERIFY(seen.contains(m_harbour + u'|' + coder));
        }
        const QStringList header = study[u"tables"][u"reliability"][u"header"].toVariant().toStringList();
        QCOMPARE(header.mid(0, 2), (QStringList{s("article_id"), s("coder")}));
        QVERIFY(header.contains(s("n.quote")));       // per code
        QVERIFY(header.contains(s("article.slant"))); // per article variable
        // The same unit × coder pairs as the articles table.
        QCOMPARE(study[u"pairs"][u"articles"].toArray().size(), pairs.size());
    }

    void studyFolderWithStataReadByPandas()
    {
        REQUIRE_PYTHON_MODULE("pandas");
        const QString folder = out(s("study-dta"));
        const CliRun r =
            ok({s("export"), m_project, s("--all"), s("--format"), s("dta"), s("--out"), folder});
        QVERIFY2(r.ok(), qPrintable(r.describe()));
        const QJsonObject study = readStudy(folder);
        QVERIFY(study[u"errors"].toArray().isEmpty());
        // Names that had to change: a CLI note and the name-mapping table (read by Python's csv above).
        QVERIFY2(r.err.contains("the mapping is in variable_names.csv"), r.err.constData());
        const QJsonArray mapping = study[u"tables"][u"variable_names"][u"header"].toArray();
        QCOMPARE(mapping.toVariantList(), (QVariantList{s("table"), s("file"), s("column"), s("variable")}));
        QFile names(folder + s("/variable_names.csv"));
        QVERIFY(names.open(QIODevice::ReadOnly));
        QVERIFY(names.readAll().contains("segments,segments.dta,quote.type,quote_type\r\n"));
        QString error;
        const QJsonObject stata = runPythonJson(CheckStataFolder, {folder}, &error).object();
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY2(stata[u"errors"].toArray().isEmpty(),
                 QJsonDocument(stata[u"errors"].toArray()).toJson().constData());
        QCOMPARE(stata[u"tables"].toObject().size(), 9);
        QCOMPARE(stata[u"tables"][u"segments"][u"rows"].toInt(), 6);
        QCOMPARE(stata[u"tables"][u"reliability"][u"rows"].toInt(), 4);
    }

    void studyFolderWithSpssReadByPspp()
    {
        REQUIRE_EXECUTABLE(pspp, "pspp", "pspp");
        const QString folder = out(s("study-sav"));
        const CliRun r =
            ok({s("export"), m_project, s("--all"), s("--format"), s("sav"), s("--out"), folder});
        QVERIFY2(r.ok(), qPrintable(r.describe()));
        const QJsonObject manifest = QJsonDocument::fromJson([&] {
                                         QFile f(folder + s("/manifest.json"));
                                         return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
                                     }())
                                         .object();
        int savFiles = 0;
        for (const QJsonValue &entry : manifest[u"files"].toArray()) {
            if (entry[u"format"].toString() != s("sav"))
                continue;
            ++savFiles;
            const QString file = folder + u'/' + entry[u"file"].toString();
            QVERIFY2(QFileInfo::exists(file), qPrintable(file));
            // PSPP counts the cases and lists the variables.
            const QString syntax = out(s("count.sps"));
            {
                QFile f(syntax);
                QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
                f.write(QStringLiteral("GET FILE='%1'.\nDISPLAY VARIABLES.\nCOMPUTE one = 1.\n"
                                       "AGGREGATE OUTFILE=* /cases = N.\nLIST.\n")
                            .arg(file)
                            .toUtf8());
            }
            QProcess p;
            p.start(pspp, {syntax, s("-O"), s("format=csv"), s("-o"), out(s("count.csv"))});
            QVERIFY(p.waitForFinished(120000));
            QFile listing(out(s("count.csv")));
            QVERIFY(listing.open(QIODevice::ReadOnly));
            const QString text = QString::fromUtf8(listing.readAll());
            QVERIFY2(p.exitCode() == 0 && !text.contains(s("error"), Qt::CaseInsensitive), qPrintable(text));
            // The last line of the listing is the number of cases.
            const QStringList lines = text.trimmed().split(u'\n');
            QCOMPARE(lines.last().trimmed().toInt(), entry[u"rows"].toInt());
            for (const QJsonValue &c : entry[u"columns"].toArray()) {
                const QString name = c[u"variable"].toString(c[u"name"].toString());
                QVERIFY2(text.contains(name), qPrintable(entry[u"file"].toString() + u' ' + name));
            }
        }
        QCOMPARE(savFiles, 9);
    }

    void linksAsNodesAndEdges()
    {
        REQUIRE_PYTHON_MODULE("csv");
        QString error;
        QJsonObject tables;
        for (const QString &table : {s("nodes"), s("edges")}) {
            const QString file = out(table + s(".csv"));
            const CliRun r =
                ok({s("export"), m_project, s("--table"), table, s("--format"), s("csv"), s("--out"), file});
            QVERIFY2(r.ok(), qPrintable(r.describe()));
            tables.insert(
                table, runPythonJson(s("import csv, json, sys\n"
                                       "print(json.dumps(list(csv.DictReader(open(sys.argv[1], newline='', "
                                       "encoding='utf-8')))))"),
                                     {file}, &error)
                           .array());
            QVERIFY2(error.isEmpty(), qPrintable(error));
        }
        const QJsonArray edges = tables[u"edges"].toArray();
        const QJsonArray nodes = tables[u"nodes"].toArray();
        QCOMPARE(edges.size(), 2); // Ana's and Ben's quote → speaker
        QCOMPARE(nodes.size(), 4); // two quotes, two speakers
        QHash<QString, QJsonObject> byId;
        for (const QJsonValue &n : nodes) {
            QCOMPARE(n[u"kind"].toString(), s("annotation"));
            QVERIFY(!byId.contains(n[u"id"].toString())); // each node once
            byId.insert(n[u"id"].toString(), n.toObject());
        }
        QSet<QString> coders;
        for (const QJsonValue &e : edges) {
            QCOMPARE(e[u"field"].toString(), s("Speaker"));
            coders.insert(e[u"coder"].toString());
            // Both ends are nodes (igraph's graph_from_data_frame(edges, vertices = nodes) needs it).
            QVERIFY(byId.contains(e[u"source"].toString()));
            QVERIFY(byId.contains(e[u"target"].toString()));
            QCOMPARE(byId[e[u"source"].toString()][u"code"].toString(), s("Quote"));
            QCOMPARE(byId[e[u"source"].toString()][u"label"].toString(), s("a day of joy 🎉"));
            QCOMPARE(byId[e[u"target"].toString()][u"code"].toString(), s("Speaker"));
            QCOMPARE(byId[e[u"target"].toString()][u"label"].toString(), s("The mayor"));
        }
        QCOMPARE(coders, (QSet<QString>{s("Ana"), s("Ben")}));
    }

    void notGivenIsDeclaredMissingInStata()
    {
        REQUIRE_PYTHON_MODULE("pandas");
        const QString file = out(s("missing.dta"));
        QVERIFY(ok({s("export"), m_project, s("--table"), s("segments"), s("--format"), s("dta"), s("--out"),
                    file})
                    .ok());
        QString error;
        const QJsonArray rows =
            runPythonJson(
                s("import json, sys, pandas\n"
                  "f = pandas.read_stata(sys.argv[1], convert_missing=True, convert_dates=False,\n"
                  "                      convert_categoricals=False)\n"
                  "cell = lambda v: v.string if isinstance(v, pandas.io.stata.StataMissingValue) else v\n"
                  "print(json.dumps([{'code': c, 'text': t, 'quote_type': cell(q), 'claim_stance': cell(s)}\n"
                  "                  for c, t, q, s in zip(f['code'], f['text'], f['quote_type'],"
                  " f['claim_stance'])]))\n"),
                {file}, &error)
                .array();
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(rows.size(), 6);
        int checked = 0;
        for (const QJsonValue &row : rows) {
            const QString code = row[u"code"].toString();
            if (code == s("Quote") && row[u"text"].toString() == s("talks are frozen")) {
                QCOMPARE(row[u"quote_type"].toString(), s(".a")); // its own field, left empty: "not given"
                ++checked;
            } else if (code == s("Quote")) {
                QCOMPARE(row[u"quote_type"].toDouble(), 1.0);      // direct
                QCOMPARE(row[u"claim_stance"].toString(), s(".")); // another code's field: not applicable
                ++checked;
            } else if (code == s("Speaker")) {
                QCOMPARE(row[u"quote_type"].toString(), s("."));
                ++checked;
            }
        }
        QCOMPARE(checked, 5);
    }

    void notGivenIsUserMissingInSpss()
    {
        REQUIRE_EXECUTABLE(pspp, "pspp", "pspp");
        const QString file = out(s("missing.sav"));
        QVERIFY(ok({s("export"), m_project, s("--table"), s("segments"), s("--format"), s("sav"), s("--out"),
                    file})
                    .ok());
        const QString syntax = out(s("missing.sps"));
        {
            QFile f(syntax);
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
            f.write(QStringLiteral("GET FILE='%1'.\nDISPLAY DICTIONARY /VARIABLES=quote_type.\n"
                                   "LIST VARIABLES=code text quote_type.\n")
                        .arg(file)
                        .toUtf8());
        }
        QProcess p;
        p.start(pspp, {syntax, s("-O"), s("format=csv"), s("-o"), out(s("missing.csv"))});
        QVERIFY(p.waitForFinished(120000));
        QFile listing(out(s("missing.csv")));
        QVERIFY(listing.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(listing.readAll());
        // The dictionary declares -9 user-missing, labelled "not given" …
        QVERIFY2(text.contains(s("quote_type,")) && text.contains(s(",-9\n")), qPrintable(text));
        QVERIFY2(text.contains(s("-9.00[a],not given")), qPrintable(text));
        // … the quote without a Type carries it; a Speaker row is system-missing.
        QVERIFY2(text.contains(s("Quote,talks are frozen,-9.00")), qPrintable(text));
        QVERIFY2(text.contains(s("Speaker,The mayor,.")), qPrintable(text));
        QVERIFY2(text.contains(s("Quote,a day of joy 🎉,1.00")), qPrintable(text));
    }

    // Last: it adds a variable-only article to the project.
    void articleFiltersSelectOutletDateAndCoded()
    {
        REQUIRE_PYTHON_MODULE("csv");
        const QJsonArray docs =
            QJsonDocument::fromJson(ok({s("documents"), m_project, s("--json")}).out).array();
        QString tram;
        for (const QJsonValue &d : docs) {
            if (d[u"title"].toString().startsWith(s("Council")))
                tram = d[u"id"].toString();
        }
        QVERIFY(!tram.isEmpty());
        QVERIFY(ok({s("set-variable"), m_project, s("--document"), tram, s("--coder"), s("Ana"), s("--field"),
                    s("Slant=0")})
                    .ok());
        const auto articles = [&](const QStringList &filters) {
            const QString file = out(s("filtered.csv"));
            QFile::remove(file);
            const CliRun r = ok(QStringList{s("export"), m_project, s("--table"), s("articles"),
                                            s("--format"), s("csv"), s("--out"), file} +
                                filters);
            QSet<QString> seen;
            QString error;
            for (const QJsonValue &row :
                 runPythonJson(
                     s("import csv, json, sys\nprint(json.dumps(list(csv.DictReader(open(sys.argv[1], "
                       "newline='', encoding='utf-8')))))"),
                     {file}, &error)
                     .array())
                seen.insert(row[u"article_id"].toString() + u'|' + row[u"coder"].toString());
            return r.ok() ? seen : QSet<QString>{s("<failed>")};
        };
        const QString festivalAna = m_festival + s("|Ana"), festivalBen = m_festival + s("|Ben");
        const QString harbourAna = m_harbour + s("|Ana"), harbourBen = m_harbour + s("|Ben");
        const QString tramAna = tram + s("|Ana");
        QCOMPARE(articles({}), (QSet<QString>{festivalAna, festivalBen, harbourAna, harbourBen, tramAna}));
        // Only articles with an annotation: the tram article has only a variable.
        QCOMPARE(articles({s("--coded-only")}),
                 (QSet<QString>{festivalAna, festivalBen, harbourAna, harbourBen}));
        // The harbour article is the only one with a date (2024-03-14); undated articles fall outside any
        // range.
        QCOMPARE(articles({s("--from"), s("2024-03-14")}), (QSet<QString>{harbourAna, harbourBen}));
        QCOMPARE(articles({s("--to"), s("2024-03-14")}), (QSet<QString>{harbourAna, harbourBen}));
        QCOMPARE(articles({s("--from"), s("2024-03-15")}), QSet<QString>());
        QCOMPARE(articles({s("--to"), s("2024-03-13")}), QSet<QString>());
        // Outlets by the imported name (case-insensitive) …
        QCOMPARE(articles({s("--outlets"), s("HarbourGazette.example")}),
                 (QSet<QString>{harbourAna, harbourBen}));
        // … or by the registry outlet's name once the article is assigned to it.
        QVERIFY(ok({s("outlet-add"), m_project, s("Harbour Gazette")}).ok());
        QVERIFY(ok({s("outlet-assign"), m_project, s("--outlet"), s("Harbour Gazette"), s("--document"),
                    m_festival})
                    .ok());
        QCOMPARE(articles({s("--outlets"), s("Harbour Gazette")}), (QSet<QString>{festivalAna, festivalBen}));
        QCOMPARE(
            articles({s("--outlets"), s("Harbour Gazette,harbourgazette.example"), s("--coders"), s("Ben")}),
            (QSet<QString>{festivalBen, m_harbour + s("|Ben")}));
        // The segments follow the same articles.
        const QString segments = out(s("filtered-segments.csv"));
        QVERIFY(ok({s("export"), m_project, s("--table"), s("segments"), s("--format"), s("csv"), s("--out"),
                    segments, s("--from"), s("2024-01-01"), s("--to"), s("2024-12-31")})
                    .ok());
        QString error;
        const QJsonArray rows =
            runPythonJson(s("import csv, json, sys\nprint(json.dumps(list(csv.DictReader(open("
                            "sys.argv[1], newline='', encoding='utf-8')))))"),
                          {segments}, &error)
                .array();
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows[0][u"text"].toString(), s("talks are frozen"));
        // The study folder records the filters in its manifest.
        const QString folder = out(s("study-filtered"));
        QVERIFY(ok({s("export"), m_project, s("--all"), s("--out"), folder, s("--outlets"),
                    s("Harbour Gazette"), s("--from"), s("2020-01-01"), s("--coded-only")})
                    .ok());
        const QJsonObject manifest = readStudy(folder)[u"manifest"].toObject();
        QCOMPARE(manifest[u"filters"][u"outlets"].toArray().first().toString(), s("Harbour Gazette"));
        QCOMPARE(manifest[u"filters"][u"from"].toString(), s("2020-01-01"));
        QVERIFY(manifest[u"filters"][u"to"].isNull());
        QCOMPARE(manifest[u"filters"][u"coded_only"].toBool(), true);
    }
};

QTEST_GUILESS_MAIN(TestCliStudy)
#include "tst_cli_study.moc"
