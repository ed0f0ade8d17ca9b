// newscoder-cli export --codebook-document, run as a real process: the
// codebook document (HTML parsed by Python's html.parser, Markdown, PDF
// through pdftotext) must name every code, field and value label and each
// coder's counts.
#include "../core/export/ExternalReader.h"
#include "StudyFixture.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTest>

using namespace newscoder::test;

namespace {

// The visible text of an HTML file, through Python's own parser.
const QString HtmlText = s(R"PY(
import json, sys
from html.parser import HTMLParser
class Text(HTMLParser):
    def __init__(self):
        super().__init__()
        self.parts, self.tags = [], []
    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
    def handle_data(self, data):
        self.parts.append(data)
p = Text()
p.feed(open(sys.argv[1], encoding='utf-8').read())
p.close()
print(json.dumps({'text': ' '.join(' '.join(p.parts).split()), 'tags': p.tags}))
)PY");

} // namespace

class TestCliCodebookDocument : public StudyFixture
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        buildStudy();
    }

    void codebookHtmlNamesEveryCodeFieldAndLabel()
    {
        REQUIRE_PYTHON_MODULE("html.parser");
        const QString file = out(s("codebook.html"));
        QVERIFY(ok({s("export"), m_project, s("--codebook-document"), file}).ok());
        QString error;
        const QJsonObject html = runPythonJson(HtmlText, {file}, &error).object();
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const QString text = html[u"text"].toString();
        QVERIFY(html[u"tags"].toArray().contains(QJsonValue(s("table"))));
        int labels = 0;
        for (const QJsonValue &code : m_codebook) {
            QVERIFY2(text.contains(code[u"name"].toString()), qPrintable(code[u"name"].toString()));
            for (const QJsonValue &field : code[u"fields"].toArray()) {
                QVERIFY2(text.contains(field[u"name"].toString()), qPrintable(field[u"name"].toString()));
                for (const QJsonValue &option : field[u"options"].toArray()) {
                    const QString label = option[u"label"].toString(option[u"value"].toString());
                    QVERIFY2(text.contains(label), qPrintable(label));
                    ++labels;
                }
            }
        }
        QVERIFY(labels > 5);
        // Counts per coder: Quote has Ana 2, Ben 1; Claim Ana 1, Ben 0.
        QVERIFY2(text.contains(s("Annotations: Ana: 2, Ben: 1")), qPrintable(text));
        QVERIFY2(text.contains(s("Annotations: Ana: 1, Ben: 0")), qPrintable(text));
    }

    void codebookMarkdownNamesEveryCodeAndCount()
    {
        const QString file = out(s("codebook.md"));
        QVERIFY(ok({s("export"), m_project, s("--codebook-document"), file}).ok());
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(f.readAll());
        QVERIFY(text.startsWith(s("# Codebook")));
        for (const QJsonValue &code : m_codebook) {
            QString name = code[u"name"].toString();
            QVERIFY2(text.contains(u"## " + name) || text.contains(u"/" + name), qPrintable(name));
            for (const QJsonValue &field : code[u"fields"].toArray())
                QVERIFY2(text.contains(u"| " + field[u"name"].toString() + u" |"),
                         qPrintable(field[u"name"].toString()));
        }
        QVERIFY(text.contains(s("- Annotations: Ana: 2, Ben: 1")));
    }

    void codebookPdfHasTheCodeNames()
    {
        REQUIRE_EXECUTABLE(pdftotext, "pdftotext", "poppler-utils");
        const QString file = out(s("codebook.pdf"));
        const CliRun r = ok({s("export"), m_project, s("--codebook-document"), file});
        QVERIFY2(r.ok(), qPrintable(r.describe()));
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.read(5), QByteArray("%PDF-"));
        QProcess p;
        p.start(pdftotext, {s("-enc"), s("UTF-8"), file, s("-")});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 0);
        const QString text = QString::fromUtf8(p.readAllStandardOutput()).simplified();
        for (const QJsonValue &code : m_codebook)
            QVERIFY2(text.contains(code[u"name"].toString()), qPrintable(code[u"name"].toString()));
        QVERIFY2(text.contains(s("Ana: 2, Ben: 1")), qPrintable(text.left(2000)));
    }
};

QTEST_GUILESS_MAIN(TestCliCodebookDocument)
#include "tst_cli_codebookdocument.moc"
