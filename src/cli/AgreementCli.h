#pragma once

#include <QStringList>

namespace newscoder::cli {

// newscoder-cli agreement PROJECT [--coders A,B] [--documents ID,...] [--codes NAME,...] [--json]
int runAgreement(const QStringList &arguments);

} // namespace newscoder::cli
