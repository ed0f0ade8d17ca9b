#include "review/ReviewItems.h"

#include "storage/ProjectReader.h"

#include <QCryptographicHash>
#include <QHash>
#include <QSet>

#include <algorithm>
#include <climits>

namespace newscoder::review {

namespace {

using Values = QList<FieldValue>;

QString shortHash(const QString &text, int digits)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha1).toHex().left(digits));
}

QString itemId(const QUuid &documentId, QStringList keys)
{
    keys.sort();
    return shortHash(idString(documentId) + u'|' + keys.join(u','), 12);
}

// One field's values as comparable keys: order does not matter (a multiple
// choice is a set); annotation links go through `mapLink` (A's target → the
// annotation of B it is paired with; B's targets stay themselves).
QStringList valueKeys(const Values &values, const QUuid &fieldId, const std::function<QUuid(const QUuid &)> &mapLink)
{
    QStringList keys;
    for (const FieldValue &v : values) {
        if (v.fieldId != fieldId)
            continue;
        if (!v.annotationId.isNull())
            keys << QStringLiteral("annotation:") + idString(mapLink ? mapLink(v.annotationId) : v.annotationId);
        else if (!v.actorId.isNull())
            keys << QStringLiteral("actor:") + idString(v.actorId);
        else
            keys << QStringLiteral("text:") + v.text;
    }
    keys.sort();
    return keys;
}

Values valuesOf(const Values &values, const QUuid &fieldId)
{
    Values result;
    for (const FieldValue &v : values) {
        if (v.fieldId == fieldId)
            result.append(v);
    }
    return result;
}

QList<QUuid> fieldIdsIn(const Values &a, const Values &b)
{
    QList<QUuid> ids;
    for (const Values *list : {&a, &b}) {
        for (const FieldValue &v : *list) {
            if (!ids.contains(v.fieldId))
                ids.append(v.fieldId);
        }
    }
    return ids;
}

int overlap(const Annotation &a, const Annotation &b)
{
    if (a.start == b.start && a.end == b.end)
        return std::max(1, a.length()); // identical spans pair even at length 0
    return std::min(a.end, b.end) - std::max(a.start, b.start);
}

struct Candidate
{
    int a = 0;
    int b = 0;
    int overlap = 0;
    int distance = 0;
};

// Greedy pairing: greatest overlap first, then closest boundaries, then text order.
void pairUp(const QList<Annotation> &as, const QList<Annotation> &bs, bool sameCode, QList<int> &pairOfA,
            QList<int> &pairOfB)
{
    QList<Candidate> candidates;
    for (int i = 0; i < as.size(); ++i) {
        if (pairOfA[i] >= 0)
            continue;
        for (int j = 0; j < bs.size(); ++j) {
            if (pairOfB[j] >= 0 || (as[i].codeId == bs[j].codeId) != sameCode)
                continue;
            const int o = overlap(as[i], bs[j]);
            if (o > 0)
                candidates.append({i, j, o, std::abs(as[i].start - bs[j].start) + std::abs(as[i].end - bs[j].end)});
        }
    }
    std::stable_sort(candidates.begin(), candidates.end(), [](const Candidate &x, const Candidate &y) {
        if (x.overlap != y.overlap)
            return x.overlap > y.overlap;
        return x.distance < y.distance;
    });
    for (const Candidate &c : std::as_const(candidates)) {
        if (pairOfA[c.a] < 0 && pairOfB[c.b] < 0) {
            pairOfA[c.a] = c.b;
            pairOfB[c.b] = c.a;
        }
    }
}

QString sideFingerprint(const ReviewSide &side)
{
    QStringList parts;
    if (side.annotation) {
        parts << idString(side.annotation->codeId) << QString::number(side.annotation->start)
              << QString::number(side.annotation->end);
    }
    QStringList values;
    for (const QUuid &fieldId : fieldIdsIn(side.values, {}))
        values << idString(fieldId) + u'=' + valueKeys(side.values, fieldId, {}).join(u';');
    values.sort();
    parts << values;
    return parts.join(u'|');
}

class ArticleReview
{
public:
    ArticleReview(const ProjectReader &store, const ReviewRequest &request, const ReviewReport &report,
                  const QHash<QUuid, Code> &codes, const QHash<QString, QString> &coderNames)
        : m_store(store), m_request(request), m_report(report), m_codes(codes), m_names(coderNames)
    {
    }

