// newscoder-cli export and annotations --json (code_path, fields), run as a
// real process; every file is read back by an independent reader: Debian's
// Python csv/json, openpyxl (XLSX), pandas.read_stata (Stata) and GNU PSPP
// (SPSS). Bad arguments and unwritable targets: exit 2, nothing written.
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

#include <unistd.h>

using namespace newscoder::test;

namespace {

const QString CsvRows = s("import csv, json, sys\n"
                          "with open(sys.argv[1], newline='', encoding='utf-8-sig') as f:\n"
                          "    print(json.dumps(list(csv.DictReader(f, delimiter=sys.argv[2]))))\n");

const QString XlsxRows = s("import json, sys, datetime, openpyxl\n"
                           "wb = openpyxl.load_workbook(sys.argv[1])\n"
                           "out = {}\n"
                           "for ws in wb.worksheets:\n"
                           "    rows = list(ws.iter_rows(values_only=True))\n"
                           "    head = rows[0] if rows else []\n"
                           "    conv = lambda v: v.isoformat() if isinstance(v, (datetime.date, datetime.datetime)) else v\n"
                           "    out[ws.title] = {'header': list(head), 'rows': [dict(zip(head, map(conv, r))) for r in rows[1:]],\n"
                           "                     'types': [[type(v).__name__ for v in r] for r in rows[1:]],\n"
                           "                     'frozen': ws.freeze_panes, 'filter': ws.auto_filter.ref}\n"
                           "print(json.dumps(out))\n");

const QString StataRows = s(
    "import json, sys, pandas\n"
    "plain = pandas.read_stata(sys.argv[1], convert_categoricals=False)\n"
    "reader = pandas.io.stata.StataReader(sys.argv[1])\n"
    "with reader:\n"
    "    reader.read()\n"
    "    labels = reader.value_labels()\n"
    "    varlabels = reader.variable_labels()\n"
    "cat = pandas.read_stata(sys.argv[1], convert_categoricals=True)\n"
    "print(json.dumps({'columns': list(plain.columns), 'rows': json.loads(plain.to_json(orient='records')),\n"
    "  'labelled': json.loads(cat.astype(str).to_json(orient='records')), 'labels': {k: {str(a): b for a, b in v.items()} for k, v in labels.items()},\n"
    "  'varlabels': varlabels}))\n");

} // namespace

class TestCliExport : public StudyFixture
{
    Q_OBJECT

private:
    QString m_quote;
    QString m_speaker;
    QString m_emoji;

    QString annotate(const QString &doc, const QStringList &extra)
    {
        return QString::fromUtf8(
                   ok(QStringList{s("annotate"), m_project, s("--document"), doc, s("--coder"), s("Ana")} + extra).out)
            .trimmed();
    }

private Q_SLOTS:
    void initTestCase()
    {
        importArticles();
        if (QTest::currentTestFailed())
            return;
        m_emoji = annotate(m_festival, {s("--code"), s("Quote"), s("--match"), s("a day of joy 🎉"),
                                        s("--field"), s("Type=partial")});
        QVERIFY(!m_emoji.isEmpty());
        m_speaker = annotate(m_festival, {s("--code"), s("Speaker"), s("--match"), s("The mayor")});
        m_quote = annotate(m_festival, {s("--code"), s("Quote"), s("--match"), s("songs and waved 🇺🇦 flags"),
                                        s("--field"), s("Type=direct"), s("--link"), m_speaker});
        QVERIFY(!m_quote.isEmpty() && !m_speaker.isEmpty());
        QVERIFY(!annotate(m_festival, {s("--code"), s("Claim"), s("--match"), s("promised a repeat"), s("--field"),
                                       s("Stance=2")})
                     .isEmpty());
        QVERIFY(ok({s("actor-add"), m_project, s("The Mayor")}).ok());
        QVERIFY(ok({s("outlet-add"), m_project, s("Harbour Gazette"), s("--domain"), s("gazette.example")}).ok());
        QVERIFY(ok({s("set-variable"), m_project, s("--document"), m_festival, s("--coder"), s("Ana"), s("--field"),
                    s("Slant=-2")})
                    .ok());
    }

