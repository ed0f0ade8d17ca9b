#include "review/Adjudication.h"

#include "storage/ProjectReader.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

namespace newscoder::review {

namespace {

using study::StudyPlan;

QJsonObject sideJson(const ReviewSide &side, const QHash<QUuid, QString> &codeNames)
{
    QJsonObject o{{QStringLiteral("coder"), side.coder}};
    if (side.annotation) {
        o.insert(QStringLiteral("annotation"), idString(side.annotation->id));
        o.insert(QStringLiteral("code"), codeNames.value(side.annotation->codeId));
        o.insert(QStringLiteral("start"), side.annotation->start);
        o.insert(QStringLiteral("end"), side.annotation->end);
    }
    QJsonArray values;
    for (const FieldValue &v : side.values) {
        QJsonObject value{{QStringLiteral("field"), idString(v.fieldId)}};
        if (!v.annotationId.isNull())
            value.insert(QStringLiteral("annotation"), idString(v.annotationId));
        else if (!v.actorId.isNull())
            value.insert(QStringLiteral("actor"), idString(v.actorId));
        else
            value.insert(QStringLiteral("value"), v.text);
        values.append(value);
    }
    if (!values.isEmpty())
        o.insert(QStringLiteral("values"), values);
    return o;
}

// Builds one change set out of several decisions (one for a single decision,
// many for "accept all agreements"), keeping track of the consensus as it
// will be after the decisions planned so far.
class DecisionPlanner
{
public:
    DecisionPlanner(const ProjectReader &store, QString decidedBy, QDateTime now)
        : m_store(store), m_decidedBy(std::move(decidedBy)), m_now(std::move(now))
    {
        for (const Code &c : store.codes()) {
            m_codeNames.insert(c.id, c.name);
            for (const CodeField &f : c.fields)
                m_fields.insert(f.id, f);
        }
        if (const auto consensus = study::consensusCoder(store)) {
            m_consensus = *consensus;
        } else {
            const QString name = defaultConsensusName();
            if (store.coderByName(name)) {
                m_plan.error = QStringLiteral("A coder named “%1” exists but is not the consensus: make it the consensus"
                                              " coder (coders --set %1 --role consensus) or give the consensus another"
                                              " name.")
                                   .arg(name);
                return;
            }
            m_consensus = Coder{QUuid::createUuid(), name, QStringLiteral("#2e7d32"), CoderRole::Consensus};
            m_plan.redo.insertCoders.append(m_consensus);
            m_plan.undo.removeCoders.append(m_consensus.id);
        }
    }

    bool failed() const { return !m_plan.error.isEmpty(); }
    StudyPlan take(const QString &text)
    {
        m_plan.text = text;
        return std::move(m_plan);
    }

    bool decide(const ReviewItem &item, const QString &decision, const QString &memo)
    {
        if (failed())
            return false;
        const QStringList allowed{QStringLiteral("accept:") + item.a.coder, QStringLiteral("accept:") + item.b.coder,
                                  QStringLiteral("both"), QStringLiteral("reject"), QStringLiteral("agreement")};
        QString normalised = decision.trimmed();
        for (const QString &a : allowed) {
            if (normalised.compare(a, Qt::CaseInsensitive) == 0)
                normalised = a;
        }
        if (!allowed.contains(normalised)) {
            return fail(QStringLiteral("“%1” is not a decision for this item: use accept:%2, accept:%3, both or reject.")
                            .arg(decision, item.a.coder, item.b.coder));
        }
        Article &article = load(item.documentId);
        withdrawEarlierDecision(article, item);

        QList<const ReviewSide *> taken;
        if (normalised == QLatin1String("agreement"))
            taken << &item.a;
        else if (normalised == QLatin1String("both"))
            taken << &item.a << &item.b;
        else if (normalised.startsWith(QLatin1String("accept:")))
            taken << (normalised.mid(7) == item.a.coder ? &item.a : &item.b);

        Decision row;
        row.id = QUuid::createUuid();
        row.documentId = item.documentId;
        row.item = item.id;
        row.kind = itemKindName(item.kind);
        row.decision = normalised;
        row.fingerprint = item.fingerprint;
        row.decidedBy = m_decidedBy;
        row.decided = m_now;
        row.memo = memo;
        row.sources = QString::fromUtf8(
            QJsonDocument(QJsonArray{sideJson(item.a, m_codeNames), sideJson(item.b, m_codeNames)})
                .toJson(QJsonDocument::Compact));

        if (!item.fieldId.isNull() || (item.kind == ItemKind::Agreement && !item.a.annotation)) {
            if (!decideVariable(article, item, taken))
                return false;
        } else {
            for (const ReviewSide *side : std::as_const(taken)) {
                if (!side->annotation) {
                    return fail(QStringLiteral("%1 marked nothing here: accept the other coder or reject.")
                                    .arg(side->coder));
                }
            }
            for (const ReviewSide *side : std::as_const(taken)) {
                // One coder's version taken for a pair stands for the other's
                // too: links to either now point at the copy.
                const ReviewSide &other = side == &item.a ? item.b : item.a;
                QList<QUuid> represented;
                if (taken.size() == 1 && other.annotation)
                    represented.append(other.annotation->id);
                const QUuid result = copy(article, *side->annotation, side->values, represented);
                row.sourceAnnotations.append(side->annotation->id);
                row.results.append(result);
                for (const QUuid &id : std::as_const(represented)) {
                    row.sourceAnnotations.append(id);
                    row.results.append(result);
                }
            }
        }
        m_plan.redo.insertDecisions.append(row);
        m_plan.undo.removeDecisions.append(row.id);
        article.latest.insert(item.id, row);
        return true;
    }

private:
    struct Article
    {
        QHash<QUuid, Annotation> consensus;           // consensus annotations by id, as planned
        QHash<QUuid, QList<FieldValue>> values;       // every annotation's values, as planned
        QHash<QUuid, QUuid> copyOf;                   // source annotation → its consensus copy
        QHash<QPair<QUuid, QUuid>, int> nextPosition; // (consensus annotation, field) → next free position
        QHash<QString, Decision> latest;              // item → latest decision
    };

