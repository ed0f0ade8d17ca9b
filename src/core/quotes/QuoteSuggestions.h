// Quote suggestions in a project: the engine's attributions written into the
// suggestion layer through the codebook's quote mapping (QuoteMapping.h).
// Each attribution becomes a suggested quote annotation with its kind, a
// suggested speaker annotation linked from it, and the actor (matched in the
// registry, or proposed as a new one). The rule, the confidence and a
// proposed actor wait in the quote suggestion's memo until it is accepted
// (Project::acceptSuggestions then creates the actor and links it; see
// quoteAcceptChange below).
#pragma once

#include "model/Actor.h"
#include "model/Annotation.h"
#include "model/Code.h"
#include "quotes/Attribution.h"
#include "quotes/QuoteMapping.h"
#include "study/StudyChange.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QUuid>

#include <functional>
#include <optional>

namespace newscoder {

class Project;
class ProjectReader;

// What a quote suggestion carries besides its spans and values.
struct QuoteSuggestionInfo
{
    quotes::QuoteKind kind = quotes::QuoteKind::Direct;
    QString rule;
    double confidence = 0.0;
    quotes::SpeakerKind speakerKind = quotes::SpeakerKind::None;
    QString actor;    // the engine's normalised speaker name ("" anonymous or unknown)
    QString newActor; // a new actor accepting creates ("" when matched or none)
};

// The memo of a suggested quote: one readable line (shown on hover) that
// reads back; nullopt for any other memo.
QString quoteSuggestionMemo(const QuoteSuggestionInfo &info);
std::optional<QuoteSuggestionInfo> readQuoteSuggestionMemo(const QString &memo);
// One line for the coder (hover): "direct quote · rule direct-colon-after · confidence 0.92 · new actor: X".
QString quoteSuggestionSummary(const QuoteSuggestionInfo &info);

// Plans the suggestions of many articles without touching the project: can
// run on a worker thread with its own read-only store.
class QuoteSuggestionPlanner
{
public:
    // `coderId`: whose suggestions; `newCoder` when the coder has no row yet.
    QuoteSuggestionPlanner(QuoteMapping mapping, QList<Code> codes, QList<Actor> actors, const QUuid &coderId);

    // An annotation already in the project: the coder's own quote spans are
    // not suggested again and their speaker spans are linked, not repeated.
    void noteExisting(const Annotation &annotation);
    // Runs the engine on one article and plans its suggestions.
    void addDocument(const QUuid &documentId, const QString &text);

    const StudyChange &change() const { return m_change; }
    int quotes() const { return m_quotes; }
    int speakers() const { return m_speakers; }
    int skipped() const { return m_skipped; }

private:
    QString key(const QUuid &documentId, const QUuid &codeId, int start, int end) const;
    QUuid speakerFor(const QUuid &documentId, const quotes::QuoteSpan &span);

    QuoteMapping m_mapping;
    std::optional<Code> m_quoteCode;
    std::optional<Code> m_speakerCode;
    std::optional<CodeField> m_kindField;
    bool m_actorOnSpeaker = false;
    QList<Actor> m_actors;
    QUuid m_coderId;
    QHash<QString, QUuid> m_existing; // span key → annotation id (this coder's)
    QSet<QUuid> m_created;            // annotations this plan adds
    QSet<QUuid> m_withActor;          // ... given an actor in this plan
    StudyChange m_change;
    int m_quotes = 0;
    int m_speakers = 0;
    int m_skipped = 0;
};

struct QuoteSuggestionRun
{
    int documents = 0;
    int quotes = 0;
    int speakers = 0;
    int skipped = 0; // attributions the coder already has as quotes
    bool cancelled = false;
    QString error;
    QUuid coderId;
    std::optional<Coder> newCoder;
    StudyChange change; // to commit (insert annotations and values)
};

// Progress: (articles done, articles in all); return false to cancel.
using QuoteProgress = std::function<bool(int done, int total)>;

// Reads the articles (`documentIds`, or every article when empty: one
// forward pass over the texts and one over the annotations) from `store`
// and plans the suggestions of `coderName`. Runs on any thread that owns `store`.
QuoteSuggestionRun planQuoteSuggestions(const ProjectReader &store, const QuoteMapping &mapping,
                                        const QList<Code> &codes, const QList<Actor> &actors,
                                        const QString &coderName, const QList<QUuid> &documentIds,
                                        const QuoteProgress &progress = {});
// Writes a plan as one undoable step (one transaction). False + project.lastError() on failure.
bool commitQuoteSuggestions(Project &project, const QuoteSuggestionRun &run);
// Plans with the project's own store and commits: for the CLI and tests.
QuoteSuggestionRun suggestQuotes(Project &project, const QList<QUuid> &documentIds,
                                 const QuoteProgress &progress = {});

// What accepting these suggestions also does for the quote suggestions among
// them: their suggested speaker spans become coded too, a proposed actor is
// created (or found, if one of that name exists by now) and linked, the
// memo is cleared. `before`/`after` hold every annotation status change;
// redo/undo get the rest. Used by Project::acceptSuggestions.
struct QuoteAcceptance
{
    QList<QPair<Annotation, Annotation>> updates; // (before, after), the given ones first
    QList<Actor> newActors;
    QList<StoredValue> newValues;
};
// Reads in a few queries (QuoteSuggestionDecisions.cpp); throws StoreError.
QuoteAcceptance quoteAcceptChange(const Project &project, const QList<Annotation> &accepted);
// The suggested speaker spans rejecting these quote suggestions takes along
// (those no other remaining quote suggestion links to). Throws StoreError.
QList<Annotation> quoteRejectExtras(const Project &project, const QList<Annotation> &rejected);
// The suggested speaker a quote suggestion links to (nullopt when none).
std::optional<Annotation> linkedSpeakerSuggestion(const Project &project, const Annotation &quote);

} // namespace newscoder
