// Auto-coding suggestions: adding them (one step, duplicates skipped),
// accepting and rejecting them (one step each), every step undone and redone
// against what reached the file.
#include "../CoreTestSupport.h"
#include "models/AnnotationTableModel.h"
#include "models/ModelRoles.h"
#include "text/AnchorShift.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace newscoder;
using namespace newscoder::test;

class TestSuggestions : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ProjectFixture> m_fx;

    Project &project() { return *m_fx->project; }
    QUuid quote() const { return m_fx->codeId(QStringLiteral("Quote")); }
    QUuid speaker() const { return m_fx->codeId(QStringLiteral("Speaker")); }
    QList<Annotation> stored() const { return allAnnotations(*reader(m_fx->path)); }

    static int countWith(const QList<Annotation> &list, AnnotationStatus status)
    {
        return int(std::count_if(list.cbegin(), list.cend(), [&](const Annotation &a) { return a.status == status; }));
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(openFixture(m_dir, m_fx));
    }

    void cleanup() { closeFixture(m_dir, m_fx); }

    void addIsOneStepAndRoundTrips()
    {
        QSignalSpy inserted(&project(), &Project::annotationsInserted);
        const auto ids = project().addSuggestions({{m_fx->plainDoc, speaker(), 9, 18},
                                                   {m_fx->plainDoc, quote(), 26, 53},
                                                   {m_fx->nonBmpDoc, quote(), 10, 12}}); // a surrogate pair
        QVERIFY2(ids, qPrintable(project().lastError()));
        QCOMPARE(ids->size(), 3);
        QCOMPARE(project().undoStack()->count(), 1);
        QCOMPARE(inserted.count(), 1);
        const QList<Annotation> after = stored();
        QCOMPARE(after.size(), 3);
        QCOMPARE(countWith(after, AnnotationStatus::Suggested), 3);
        const auto coder = reader(m_fx->path)->coderByName(QStringLiteral("Alex Example"));
        QVERIFY(coder);
        for (const Annotation &a : after)
            QCOMPARE(a.coderId, coder->id);
        QCOMPARE(project().suggestions().size(), 3);
        QCOMPARE(project().suggestions(m_fx->plainDoc).size(), 2);

        project().undoStack()->undo();
        QVERIFY(stored().isEmpty());
        QVERIFY(project().suggestions().isEmpty());
        project().undoStack()->redo();
        const QString diff = annotationListDiff(stored(), after);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
        QCOMPARE(countWith(stored(), AnnotationStatus::Suggested), 3);
    }

    void duplicatesAreSkipped()
    {
        const auto coded = project().addAnnotation(m_fx->plainDoc, quote(), 26, 53);
        QVERIFY(coded);
        // Another coder's identical span does not count as a duplicate.
        project().setCoderName(QStringLiteral("Kim Beispiel"));
        QVERIFY(project().addAnnotation(m_fx->plainDoc, speaker(), 9, 18));
        project().setCoderName(QStringLiteral("Alex Example"));
        project().undoStack()->clear();

        const auto ids = project().addSuggestions({{m_fx->plainDoc, quote(), 26, 53},   // coded already
                                                   {m_fx->plainDoc, speaker(), 9, 18},  // Kim's, not ours
                                                   {m_fx->plainDoc, speaker(), 9, 18},  // repeated
                                                   {m_fx->plainDoc, quote(), 25, 53}}); // other offsets
        QVERIFY(ids);
        QCOMPARE(ids->size(), 2);
        QCOMPARE(stored().size(), 4);
        // Everything already there: nothing to do, no step.
        const auto again = project().addSuggestions({{m_fx->plainDoc, quote(), 26, 53}, {m_fx->plainDoc, quote(), 25, 53}});
        QVERIFY(again);
        QVERIFY(again->isEmpty());
        QCOMPARE(project().undoStack()->count(), 1);
    }

    void badSpansFailWholeCall()
    {
        QVERIFY(!project().addSuggestions({{m_fx->plainDoc, quote(), 0, 5}, {m_fx->plainDoc, quote(), 70, 500}}));
        QVERIFY(!project().lastError().isEmpty());
        QVERIFY(!project().addSuggestions({{QUuid::createUuid(), quote(), 0, 5}}));
        QVERIFY(!project().addSuggestions({{m_fx->plainDoc, QUuid::createUuid(), 0, 5}}));
        QVERIFY(!project().addSuggestions({{m_fx->plainDoc, quote(), 5, 5}}));
        project().setCoderName(QString());
        QVERIFY(!project().addSuggestions({{m_fx->plainDoc, quote(), 0, 5}}));
        QCOMPARE(project().undoStack()->count(), 0);
        QVERIFY(stored().isEmpty());
    }

    void acceptRoundTrips()
    {
        const auto coded = project().addAnnotation(m_fx->plainDoc, speaker(), 0, 8);
        const auto ids = project().addSuggestions({{m_fx->plainDoc, speaker(), 9, 18}, {m_fx->plainDoc, quote(), 26, 53}});
        QVERIFY(coded && ids && ids->size() == 2);
        project().undoStack()->clear();
        const QList<Annotation> before = stored();
        QSignalSpy changed(&project(), &Project::annotationChanged);

        // A coded annotation in the list is ignored; so are unknown ids.
        QVERIFY(project().acceptSuggestions({ids->at(0), ids->at(1), *coded, QUuid::createUuid()}));
        QCOMPARE(project().undoStack()->count(), 1);
        QCOMPARE(changed.count(), 2);
        QCOMPARE(countWith(stored(), AnnotationStatus::Suggested), 0);
        QCOMPARE(countWith(stored(), AnnotationStatus::Coded), 3);
        const auto a = reader(m_fx->path)->annotation(ids->at(1));
        QCOMPARE(a->start, 26);
        QCOMPARE(a->end, 53);

        project().undoStack()->undo();
        QCOMPARE(countWith(stored(), AnnotationStatus::Suggested), 2);
        const QString diff = annotationListDiff(stored(), before);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
        project().undoStack()->redo();
        QCOMPARE(countWith(stored(), AnnotationStatus::Suggested), 0);

        // Nothing left to accept: no step.
        QVERIFY(project().acceptSuggestions(*ids));
        QCOMPARE(project().undoStack()->count(), 1);
    }

    void rejectRoundTrips()
    {
        const auto coded = project().addAnnotation(m_fx->plainDoc, speaker(), 0, 8);
        const auto ids = project().addSuggestions({{m_fx->plainDoc, speaker(), 9, 18}, {m_fx->nonBmpDoc, quote(), 10, 12}});
        QVERIFY(coded && ids && ids->size() == 2);
        project().undoStack()->clear();
        const QList<Annotation> before = stored();

        QVERIFY(project().rejectSuggestions({ids->at(0), ids->at(1), *coded}));
        QCOMPARE(project().undoStack()->count(), 1);
        QCOMPARE(stored().size(), 1); // the coded one stays
        QCOMPARE(stored().first().id, *coded);

        project().undoStack()->undo();
        const QString diff = annotationListDiff(stored(), before);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
        QCOMPARE(countWith(stored(), AnnotationStatus::Suggested), 2);
        project().undoStack()->redo();
        QCOMPARE(stored().size(), 1);
    }

    // The annotation table marks suggestions and review-flagged annotations,
    // and follows a text edit.
    void tableMarksStatus()
    {
        AnnotationTableModel model(project());
        model.setDocument(m_fx->plainDoc);
        const auto coded = project().addAnnotation(m_fx->plainDoc, quote(), 26, 53);
        const auto ids = project().addSuggestions({{m_fx->plainDoc, speaker(), 9, 18}});
        QVERIFY(coded && ids);
        const int sRow = model.rowOf(ids->first());
        QCOMPARE(model.index(sRow, AnnotationTableModel::CoderColumn).data().toString(),
                 QStringLiteral("Alex Example (suggested)"));
        QCOMPARE(model.index(sRow, 0).data(StatusRole).toInt(), int(AnnotationStatus::Suggested));
        QVERIFY(project().acceptSuggestions(*ids));
        QCOMPARE(model.index(sRow, AnnotationTableModel::CoderColumn).data().toString(), QStringLiteral("Alex Example"));

        QVERIFY(project().editDocumentText(m_fx->plainDoc, {{24, 30, QString()}})); // the quote's text goes
        QCOMPARE(model.text(), reader(m_fx->path)->documentText(m_fx->plainDoc)); // reloaded
        const int rRow = model.rowOf(*coded);
        QVERIFY(model.index(rRow, AnnotationTableModel::TextColumn).data().toString().startsWith(QStringLiteral("⚠ ")));
        const QString tip = model.index(rRow, 0).data(Qt::ToolTipRole).toString();
        QVERIFY2(tip.startsWith(QStringLiteral("⚠ Its whole text")) && tip.contains(QStringLiteral("the edit at 24")),
                 qPrintable(tip));
        project().undoStack()->undo();
        QCOMPARE(model.text(), PlainText);
        QCOMPARE(model.index(model.rowOf(*coded), 0).data(StatusRole).toInt(), int(AnnotationStatus::Coded));
    }

    // Issue 22, example 3: a suggestion whose text an edit removed is flagged
    // like a coding (but stays a suggestion); accepting all never codes it.
    void orphanedSuggestionIsNeverAcceptedByAll()
    {
        // "Minister Ana Reyes said: …": "said" at [19, 23), "Ana Reyes" at [9, 18).
        const auto ids = project().addSuggestions({{m_fx->plainDoc, quote(), 19, 23}, {m_fx->plainDoc, speaker(), 9, 18}});
        QVERIFY(ids && ids->size() == 2);
        QVERIFY(project().editDocumentText(m_fx->plainDoc, {{19, 5, QString()}})); // "said " goes
        auto said = reader(m_fx->path)->annotation(ids->at(0));
        QCOMPARE(said->status, AnnotationStatus::Suggested);
        QCOMPARE(said->reviewReason, QStringLiteral("text-deleted"));
        QVERIFY(said->needsReview());
        int skipped = -1;
        QVERIFY(project().acceptSuggestions(*ids, Project::FlaggedSuggestions::Skip, &skipped));
        QCOMPARE(skipped, 1);
        QCOMPARE(reader(m_fx->path)->annotation(ids->at(0))->status, AnnotationStatus::Suggested);
        QCOMPARE(reader(m_fx->path)->annotation(ids->at(1))->status, AnnotationStatus::Coded);
        QCOMPARE(countWith(stored(), AnnotationStatus::Coded), 1);
        // Accepting it deliberately (a person checked it) clears the flag; undo brings it back.
        QVERIFY(project().acceptSuggestions({ids->at(0)}, Project::FlaggedSuggestions::Accept, &skipped));
        QCOMPARE(skipped, 0);
        said = reader(m_fx->path)->annotation(ids->at(0));
        QCOMPARE(said->status, AnnotationStatus::Coded);
        QVERIFY(!said->needsReview());
        project().undoStack()->undo();
        said = reader(m_fx->path)->annotation(ids->at(0));
        QCOMPARE(said->status, AnnotationStatus::Suggested);
        QCOMPARE(said->reviewReason, QStringLiteral("text-deleted"));
    }

    // A suggestion whose text an edit changed is checked again before it can
    // be accepted: flagged "text-changed", skipped by accept-all.
    void changedSuggestionIsCheckedAgain()
    {
        const auto ids = project().addSuggestions({{m_fx->plainDoc, speaker(), 9, 18}}); // "Ana Reyes"
        QVERIFY(ids);
        QVERIFY(project().editDocumentText(m_fx->plainDoc, {{13, 5, QStringLiteral("Reyés")}}));
        const auto changed = reader(m_fx->path)->annotation(ids->first());
        QCOMPARE(changed->reviewReason, QStringLiteral("text-changed"));
        QCOMPARE(reader(m_fx->path)->documentText(m_fx->plainDoc).mid(changed->start, changed->length()),
                 QStringLiteral("Ana Reyés"));
        int skipped = 0;
        QVERIFY(project().acceptSuggestions(*ids, Project::FlaggedSuggestions::Skip, &skipped));
        QCOMPARE(skipped, 1);
        QCOMPARE(project().undoStack()->count(), 2); // nothing accepted: no step
        // Codings are not flagged for a changed text: only suggestions are.
        const auto coded = project().addAnnotation(m_fx->plainDoc, quote(), 26, 53);
        QVERIFY(coded);
        QVERIFY(project().editDocumentText(m_fx->plainDoc, {{36, 6, QStringLiteral("stuck")}}));
        QVERIFY(!reader(m_fx->path)->annotation(*coded)->needsReview());
    }

    // A hit inside a character (a letter without its accent) is suggested whole.
    void suggestionsAreWholeCharacters()
    {
        const QList<QUuid> docs = project().importDocuments({makeDocument(QStringLiteral("Accent"),
                                                                          QStringLiteral("Jose\u0301 spoke."))});
        const auto ids = project().addSuggestions({{docs.first(), speaker(), 0, 4}});
        QVERIFY(ids && ids->size() == 1);
        const auto a = reader(m_fx->path)->annotation(ids->first());
        QCOMPARE(a->start, 0);
        QCOMPARE(a->end, 5);
    }

    void readOnlyRefuses()
    {
        const auto ids = project().addSuggestions({{m_fx->plainDoc, speaker(), 9, 18}});
        QVERIFY(ids);
        const QString path = m_fx->path;
        const QUuid speakerId = speaker();
        m_fx->project.reset();
        auto readOnly = Project::open(path, ProjectAccess::ReadOnly);
        readOnly->setCoderName(QStringLiteral("Alex Example"));
        QVERIFY(!readOnly->acceptSuggestions(*ids));
        QVERIFY(!readOnly->rejectSuggestions(*ids));
        QVERIFY(!readOnly->addSuggestions({{m_fx->plainDoc, speakerId, 0, 8}}));
        QCOMPARE(readOnly->suggestions().size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestSuggestions)
#include "tst_suggestions.moc"
