// Editing an article's text after coding: every coder's annotations keep
// their anchors through the edit, orphans are flagged for review (never
// dropped), and one undo restores text and annotations exactly.
#include "../CoreTestSupport.h"
#include "text/AnchorShift.h"
#include "text/EditStep.h"
#include "text/Graphemes.h"
#include "text/ReviewFlags.h"

#include <QRandomGenerator>
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

QString textOf(const ProjectReader &store, const QUuid &doc, const QUuid &annotation)
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
    QUuid importText(const QString &text)
    {
        const QList<QUuid> ids = project().importDocuments({makeDocument(QStringLiteral("Edited"), text)});
        project().undoStack()->clear();
        return ids.value(0);
    }
    QString annotationText(const QUuid &doc, const QUuid &annotation)
    {
        return textOf(*reader(m_fx->path), doc, annotation);
    }
    QUuid add(const char *code, int start, int end)
    {
        return project().addAnnotation(m_fx->plainDoc, m_fx->codeId(QString::fromLatin1(code)), start, end).value_or(QUuid());
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(openFixture(m_dir, m_fx));
        m_coded.speaker = add("Speaker", 9, 18);
        m_coded.quote = add("Quote", 26, 53);
        m_coded.claim = add("Claim", 55, 78);
        project().setCoderName(QStringLiteral("Kim Beispiel"));
        m_coded.kimQuote = add("Quote", 26, 53); // a second coder, same passage
        project().undoStack()->clear();
    }

    void cleanup() { closeFixture(m_dir, m_fx); }

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
        QTest::newRow("the claim's last word replaced") << 71 << 7 << "shut!" << "Ana Reyes"
                                                        << "Talks are frozen until May." << "The port stayed shut!";
        QTest::newRow("across the quote's end") << 50 << 7 << "y, t" << "Ana Reyes" << "Talks are frozen until M"
                                                << "e port stayed closed.";
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
            QCOMPARE(a->reviewReason, QStringLiteral("text-deleted"));
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

    // Issue 22, example 1: "obama met Jose…", Speaker [0, 5) "obama";
    // the first letter fixed (at 0, remove 1, insert "O") -> "Obama".
    void fixingTheFirstLetterKeepsItInTheSpan()
    {
        const QUuid doc = importText(QStringLiteral("obama met Jose in Lisbon."));
        const auto speaker = project().addAnnotation(doc, m_fx->codeId(QStringLiteral("Speaker")), 0, 5);
        QVERIFY(speaker);
        QVERIFY(project().editDocumentText(doc, {{0, 1, QStringLiteral("O")}}));
        QCOMPARE(annotationText(doc, *speaker), QStringLiteral("Obama"));
        QCOMPARE(reader(m_fx->path)->annotation(*speaker)->status, AnnotationStatus::Coded);
        // Retyping the whole span keeps it on the new text, not flagged.
        QVERIFY(project().editDocumentText(doc, {{0, 5, QStringLiteral("Barack Obama")}}));
        QCOMPARE(annotationText(doc, *speaker), QStringLiteral("Barack Obama"));
        QVERIFY(!reader(m_fx->path)->annotation(*speaker)->needsReview());
        project().undoStack()->undo();
        project().undoStack()->undo();
        QCOMPARE(annotationText(doc, *speaker), QStringLiteral("obama"));
    }

    // Issue 22, example 2: "Jose" [10, 14) + U+0301 at 14 -> "José" whole.
    void accentAfterCodedWordJoinsIt()
    {
        const QUuid doc = importText(QStringLiteral("Obama met Jose in Lisbon. We \u2764 it."));
        const auto jose = project().addAnnotation(doc, m_fx->codeId(QStringLiteral("Speaker")), 10, 14);
        const auto heart = project().addAnnotation(doc, m_fx->codeId(QStringLiteral("Claim")), 29, 30);
        QVERIFY(jose && heart);
        QVERIFY(project().editDocumentText(doc, {{14, 0, QStringLiteral("\u0301")}, {31, 0, QStringLiteral("\uFE0F")}}));
        QCOMPARE(annotationText(doc, *jose), QStringLiteral("Jose\u0301"));
        QCOMPARE(annotationText(doc, *heart), QStringLiteral("\u2764\uFE0F"));
        project().undoStack()->undo();
        QCOMPARE(annotationText(doc, *jose), QStringLiteral("Jose"));
        QCOMPARE(annotationText(doc, *heart), QStringLiteral("\u2764"));
    }

    // Offsets inside a character (a letter and its accent, a surrogate pair)
    // are refused by the core with a clear message; nothing is written.
    void offsetsInsideACharacterAreRefused()
    {
        const QUuid doc = importText(QStringLiteral("Jose\u0301 waved \U0001F1FA\U0001F1E6."));
        const QUuid speaker = m_fx->codeId(QStringLiteral("Speaker"));
        QVERIFY(!project().addAnnotation(doc, speaker, 0, 4));
        QVERIFY2(project().lastError().contains(QStringLiteral("inside the character")), qPrintable(project().lastError()));
        QVERIFY(!project().addAnnotation(doc, speaker, 13, 16)); // inside the flag's first pair
        QVERIFY2(project().lastError().contains(QStringLiteral("The start (offset 13)")), qPrintable(project().lastError()));
        QVERIFY(!project().addAnnotation(m_fx->nonBmpDoc, speaker, 11, 14)); // inside \U0001D11E
        QVERIFY2(project().lastError().contains(QStringLiteral("surrogate pair")), qPrintable(project().lastError()));
        QVERIFY(project().addAnnotation(doc, speaker, 0, 5)); // "José" whole
        QVERIFY(!project().editDocumentText(doc, {{4, 1, QString()}})); // the accent alone
        QVERIFY2(project().lastError().contains(QStringLiteral("The edit's start (offset 4)")),
                 qPrintable(project().lastError()));
        QVERIFY(!project().editDocumentText(m_fx->nonBmpDoc, {{10, 1, QString()}})); // half of \U0001D11E
        QVERIFY(!project().editDocumentText(doc, {{3, 0, QStringLiteral("x")}, {5, 0, QStringLiteral("y")}}));
        QCOMPARE(project().undoStack()->count(), 1); // only the one annotation
        QCOMPARE(reader(m_fx->path)->documentText(doc), QStringLiteral("Jose\u0301 waved \U0001F1FA\U0001F1E6."));
    }

    // Issue 22, example 4 (core): "Hello world. Bye.", span "world", the
    // edit at 6 removing 5 -> flagged with the reason and the edit.
    void flagCarriesReasonAndEdit()
    {
        const QUuid doc = importText(QStringLiteral("Hello world. Bye."));
        const auto world = project().addAnnotation(doc, m_fx->codeId(QStringLiteral("Claim")), 6, 11);
        QVERIFY(world);
        QVERIFY(project().editDocumentText(doc, {{6, 5, QString()}}));
        const auto a = reader(m_fx->path)->annotation(*world);
        QVERIFY(a);
        QCOMPARE(a->status, AnnotationStatus::Review);
        QCOMPARE(a->reviewReason, QStringLiteral("text-deleted"));
        QCOMPARE(annotationStatusLabel(*a), QStringLiteral("needs-review"));
        const QJsonObject edit = reviewEditJson(*a);
        QCOMPARE(edit.value(QStringLiteral("at")).toInt(), 6);
        QCOMPARE(edit.value(QStringLiteral("removed")).toString(), QStringLiteral("world"));
        QCOMPARE(edit.value(QStringLiteral("inserted")).toString(), QString());
        QCOMPARE(edit.value(QStringLiteral("was")).toString(), QStringLiteral("world"));
        QVERIFY2(reviewExplanation(*a).contains(QStringLiteral("(“world”) was deleted by the edit at 6")),
                 qPrintable(reviewExplanation(*a)));
        QCOMPARE(project().flaggedAnnotations().size(), 1);
        project().undoStack()->undo();
        const auto back = reader(m_fx->path)->annotation(*world);
        QVERIFY(!back->needsReview());
        QVERIFY(back->reviewEdit.isEmpty());
        QVERIFY(project().flaggedAnnotations().isEmpty());
    }

    // Only what moves is written: an annotation before the edit keeps its
    // row untouched (modification time), one after it is only shifted.
    void onlyWhatMovesIsWritten()
    {
        const auto before = reader(m_fx->path)->annotation(m_coded.speaker);
        const auto claim = reader(m_fx->path)->annotation(m_coded.claim);
        QVERIFY(project().editDocumentText(m_fx->plainDoc, {{40, 6, QStringLiteral("till")}})); // inside the quote
        auto store = reader(m_fx->path);
        QCOMPARE(store->annotation(m_coded.speaker)->modified, before->modified);
        const auto shifted = store->annotation(m_coded.claim);
        QCOMPARE(shifted->start, claim->start - 2);
        QCOMPARE(shifted->modified, claim->modified); // same text: not modified
        QVERIFY(store->annotation(m_coded.quote)->modified > before->modified); // its text changed
    }

    // The store writes only what moves (a window around each edit and one
    // shift for the rest): on random texts, annotations and edit sequences
    // the result equals applying the rules to every annotation, and undo
    // restores every annotation exactly.
    void windowedWritesMatchTheFullComputation()
    {
        QRandomGenerator rng(22);
        const QStringList words = {QStringLiteral("talks"), QStringLiteral("Jose\u0301"), QStringLiteral("\u2764\uFE0F"),
                                   QStringLiteral("\U0001F1FA\U0001F1E6"), QStringLiteral("port"), QStringLiteral("."),
                                   QStringLiteral("\n"), QStringLiteral("e"), QStringLiteral("said")};
        const auto phrase = [&](int count) {
            QString s;
            for (int i = 0; i < count; ++i)
                s += words.at(rng.bounded(int(words.size()))) + (rng.bounded(3) ? QStringLiteral(" ") : QString());
            return s;
        };
        const auto boundaryIn = [&](const QString &text) {
            const GraphemeBoundaries b(text);
            return b.previous(rng.bounded(int(text.size()) + 1));
        };
        const QUuid claimCode = m_fx->codeId(QStringLiteral("Claim"));
        for (int round = 0; round < 25; ++round) {
            const QString original = phrase(40);
            const QUuid doc = importText(original);
            QList<QUuid> ids;
            for (int k = 0; k < 40; ++k) {
                const int a = boundaryIn(original), b = boundaryIn(original);
                if (a == b)
                    continue;
                if (const auto id = project().addAnnotation(doc, claimCode, std::min(a, b), std::max(a, b)))
                    ids.append(*id);
            }
            if (round % 3 == 0) { // a suggestion too: it stays one
                const auto suggested = project().addSuggestions({{doc, claimCode, 0, GraphemeBoundaries(original).next(1)}});
                QVERIFY2(suggested && suggested->size() == 1, qPrintable(project().lastError()));
            }
            const QList<Annotation> before = reader(m_fx->path)->annotationsForDocument(doc);
            // The edits, each valid for the text before it.
            QList<TextEdit> edits;
            QString text = original;
            for (int k = 1 + rng.bounded(4); k > 0; --k) {
                const int a = boundaryIn(text), b = boundaryIn(text);
                const TextEdit e{std::min(a, b), rng.bounded(3) == 0 ? 0 : std::abs(a - b),
                                 rng.bounded(3) == 0 ? QString() : phrase(1 + rng.bounded(2))};
                if (e.removed == int(text.size()) && e.inserted.isEmpty())
                    continue; // all the text away: refused, tested elsewhere
                edits.append(e);
                text = applyEdit(text, e);
            }
            // The expected result: every annotation through every edit.
            QHash<QUuid, Annotation> expected;
            for (const Annotation &a : before)
                expected.insert(a.id, a);
            QString current = original;
            bool refused = false;
            for (const TextEdit &e : edits) {
                if (e.isNoOp())
                    continue;
                const EditStep step(current, e);
                for (Annotation &a : expected) {
                    const ShiftedSpan r = step.apply({a.start, a.end});
                    const TextSpan span = r.isOrphaned() ? step.reviewSpan(r) : r.span;
                    refused = refused || span.isEmpty();
                    a.start = span.start;
                    a.end = span.end;
                    if (r.isOrphaned() && a.status == AnnotationStatus::Coded)
                        a.status = AnnotationStatus::Review;
                }
                current = step.after();
            }
            const QString where = QStringLiteral("round %1").arg(round);
            const bool ok = project().editDocumentText(doc, edits);
            QCOMPARE(ok, !refused);
            if (!ok)
                continue;
            auto store = reader(m_fx->path);
            QCOMPARE(store->documentText(doc), current);
            const QList<Annotation> after = store->annotationsForDocument(doc);
            QCOMPARE(after.size(), before.size());
            for (const Annotation &a : after) {
                const Annotation &e = expected[a.id];
                QVERIFY2(a.start == e.start && a.end == e.end && a.status == e.status,
                         qPrintable(where + QStringLiteral(" %1: [%2, %3) %4 != [%5, %6) %7")
                                                .arg(a.id.toString())
                                                .arg(a.start).arg(a.end).arg(int(a.status))
                                                .arg(e.start).arg(e.end).arg(int(e.status))));
            }
            if (current != original) {
                project().undoStack()->undo();
                const QList<Annotation> undone = reader(m_fx->path)->annotationsForDocument(doc);
                const QString diff = annotationListDiff(undone, before);
                QVERIFY2(diff.isEmpty(), qPrintable(where + u' ' + diff));
                for (const Annotation &a : undone)
                    QVERIFY2(a.reviewReason.isEmpty() && a.reviewEdit.isEmpty(), qPrintable(where));
                QCOMPARE(reader(m_fx->path)->documentText(doc), original);
                project().undoStack()->redo();
                const QString redone = annotationListDiff(reader(m_fx->path)->annotationsForDocument(doc), after);
                QVERIFY2(redone.isEmpty(), qPrintable(where + u' ' + redone));
            }
        }
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
