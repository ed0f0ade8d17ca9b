// A dataset cell as text: C-locale numbers, ISO 8601 dates, "" for missing.
#pragma once

#include "dataset/DatasetTable.h"

namespace newscoder::exporting {

QString cellText(const QVariant &cell);

// A text cell a spreadsheet would run as a formula (= + - @, or a leading
// tab / carriage return) gets a leading apostrophe.
QString neutraliseFormula(const QString &text);

} // namespace newscoder::exporting
