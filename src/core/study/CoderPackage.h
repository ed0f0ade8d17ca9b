// A coder package: a project file for one coder, made from the master for
// teams without a server. It holds the codebook, the registries, the
// articles assigned to that coder with that coder's own annotations,
// variables and assignments — no other coder's rows, no decisions, no
// reliability samples (blind by construction). It keeps the master's project
// id (the same study), carries its own package id and coder (settings
// "package_id", "package_coder") and its merge base: the fingerprint of every
// merge unit as packaged, so the master's merge can tell what the coder
// changed (study/MergePlan.h).
#pragma once

#include "storage/ProjectReader.h"

#include <QString>
#include <QUuid>

namespace newscoder::study {

struct PackageResult
{
    QString error; // "" on success
    QUuid packageId;
    int documents = 0;
    int annotations = 0;
};

// Writes the package to `path` (replaced only when the package is whole; a
// failure leaves no file behind). The coder must have assigned articles.
PackageResult writeCoderPackage(const ProjectReader &master, const QString &coderName, const QString &path);

} // namespace newscoder::study
