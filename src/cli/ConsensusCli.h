#pragma once

#include <QStringList>

namespace newscoder::cli {

// Learning from disagreement (ConsensusCli.cpp):
// `reliability PROJECT --against CONSENSUS` — each coder against the
// consensus (α, percent agreement, error profile, per code); the
// reliability command hands over to it when --against is given.
int runReliabilityAgainst(const QStringList &arguments);
// `disagreement-report PROJECT --coders A,B | --against CONSENSUS --out FILE.html`.
int runDisagreementReport(const QStringList &arguments);

// Whether `arguments` ask for the consensus comparison (--against).
bool asksAgainst(const QStringList &arguments);

} // namespace newscoder::cli
