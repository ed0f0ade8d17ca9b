#pragma once

#include "model/Annotation.h"
#include "model/Code.h"
#include "model/Document.h"
#include "refi/RefiExport.h"
#include "storage/ProjectReader.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace newscoder {
class Project;
}

namespace newscoder::refi {

struct SkippedItem
{
    QString item;
    QString reason;
};

// An annotation to add, with the name of its coder (coders are created when
// the plan is applied).
struct PlannedAnnotation
{
    Annotation annotation;
    QString coder;
};

// A document variable value to add (new articles only), with its coder.
struct PlannedValue
{
    QUuid documentId;
    QUuid fieldId;
    QString coder;
    FieldValue value;
};

// What an import will do, worked out before anything is written (the
// pre-flight report). Applying it is one undo step.
struct ImportPlan
{
    QString file;
    QString origin;
    bool codebookOnly = false;
    RefiCounts inFile; // what the file holds
    RefiCounts added;  // what is new to the project
    RefiCounts alreadyPresent;
    QList<SkippedItem> skipped;
    QStringList reconciled; // per source: how its positions were counted, selections adjusted

    QList<Code> newCodes; // parents first
    QList<Document> newDocuments;
    QList<PlannedAnnotation> annotations; // for new and existing documents
    QList<PlannedValue> values;
    QStringList coders; // names

    bool changesNothing() const { return newCodes.isEmpty() && newDocuments.isEmpty() && annotations.isEmpty(); }
};

struct ImportOptions
{
    // The coder of codings that name no user (default "REFI-QDA import").
    QString fallbackCoder;
};

// Reads a .qdpx or .qdc and plans its import into `project` (merge by GUID,
// compared case-insensitively). Hostile or broken files, selections beyond
// their text and references to missing files fail with a message.
std::optional<ImportPlan> planImport(const Project &project, const QString &path, const ImportOptions &options,
                                     QString *error);

// Applies the plan as one undoable step, atomically (nothing is written when
// anything fails). A plan that adds nothing pushes no step.
bool applyImport(Project &project, const ImportPlan &plan, QString *error);

// The report as JSON: {"file", "origin", "sources", "codes", "selections",
// "users", "notes", "cases", "variables", "added": {...}, "already_present":
// {...}, "skipped": [{"item", "reason"}], "reconciled": [...]}.
QJsonObject importReportJson(const ImportPlan &plan);
// The same as readable text (dialogs, CLI without --json).
QString importReportText(const ImportPlan &plan);
QJsonObject countsJson(const RefiCounts &counts);

} // namespace newscoder::refi
