#include "review/DisagreementReport.h"

#include "review/ConsensusAgreement.h"
#include "review/ReviewItems.h"
#include "storage/ProjectReader.h"
#include "study/Assignments.h"

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <algorithm>

namespace newscoder::review {

namespace {

QString esc(const QString &text)
{
    return text.toHtmlEscaped();
}

struct Comparison
{
    QString a;
    QString b;
    QList<QUuid> documents; // empty: the articles both coded (computeReview decides)
};

struct Passage
{
    ReviewItem item;
    int position = 0; // of its article in the project's order
};

QString kindLabel(const ReviewItem &item, bool against)
{
    switch (item.kind) {
    case ItemKind::OnlyOne:
        if (against)
            return item.a.annotation ? QStringLiteral("extra (not in the consensus)")
                                     : QStringLiteral("missed (only in the consensus)");
        return QStringLiteral("only %1").arg(item.a.annotation ? item.a.coder : item.b.coder);
    case ItemKind::Boundary:
        return QStringLiteral("boundary");
    case ItemKind::Code:
        return QStringLiteral("other code");
    case ItemKind::Fields:
        return QStringLiteral("field values");
    case ItemKind::Variable:
        return QStringLiteral("article variable");
    case ItemKind::Agreement:
        break;
    }
    return QStringLiteral("agreement");
}

const char *const Style = R"(body{font-family:sans-serif;max-width:60em;margin:2em auto;color:#222;line-height:1.45}
h1{font-size:1.5em}h2{border-bottom:2px solid #888;margin-top:2em}
.counts{color:#444}.passage{border:1px solid #ccc;border-radius:4px;padding:.6em 1em;margin:1em 0}
.where{color:#555;font-size:.9em;margin:0 0 .4em}.context{white-space:pre-wrap;background:#f7f7f7;padding:.5em;margin:.3em 0}
mark{background:#ffe066;padding:0 1px}table{border-collapse:collapse;width:100%}
td,th{border-top:1px solid #ddd;padding:.25em .5em;text-align:left;vertical-align:top}th{width:12em;font-weight:600}
.decision th,.decision td{background:#eef6ee}.none{color:#888;font-style:italic})";

class ReportWriter
{
public:
    ReportWriter(const ProjectReader &store, const DisagreementReportRequest &request)
        : m_store(store), m_request(request)
    {
    }

    DisagreementReportResult run()
    {
        DisagreementReportResult result;
        const QList<Comparison> comparisons = resolve(&result.error);
        if (!result.error.isEmpty())
            return result;
        m_codes = codebookTreeOrder(m_store.codes());
        int position = 0;
        for (const DocumentSummary &d : m_store.documentSummaries()) {
            m_titles.insert(d.id, d.title);
            m_positions.insert(d.id, position++);
        }
        for (const Actor &a : m_store.actors())
            m_actors.insert(a.id, a.name);
        for (const Decision &d : m_store.decisions()) {
            for (const QUuid &r : d.results)
                m_resultDecisions.insert(r, d);
            // The coders' annotations it decided about (a rejection has no result).
            for (const QJsonValue &side : QJsonDocument::fromJson(d.sources.toUtf8()).array()) {
                const QUuid source = QUuid::fromString(side[QLatin1String("annotation")].toString());
                if (!source.isNull())
                    m_sourceDecisions.insert(source, d);
            }
        }
        QHash<QUuid, QList<Passage>> byCode;
        for (const Comparison &c : comparisons) {
            const ReviewReport review = computeReview(m_store, ReviewRequest{c.a, c.b, c.documents, m_request.codes, false});
            if (!review.error.isEmpty()) {
                result.error = review.error;
                return result;
            }
            for (const ReviewItem &item : review.items)
                byCode[codeOfItem(item, m_codes)].append({item, m_positions.value(item.documentId)});
        }
        QString body;
        for (const Code &code : std::as_const(m_codes)) {
            QList<Passage> passages = byCode.value(code.id);
            if (passages.isEmpty())
                continue;
            std::stable_sort(passages.begin(), passages.end(), [](const Passage &x, const Passage &y) {
                return std::tuple(x.position, x.item.start(), x.item.end()) < std::tuple(y.position, y.item.start(), y.item.end());
            });
            body += codeSection(code, passages);
            result.passages += int(passages.size());
            ++result.codes;
        }
        const QString heading = m_request.title.trimmed().isEmpty()
                                    ? m_subject
                                    : m_request.title.trimmed() + QStringLiteral(": ") + m_subject;
        QString html = QStringLiteral("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>")
                       + esc(QStringLiteral("Disagreement report — ") + heading) + QStringLiteral("</title>\n<style>")
                       + QString::fromUtf8(Style) + QStringLiteral("</style></head>\n<body>\n<h1>")
                       + esc(QStringLiteral("Disagreement report — ") + heading) + QStringLiteral("</h1>\n");
        html += QStringLiteral("<p class=\"counts\">%1 disputed passages in %2 codes. Made %3.</p>\n")
                    .arg(result.passages)
                    .arg(result.codes)
                    .arg(esc(QDateTime::currentDateTimeUtc().toString(Qt::ISODate)));
        if (result.passages == 0)
            html += QStringLiteral("<p class=\"none\">No disagreements.</p>\n");
        html += body + QStringLiteral("</body></html>\n");
        result.html = html;
        return result;
    }

private:
    QList<Comparison> resolve(QString *error)
    {
        const bool against = !m_request.against.trimmed().isEmpty();
        if (!against) {
            if (m_request.coders.size() != 2) {
                *error = QStringLiteral("Say which coders: two coders A,B, or each coder against the consensus.");
                return {};
            }
            m_subject = QStringLiteral("%1 and %2").arg(m_request.coders[0].trimmed(), m_request.coders[1].trimmed());
            m_consensus = study::consensusCoder(m_store);
            return {{m_request.coders[0].trimmed(), m_request.coders[1].trimmed(), {}}};
        }
        m_against = true;
        m_consensus = m_store.coderByName(m_request.against.trimmed());
        if (!m_consensus) {
            *error = QStringLiteral("There is no coder “%1”.").arg(m_request.against.trimmed());
            return {};
        }
        const QList<Coder> coders = codersAgainst(m_store, *m_consensus, m_request.coders, error);
        if (!error->isEmpty())
            return {};
        const QList<QUuid> adjudicated = adjudicatedDocuments(m_store, m_consensus->id);
        QList<Comparison> comparisons;
        QStringList names;
        for (const Coder &c : coders) {
            const QList<QUuid> documents = coderShareOf(m_store, c.id, adjudicated);
            if (documents.isEmpty())
                continue;
            comparisons.append({c.name, m_consensus->name, documents});
            names << c.name;
        }
        m_subject = QStringLiteral("%1 against %2").arg(names.isEmpty() ? QStringLiteral("no coder") : names.join(QStringLiteral(", ")),
                                                         m_consensus->name);
        return comparisons;
    }

    const QString &text(const QUuid &documentId)
    {
        auto it = m_texts.find(documentId);
        if (it == m_texts.end())
            it = m_texts.insert(documentId, m_store.documentText(documentId));
        return *it;
    }

    QString codeName(const QUuid &id) const
    {
        for (const Code &c : m_codes) {
            if (c.id == id)
                return c.name;
        }
        return QStringLiteral("?");
    }

    QString valueText(const FieldValue &v)
    {
        if (!v.actorId.isNull())
            return m_actors.value(v.actorId, QStringLiteral("(actor)"));
        if (!v.annotationId.isNull()) {
            const auto target = m_store.annotation(v.annotationId);
            if (!target)
                return QStringLiteral("→ (a removed annotation)");
            return QStringLiteral("→ %1 “%2”").arg(codeName(target->codeId),
                                                    text(target->documentId).mid(target->start, target->length()));
        }
        return v.text;
    }

    // "Type: direct; Speaker: → Speaker “Ana Reyes”", in the order stored.
    QString valuesText(const QList<FieldValue> &values, const QUuid &codeId)
    {
        const Code *code = nullptr;
        for (const Code &c : m_codes) {
            if (c.id == codeId || c.field(values.value(0).fieldId))
                code = &c;
        }
        QList<QPair<QString, QStringList>> parts;
        for (const FieldValue &v : values) {
            const CodeField *field = code ? code->field(v.fieldId) : nullptr;
            const QString name = field ? field->name : QStringLiteral("field");
            auto it = std::find_if(parts.begin(), parts.end(), [&](const auto &p) { return p.first == name; });
            if (it == parts.end())
                it = parts.insert(parts.end(), {name, {}});
            it->second << valueText(v);
        }
        QStringList out;
        for (const auto &[name, list] : parts)
            out << name + QStringLiteral(": ") + list.join(QStringLiteral(", "));
        return out.join(QStringLiteral("; "));
    }

    QString sideCell(const ReviewSide &side, const ReviewItem &item)
    {
        if (item.kind == ItemKind::Variable) {
            const QString v = valuesText(side.values, {});
            return v.isEmpty() ? QStringLiteral("<span class=\"none\">no value</span>") : esc(v);
        }
        if (!side.annotation)
            return QStringLiteral("<span class=\"none\">not marked</span>");
        const Annotation &an = *side.annotation;
        QString cell = QStringLiteral("<b>%1</b> [%2–%3) “%4”")
                           .arg(esc(codeName(an.codeId)))
                           .arg(an.start)
                           .arg(an.end)
                           .arg(esc(text(an.documentId).mid(an.start, an.length())));
        const QString values = valuesText(side.values, an.codeId);
        if (!values.isEmpty())
            cell += QStringLiteral("<br>") + esc(values);
        return cell;
    }

    QString decisionText(const Decision &d, bool changedSince) const
    {
        QString s = QStringLiteral("%1 — by %2, %3").arg(d.decision, d.decidedBy, d.decided.toString(Qt::ISODate));
        if (!d.memo.isEmpty())
            s += QStringLiteral(" — “%1”").arg(d.memo);
        if (changedSince)
            s += QStringLiteral(" (the coders' versions changed since)");
        return esc(s);
    }

    // The consensus annotations overlapping [start, end) of an article.
    QString consensusThere(const QUuid &documentId, int start, int end)
    {
        auto cached = m_consensusAnnotations.find(documentId);
        if (cached == m_consensusAnnotations.end()) {
            QList<Annotation> mine;
            for (const Annotation &an : m_store.annotationsForDocument(documentId)) {
                if (an.coderId == m_consensus->id && an.status != AnnotationStatus::Suggested)
                    mine.append(an);
            }
            cached = m_consensusAnnotations.insert(documentId, mine);
        }
        QStringList parts;
        for (const Annotation &an : std::as_const(*cached)) {
            if (an.end <= start || an.start >= end)
                continue;
            parts << QStringLiteral("<b>%1</b> [%2–%3) “%4”")
                         .arg(esc(codeName(an.codeId)))
                         .arg(an.start)
                         .arg(an.end)
                         .arg(esc(text(documentId).mid(an.start, an.length())));
        }
        return parts.isEmpty() ? QStringLiteral("<span class=\"none\">nothing marked here</span>")
                               : parts.join(QStringLiteral("<br>"));
    }

    QString passageHtml(const ReviewItem &item)
    {
        QString html = QStringLiteral("<div class=\"passage\">\n<p class=\"where\">%1 · %2")
                           .arg(esc(m_titles.value(item.documentId)), esc(kindLabel(item, m_against)));
        if (item.kind == ItemKind::Variable) {
            html += QStringLiteral(" · %1</p>\n").arg(esc(item.fields.value(0).field));
        } else {
            const QString &t = text(item.documentId);
            const int start = std::clamp(item.start(), 0, int(t.size()));
            const int end = std::clamp(item.end(), start, int(t.size()));
            const int from = std::max(0, start - m_request.context);
            const int to = std::min(int(t.size()), end + m_request.context);
            html += QStringLiteral(" · characters %1–%2</p>\n<p class=\"context\">").arg(start).arg(end)
                    + (from > 0 ? QStringLiteral("…") : QString()) + esc(t.mid(from, start - from))
                    + QStringLiteral("<mark>") + esc(t.mid(start, end - start)) + QStringLiteral("</mark>")
                    + esc(t.mid(end, to - end)) + (to < t.size() ? QStringLiteral("…") : QString())
                    + QStringLiteral("</p>\n");
        }
        html += QStringLiteral("<table>\n<tr><th>%1</th><td>%2</td></tr>\n<tr><th>%3</th><td>%4</td></tr>\n")
                    .arg(esc(item.a.coder), sideCell(item.a, item), esc(item.b.coder), sideCell(item.b, item));
        // The consensus decision: the decision behind the consensus's copy
        // (against the consensus), or the decision about this pair's item.
        std::optional<Decision> decision;
        bool changedSince = false;
        if (m_against && item.b.annotation)
            decision = m_resultDecisions.value(item.b.annotation->id);
        else if (m_against && item.a.annotation) // the coder's span the consensus lacks: rejected?
            decision = m_sourceDecisions.value(item.a.annotation->id);
        else if (!m_against && item.decision)
            decision = item.decision, changedSince = item.isReopened();
        if (decision && !decision->id.isNull())
            html += QStringLiteral("<tr class=\"decision\"><th>Decision</th><td>%1</td></tr>\n")
                        .arg(decisionText(*decision, changedSince));
        if (!m_against && m_consensus && item.kind != ItemKind::Variable)
            html += QStringLiteral("<tr class=\"decision\"><th>%1</th><td>%2</td></tr>\n")
                        .arg(esc(m_consensus->name), consensusThere(item.documentId, item.start(), item.end()));
        html += QStringLiteral("</table>\n</div>\n");
        return html;
    }

    QString codeSection(const Code &code, const QList<Passage> &passages)
    {
        QMap<QString, int> kinds;
        for (const Passage &p : passages)
            ++kinds[kindLabel(p.item, m_against)];
        QStringList counts;
        for (auto it = kinds.cbegin(); it != kinds.cend(); ++it)
            counts << QStringLiteral("%1 %2").arg(it.value()).arg(it.key());
        QString html = QStringLiteral("<section>\n<h2>%1</h2>\n<p class=\"counts\">%2 disputed: %3</p>\n")
                           .arg(esc(code.name))
                           .arg(passages.size())
                           .arg(esc(counts.join(QStringLiteral(", "))));
        for (const Passage &p : passages)
            html += passageHtml(p.item);
        return html + QStringLiteral("</section>\n");
    }

    const ProjectReader &m_store;
    const DisagreementReportRequest &m_request;
    bool m_against = false;
    std::optional<Coder> m_consensus;
    QString m_subject;
    QList<Code> m_codes;
    QHash<QUuid, QString> m_titles;
    QHash<QUuid, int> m_positions;
    QHash<QUuid, QString> m_actors;
    QHash<QUuid, QString> m_texts;
    QHash<QUuid, QList<Annotation>> m_consensusAnnotations; // by article, read once
    QHash<QUuid, Decision> m_resultDecisions; // consensus annotation → the decision that made it
    QHash<QUuid, Decision> m_sourceDecisions; // coder's annotation → the latest decision about it
};

} // namespace

DisagreementReportResult disagreementReportHtml(const ProjectReader &store, const DisagreementReportRequest &request)
{
    return ReportWriter(store, request).run();
}

QString writeDisagreementReport(const ProjectReader &store, const DisagreementReportRequest &request,
                                const QString &path, DisagreementReportResult *result)
{
    const DisagreementReportResult report = disagreementReportHtml(store, request);
    if (result)
        *result = report;
    if (!report.error.isEmpty())
        return report.error;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return QStringLiteral("Cannot write %1: %2").arg(path, file.errorString());
    file.write(report.html.toUtf8());
    if (!file.commit())
        return QStringLiteral("Cannot write %1: %2").arg(path, file.errorString());
    return {};
}

} // namespace newscoder::review
