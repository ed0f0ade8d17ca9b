// newscoder-cli search, autocode, suggestions and edit-text, run as a real
// process against a project prepared through the core API.
#include "CliTestSupport.h"
#include "project/Project.h"
#include "storage/ProjectStore.h"
#include "io/CodebookJson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace newscoder;

namespace {

using Run = newscoder::test::CliRun;

Run cli(const QStringList &args)
{
    return newscoder::test::runCli(args);
}

QString describe(const Run &r)
{
    return r.describe();
}

const QString TextA = QStringLiteral("The mayor said nothing. Unions said yes.\nThe port \U0001D11E stayed closed.");
const QString TextB = QStringLiteral("Nobody SAID anything about the tram.");

} // namespace

class TestCliSearch : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_path;
    QUuid m_docA, m_docB;

    void makeProject()
    {
        m_path = m_dir.filePath(QUuid::createUuid().toString(QUuid::WithoutBraces) + QStringLiteral(".newscoder"));
        auto project = Project::create(m_path, defaultNewsCodebook());
        Document a, b;
        a.title = QStringLiteral("Mayor and unions");
        a.text = TextA;
        b.title = QStringLiteral("Tram");
        b.text = TextB;
        const QList<QUuid> ids = project->importDocuments({a, b});
        m_docA = ids.value(0);
        m_docB = ids.value(1);
    }

    QJsonObject jsonOf(const Run &r) { return QJsonDocument::fromJson(r.out).object(); }

