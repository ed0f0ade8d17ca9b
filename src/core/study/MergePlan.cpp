#include "study/MergePlanner_p.h"

#include "storage/ProjectReader.h"
#include "storage/StoreError.h"
#include "study/MergeTexts.h"

#include <QFileInfo>
#include <QJsonArray>

#include <algorithm>
#include <memory>

namespace newscoder::study {

namespace detail {

QString Planner::unitLabel(const MergeUnit &u) const
{
    switch (u.kind) {
    case MergeUnit::Kind::Annotation:
        return QStringLiteral("a %1 annotation (%2–%3)")
            .arg(M.codeNames.value(u.annotation.codeId, S.codeNames.value(u.annotation.codeId)))
            .arg(u.annotation.start)
            .arg(u.annotation.end);
    case MergeUnit::Kind::Variables:
        return QStringLiteral("the article variables of %1").arg(S.coders.value(u.coderId).name);
    case MergeUnit::Kind::Actor:
        return QStringLiteral("the actor %1").arg(u.actor().name);
    case MergeUnit::Kind::Text:
        return QStringLiteral("the article text");
    }
    return {};
}

void Planner::mapCoders()
{
    QHash<QString, QUuid> byName;
    for (const Coder &c : M.coders)
        byName.insert(c.name, c.id);
    QList<Coder> coders = S.coders.values();
    std::sort(coders.begin(), coders.end(), [](const Coder &a, const Coder &b) { return a.name < b.name; });
    for (const Coder &c : coders) {
        if (M.coders.contains(c.id)) {
            m_coderMap.insert(c.id, c.id);
            if (M.coders.value(c.id).name != c.name)
                conflict(QStringLiteral("coder-renamed"), QStringLiteral("coder:") + idString(c.id), {},
                         QStringLiteral("The coder %1 is called %2 in the source.").arg(M.coders.value(c.id).name, c.name),
                         QStringLiteral("The master's name stands."));
        } else if (byName.contains(c.name)) {
            m_coderMap.insert(c.id, byName.value(c.name)); // the same person, added in two places
        } else {
            Coder added = c;
            if (added.role == CoderRole::Consensus
                && std::any_of(M.coders.cbegin(), M.coders.cend(),
                               [](const Coder &m) { return m.role == CoderRole::Consensus; }))
                added.role = CoderRole::Coder; // one consensus layer per project
            m_redo.insertCoders.append(added);
            m_undo.removeCoders.append(added.id);
            m_coderMap.insert(c.id, c.id);
            ++m_report.added.coders;
        }
    }
}

void Planner::mapActors()
{
    QHash<QString, QUuid> masterByName;
    for (const MergeUnit &u : M.units) {
        if (u.kind != MergeUnit::Kind::Actor)
            continue;
        masterByName.insert(normalName(u.actor().name), u.actor().id);
        for (const QString &alias : u.actor().aliases)
            masterByName.insert(normalName(alias), u.actor().id);
    }
    QList<Actor> theirs;
    for (const MergeUnit &u : S.units) {
        if (u.kind == MergeUnit::Kind::Actor)
            theirs.append(u.actor());
    }
    std::sort(theirs.begin(), theirs.end(), [](const Actor &a, const Actor &b) { return a.id < b.id; });
    QList<QUuid> replaced;
    for (const Actor &r : theirs) {
        if (M.units.contains(actorUnitKey(r.id))) {
            m_actorMap.insert(r.id, r.id);
            continue;
        }
        QUuid same = masterByName.value(normalName(r.name));
        for (qsizetype i = 0; same.isNull() && i < r.aliases.size(); ++i)
            same = masterByName.value(normalName(r.aliases[i]));
        if (same.isNull() || replaced.contains(same)) {
            m_redo.insertActors.append(r);
            m_undo.removeActors.append(r.id);
            m_actorMap.insert(r.id, r.id);
            if (same.isNull())
                ++m_report.added.actors;
            continue;
        }
        const QString name = M.units.value(actorUnitKey(same)).actor().name;
        if (same < r.id) {
            m_actorMap.insert(r.id, same);
            conflict(QStringLiteral("actor-duplicate"), actorUnitKey(r.id), {},
                     QStringLiteral("The actor %1 was created in the source and in this project under different ids.")
                         .arg(r.name),
                     QStringLiteral("One actor: this project's %1 (the earlier id); the source's links point to it.")
                         .arg(name));
            continue;
        }
        // The source's id is the earlier one: it stands, the master's copy goes.
        m_redo.insertActors.append(r);
        m_undo.removeActors.append(r.id);
        m_actorMap.insert(r.id, r.id);
        replaced.append(same);
        const MergeUnit master = M.units.value(actorUnitKey(same));
        for (const StoredValue &v : m_master.valuesTouchingActors({same})) {
            StoredValue moved = v;
            moved.value.actorId = r.id;
            m_redo.insertValues.append(moved);
            m_undo.insertValues.append(v);
        }
        m_redo.removeActors.append(same);
        m_undo.insertActors.append(master.actor());
        conflict(QStringLiteral("actor-duplicate"), actorUnitKey(same), {},
                 QStringLiteral("The actor %1 was created in the source and in this project under different ids.")
                     .arg(r.name),
                 QStringLiteral("One actor: the source's %1 (the earlier id) replaces this project's; every link "
                                "points to it.")
                     .arg(r.name));
    }
}

void Planner::compareCodebook()
{
    QList<QUuid> codes = S.codes.values();
    std::sort(codes.begin(), codes.end());
    for (const QUuid &id : codes) {
        if (!M.codes.contains(id))
            conflict(QStringLiteral("codebook-differs"), QStringLiteral("code:") + idString(id), {},
                     QStringLiteral("The code %1 is in the source's codebook, not in this project's.")
                         .arg(S.codeNames.value(id)),
                     QStringLiteral("Not added: the codebook is changed in the master; annotations with it are "
                                    "listed."));
        else if (M.codeNames.value(id) != S.codeNames.value(id))
            conflict(QStringLiteral("codebook-differs"), QStringLiteral("code:") + idString(id), {},
                     QStringLiteral("The code %1 is called %2 in the source.")
                         .arg(M.codeNames.value(id), S.codeNames.value(id)),
                     QStringLiteral("The master's name stands."));
    }
}

MergeUnit Planner::mapped(MergeUnit r) const
{
    const auto coder = [this](const QUuid &id) { return m_coderMap.value(id, id); };
    const auto actor = [this](const QUuid &id) { return id.isNull() ? id : m_actorMap.value(id, id); };
    if (r.kind == MergeUnit::Kind::Annotation) {
        r.annotation.coderId = coder(r.annotation.coderId);
        if (const auto move = m_translate.constFind(r.documentId); move != m_translate.cend()) {
            if (const std::optional<Annotation> a = (*move)->forward.apply(r.annotation))
                r.annotation = *a;
        }
    }
    if (r.kind == MergeUnit::Kind::Variables)
        r.coderId = coder(r.coderId);
    for (StoredValue &v : r.values) {
        if (!v.coderId.isNull())
            v.coderId = coder(v.coderId);
        v.value.actorId = actor(v.value.actorId);
    }
    return r;
}

QString Planner::whyNot(const MergeUnit &u) const
{
    if (!M.documents.contains(u.documentId) && !m_addedDocuments.contains(u.documentId))
        return QStringLiteral("article-missing");
    if (u.kind == MergeUnit::Kind::Annotation) {
        if (m_textDiffers.contains(u.documentId))
            return QStringLiteral("text-differs");
        if (!M.codes.contains(u.annotation.codeId))
            return QStringLiteral("code-missing");
    }
    for (const StoredValue &v : u.values) {
        if (!M.fields.contains(v.value.fieldId))
            return QStringLiteral("code-missing");
        if (!v.value.annotationId.isNull()) {
            if (!M.annotations.contains(v.value.annotationId) && !S.annotations.contains(v.value.annotationId))
                return QStringLiteral("link-missing");
        }
    }
    return {};
}

void Planner::take(const QString &key, const MergeUnit *mine, const MergeUnit *theirs)
{
    const auto redoRemove = [this](const QList<StoredValue> &v) { appendValues(m_redo.removeValues, m_redoRemoved, v); };
    const auto redoInsert = [this](const QList<StoredValue> &v) { appendValues(m_redo.insertValues, m_redoInserted, v); };
    const auto undoRemove = [this](const QList<StoredValue> &v) { appendValues(m_undo.removeValues, m_undoRemoved, v); };
    const auto undoInsert = [this](const QList<StoredValue> &v) { appendValues(m_undo.insertValues, m_undoInserted, v); };
    const MergeUnit::Kind kind = theirs ? theirs->kind : mine->kind;
    m_takenKeys.insert(key);
    if (!mine) {
        if (kind == MergeUnit::Kind::Annotation) {
            m_redo.insertAnnotations.append(theirs->annotation);
            m_undo.removeAnnotations.append(theirs->annotation);
        }
        redoInsert(theirs->values);
        undoRemove(theirs->values);
        ++counter(m_report.added, kind);
    } else if (!theirs) {
        if (kind == MergeUnit::Kind::Annotation) {
            m_redo.removeAnnotations.append(mine->annotation);
            m_undo.insertAnnotations.append(mine->annotation);
            m_removedAnnotations.append(mine->annotation);
        }
        redoRemove(mine->values);
        undoInsert(mine->values);
        ++counter(m_report.removed, kind);
    } else {
        if (kind == MergeUnit::Kind::Actor) {
            m_redo.updateActors.append(theirs->actor());
            m_undo.updateActors.append(mine->actor());
        } else if (kind == MergeUnit::Kind::Annotation) {
            m_redo.updateAnnotations.append({mine->annotation, theirs->annotation});
            m_undo.updateAnnotations.append({theirs->annotation, mine->annotation});
        }
        redoRemove(mine->values);
        redoInsert(theirs->values);
        undoRemove(theirs->values);
        undoInsert(mine->values);
        ++counter(m_report.updated, kind);
    }
}

// Compares one unit of the source with the master's (either may be
// missing) against the base; records what is taken, kept or in conflict.
void Planner::compare(const QString &key, const QString &source, const QHash<QString, QString> &base,
                      QHash<QString, QString> &newBase)
{
    const MergeUnit *theirs = m_theirs.contains(key) ? &m_theirs[key] : nullptr;
    const auto mineIt = M.units.constFind(key);
    const MergeUnit *mine = mineIt != M.units.cend() ? &*mineIt : nullptr;
    const QString p = theirs ? fingerprint(*theirs) : QString();
    if (theirs && !mine && theirs->kind == MergeUnit::Kind::Actor) {
        newBase.insert(key, source); // added by mapActors
        return;
    }
    const QString m = mine ? fingerprint(*mine) : QString();
    const bool inBase = base.contains(key);
    const auto [baseSource, baseMaster] = splitBase(base.value(key));
    if (!theirs && !mine)
        return; // deleted on both sides: nothing left to merge or remember
    const MergeUnit::Kind kind = theirs ? theirs->kind : mine->kind;
    const auto keepBase = [&] {
        if (inBase)
            newBase.insert(key, base.value(key));
    };
    if (inBase && source == baseSource) {
        keepBase(); // the coder did not change it: whatever the master did stands
        ++counter(m_report.unchanged, kind);
        return;
    }
    if (p == m) {
        if (theirs)
            newBase.insert(key, source == m ? source : source + u'/' + m);
        ++counter(m_report.unchanged, kind);
        return;
    }
    // A master side recorded in this project's text, or in the source's
    // before this project changed the text (then moved back to compare).
    const bool masterUnchanged =
        inBase ? (m == baseMaster || (mine && m_translate.contains(mine->documentId) && fingerprintAtBase(*mine) == baseMaster))
               : m.isEmpty();
    if (!masterUnchanged && !m_options.preferSource) {
        const MergeUnit &shown = theirs ? *theirs : *mine;
        conflict(QStringLiteral("changed-in-both"), key, shown.documentId,
                 QStringLiteral("%1 was changed in the source and in this project%2.")
                     .arg(unitLabel(shown), theirs ? QString() : QStringLiteral(" (deleted in the source)")),
                 QStringLiteral("This project's version stands."));
        keepBase();
        return;
    }
    if (theirs) {
        const QString why = whyNot(*theirs);
        if (!why.isEmpty()) {
            const QString detail = why == QLatin1String("text-differs")
                                       ? QStringLiteral("%1 is on an article whose text differs here.")
                                       : why == QLatin1String("article-missing")
                                             ? QStringLiteral("%1 is on an article this project lacks.")
                                             : why == QLatin1String("code-missing")
                                                   ? QStringLiteral("%1 uses a code or field this project lacks.")
                                                   : QStringLiteral("%1 links to an annotation this project lacks.");
            conflict(why, key, theirs->documentId, detail.arg(unitLabel(*theirs)), QStringLiteral("Not merged."));
            keepBase();
            return;
        }
    }
    if (!masterUnchanged)
        conflict(QStringLiteral("changed-in-both"), key, (theirs ? theirs : mine)->documentId,
                 QStringLiteral("%1 was changed in the source and in this project.").arg(unitLabel(theirs ? *theirs : *mine)),
                 QStringLiteral("The source's version was taken (as asked)."));
    take(key, mine, theirs);
    if (theirs)
        newBase.insert(key, source == p ? source : source + u'/' + p);
}

// The source's units `keys` (read into S) become the plan's own, with the
// master's ids; `own` gets each one's fingerprint as the source has it.
QStringList Planner::adoptTheirs(const QStringList &keys, const QHash<QString, QString> &base,
                                 QHash<QString, QString> &own, QHash<QString, QString> &newBase)
{
    QStringList adopted;
    for (const QString &key : keys) {
        auto it = S.units.find(key);
        if (it == S.units.end())
            continue;
        const QString ownFingerprint = fingerprint(*it);
        if (it->kind == MergeUnit::Kind::Actor && m_actorMap.value(it->actor().id) != it->actor().id) {
            // One actor with the master's: nothing of its own to merge; its base stays.
            newBase.insert(key, base.contains(key) ? base.value(key) : ownFingerprint);
            continue;
        }
        // Moved, not copied: the source's units are held once.
        MergeUnit u = mapped(std::move(*it));
        S.units.erase(it);
        QString mappedKey = key;
        if (u.kind == MergeUnit::Kind::Variables)
            mappedKey = variablesUnitKey(u.documentId, u.coderId);
        own.insert(mappedKey, ownFingerprint);
        m_theirs.insert(mappedKey, std::move(u));
        adopted.append(mappedKey);
    }
    return adopted;
}

bool Planner::run(const QHash<QString, QString> &base, const QHash<QString, QString> &masterBase, StudyChange &redo,
                  StudyChange &undo, MergeProgress *progress)
{
    mapCoders();
    mapActors();
    compareCodebook();
    compareTexts(base);
    // The source side of a base entry answers "did the coder change it"
    // without any id mapping or text move, so the base does not move when
    // only the mapping did (an actor made one with another).
    QHash<QString, QString> newBase;
    QStringList actors;
    for (auto it = S.units.cbegin(); it != S.units.cend(); ++it) {
        if (it->kind == MergeUnit::Kind::Text) {
            if (const auto entry = m_textBase.constFind(it.key()); entry != m_textBase.cend())
                newBase.insert(it.key(), *entry);
        } else if (it->kind == MergeUnit::Kind::Actor) {
            actors.append(it.key());
        }
    }
    QHash<QString, QString> own; // mapped key → the source's own fingerprint
    QStringList keys = adoptTheirs(actors, base, own, newBase);
    std::sort(keys.begin(), keys.end());
    for (const QString &key : std::as_const(keys)) {
        if (progress && !progress->step())
            return false;
        compare(key, own.value(key), base, newBase);
    }
    // Then the annotations and variables, a batch of articles at a time, so
    // memory holds one batch of each side (plus the bases and the change).
    QSet<QUuid> articles = M.documents;
    articles.unite(S.documents);
    QList<QUuid> ordered(articles.cbegin(), articles.cend());
    std::sort(ordered.begin(), ordered.end());
    const qsizetype perBatch = std::max<qsizetype>(1, m_options.articlesPerBatch);
    for (qsizetype from = 0; from < ordered.size(); from += perBatch) {
        const QList<QUuid> batch = ordered.mid(from, perBatch);
        const QStringList mine = readArticleUnits(m_master, batch, M, progress);
        const QStringList theirs = readArticleUnits(m_source, batch, S, progress);
        if (progress && !progress->check())
            return false;
        own.clear();
        keys = adoptTheirs(theirs, base, own, newBase);
        for (const QString &key : mine) {
            if (base.contains(key) && !m_theirs.contains(key))
                keys.append(key); // deleted in the source since the base
        }
        std::sort(keys.begin(), keys.end());
        for (const QString &key : std::as_const(keys)) {
            if (progress && !progress->step())
                return false;
            compare(key, own.value(key), base, newBase);
        }
        moveMasterAnnotations(newBase);
        for (const QString &key : mine)
            M.units.remove(key);
        for (const QString &key : theirs)
            S.units.remove(key);
        m_theirs.clear();
        m_takenKeys.clear();
    }
    // Links into annotations the merge removes go with them (and come back on undo).
    if (!m_removedAnnotations.isEmpty()) {
        QList<QUuid> ids;
        for (const Annotation &a : std::as_const(m_removedAnnotations))
            ids.append(a.id);
        const QList<StoredValue> touching = m_master.valuesTouchingAnnotations(ids);
        appendValues(m_redo.removeValues, m_redoRemoved, touching);
        appendValues(m_undo.insertValues, m_undoInserted, touching);
    }
    if (newBase != masterBase) {
        // Only the entries that differ, each way.
        MergeBaseChange forward{m_report.source, {}, {}};
        MergeBaseChange back{m_report.source, {}, {}};
        for (auto it = newBase.cbegin(); it != newBase.cend(); ++it) {
            const auto before = masterBase.constFind(it.key());
            if (before == masterBase.cend()) {
                forward.write.insert(it.key(), it.value());
                back.remove.append(it.key());
            } else if (*before != it.value()) {
                forward.write.insert(it.key(), it.value());
                back.write.insert(it.key(), *before);
            }
        }
        for (auto it = masterBase.cbegin(); it != masterBase.cend(); ++it) {
            if (!newBase.contains(it.key())) {
                forward.remove.append(it.key());
                back.write.insert(it.key(), it.value());
            }
        }
        m_redo.mergeBase = std::move(forward);
        m_undo.mergeBase = std::move(back);
    }
    if (progress && !progress->check())
        return false;
    redo = std::move(m_redo);
    undo = std::move(m_undo);
    return true;
}

} // namespace detail

using detail::Planner;
using detail::countsJson;

QJsonObject mergeReportJson(const MergeReport &report)
{
    QJsonArray conflicts;
    for (const MergeConflict &c : report.conflicts) {
        conflicts.append(QJsonObject{{QStringLiteral("kind"), c.kind},
                                     {QStringLiteral("unit"), c.unit},
                                     {QStringLiteral("document"), c.documentId.isNull() ? QJsonValue()
                                                                                        : QJsonValue(idString(c.documentId))},
                                     {QStringLiteral("detail"), c.detail},
                                     {QStringLiteral("resolution"), c.resolution}});
    }
    return QJsonObject{{QStringLiteral("source"), report.source},
                       {QStringLiteral("file"), report.path},
                       {QStringLiteral("added"), countsJson(report.added)},
                       {QStringLiteral("updated"), countsJson(report.updated)},
                       {QStringLiteral("removed"), countsJson(report.removed)},
                       {QStringLiteral("unchanged"), countsJson(report.unchanged)},
                       {QStringLiteral("conflicts"), conflicts}};
}

MergePlan planMerge(const ProjectReader &master, const ProjectReader &source, const MergeOptions &options,
                    MergeProgress *progress)
{
    MergePlan result;
    if (QFileInfo(source.path()).canonicalFilePath() == QFileInfo(master.path()).canonicalFilePath()) {
        result.plan.error = QStringLiteral("A project cannot be merged into itself.");
        return result;
    }
    MergeUnits mine = readMergeFrame(master);
    MergeUnits theirs = readMergeFrame(source);
    bool sameStudy = theirs.projectId == mine.projectId;
    for (auto it = theirs.codes.cbegin(); !sameStudy && it != theirs.codes.cend(); ++it)
        sameStudy = mine.codes.contains(*it);
    if (!sameStudy) {
        result.plan.error = QStringLiteral("%1 is not of the same study: it shares neither the project id nor any "
                                           "code with this project.")
                                .arg(QFileInfo(source.path()).fileName());
        return result;
    }
    MergeReport &report = result.report;
    report.source = theirs.packageId.isEmpty() ? idString(theirs.projectId) : theirs.packageId;
    report.path = source.path();
    const QHash<QString, QString> masterBase = master.mergeBase(report.source);
    const QHash<QString, QString> base = masterBase.isEmpty() ? source.mergeBase(report.source) : masterBase;
    Planner planner(master, source, mine, theirs, options, report);
    if (!planner.run(base, masterBase, result.plan.redo, result.plan.undo, progress)) {
        result = MergePlan{};
        result.cancelled = true;
        return result;
    }
    result.plan.text = QStringLiteral("Merge %1").arg(QFileInfo(source.path()).fileName());
    return result;
}

MergePlan planMergeFile(const QString &masterPath, const QString &sourcePath, const MergeOptions &options,
                        const MergeProgress::Report &report)
{
    MergePlan result;
    MergeProgress progress(report);
    std::unique_ptr<ProjectReader> master;
    try {
        master = openProjectReader(masterPath);
    } catch (const StoreError &e) {
        result.plan.error = e.message();
        return result;
    }
    try {
        std::unique_ptr<ProjectReader> source;
        try {
            source = openProjectReader(sourcePath);
        } catch (const StoreError &e) {
            result.plan.error = QStringLiteral("%1: %2").arg(QFileInfo(sourcePath).fileName(), e.message());
            return result;
        }
        const qint64 theirs = source->annotationCount();
        progress.addToTotal(master->annotationCount() + 2 * theirs);
        return planMerge(*master, *source, options, &progress);
    } catch (const StoreError &e) {
        result = MergePlan{};
        result.plan.error = QStringLiteral("%1: %2").arg(QFileInfo(sourcePath).fileName(), e.message());
    }
    return result;
}

} // namespace newscoder::study