    QList<ReviewItem> run(const QUuid &documentId)
    {
        m_documentId = documentId;
        QList<Annotation> as;
        QList<Annotation> bs;
        for (const Annotation &an : m_store.annotationsForDocument(documentId)) {
            if (an.status == AnnotationStatus::Suggested || !m_codes.contains(an.codeId))
                continue;
            if (an.coderId == m_report.coderA)
                as.append(an);
            else if (an.coderId == m_report.coderB)
                bs.append(an);
        }
        QList<ReviewItem> items;
        if (!as.isEmpty() || !bs.isEmpty()) {
            m_values = m_store.annotationValuesForDocument(documentId);
            QList<int> pairOfA(as.size(), -1);
            QList<int> pairOfB(bs.size(), -1);
            pairUp(as, bs, true, pairOfA, pairOfB);
            pairUp(as, bs, false, pairOfA, pairOfB);
            m_partner.clear();
            for (int i = 0; i < as.size(); ++i) {
                if (pairOfA[i] >= 0)
                    m_partner.insert(as[i].id, bs[pairOfA[i]].id);
            }
            for (int i = 0; i < as.size(); ++i)
                items.append(pairOfA[i] >= 0 ? pairItem(as[i], bs[pairOfA[i]]) : aloneItem(as[i], true));
            for (int j = 0; j < bs.size(); ++j) {
                if (pairOfB[j] < 0)
                    items.append(aloneItem(bs[j], false));
            }
            std::stable_sort(items.begin(), items.end(), [](const ReviewItem &x, const ReviewItem &y) {
                return std::pair(x.start(), x.end()) < std::pair(y.start(), y.end());
            });
        }
        items += variableItems();
        if (!m_request.agreements)
            items.removeIf([](const ReviewItem &item) { return !item.isDisagreement(); });
        return items;
    }

private:
    ReviewSide side(const QUuid &coderId, const std::optional<Annotation> &annotation, Values values) const
    {
        return {coderId, m_names.value(idString(coderId)), annotation, std::move(values)};
    }

    ReviewItem pairItem(const Annotation &a, const Annotation &b)
    {
        ReviewItem item;
        item.documentId = m_documentId;
        item.id = itemId(m_documentId, {idString(a.id), idString(b.id)});
        item.a = side(a.coderId, a, m_values.value(a.id));
        item.b = side(b.coderId, b, m_values.value(b.id));
        if (a.codeId != b.codeId)
            item.differences << QStringLiteral("code");
        if (a.start != b.start || a.end != b.end)
            item.differences << QStringLiteral("boundary");
        if (a.codeId == b.codeId) {
            const Code &code = m_codes[a.codeId];
            const auto mapA = [this](const QUuid &target) { return m_partner.value(target, target); };
            // In the codebook's order of fields.
            QList<QUuid> fieldIds = fieldIdsIn(item.a.values, item.b.values);
            std::stable_sort(fieldIds.begin(), fieldIds.end(), [&code](const QUuid &x, const QUuid &y) {
                const CodeField *fx = code.field(x);
                const CodeField *fy = code.field(y);
                return (fx ? fx->position : INT_MAX) < (fy ? fy->position : INT_MAX);
            });
            for (const QUuid &fieldId : std::as_const(fieldIds)) {
                if (valueKeys(item.a.values, fieldId, mapA) == valueKeys(item.b.values, fieldId, {}))
                    continue;
                const CodeField *field = code.field(fieldId);
                const QString name = field ? field->name : idString(fieldId);
                item.fields.append({fieldId, name, valuesOf(item.a.values, fieldId), valuesOf(item.b.values, fieldId)});
                item.differences << QStringLiteral("field:") + name;
            }
        }
        if (item.differences.contains(QLatin1String("code")))
            item.kind = ItemKind::Code;
        else if (item.differences.contains(QLatin1String("boundary")))
            item.kind = ItemKind::Boundary;
        else if (!item.fields.isEmpty())
            item.kind = ItemKind::Fields;
        else
            item.kind = ItemKind::Agreement;
        finish(item);
        return item;
    }

    ReviewItem aloneItem(const Annotation &an, bool isA)
    {
        ReviewItem item;
        item.documentId = m_documentId;
        item.kind = ItemKind::OnlyOne;
        item.id = itemId(m_documentId, {idString(an.id)});
        const ReviewSide marked = side(an.coderId, an, m_values.value(an.id));
        const ReviewSide empty = side(isA ? m_report.coderB : m_report.coderA, std::nullopt, {});
        item.a = isA ? marked : empty;
        item.b = isA ? empty : marked;
        item.differences << QStringLiteral("only:") + marked.coder;
        finish(item);
        return item;
    }

    QList<ReviewItem> variableItems()
    {
        const Values a = m_store.documentValues(m_documentId, m_report.coderA);
        const Values b = m_store.documentValues(m_documentId, m_report.coderB);
        QList<ReviewItem> items;
        for (const Code &code : m_codes) {
            if (!code.isVariable())
                continue;
            for (const CodeField &field : code.fields) {
                const QStringList keysA = valueKeys(a, field.id, {});
                const QStringList keysB = valueKeys(b, field.id, {});
                if (keysA.isEmpty() && keysB.isEmpty())
                    continue;
                ReviewItem item;
                item.documentId = m_documentId;
                item.fieldId = field.id;
                item.id = itemId(m_documentId, {QStringLiteral("variable"), idString(field.id),
                                                idString(m_report.coderA), idString(m_report.coderB)});
                item.a = side(m_report.coderA, std::nullopt, valuesOf(a, field.id));
                item.b = side(m_report.coderB, std::nullopt, valuesOf(b, field.id));
                if (keysA == keysB) {
                    item.kind = ItemKind::Agreement;
                } else {
                    item.kind = ItemKind::Variable;
                    item.differences << QStringLiteral("variable:") + field.name;
                    item.fields.append({field.id, field.name, item.a.values, item.b.values});
                }
                finish(item);
                items.append(item);
            }
        }
        return items;
    }

