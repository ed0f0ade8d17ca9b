#pragma once

#include "review/ConsensusAgreement.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QTableWidget;

namespace newscoder {

class Project;

// Analysis ▸ Reliability, tab "Against the consensus": each coder against the
// consensus on the adjudicated articles they coded (review/ConsensusAgreement.h)
// — unitizing α, percent agreement and the error profile (missed, extra,
// boundary, wrong code, fields with the fields that differ, variables) — and,
// for the coder selected, the same per code. Computed on a worker thread with
// its own read-only store when the tab is first shown and on Compute;
// "Disagreement Report…" writes the HTML report of every coder against the
// consensus.
class ReliabilityConsensusTab final : public QWidget
{
    Q_OBJECT

public:
    explicit ReliabilityConsensusTab(Project &project, QWidget *parent = nullptr);

    void compute(); // no-op while running; computed() follows
    bool isComputing() const { return m_computing; }
    const review::ConsensusAgreementReport &report() const { return m_report; }

    QTableWidget *codersTable() const { return m_coders; }
    QTableWidget *codesTable() const { return m_codes; }
    QLabel *summaryLabel() const { return m_summary; }
    QPushButton *computeButton() const { return m_computeButton; }
    QPushButton *reportButton() const { return m_reportButton; }

Q_SIGNALS:
    void computed();

protected:
    void showEvent(QShowEvent *event) override;

private:
    void finish(const review::ConsensusAgreementReport &report);
    void showCoder(int row);
    void writeReport();

    Project &m_project;
    review::ConsensusAgreementReport m_report;
    QLabel *m_summary = nullptr;
    QTableWidget *m_coders = nullptr;
    QLabel *m_codesTitle = nullptr;
    QTableWidget *m_codes = nullptr;
    QPushButton *m_computeButton = nullptr;
    QPushButton *m_reportButton = nullptr;
    bool m_computing = false;
    bool m_computedOnce = false;
};

} // namespace newscoder
