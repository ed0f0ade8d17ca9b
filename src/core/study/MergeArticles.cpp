// The merge planner, article by article: texts compared three-way (taken,
// kept with the source's annotations moved onto it, or a conflict),
// articles the master lacks added with their outlet, and the master's
// annotations moved when the source's text is taken.
#include "study/MergePlanner_p.h"

#include "storage/StoreError.h"

#include <algorithm>

namespace newscoder::study::detail {

void Planner::compareTexts(const QHash<QString, QString> &base)
{
    QList<QString> keys;
    for (auto it = S.units.cbegin(); it != S.units.cend(); ++it) {
        if (it->kind == MergeUnit::Kind::Text)
            keys.append(it.key());
    }
    std::sort(keys.begin(), keys.end());
    for (const QString &key : keys) {
        const MergeUnit &theirs = S.units[key];
        const QUuid id = theirs.documentId;
        const QString p = theirs.textFingerprint;
        const bool inBase = base.contains(key);
        const auto mine = M.units.constFind(key);
        if (mine == M.units.cend()) {
            if (!inBase) {
                addDocument(id); // new in the source
                m_textBase.insert(key, p);
                continue;
            }
            m_textDiffers.insert(id);
            conflict(QStringLiteral("article-missing"), key, id,
                     QStringLiteral("The article %1 of the source was removed from this project since it was last "
                                    "merged or packaged.")
                         .arg(idString(id)),
                     QStringLiteral("Not added again; its changed annotations are listed."));
            m_textBase.insert(key, base.value(key));
            continue;
        }
        const QString m = mine->textFingerprint;
        if (m == p) {
            m_textBase.insert(key, p);
            continue;
        }
        const auto [baseSource, baseMaster] = splitBase(base.value(key));
        const QString masterText = m_master.documentText(id);
        const QString sourceText = m_source.documentText(id);
        if (inBase && p == baseSource) {
            // Only this project changed the text: it stands, the source's annotations move onto it.
            m_translate.insert(id, std::make_shared<TextMove>(
                                       TextMove{TextTranslation(sourceText, masterText), TextTranslation(masterText, sourceText)}));
            m_textBase.insert(key, base.value(key));
            continue;
        }
        const bool masterChanged = !inBase || m != baseMaster;
        if ((masterChanged && !m_options.preferSource) || sourceText.isEmpty()) {
            m_textDiffers.insert(id);
            conflict(QStringLiteral("text-differs"), key, id,
                     sourceText.isEmpty()
                         ? QStringLiteral("The text of article %1 was emptied in the source.").arg(idString(id))
                         : QStringLiteral("The text of article %1 was edited in the source and in this project.")
                               .arg(idString(id)),
                     QStringLiteral("This project's text stands; the source's changed annotations on it are listed."));
            if (inBase)
                m_textBase.insert(key, base.value(key));
            continue;
        }
        // The source's text is taken; this project's annotations on it move with it.
        m_textTaken.insert(id, std::make_shared<TextTranslation>(masterText, sourceText));
        m_redo.documentTexts.append({id, sourceText});
        m_undo.documentTexts.append({id, masterText});
        ++m_report.updated.documents;
        if (masterChanged)
            conflict(QStringLiteral("text-differs"), key, id,
                     QStringLiteral("The text of article %1 was edited in the source and in this project.").arg(idString(id)),
                     QStringLiteral("The source's text was taken (as asked); this project's annotations moved with it."));
        m_textBase.insert(key, p);
    }
}

QString Planner::fingerprintAtBase(const MergeUnit &mine) const
{
    const auto move = m_translate.constFind(mine.documentId);
    if (mine.kind != MergeUnit::Kind::Annotation || move == m_translate.cend())
        return fingerprint(mine);
    MergeUnit back = mine;
    if (const std::optional<Annotation> a = (*move)->back.apply(mine.annotation))
        back.annotation = *a;
    return fingerprint(back);
}

void Planner::moveMasterAnnotations(QHash<QString, QString> &newBase)
{
    QStringList keys;
    for (auto it = M.units.cbegin(); it != M.units.cend(); ++it) {
        if (it->kind == MergeUnit::Kind::Annotation && m_textTaken.contains(it->documentId)
            && !m_takenKeys.contains(it.key()))
            keys.append(it.key());
    }
    std::sort(keys.begin(), keys.end());
    for (const QString &key : keys) {
        const MergeUnit &mine = M.units[key];
        const std::optional<Annotation> moved = m_textTaken.value(mine.documentId)->apply(mine.annotation);
        if (!moved) // only for an empty text, which is never taken
            continue;
        const Annotation &a = mine.annotation;
        if (moved->start == a.start && moved->end == a.end && moved->status == a.status
            && moved->reviewReason == a.reviewReason)
            continue;
        m_redo.updateAnnotations.append({a, *moved});
        m_undo.updateAnnotations.append({*moved, a});
        if (const auto entry = newBase.find(key); entry != newBase.end()) {
            // The merge moved it, not a person: the base follows.
            MergeUnit after = mine;
            after.annotation = *moved;
            *entry = joinBase(splitBase(*entry).first, fingerprint(after));
        }
    }
}

namespace {

// One outlet registered twice: the kept one (the earlier id) with what only
// the other knew (its domains, an empty country or memo filled in).
Outlet combinedOutlet(Outlet kept, const Outlet &other)
{
    for (const QString &domain : other.domains) {
        if (!kept.domains.contains(domain))
            kept.domains.append(domain);
    }
    if (kept.country.isEmpty())
        kept.country = other.country;
    if (kept.memo.isEmpty())
        kept.memo = other.memo;
    return kept;
}

} // namespace

// The source's outlet in the master: the same id, else the master's outlet of
// that name, else added. Of two outlets of one name the earlier id stays,
// whichever project it came from, so merging in any order gives one master.
QUuid Planner::mappedOutlet(const Outlet &theirs)
{
    if (const auto it = m_outletMap.constFind(theirs.id); it != m_outletMap.cend())
        return *it;
    if (!m_masterOutlets)
        m_masterOutlets = m_master.outlets();
    qsizetype same = -1;
    for (qsizetype i = 0; i < m_masterOutlets->size(); ++i) {
        const Outlet &o = m_masterOutlets->at(i);
        if (o.id == theirs.id) {
            same = i;
            break;
        }
        if (same < 0 && normalName(o.name) == normalName(theirs.name))
            same = i; // the same outlet, registered in two places
    }
    if (same < 0) {
        m_redo.insertOutlets.append(theirs);
        m_undo.removeOutlets.append(theirs.id);
        m_masterOutlets->append(theirs);
        m_outletMap.insert(theirs.id, theirs.id);
        return theirs.id;
    }
    const Outlet mine = m_masterOutlets->at(same);
    if (mine.id == theirs.id) {
        m_outletMap.insert(theirs.id, mine.id);
        return mine.id;
    }
    const QString why = QStringLiteral("The outlet %1 was registered in the source and in this project under different ids.")
                            .arg(theirs.name);
    if (mine.id < theirs.id) {
        const Outlet kept = combinedOutlet(mine, theirs);
        if (kept != mine) {
            m_redo.updateOutlets.append(kept);
            m_undo.updateOutlets.append(mine);
            (*m_masterOutlets)[same] = kept;
        }
        conflict(QStringLiteral("outlet-duplicate"), QStringLiteral("outlet:") + idString(theirs.id), {}, why,
                 QStringLiteral("One outlet: this project's %1 (the earlier id); the source's articles are of it.")
                     .arg(mine.name));
        m_outletMap.insert(theirs.id, mine.id);
        return mine.id;
    }
    // The source's id is the earlier one: it stands, the master's copy goes,
    // its articles and outlet variables (the lead's) move to it.
    const Outlet kept = combinedOutlet(theirs, mine);
    m_redo.insertOutlets.append(kept);
    m_undo.removeOutlets.append(kept.id);
    for (const QUuid &document : m_master.documentsOfOutlet(mine.id)) {
        m_redo.documentOutlets.append({document, kept.id});
        m_undo.documentOutlets.append({document, mine.id});
    }
    for (const StoredValue &v : m_master.valuesOfOutlets({mine.id})) {
        StoredValue moved = v;
        moved.ownerId = kept.id;
        appendValues(m_redo.removeValues, m_redoRemoved, {v});
        appendValues(m_redo.insertValues, m_redoInserted, {moved});
        appendValues(m_undo.removeValues, m_undoRemoved, {moved});
        appendValues(m_undo.insertValues, m_undoInserted, {v});
    }
    m_redo.removeOutlets.append(mine.id);
    m_undo.insertOutlets.append(mine);
    // Articles this merge already gave the master's copy follow.
    for (Document &d : m_redo.insertDocuments) {
        if (d.outletId == mine.id)
            d.outletId = kept.id;
    }
    for (auto it = m_outletMap.begin(); it != m_outletMap.end(); ++it) {
        if (*it == mine.id)
            *it = kept.id;
    }
    (*m_masterOutlets)[same] = kept;
    conflict(QStringLiteral("outlet-duplicate"), QStringLiteral("outlet:") + idString(mine.id), {}, why,
             QStringLiteral("One outlet: the source's %1 (the earlier id) replaces this project's; its articles "
                            "and ratings move to it.")
                 .arg(theirs.name));
    m_outletMap.insert(theirs.id, kept.id);
    return kept.id;
}

void Planner::addDocument(const QUuid &id)
{
    std::optional<Document> document = m_source.document(id);
    if (!document)
        return; // gone while reading: nothing to add
    if (!document->outletId.isNull()) {
        const std::optional<Outlet> outlet = m_source.outlet(document->outletId);
        document->outletId = outlet ? mappedOutlet(*outlet) : QUuid();
    }
    m_addedDocuments.insert(id);
    m_redo.insertDocuments.append(*document);
    m_undo.removeDocuments.append(id);
    ++m_report.added.documents;
}

} // namespace newscoder::study::detail
