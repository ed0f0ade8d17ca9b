#pragma once

#include "model/Annotation.h"
#include "model/Document.h"
#include "models/CoderFilter.h"
#include "study/ArticleAgreement.h"
#include "study/MyArticles.h"

#include <QAbstractTableModel>
#include <QHash>

namespace newscoder {

class Project;

// The project's articles: title, outlet, date and number of annotations.
// Holds summaries only (never texts or annotations), so it stays instant at
// 10,000 articles; it follows the project's signals instead of reloading.
// Editing a cell pushes an undoable command. The Missing column counts the
// required values the current coder has not given yet (one grouped query,
// re-run only for the articles a change touches). In a study with several
// coders, Done marks the current coder's assigned articles they marked done,
// and Agreement shows each article's agreement between its coders (computed
// elsewhere, off the UI thread, and handed in with setAgreements; blank while
// blind coding hides other coders).
class DocumentListModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { TitleColumn, OutletColumn, DateColumn, AnnotationsColumn, MissingColumn, DoneColumn, AgreementColumn,
                  ColumnCount };

    explicit DocumentListModel(Project &project, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

    // The Annotations column counts the annotations of the coder(s) the filter passes.
    void setCoderFilter(const CoderFilter &filter);
    const CoderFilter &coderFilter() const { return m_coderFilter; }
    int shownAnnotationCount(const QUuid &documentId) const;
    // The outlet as the registry names it (a renamed outlet shows its new
    // name); the scraped outlet text for articles without a registry outlet.
    QString outletName(const DocumentSummary &summary) const;

    QModelIndex indexOf(const QUuid &documentId, int column = TitleColumn) const;
    QUuid documentId(int row) const;
    const DocumentSummary *summary(const QUuid &documentId) const;
    // Required values the current coder has not given for this article.
    int missingCount(const QUuid &documentId) const { return m_missing.value(documentId); }
    void reload();

    // --- a study with several coders
    Project &project() const { return m_project; }
    // Assigned to the current coder; done: they marked it done.
    bool isAssigned(const QUuid &documentId) const { return m_assigned.contains(documentId); }
    bool isDone(const QUuid &documentId) const { return m_assigned.value(documentId); }
    int assignedCount() const { return int(m_assigned.size()); }
    // The current coder's progress over their assigned articles.
    study::MyProgress myProgress() const;
    // Per-article agreement (articles with fewer than two coders absent).
    void setAgreements(const QHash<QUuid, study::ArticleAgreement> &agreements);
    // Replaces the agreement of `documentIds` alone (absent from `agreements`: blank now).
    void updateAgreements(const QList<QUuid> &documentIds, const QHash<QUuid, study::ArticleAgreement> &agreements);
    bool hasAgreements() const { return !m_agreements.isEmpty(); }
    // Blind coding keeps the current coder from other coders' work: no agreement.
    bool agreementHidden() const { return m_hidesOthers; }

Q_SIGNALS:
    // Assignments, done marks, agreement or blind coding changed: the list's
    // study columns, scope and progress line follow.
    void studyViewChanged();

private:
    void reloadStudy(bool notify);
    QString agreementToolTip(const QUuid &documentId) const;
    void onDocumentsInserted(const QList<QUuid> &ids);
    void onDocumentsRemoved(const QList<QUuid> &ids);
    void onDocumentChanged(const QUuid &id);
    void adjustCounts(const QList<Annotation> &annotations, int delta);
    void reloadCoderCounts();
    void rebuildIndex();
    // Recounts missing required values (all articles when `documentIds` is empty).
    void refreshMissing(const QList<QUuid> &documentIds = {}, bool notify = true);
    void refreshMissingForAnnotations(const QList<QUuid> &annotationIds);

    Project &m_project;
    QList<DocumentSummary> m_rows;
    QHash<QUuid, int> m_rowOf;
    QHash<QUuid, int> m_missing; // articles with something missing only
    CoderFilter m_coderFilter;
    QHash<QUuid, int> m_coderCounts; // per article, of the filtered coder (unused for all coders)
    QHash<QUuid, bool> m_assigned;   // the current coder's assignments → done
    QHash<QUuid, study::ArticleAgreement> m_agreements;
    bool m_hidesOthers = false;
};

} // namespace newscoder
