#pragma once

#include <QStringList>

namespace newscoder::cli {

// `quotes FILE.txt [--json] [--lang en|de]`: the quotes of a plain-text
// article with their cues, speakers and actors (arguments[0] = "newscoder-cli quotes").
int runQuotes(const QStringList &arguments);

} // namespace newscoder::cli
