#include "study/Assignments.h"

#include "storage/ProjectReader.h"

#include <QColor>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cmath>
#include <map>
#include <random>

namespace newscoder::study {

namespace {

// A uniform integer in [0, bound) from the 64-bit engine, by rejection: the
// standard's distributions may differ between libraries, the engine may not.
quint64 uniformBelow(std::mt19937_64 &engine, quint64 bound)
{
    const quint64 limit = std::numeric_limits<quint64>::max() - std::numeric_limits<quint64>::max() % bound;
    quint64 x = engine();
    while (x >= limit)
        x = engine();
    return x % bound;
}

template <typename T>
void shuffle(QList<T> &list, std::mt19937_64 &engine)
{
    for (qsizetype i = list.size() - 1; i > 0; --i)
        list.swapItemsAt(i, qsizetype(uniformBelow(engine, quint64(i) + 1)));
}

// The coder `name`, planned into `plan` when new (undo removes it again).
QUuid coderFor(const ProjectReader &store, const QString &name, StudyPlan &plan)
{
    if (const auto existing = store.coderByName(name))
        return existing->id;
    for (const Coder &c : std::as_const(plan.redo.insertCoders)) {
        if (c.name == name)
            return c.id;
    }
    Coder coder{QUuid::createUuid(), name, {}, CoderRole::Coder};
    plan.redo.insertCoders.append(coder);
    plan.undo.removeCoders.append(coder.id);
    return coder.id;
}

QHash<QPair<QUuid, QUuid>, Assignment> assignmentsByKey(const ProjectReader &store)
{
    QHash<QPair<QUuid, QUuid>, Assignment> result;
    for (const Assignment &a : store.assignments())
        result.insert({a.documentId, a.coderId}, a);
    return result;
}

// Plans writing `a`, with undo restoring what was there.
void planWrite(const QHash<QPair<QUuid, QUuid>, Assignment> &existing, const Assignment &a, StudyPlan &plan)
{
    const auto it = existing.constFind({a.documentId, a.coderId});
    plan.redo.writeAssignments.append(a);
    if (it == existing.cend())
        plan.undo.removeAssignments.append({a.documentId, a.coderId});
    else
        plan.undo.writeAssignments.append(*it);
}

} // namespace

std::optional<Coder> consensusCoder(const ProjectReader &store)
{
    for (const Coder &c : store.coders()) {
        if (c.role == CoderRole::Consensus)
            return c;
    }
    return std::nullopt;
}

StudyPlan planCoder(const ProjectReader &store, const QString &name, std::optional<CoderRole> role,
                    std::optional<QString> colour)
{
    StudyPlan plan;
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty()) {
        plan.error = QStringLiteral("A coder needs a name.");
        return plan;
    }
    if (colour && !colour->isEmpty() && !QColor::isValidColorName(*colour)) {
        plan.error = QStringLiteral("“%1” is not a colour (use #rrggbb).").arg(*colour);
        return plan;
    }
    if (role == CoderRole::Consensus) {
        if (const auto consensus = consensusCoder(store); consensus && consensus->name != trimmed) {
            plan.error = QStringLiteral("“%1” is already the consensus coder.").arg(consensus->name);
            return plan;
        }
    }
    const auto existing = store.coderByName(trimmed);
    Coder after = existing.value_or(Coder{QUuid::createUuid(), trimmed, {}, CoderRole::Coder});
    if (role)
        after.role = *role;
    if (colour)
        after.colour = colour->isEmpty() ? QString() : QColor::fromString(*colour).name();
    if (existing) {
        if (after == *existing)
            return plan; // nothing to change
        plan.text = QStringLiteral("Change coder %1").arg(trimmed);
        plan.redo.updateCoders.append(after);
        plan.undo.updateCoders.append(*existing);
    } else {
        plan.text = QStringLiteral("Add coder %1").arg(trimmed);
        plan.redo.insertCoders.append(after);
        plan.undo.removeCoders.append(after.id);
    }
    return plan;
}

