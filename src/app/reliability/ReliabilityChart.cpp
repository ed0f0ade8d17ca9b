#include "reliability/ReliabilityChart.h"

#include "reliability/ReliabilityTableModel.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QCursor>
#include <QLineSeries>
#include <QToolTip>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace newscoder {

ReliabilityChartView::ReliabilityChartView(QWidget *parent) : QChartView(new QChart, parent)
{
    setRenderHint(QPainter::Antialiasing);
    chart()->legend()->setAlignment(Qt::AlignBottom);
    clear();
}

void ReliabilityChartView::clear()
{
    QChart *c = chart();
    c->removeAllSeries();
    for (QAbstractAxis *axis : c->axes()) {
        c->removeAxis(axis);
        delete axis;
    }
    c->setTitle(tr("Krippendorff's α per code"));
}

void ReliabilityChartView::setReport(const AgreementReport &report)
{
    clear();
    m_rows = report.rows;
    QChart *c = chart();

    // Codes with at least one defined value, in table order; one bar set per measure.
    QStringList categories, measures;
    for (const AgreementRow &row : std::as_const(m_rows)) {
        if (!row.result.value)
            continue; // undefined: left out (the table says why)
        if (!categories.contains(row.subject))
            categories << row.subject;
        if (!measures.contains(row.measure))
            measures << row.measure;
    }
    if (categories.isEmpty()) {
        c->setTitle(m_rows.isEmpty() ? tr("Krippendorff's α per code — compute to see it")
                                     : tr("Krippendorff's α per code — no defined values"));
        return;
    }
    const bool someUndefined = std::any_of(m_rows.cbegin(), m_rows.cend(),
                                           [](const AgreementRow &row) { return !row.result.value; });
    if (someUndefined)
        c->setTitle(tr("Krippendorff's α per code (no bar: undefined for these data, see the Note column)"));
    const auto valueOf = [this](const QString &code, const QString &measure) -> std::optional<double> {
        for (const AgreementRow &row : std::as_const(m_rows)) {
            if (row.subject == code && row.measure == measure)
                return row.result.value;
        }
        return std::nullopt;
    };

    const QList<QColor> colors{QColor(0x3b, 0x6e, 0xa8), QColor(0xe0, 0x8a, 0x2c), QColor(0x6a, 0x4c, 0x93)};
    auto *bars = new QBarSeries;
    double lowest = 0.0;
    for (qsizetype m = 0; m < measures.size(); ++m) {
        const QString measure = measures[m];
        auto *set = new QBarSet(ReliabilityTableModel::measureLabel(measure));
        set->setColor(colors.value(m % colors.size()));
        set->setBorderColor(set->color().darker(130));
        for (const QString &code : std::as_const(categories)) {
            const double value = valueOf(code, measure).value_or(0.0); // undefined: no bar
            lowest = std::min(lowest, value);
            set->append(value);
        }
        connect(set, &QBarSet::hovered, this, [this, set, categories, measure, valueOf](bool on, int index) {
            if (!on) {
                QToolTip::hideText();
                return;
            }
            const QString code = categories.value(index);
            QToolTip::showText(QCursor::pos(),
                               QStringLiteral("%1 — %2: %3")
                                   .arg(code, set->label(), ReliabilityTableModel::formatValue(valueOf(code, measure))),
                               this);
        });
        bars->append(set);
    }
    bars->setBarWidth(0.7);
    c->addSeries(bars);

    auto *axisX = new QBarCategoryAxis;
    axisX->append(categories);
    axisX->setTruncateLabels(false); // code names must stay readable: turn them instead
    if (categories.size() > 8)
        axisX->setLabelsAngle(-45);
    auto *axisY = new QValueAxis;
    const double bottom = std::floor(lowest * 5.0 + 1e-9) / 5.0; // a multiple of 0.2 at or below the lowest bar
    axisY->setRange(bottom, 1.0);
    axisY->setTickType(QValueAxis::TicksDynamic); // ticks at exact multiples of 0.2 from 0 (no "-0.0")
    axisY->setTickAnchor(0.0);
    axisY->setTickInterval(0.2);
    axisY->setLabelFormat(QStringLiteral("%.1f"));
    axisY->setTitleText(tr("α"));
    c->addAxis(axisX, Qt::AlignBottom);
    c->addAxis(axisY, Qt::AlignLeft);
    bars->attachAxis(axisX);
    bars->attachAxis(axisY);

    // Krippendorff (2004): rely on α ≥ .800, draw tentative conclusions from .667 ≤ α < .800.
    const struct
    {
        double level;
        QString label;
        QColor color;
    } thresholds[] = {{0.667, tr("0.667 tentative"), QColor(0xb2, 0x5f, 0x00)},
                      {0.800, tr("0.800 reliable"), QColor(0x2e, 0x7d, 0x32)}};
    for (const auto &t : thresholds) {
        auto *line = new QLineSeries;
        line->setName(t.label);
        line->append(-0.5, t.level);
        line->append(double(categories.size()) - 0.5, t.level);
        line->setPen(QPen(t.color, 2.0, Qt::DashLine));
        c->addSeries(line);
        line->attachAxis(axisX);
        line->attachAxis(axisY);
    }
}

} // namespace newscoder
