#include "storage/ProjectStore.h"

#include "storage/StoreRows_p.h"

#include <QJsonArray>
#include <QJsonDocument>

// The actor and outlet registries, and which outlet an article belongs to.

namespace newscoder {

using namespace storage_detail;

namespace {

QString listJson(const QStringList &list)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(list)).toJson(QJsonDocument::Compact));
}

QStringList listFromJson(const QString &json)
{
    QStringList list;
    for (const QJsonValue &v : QJsonDocument::fromJson(json.toUtf8()).array())
        list.append(v.toString());
    return list;
}

QString pairsJson(const QList<MetadataEntry> &pairs)
{
    QJsonArray array;
    for (const MetadataEntry &p : pairs)
        array.append(QJsonArray{p.first, p.second});
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

QList<MetadataEntry> pairsFromJson(const QString &json)
{
    QList<MetadataEntry> pairs;
    for (const QJsonValue &v : QJsonDocument::fromJson(json.toUtf8()).array())
        pairs.append({v[0].toString(), v[1].toString()});
    return pairs;
}

Actor readActorRow(const QSqlQuery &q)
{
    Actor a;
    a.id = idFromString(q.value(0).toString());
    a.name = q.value(1).toString();
    a.aliases = listFromJson(q.value(2).toString());
    a.role = q.value(3).toString();
    a.affiliation = q.value(4).toString();
    a.country = q.value(5).toString();
    a.memo = q.value(6).toString();
    a.custom = pairsFromJson(q.value(7).toString());
    return a;
}

const QString ActorSelect =
    QStringLiteral("SELECT id, name, aliases, role, affiliation, country, memo, custom FROM actors");

Outlet readOutletRow(const QSqlQuery &q)
{
    Outlet o;
    o.id = idFromString(q.value(0).toString());
    o.name = q.value(1).toString();
    o.domains = listFromJson(q.value(2).toString());
    o.country = q.value(3).toString();
    o.memo = q.value(4).toString();
    return o;
}

const QString OutletSelect = QStringLiteral("SELECT id, name, domains, country, memo FROM outlets");

void bindActor(QSqlQuery &q, const Actor &a)
{
    q.addBindValue(text(a.name));
    q.addBindValue(listJson(a.aliases));
    q.addBindValue(text(a.role));
    q.addBindValue(text(a.affiliation));
    q.addBindValue(text(a.country));
    q.addBindValue(text(a.memo));
    q.addBindValue(pairsJson(a.custom));
    q.addBindValue(idString(a.id));
}

void bindOutlet(QSqlQuery &q, const Outlet &o)
{
    q.addBindValue(text(o.name));
    q.addBindValue(listJson(o.domains));
    q.addBindValue(text(o.country));
    q.addBindValue(text(o.memo));
    q.addBindValue(idString(o.id));
}

QHash<QUuid, int> countsById(QSqlQuery &q, const QString &context)
{
    exec(q, context);
    QHash<QUuid, int> result;
    while (q.next())
        result[idFromString(q.value(0).toString())] += q.value(1).toInt();
    return result;
}

} // namespace

// ------------------------------------------------------------------- actors

QList<Actor> ProjectStore::actors() const
{
    QSqlQuery q = prepare(ActorSelect + QStringLiteral(" ORDER BY name"));
    return readAll(q, QStringLiteral("Cannot read the actors"), readActorRow);
}

std::optional<Actor> ProjectStore::actor(const QUuid &id) const
{
    QSqlQuery q = prepare(ActorSelect + QStringLiteral(" WHERE id = ?"));
    q.addBindValue(idString(id));
    return readOne(q, QStringLiteral("Cannot read an actor"), readActorRow);
}