    bool fail(const QString &message)
    {
        m_plan.error = message;
        return false;
    }

    Article &load(const QUuid &documentId)
    {
        auto it = m_articles.find(documentId);
        if (it != m_articles.end())
            return *it;
        Article &a = m_articles[documentId];
        a.values = m_store.annotationValuesForDocument(documentId);
        for (const Annotation &an : m_store.annotationsForDocument(documentId)) {
            if (an.coderId == m_consensus.id)
                a.consensus.insert(an.id, an);
        }
        for (const Decision &d : m_store.decisions(documentId)) {
            a.latest.insert(d.item, d);
        }
        for (const Decision &d : std::as_const(a.latest)) {
            for (qsizetype i = 0; i < d.results.size() && i < d.sourceAnnotations.size(); ++i) {
                if (a.consensus.contains(d.results[i]))
                    a.copyOf.insert(d.sourceAnnotations[i], d.results[i]);
            }
        }
        for (auto c = a.consensus.cbegin(); c != a.consensus.cend(); ++c) {
            for (const FieldValue &v : a.values.value(c.key()))
                ++a.nextPosition[{c.key(), v.fieldId}];
        }
        return a;
    }

    // Deciding an item again: the copies the earlier decision made go (undo
    // brings them back); its row stays in the log.
    void withdrawEarlierDecision(Article &article, const ReviewItem &item)
    {
        const auto it = article.latest.constFind(item.id);
        if (it == article.latest.cend())
            return;
        QList<QUuid> gone;
        for (const QUuid &result : it->results) {
            if (article.consensus.contains(result) && !gone.contains(result))
                gone.append(result);
        }
        if (!gone.isEmpty()) {
            const QList<StoredValue> touching = m_store.valuesTouchingAnnotations(gone);
            for (const QUuid &id : gone) {
                m_plan.redo.removeAnnotations.append(article.consensus.value(id));
                m_plan.undo.insertAnnotations.append(article.consensus.value(id));
                article.consensus.remove(id);
            }
            m_plan.redo.removeValues += touching;
            m_plan.undo.insertValues += touching;
        }
        for (auto c = article.copyOf.begin(); c != article.copyOf.end();) {
            c = gone.contains(c.value()) ? article.copyOf.erase(c) : std::next(c);
        }
    }

