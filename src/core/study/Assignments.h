#pragma once

#include "study/StudyChange.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUuid>

#include <optional>

namespace newscoder {

class ProjectReader;

namespace study {

// A planned study edit: apply `redo` with Project::commitStudyChange(text,
// redo, undo). `error` set: nothing to apply, the reason for the user.
struct StudyPlan
{
    QString text;
    StudyChange redo;
    StudyChange undo;
    QString error;
};

// Adds the coder `name` or changes an existing coder's role and colour
// (unset optionals keep what is stored). Refuses a second consensus coder.
StudyPlan planCoder(const ProjectReader &store, const QString &name, std::optional<CoderRole> role,
                    std::optional<QString> colour);

// Assigns articles to a coder (creating the coder when new). Articles already
// assigned to them keep their assignment (and its sample).
StudyPlan planAssignment(const ProjectReader &store, const QString &coderName, const QList<QUuid> &documents,
                         const QDateTime &now);

// Marks a coder's assigned articles done (or not done again).
StudyPlan planMarkDone(const ProjectReader &store, const QString &coderName, const QList<QUuid> &documents,
                       bool done, const QDateTime &now);

// A reliability sample: `size` articles (or `percent` of them) coded by every
// coder, the rest split among them; random from `seed`, optionally stratified
// by outlet (each outlet's share of the sample as close as possible to its
// share of the articles, largest remainder first).
struct SampleRequest
{
    int size = 0;        // > 0: this many articles
    double percent = 0;  // else: this share (0–100) of the articles
    QStringList coders;  // at least two
    quint64 seed = 1;
    bool stratifyByOutlet = false;
    bool splitRest = true; // the articles outside the sample go to one coder each
    QList<QUuid> documents; // empty: every article
};

struct SampleDraw
{
    QList<QUuid> shared;                // coded by every coder, in drawing order
    QHash<QString, QList<QUuid>> rest; // coder name → the articles only they code
};

// The draw alone (deterministic: the same articles, outlets and seed give the
// same draw on every machine). `documents` are (id, outlet id) pairs in the
// order to draw from (the caller sorts them).
SampleDraw drawSample(const QList<QPair<QUuid, QUuid>> &documents, const SampleRequest &request);

StudyPlan planReliabilitySample(const ProjectReader &store, const SampleRequest &request, const QDateTime &now);

// The consensus coder (role consensus), or nullopt when there is none yet.
std::optional<Coder> consensusCoder(const ProjectReader &store);

} // namespace study
} // namespace newscoder
