// Editing an article's text after coding: every coder's annotations keep
// their anchors through the edit, orphans are flagged for review (never
// dropped), and one undo restores text and annotations exactly.
#include "CoreTestSupport.h"
#include "text/AnchorShift.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace newscoder;
using namespace newscoder::test;

namespace {

// "Minister Ana Reyes said: "Talks are frozen until May." The port stayed closed."
//  speaker [9, 18) "Ana Reyes", quote [26, 53), claim [55, 78) "The port stayed closed."
struct Coded
{
    QUuid speaker, quote, claim, kimQuote;
};

QString textOf(const ProjectStore &store, const QUuid &doc, const QUuid &annotation)
{
    const auto a = store.annotation(annotation);
    return a ? store.documentText(doc).mid(a->start, a->length()) : QStringLiteral("<gone>");
}

} // namespace

class TestTextEdit : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ProjectFixture> m_fx;
    Coded m_coded;

    Project &project() { return *m_fx->project; }
    QUuid add(const char *code, int start, int end)
    {
        return project().addAnnotation(m_fx->plainDoc, m_fx->codeId(QString::fromLatin1(code)), start, end).value_or(QUuid());
    }

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_fx = std::make_unique<ProjectFixture>(m_dir->path());
        m_coded.speaker = add("Speaker", 9, 18);
        m_coded.quote = add("Quote", 26, 53);
        m_coded.claim = add("Claim", 55, 78);
        project().setCoderName(QStringLiteral("Kim Beispiel"));
        m_coded.kimQuote = add("Quote", 26, 53); // a second coder, same passage
        project().undoStack()->clear();
    }

    void cleanup()
    {
        m_fx.reset();
        m_dir.reset();
    }

    void editsKeepAnchors_data()
    {
        QTest::addColumn<int>("position");
        QTest::addColumn<int>("removed");
        QTest::addColumn<QString>("inserted");
        QTest::addColumn<QString>("speaker");
        QTest::addColumn<QString>("quote");
        QTest::addColumn<QString>("claim");
        QTest::newRow("before all") << 0 << 8 << "Deputy minister" << "Ana Reyes" << "Talks are frozen until May."
                                    << "The port stayed closed.";
        QTest::newRow("inside the quote") << 36 << 6 << "stuck" << "Ana Reyes" << "Talks are stuck until May."
                                          << "The port stayed closed.";
        QTest::newRow("across the speaker's start") << 5 << 8 << "Xx" << "Reyes" << "Talks are frozen until May."
                                                    << "The port stayed closed.";
        QTest::newRow("across the claim's end") << 71 << 7 << "shut!" << "Ana Reyes" << "Talks are frozen until May."
                                                << "The port stayed ";
        QTest::newRow("after all") << 78 << 0 << " For now." << "Ana Reyes" << "Talks are frozen until May."
                                   << "The port stayed closed.";
        QTest::newRow("typo fix OCR") << 16 << 1 << "é" << "Ana Reyés" << "Talks are frozen until May."
                                      << "The port stayed closed.";
    }

    void editsKeepAnchors()
    {
        QFETCH(int, position);
        QFETCH(int, removed);
        QFETCH(QString, inserted);
        QFETCH(QString, speaker);
        QFETCH(QString, quote);
        QFETCH(QString, claim);
        const QList<Annotation> before = reader(m_fx->path)->annotationsForDocument(m_fx->plainDoc);
        QSignalSpy textChanged(&project(), &Project::documentTextChanged);

        QVERIFY(project().editDocumentText(m_fx->plainDoc, {{position, removed, inserted}}));
        QCOMPARE(project().undoStack()->count(), 1);
        QCOMPARE(textChanged.count(), 1);
        {
            auto store = reader(m_fx->path);
            QCOMPARE(store->documentText(m_fx->plainDoc), applyEdit(PlainText, {position, removed, inserted}));
            QCOMPARE(store->documentSummary(m_fx->plainDoc)->length, int(store->documentText(m_fx->plainDoc).size()));
            QCOMPARE(textOf(*store, m_fx->plainDoc, m_coded.speaker), speaker);
            QCOMPARE(textOf(*store, m_fx->plainDoc, m_coded.quote), quote);
            QCOMPARE(textOf(*store, m_fx->plainDoc, m_coded.kimQuote), quote); // every coder's annotation
            QCOMPARE(textOf(*store, m_fx->plainDoc, m_coded.claim), claim);
            QCOMPARE(store->annotationCount(), 4);
        }
        project().undoStack()->undo();
        {
            auto store = reader(m_fx->path);
            QCOMPARE(store->documentText(m_fx->plainDoc), PlainText);
            const QString diff = annotationListDiff(store->annotationsForDocument(m_fx->plainDoc), before);
            QVERIFY2(diff.isEmpty(), qPrintable(diff));
        }
        project().undoStack()->redo();
        QCOMPARE(textOf(*reader(m_fx->path), m_fx->plainDoc, m_coded.quote), quote);
    }

    // Deleting a whole span's text keeps the annotation, flagged for review.
    void deletedTextIsFlaggedNotDropped()
    {
        QVERIFY(project().editDocumentText(m_fx->plainDoc, {{24, 30, QString()}})); // `: "Talks … May."`
        auto store = reader(m_fx->path);
        QCOMPARE(store->annotationCount(), 4);
        for (const QUuid &id : {m_coded.quote, m_coded.kimQuote}) {
            const auto a = store->annotation(id);
            QVERIFY(a);
            QCOMPARE(a->status, AnnotationStatus::Review);
            QVERIFY(a->end > a->start);
            QVERIFY(a->end <= int(store->documentText(m_fx->plainDoc).size()));
        }
        QCOMPARE(store->annotation(m_coded.speaker)->status, AnnotationStatus::Coded);
        QCOMPARE(textOf(*store, m_fx->plainDoc, m_coded.claim), QStringLiteral("The port stayed closed."));
        project().undoStack()->undo();
        QCOMPARE(reader(m_fx->path)->annotation(m_coded.quote)->status, AnnotationStatus::Coded);
    }

    // Edits recorded while typing apply in sequence.
    void editSequence()
    {
        QVERIFY(project().editDocumentText(m_fx->plainDoc, {{0, 0, QStringLiteral("Former ")}, {0, 1, QStringLiteral("f")}}));
        auto store = reader(m_fx->path);
        QVERIFY(store->documentText(m_fx->plainDoc).startsWith(QStringLiteral("former Minister Ana Reyes")));
        QCOMPARE(textOf(*store, m_fx->plainDoc, m_coded.speaker), QStringLiteral("Ana Reyes"));
        QCOMPARE(project().undoStack()->count(), 1);
    }

    void badEditsChangeNothing()
    {
        QVERIFY(!project().editDocumentText(m_fx->plainDoc, {{70, 20, QString()}})); // past the end
        QVERIFY(!project().lastError().isEmpty());
        QVERIFY(!project().editDocumentText(QUuid::createUuid(), {{0, 1, QString()}}));
        QVERIFY(project().editDocumentText(m_fx->plainDoc, {{3, 0, QString()}})); // a no-op is fine
        QCOMPARE(project().undoStack()->count(), 0);
        QCOMPARE(reader(m_fx->path)->documentText(m_fx->plainDoc), PlainText);
    }
};

QTEST_GUILESS_MAIN(TestTextEdit)
#include "tst_textedit.moc"