private Q_SLOTS:
    void init() { makeProject(); }

    void searchHits()
    {
        const Run r = cli({QStringLiteral("search"), m_path, QStringLiteral("said"), QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
        const QJsonObject o = jsonOf(r);
        QCOMPARE(o.value(QStringLiteral("totalHits")).toInt(), 3);
        QCOMPARE(o.value(QStringLiteral("documentsWithHits")).toInt(), 2);
        const QJsonObject first = o.value(QStringLiteral("hits")).toArray().first().toObject();
        const int start = first.value(QStringLiteral("start")).toInt();
        const int end = first.value(QStringLiteral("end")).toInt();
        const QString document = first.value(QStringLiteral("document")).toString();
        const QString text = QUuid::fromString(document) == m_docA ? TextA : TextB;
        QCOMPARE(text.mid(start, end - start).toLower(), QStringLiteral("said"));
        QCOMPARE(first.value(QStringLiteral("text")).toString().toLower(), QStringLiteral("said"));

        const Run cs = cli({QStringLiteral("search"), m_path, QStringLiteral("SAID"), QStringLiteral("--case-sensitive"),
                            QStringLiteral("--json")});
        QCOMPARE(jsonOf(cs).value(QStringLiteral("totalHits")).toInt(), 1);
        const Run max = cli({QStringLiteral("search"), m_path, QStringLiteral("said"), QStringLiteral("--max"),
                             QStringLiteral("1"), QStringLiteral("--json")});
        QCOMPARE(jsonOf(max).value(QStringLiteral("hits")).toArray().size(), 1);
        QVERIFY(jsonOf(max).value(QStringLiteral("truncated")).toBool());
        const Run sentences = cli({QStringLiteral("search"), m_path, QStringLiteral("stayed"),
                                   QStringLiteral("--sentences"), QStringLiteral("--json")});
        QCOMPARE(jsonOf(sentences).value(QStringLiteral("hits")).toArray().first().toObject().value(QStringLiteral("text")).toString(),
                 QStringLiteral("The port \U0001D11E stayed closed."));
        const Run regex = cli({QStringLiteral("search"), m_path, QStringLiteral("\\bs\\w+d\\b"), QStringLiteral("--regex"),
                               QStringLiteral("--whole-word")});
        QVERIFY2(regex.exitCode == 0, qPrintable(describe(regex)));
        QVERIFY(regex.out.contains("4 hits in 2 articles")); // said, said, stayed, SAID
    }

    void searchBadInput()
    {
        Run r = cli({QStringLiteral("search"), m_path, QStringLiteral("(open"), QStringLiteral("--regex")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("bad pattern"));
        QVERIFY(r.out.isEmpty());
        r = cli({QStringLiteral("search"), m_path, QStringLiteral("x"), QStringLiteral("--max"), QStringLiteral("lots")});
        QCOMPARE(r.exitCode, 2);
        r = cli({QStringLiteral("search"), m_dir.filePath(QStringLiteral("missing.newscoder")), QStringLiteral("x")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(!r.err.isEmpty());
        r = cli({QStringLiteral("search"), m_path});
        QCOMPARE(r.exitCode, 1);
    }

    void autocodeAndSuggestions()
    {
        Run r = cli({QStringLiteral("autocode"), m_path, QStringLiteral("said"), QStringLiteral("--code"),
                     QStringLiteral("Quote"), QStringLiteral("--coder"), QStringLiteral("Ann"), QStringLiteral("--sentences")});
        QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
        QVERIFY2(r.out.startsWith("3 suggestions added"), r.out.constData());
        r = cli({QStringLiteral("autocode"), m_path, QStringLiteral("said"), QStringLiteral("--code"),
                 QStringLiteral("Quote"), QStringLiteral("--coder"), QStringLiteral("Ann"), QStringLiteral("--sentences")});
        QVERIFY2(r.out.startsWith("0 suggestions added"), r.out.constData()); // duplicates skipped
        {
            auto store = ProjectStore::open(m_path, ProjectStore::Access::ReadOnly);
            const QList<Annotation> list = store->annotationsForDocument(m_docA);
            QCOMPARE(list.size(), 2);
            QCOMPARE(list.first().status, AnnotationStatus::Suggested);
            QCOMPARE(TextA.mid(list.first().start, list.first().length()), QStringLiteral("The mayor said nothing."));
        }
        r = cli({QStringLiteral("suggestions"), m_path, QStringLiteral("--json")});
        const QJsonArray listed = QJsonDocument::fromJson(r.out).array();
        QCOMPARE(listed.size(), 3);
        const QString firstId = listed.first().toObject().value(QStringLiteral("id")).toString();

        r = cli({QStringLiteral("suggestions"), m_path, QStringLiteral("--accept"), firstId.left(8)});
        QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
        QCOMPARE(r.out, QByteArray("accepted 1 suggestions\n"));
        r = cli({QStringLiteral("suggestions"), m_path, QStringLiteral("--reject"), QStringLiteral("--all")});
        QCOMPARE(r.out, QByteArray("rejected 2 suggestions\n"));
        auto store = ProjectStore::open(m_path, ProjectStore::Access::ReadOnly);
        QCOMPARE(store->annotationCount(), 1);
        QCOMPARE(store->annotation(QUuid::fromString(firstId))->status, AnnotationStatus::Coded);
    }

    void autocodeAndSuggestionsBadInput()
    {
        Run r = cli({QStringLiteral("autocode"), m_path, QStringLiteral("said"), QStringLiteral("--code"),
                     QStringLiteral("No such code"), QStringLiteral("--coder"), QStringLiteral("Ann")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("no code named"));
        r = cli({QStringLiteral("autocode"), m_path, QStringLiteral("said"), QStringLiteral("--code"), QStringLiteral("Quote")});
        QCOMPARE(r.exitCode, 1);
        r = cli({QStringLiteral("suggestions"), m_path, QStringLiteral("--accept")});
        QCOMPARE(r.exitCode, 1);
        r = cli({QStringLiteral("suggestions"), m_path, QStringLiteral("--accept"), QStringLiteral("--reject"), QStringLiteral("--all")});
        QCOMPARE(r.exitCode, 1);
        r = cli({QStringLiteral("suggestions"), m_path, QStringLiteral("--reject"), QStringLiteral("deadbeef")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("no suggestion"));
    }

    void editText()
    {
        {
            auto project = Project::open(m_path);
            project->setCoderName(QStringLiteral("Ann"));
            const QUuid quote = project->codeByName(QStringLiteral("Quote"))->id;
            QVERIFY(project->addAnnotation(m_docA, quote, 24, 40)); // "Unions said yes."
            QVERIFY(project->addAnnotation(m_docA, quote, 4, 9));   // "mayor"
        }
        // Replace "The mayor" with "Mayor Li": the first annotation moves, the second is cut to nothing.
        Run r = cli({QStringLiteral("edit-text"), m_path, QStringLiteral("--document"), m_docA.toString(QUuid::WithoutBraces),
                     QStringLiteral("--at"), QStringLiteral("0"), QStringLiteral("--remove"), QStringLiteral("9"),
                     QStringLiteral("--insert"), QStringLiteral("Mayor Li")});
        QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
        QCOMPARE(r.out, QByteArray("text edited: 1 annotations moved, 1 flagged for review\n"));
        auto store = ProjectStore::open(m_path, ProjectStore::Access::ReadOnly);
        const QString edited = store->documentText(m_docA);
        QVERIFY(edited.startsWith(QStringLiteral("Mayor Li said nothing.")));
        for (const Annotation &a : store->annotationsForDocument(m_docA)) {
            if (a.status == AnnotationStatus::Coded)
                QCOMPARE(edited.mid(a.start, a.length()), QStringLiteral("Unions said yes."));
        }
    }

    void editTextBadInput()
    {
        const QString doc = m_docA.toString(QUuid::WithoutBraces);
        Run r = cli({QStringLiteral("edit-text"), m_path, QStringLiteral("--document"), doc, QStringLiteral("--at"),
                     QStringLiteral("500"), QStringLiteral("--insert"), QStringLiteral("x")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("outside the text"));
        const int pair = int(TextA.indexOf(QChar(0xD834)));
        r = cli({QStringLiteral("edit-text"), m_path, QStringLiteral("--document"), doc, QStringLiteral("--at"),
                 QString::number(pair + 1), QStringLiteral("--insert"), QStringLiteral("x")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("surrogate"));
        r = cli({QStringLiteral("edit-text"), m_path, QStringLiteral("--document"), doc, QStringLiteral("--at"), QStringLiteral("3")});
        QCOMPARE(r.exitCode, 2); // nothing to do
        r = cli({QStringLiteral("edit-text"), m_path, QStringLiteral("--document"), QStringLiteral("zzzz"),
                 QStringLiteral("--at"), QStringLiteral("0"), QStringLiteral("--insert"), QStringLiteral("x")});
        QCOMPARE(r.exitCode, 2);
        r = cli({QStringLiteral("edit-text"), m_path, QStringLiteral("--at"), QStringLiteral("0")});
        QCOMPARE(r.exitCode, 1);
        auto store = ProjectStore::open(m_path, ProjectStore::Access::ReadOnly);
        QCOMPARE(store->documentText(m_docA), TextA);
    }
};

QTEST_GUILESS_MAIN(TestCliSearch)
#include "tst_cli_search.moc"
