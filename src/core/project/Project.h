#pragma once

#include "model/Annotation.h"
#include "model/Code.h"
#include "model/Document.h"
#include "storage/ProjectReader.h"

#include <QHash>
#include <QObject>
#include <QUndoStack>

#include <functional>
#include <memory>
#include <optional>

namespace newscoder {

class ProjectStore;

class AnnotationCommand;
class DocumentCommand;
class CodeCommand;
class SetFieldValuesCommand;
class RegistryChangeCommand;
class EditTextCommand;
class SuggestionStatusCommand;
struct TextEdit;
struct AnchoredEdit;
struct RegistryChange;
class CodebookChangeCommand;
struct CodebookChange;
class StudyChangeCommand;
struct StudyChange;

// What Project::importCodebook did.
struct CodebookImportSummary
{
    int codesAdded = 0;
    int codesMerged = 0; // existing codes the file named again (same name, same parent)
    int fieldsAdded = 0; // fields added to those
};

// A span auto-coding proposes: becomes an annotation with status Suggested.
struct SuggestedSpan
{
    QUuid documentId;
    QUuid codeId;
    int start = 0;
    int end = 0;
};

// A variable of an article as one coder sees it: the values of one article-
// or outlet-level field. Outlet-level values the coder did not override come
// from the article's outlet and are marked inherited.
struct VariableValue
{
    CodeField field;
    QString codeName;
    CodeUnit unit = CodeUnit::Article;
    QList<FieldValue> values;
    bool inherited = false;
}; 
// An open project: the store (source of truth), the undo stack and the
// signals views listen to.
//
// Every public mutator builds a QUndoCommand and pushes it; the command calls
// the private apply*() methods, which write the store in one transaction and
// then emit the change signals. A mutator returns only after the change was
// committed durably (or reports failure: it returns false / nullopt, emits
// errorOccurred and leaves the undo stack unchanged).
class Project final : public QObject
{
    Q_OBJECT

public:
    explicit Project(std::unique_ptr<ProjectStore> store, QObject *parent = nullptr);
    ~Project() override;

    // Both throw StoreError with a message for the user.
    static std::unique_ptr<Project> create(const QString &path, const QList<Code> &codebook);
    static std::unique_ptr<Project> open(const QString &path,
                                         ProjectAccess access = ProjectAccess::ReadWrite);

    // Every read of the project goes through the reader (the store behind it
    // is written only by the project's commands).
    const ProjectReader &reader() const;
    QUndoStack *undoStack() { return &m_undoStack; }
    QString path() const { return reader().path(); }
    bool isReadOnly() const { return reader().isReadOnly(); }
    QString lastError() const { return m_lastError; }
    // Set when opening took over the lock of a session that had ended without
    // closing: a sentence saying so. Else empty.
    QString lockNotice() const;
    // Writes a consistent copy of the whole project to `path` (Save a Copy); throws StoreError.
    void saveCopy(const QString &path) const;

    // The person coding in this session; new annotations are theirs.
    QString coderName() const { return m_coderName; }
    void setCoderName(const QString &name);

    // Cached lookups (the codebook and the coders are small).
    const QList<Code> &codes() const { return m_codes; }
    std::optional<Code> code(const QUuid &id) const;
    std::optional<Code> codeByName(const QString &name) const;
    QString coderNameFor(const QUuid &coderId) const;
    // The field with this id and the code that declares it.
    std::optional<std::pair<Code, CodeField>> field(const QUuid &fieldId) const;
    const QList<Actor> &actors() const { return m_actors; }
    std::optional<Actor> actor(const QUuid &id) const;
    // The actor a mention in the text refers to: a name or alias equal to the
    // mention, or contained in it as whole words ("Kremlin spokesman Dmitry
    // Peskov" → the actor with alias "Dmitry Peskov"); the longest match wins.
    std::optional<Actor> resolveActor(const QString &mention) const;
    const QList<Outlet> &outlets() const { return m_outlets; }
    std::optional<Outlet> outlet(const QUuid &id) const;
    std::optional<Outlet> outletByName(const QString &name) const;
    // The outlet whose domains match the URL's host.
    std::optional<Outlet> outletForUrl(const QString &url) const;
    // Values (reads; empty on failure).
    QList<FieldValue> annotationValues(const QUuid &annotationId) const;
    QList<VariableValue> documentVariables(const QUuid &documentId, const QUuid &coderId) const;
    QList<VariableValue> outletVariables(const QUuid &outletId) const;
    // Required fields without a value on an annotation (names).
    QStringList missingRequiredFields(const Annotation &annotation) const;
    // Per article, the required values the current coder has not given yet
    // (see ProjectStore::missingRequiredCounts); empty without a coder name.
    QHash<QUuid, int> missingRequiredCounts(const QList<QUuid> &documentIds = {}) const;

