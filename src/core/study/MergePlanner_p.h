// The merge planner's insides, shared by MergePlan.cpp (coders, actors,
// annotations and variables, the plan as a whole) and MergeArticles.cpp
// (article texts, added articles and their outlets). Not a public header.
#pragma once

#include "study/MergePlan.h"
#include "study/MergeTexts.h"

#include <QJsonObject>
#include <QSet>

#include <memory>
#include <optional>

namespace newscoder::study::detail {

inline QString normalName(const QString &name)
{
    return name.simplified().toCaseFolded();
}

inline QString valueKey(const StoredValue &v)
{
    return QString::number(int(v.owner)) + u'|' + idString(v.ownerId) + u'|' + idString(v.value.fieldId) + u'|'
           + QString::number(v.position) + u'|' + (v.coderId.isNull() ? QString() : idString(v.coderId));
}

// Values without repeats (by their row key), in first-seen order.
inline void appendValues(QList<StoredValue> &into, QSet<QString> &seen, const QList<StoredValue> &values)
{
    for (const StoredValue &v : values) {
        if (!seen.contains(valueKey(v))) {
            seen.insert(valueKey(v));
            into.append(v);
        }
    }
}

inline QJsonObject countsJson(const MergeCounts &c)
{
    return QJsonObject{{QStringLiteral("articles"), c.documents},
                       {QStringLiteral("annotations"), c.annotations},
                       {QStringLiteral("variables"), c.variables},
                       {QStringLiteral("actors"), c.actors},
                       {QStringLiteral("coders"), c.coders}};
}

// A base entry is "SOURCE/MASTER": the unit's fingerprint in the source
// (its own ids and text) and in the master when they were last in step; a
// package's own base has one fingerprint for both.
inline QPair<QString, QString> splitBase(const QString &entry)
{
    const qsizetype slash = entry.indexOf(u'/');
    return slash < 0 ? qMakePair(entry, entry) : qMakePair(entry.left(slash), entry.mid(slash + 1));
}

inline QString joinBase(const QString &source, const QString &master)
{
    return source == master ? source : source + u'/' + master;
}

// An article whose text only this project changed: the source's annotations
// move onto this project's text, and back to compare with the base.
struct TextMove
{
    TextTranslation forward; // source text → master text
    TextTranslation back;    // master text → source text
};

inline int &counter(MergeCounts &counts, MergeUnit::Kind kind)
{
    switch (kind) {
    case MergeUnit::Kind::Variables:
        return counts.variables;
    case MergeUnit::Kind::Actor:
        return counts.actors;
    default:
        return counts.annotations;
    }
}

// Builds the change while the units are compared.
class Planner
{
public:
    // `m` and `s` are the two frames (readMergeFrame); the planner reads
    // each batch of articles' units into them and drops them after it.
    Planner(const ProjectReader &master, const ProjectReader &source, MergeUnits &m, MergeUnits &s,
            const MergeOptions &options, MergeReport &report)
        : m_master(master), m_source(source), M(m), S(s), m_options(options), m_report(report)
    {
    }

    // False when cancelled (nothing planned).
    bool run(const QHash<QString, QString> &base, const QHash<QString, QString> &masterBase, StudyChange &redo,
             StudyChange &undo, MergeProgress *progress);

private:
    void mapCoders();
    void mapActors();
    void compareCodebook();
    void compareTexts(const QHash<QString, QString> &base);
    void addDocument(const QUuid &id);
    void moveMasterAnnotations(QHash<QString, QString> &newBase);
    QString fingerprintAtBase(const MergeUnit &mine) const;
    QUuid mappedOutlet(const Outlet &theirs);
    MergeUnit mapped(MergeUnit u) const;
    QString whyNot(const MergeUnit &u) const; // "" when the unit can be taken
    void take(const QString &key, const MergeUnit *mine, const MergeUnit *theirs);
    QStringList adoptTheirs(const QStringList &keys, const QHash<QString, QString> &base, QHash<QString, QString> &own,
                            QHash<QString, QString> &newBase);
    void compare(const QString &key, const QString &source, const QHash<QString, QString> &base,
                 QHash<QString, QString> &newBase);
    void conflict(const QString &kind, const QString &unit, const QUuid &document, QString detail,
                  const QString &resolution)
    {
        if (!detail.isEmpty())
            detail[0] = detail[0].toUpper(); // "a Quote annotation …" starts a sentence
        m_report.conflicts.append({kind, unit, document, detail, resolution});
    }
    QString unitLabel(const MergeUnit &u) const;

    const ProjectReader &m_master;
    const ProjectReader &m_source;
    MergeUnits &M;
    MergeUnits &S;
    const MergeOptions &m_options;
    MergeReport &m_report;
    QHash<QUuid, QUuid> m_coderMap;
    QHash<QUuid, QUuid> m_actorMap;
    QSet<QUuid> m_textDiffers;
    QSet<QUuid> m_addedDocuments;
    QHash<QUuid, std::shared_ptr<TextMove>> m_translate;            // only the master changed the text
    QHash<QUuid, std::shared_ptr<TextTranslation>> m_textTaken;     // the source's text taken: master → source
    QHash<QString, QString> m_textBase;                             // t: key → its new base entry
    QSet<QString> m_takenKeys;                                      // units take() wrote (this batch)
    std::optional<QList<Outlet>> m_masterOutlets;
    QHash<QUuid, QUuid> m_outletMap; // the source's outlet → the master's (or itself, added)
    QHash<QString, MergeUnit> m_theirs; // the source's units with master ids, by key (this batch's)
    StudyChange m_redo, m_undo;
    QSet<QString> m_redoRemoved, m_redoInserted, m_undoRemoved, m_undoInserted;
    QList<Annotation> m_removedAnnotations;
};

} // namespace newscoder::study::detail
