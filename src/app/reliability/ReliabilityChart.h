#pragma once

#include "agreement/ProjectAgreement.h"

#include <QChartView>

namespace newscoder {

// Krippendorff's α per code as grouped bars (one bar set per measure) on a
// value axis from min(0, lowest) to 1, with dashed lines at 0.667 ("tentative")
// and 0.800 ("reliable"). Undefined values draw no bar (the table says why);
// codes without any defined value are left out. Hovering a bar shows its value.
class ReliabilityChartView final : public QChartView
{
    Q_OBJECT

public:
    explicit ReliabilityChartView(QWidget *parent = nullptr);

    void setReport(const AgreementReport &report);

private:
    void clear();

    QList<AgreementRow> m_rows;
};

} // namespace newscoder
