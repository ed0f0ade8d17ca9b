#pragma once

#include "agreement/ProjectAgreement.h"

#include <QDialog>

class QLabel;
class QProgressBar;
class QStandardItemModel;
class QTableView;

namespace newscoder {

// Lists the spans of one code that not every coder marked the same way
// (codeDisagreements()): article, coder, span, text and kind.
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
    bool isLoading() const { return m_loading; }

    QTableView *view() const { return m_view; }
    QStandardItemModel *model() const { return m_model; }
    const QList<Disagreement> &disagreements() const { return m_disagreements; }
    QLabel *summaryLabel() const { return m_summary; }
    QProgressBar *busyIndicator() const { return m_busy; }

Q_SIGNALS:
    // The wait is over (list or error shown).
    void loaded();

private:
    void finishLoading();

    QString m_codeName;
    QList<Disagreement> m_disagreements;
    bool m_loading = true;
    QLabel *m_summary = nullptr;
    QProgressBar *m_busy = nullptr;
    QStandardItemModel *m_model = nullptr;
    QTableView *m_view = nullptr;
};

} // namespace newscoder
