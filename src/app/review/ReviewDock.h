#pragma once

#include "review/ReviewItems.h"

#include <QDockWidget>
#include <QPointer>

class QAction;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTimer;
class QTreeWidget;
class QTreeWidgetItem;

namespace newscoder {

class Project;
namespace study {
struct StudyPlan;
}

// Analysis ▸ Review Coders: two coders side by side across the corpus. Each
// row is a review item (review/ReviewItems.h) — the two coders' versions in
// columns, the kind of difference, and whether it is decided. The lead
// accepts one version, both, or neither into the consensus (one undoable
// step each, logged with the rationale typed below), or every agreement at
// once; F9 / Shift+F9 step through the open disagreements and open each in
// the article view. The list is computed on a worker thread with its own
// read-only connection and recomputed after every change.
//
// The consensus coder is a choice too: a coder compares their own tags with
// the consensus ("me vs Consensus", the default for a coder once a consensus
// exists; nothing to decide then). In the consensus view (setConsensusView,
// Analysis ▸ My Differences From the Consensus) the pair is fixed to the
// current coder and the consensus and the decision buttons are gone.
// Blind coding stays honest: comparing a coder with the consensus covers only
// the adjudicated articles (a decision in the log or a consensus annotation
// or variable) that were that coder's, and while blind coding hides other
// coders the only pair offered is the current coder and the consensus — so a
// coder sees what the consensus kept only after the lead adjudicated, and
// never another coder's own annotations.
class ReviewDock final : public QDockWidget
{
    Q_OBJECT

public:
    explicit ReviewDock(QWidget *parent = nullptr);
    ~ReviewDock() override;

    void setProject(Project *project);
    Project *project() const;
    // The pair fixed to the current coder and the consensus, read only.
    void setConsensusView(bool on);
    bool isConsensusView() const { return m_consensusView; }
    // Recomputes the list now (normally it follows changes by itself).
    void refresh();
    bool isLoading() const { return m_loading; }

    // Decides the selected item ("accept:CODER", "both" or "reject").
    bool decide(const QString &decision);
    bool acceptAgreements();
    // Selects the next (previous) open disagreement after the selected row, wrapping.
    bool stepDisagreement(bool forward);

    QTreeWidget *itemsView() const { return m_items; }
    QComboBox *coderA() const { return m_coderA; }
    QComboBox *coderB() const { return m_coderB; }
    QComboBox *codeFilter() const { return m_code; } // "All codes" or one code
    QCheckBox *openOnly() const { return m_openOnly; }
    QLineEdit *memoEdit() const { return m_memo; }
    QLabel *detailLabel() const { return m_detail; }
    QLabel *summaryLabel() const { return m_summary; }
    QPushButton *acceptAButton() const { return m_acceptA; }
    QPushButton *acceptBButton() const { return m_acceptB; }
    QPushButton *bothButton() const { return m_both; }
    QPushButton *rejectButton() const { return m_reject; }
    QPushButton *agreementsButton() const { return m_agreements; }
    QAction *nextAction() const { return m_next; }
    QAction *previousAction() const { return m_previous; }
    const QList<review::ReviewItem> &items() const { return m_report.items; }
    const review::ReviewItem *selectedItem() const;

Q_SIGNALS:
    void loaded();
    void projectChanged(newscoder::Project *project);
    // Show this article with [start, end) selected.
    void openRequested(const QUuid &documentId, int start, int end);
    void statusMessage(const QString &message);

private:
    struct Loaded;
    void fillCoders();
    void fillCodes();
    void startLoading();
    void finishLoading(const Loaded &result);
    void rebuildRows();
    void showSelection();
    void updateButtons();
    bool commitPlan(study::StudyPlan plan);
    bool comparesConsensus() const; // one of the pair is the consensus coder

    QPointer<Project> m_project;
    QComboBox *m_coderA = nullptr;
    QComboBox *m_coderB = nullptr;
    QComboBox *m_code = nullptr;
    QCheckBox *m_openOnly = nullptr;
    QTreeWidget *m_items = nullptr;
    QLabel *m_detail = nullptr;
    QLabel *m_summary = nullptr;
    QLineEdit *m_memo = nullptr;
    QProgressBar *m_busy = nullptr;
    QPushButton *m_acceptA = nullptr;
    QPushButton *m_acceptB = nullptr;
    QPushButton *m_both = nullptr;
    QPushButton *m_reject = nullptr;
    QPushButton *m_agreements = nullptr;
    QAction *m_next = nullptr;
    QAction *m_previous = nullptr;
    QTimer *m_refreshTimer = nullptr;
    review::ReviewReport m_report;
    QHash<QUuid, QString> m_titles;
    QList<QPair<QString, QString>> m_sideTexts; // per item: the two coders' column texts
    QString m_keepSelected; // item id to select again after a reload
    QString m_consensus; // the consensus coder's name, empty while there is none
    bool m_consensusView = false;
    bool m_loading = false;
    bool m_reloadWhenDone = false;
    int m_generation = 0; // results of an older request are dropped
};

} // namespace newscoder
