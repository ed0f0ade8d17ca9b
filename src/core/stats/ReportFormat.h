#pragma once

#include "stats/AgreementResult.h"
#include "stats/UnitizingAlpha.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace newscoder::stats {

// A coefficient's result with what is needed to print it.
struct Report
{
    QString measure;        // e.g. "alpha", "cohen", "unitizing-alpha"
    QString level;          // "nominal", ...; empty prints null
    QString weights;        // "linear", "quadratic"; empty prints null
    QString category;       // unitizing alpha of one category; empty: not printed
    QStringList categories; // the declared/seen value set
    AgreementResult result;
    QList<CategoryAgreement> perCategory; // unitizing alpha over all categories
};

// One JSON object (keys in a fixed order, numbers in their shortest exact
// form, null for missing values), followed by a newline:
// {"measure", "level", "weights", "value", "observed", "expected", "units",
//  "pairable_values", "categories", "note", "ci95", ["bootstrap"],
//  ["category"], ["per_category"]}.
QByteArray reportJson(const Report &report);

// A few human-readable lines.
QString reportText(const Report &report);

// The shortest decimal form that reads back as the same double.
QString formatNumber(double value);

} // namespace newscoder::stats
