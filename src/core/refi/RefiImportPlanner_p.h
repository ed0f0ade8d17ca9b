#pragma once

// The REFI-QDA import planner, shared by RefiImportPlan.cpp (file, notes,
// codes, cases and variables) and RefiImportPlanSource.cpp (sources and their
// selections). Private to src/core/refi.
#include "refi/RefiArchive.h"
#include "refi/RefiImport.h"
#include "refi/RefiXml.h"

#include <QColor>
#include <QHash>
#include <QSet>

namespace newscoder::refi::planning {

constexpr qint64 MaxXmlFileBytes = qint64(256) << 20;

QUuid uuidOf(const QString &guid);
QColor parseColor(const QString &text);
QColor paletteColor(int index);
bool nameMatches(const QString &covered, const QString &name);
QString sourceKindName(RefiSource::Kind kind);
FieldKind fieldKindForVariable(const QString &type);
QString storedValue(const QString &kind, const QString &value);

class Planner
{
public:
    Planner(const Project &project, const ImportOptions &options) : m_project(project), m_options(options) {}

    std::optional<ImportPlan> run(const QString &path, QString *error);

private:
    bool load(const QString &path, QString *error);
    // The archive path an internal:// (or plain relative) reference names; empty when outside the archive.
    std::optional<QByteArray> readReferenced(const QString &reference, QString *why);

    QString readNoteFile(const RefiNote &n);
    QString notesText(const QStringList &refs);
    void planCodes(const QList<RefiCode> &codes, const QUuid &parent, QString *error);
    void planCases();

    // Values of a foreign variable become article variables of the code
    // “REFI-QDA variables”, coded by the fallback coder.
    void addVariableValue(const QUuid &documentId, const RefiVariableValue &v, const QString &coder);

    void finishVariableCode();
    void applyCases(Document &doc, bool isNew, const QString &sourceGuid);
    bool planSource(const RefiSource &s, QString *error);

    // The ids already in the project, read once (no query per selection).
    void loadExisting();

    const Project &m_project;
    const ImportOptions &m_options;
    ImportPlan m_plan;
    bool m_existingLoaded = false;
    QSet<QUuid> m_existingDocuments;
    QSet<QUuid> m_existingAnnotations;
    RefiProjectData m_data;
    ArchiveReader m_archive;
    bool m_hasArchive = false;
    QString m_base;
    QString m_fallbackCoder;
    QHash<QString, QString> m_users;
    QHash<QString, QString> m_notes;
    QSet<QString> m_usedNotes;
    QHash<QString, QUuid> m_codeIds;
    QHash<QString, RefiVariable> m_variables;
    QHash<QString, QList<const RefiCase *>> m_casesBySource;
    QHash<QUuid, CodeField> m_newFields;
    QList<QUuid> m_newFieldOrder;
    QSet<QUuid> m_annotationIds;
};

} // namespace newscoder::refi::planning
