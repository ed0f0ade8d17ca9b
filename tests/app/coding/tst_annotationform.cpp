// The field form of the selected annotation (offscreen): choices, typing,
// links (with their markers in the article view), actors from the annotated
// words, the required-field warning, deleting a linked annotation, and the
// calendar of an empty date.
#include "coding/AnnotationFieldForm.h"
#include "coding/AnnotationPane.h"
#include "coding/ArticleView.h"
#include "coding/CodingWorkspace.h"
#include "io/CodebookJson.h"
#include "shell/ProjectSession.h"

#include <QCalendarWidget>
#include <QComboBox>
#include <QDateEdit>
#include <QLineEdit>
#include <QStyle>
#include <QStyleOptionComboBox>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace newscoder;

namespace {

const QString ArticleText = QStringLiteral(
    "Kremlin denies talks\n\nKremlin spokesman Dmitry Peskov said \"relations are at their lowest point\". "
    "Ties are at their worst level in decades, Peskov added.\n");

struct Fixture
{
    QTemporaryDir dir;
    std::unique_ptr<ProjectSession> session;
    std::unique_ptr<CodingWorkspace> workspace;
    QUuid document, quote, speaker, claim;

    Project &project() { return session->project(); }
    AnnotationFieldForm *form() { return workspace->annotationPane()->fieldForm(); }
    QUuid codeId(const QString &name) { return project().codeByName(name)->id; }
    QUuid fieldId(const QString &code, const QString &field)
    {
        return project().codeByName(code)->fieldByName(field)->id;
    }
    QUuid annotate(const QString &code, const QString &words)
    {
        const int start = int(ArticleText.indexOf(words));
        return *project().addAnnotation(document, codeId(code), start, start + int(words.size()));
    }
    QList<FieldValue> values(const QUuid &annotation, const QString &code, const QString &field)
    {
        QList<FieldValue> result;
        for (const FieldValue &v : project().annotationValues(annotation)) {
            if (v.fieldId == fieldId(code, field))
                result.append(v);
        }
        return result;
    }

    Fixture()
    {
        auto p = Project::create(dir.filePath(QStringLiteral("form.newscoder")), defaultNewsCodebook());
        p->setCoderName(QStringLiteral("Alex Example"));
        Document d;
        d.title = QStringLiteral("Kremlin denies talks");
        d.text = ArticleText;
        document = p->importDocuments({d}).value(0);
        session = std::make_unique<ProjectSession>(std::move(p));
        workspace = std::make_unique<CodingWorkspace>(*session);
        workspace->resize(1300, 800);
        workspace->show();
        workspace->showDocument(document);
        quote = annotate(QStringLiteral("Quote"), QStringLiteral("relations are at their lowest point"));
        speaker = annotate(QStringLiteral("Speaker"), QStringLiteral("Dmitry Peskov"));
        claim = annotate(QStringLiteral("Claim"), QStringLiteral("Ties are at their worst level in decades"));
        project().undoStack()->clear();
    }
};

} // namespace

