#pragma once

#include "refi/RefiData.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace newscoder {
class Project;
}

namespace newscoder::refi {

// Counts of a REFI-QDA file (written or read).
struct RefiCounts
{
    int sources = 0;
    int codes = 0;
    int selections = 0; // codings on text selections
    int users = 0;
    int notes = 0;
    int cases = 0;
    int variables = 0;
};

struct ExportOptions
{
    QStringList coders; // only these coders' codings (by name); empty: every coder
    // Called per article (done, total); returning false cancels (nothing written).
    std::function<bool(int, int)> progress;
};

// A built export: project.qde and the files under sources/.
struct ExportBundle
{
    RefiProjectData data;
    QList<QPair<QString, QByteArray>> files; // archive path → bytes, project.qde first
    RefiCounts counts;
};

// Builds the REFI-QDA project of `project`: coders → Users; the codebook
// (GUID = code id; colour; definition, use when, do not use when and example
// in the Description; memo as a Note); each article → TextSource
// (sources/<id>.txt, UTF-8, positions in Unicode code points) with one
// PlainTextSelection per annotation (GUID = annotation id; one Coding with
// the coder as creating user and the annotation's dates; typed field values
// in the selection's Description; memo as a Note); article metadata and each
// coder's article variables as Cases with Variables; outlets and actors as
// Cases. Suggestions are not exported. The same project gives the same bytes.
std::optional<ExportBundle> buildProjectExport(const Project &project, const ExportOptions &options,
                                               QString *error);
// Writes the .qdpx with QSaveFile (nothing is written on failure or cancel).
std::optional<RefiCounts> exportProject(const Project &project, const QString &path, const ExportOptions &options,
                                        QString *error);
// Writes the codebook as a .qdc.
std::optional<RefiCounts> exportCodebook(const Project &project, const QString &path, QString *error);

// The Description of a code: the definition, then "Use when:", "Do not use
// when:" and "Example:" paragraphs; parsed back by splitCodeDescription.
QString codeDescription(const QString &definition, const QString &useWhen, const QString &avoidWhen,
                        const QString &example);
struct CodeDescriptionParts
{
    QString definition;
    QString useWhen;
    QString avoidWhen;
    QString example;
};
CodeDescriptionParts splitCodeDescription(const QString &description);

// Stable derived GUIDs (name-based UUIDs under a Newscoder namespace).
QString derivedGuid(const QUuid &base, const QString &purpose);
QString guidOf(const QUuid &id);

} // namespace newscoder::refi