    // --- mutators (each one undoable step)
    std::optional<QUuid> addAnnotation(const QUuid &documentId, const QUuid &codeId, int start, int end,
                                       const QString &memo = {});
    bool removeAnnotations(const QList<QUuid> &annotationIds);
    bool setAnnotationMemo(const QUuid &annotationId, const QString &memo); // typing merges
    bool setAnnotationCode(const QUuid &annotationId, const QUuid &codeId);

    // Assigns ids to documents that have none; returns the ids (empty on failure).
    QList<QUuid> importDocuments(QList<Document> documents, const QString &description = {});
    bool removeDocuments(const QList<QUuid> &documentIds);
    // Title, outlet, date, url, author and metadata of `updated` replace the stored ones.
    bool updateDocumentDetails(const Document &updated);

    std::optional<QUuid> addCode(Code code);
    bool updateCode(const Code &code); // also its fields: dropped fields take their values along (undoable)
    bool removeCode(const QUuid &codeId); // with its sub-codes and their annotations

    // Field values of an annotation. Scalar values are checked against the
    // field; links must point at existing annotations of an allowed code /
    // existing actors. An empty list clears the field. Typing in a text or
    // number field merges into one undo step.
    bool setAnnotationValues(const QUuid &annotationId, const QUuid &fieldId, const QList<FieldValue> &values);
    bool setAnnotationValue(const QUuid &annotationId, const QUuid &fieldId, const QString &value); // "" clears
    // Links `sourceId` to `targetId` through `fieldId`, or through the first
    // link field of the source's code that accepts the target's code.
    bool addAnnotationLink(const QUuid &sourceId, const QUuid &targetId, const QUuid &fieldId = {});
    bool removeAnnotationLink(const QUuid &sourceId, const QUuid &targetId);
    // Article variables of the current coder (article- or outlet-level fields;
    // an outlet-level value here overrides the inherited one; empty clears).
    bool setDocumentValues(const QUuid &documentId, const QUuid &fieldId, const QList<FieldValue> &values);
    bool setOutletValues(const QUuid &outletId, const QUuid &fieldId, const QList<FieldValue> &values);
    // Turns typed text into a value list for `field` by ValueInput's rules
    // (fields/ValueInput.h: several values comma-separated, "" → empty list,
    // links by annotation id). An actor no one has is refused, not created.
    // Empty optional + lastError when invalid.
    std::optional<QList<FieldValue>> parseValues(const CodeField &field, const QString &text);

    // Actors and outlets.
    std::optional<QUuid> addActor(Actor actor);
    bool updateActor(const Actor &actor);
    bool removeActor(const QUuid &actorId); // links to it go too (undoable)
    // `absorbedId` disappears; its name and aliases become aliases of
    // `keptId` and every link to it now points at `keptId`.
    bool mergeActors(const QUuid &keptId, const QUuid &absorbedId);
    std::optional<QUuid> addOutlet(Outlet outlet);
    bool updateOutlet(const Outlet &outlet);
    bool removeOutlet(const QUuid &outletId); // its articles keep their text; values go (undoable)
    bool assignOutlet(const QList<QUuid> &documentIds, const QUuid &outletId); // null: none
    bool setDocumentMemo(const QUuid &documentId, const QString &memo);