    void annotationsJsonHasCodePathAndFields()
    {
        const QJsonArray all = QJsonDocument::fromJson(ok({s("annotations"), m_project, s("--json")}).out).array();
        QJsonObject quote;
        for (const QJsonValue &a : all) {
            QVERIFY(a[u"code_path"].isString());
            QVERIFY(a[u"fields"].isObject());
            if (a[u"id"].toString() == m_quote)
                quote = a.toObject();
        }
        QCOMPARE(quote[u"code_path"].toString(), s("Quote"));
        QCOMPARE(quote[u"fields"][u"Type"].toString(), s("direct"));
        QCOMPARE(quote[u"fields"][u"Speaker"].toString(), m_speaker);
        // The keys it had before stay.
        for (const char *key : {"id", "document", "code", "start", "end", "text", "coder", "memo"})
            QVERIFY2(quote.contains(QLatin1String(key)), key);
    }

    void segmentsCsvReadByPython()
    {
        REQUIRE_PYTHON_MODULE("csv");
        const QString file = out(s("segments.csv"));
        const CliRun r = ok({s("export"), m_project, s("--table"), s("segments"), s("--format"), s("csv"), s("--out"),
                             file, s("--context"), s("5"), s("--bom")});
        QVERIFY2(r.ok(), qPrintable(r.describe()));
        QString error;
        const QJsonArray rows = runPythonJson(CsvRows, {file, s(",")}, &error).array();
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(rows.size(), 4);
        bool sawEmoji = false;
        for (const QJsonValue &row : rows) {
            if (row[u"annotation_id"].toString() == m_emoji) {
                sawEmoji = true;
                QCOMPARE(row[u"text"].toString(), s("a day of joy 🎉"));
                // 🎉 is two UTF-16 units but one code point.
                const int units = row[u"end"].toString().toInt() - row[u"start"].toString().toInt();
                const int chars = row[u"end_char"].toString().toInt() - row[u"start_char"].toString().toInt();
                QCOMPARE(units, 15);
                QCOMPARE(chars, 14);
                QCOMPARE(row[u"quote.type"].toString(), s("partial"));
                QCOMPARE(row[u"claim.stance"].toString(), QString()); // another code's field: missing
                QCOMPARE(row[u"context_before"].toString(), s(" it \""));
            }
            if (row[u"annotation_id"].toString() == m_quote) {
                QCOMPARE(row[u"quote.speaker"].toString(), m_speaker);
                QCOMPARE(row[u"quote.speaker_text"].toString(), s("The mayor"));
                QCOMPARE(row[u"quote.speaker_code"].toString(), s("Speaker"));
            }
        }
        QVERIFY(sawEmoji);
    }

    void everyTableAsTsvAndCsv_data()
    {
        QTest::addColumn<QString>("table");
        QTest::addColumn<int>("minRows");
        QTest::newRow("segments") << s("segments") << 4;
        QTest::newRow("articles") << s("articles") << 1;
        QTest::newRow("links") << s("links") << 1;
        QTest::newRow("actors") << s("actors") << 1;
        QTest::newRow("outlets") << s("outlets") << 1;
        QTest::newRow("codebook") << s("codebook") << 20;
    }

    void everyTableAsTsvAndCsv()
    {
        QFETCH(QString, table);
        QFETCH(int, minRows);
        REQUIRE_PYTHON_MODULE("csv");
        for (const QString &format : {s("csv"), s("tsv")}) {
            const QString file = out(table + u'.' + format);
            const CliRun r = ok({s("export"), m_project, s("--table"), table, s("--format"), format, s("--out"), file});
            QVERIFY2(r.ok(), qPrintable(r.describe()));
            QString error;
            const QJsonArray rows =
                runPythonJson(CsvRows, {file, format == s("csv") ? s(",") : s("\t")}, &error).array();
            QVERIFY2(error.isEmpty(), qPrintable(error));
            QVERIFY2(rows.size() >= minRows, qPrintable(table));
        }
    }

    void jsonlReadByPython()
    {
        REQUIRE_PYTHON_MODULE("json");
        const QString file = out(s("dataset.jsonl"));
        QVERIFY(ok({s("export"), m_project, s("--format"), s("jsonl"), s("--out"), file}).ok());
        QString error;
        const QJsonArray articles = runPythonJson(s("import json, sys\nprint(json.dumps([json.loads(l) for l in "
                                                    "open(sys.argv[1], encoding='utf-8')]))"),
                                                  {file}, &error)
                                        .array();
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(articles.size(), 1);
        QCOMPARE(articles[0][u"annotations"].toArray().size(), 4);
        QCOMPARE(articles[0][u"variables"][u"Ana"][u"Article"][u"Slant"].toDouble(), -2.0);
    }

