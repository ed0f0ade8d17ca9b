#pragma once

#include <QStringList>

namespace newscoder::cli {

// A study with several coders: the coder registry and assignments
// (StudyCli.cpp), review and adjudication (ReviewCli.cpp), coder
// packages and merging (MergeCli.cpp).
int runCoders(const QStringList &arguments);
int runAssign(const QStringList &arguments);
int runMyArticles(const QStringList &arguments);
int runReview(const QStringList &arguments);
int runAdjudicate(const QStringList &arguments);
int runDecisions(const QStringList &arguments);
int runPackage(const QStringList &arguments); // MergeCli.cpp
int runMerge(const QStringList &arguments);

} // namespace newscoder::cli