    // Edits an article's text (to fix scraping or OCR errors): `edits` apply
    // one after the other; each must start and end on character (grapheme)
    // boundaries of the text it applies to. Every annotation of every coder
    // keeps its anchor (text/AnchorShift.h, text/EditStep.h): offsets shift, a
    // partly edited or replaced annotation keeps its extent, and one whose text
    // was deleted entirely is kept with status Review (a suggestion stays
    // Suggested) and reason "text-deleted" on the character where its text
    // was; a suggestion whose text changed gets reason "text-changed". Only
    // what moves is written. One undoable step.
    bool editDocumentText(const QUuid &documentId, const QList<TextEdit> &edits);
    // Every annotation flagged for review (needsReview()), by article and position.
    QList<Annotation> flaggedAnnotations() const;
    // --- restructuring the codebook (ProjectCodebook.cpp; each one undoable step)
    // Moves a code (with its sub-codes) under `newParentId` (null: top level)
    // at sibling `row` (clamped; -1: last) and renumbers the siblings.
    // Refuses moving a code under itself or one of its sub-codes.
    bool moveCode(const QUuid &codeId, const QUuid &newParentId, int row = -1);
    // `absorbedId` disappears into `keptId`: its annotations are recoded,
    // its sub-codes move under `keptId` (after its own), fields with the name
    // and kind of a kept field give their values to that field (options the
    // kept field lacks are added), its other fields move to `keptId` (renamed
    // "Name (Absorbed)" when the name is taken), and links to it point at
    // `keptId`. Annotations keep their modification time. Refuses codes of
    // different units and merging a code into its own sub-code.
    bool mergeCodes(const QUuid &keptId, const QUuid &absorbedId);
    // Creates a sibling of `codeId` right after it, named `newCodeName`, with
    // its colour, unit and copies of its fields (new ids), and moves the given
    // annotations (all of `codeId`) to it with their values re-pointed to the
    // copied fields. Returns the new code's id.
    std::optional<QUuid> splitCode(const QUuid &codeId, const QList<QUuid> &annotationIds,
                                   const QString &newCodeName);
    // Adds a codebook (parents before children, e.g. from readCodebookJson).
    // Merge by name: a code with the name (case-insensitive) of an existing
    // code with the same parent keeps the existing code and its id; fields it
    // lacks (by name) are added. Other codes are added with new ids after the
    // existing siblings; shortcuts already in use are dropped; link targets
    // follow the merge. Nothing to add: no undo step, an empty summary.
    std::optional<CodebookImportSummary> importCodebook(const QList<Code> &codes);

    // --- suggestions (auto-coding; ProjectSuggestions.cpp)
    // Adds the spans as annotations of the current coder with status
    // Suggested, in one undoable step. Skipped: spans the current coder
    // already has with the same code and offsets (whatever their status),
    // repeats within `spans`. Invalid spans (unknown document or code, not
    // inside the text) fail the whole call. Returns the new ids (empty when
    // everything was skipped); nullopt on failure.
    std::optional<QList<QUuid>> addSuggestions(const QList<SuggestedSpan> &spans);
    // Suggested → Coded (one step). Ids that are not suggestions are ignored.
    // Suggestions a text edit flagged (reviewReason) are skipped unless
    // `flagged` is Accept — a person looked at each of them (accepting one in
    // the window, `suggestions --accept --reviewed ID`); accepting clears the
    // flag. `skipped` (optional) gets how many flagged ones were left.
    enum class FlaggedSuggestions { Skip, Accept };
    bool acceptSuggestions(const QList<QUuid> &annotationIds, FlaggedSuggestions flagged = FlaggedSuggestions::Skip,
                           int *skipped = nullptr);
    // Removes the suggestions (one step). Ids that are not suggestions are ignored.
    bool rejectSuggestions(const QList<QUuid> &annotationIds);
    // The suggestions of one document, or of every document (null id).
    QList<Annotation> suggestions(const QUuid &documentId = {}) const;

    // --- a study with several coders (ProjectStudy.cpp; study/, review/)
    // Applies a change set built by a planner (study/Assignments.h,
    // review/Adjudication.h) as one undoable step named `text`; `undo` is its
    // inverse. An empty change is no step and succeeds.
    bool commitStudyChange(const QString &text, StudyChange redo, StudyChange undo);
    // Blind coding: while on, a coder sees only their own annotations and
    // variables (the lead sees everyone's). Undoable.
    bool isBlindCoding() const;
    bool setBlindCoding(bool on);

Q_SIGNALS:
    void documentsInserted(const QList<QUuid> &ids);
    void documentsRemoved(const QList<QUuid> &ids);
    void documentChanged(const QUuid &id);
    void documentTextChanged(const QUuid &id); // its annotations may have moved too
    void annotationsInserted(const QList<Annotation> &annotations);
    void annotationsRemoved(const QList<Annotation> &annotations);
    void annotationChanged(const Annotation &before, const Annotation &after);
    void codesChanged();
    void valuesChanged(newscoder::StoredValue::Owner owner, const QList<QUuid> &ownerIds);
    void actorsChanged();
    void outletsChanged();
    void coderNameChanged(const QString &name);
    void studyChanged(); // coders, assignments, samples, decisions or study settings
    void errorOccurred(const QString &message);

private:
    // The writable store: for the commands, and through ProjectInternals for
    // core code that writes outside project/ and for tests.
    ProjectStore &store() { return *m_store; }
    const ProjectStore &store() const { return *m_store; }
    friend struct ProjectInternals;
    friend class AnnotationCommand;
    friend class DocumentCommand;
    friend class CodeCommand;
    friend class SetFieldValuesCommand;
    friend class RegistryChangeCommand;
    friend class EditTextCommand;
    friend class CodebookChangeCommand;
    friend class SuggestionStatusCommand;
    friend class StudyChangeCommand;

