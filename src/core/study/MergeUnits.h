// What a merge compares: a project read as merge units, each with a
// fingerprint of its content. A unit is an annotation with its field values
// ("a:ID"), one coder's variables of one article ("v:ARTICLE:CODER"), an
// actor ("r:ID") or an article's text ("t:ID"). Two units with the same key
// and fingerprint hold the same content; timestamps are not content.
#pragma once

#include "model/Actor.h"
#include "model/Annotation.h"
#include "storage/ProjectStore.h"

#include <QHash>
#include <QSet>
#include <QString>
#include <QUuid>

namespace newscoder::study {

struct MergeUnit
{
    enum class Kind { Annotation, Variables, Actor, Text };
    Kind kind = Kind::Annotation;
    Annotation annotation;       // Annotation
    QList<StoredValue> values;   // Annotation (values it owns), Variables
    QUuid documentId;            // Annotation, Variables, Text
    QUuid coderId;               // Variables
    Actor actor;                 // Actor
    QString textFingerprint;     // Text
};

struct MergeUnits
{
    QHash<QString, MergeUnit> units;
    QHash<QUuid, Coder> coders;
    QSet<QUuid> codes;
    QHash<QUuid, QString> codeNames;
    QSet<QUuid> fields;
    QSet<QUuid> documents;
    QUuid projectId;
    QString packageId;  // set in a coder package
    QUuid packageCoder; // the package's coder
};

QString annotationUnitKey(const QUuid &id);
QString variablesUnitKey(const QUuid &documentId, const QUuid &coderId);
QString actorUnitKey(const QUuid &id);
QString textUnitKey(const QUuid &documentId);

// Reads every unit of a project (a few bulk queries). Throws StoreError.
MergeUnits readMergeUnits(const ProjectStore &store);

// The unit's content as a hex SHA-1 (values sorted; ids as stored).
QString fingerprint(const MergeUnit &unit);

// Every unit's fingerprint, by key.
QHash<QString, QString> fingerprints(const MergeUnits &units);

// Settings a coder package carries (meta "setting.NAME").
inline const QString PackageIdSetting = QStringLiteral("package_id");
inline const QString PackageCoderSetting = QStringLiteral("package_coder");

} // namespace newscoder::study
