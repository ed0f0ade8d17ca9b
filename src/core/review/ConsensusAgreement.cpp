#include "review/ConsensusAgreement.h"

#include "agreement/ProjectAgreement.h"
#include "stats/UnitizingAlpha.h"
#include "storage/ProjectReader.h"
#include "study/Assignments.h"

#include <QHash>
#include <QSet>

namespace newscoder::review {

std::optional<double> ErrorCounts::percentAgreement() const
{
    if (units == 0)
        return std::nullopt;
    return double(agreements) / double(units);
}

void ErrorCounts::add(const ReviewItem &item)
{
    ++units;
    switch (item.kind) {
    case ItemKind::Agreement:
        ++agreements;
        break;
    case ItemKind::OnlyOne:
        ++(item.a.annotation ? extra : missed);
        break;
    case ItemKind::Boundary:
        ++boundary;
        break;
    case ItemKind::Code:
        ++wrongCode;
        break;
    case ItemKind::Fields:
        ++fields;
        break;
    case ItemKind::Variable:
        ++variables;
        break;
    }
    for (const FieldDifference &f : item.fields)
        ++(item.kind == ItemKind::Variable ? variableDifferences : fieldDifferences)[f.field];
}

QUuid codeOfItem(const ReviewItem &item, const QList<Code> &codes)
{
    if (item.b.annotation)
        return item.b.annotation->codeId;
    if (item.a.annotation)
        return item.a.annotation->codeId;
    for (const Code &c : codes) {
        if (c.field(item.fieldId))
            return c.id;
    }
    return {};
}

QList<QUuid> adjudicatedDocuments(const ProjectReader &store, const QUuid &consensusId)
{
    QSet<QUuid> ids;
    for (const Decision &d : store.decisions())
        ids.insert(d.documentId);
    for (const QUuid &id : store.documentsCodedBy(consensusId))
        ids.insert(id);
    QList<QUuid> ordered;
    for (const DocumentSummary &d : store.documentSummaries()) {
        if (ids.contains(d.id))
            ordered.append(d.id);
    }
    return ordered;
}

QList<QUuid> coderShareOf(const ProjectReader &store, const QUuid &coderId, const QList<QUuid> &adjudicated)
{
    const QList<QUuid> coded = store.documentsCodedBy(coderId);
    QSet<QUuid> mine(coded.cbegin(), coded.cend());
    for (const Assignment &a : store.assignments(coderId))
        mine.insert(a.documentId);
    QList<QUuid> result;
    for (const QUuid &id : adjudicated) {
        if (mine.contains(id))
            result.append(id);
    }
    return result;
}

QList<Coder> codersAgainst(const ProjectReader &store, const Coder &consensus, const QStringList &names,
                           QString *error)
{
    QList<Coder> coders;
    const QList<Coder> all = store.coders();
    if (names.isEmpty()) {
        for (const Coder &c : all) {
            if (c.id != consensus.id && c.role != CoderRole::Consensus)
                coders.append(c);
        }
        return coders;
    }
    for (const QString &name : names) {
        const auto it = std::find_if(all.cbegin(), all.cend(), [&](const Coder &c) { return c.name == name.trimmed(); });
        if (it == all.cend()) {
            *error = QStringLiteral("There is no coder “%1”.").arg(name.trimmed());
            return {};
        }
        if (it->id == consensus.id) {
            *error = QStringLiteral("“%1” is the consensus: compare the other coders with it.").arg(it->name);
            return {};
        }
        coders.append(*it);
    }
    return coders;
}

namespace {

std::optional<CoderAgainstConsensus> compareCoder(const ProjectReader &store, const Coder &coder,
                                                  const Coder &consensus, const QList<QUuid> &adjudicated,
                                                  const QList<Code> &codes, const QStringList &codeNames,
                                                  QString *error)
{
    CoderAgainstConsensus result;
    result.coder = coder.name;
    result.documents = coderShareOf(store, coder.id, adjudicated);
    if (result.documents.isEmpty())
        return std::nullopt;

    AgreementRequest agreement;
    agreement.coders = {coder.name, consensus.name};
    agreement.documents = result.documents;
    agreement.codes = codeNames;
    agreement.codedByAll = result.documents;
    const AgreementReport alpha = computeProjectAgreement(store, agreement);
    if (!alpha.error.isEmpty()) {
        *error = alpha.error;
        return std::nullopt;
    }
    result.unitizing = stats::unitizingAlpha(alpha.units.data).overall;

    const ReviewReport review =
        computeReview(store, ReviewRequest{coder.name, consensus.name, result.documents, codeNames, true});
    if (!review.error.isEmpty()) {
        *error = review.error;
        return std::nullopt;
    }
    QHash<QUuid, ErrorCounts> byCode;
    for (const ReviewItem &item : review.items) {
        result.counts.add(item);
        byCode[codeOfItem(item, codes)].add(item);
    }
    for (const Code &code : codes) {
        if (!codeNames.isEmpty() && !codeNames.contains(code.name, Qt::CaseInsensitive))
            continue;
        CodeAgainstConsensus row;
        row.code = code.name;
        row.codeId = code.id;
        row.variable = code.isVariable();
        row.counts = byCode.value(code.id);
        for (const AgreementRow &r : alpha.rows) {
            if (r.codeId != code.id)
                continue;
            if (r.measure == QLatin1String("unitizing-alpha"))
                row.unitizing = r.result;
            else if (r.measure == QLatin1String("alpha-presence"))
                row.presence = r.result;
        }
        if (row.counts.units > 0 || row.unitizing.value || row.presence.value)
            result.codes.append(row);
    }
    return result;
}

} // namespace

ConsensusAgreementReport computeConsensusAgreement(const ProjectReader &store,
                                                   const ConsensusAgreementRequest &request)
{
    ConsensusAgreementReport report;
    std::optional<Coder> consensus = request.consensus.trimmed().isEmpty()
                                         ? study::consensusCoder(store)
                                         : store.coderByName(request.consensus.trimmed());
    if (!consensus) {
        report.error = request.consensus.trimmed().isEmpty()
                           ? QStringLiteral("The project has no consensus yet: adjudicate first (review, adjudicate).")
                           : QStringLiteral("There is no coder “%1”.").arg(request.consensus.trimmed());
        return report;
    }
    report.consensus = consensus->name;
    const QList<Code> codes = codebookTreeOrder(store.codes());
    for (const QString &name : request.codes) {
        if (std::none_of(codes.cbegin(), codes.cend(),
                         [&](const Code &c) { return c.name.compare(name.trimmed(), Qt::CaseInsensitive) == 0; })) {
            report.error = QStringLiteral("There is no code “%1”.").arg(name);
            return report;
        }
    }
    QString error;
    const QList<Coder> coders = codersAgainst(store, *consensus, request.coders, &error);
    if (!error.isEmpty()) {
        report.error = error;
        return report;
    }
    report.documents = adjudicatedDocuments(store, consensus->id);
    if (report.documents.isEmpty())
        return report; // nothing adjudicated yet: no coder to compare
    for (const Coder &coder : coders) {
        auto row = compareCoder(store, coder, *consensus, report.documents, codes, request.codes, &error);
        if (!error.isEmpty()) {
            report.error = error;
            report.coders.clear();
            return report;
        }
        if (row)
            report.coders.append(std::move(*row));
    }
    return report;
}

} // namespace newscoder::review
