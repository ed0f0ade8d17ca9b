#pragma once

#include "agreement/ProjectAgreement.h"

#include <QDialog>
#include <QUuid>

#include <memory>

class QChart;
class QLabel;
class QPushButton;
class QSpinBox;
class QTabWidget;
class QTableView;

namespace newscoder {

class BackgroundTask;
class DisagreementsDialog;
class Project;
class ReliabilityChartView;
class ReliabilityConsensusTab;
class ReliabilitySelection;
class ReliabilityTableModel;

// Analysis ▸ Reliability: agreement between coders per code (unitizing α over
// the marked spans and α on presence per article) for a chosen set of coders,
// codes and articles, as a table and a bar chart against the 0.667/0.800
// thresholds, with 95% bootstrap intervals (draws and seed set in the window,
// 0 draws = none). Computes on a worker thread with its own read-only store; a row
// opens the list of that code's disagreements and merged overlaps (from where
// a double-click opens the article: openRequested()); the table exports as
// CSV/HTML, and the units unitizing α used as the CSV `reliability
// --unitizing` reads. Errors are shown in the dialog, never in a modal box.
// A second tab sets each coder against the consensus (ReliabilityConsensusTab).
class ReliabilityDialog final : public QDialog
{
    Q_OBJECT

public:
    // `selectedDocuments`: the articles selected in the article list (offered as a choice).
    ReliabilityDialog(Project &project, const QList<QUuid> &selectedDocuments, QWidget *parent = nullptr);
    ~ReliabilityDialog() override;

    void setSelectedDocuments(const QList<QUuid> &ids);

    // Starts computing (no-op while running); computed() follows, also on errors and cancel.
    void compute();
    bool isComputing() const;
    // The last computed report (empty rows and `error` set after a failure).
    const AgreementReport &report() const { return m_report; }

    // Both write all or nothing (QSaveFile); false with a message on failure.
    bool exportCsv(const QString &path, QString *error = nullptr) const;
    bool exportHtml(const QString &path, QString *error = nullptr) const;
    // The units of the last computation (pooledUnitsCsv()), all or nothing.
    bool exportUnitsCsv(const QString &path, QString *error = nullptr) const;

    // Opens (non-modal) the disagreements of the code in table row `row`. The
    // list is computed on a worker thread with its own read-only store; the
    // dialog shows a busy indicator until it arrives (DisagreementsDialog::loaded()).
    DisagreementsDialog *showDisagreements(int row);
    // The same, on the tab of the overlaps merged in that code.
    DisagreementsDialog *showMerges(int row);

    // Asks a running computation to stop; computed() follows with the previous table kept.
    void cancel();

    // For tests.
    ReliabilitySelection *selection() const { return m_selection; }
    QPushButton *computeButton() const { return m_computeButton; }
    QTableView *table() const { return m_table; }
    ReliabilityTableModel *model() const { return m_model; }
    QChart *chart() const;
    QLabel *messageLabel() const { return m_message; }
    QSpinBox *bootstrapDrawsBox() const { return m_drawsBox; }
    QSpinBox *bootstrapSeedBox() const { return m_seedBox; }
    // Tab "Against the consensus" (ReliabilityConsensusTab.h).
    QTabWidget *tabs() const { return m_tabs; }
    ReliabilityConsensusTab *consensusTab() const { return m_consensusTab; }

Q_SIGNALS:
    void computed();
    // Show this article with [start, end) selected (from a disagreement or a merge).
    void openRequested(const QUuid &documentId, int start, int end);
    // An export started from a button is written (or failed: message shown).
    void exported();

protected:
    void showEvent(QShowEvent *event) override;

private:
    void buildUi();
    void showMessage(const QString &message);
    void updateButtons();
    void finish(AgreementReport report);
    QString selectionSummary() const;
    QString intervalDescription() const;
    void chooseAndExport(bool html);
    void chooseAndExportUnits();

    Project &m_project;
    AgreementReport m_report;
    AgreementRequest m_reportRequest;   // the request m_report answers
    QString m_reportArticles;           // "All articles" / "12 selected articles"
    AgreementRequest m_pendingRequest;
    QString m_pendingArticles;
    BackgroundTask *m_task;

    ReliabilitySelection *m_selection = nullptr;
    QPushButton *m_computeButton = nullptr;
    QSpinBox *m_drawsBox = nullptr;
    QSpinBox *m_seedBox = nullptr;
    QLabel *m_message = nullptr;
    QLabel *m_summary = nullptr;
    QTableView *m_table = nullptr;
    ReliabilityTableModel *m_model = nullptr;
    ReliabilityChartView *m_chartView = nullptr;
    QPushButton *m_disagreementsButton = nullptr;
    QPushButton *m_csvButton = nullptr;
    QPushButton *m_htmlButton = nullptr;
    QPushButton *m_unitsButton = nullptr;
    bool m_exporting = false;
    QTabWidget *m_tabs = nullptr;
    ReliabilityConsensusTab *m_consensusTab = nullptr;
};

} // namespace newscoder
