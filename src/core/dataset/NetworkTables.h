// The links as a graph for igraph, Gephi or networkx: a node list (every
// annotation or actor a link touches) and an edge list (one row per link).
// Both derive from the links table and carry its filters.
#pragma once

#include "dataset/Dataset.h"

namespace newscoder::dataset {

// nodes: id, label (the annotation's text or the actor's name), kind
// ("annotation" / "actor"), code (the annotation's code; empty for actors).
std::unique_ptr<Table> makeNodesTable(const Dataset &dataset);
// edges: source, target (annotation or actor id), field (the link field),
// coder (who made the link).
std::unique_ptr<Table> makeEdgesTable(const Dataset &dataset);

// "nodes" or "edges" → the table; nullptr for any other name.
std::unique_ptr<Table> makeNetworkTable(const Dataset &dataset, const QString &name);

} // namespace newscoder::dataset
