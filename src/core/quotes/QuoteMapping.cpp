#include "quotes/QuoteMapping.h"

#include "project/Project.h"
#include "storage/StoreError.h"
#include "study/StudyChange.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace newscoder {

namespace {

const Code *findCode(const QList<Code> &codes, const QUuid &id)
{
    for (const Code &c : codes) {
        if (c.id == id)
            return &c;
    }
    return nullptr;
}

const Code *spanCodeNamed(const QList<Code> &codes, const QStringList &names)
{
    for (const QString &name : names) {
        for (const Code &c : codes) {
            if (!c.isVariable() && c.name.compare(name, Qt::CaseInsensitive) == 0)
                return &c;
        }
    }
    return nullptr;
}

bool linksTo(const CodeField &field, const QUuid &codeId)
{
    return field.kind == FieldKind::AnnotationLink && (field.linkCodes.isEmpty() || field.linkCodes.contains(codeId));
}

QUuid uuidOf(const QJsonObject &o, const char *key)
{
    return QUuid::fromString(o.value(QLatin1String(key)).toString());
}

} // namespace

QString quoteMappingToJson(const QuoteMapping &m)
{
    QJsonObject o;
    const auto put = [&](const char *key, const QUuid &id) {
        if (!id.isNull())
            o.insert(QLatin1String(key), idString(id));
    };
    put("quote_code", m.quoteCode);
    put("speaker_code", m.speakerCode);
    put("speaker_link_field", m.speakerLinkField);
    put("actor_field", m.actorField);
    put("kind_field", m.kindField);
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

QuoteMapping quoteMappingFromJson(const QString &json)
{
    const QJsonDocument doc = QJsonDocument::fromJson(json.toUtf8());
    if (!doc.isObject())
        return {};
    const QJsonObject o = doc.object();
    QuoteMapping m;
    m.quoteCode = uuidOf(o, "quote_code");
    m.speakerCode = uuidOf(o, "speaker_code");
    m.speakerLinkField = uuidOf(o, "speaker_link_field");
    m.actorField = uuidOf(o, "actor_field");
    m.kindField = uuidOf(o, "kind_field");
    return m;
}

QString quoteMappingProblem(const QList<Code> &codes, const QuoteMapping &m)
{
    const Code *quote = findCode(codes, m.quoteCode);
    if (!quote)
        return QStringLiteral("The quote code is not in the codebook.");
    if (quote->isVariable())
        return QStringLiteral("The quote code must be a code for text spans.");
    const Code *speaker = nullptr;
    if (!m.speakerCode.isNull()) {
        speaker = findCode(codes, m.speakerCode);
        if (!speaker || speaker->isVariable())
            return QStringLiteral("The speaker code must be a code for text spans of the codebook.");
        if (speaker->id == quote->id)
            return QStringLiteral("The quote and the speaker need two different codes.");
    }
    if (!m.speakerLinkField.isNull()) {
        const CodeField *f = quote->field(m.speakerLinkField);
        if (!speaker || !f || !linksTo(*f, speaker->id))
            return QStringLiteral("The speaker link must be a field of the quote code that links to the speaker code.");
    }
    if (!m.actorField.isNull()) {
        const CodeField *f = quote->field(m.actorField);
        if (!f && speaker)
            f = speaker->field(m.actorField);
        if (!f || f->kind != FieldKind::ActorLink)
            return QStringLiteral("The actor field must be an actor field of the quote or the speaker code.");
    }
    if (!m.kindField.isNull()) {
        const CodeField *f = quote->field(m.kindField);
        if (!f || (f->kind != FieldKind::SingleChoice && f->kind != FieldKind::Text))
            return QStringLiteral("The kind field must be a choice or text field of the quote code.");
    }
    return {};
}

QuoteMapping inferQuoteMapping(const QList<Code> &codes)
{
    const Code *quote = spanCodeNamed(codes, {QStringLiteral("Quote"), QStringLiteral("Zitat")});
    if (!quote)
        return {};
    QuoteMapping m;
    m.quoteCode = quote->id;
    const Code *speaker = spanCodeNamed(codes, {QStringLiteral("Speaker"), QStringLiteral("Sprecher"),
                                                QStringLiteral("Source"), QStringLiteral("Quelle")});
    if (speaker && speaker->id != quote->id) {
        m.speakerCode = speaker->id;
        for (const CodeField &f : quote->fields) {
            if (linksTo(f, speaker->id) && !f.linkCodes.isEmpty()) {
                m.speakerLinkField = f.id;
                break;
            }
        }
        for (const CodeField &f : speaker->fields) {
            if (f.kind == FieldKind::ActorLink) {
                m.actorField = f.id;
                break;
            }
        }
    }
    if (m.actorField.isNull()) {
        for (const CodeField &f : quote->fields) {
            if (f.kind == FieldKind::ActorLink) {
                m.actorField = f.id;
                break;
            }
        }
    }
    for (const QString &name : {QStringLiteral("Type"), QStringLiteral("Kind"), QStringLiteral("Typ"),
                                QStringLiteral("Art")}) {
        const CodeField *f = quote->fieldByName(name);
        if (f && (f->kind == FieldKind::SingleChoice || f->kind == FieldKind::Text)) {
            m.kindField = f->id;
            break;
        }
    }
    return m;
}

QuoteMapping quoteMapping(const Project &project)
{
    QString stored;
    try {
        stored = project.reader().setting(QuoteMappingSetting);
    } catch (const StoreError &) {
        stored.clear(); // unreadable: fall back to the names
    }
    if (!stored.isEmpty()) {
        const QuoteMapping m = quoteMappingFromJson(stored);
        if (!m.isEmpty() && quoteMappingProblem(project.codes(), m).isEmpty())
            return m;
    }
    return inferQuoteMapping(project.codes());
}

bool setQuoteMapping(Project &project, const QuoteMapping &mapping, QString *error)
{
    const QString problem = quoteMappingProblem(project.codes(), mapping);
    if (!problem.isEmpty()) {
        if (error)
            *error = problem;
        return false;
    }
    QString before;
    try {
        before = project.reader().setting(QuoteMappingSetting);
    } catch (const StoreError &e) {
        if (error)
            *error = e.message();
        return false;
    }
    StudyChange redo;
    redo.settings.append({QuoteMappingSetting, quoteMappingToJson(mapping)});
    StudyChange undo;
    undo.settings.append({QuoteMappingSetting, before});
    if (!project.commitStudyChange(QStringLiteral("Map quotes in the codebook"), std::move(redo), std::move(undo))) {
        if (error)
            *error = project.lastError();
        return false;
    }
    return true;
}

QString quoteKindValue(const CodeField &field, quotes::QuoteKind kind)
{
    const QString name = quotes::quoteKindName(kind);
    if (field.kind == FieldKind::Text)
        return name;
    QStringList wanted{name};
    if (kind == quotes::QuoteKind::Mixed)
        wanted << QStringLiteral("partial") << QStringLiteral("teilzitat");
    if (kind == quotes::QuoteKind::Floating)
        wanted << QStringLiteral("direct") << QStringLiteral("direkt");
    if (kind == quotes::QuoteKind::Direct)
        wanted << QStringLiteral("direkt");
    if (kind == quotes::QuoteKind::Indirect)
        wanted << QStringLiteral("indirekt") << QStringLiteral("reported");
    for (const QString &w : wanted) {
        for (const FieldOption &o : field.options) {
            if (o.value.compare(w, Qt::CaseInsensitive) == 0
                || o.label.startsWith(w, Qt::CaseInsensitive))
                return o.value;
        }
    }
    return {};
}

} // namespace newscoder
