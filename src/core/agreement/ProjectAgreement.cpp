#include "agreement/ProjectAgreement.h"

#include "agreement/FieldAgreement.h"

#include "stats/Bootstrap.h"
#include "stats/KrippendorffAlpha.h"
#include "stats/ReliabilityData.h"
#include "stats/UnitizingAlpha.h"
#include "storage/ProjectReader.h"

#include <QHash>
#include <QSet>

#include <algorithm>
#include <map>

namespace newscoder {

namespace {

struct Span
{
    int start;
    int end;
    QUuid annotation;
};

// document -> code -> coder index -> spans
using SpanIndex = QHash<QUuid, QHash<QUuid, QHash<int, QList<Span>>>>;

struct Selection
{
    QList<Coder> coders;
    QList<Code> codes;
    QList<DocumentSummary> documents;
    QString error;
};

Selection select(const ProjectReader &store, const AgreementRequest &request)
{
    Selection s;
    const QList<Coder> allCoders = store.coders();
    if (request.coders.isEmpty()) {
        s.coders = allCoders;
    } else {
        for (const QString &name : request.coders) {
            const auto it = std::find_if(allCoders.cbegin(), allCoders.cend(),
                                         [&](const Coder &c) { return c.name == name.trimmed(); });
            if (it == allCoders.cend()) {
                s.error = QStringLiteral("no coder named '%1' in the project").arg(name);
                return s;
            }
            s.coders.append(*it);
        }
    }
    if (s.coders.size() < 2) {
        s.error = QStringLiteral("agreement needs at least two coders (the project has %1)").arg(s.coders.size());
        return s;
    }
    const QList<Code> allCodes = store.codes();
    if (request.codes.isEmpty()) {
        s.codes = allCodes;
    } else {
        for (const QString &name : request.codes) {
            const auto it = std::find_if(allCodes.cbegin(), allCodes.cend(), [&](const Code &c) {
                return c.name.compare(name.trimmed(), Qt::CaseInsensitive) == 0;
            });
            if (it == allCodes.cend()) {
                s.error = QStringLiteral("no code named '%1' in the project").arg(name);
                return s;
            }
            s.codes.append(*it);
        }
    }
    const QList<DocumentSummary> allDocuments = store.documentSummaries();
    if (request.documents.isEmpty()) {
        s.documents = allDocuments;
    } else {
        const QSet<QUuid> wanted(request.documents.cbegin(), request.documents.cend());
        for (const DocumentSummary &d : allDocuments) {
            if (wanted.contains(d.id))
                s.documents.append(d);
        }
        if (s.documents.size() != wanted.size())
            s.error = QStringLiteral("%1 of the requested documents are not in the project")
                          .arg(wanted.size() - s.documents.size());
    }
    return s;
}

// The category label of each span code: its name, or "name [id]" when two
// compared codes share a name (sub-codes of different parents may).
QStringList categoryLabels(const QList<const Code *> &codes)
{
    QHash<QString, int> uses;
    for (const Code *c : codes)
        ++uses[c->name];
    QStringList labels;
    for (const Code *c : codes)
        labels << (uses.value(c->name) > 1 ? c->name + u" [" + idString(c->id).left(8) + u']' : c->name);
    return labels;
}

// The articles every coder coded, laid end to end, with every span of the
// compared span codes at its place on that continuum (nothing merged here).
PooledUnits pool(const QList<const DocumentSummary *> &articles, const QList<const Code *> &codes,
                 const QStringList &coders, const SpanIndex &index)
{
    PooledUnits units;
    units.data.coders = coders;
    units.categories = categoryLabels(codes);
    for (const Code *c : codes)
        units.categoryCodes << c->id;
    qint64 begin = 0;
    for (const DocumentSummary *d : articles) {
        units.articles.append({d->id, d->title, begin, d->length});
        stats::UnitizingDocument doc{begin, d->length, {}};
        doc.spansByCoder.resize(coders.size());
        const auto byCode = index.constFind(d->id);
        for (qsizetype k = 0; byCode != index.cend() && k < codes.size(); ++k) {
            const auto byCoder = byCode->constFind(codes[k]->id);
            if (byCoder == byCode->cend())
                continue;
            for (auto it = byCoder->cbegin(); it != byCoder->cend(); ++it)
                for (const Span &s : it.value())
                    doc.spansByCoder[it.key()].append({units.categories[k], begin + s.start, s.end - s.start});
        }
        units.data.documents.append(doc);
        begin += d->length;
    }
    return units;
}

// The engine's merges in article offsets, with the annotations behind them, per category.
QHash<QString, QList<SpanMerge>> describeMerges(const QList<stats::UnitizingMerge> &merges, const PooledUnits &units,
                                                const SpanIndex &index)
{
    QHash<QString, QList<SpanMerge>> out;
    for (const stats::UnitizingMerge &m : merges) {
        const PooledArticle &article = units.articles[m.document];
        const QUuid code = units.categoryCodes.value(units.categories.indexOf(m.category));
        QList<Span> candidates = index.value(article.documentId).value(code).value(m.coder);
        SpanMerge merge;
        merge.documentId = article.documentId;
        merge.documentTitle = article.title;
        merge.coder = units.data.coders.value(m.coder);
        merge.start = int(m.begin - article.begin);
        merge.end = int(m.begin + m.length - article.begin);
        for (const stats::UnitizingSpan &s : m.spans) {
            const int start = int(s.begin - article.begin), end = int(s.begin + s.length - article.begin);
            merge.spans.append({start, end});
            const auto it = std::find_if(candidates.begin(), candidates.end(),
                                         [&](const Span &c) { return c.start == start && c.end == end; });
            if (it != candidates.end()) { // always: the engine got these spans from the index
                merge.annotations.append(it->annotation);
                candidates.erase(it); // two identical spans are two annotations
            }
        }
        out[m.category].append(merge);
    }
    return out;
}

bool isCancelled(const std::atomic_bool *cancel)
{
    return cancel && cancel->load();
}

AgreementReport cancelledReport()
{
    AgreementReport report;
    report.cancelled = true;
    return report;
}

// Adds the bootstrap interval to a row with a defined value, or says why there is none.
void addInterval(stats::AgreementResult &result,
                 const std::function<std::optional<stats::ConfidenceInterval>()> &bootstrap)
{
    if (!result.value)
        return; // no interval around an undefined value
    result.ci = bootstrap();
    if (!result.ci)
        result.addNote(QStringLiteral("No bootstrap draw gave a defined value, so there is no interval."));
}

} // namespace

AgreementReport computeProjectAgreement(const ProjectReader &store, const AgreementRequest &request,
                                        const std::function<void(int, int)> &progress,
                                        const std::atomic_bool *cancel)
{
    if (isCancelled(cancel))
        return cancelledReport();
    AgreementReport report;
    const Selection sel = select(store, request);
    if (!sel.error.isEmpty()) {
        report.error = sel.error;
        return report;
    }
    QHash<QUuid, int> coderIndex;
    for (int i = 0; i < sel.coders.size(); ++i) {
        coderIndex.insert(sel.coders[i].id, i);
        report.coders << sel.coders[i].name;
    }
    QSet<QUuid> codeIds, documentIds;
    for (const Code &c : sel.codes)
        codeIds.insert(c.id);
    for (const DocumentSummary &d : sel.documents)
        documentIds.insert(d.id);

    // One pass over the annotations.
    SpanIndex index;
    QHash<QUuid, QSet<int>> codersOfDocument;
    qint64 seen = 0;
    bool stopped = false;
    store.forEachAnnotation([&](const Annotation &a) {
        if ((++seen & 0x3fff) == 0 && cancel && cancel->load()) {
            stopped = true;
            return false;
        }
        const auto coder = coderIndex.constFind(a.coderId);
        if (coder == coderIndex.cend() || !documentIds.contains(a.documentId)
            || a.status == AnnotationStatus::Suggested) // not accepted by a coder: not a coding yet
            return true;
        codersOfDocument[a.documentId].insert(*coder);
        if (codeIds.contains(a.codeId))
            index[a.documentId][a.codeId][*coder].append({a.start, a.end, a.id});
        return true;
    });
    if (stopped)
        return cancelledReport();
    const int coderCount = int(sel.coders.size());
    for (const QUuid &id : request.codedByAll) {
        if (documentIds.contains(id)) {
            for (int c = 0; c < coderCount; ++c)
                codersOfDocument[id].insert(c);
        }
    }
    QList<const DocumentSummary *> allCoded, anyCoded;
    for (const DocumentSummary &d : sel.documents) {
        const int n = int(codersOfDocument.value(d.id).size());
        if (n > 0)
            anyCoded.append(&d);
        if (n == coderCount)
            allCoded.append(&d);
    }
    report.documents = int(anyCoded.size());
    report.documentsAllCoded = int(allCoded.size());

    // Unitizing alpha of every span code at once, on the articles every coder coded.
    QList<const Code *> spanCodes;
    for (const Code &code : sel.codes) {
        if (!code.isVariable())
            spanCodes.append(&code);
    }
    report.units = pool(allCoded, spanCodes, report.coders, index);
    const stats::UnitizingResult unitizing = stats::unitizingAlpha(report.units.data);
    const QHash<QString, QList<SpanMerge>> merges = describeMerges(unitizing.merges, report.units, index);
    if (isCancelled(cancel))
        return cancelledReport();

    stats::BootstrapOptions bootstrap;
    bootstrap.draws = request.bootstrapDraws;
    bootstrap.seed = request.bootstrapSeed;
    bootstrap.cancel = cancel;
    const int total = int(sel.codes.size());
    int done = 0;
    for (const Code &code : sel.codes) {
        if (isCancelled(cancel))
            return cancelledReport();
        if (code.isVariable()) { // no spans: only its fields are compared (below)
            if (progress)
                progress(++done, total);
            continue;
        }
        const QString label = report.units.categories[report.units.categoryCodes.indexOf(code.id)];
        AgreementRow unitRow;
        unitRow.subject = code.name;
        unitRow.codeId = code.id;
        unitRow.measure = QStringLiteral("unitizing-alpha");
        unitRow.level = QStringLiteral("nominal");
        unitRow.coders = coderCount;
        unitRow.result = stats::categoryResult(unitizing, label);
        unitRow.merges = merges.value(label);
        if (bootstrap.draws > 0) {
            const stats::UnitizingData onlyThis = report.units.only(label);
            addInterval(unitRow.result,
                        [&] { return stats::bootstrapUnitizingAlpha(onlyThis, label, bootstrap); });
        }
        report.rows.append(unitRow);

        // Alpha on presence per article.
        stats::ReliabilityData presence(report.coders, anyCoded.size());
        presence.setCategories({QStringLiteral("absent"), QStringLiteral("present")});
        for (qsizetype u = 0; u < anyCoded.size(); ++u) {
            const QUuid doc = anyCoded[u]->id;
            const QSet<int> coded = codersOfDocument.value(doc);
            const auto &byCoder = index.value(doc).value(code.id);
            for (int c = 0; c < coderCount; ++c) {
                if (coded.contains(c))
                    presence.setCategory(u, c, byCoder.contains(c) ? 1 : 0);
            }
        }
        AgreementRow presenceRow = unitRow;
        presenceRow.measure = QStringLiteral("alpha-presence");
        presenceRow.merges.clear(); // merges belong to the spans (the unitizing row)
        presenceRow.result = stats::krippendorffAlpha(presence, stats::Level::Nominal);
        if (bootstrap.draws > 0)
            addInterval(presenceRow.result,
                        [&] { return stats::bootstrapAlpha(presence, stats::Level::Nominal, bootstrap); });
        if (isCancelled(cancel)) // also ends the bootstrap early, so its interval is incomplete
            return cancelledReport();
        report.rows.append(presenceRow);
        if (progress)
            progress(++done, total);
    }
    // Field values and article variables, at each field's level.
    const QList<AgreementRow> fieldRows =
        computeFieldAgreement(store, sel.codes, sel.coders, request.documents, cancel);
    if (isCancelled(cancel))
        return cancelledReport();
    report.rows.append(fieldRows);
    return report;
}

QList<Disagreement> codeDisagreements(const ProjectReader &store, const QUuid &codeId, const AgreementRequest &request)
{
    QList<Disagreement> result;
    AgreementRequest onlyThis = request;
    onlyThis.codes.clear();
    const Selection sel = select(store, onlyThis);
    if (!sel.error.isEmpty())
        return result;
    QHash<QUuid, QString> coderNames;
    for (const Coder &c : sel.coders)
        coderNames.insert(c.id, c.name);
    QHash<QUuid, QString> titles;
    for (const DocumentSummary &d : sel.documents)
        titles.insert(d.id, d.title);
    QHash<QUuid, QList<Annotation>> byDocument;
    const auto keep = [&](const Annotation &a) {
        if (a.codeId == codeId && coderNames.contains(a.coderId) && titles.contains(a.documentId)
            && a.status != AnnotationStatus::Suggested)
            byDocument[a.documentId].append(a);
    };
    if (request.documents.isEmpty()) {
        for (const Annotation &a : store.annotationsForCode(codeId))
            keep(a);
    } else { // only the chosen articles (by the document index), not every annotation of the code
        for (const DocumentSummary &d : sel.documents) {
            for (const Annotation &a : store.annotationsForDocument(d.id))
                keep(a);
        }
    }
    for (auto it = byDocument.cbegin(); it != byDocument.cend(); ++it) {
        QString text; // read once, and only for an article with a disagreement
        bool textRead = false;
        for (const Annotation &a : it.value()) {
            bool exactEverywhere = true, overlapsAll = true;
            for (const Coder &other : sel.coders) {
                if (other.id == a.coderId)
                    continue;
                bool exact = false, overlap = false;
                for (const Annotation &b : it.value()) {
                    if (b.coderId != other.id)
                        continue;
                    exact |= b.start == a.start && b.end == a.end;
                    overlap |= b.start < a.end && a.start < b.end;
                }
                exactEverywhere &= exact;
                overlapsAll &= overlap;
            }
            if (exactEverywhere)
                continue;
            if (!textRead) {
                text = store.documentText(it.key());
                textRead = true;
            }
            result.append({it.key(), titles.value(it.key()), coderNames.value(a.coderId), a.start, a.end,
                           text.mid(a.start, a.end - a.start),
                           overlapsAll ? QStringLiteral("boundaries differ") : QStringLiteral("no counterpart")});
        }
    }
    std::sort(result.begin(), result.end(), [](const Disagreement &x, const Disagreement &y) {
        return std::tie(x.documentTitle, x.start, x.coder) < std::tie(y.documentTitle, y.start, y.coder);
    });
    return result;
}

} // namespace newscoder