    void xlsxReadByOpenpyxl()
    {
        REQUIRE_PYTHON_MODULE("openpyxl");
        const QString file = out(s("dataset.xlsx"));
        const CliRun r = ok({s("export"), m_project, s("--format"), s("xlsx"), s("--out"), file});
        QVERIFY2(r.ok(), qPrintable(r.describe()));
        QString error;
        const QJsonObject book = runPythonJson(XlsxRows, {file}, &error).object();
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(book.keys().size(), 8); // the six tables plus nodes and edges
        QVERIFY(book.contains(s("nodes")) && book.contains(s("edges")));
        const QJsonObject segments = book[u"segments"].toObject();
        QCOMPARE(segments[u"rows"].toArray().size(), 4);
        bool sawClaim = false;
        for (const QJsonValue &row : segments[u"rows"].toArray()) {
            QVERIFY(row[u"start"].isDouble()); // numbers are numbers
            if (row[u"code"].toString() == s("Claim")) {
                sawClaim = true;
                QCOMPARE(row[u"claim.stance"].toDouble(), 2.0);
            }
            if (row[u"annotation_id"].toString() == m_emoji)
                QCOMPARE(row[u"text"].toString(), s("a day of joy 🎉"));
        }
        QVERIFY(sawClaim);
        QCOMPARE(segments[u"frozen"].toString(), s("A2"));
        QVERIFY(segments[u"filter"].toString().startsWith(s("A1:")));
    }

    void stataReadByPandas()
    {
        REQUIRE_PYTHON_MODULE("pandas");
        const QString file = out(s("segments.dta"));
        const CliRun r = ok({s("export"), m_project, s("--table"), s("segments"), s("--format"), s("dta"), s("--out"),
                             file});
        QVERIFY2(r.ok(), qPrintable(r.describe()));
        QString error;
        const QJsonObject data = runPythonJson(StataRows, {file}, &error).object();
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const QStringList columns = data[u"columns"].toVariant().toStringList();
        QVERIFY(columns.contains(s("quote_type")));
        QVERIFY(columns.contains(s("claim_stance")));
        for (const QString &c : columns)
            QVERIFY2(c.size() <= 32, qPrintable(c));
        const QJsonArray rows = data[u"rows"].toArray();
        const QJsonArray labelled = data[u"labelled"].toArray();
        QCOMPARE(rows.size(), 4);
        bool sawPartial = false;
        for (qsizetype i = 0; i < rows.size(); ++i) {
            if (rows[i][u"annotation_id"].toString() != m_emoji)
                continue;
            sawPartial = true;
            QCOMPARE(rows[i][u"quote_type"].toInt(), 3); // partial is the third option: an integer code
            QCOMPARE(labelled[i][u"quote_type"].toString(), s("Partial"));
            QCOMPARE(rows[i][u"text"].toString(), s("a day of joy 🎉"));
        }
        QVERIFY(sawPartial);
        QCOMPARE(data[u"labels"][u"l_claim_stance"][u"-3"].toString().isEmpty(), false);
    }