StudyPlan planAssignment(const ProjectReader &store, const QString &coderName, const QList<QUuid> &documents,
                         const QDateTime &now)
{
    StudyPlan plan;
    const QString name = coderName.trimmed();
    if (name.isEmpty()) {
        plan.error = QStringLiteral("Name the coder to assign articles to.");
        return plan;
    }
    const QUuid coderId = coderFor(store, name, plan);
    const auto existing = assignmentsByKey(store);
    QSet<QUuid> seen;
    for (const QUuid &documentId : documents) {
        if (seen.contains(documentId) || existing.contains({documentId, coderId}))
            continue;
        seen.insert(documentId);
        planWrite(existing, Assignment{documentId, coderId, {}, now, {}}, plan);
    }
    plan.text = QStringLiteral("Assign %1 article(s) to %2").arg(seen.size()).arg(name);
    if (plan.redo.writeAssignments.isEmpty())
        plan.redo = plan.undo = {}; // a new coder alone is not worth a step
    return plan;
}

StudyPlan planMarkDone(const ProjectReader &store, const QString &coderName, const QList<QUuid> &documents, bool done,
                       const QDateTime &now)
{
    StudyPlan plan;
    const auto coder = store.coderByName(coderName.trimmed());
    if (!coder) {
        plan.error = QStringLiteral("There is no coder “%1”.").arg(coderName);
        return plan;
    }
    const auto existing = assignmentsByKey(store);
    for (const QUuid &documentId : documents) {
        const auto it = existing.constFind({documentId, coder->id});
        if (it == existing.cend()) {
            plan.error = QStringLiteral("An article is not assigned to %1.").arg(coder->name);
            return plan;
        }
        if (it->done.isValid() == done)
            continue;
        Assignment after = *it;
        after.done = done ? now : QDateTime();
        planWrite(existing, after, plan);
    }
    plan.text = done ? QStringLiteral("Mark articles done") : QStringLiteral("Mark articles not done");
    return plan;
}

SampleDraw drawSample(const QList<QPair<QUuid, QUuid>> &documents, const SampleRequest &request)
{
    SampleDraw draw;
    const qsizetype total = documents.size();
    qsizetype size = request.size > 0 ? request.size
                                      : qsizetype(std::llround(double(total) * std::clamp(request.percent, 0.0, 100.0)
                                                               / 100.0));
    if (request.size <= 0 && request.percent > 0 && size == 0 && total > 0)
        size = 1; // a positive share of a non-empty corpus is at least one article
    size = std::min(size, total);
    std::mt19937_64 engine(request.seed);

    QList<QUuid> rest;
    if (!request.stratifyByOutlet) {
        QList<QUuid> ids;
        for (const auto &d : documents)
            ids.append(d.first);
        shuffle(ids, engine);
        draw.shared = ids.mid(0, size);
        rest = ids.mid(size);
    } else {
        // Strata in order of first appearance; quotas by largest remainder.
        std::map<int, QList<QUuid>> strata;
        QHash<QUuid, int> stratumOf;
        for (const auto &[id, outlet] : documents) {
            if (!stratumOf.contains(outlet))
                stratumOf.insert(outlet, int(stratumOf.size()));
            strata[stratumOf.value(outlet)].append(id);
        }
        std::map<int, qsizetype> quota;
        QList<QPair<double, int>> remainders;
        qsizetype given = 0;
        for (const auto &[key, ids] : strata) {
            const double exact = total ? double(size) * double(ids.size()) / double(total) : 0.0;
            quota[key] = qsizetype(std::floor(exact));
            given += quota[key];
            remainders.append({exact - std::floor(exact), key});
        }
        std::stable_sort(remainders.begin(), remainders.end(),
                         [](const auto &a, const auto &b) { return a.first > b.first; });
        for (qsizetype i = 0; given < size && i < remainders.size(); ++i, ++given)
            ++quota[remainders[i].second];
        for (auto &[key, ids] : strata) {
            shuffle(ids, engine);
            draw.shared += ids.mid(0, quota[key]);
            rest += ids.mid(quota[key]);
        }
        shuffle(rest, engine);
    }
    if (request.splitRest && !request.coders.isEmpty()) {
        for (qsizetype i = 0; i < rest.size(); ++i)
            draw.rest[request.coders[i % request.coders.size()]].append(rest[i]);
    }
    return draw;
}