    // `newCoder`: the coder these annotations introduce (no row yet). Insert
    // writes its row in the same transaction; remove deletes it again.
    bool applyInsertAnnotations(const QList<Annotation> &annotations, const QList<StoredValue> &values,
                                const std::optional<Coder> &newCoder = {});
    bool applyRemoveAnnotations(const QList<Annotation> &annotations, const std::optional<Coder> &newCoder = {});
    bool applyUpdateAnnotation(const Annotation &before, const Annotation &after);
    bool applyInsertDocuments(const QList<Document> &documents, const QList<Annotation> &annotations,
                              const QList<StoredValue> &values, const QList<Outlet> &outlets);
    bool applyRemoveDocuments(const QList<QUuid> &ids, const QList<Outlet> &outlets);
    bool applyUpdateDocument(const Document &details);
    bool applyInsertCodes(const QList<Code> &codes, const QList<Annotation> &annotations,
                          const QList<StoredValue> &values);
    bool applyRemoveCodes(const QList<Code> &codes);
    bool applyUpdateCode(const Code &code, const QList<StoredValue> &restoredValues);
    // With `newCoder`: `insertCoder` writes its row before the values, else it
    // is deleted after them (undo of the change that introduced the coder).
    bool applyReplaceValues(StoredValue::Owner owner, const QUuid &ownerId, const QUuid &coderId,
                            const QUuid &fieldId, const QList<FieldValue> &values,
                            const std::optional<Coder> &newCoder = {}, bool insertCoder = true);
    bool applyRegistryChange(const RegistryChange &change);
    bool applyUpdateAnnotations(const QList<Annotation> &before, const QList<Annotation> &after);
    bool applyDocumentText(const QUuid &documentId, const QString &text, const QList<AnchoredEdit> &edits, bool undo);
    bool applyCodebookChange(const CodebookChange &change); // ProjectCodebook.cpp
    bool applyStudyChange(const StudyChange &change);       // ProjectStudy.cpp
    // Announces value changes of the owners of `values`.
    void emitValuesChanged(const QList<StoredValue> &values);
    bool pushRegistryChange(const QString &text, RegistryChange redo, RegistryChange undo);
    bool checkValues(const CodeField &field, const QList<FieldValue> &values, const QUuid &sourceAnnotation);
    // The current coder's id, without writing: when no row exists yet,
    // `newCoder` gets a new coder that the change using it writes in its own
    // transaction (and its undo removes). Null id when no coder name is set.
    QUuid currentCoderId(std::optional<Coder> &newCoder);
    // The registry outlet for an imported article (by URL domain, else by
    // outlet name); creates one into `created` when none matches.
    QUuid outletOnImport(const Document &document, QList<Outlet> &created) const;


    bool push(QUndoCommand *command);
    // Runs `work` in one transaction; on failure reports it and returns false.
    bool writeAtomically(const std::function<void()> &work);
    void reportFailure(const QString &message);
    void reloadCodes();
    // Name of the code other than `except` that uses `shortcut` (empty: none).
    QString shortcutOwner(const QString &shortcut, const QUuid &except) const;
    void reloadCoders();
    void reloadRegistries();

    std::unique_ptr<ProjectStore> m_store;
    QUndoStack m_undoStack;
    QList<Code> m_codes;
    QHash<QUuid, QString> m_coderNames;
    QList<Actor> m_actors;
    QList<Outlet> m_outlets;
    QString m_coderName;
    QString m_lastError;
    bool m_failed = false;
    mutable std::optional<bool> m_blindCoding; // cached setting
};

} // namespace newscoder
