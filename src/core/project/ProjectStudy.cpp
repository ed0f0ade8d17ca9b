// Project: applying study change sets (coders, assignments, reliability
// samples, adjudication) and the study settings.
#include "project/Project.h"

#include "commands/StudyCommands.h"
#include "storage/MergeRows.h"
#include "storage/ProjectStore.h"
#include "storage/StoreError.h"
#include "study/StudyChange.h"

namespace newscoder {

namespace {
const QString BlindCodingSetting = QStringLiteral("blind_coding");
}

bool Project::commitStudyChange(const QString &text, StudyChange redo, StudyChange undo)
{
    if (isReadOnly()) {
        reportFailure(QStringLiteral("The project is open read-only."));
        return false;
    }
    if (redo.isEmpty())
        return true;
    return push(new StudyChangeCommand(*this, text, std::move(redo), std::move(undo)));
}

bool Project::isBlindCoding() const
{
    if (!m_blindCoding) {
        try {
            m_blindCoding = m_store->setting(BlindCodingSetting) == QLatin1String("on");
        } catch (const StoreError &) {
            return false; // unreadable settings: nothing hidden (reads report their own errors)
        }
    }
    return *m_blindCoding;
}

bool Project::setBlindCoding(bool on)
{
    if (isBlindCoding() == on)
        return true;
    QString before;
    try {
        before = m_store->setting(BlindCodingSetting);
    } catch (const StoreError &e) {
        reportFailure(e.message());
        return false;
    }
    StudyChange redo;
    redo.settings.append({BlindCodingSetting, on ? QStringLiteral("on") : QStringLiteral("off")});
    StudyChange undo;
    undo.settings.append({BlindCodingSetting, before}); // "" removes the setting again
    return commitStudyChange(on ? QStringLiteral("Turn blind coding on") : QStringLiteral("Turn blind coding off"),
                             std::move(redo), std::move(undo));
}

bool Project::applyStudyChange(const StudyChange &change)
{
    if (!writeAtomically([&] {
            for (const Coder &c : change.insertCoders)
                m_store->insertCoder(c);
            for (const Coder &c : change.updateCoders)
                m_store->updateCoder(c);
            for (const ReliabilitySample &s : change.insertSamples)
                m_store->insertReliabilitySample(s);
            for (const Assignment &a : change.writeAssignments)
                m_store->writeAssignment(a);
            for (const auto &[documentId, coderId] : change.removeAssignments)
                m_store->deleteAssignment(documentId, coderId);
            for (const Outlet &o : change.insertOutlets)
                m_store->insertOutlet(o);
            for (const Outlet &o : change.updateOutlets)
                m_store->updateOutlet(o);
            for (const Document &d : change.insertDocuments)
                m_store->insertDocument(d);
            for (const auto &[documentId, outletId] : change.documentOutlets)
                m_store->setDocumentOutlet(documentId, outletId);
            for (const auto &[documentId, text] : change.documentTexts)
                m_store->updateDocumentText(documentId, text);
            for (const Actor &r : change.insertActors)
                m_store->insertActor(r);
            for (const Actor &r : change.updateActors)
                m_store->updateActor(r);
            for (const Annotation &a : change.insertAnnotations)
                m_store->insertAnnotation(a);
            for (const auto &[before, after] : change.updateAnnotations)
                m_store->updateAnnotation(after);
            m_store->deleteStoredValues(change.removeValues);
            m_store->insertStoredValues(change.insertValues);
            for (const Annotation &a : change.removeAnnotations)
                m_store->deleteAnnotation(a.id); // values owned by or pointing at it cascade
            for (const QUuid &id : change.removeDocuments)
                m_store->deleteDocument(id);
            for (const QUuid &id : change.removeOutlets)
                m_store->deleteOutlet(id);
            for (const QUuid &id : change.removeActors)
                m_store->deleteActor(id);
            for (const Decision &d : change.insertDecisions)
                m_store->insertDecision(d);
            for (const QUuid &id : change.removeDecisions)
                m_store->deleteDecision(id);
            for (const QUuid &id : change.removeSamples)
                m_store->deleteReliabilitySample(id);
            for (const QUuid &id : change.removeCoders)
                m_store->deleteCoder(id);
            for (const auto &[name, value] : change.settings)
                m_store->writeSetting(name, value);
            if (change.mergeBase)
                MergeRows::changeMergeBase(*m_store, change.mergeBase->sourceId, change.mergeBase->write,
                                           change.mergeBase->remove);
        }))
        return false;
    if (!change.settings.isEmpty())
        m_blindCoding.reset();
    if (!change.insertCoders.isEmpty() || !change.updateCoders.isEmpty() || !change.removeCoders.isEmpty())
        reloadCoders();
    const bool outlets =
        !change.insertOutlets.isEmpty() || !change.updateOutlets.isEmpty() || !change.removeOutlets.isEmpty();
    const bool actors = !change.insertActors.isEmpty() || !change.updateActors.isEmpty() || !change.removeActors.isEmpty();
    if (outlets || actors)
        reloadRegistries();
    if (actors)
        Q_EMIT actorsChanged();
    if (outlets)
        Q_EMIT outletsChanged();
    if (!change.insertDocuments.isEmpty()) {
        QList<QUuid> ids;
        for (const Document &d : change.insertDocuments)
            ids.append(d.id);
        Q_EMIT documentsInserted(ids);
    }
    for (const auto &[documentId, outletId] : change.documentOutlets)
        Q_EMIT documentChanged(documentId);
    for (const auto &[documentId, text] : change.documentTexts) {
        Q_EMIT documentTextChanged(documentId);
        Q_EMIT documentChanged(documentId);
    }
    if (!change.removeAnnotations.isEmpty())
        Q_EMIT annotationsRemoved(change.removeAnnotations);
    if (!change.insertAnnotations.isEmpty())
        Q_EMIT annotationsInserted(change.insertAnnotations);
    for (const auto &[before, after] : change.updateAnnotations)
        Q_EMIT annotationChanged(before, after);
    emitValuesChanged(change.removeValues + change.insertValues);
    if (!change.removeDocuments.isEmpty())
        Q_EMIT documentsRemoved(change.removeDocuments);
    Q_EMIT studyChanged();
    return true;
}

} // namespace newscoder