void ProjectStore::insertActor(const Actor &a)
{
    if (a.id.isNull() || a.name.trimmed().isEmpty())
        throw StoreError(Kind::Invalid, QStringLiteral("An actor needs an id and a name."));
    QSqlQuery &q = prepareWrite(QStringLiteral("INSERT INTO actors (name, aliases, role, affiliation, country, memo,"
                                               " custom, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    bindActor(q, a);
    exec(q, QStringLiteral("Cannot save the actor “%1”").arg(a.name));
}

void ProjectStore::updateActor(const Actor &a)
{
    QSqlQuery &q = prepareWrite(QStringLiteral("UPDATE actors SET name = ?, aliases = ?, role = ?, affiliation = ?,"
                                               " country = ?, memo = ?, custom = ? WHERE id = ?"));
    bindActor(q, a);
    exec(q, QStringLiteral("Cannot save the actor “%1”").arg(a.name));
    if (q.numRowsAffected() != 1)
        throw StoreError(Kind::Invalid, QStringLiteral("The actor “%1” no longer exists.").arg(a.name));
}

void ProjectStore::deleteActor(const QUuid &id)
{
    QSqlQuery &q = prepareWrite(QStringLiteral("DELETE FROM actors WHERE id = ?"));
    q.addBindValue(idString(id));
    exec(q, QStringLiteral("Cannot remove an actor"));
}

QHash<QUuid, int> ProjectStore::valueCountsByActor() const
{
    QSqlQuery q = prepare(QStringLiteral(
        "SELECT actor_id, COUNT(*) FROM annotation_values WHERE actor_id IS NOT NULL GROUP BY actor_id"
        " UNION ALL SELECT actor_id, COUNT(*) FROM document_values WHERE actor_id IS NOT NULL GROUP BY actor_id"
        " UNION ALL SELECT actor_id, COUNT(*) FROM outlet_values WHERE actor_id IS NOT NULL GROUP BY actor_id"));
    return countsById(q, QStringLiteral("Cannot count actor links"));
}

// ------------------------------------------------------------------ outlets

QList<Outlet> ProjectStore::outlets() const
{
    QSqlQuery q = prepare(OutletSelect + QStringLiteral(" ORDER BY name"));
    return readAll(q, QStringLiteral("Cannot read the outlets"), readOutletRow);
}

std::optional<Outlet> ProjectStore::outlet(const QUuid &id) const
{
    QSqlQuery q = prepare(OutletSelect + QStringLiteral(" WHERE id = ?"));
    q.addBindValue(idString(id));
    return readOne(q, QStringLiteral("Cannot read an outlet"), readOutletRow);
}

void ProjectStore::insertOutlet(const Outlet &o)
{
    if (o.id.isNull() || o.name.trimmed().isEmpty())
        throw StoreError(Kind::Invalid, QStringLiteral("An outlet needs an id and a name."));
    QSqlQuery &q = prepareWrite(
        QStringLiteral("INSERT INTO outlets (name, domains, country, memo, id) VALUES (?, ?, ?, ?, ?)"));
    bindOutlet(q, o);
    exec(q, QStringLiteral("Cannot save the outlet “%1”").arg(o.name));
}

void ProjectStore::updateOutlet(const Outlet &o)
{
    QSqlQuery &q = prepareWrite(
        QStringLiteral("UPDATE outlets SET name = ?, domains = ?, country = ?, memo = ? WHERE id = ?"));
    bindOutlet(q, o);
    exec(q, QStringLiteral("Cannot save the outlet “%1”").arg(o.name));
    if (q.numRowsAffected() != 1)
        throw StoreError(Kind::Invalid, QStringLiteral("The outlet “%1” no longer exists.").arg(o.name));
}

void ProjectStore::deleteOutlet(const QUuid &id)
{
    QSqlQuery &q = prepareWrite(QStringLiteral("DELETE FROM outlets WHERE id = ?"));
    q.addBindValue(idString(id));
    exec(q, QStringLiteral("Cannot remove an outlet"));
}

QHash<QUuid, int> ProjectStore::documentCountsByOutlet() const
{
    QSqlQuery q = prepare(QStringLiteral(
        "SELECT outlet_id, COUNT(*) FROM documents WHERE outlet_id IS NOT NULL GROUP BY outlet_id"));
    return countsById(q, QStringLiteral("Cannot count articles per outlet"));
}

QList<QUuid> ProjectStore::documentsOfOutlet(const QUuid &outletId) const
{
    QSqlQuery q = prepare(QStringLiteral("SELECT id FROM documents WHERE outlet_id = ?"));
    q.addBindValue(idString(outletId));
    return readAll(q, QStringLiteral("Cannot read the outlet's articles"),
                   [](const QSqlQuery &row) { return idFromString(row.value(0).toString()); });
}

void ProjectStore::setDocumentOutlet(const QUuid &documentId, const QUuid &outletId)
{
    QSqlQuery &q = prepareWrite(QStringLiteral("UPDATE documents SET outlet_id = ? WHERE id = ?"));
    q.addBindValue(nullableId(outletId));
    q.addBindValue(idString(documentId));
    exec(q, QStringLiteral("Cannot assign the article's outlet"));
    if (q.numRowsAffected() != 1)
        throw StoreError(Kind::Invalid, QStringLiteral("The article no longer exists."));
}

} // namespace newscoder