StudyPlan planReliabilitySample(const ProjectReader &store, const SampleRequest &request, const QDateTime &now)
{
    StudyPlan plan;
    QStringList coders;
    for (const QString &c : request.coders) {
        if (!c.trimmed().isEmpty() && !coders.contains(c.trimmed()))
            coders.append(c.trimmed());
    }
    if (coders.size() < 2) {
        plan.error = QStringLiteral("A reliability sample needs at least two coders.");
        return plan;
    }
    if (request.size < 0 || request.percent < 0 || request.percent > 100 || (request.size == 0 && request.percent == 0)) {
        plan.error = QStringLiteral("Give the sample as a number of articles or a percentage (0–100).");
        return plan;
    }
    QList<QPair<QUuid, QUuid>> documents;
    QSet<QUuid> wanted(request.documents.cbegin(), request.documents.cend());
    for (const DocumentSummary &d : store.documentSummaries()) {
        if (wanted.isEmpty() || wanted.contains(d.id))
            documents.append({d.id, d.outletId});
    }
    if (documents.isEmpty()) {
        plan.error = QStringLiteral("There are no articles to sample from.");
        return plan;
    }
    std::sort(documents.begin(), documents.end(),
              [](const auto &a, const auto &b) { return idString(a.first) < idString(b.first); });
    SampleRequest normalised = request;
    normalised.coders = coders;
    const SampleDraw draw = drawSample(documents, normalised);

    ReliabilitySample sample;
    sample.id = QUuid::createUuid();
    sample.created = now;
    sample.seed = request.seed;
    sample.spec = QString::fromUtf8(
        QJsonDocument(QJsonObject{{QStringLiteral("size"), int(draw.shared.size())},
                                  {QStringLiteral("requested"), request.size > 0
                                                                    ? QString::number(request.size)
                                                                    : QString::number(request.percent) + u'%'},
                                  {QStringLiteral("coders"), QJsonArray::fromStringList(coders)},
                                  {QStringLiteral("seed"), QString::number(request.seed)},
                                  {QStringLiteral("stratified"), request.stratifyByOutlet ? QStringLiteral("outlet")
                                                                                          : QString()},
                                  {QStringLiteral("articles"), int(documents.size())}})
            .toJson(QJsonDocument::Compact));
    sample.description =
        QStringLiteral("%1 of %2 articles coded by every one of %3 (reliability sample, seed %4%5)%6")
            .arg(draw.shared.size())
            .arg(documents.size())
            .arg(coders.join(QStringLiteral(", ")))
            .arg(request.seed)
            .arg(request.stratifyByOutlet ? QStringLiteral(", stratified by outlet") : QString())
            .arg(request.splitRest ? QStringLiteral("; the other %1 split among them")
                                         .arg(documents.size() - draw.shared.size())
                                   : QString());
    plan.redo.insertSamples.append(sample);
    plan.undo.removeSamples.append(sample.id);

    // An article a coder already has keeps its assignment date and done mark;
    // it joins this sample.
    const auto existing = assignmentsByKey(store);
    for (const QString &name : std::as_const(coders)) {
        const QUuid coderId = coderFor(store, name, plan);
        const auto assign = [&](const QUuid &documentId) {
            Assignment a = existing.value({documentId, coderId}, Assignment{documentId, coderId, {}, now, {}});
            a.sampleId = sample.id;
            planWrite(existing, a, plan);
        };
        for (const QUuid &documentId : draw.shared)
            assign(documentId);
        for (const QUuid &documentId : draw.rest.value(name))
            assign(documentId);
    }
    plan.text = QStringLiteral("Draw a reliability sample");
    return plan;
}

} // namespace newscoder::study