    void spssReadByPspp()
    {
        REQUIRE_EXECUTABLE(pspp, "pspp", "pspp");
        const QString file = out(s("segments.sav"));
        const CliRun r = ok({s("export"), m_project, s("--table"), s("segments"), s("--format"), s("sav"), s("--out"),
                             file});
        QVERIFY2(r.ok(), qPrintable(r.describe()));
        const QString syntax = out(s("read.sps"));
        {
            QFile f(syntax);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QStringLiteral("GET FILE='%1'.\nDISPLAY DICTIONARY.\nLIST VARIABLES=quote_type claim_stance.\n")
                        .arg(file)
                        .toUtf8());
        }
        const QString listing = out(s("read.txt"));
        QProcess p;
        p.start(pspp, {syntax, s("-o"), listing});
        QVERIFY(p.waitForFinished(120000));
        QFile result(listing);
        QVERIFY2(result.open(QIODevice::ReadOnly), p.readAllStandardError().constData());
        const QString text = QString::fromUtf8(result.readAll());
        QVERIFY2(p.exitCode() == 0, qPrintable(text + QString::fromUtf8(p.readAllStandardError())));
        QVERIFY2(text.contains(s("Indirect (reported)")), qPrintable(text)); // value labels of quote_type
        QVERIFY2(text.contains(s("strongly against")), qPrintable(text));   // and of claim_stance (−3)
        QVERIFY2(text.contains(s("quote_type")), qPrintable(text));
        QVERIFY2(text.contains(s("claim_stance")), qPrintable(text));
    }

    void badArgumentsWriteNothing_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("unknown table") << QStringList{s("--table"), s("quotes"), s("--format"), s("csv")};
        QTest::newRow("unknown format") << QStringList{s("--table"), s("segments"), s("--format"), s("ods")};
        QTest::newRow("no format") << QStringList{s("--table"), s("segments")};
        QTest::newRow("csv without table") << QStringList{s("--format"), s("csv")};
        QTest::newRow("jsonl with table") << QStringList{s("--table"), s("segments"), s("--format"), s("jsonl")};
        QTest::newRow("unknown coder") << QStringList{s("--table"), s("segments"), s("--format"), s("csv"),
                                                      s("--coders"), s("Nobody")};
        QTest::newRow("unknown code") << QStringList{s("--table"), s("segments"), s("--format"), s("csv"), s("--codes"),
                                                     s("Nothing")};
        QTest::newRow("bad document") << QStringList{s("--table"), s("segments"), s("--format"), s("csv"),
                                                     s("--documents"), s("zzzzzzzz")};
        QTest::newRow("bad context") << QStringList{s("--table"), s("segments"), s("--format"), s("csv"),
                                                    s("--context"), s("-3")};
        QTest::newRow("bad from date") << QStringList{s("--table"), s("segments"), s("--format"), s("csv"), s("--from"),
                                                      s("2024-13-01")};
        QTest::newRow("range ends before it starts")
            << QStringList{s("--table"), s("segments"), s("--format"), s("csv"), s("--from"), s("2024-05-01"),
                           s("--to"), s("2024-01-01")};
        QTest::newRow("unknown outlet") << QStringList{s("--table"), s("segments"), s("--format"), s("csv"),
                                                       s("--outlets"), s("Nowhere Times")};
        QTest::newRow("coded-only and uncoded") << QStringList{s("--table"), s("articles"), s("--format"), s("csv"),
                                                               s("--coded-only"), s("--uncoded")};
        QTest::newRow("unknown option") << QStringList{s("--table"), s("segments"), s("--format"), s("csv"),
                                                       s("--frobnicate")};
    }

    void badArgumentsWriteNothing()
    {
        QFETCH(QStringList, args);
        const QString file = out(s("never.csv"));
        const QByteArray before = fileHash(m_project);
        const CliRun r = runCli(QStringList{s("export"), m_project, s("--out"), file} + args);
        QVERIFY2(r.status == QProcess::NormalExit && r.exitCode == 2, qPrintable(r.describe()));
        QVERIFY(!r.err.isEmpty());
        QVERIFY(!QFileInfo::exists(file));
        QCOMPARE(fileHash(m_project), before);
    }

    void unwritableTargetLeavesExistingFile()
    {
        const CliRun missingFolder = runCli({s("export"), m_project, s("--table"), s("segments"), s("--format"),
                                             s("csv"), s("--out"), out(s("no/such/dir/x.csv"))});
        QCOMPARE(missingFolder.exitCode, 2);
        QVERIFY(!missingFolder.err.isEmpty());
        const CliRun folder = runCli({s("export"), m_project, s("--table"), s("segments"), s("--format"), s("csv"),
                                      s("--out"), m_dir.path()});
        QCOMPARE(folder.exitCode, 2);
        // A read-only folder: the existing file stays as it was.
        const QString locked = out(s("locked"));
        QVERIFY(QDir().mkpath(locked));
        const QString target = locked + s("/segments.csv");
        {
            QFile f(target);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("earlier export\n");
        }
        QFile::setPermissions(locked, QFileDevice::ReadOwner | QFileDevice::ExeOwner);
        const CliRun r = runCli({s("export"), m_project, s("--table"), s("segments"), s("--format"), s("csv"),
                                 s("--out"), target});
        QFile::setPermissions(locked, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        if (r.exitCode == 0 && ::geteuid() == 0)
            QSKIP("running as root: folder permissions do not apply");
        QCOMPARE(r.exitCode, 2);
        QFile f(target);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), QByteArray("earlier export\n"));
    }
};

QTEST_GUILESS_MAIN(TestCliExport)
#include "tst_cli_export.moc"
