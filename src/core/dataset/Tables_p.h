// The table implementations (private to the dataset layer).
#pragma once

#include "dataset/Dataset.h"

namespace newscoder::dataset::detail {

std::unique_ptr<Table> makeSegmentsTable(const Dataset &dataset);
std::unique_ptr<Table> makeArticlesTable(const Dataset &dataset);
std::unique_ptr<Table> makeLinksTable(const Dataset &dataset);
std::unique_ptr<Table> makeActorsTable(const Dataset &dataset);
std::unique_ptr<Table> makeOutletsTable(const Dataset &dataset);
std::unique_ptr<Table> makeCodebookTable(const Dataset &dataset);

Column textColumn(const QString &name, const QString &label);
Column intColumn(const QString &name, const QString &label);

} // namespace newscoder::dataset::detail
