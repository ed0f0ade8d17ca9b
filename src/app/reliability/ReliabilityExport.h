#pragma once

#include "agreement/ProjectAgreement.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

namespace newscoder {

// The agreement table as RFC 4180 CSV (UTF-8, CRLF, header row), for further
// analysis: machine-readable measure ids, numbers in their shortest exact
// form, empty fields for undefined values.
// Columns: code, measure, level, value, ci_lower, ci_upper, ci_level, units,
// pairable_values, coders, note, merged (unitizing-alpha rows: how many times
// overlapping spans of one coder were counted as one unit; empty otherwise).
QByteArray reliabilityCsv(const AgreementReport &report);

// A standalone HTML page: a summary of the selection (label/value pairs)
// followed by the table as shown in the dialog.
QByteArray reliabilityHtml(const AgreementReport &report, const QList<QPair<QString, QString>> &summary);

// Writes `bytes` to `path` all or nothing (QSaveFile); false with a message on failure.
bool writeWholeFile(const QString &path, const QByteArray &bytes, QString *error);

} // namespace newscoder