    void finish(ReviewItem &item) const
    {
        item.fingerprint = shortHash(sideFingerprint(item.a) + u'#' + sideFingerprint(item.b), 16);
    }

    const ProjectReader &m_store;
    const ReviewRequest &m_request;
    const ReviewReport &m_report;
    const QHash<QUuid, Code> &m_codes;
    const QHash<QString, QString> &m_names;
    QUuid m_documentId;
    QHash<QUuid, Values> m_values;
    QHash<QUuid, QUuid> m_partner; // A's annotation → B's, for the pairs of this article
};

} // namespace

QString itemKindName(ItemKind kind)
{
    switch (kind) {
    case ItemKind::Agreement:
        return QStringLiteral("agreement");
    case ItemKind::OnlyOne:
        return QStringLiteral("only-one");
    case ItemKind::Boundary:
        return QStringLiteral("boundary");
    case ItemKind::Code:
        return QStringLiteral("code");
    case ItemKind::Fields:
        return QStringLiteral("fields");
    case ItemKind::Variable:
        return QStringLiteral("variable");
    }
    return {};
}

int ReviewItem::end() const
{
    int e = INT_MIN;
    for (const ReviewSide *side : {&a, &b}) {
        if (side->annotation)
            e = std::max(e, side->annotation->end);
    }
    return e == INT_MIN ? INT_MAX : e;
}

int ReviewItem::start() const
{
    int s = INT_MAX;
    for (const ReviewSide *side : {&a, &b}) {
        if (side->annotation)
            s = std::min(s, side->annotation->start);
    }
    return s;
}

ReviewReport computeReview(const ProjectReader &store, const ReviewRequest &request)
{
    ReviewReport report;
    const auto a = store.coderByName(request.coderA.trimmed());
    const auto b = store.coderByName(request.coderB.trimmed());
    if (!a || !b) {
        report.error = QStringLiteral("There is no coder “%1”.").arg(!a ? request.coderA : request.coderB);
        return report;
    }
    if (a->id == b->id) {
        report.error = QStringLiteral("Review compares two different coders.");
        return report;
    }
    report.coderA = a->id;
    report.coderB = b->id;

    QHash<QUuid, Code> codes;
    for (const Code &c : store.codes()) {
        if (request.codes.isEmpty() || request.codes.contains(c.name, Qt::CaseInsensitive))
            codes.insert(c.id, c);
    }
    for (const QString &name : request.codes) {
        if (!std::any_of(codes.cbegin(), codes.cend(),
                         [&](const Code &c) { return c.name.compare(name, Qt::CaseInsensitive) == 0; })) {
            report.error = QStringLiteral("There is no code “%1”.").arg(name);
            return report;
        }
    }
    QHash<QString, QString> names;
    for (const Coder &c : store.coders())
        names.insert(idString(c.id), c.name);

    // The articles: those asked for; else those both coders coded or were both assigned.
    QList<QUuid> order;
    for (const DocumentSummary &d : store.documentSummaries())
        order.append(d.id);
    QSet<QUuid> chosen;
    if (!request.documents.isEmpty()) {
        chosen = QSet<QUuid>(request.documents.cbegin(), request.documents.cend());
        for (const QUuid &id : request.documents) {
            if (!order.contains(id)) {
                report.error = QStringLiteral("There is no article %1.").arg(idString(id));
                return report;
            }
        }
    } else {
        const QList<QUuid> codedA = store.documentsCodedBy(a->id);
        QSet<QUuid> both(codedA.cbegin(), codedA.cend());
        const QList<QUuid> codedB = store.documentsCodedBy(b->id);
        both.intersect(QSet<QUuid>(codedB.cbegin(), codedB.cend()));
        chosen = both;
        QSet<QUuid> assignedA;
        for (const Assignment &as : store.assignments(a->id))
            assignedA.insert(as.documentId);
        for (const Assignment &as : store.assignments(b->id)) {
            if (assignedA.contains(as.documentId))
                chosen.insert(as.documentId);
        }
    }
    QHash<QString, Decision> latest; // item → its latest decision
    for (const Decision &d : store.decisions())
        latest.insert(d.item, d); // oldest first: later ones overwrite
    ArticleReview article(store, request, report, codes, names);
    for (const QUuid &documentId : std::as_const(order)) {
        if (!chosen.contains(documentId))
            continue;
        report.documents.append(documentId);
        for (ReviewItem &item : article.run(documentId)) {
            if (const auto it = latest.constFind(item.id); it != latest.cend())
                item.decision = *it;
            report.items.append(std::move(item));
        }
    }
    return report;
}

} // namespace newscoder::review
