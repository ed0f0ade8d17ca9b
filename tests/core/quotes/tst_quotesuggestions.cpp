// Quote suggestions in a project: suggesting writes the quote, its speaker
// span, the link, the kind and the matched actor as suggestions in one step;
// accepting makes them coded with a proposed actor created, in one step;
// rejecting takes the speaker span along. Every step undone and redone
// against the whole file.
#include "../CoreTestSupport.h"
#include "../ProjectSnapshot.h"
#include "quotes/QuoteSuggestions.h"

#include <QTemporaryDir>
#include <QTest>

using namespace newscoder;
using namespace newscoder::test;

namespace {

const QString Article = QStringLiteral(
    "Harbour minister Ana Reyes said on Monday that the port would reopen in May. \"We will not wait any longer,\" "
    "Reyes told reporters. Union leader Tomás Brandt warned that workers would strike. \"This plan is dead,\" he "
    "said.");

} // namespace

class TestQuoteSuggestions : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ProjectFixture> m_fx;
    QUuid m_doc;
    QUuid m_reyes;

    Project &project() { return *m_fx->project; }
    ProjectSnapshot snap() const { return ProjectSnapshot::take(m_fx->path); }
    QUuid field(const char *code, const char *name) const
    {
        return m_fx->project->codeByName(QString::fromLatin1(code))->fieldByName(QString::fromLatin1(name))->id;
    }
    QList<Annotation> stored() const { return allAnnotations(*reader(m_fx->path)); }
    static QString textOf(const Annotation &a) { return Article.mid(a.start, a.length()); }

    // The stored annotation of this code whose text is `text`.
    std::optional<Annotation> find(const char *code, const QString &text) const
    {
        const QUuid codeId = m_fx->codeId(QString::fromLatin1(code));
        for (const Annotation &a : stored()) {
            if (a.documentId == m_doc && a.codeId == codeId && textOf(a) == text)
                return a;
        }
        return std::nullopt;
    }

    QUuid valueOf(const QUuid &annotation, const QUuid &fieldId, bool actor) const
    {
        for (const FieldValue &v : m_fx->project->annotationValues(annotation)) {
            if (v.fieldId == fieldId)
                return actor ? v.actorId : v.annotationId;
        }
        return {};
    }

    QString textValue(const QUuid &annotation, const QUuid &fieldId) const
    {
        for (const FieldValue &v : m_fx->project->annotationValues(annotation)) {
            if (v.fieldId == fieldId)
                return v.text;
        }
        return {};
    }

    void suggest()
    {
        const QuoteSuggestionRun run = suggestQuotes(project(), {m_doc});
        QVERIFY2(run.error.isEmpty(), qPrintable(run.error));
        QVERIFY(run.quotes >= 2);
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(openFixture(m_dir, m_fx));
        m_doc = project().importDocuments({makeDocument(QStringLiteral("Port strike looms"), Article)}).value(0);
        Actor reyes;
        reyes.name = QStringLiteral("Ana Reyes");
        m_reyes = project().addActor(reyes).value_or(QUuid());
        QVERIFY(!m_doc.isNull() && !m_reyes.isNull());
        project().undoStack()->clear();
    }

    void cleanup() { closeFixture(m_dir, m_fx); }

    void suggestingWritesQuoteSpeakerLinkKindAndActor()
    {
        const ProjectSnapshot before = snap();
        const QuoteSuggestionRun run = suggestQuotes(project(), {m_doc});
        QVERIFY2(run.error.isEmpty(), qPrintable(run.error));
        QCOMPARE(run.documents, 1);
        QCOMPARE(project().undoStack()->count(), 1);
        const auto quote = find("Quote", QStringLiteral("We will not wait any longer,"));
        QVERIFY(quote);
        QCOMPARE(quote->status, AnnotationStatus::Suggested);
        QCOMPARE(textValue(quote->id, field("Quote", "Type")), QStringLiteral("direct"));
        const QUuid speakerId = valueOf(quote->id, field("Quote", "Speaker"), false);
        const auto speaker = find("Speaker", QStringLiteral("Reyes"));
        QVERIFY(speaker);
        QCOMPARE(speakerId, speaker->id);
        QCOMPARE(speaker->status, AnnotationStatus::Suggested);
        QCOMPARE(valueOf(speaker->id, field("Speaker", "Actor"), true), m_reyes); // matched in the registry
        const auto info = readQuoteSuggestionMemo(quote->memo);
        QVERIFY(info);
        QCOMPARE(info->kind, quotes::QuoteKind::Direct);
        QVERIFY(!info->rule.isEmpty());
        QVERIFY(info->confidence > 0.0 && info->confidence <= 1.0);
        QVERIFY(info->newActor.isEmpty());
        // A pronoun speaker: the span is "he", the actor a new one proposed.
        const auto dead = find("Quote", QStringLiteral("This plan is dead,"));
        QVERIFY(dead);
        const auto he = find("Speaker", QStringLiteral("he"));
        QVERIFY(he);
        QCOMPARE(valueOf(dead->id, field("Quote", "Speaker"), false), he->id);
        QCOMPARE(valueOf(he->id, field("Speaker", "Actor"), true), QUuid());
        QCOMPARE(readQuoteSuggestionMemo(dead->memo)->newActor, QStringLiteral("Tomás Brandt"));
        QCOMPARE(project().actors().size(), 1); // nothing created before accepting
        // Again: nothing new, no step.
        const QuoteSuggestionRun again = suggestQuotes(project(), {m_doc});
        QCOMPARE(again.quotes, 0);
        QCOMPARE(again.skipped, run.quotes);
        QCOMPARE(project().undoStack()->count(), 1);
        const ProjectSnapshot after = snap();
        project().undoStack()->undo();
        QCOMPARE(ProjectSnapshot::diff(before, snap()), QString());
        project().undoStack()->redo();
        QCOMPARE(ProjectSnapshot::diff(after, snap()), QString());
    }

    void acceptingCreatesEverythingInOneStep()
    {
        suggest();
        const auto dead = find("Quote", QStringLiteral("This plan is dead,"));
        QVERIFY(dead);
        const ProjectSnapshot before = snap();
        const int steps = project().undoStack()->count();
        QVERIFY2(project().acceptSuggestions({dead->id}), qPrintable(project().lastError()));
        QCOMPARE(project().undoStack()->count(), steps + 1);
        const auto quote = find("Quote", QStringLiteral("This plan is dead,"));
        const auto he = find("Speaker", QStringLiteral("he"));
        QVERIFY(quote && he);
        QCOMPARE(quote->status, AnnotationStatus::Coded);
        QCOMPARE(quote->memo, QString());
        QCOMPARE(he->status, AnnotationStatus::Coded);
        QCOMPARE(valueOf(quote->id, field("Quote", "Speaker"), false), he->id);
        QCOMPARE(textValue(quote->id, field("Quote", "Type")), QStringLiteral("direct"));
        QCOMPARE(project().actors().size(), 2);
        const auto brandt = project().resolveActor(QStringLiteral("Tomás Brandt"));
        QVERIFY(brandt);
        QCOMPARE(valueOf(he->id, field("Speaker", "Actor"), true), brandt->id);
        // The other suggestions stay suggestions.
        QCOMPARE(find("Quote", QStringLiteral("We will not wait any longer,"))->status, AnnotationStatus::Suggested);
        const ProjectSnapshot after = snap();
        project().undoStack()->undo();
        QCOMPARE(ProjectSnapshot::diff(before, snap()), QString());
        QCOMPARE(project().actors().size(), 1);
        project().undoStack()->redo();
        QCOMPARE(ProjectSnapshot::diff(after, snap()), QString());
        QCOMPARE(project().actors().size(), 2);
    }

    void oneNewActorForTwoQuotesOfOneSpeaker()
    {
        suggest();
        QList<QUuid> ids;
        for (const Annotation &a : project().suggestions(m_doc)) {
            const auto info = readQuoteSuggestionMemo(a.memo);
            if (info && info->newActor == QStringLiteral("Tomás Brandt"))
                ids.append(a.id);
        }
        QCOMPARE(ids.size(), 2); // the indirect quote and "This plan is dead,"
        QVERIFY2(project().acceptSuggestions(ids), qPrintable(project().lastError()));
        QCOMPARE(project().actors().size(), 2);
        const auto brandt = project().resolveActor(QStringLiteral("Tomás Brandt"));
        QVERIFY(brandt);
        QCOMPARE(valueOf(find("Speaker", QStringLiteral("he"))->id, field("Speaker", "Actor"), true), brandt->id);
        QCOMPARE(valueOf(find("Speaker", QStringLiteral("Union leader Tomás Brandt"))->id, field("Speaker", "Actor"),
                         true),
                 brandt->id);
    }

    void aSpeakerSpanTheCoderHasIsLinkedNotRepeated()
    {
        const int start = int(Article.indexOf(QStringLiteral("Reyes told")));
        const QUuid mine = project().addAnnotation(m_doc, m_fx->codeId(QStringLiteral("Speaker")), start, start + 5)
                               .value_or(QUuid());
        const QUuid actorField = field("Speaker", "Actor");
        Actor other;
        other.name = QStringLiteral("Someone Else");
        const QUuid otherId = project().addActor(other).value_or(QUuid());
        QVERIFY(project().setAnnotationValues(mine, actorField, {{actorField, {}, {}, otherId}}));
        suggest();
        const auto quote = find("Quote", QStringLiteral("We will not wait any longer,"));
        QVERIFY(quote);
        QCOMPARE(valueOf(quote->id, field("Quote", "Speaker"), false), mine);
        QCOMPARE(valueOf(mine, actorField, true), otherId); // the coder's choice stays
        QCOMPARE(project().annotationValues(mine).size(), 1);
    }

    void acceptingEverythingAtOnce()
    {
        suggest();
        QList<QUuid> ids;
        for (const Annotation &a : project().suggestions())
            ids.append(a.id);
        const ProjectSnapshot before = snap();
        QVERIFY(project().acceptSuggestions(ids));
        QCOMPARE(project().suggestions().size(), 0);
        QCOMPARE(project().actors().size(), 2); // Ana Reyes, and Tomás Brandt made once
        for (const Annotation &a : stored())
            QVERIFY(a.memo.isEmpty());
        project().undoStack()->undo();
        QCOMPARE(ProjectSnapshot::diff(before, snap()), QString());
    }

    void acceptingAgainFindsTheActorAddedMeanwhile()
    {
        suggest();
        Actor brandt;
        brandt.name = QStringLiteral("Tomas Brandt"); // added by hand after suggesting, without the accent
        const QUuid id = project().addActor(brandt).value_or(QUuid());
        const auto dead = find("Quote", QStringLiteral("This plan is dead,"));
        QVERIFY(project().acceptSuggestions({dead->id}));
        QCOMPARE(project().actors().size(), 2);
        QCOMPARE(valueOf(find("Speaker", QStringLiteral("he"))->id, field("Speaker", "Actor"), true), id);
    }

    void rejectingTakesTheSpeakerAlong()
    {
        suggest();
        const auto quote = find("Quote", QStringLiteral("We will not wait any longer,"));
        QVERIFY(quote);
        const int total = int(stored().size());
        const ProjectSnapshot before = snap();
        QVERIFY(project().rejectSuggestions({quote->id}));
        QVERIFY(!find("Quote", QStringLiteral("We will not wait any longer,")));
        QVERIFY(!find("Speaker", QStringLiteral("Reyes")));
        QCOMPARE(int(stored().size()), total - 2);
        QVERIFY(find("Quote", QStringLiteral("This plan is dead,")));
        project().undoStack()->undo();
        QCOMPARE(ProjectSnapshot::diff(before, snap()), QString());
    }

    void corpusRunStreamsAndCancelWritesNothing()
    {
        project().setCoderName(QStringLiteral("Nova Coder")); // no row yet
        const ProjectSnapshot before = snap();
        int calls = 0;
        const QuoteSuggestionRun cancelled = suggestQuotes(project(), {}, [&](int, int total) {
            ++calls;
            return total == 3 && calls < 2;
        });
        QVERIFY(cancelled.cancelled);
        QCOMPARE(project().undoStack()->count(), 0);
        QCOMPARE(ProjectSnapshot::diff(before, snap()), QString());
        int last = 0;
        const QuoteSuggestionRun run = suggestQuotes(project(), {}, [&](int done, int) {
            last = done;
            return true;
        });
        QVERIFY2(run.error.isEmpty(), qPrintable(run.error));
        QCOMPARE(run.documents, 3);
        QCOMPARE(last, 3);
        QVERIFY(run.newCoder);
        QVERIFY(find("Quote", QStringLiteral("This plan is dead,")));
        QVERIFY(reader(m_fx->path)->coderByName(QStringLiteral("Nova Coder")));
        project().undoStack()->undo();
        QCOMPARE(ProjectSnapshot::diff(before, snap()), QString()); // the coder row goes too
    }

    void memoReadsBackAndIsReadable()
    {
        QuoteSuggestionInfo info;
        info.kind = quotes::QuoteKind::Mixed;
        info.rule = QStringLiteral("mixed: according to speaker, clause with quoted words");
        info.confidence = 0.654;
        info.speakerKind = quotes::SpeakerKind::Reference;
        info.actor = QStringLiteral("Tomás Brandt");
        info.newActor = QStringLiteral("Tomás Brandt");
        const QString memo = quoteSuggestionMemo(info);
        QVERIFY(memo.startsWith(QStringLiteral("Suggested mixed quote · rule: mixed: according to speaker")));
        const auto back = readQuoteSuggestionMemo(memo);
        QVERIFY(back);
        QCOMPARE(back->kind, info.kind);
        QCOMPARE(back->rule, info.rule);
        QCOMPARE(back->confidence, 0.65);
        QCOMPARE(back->speakerKind, info.speakerKind);
        QCOMPARE(back->actor, info.actor);
        QCOMPARE(back->newActor, info.newActor);
        // A coder's own memos are never taken for a suggestion's.
        QVERIFY(!readQuoteSuggestionMemo(QStringLiteral("Suggested by Ana: check the date")));
        QVERIFY(!readQuoteSuggestionMemo(QStringLiteral("Suggested direct quote · looks wrong")));
        QVERIFY(!readQuoteSuggestionMemo(QString()));
    }

    void withoutMappingOrCoderAClearError()
    {
        const QuoteSuggestionRun none = planQuoteSuggestions(project().reader(), {}, project().codes(), {},
                                                             QStringLiteral("Alex Example"), {m_doc});
        QVERIFY(none.error.contains(QStringLiteral("quote code")));
        const QuoteSuggestionRun nobody = planQuoteSuggestions(project().reader(), quoteMapping(project()),
                                                               project().codes(), {}, QString(), {m_doc});
        QVERIFY(nobody.error.contains(QStringLiteral("coder name")));
        const QuoteSuggestionRun missing = suggestQuotes(project(), {QUuid::createUuid()});
        QVERIFY(missing.error.contains(QStringLiteral("No article")));
        QCOMPARE(project().undoStack()->count(), 0);
    }
};

QTEST_GUILESS_MAIN(TestQuoteSuggestions)
#include "tst_quotesuggestions.moc"