    QUuid copy(Article &article, const Annotation &source, const QList<FieldValue> &values,
               const QList<QUuid> &represented)
    {
        Annotation copy = source;
        copy.id = QUuid::createUuid();
        copy.coderId = m_consensus.id;
        copy.created = copy.modified = m_now;
        copy.status = AnnotationStatus::Coded;
        copy.reviewReason.clear();
        copy.reviewEdit.clear();
        m_plan.redo.insertAnnotations.append(copy);
        m_plan.undo.removeAnnotations.append(copy);
        article.consensus.insert(copy.id, copy);

        // Its own values; links to targets not in the consensus yet wait for them.
        for (FieldValue v : values) {
            if (!v.annotationId.isNull()) {
                const QUuid target = article.copyOf.value(v.annotationId);
                if (target.isNull())
                    continue;
                v.annotationId = target;
            }
            addValue(article, copy.id, v);
        }

        // Consensus copies whose source links to `source` (or to an annotation
        // the copy stands for) now link to `copy`.
        const QList<QUuid> sources = QList<QUuid>{source.id} + represented;
        for (auto c = article.copyOf.cbegin(); c != article.copyOf.cend(); ++c) {
            for (const FieldValue &v : article.values.value(c.key())) {
                if (!v.annotationId.isNull() && sources.contains(v.annotationId))
                    addValue(article, c.value(), FieldValue{v.fieldId, {}, copy.id, {}});
            }
        }
        for (const QUuid &id : sources)
            article.copyOf.insert(id, copy.id);
        return copy.id;
    }

    // Plans a value of a consensus annotation (a link already there is not added twice).
    void addValue(Article &article, const QUuid &owner, const FieldValue &value)
    {
        QList<FieldValue> &current = article.values[owner];
        if (!value.annotationId.isNull() && current.contains(value))
            return;
        current.append(value);
        int &position = article.nextPosition[{owner, value.fieldId}];
        const StoredValue stored{StoredValue::Owner::Annotation, owner, {}, position++, value};
        m_plan.redo.insertValues.append(stored);
        m_plan.undo.removeValues.append(stored);
    }

    bool decideVariable(Article &, const ReviewItem &item, const QList<const ReviewSide *> &taken)
    {
        const QUuid fieldId = !item.fieldId.isNull()
                                  ? item.fieldId
                                  : (!item.a.values.isEmpty() ? item.a.values.first().fieldId : QUuid());
        const CodeField field = m_fields.value(fieldId);
        QList<FieldValue> chosen;
        for (const ReviewSide *side : taken) {
            for (const FieldValue &v : side->values) {
                if (v.fieldId == fieldId && !chosen.contains(v))
                    chosen.append(v);
            }
        }
        if (chosen.size() > 1 && !field.allowsSeveral())
            return fail(QStringLiteral("“%1” takes one value: accept one coder's value.").arg(field.name));
        int position = 0;
        for (const FieldValue &v : m_store.documentValues(item.documentId, m_consensus.id)) {
            if (v.fieldId != fieldId)
                continue;
            const StoredValue old{StoredValue::Owner::Document, item.documentId, m_consensus.id, position++, v};
            m_plan.redo.removeValues.append(old);
            m_plan.undo.insertValues.append(old);
        }
        for (qsizetype i = 0; i < chosen.size(); ++i) {
            const StoredValue value{StoredValue::Owner::Document, item.documentId, m_consensus.id, int(i), chosen[i]};
            m_plan.redo.insertValues.append(value);
            m_plan.undo.removeValues.prepend(value);
        }
        return true;
    }

    const ProjectReader &m_store;
    QString m_decidedBy;
    QDateTime m_now;
    Coder m_consensus;
    QHash<QUuid, QString> m_codeNames;
    QHash<QUuid, CodeField> m_fields;
    QHash<QUuid, Article> m_articles;
    StudyPlan m_plan;
};

} // namespace

QString defaultConsensusName()
{
    return QStringLiteral("Consensus");
}

StudyPlan planDecision(const ProjectReader &store, const ReviewItem &item, const QString &decision, const QString &memo,
                       const QString &decidedBy, const QDateTime &now)
{
    DecisionPlanner planner(store, decidedBy, now);
    planner.decide(item, decision, memo);
    return planner.take(QStringLiteral("Adjudicate: %1").arg(decision));
}

StudyPlan planAcceptAgreements(const ProjectReader &store, const QList<ReviewItem> &items, const QString &decidedBy,
                               const QDateTime &now)
{
    DecisionPlanner planner(store, decidedBy, now);
    int accepted = 0;
    for (const ReviewItem &item : items) {
        if (item.kind != ItemKind::Agreement || item.isDecided())
            continue;
        if (!planner.decide(item, QStringLiteral("agreement"), {}))
            break;
        ++accepted;
    }
    StudyPlan plan = planner.take(QStringLiteral("Accept %1 agreement(s)").arg(accepted));
    if (accepted == 0 && plan.error.isEmpty())
        plan.redo = plan.undo = {}; // nothing to accept: no step (and no consensus coder)
    return plan;
}

} // namespace newscoder::review
