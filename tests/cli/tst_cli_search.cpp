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
using namespace newscoder::test;

namespace {

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
            auto store = ProjectStore::open(m_path, ProjectAccess::ReadOnly);
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
        auto store = ProjectStore::open(m_path, ProjectAccess::ReadOnly);
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
        auto store = ProjectStore::open(m_path, ProjectAccess::ReadOnly);
        const QString edited = store->documentText(m_docA);
        QVERIFY(edited.startsWith(QStringLiteral("Mayor Li said nothing.")));
        for (const Annotation &a : store->annotationsForDocument(m_docA)) {
            if (a.status == AnnotationStatus::Coded)
                QCOMPARE(edited.mid(a.start, a.length()), QStringLiteral("Unions said yes."));
        }
    }

    // Issue 22, example 4: "Hello world. Bye.", span "world", edit-text --at 6
    // --remove 5 reports "flagged 1" and the listing says why and by which edit.
    void annotationsReportReviewStatus()
    {
        QUuid doc;
        QString worldId, byeId;
        {
            auto project = Project::open(m_path);
            Document d;
            d.title = QStringLiteral("Greeting");
            d.text = QStringLiteral("Hello world. Bye.");
            doc = project->importDocuments({d}).value(0);
            project->setCoderName(QStringLiteral("Ann"));
            const QUuid claim = project->codeByName(QStringLiteral("Claim"))->id;
            worldId = idString(*project->addAnnotation(doc, claim, 6, 11));
            byeId = idString(*project->addAnnotation(doc, claim, 13, 17));
        }
        Run r = cli({QStringLiteral("edit-text"), m_path, QStringLiteral("--document"), idString(doc),
                     QStringLiteral("--at"), QStringLiteral("6"), QStringLiteral("--remove"), QStringLiteral("5")});
        QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
        QCOMPARE(r.out, QByteArray("text edited: 1 annotations moved, 1 flagged for review\n"));
        r = cli({QStringLiteral("annotations"), m_path, QStringLiteral("--document"), idString(doc), QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
        QJsonObject world, bye;
        for (const QJsonValue &v : QJsonDocument::fromJson(r.out).array()) {
            const QJsonObject o = v.toObject();
            if (o.value(QStringLiteral("id")).toString() == worldId)
                world = o;
            else if (o.value(QStringLiteral("id")).toString() == byeId)
                bye = o;
        }
        QCOMPARE(world.value(QStringLiteral("start")).toInt(), 6);
        QCOMPARE(world.value(QStringLiteral("end")).toInt(), 7);
        QCOMPARE(world.value(QStringLiteral("text")).toString(), QStringLiteral("."));
        QCOMPARE(world.value(QStringLiteral("status")).toString(), QStringLiteral("needs-review"));
        QCOMPARE(world.value(QStringLiteral("reason")).toString(), QStringLiteral("text-deleted"));
        const QJsonObject edit = world.value(QStringLiteral("edit")).toObject();
        QCOMPARE(edit.value(QStringLiteral("at")).toInt(), 6);
        QCOMPARE(edit.value(QStringLiteral("removed")).toString(), QStringLiteral("world"));
        QCOMPARE(edit.value(QStringLiteral("inserted")).toString(), QString());
        QCOMPARE(edit.value(QStringLiteral("was")).toString(), QStringLiteral("world"));
        QCOMPARE(bye.value(QStringLiteral("status")).toString(), QStringLiteral("coded"));
        QVERIFY(!bye.contains(QStringLiteral("reason")));
        QCOMPARE(bye.value(QStringLiteral("text")).toString(), QStringLiteral("Bye."));

        r = cli({QStringLiteral("annotations"), m_path, QStringLiteral("--status"), QStringLiteral("needs-review"),
                 QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
        const QJsonArray flagged = QJsonDocument::fromJson(r.out).array();
        QCOMPARE(flagged.size(), 1);
        QCOMPARE(flagged.first().toObject().value(QStringLiteral("id")).toString(), worldId);
        r = cli({QStringLiteral("annotations"), m_path, QStringLiteral("--status"), QStringLiteral("needs-review")});
        QVERIFY2(r.out.contains("\xe2\x9a\xa0 text-deleted"), r.out.constData()); // "⚠ text-deleted"
        r = cli({QStringLiteral("annotations"), m_path, QStringLiteral("--status"), QStringLiteral("coded"),
                 QStringLiteral("--json")});
        QCOMPARE(QJsonDocument::fromJson(r.out).array().size(), 1);
        r = cli({QStringLiteral("annotations"), m_path, QStringLiteral("--status"), QStringLiteral("flagged")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("needs-review"));
    }

    // Issue 22, example 3: autocode "said", an edit removes one hit's text:
    // the suggestion is flagged, and accept --all never codes it.
    void orphanedSuggestionsAreNotAccepted()
    {
        Run r = cli({QStringLiteral("autocode"), m_path, QStringLiteral("said"), QStringLiteral("--code"),
                     QStringLiteral("Quote"), QStringLiteral("--coder"), QStringLiteral("Ann")});
        QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
        QVERIFY2(r.out.startsWith("3 suggestions added"), r.out.constData());
        // "The mayor said nothing." -> "The mayor nothing."
        r = cli({QStringLiteral("edit-text"), m_path, QStringLiteral("--document"), idString(m_docA),
                 QStringLiteral("--at"), QStringLiteral("10"), QStringLiteral("--remove"), QStringLiteral("5")});
        QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
        QCOMPARE(r.out, QByteArray("text edited: 1 annotations moved, 1 flagged for review\n"));
        r = cli({QStringLiteral("suggestions"), m_path, QStringLiteral("--json")});
        QString flaggedId;
        for (const QJsonValue &v : QJsonDocument::fromJson(r.out).array()) {
            if (v.toObject().value(QStringLiteral("reason")).toString() == QStringLiteral("text-deleted"))
                flaggedId = v.toObject().value(QStringLiteral("id")).toString();
        }
        QVERIFY(!flaggedId.isEmpty());
        // Named alone, a flagged suggestion is refused until checked: nothing accepted.
        r = cli({QStringLiteral("suggestions"), m_path, QStringLiteral("--accept"), flaggedId});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("flagged for review") && r.err.contains("--reviewed"), r.err.constData());
        r = cli({QStringLiteral("suggestions"), m_path, QStringLiteral("--accept"), QStringLiteral("--all"),
                 QStringLiteral("--reviewed")});
        QCOMPARE(r.exitCode, 1);
        r = cli({QStringLiteral("suggestions"), m_path, QStringLiteral("--accept"), QStringLiteral("--all")});
        QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
        QVERIFY2(r.out.startsWith("accepted 2 suggestions, skipped 1 flagged for review"), r.out.constData());
        r = cli({QStringLiteral("annotations"), m_path, QStringLiteral("--status"), QStringLiteral("coded"),
                 QStringLiteral("--json")});
        for (const QJsonValue &v : QJsonDocument::fromJson(r.out).array())
            QCOMPARE(v.toObject().value(QStringLiteral("text")).toString().toLower(), QStringLiteral("said"));
        QCOMPARE(QJsonDocument::fromJson(r.out).array().size(), 2);
        r = cli({QStringLiteral("annotations"), m_path, QStringLiteral("--status"), QStringLiteral("needs-review"),
                 QStringLiteral("--json")});
        QCOMPARE(QJsonDocument::fromJson(r.out).array().size(), 1);
        QCOMPARE(QJsonDocument::fromJson(r.out).array().first().toObject().value(QStringLiteral("id")).toString(),
                 flaggedId);
        // Checked by a person: accepted, the flag goes.
        r = cli({QStringLiteral("suggestions"), m_path, QStringLiteral("--accept"), QStringLiteral("--reviewed"), flaggedId});
        QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
        QCOMPARE(r.out, QByteArray("accepted 1 suggestions\n"));
        r = cli({QStringLiteral("annotations"), m_path, QStringLiteral("--status"), QStringLiteral("needs-review"),
                 QStringLiteral("--json")});
        QCOMPARE(QJsonDocument::fromJson(r.out).array().size(), 0);
    }

    // annotate refuses offsets inside a character (here a surrogate pair).
    void annotateRefusesOffsetsInsideACharacter()
    {
        const int pair = int(TextA.indexOf(QChar(0xD834)));
        Run r = cli({QStringLiteral("annotate"), m_path, QStringLiteral("--document"), idString(m_docA),
                     QStringLiteral("--code"), QStringLiteral("Quote"), QStringLiteral("--start"), QString::number(pair + 1),
                     QStringLiteral("--end"), QString::number(pair + 4), QStringLiteral("--coder"), QStringLiteral("Ann")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("inside the character") && r.err.contains("surrogate pair"), r.err.constData());
        r = cli({QStringLiteral("annotate"), m_path, QStringLiteral("--document"), idString(m_docA),
                 QStringLiteral("--code"), QStringLiteral("Quote"), QStringLiteral("--start"), QString::number(pair),
                 QStringLiteral("--end"), QString::number(pair + 2), QStringLiteral("--coder"), QStringLiteral("Ann")});
        QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
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
        auto store = ProjectStore::open(m_path, ProjectAccess::ReadOnly);
        QCOMPARE(store->documentText(m_docA), TextA);
    }
};

QTEST_GUILESS_MAIN(TestCliSearch)
#include "tst_cli_search.moc"
