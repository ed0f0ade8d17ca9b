#pragma once

#include "agreement/ProjectAgreement.h"

#include <QDialog>

class QLabel;
class QModelIndex;
class QProgressBar;
class QStandardItemModel;
class QTabWidget;
class QTableView;

namespace newscoder {

// Lists the spans of one code that not every coder marked the same way
// (codeDisagreements()): article, coder, span, text and kind; and, on a
// second tab, the overlapping spans of one coder that unitizing alpha merged
// into one unit (AgreementRow::merges). Double-clicking a row of either list
// asks to open the article at that span (openRequested()).
//
// Opens either with the list, or empty with a busy indicator while the list
// is computed elsewhere (ReliabilityDialog does that on a worker thread);
// setDisagreements() or setError() then ends the wait and emits loaded().
class DisagreementsDialog final : public QDialog
{
    Q_OBJECT

public:
    enum Column { ArticleColumn, CoderColumn, SpanColumn, TextColumn, KindColumn, ColumnCount };

    // Waiting for the list.
    explicit DisagreementsDialog(const QString &codeName, QWidget *parent = nullptr);
    // With the list.
    DisagreementsDialog(const QString &codeName, const QList<Disagreement> &disagreements, QWidget *parent = nullptr);

    void setDisagreements(const QList<Disagreement> &disagreements);
    void setError(const QString &message);
    // The merged overlaps of this code (shown at once; no wait).
    void setMerges(const QList<SpanMerge> &merges);
    void showMergesTab();
    bool isLoading() const { return m_loading; }

    QTableView *view() const { return m_view; }
    QStandardItemModel *model() const { return m_model; }
    const QList<Disagreement> &disagreements() const { return m_disagreements; }
    QLabel *summaryLabel() const { return m_summary; }
    QProgressBar *busyIndicator() const { return m_busy; }
    QTabWidget *tabs() const { return m_tabs; }
    QTableView *mergesView() const { return m_mergesView; }
    QStandardItemModel *mergesModel() const { return m_mergesModel; }
    enum MergeColumn { MergeArticleColumn, MergeCoderColumn, MergeSpansColumn, MergeUnitColumn, MergeColumnCount };

Q_SIGNALS:
    // The wait is over (list or error shown).
    void loaded();
    // Show this article with [start, end) selected.
    void openRequested(const QUuid &documentId, int start, int end);

private:
    void finishLoading();
    void open(const QModelIndex &index);

    QString m_codeName;
    QList<Disagreement> m_disagreements;
    bool m_loading = true;
    QLabel *m_summary = nullptr;
    QProgressBar *m_busy = nullptr;
    QStandardItemModel *m_model = nullptr;
    QTableView *m_view = nullptr;
    QTabWidget *m_tabs = nullptr;
    QStandardItemModel *m_mergesModel = nullptr;
    QTableView *m_mergesView = nullptr;
};

} // namespace newscoder