class TestAnnotationForm : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void choiceSetsValueAndUndoClearsIt()
    {
        Fixture f;
        f.workspace->annotationPane()->selectAnnotation(f.quote);
        QCOMPARE(f.form()->annotation(), f.quote);
        QVERIFY(f.form()->requiredWarning().contains(u"2 required fields empty"));
        QVERIFY(f.form()->requiredWarning().contains(u"Type"));

        auto *type = qobject_cast<QComboBox *>(f.form()->editor(QStringLiteral("Type")));
        QVERIFY(type);
        QCOMPARE(type->currentData().toString(), QString()); // the empty entry
        type->setCurrentIndex(type->findData(QStringLiteral("direct")));
        QCOMPARE(f.values(f.quote, QStringLiteral("Quote"), QStringLiteral("Type")).value(0).text,
                 QStringLiteral("direct"));
        QCOMPARE(f.project().undoStack()->count(), 1);
        QVERIFY(f.form()->requiredWarning().contains(u"1 required field empty: Speaker"));

        f.project().undoStack()->undo();
        QVERIFY(f.values(f.quote, QStringLiteral("Quote"), QStringLiteral("Type")).isEmpty());
        QCOMPARE(type->currentData().toString(), QString()); // the form followed the undo
        QVERIFY(f.form()->requiredWarning().contains(u"2 required fields empty"));
        f.project().undoStack()->redo();
        QCOMPARE(type->currentData().toString(), QStringLiteral("direct"));
    }

    void typingIsOneUndoStep()
    {
        Fixture f;
        f.workspace->annotationPane()->selectAnnotation(f.claim);
        auto *topic = qobject_cast<QLineEdit *>(f.form()->editor(QStringLiteral("Topic")));
        QVERIFY(topic);
        QTest::keyClicks(topic, QStringLiteral("bilateral ties"));
        QCOMPARE(topic->text(), QStringLiteral("bilateral ties")); // the space survived saving
        QCOMPARE(f.values(f.claim, QStringLiteral("Claim"), QStringLiteral("Topic")).value(0).text,
                 QStringLiteral("bilateral ties"));
        QCOMPARE(f.project().undoStack()->count(), 1);
        f.project().undoStack()->undo();
        QVERIFY(f.values(f.claim, QStringLiteral("Claim"), QStringLiteral("Topic")).isEmpty());
        QCOMPARE(topic->text(), QString());

        // An ordinal: the scale's labels, the stored value.
        auto *stance = qobject_cast<QComboBox *>(f.form()->editor(QStringLiteral("Stance")));
        QVERIFY(stance);
        QCOMPARE(stance->count(), 8); // empty + 7 points
        stance->setCurrentIndex(stance->findData(QStringLiteral("-2")));
        QCOMPARE(f.values(f.claim, QStringLiteral("Claim"), QStringLiteral("Stance")).value(0).text,
                 QStringLiteral("-2"));
    }

    void linkThroughFormShowsMarkerAndFollows()
    {
        Fixture f;
        ArticleView *view = f.workspace->articleView();
        QVERIFY(view->linkMarkers().isEmpty());
        f.workspace->annotationPane()->selectAnnotation(f.quote);
        const QUuid speakerField = f.fieldId(QStringLiteral("Quote"), QStringLiteral("Speaker"));
        // Only Speaker annotations are offered.
        QCOMPARE(f.form()->linkCandidates(speakerField), QList<QUuid>{f.speaker});
        QVERIFY(f.form()->linkTo(speakerField, f.speaker));
        QCOMPARE(f.values(f.quote, QStringLiteral("Quote"), QStringLiteral("Speaker")).value(0).annotationId, f.speaker);
        QCOMPARE(f.project().reader().annotationsLinkingTo(f.speaker), QList<QUuid>{f.quote});
        QVERIFY(f.form()->linkCandidates(speakerField).isEmpty()); // already linked

        // The view marks the link at both ends and names it.
        const QList<ArticleView::LinkMarker> markers = view->linkMarkers();
        QCOMPARE(markers.size(), 1);
        QCOMPARE(markers.first().sourceId, f.quote);
        QCOMPARE(markers.first().targetId, f.speaker);
        QVERIFY(!markers.first().sourceMarker.isEmpty());
        QVERIFY(!markers.first().targetMarker.isEmpty());
        QCOMPARE(view->linkDescription(f.quote, f.speaker, markers.first().fieldName),
                 QStringLiteral("Quote → Speaker: Dmitry Peskov"));

        // The link list's entry follows the link: the speaker becomes selected.
        QWidget *links = f.form()->editor(QStringLiteral("Speaker"));
        QVERIFY(links);
        auto *follow = links->findChild<QToolButton *>(QStringLiteral("followLink"));
        QVERIFY(follow);
        QVERIFY(follow->text().contains(u"Dmitry Peskov"));
        follow->click();
        QCOMPARE(f.workspace->annotationPane()->currentAnnotation(), f.speaker);
        QCOMPARE(view->selectedAnnotation(), f.speaker);
        QCOMPARE(f.form()->annotation(), f.speaker);

        // The speaker's form lists where it is linked from.
        QWidget *linkedFrom = f.form()->findChild<QWidget *>(QStringLiteral("linkedFrom"));
        QVERIFY(linkedFrom && linkedFrom->isVisibleTo(f.form()));
        QList<QToolButton *> back;
        for (QToolButton *b : linkedFrom->findChildren<QToolButton *>(QStringLiteral("followLink"))) {
            if (b->isVisibleTo(linkedFrom))
                back.append(b);
        }
        QCOMPARE(back.size(), 1);
        QVERIFY(back.first()->text().contains(u"Quote"));

        // Removing the link from the quote's form; undo brings it back with its marker.
        f.workspace->annotationPane()->selectAnnotation(f.quote);
        auto *remove = f.form()->editor(QStringLiteral("Speaker"))->findChild<QToolButton *>(QStringLiteral("removeLink"));
        QVERIFY(remove);
        remove->click();
        QVERIFY(f.project().reader().annotationsLinkingTo(f.speaker).isEmpty());
        QVERIFY(view->linkMarkers().isEmpty());
        f.project().undoStack()->undo();
        QCOMPARE(f.project().reader().annotationsLinkingTo(f.speaker), QList<QUuid>{f.quote});
        QCOMPARE(view->linkMarkers().size(), 1);
    }

    void actorFromTextIsOneUndoStep()
    {
        Fixture f;
        f.workspace->annotationPane()->selectAnnotation(f.speaker);
        QVERIFY(f.form()->requiredWarning().contains(u"Actor"));
        auto *fromText = f.form()->findChild<QToolButton *>(QStringLiteral("actorFromText"));
        QVERIFY(fromText);
        fromText->click();
        QCOMPARE(f.project().actors().size(), 1);
        const Actor peskov = f.project().actors().first();
        QCOMPARE(peskov.name, QStringLiteral("Dmitry Peskov"));
        QCOMPARE(f.values(f.speaker, QStringLiteral("Speaker"), QStringLiteral("Actor")).value(0).actorId, peskov.id);
        QCOMPARE(f.project().undoStack()->count(), 1);
        auto *combo = qobject_cast<QComboBox *>(f.form()->editor(QStringLiteral("Actor")));
        QVERIFY(combo);
        QCOMPARE(combo->currentText(), QStringLiteral("Dmitry Peskov"));
        QVERIFY(f.form()->requiredWarning().isEmpty());

        f.project().undoStack()->undo(); // actor and link together
        QVERIFY(f.project().actors().isEmpty());
        QVERIFY(f.values(f.speaker, QStringLiteral("Speaker"), QStringLiteral("Actor")).isEmpty());
        QCOMPARE(combo->currentIndex(), 0);
        f.project().undoStack()->redo();
        QCOMPARE(f.project().actors().size(), 1);
    }

    void actorFromTextPrefersKnownActor()
    {
        Fixture f;
        Actor peskov;
        peskov.name = QStringLiteral("Dmitry Peskov");
        peskov.aliases = {QStringLiteral("Peskov")};
        const QUuid id = *f.project().addActor(peskov);
        const QUuid mention = f.annotate(QStringLiteral("Speaker"), QStringLiteral("Kremlin spokesman Dmitry Peskov"));
        f.workspace->annotationPane()->selectAnnotation(mention);
        const int steps = f.project().undoStack()->count();
        QCOMPARE(f.form()->actorFromText(f.fieldId(QStringLiteral("Speaker"), QStringLiteral("Actor"))), id);
        QCOMPARE(f.project().actors().size(), 1);
        QCOMPARE(f.project().undoStack()->count(), steps + 1);
        QCOMPARE(f.values(mention, QStringLiteral("Speaker"), QStringLiteral("Actor")).value(0).actorId, id);
    }

    void deleteLinkedTargetAsksTheWorkspaceChooser()
    {
        Fixture f;
        QVERIFY(f.project().addAnnotationLink(f.quote, f.speaker));
        QList<QUuid> asked;
        LinkedDeletionChoice answer = LinkedDeletionChoice::Cancel;
        f.workspace->setLinkedDeletionChooser([&](const QList<QUuid> &linking) {
            asked = linking;
            return answer;
        });
        f.workspace->annotationPane()->selectAnnotation(f.speaker);
        QVERIFY(!f.workspace->deleteSelectedAnnotations()); // cancelled
        QCOMPARE(asked, QList<QUuid>{f.quote});
        QVERIFY(f.project().reader().annotation(f.speaker));

        answer = LinkedDeletionChoice::DeleteLinkingToo;
        QVERIFY(f.workspace->deleteSelectedAnnotations());
        QVERIFY(!f.project().reader().annotation(f.speaker));
        QVERIFY(!f.project().reader().annotation(f.quote));
        QCOMPARE(f.form()->annotation(), QUuid());
        f.project().undoStack()->undo();
        QVERIFY(f.project().reader().annotation(f.quote));
        QCOMPARE(f.project().reader().annotationsLinkingTo(f.speaker), QList<QUuid>{f.quote});
    }
    // An empty date shows "—" (the editor's minimum, year 1000); its calendar
    // opens at today's month, and at the stored date's month once there is one.
    // (Before, the calendar of an empty date opened in January 1000.)
    void emptyDateCalendarOpensAtToday()
    {
        Fixture f;
        CodeField day;
        day.name = QStringLiteral("Said on");
        day.kind = FieldKind::Date;
        Code dated;
        dated.name = QStringLiteral("Dated statement");
        dated.fields = {day};
        const auto code = f.project().addCode(dated);
        QVERIFY(code);
        const int start = int(ArticleText.indexOf(QStringLiteral("Peskov added")));
        const auto annotation = f.project().addAnnotation(f.document, *code, start, start + 12);
        QVERIFY(annotation);
        f.workspace->annotationPane()->selectAnnotation(*annotation);
        auto *date = qobject_cast<QDateEdit *>(f.form()->editor(QStringLiteral("Said on")));
        QVERIFY(date);
        QCOMPARE(date->date(), QDate(1000, 1, 1));
        QCOMPARE(date->text(), QStringLiteral("—"));

        const auto openCalendar = [date] {
            QStyleOptionComboBox option; // how QDateTimeEdit finds its arrow
            option.initFrom(date);
            option.editable = true;
            option.subControls = QStyle::SC_All;
            const QRect arrow =
                date->style()->subControlRect(QStyle::CC_ComboBox, &option, QStyle::SC_ComboBoxArrow, date);
            QTest::mouseClick(date, Qt::LeftButton, {}, arrow.center());
            return date->calendarWidget();
        };
        QCalendarWidget *calendar = openCalendar();
        QVERIFY(calendar);
        QTRY_VERIFY(calendar->isVisible());
        const QDate today = QDate::currentDate();
        QCOMPARE(calendar->yearShown(), today.year());
        QCOMPARE(calendar->monthShown(), today.month());
        QCOMPARE(calendar->selectedDate(), today); // the arrow keys start from today, not from year 1000
        calendar->window()->close();
        QCOMPARE(date->date(), QDate(1000, 1, 1));
        QVERIFY(f.project().annotationValues(*annotation).isEmpty()); // looking stored nothing

        date->setDate(QDate(2021, 3, 5));
        QCOMPARE(f.project().annotationValues(*annotation).value(0).text, QStringLiteral("2021-03-05"));
        calendar = openCalendar();
        QTRY_VERIFY(calendar->isVisible());
        QCOMPARE(calendar->yearShown(), 2021);
        QCOMPARE(calendar->monthShown(), 3);
        calendar->window()->close();
    }
};

QTEST_MAIN(TestAnnotationForm)
#include "tst_annotationform.moc"
