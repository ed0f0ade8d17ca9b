#pragma once

#include "model/Annotation.h"
#include "model/Code.h"
#include "model/Document.h"
#include "storage/ProjectStore.h"

#include <QHash>
#include <QObject>
#include <QUndoStack>

#include <functional>
#include <memory>
#include <optional>

namespace newscoder {

class AnnotationCommand;
class DocumentCommand;
class CodeCommand;

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
                                         ProjectStore::Access access = ProjectStore::Access::ReadWrite);

    ProjectStore &store() { return *m_store; }
    const ProjectStore &store() const { return *m_store; }
    QUndoStack *undoStack() { return &m_undoStack; }
    QString path() const { return m_store->path(); }
    bool isReadOnly() const { return m_store->isReadOnly(); }
    QString lastError() const { return m_lastError; }

    // The person coding in this session; new annotations are theirs.
    QString coderName() const { return m_coderName; }
    void setCoderName(const QString &name);

    // Cached lookups (the codebook and the coders are small).
    const QList<Code> &codes() const { return m_codes; }
    std::optional<Code> code(const QUuid &id) const;
    std::optional<Code> codeByName(const QString &name) const;
    QString coderNameFor(const QUuid &coderId) const;

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
    bool updateCode(const Code &code);
    bool removeCode(const QUuid &codeId); // with its sub-codes and their annotations

Q_SIGNALS:
    void documentsInserted(const QList<QUuid> &ids);
    void documentsRemoved(const QList<QUuid> &ids);
    void documentChanged(const QUuid &id);
    void annotationsInserted(const QList<Annotation> &annotations);
    void annotationsRemoved(const QList<Annotation> &annotations);
    void annotationChanged(const Annotation &before, const Annotation &after);
    void codesChanged();
    void coderNameChanged(const QString &name);
    void errorOccurred(const QString &message);

private:
    friend class AnnotationCommand;
    friend class DocumentCommand;
    friend class CodeCommand;

    bool applyInsertAnnotations(const QList<Annotation> &annotations);
    bool applyRemoveAnnotations(const QList<Annotation> &annotations);
    bool applyUpdateAnnotation(const Annotation &before, const Annotation &after);
    bool applyInsertDocuments(const QList<Document> &documents, const QList<Annotation> &annotations);
    bool applyRemoveDocuments(const QList<QUuid> &ids);
    bool applyUpdateDocument(const Document &details);
    bool applyInsertCodes(const QList<Code> &codes, const QList<Annotation> &annotations);
    bool applyRemoveCodes(const QList<Code> &codes);
    bool applyUpdateCode(const Code &code);

    bool push(QUndoCommand *command);
    // Runs `work` in one transaction; on failure reports it and returns false.
    bool writeAtomically(const std::function<void()> &work);
    void reportFailure(const QString &message);
    void reloadCodes();
    // Name of the code other than `except` that uses `shortcut` (empty: none).
    QString shortcutOwner(const QString &shortcut, const QUuid &except) const;
    void reloadCoders();

    std::unique_ptr<ProjectStore> m_store;
    QUndoStack m_undoStack;
    QList<Code> m_codes;
    QHash<QUuid, QString> m_coderNames;
    QString m_coderName;
    QString m_lastError;
    bool m_failed = false;
};

} // namespace newscoder
