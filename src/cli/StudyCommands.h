#pragma once

#include <QStringList>

namespace newscoder::cli {

// A study with several coders: the coder registry and assignments
// (StudyCommands.cpp), review and adjudication (ReviewCommands.cpp), coder
// packages and merging (MergeCommands.cpp).
int runCoders(const QStringList &arguments);
int runAssign(const QStringList &arguments);
int runMyArticles(const QStringList &arguments);
int runReview(const QStringList &arguments);
int runAdjudicate(const QStringList &arguments);
int runDecisions(const QStringList &arguments);
int runPackage(const QStringList &arguments); // MergeCommands.cpp
int runMerge(const QStringList &arguments);

} // namespace newscoder::cli
