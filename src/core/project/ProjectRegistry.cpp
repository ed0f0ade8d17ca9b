// Project: the actor and outlet registries.
#include "project/Project.h"

#include "commands/ValueCommands.h"
#include "storage/ProjectStore.h"
#include "storage/StoreError.h"

#include <QRegularExpression>
#include <QUrl>

namespace newscoder {

namespace {

// Case- and punctuation-insensitive form of a name: lower case words joined by one space.
QString normalizedName(const QString &name)
{
    static const QRegularExpression nonWord(QStringLiteral("[^\\w]+"), QRegularExpression::UseUnicodePropertiesOption);
    QString folded = name.toCaseFolded();
    folded.replace(u'’', u'\'');
    folded.remove(QStringLiteral("'s"));
    return folded.split(nonWord, Qt::SkipEmptyParts).join(u' ');
}

bool containsWords(const QString &haystack, const QString &needle)
{
    if (needle.isEmpty())
        return false;
    const QString h = u' ' + haystack + u' ';
    return h.contains(u' ' + needle + u' ');
}

QString hostOf(const QString &url)
{
    QString host = QUrl(url.trimmed()).host().toLower();
    if (host.startsWith(u"www."))
        host.remove(0, 4);
    return host;
}

} // namespace

void Project::reloadRegistries()
{
    try {
        m_actors = m_store->actors();
        m_outlets = m_store->outlets();
    } catch (const StoreError &e) {
        reportFailure(e.message());
    }
}

std::optional<Actor> Project::actor(const QUuid &id) const
{
    for (const Actor &a : m_actors) {
        if (a.id == id)
            return a;
    }
    return std::nullopt;
}

std::optional<Actor> Project::resolveActor(const QString &mention) const
{
    const QString wanted = normalizedName(mention);
    if (wanted.isEmpty())
        return std::nullopt;
    const Actor *best = nullptr;
    qsizetype bestLength = 0;
    for (const Actor &a : m_actors) {
        for (const QString &name : QStringList{a.name} + a.aliases) {
            const QString n = normalizedName(name);
            if (n == wanted)
                return a;
            if (n.size() > bestLength && containsWords(wanted, n)) {
                best = &a;
                bestLength = n.size();
            }
        }
    }
    if (best)
        return *best;
    return std::nullopt;
}

std::optional<Outlet> Project::outlet(const QUuid &id) const
{
    for (const Outlet &o : m_outlets) {
        if (o.id == id)
            return o;
    }
    return std::nullopt;
}

std::optional<Outlet> Project::outletByName(const QString &name) const
{
    for (const Outlet &o : m_outlets) {
        if (o.name.compare(name.trimmed(), Qt::CaseInsensitive) == 0)
            return o;
    }
    return std::nullopt;
}

std::optional<Outlet> Project::outletForUrl(const QString &url) const
{
    const QString host = hostOf(url);
    if (host.isEmpty())
        return std::nullopt;
    for (const Outlet &o : m_outlets) {
        if (o.matchesHost(host))
            return o;
    }
    return std::nullopt;
}

QUuid Project::outletOnImport(const Document &document, QList<Outlet> &created) const
{
    const QString host = hostOf(document.url);
    const QString name = document.outlet.trimmed();
    QList<Outlet> known = m_outlets + created;
    for (const Outlet &o : known) {
        if (!host.isEmpty() && o.matchesHost(host))
            return o.id;
    }
    for (const Outlet &o : known) {
        if (!name.isEmpty() && o.name.compare(name, Qt::CaseInsensitive) == 0)
            return o.id;
    }
    if (name.isEmpty() && host.isEmpty())
        return {};
    Outlet o;
    o.id = QUuid::createUuid();
    o.name = name.isEmpty() ? host : name;
    if (!host.isEmpty())
        o.domains = {host};
    created.append(o);
    return o.id;
}

bool Project::pushRegistryChange(const QString &text, RegistryChange redo, RegistryChange undo)
{
    if (isReadOnly()) {
        reportFailure(QStringLiteral("The project is open read-only."));
        return false;
    }
    return push(new RegistryChangeCommand(*this, text, std::move(redo), std::move(undo)));
}

std::optional<QUuid> Project::addActor(Actor actor)
{
    actor.name = actor.name.trimmed();
    if (actor.name.isEmpty()) {
        reportFailure(QStringLiteral("An actor needs a name."));
        return std::nullopt;
    }
    if (actor.id.isNull())
        actor.id = QUuid::createUuid();
    RegistryChange redo, undo;
    redo.insertActors = {actor};
    undo.removeActors = {actor.id};
    if (!pushRegistryChange(QStringLiteral("Add actor “%1”").arg(actor.name), redo, undo))
        return std::nullopt;
    return actor.id;
}

bool Project::updateActor(const Actor &updated)
{
    const auto before = actor(updated.id);
    if (!before) {
        reportFailure(QStringLiteral("The actor no longer exists."));
        return false;
    }
    if (updated.name.trimmed().isEmpty()) {
        reportFailure(QStringLiteral("An actor needs a name."));
        return false;
    }
    if (*before == updated)
        return true;
    RegistryChange redo, undo;
    redo.updateActors = {updated};
    undo.updateActors = {*before};
    return pushRegistryChange(QStringLiteral("Edit actor “%1”").arg(updated.name), redo, undo);
}

bool Project::removeActor(const QUuid &actorId)
{
    const auto doomed = actor(actorId);
    if (!doomed)
        return true;
    RegistryChange redo, undo;
    try {
        undo.insertValues = m_store->valuesTouchingActors({actorId});
    } catch (const StoreError &e) {
        reportFailure(e.message());
        return false;
    }
    redo.removeValues = undo.insertValues;
    redo.removeActors = {actorId};
    undo.insertActors = {*doomed};
    return pushRegistryChange(QStringLiteral("Delete actor “%1”").arg(doomed->name), redo, undo);
}

bool Project::mergeActors(const QUuid &keptId, const QUuid &absorbedId)
{
    const auto kept = actor(keptId);
    const auto absorbed = actor(absorbedId);
    if (!kept || !absorbed || keptId == absorbedId) {
        reportFailure(QStringLiteral("Choose two different actors to merge."));
        return false;
    }
    Actor merged = *kept;
    for (const QString &name : QStringList{absorbed->name} + absorbed->aliases) {
        if (name.compare(merged.name, Qt::CaseInsensitive) != 0 && !merged.aliases.contains(name, Qt::CaseInsensitive))
            merged.aliases.append(name);
    }
    for (const QString *from : {&absorbed->role, &absorbed->affiliation, &absorbed->country}) {
        QString *to = from == &absorbed->role ? &merged.role
                      : from == &absorbed->affiliation ? &merged.affiliation
                                                       : &merged.country;
        if (to->isEmpty())
            *to = *from;
    }
    if (!absorbed->memo.isEmpty())
        merged.memo = merged.memo.isEmpty() ? absorbed->memo : merged.memo + u"\n\n" + absorbed->memo;
    for (const MetadataEntry &entry : absorbed->custom) {
        const bool known = std::any_of(merged.custom.cbegin(), merged.custom.cend(),
                                       [&](const MetadataEntry &e) { return e.first == entry.first; });
        if (!known)
            merged.custom.append(entry);
    }
    QList<StoredValue> old, keptLinks;
    try {
        old = m_store->valuesTouchingActors({absorbedId});
        keptLinks = m_store->valuesTouchingActors({keptId});
    } catch (const StoreError &e) {
        reportFailure(e.message());
        return false;
    }
    QList<StoredValue> moved;
    for (StoredValue v : old) {
        // An owner that already links to the kept actor through this field keeps one link.
        const bool duplicate = std::any_of(keptLinks.cbegin(), keptLinks.cend(), [&](const StoredValue &k) {
            return k.owner == v.owner && k.ownerId == v.ownerId && k.coderId == v.coderId
                   && k.value.fieldId == v.value.fieldId;
        });
        if (duplicate)
            continue;
        v.value.actorId = keptId;
        moved.append(v);
    }
    RegistryChange redo, undo;
    redo.updateActors = {merged};
    redo.removeValues = old;
    redo.insertValues = moved;
    redo.removeActors = {absorbedId};
    undo.insertActors = {*absorbed};
    undo.updateActors = {*kept};
    undo.removeValues = moved;
    undo.insertValues = old;
    return pushRegistryChange(QStringLiteral("Merge actor “%1” into “%2”").arg(absorbed->name, kept->name), redo,
                              undo);
}

std::optional<QUuid> Project::addOutlet(Outlet outlet)
{
    outlet.name = outlet.name.trimmed();
    if (outlet.name.isEmpty()) {
        reportFailure(QStringLiteral("An outlet needs a name."));
        return std::nullopt;
    }
    if (outletByName(outlet.name)) {
        reportFailure(QStringLiteral("There is already an outlet called “%1”.").arg(outlet.name));
        return std::nullopt;
    }
    if (outlet.id.isNull())
        outlet.id = QUuid::createUuid();
    RegistryChange redo, undo;
    redo.insertOutlets = {outlet};
    undo.removeOutlets = {outlet.id};
    if (!pushRegistryChange(QStringLiteral("Add outlet “%1”").arg(outlet.name), redo, undo))
        return std::nullopt;
    return outlet.id;
}

bool Project::updateOutlet(const Outlet &updated)
{
    const auto before = outlet(updated.id);
    if (!before) {
        reportFailure(QStringLiteral("The outlet no longer exists."));
        return false;
    }
    if (updated.name.trimmed().isEmpty()) {
        reportFailure(QStringLiteral("An outlet needs a name."));
        return false;
    }
    if (const auto other = outletByName(updated.name); other && other->id != updated.id) {
        reportFailure(QStringLiteral("There is already an outlet called “%1”.").arg(updated.name));
        return false;
    }
    if (*before == updated)
        return true;
    RegistryChange redo, undo;
    redo.updateOutlets = {updated};
    undo.updateOutlets = {*before};
    return pushRegistryChange(QStringLiteral("Edit outlet “%1”").arg(updated.name), redo, undo);
}

bool Project::removeOutlet(const QUuid &outletId)
{
    const auto doomed = outlet(outletId);
    if (!doomed)
        return true;
    RegistryChange redo, undo;
    try {
        undo.insertValues = m_store->valuesOfOutlets({outletId});
        for (const QUuid &documentId : m_store->documentsOfOutlet(outletId))
            undo.documentOutlets.append({documentId, outletId});
    } catch (const StoreError &e) {
        reportFailure(e.message());
        return false;
    }
    redo.removeValues = undo.insertValues;
    for (const auto &[documentId, id] : undo.documentOutlets)
        redo.documentOutlets.append({documentId, QUuid()});
    redo.removeOutlets = {outletId};
    undo.insertOutlets = {*doomed};
    return pushRegistryChange(QStringLiteral("Delete outlet “%1”").arg(doomed->name), redo, undo);
}

bool Project::assignOutlet(const QList<QUuid> &documentIds, const QUuid &outletId)
{
    if (!outletId.isNull() && !outlet(outletId)) {
        reportFailure(QStringLiteral("That outlet does not exist."));
        return false;
    }
    RegistryChange redo, undo;
    try {
        for (const QUuid &id : documentIds) {
            const auto summary = m_store->documentSummary(id);
            if (!summary) {
                reportFailure(QStringLiteral("That document does not exist."));
                return false;
            }
            if (summary->outletId == outletId)
                continue;
            redo.documentOutlets.append({id, outletId});
            undo.documentOutlets.append({id, summary->outletId});
        }
    } catch (const StoreError &e) {
        reportFailure(e.message());
        return false;
    }
    if (redo.documentOutlets.isEmpty())
        return true;
    const auto o = outlet(outletId);
    return pushRegistryChange(o ? QStringLiteral("Assign outlet “%1”").arg(o->name) : QStringLiteral("Clear outlet"),
                              redo, undo);
}

bool Project::applyRegistryChange(const RegistryChange &change)
{
    if (!writeAtomically([&] {
            for (const Actor &a : change.insertActors)
                m_store->insertActor(a);
            for (const Outlet &o : change.insertOutlets)
                m_store->insertOutlet(o);
            for (const Actor &a : change.updateActors)
                m_store->updateActor(a);
            for (const Outlet &o : change.updateOutlets)
                m_store->updateOutlet(o);
            for (const auto &[documentId, outletId] : change.documentOutlets)
                m_store->setDocumentOutlet(documentId, outletId);
            m_store->deleteStoredValues(change.removeValues);
            m_store->insertStoredValues(change.insertValues);
            for (const QUuid &id : change.removeActors)
                m_store->deleteActor(id);
            for (const QUuid &id : change.removeOutlets)
                m_store->deleteOutlet(id);
        }))
        return false;
    reloadRegistries();
    if (!change.insertActors.isEmpty() || !change.updateActors.isEmpty() || !change.removeActors.isEmpty())
        Q_EMIT actorsChanged();
    if (!change.insertOutlets.isEmpty() || !change.updateOutlets.isEmpty() || !change.removeOutlets.isEmpty())
        Q_EMIT outletsChanged();
    for (const auto &[documentId, outletId] : change.documentOutlets)
        Q_EMIT documentChanged(documentId);
    emitValuesChanged(change.removeValues + change.insertValues);
    return true;
}

} // namespace newscoder
