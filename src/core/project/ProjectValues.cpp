// Project: field values of annotations, article variables and outlet variables.
#include "project/Project.h"

#include "commands/ValueCommands.h"
#include "fields/ValueInput.h"
#include "storage/ProjectStore.h"
#include "storage/StoreError.h"

#include <QLocale>
#include <QSet>

namespace newscoder {

using Owner = StoredValue::Owner;

std::optional<std::pair<Code, CodeField>> Project::field(const QUuid &fieldId) const
{
    for (const Code &c : m_codes) {
        if (const CodeField *f = c.field(fieldId))
            return std::pair{c, *f};
    }
    return std::nullopt;
}

QList<FieldValue> Project::annotationValues(const QUuid &annotationId) const
{
    try {
        return m_store->annotationValues(annotationId);
    } catch (const StoreError &) {
        return {};
    }
}

QList<VariableValue> Project::documentVariables(const QUuid &documentId, const QUuid &coderId) const
{
    QList<VariableValue> result;
    try {
        const auto summary = m_store->documentSummary(documentId);
        if (!summary)
            return {};
        const QList<FieldValue> own = coderId.isNull() ? QList<FieldValue>{} : m_store->documentValues(documentId, coderId);
        const QList<FieldValue> inherited =
            summary->outletId.isNull() ? QList<FieldValue>{} : m_store->outletValues(summary->outletId);
        for (const Code &c : m_codes) {
            if (!c.isVariable())
                continue;
            for (const CodeField &f : c.fields) {
                VariableValue v{f, c.name, c.unit, {}, false};
                for (const FieldValue &value : own) {
                    if (value.fieldId == f.id)
                        v.values.append(value);
                }
                if (v.values.isEmpty() && c.unit == CodeUnit::Outlet) {
                    for (const FieldValue &value : inherited) {
                        if (value.fieldId == f.id)
                            v.values.append(value);
                    }
                    v.inherited = !v.values.isEmpty();
                }
                result.append(v);
            }
        }
    } catch (const StoreError &) {
        return {};
    }
    return result;
}

QList<VariableValue> Project::outletVariables(const QUuid &outletId) const
{
    QList<VariableValue> result;
    try {
        const QList<FieldValue> values = m_store->outletValues(outletId);
        for (const Code &c : m_codes) {
            if (c.unit != CodeUnit::Outlet)
                continue;
            for (const CodeField &f : c.fields) {
                VariableValue v{f, c.name, c.unit, {}, false};
                for (const FieldValue &value : values) {
                    if (value.fieldId == f.id)
                        v.values.append(value);
                }
                result.append(v);
            }
        }
    } catch (const StoreError &) {
        return {};
    }
    return result;
}

QStringList Project::missingRequiredFields(const Annotation &annotation) const
{
    const auto c = code(annotation.codeId);
    if (!c)
        return {};
    QSet<QUuid> filled;
    for (const FieldValue &v : annotationValues(annotation.id))
        filled.insert(v.fieldId);
    QStringList missing;
    for (const CodeField &f : c->fields) {
        if (f.required && !filled.contains(f.id))
            missing.append(f.name);
    }
    return missing;
}

QHash<QUuid, int> Project::missingRequiredCounts(const QList<QUuid> &documentIds) const
{
    if (m_coderName.isEmpty())
        return {};
    try {
        const auto coder = m_store->coderByName(m_coderName);
        return m_store->missingRequiredCounts(coder ? coder->id : QUuid(), documentIds);
    } catch (const StoreError &) {
        return {};
    }
}

QUuid Project::currentCoderId(std::optional<Coder> &newCoder)
{
    newCoder.reset();
    if (m_coderName.isEmpty()) {
        reportFailure(QStringLiteral("Set your coder name before coding."));
        return {};
    }
    try {
        if (const auto existing = m_store->coderByName(m_coderName))
            return existing->id;
    } catch (const StoreError &e) {
        reportFailure(e.message());
        return {};
    }
    newCoder = Coder{QUuid::createUuid(), m_coderName, {}, CoderRole::Coder};
    return newCoder->id;
}

std::optional<QList<FieldValue>> Project::parseValues(const CodeField &field, const QString &text)
{
    // The rules are ValueInput's; here an unknown actor is refused (nothing adds it).
    ValueInput input(*this);
    QString error;
    const auto values = input.parse(field, text, &error);
    if (!values) {
        reportFailure(error);
        return std::nullopt;
    }
    if (!input.newActors().isEmpty()) {
        reportFailure(QStringLiteral("No actor in the registry is named “%1”.").arg(input.newActors().first().name));
        return std::nullopt;
    }
    return values;
}

bool Project::checkValues(const CodeField &field, const QList<FieldValue> &values, const QUuid &sourceAnnotation)
{
    if (values.size() > 1 && !field.allowsSeveral()) {
        reportFailure(QStringLiteral("“%1” takes one value.").arg(field.name));
        return false;
    }
    for (const FieldValue &v : values) {
        if (v.fieldId != field.id) {
            reportFailure(QStringLiteral("A value for another field was given to “%1”.").arg(field.name));
            return false;
        }
        QString error;
        switch (field.kind) {
        case FieldKind::AnnotationLink: {
            if (v.annotationId == sourceAnnotation) {
                reportFailure(QStringLiteral("An annotation cannot link to itself."));
                return false;
            }
            std::optional<Annotation> target;
            try {
                target = m_store->annotation(v.annotationId);
            } catch (const StoreError &e) {
                reportFailure(e.message());
                return false;
            }
            if (!target) {
                reportFailure(QStringLiteral("The linked annotation does not exist."));
                return false;
            }
            if (!field.linkCodes.isEmpty() && !field.linkCodes.contains(target->codeId)) {
                const auto targetCode = code(target->codeId);
                reportFailure(QStringLiteral("“%1” cannot link to a “%2” annotation.")
                                  .arg(field.name, targetCode ? targetCode->name : QString()));
                return false;
            }
            break;
        }
        case FieldKind::ActorLink:
            if (!actor(v.actorId)) {
                reportFailure(QStringLiteral("The linked actor does not exist."));
                return false;
            }
            break;
        default:
            if (!field.accepts(v.text, &error)) {
                reportFailure(error);
                return false;
            }
        }
    }
    return true;
}

bool Project::setAnnotationValues(const QUuid &annotationId, const QUuid &fieldId, const QList<FieldValue> &values)
{
    if (isReadOnly()) {
        reportFailure(QStringLiteral("The project is open read-only."));
        return false;
    }
    std::optional<Annotation> annotation;
    QList<FieldValue> before;
    try {
        annotation = m_store->annotation(annotationId);
        if (annotation) {
            for (const FieldValue &v : m_store->annotationValues(annotationId)) {
                if (v.fieldId == fieldId)
                    before.append(v);
            }
        }
    } catch (const StoreError &e) {
        reportFailure(e.message());
        return false;
    }
    if (!annotation) {
        reportFailure(QStringLiteral("The annotation no longer exists."));
        return false;
    }
    const auto owner = code(annotation->codeId);
    const CodeField *f = owner ? owner->field(fieldId) : nullptr;
    if (!f) {
        reportFailure(QStringLiteral("The annotation's code “%1” has no such field.").arg(owner ? owner->name : QString()));
        return false;
    }
    if (!checkValues(*f, values, annotationId))
        return false;
    if (before == values)
        return true;
    const bool typing = f->kind == FieldKind::Text || f->kind == FieldKind::Number;
    const QString text = values.isEmpty() ? QStringLiteral("Clear “%1”").arg(f->name)
                                          : QStringLiteral("Set “%1”").arg(f->name);
    return push(new SetFieldValuesCommand(*this, text, {Owner::Annotation, annotationId, {}, fieldId}, before, values,
                                          typing));
}

bool Project::setAnnotationValue(const QUuid &annotationId, const QUuid &fieldId, const QString &value)
{
    const auto f = field(fieldId);
    if (!f) {
        reportFailure(QStringLiteral("No such field."));
        return false;
    }
    const auto values = parseValues(f->second, value);
    return values && setAnnotationValues(annotationId, fieldId, *values);
}

bool Project::addAnnotationLink(const QUuid &sourceId, const QUuid &targetId, const QUuid &fieldId)
{
    std::optional<Annotation> source, target;
    try {
        source = m_store->annotation(sourceId);
        target = m_store->annotation(targetId);
    } catch (const StoreError &e) {
        reportFailure(e.message());
        return false;
    }
    if (!source || !target) {
        reportFailure(QStringLiteral("The annotation to link from or to does not exist."));
        return false;
    }
    const auto sourceCode = code(source->codeId);
    const CodeField *linkField = nullptr;
    for (const CodeField &f : sourceCode ? sourceCode->fields : QList<CodeField>{}) {
        if (f.kind != FieldKind::AnnotationLink)
            continue;
        if ((!fieldId.isNull() && f.id == fieldId)
            || (fieldId.isNull() && (f.linkCodes.isEmpty() || f.linkCodes.contains(target->codeId)))) {
            linkField = &f;
            break;
        }
    }
    if (!linkField) {
        const auto targetCode = code(target->codeId);
        reportFailure(QStringLiteral("A “%1” annotation has no link field that accepts a “%2” annotation.")
                          .arg(sourceCode ? sourceCode->name : QString(), targetCode ? targetCode->name : QString()));
        return false;
    }
    QList<FieldValue> values;
    for (const FieldValue &v : annotationValues(sourceId)) {
        if (v.fieldId == linkField->id)
            values.append(v);
    }
    for (const FieldValue &v : values) {
        if (v.annotationId == targetId)
            return true; // already linked
    }
    const FieldValue link{linkField->id, {}, targetId, {}};
    if (linkField->multiple)
        values.append(link);
    else
        values = {link};
    return setAnnotationValues(sourceId, linkField->id, values);
}

bool Project::removeAnnotationLink(const QUuid &sourceId, const QUuid &targetId)
{
    const QList<FieldValue> all = annotationValues(sourceId);
    for (const FieldValue &v : all) {
        if (v.annotationId != targetId)
            continue;
        QList<FieldValue> kept;
        for (const FieldValue &other : all) {
            if (other.fieldId == v.fieldId && other.annotationId != targetId)
                kept.append(other);
        }
        return setAnnotationValues(sourceId, v.fieldId, kept);
    }
    return true;
}

bool Project::setDocumentValues(const QUuid &documentId, const QUuid &fieldId, const QList<FieldValue> &values)
{
    if (isReadOnly()) {
        reportFailure(QStringLiteral("The project is open read-only."));
        return false;
    }
    const auto f = field(fieldId);
    if (!f || !f->first.isVariable()) {
        reportFailure(QStringLiteral("That is not a field of an article or outlet variable."));
        return false;
    }
    if (!checkValues(f->second, values, {}))
        return false;
    QList<FieldValue> before;
    try {
        if (!m_store->documentSummary(documentId)) {
            reportFailure(QStringLiteral("That document does not exist."));
            return false;
        }
    } catch (const StoreError &e) {
        reportFailure(e.message());
        return false;
    }
    std::optional<Coder> newCoder;
    const QUuid coderId = currentCoderId(newCoder);
    if (coderId.isNull())
        return false;
    try {
        for (const FieldValue &v : m_store->documentValues(documentId, coderId)) {
            if (v.fieldId == fieldId)
                before.append(v);
        }
    } catch (const StoreError &e) {
        reportFailure(e.message());
        return false;
    }
    if (before == values)
        return true;
    const bool typing = f->second.kind == FieldKind::Text || f->second.kind == FieldKind::Number;
    return push(new SetFieldValuesCommand(*this, QStringLiteral("Set “%1”").arg(f->second.name),
                                          {Owner::Document, documentId, coderId, fieldId}, before, values, typing,
                                          newCoder));
}

bool Project::setOutletValues(const QUuid &outletId, const QUuid &fieldId, const QList<FieldValue> &values)
{
    if (isReadOnly()) {
        reportFailure(QStringLiteral("The project is open read-only."));
        return false;
    }
    const auto f = field(fieldId);
    if (!f || f->first.unit != CodeUnit::Outlet) {
        reportFailure(QStringLiteral("That is not a field of an outlet variable."));
        return false;
    }
    if (!outlet(outletId)) {
        reportFailure(QStringLiteral("That outlet does not exist."));
        return false;
    }
    if (!checkValues(f->second, values, {}))
        return false;
    QList<FieldValue> before;
    try {
        for (const FieldValue &v : m_store->outletValues(outletId)) {
            if (v.fieldId == fieldId)
                before.append(v);
        }
    } catch (const StoreError &e) {
        reportFailure(e.message());
        return false;
    }
    if (before == values)
        return true;
    const bool typing = f->second.kind == FieldKind::Text || f->second.kind == FieldKind::Number;
    return push(new SetFieldValuesCommand(*this, QStringLiteral("Set outlet “%1”").arg(f->second.name),
                                          {Owner::Outlet, outletId, {}, fieldId}, before, values, typing));
}

bool Project::setDocumentMemo(const QUuid &documentId, const QString &memo)
{
    std::optional<Document> d;
    try {
        d = m_store->document(documentId);
    } catch (const StoreError &e) {
        reportFailure(e.message());
        return false;
    }
    if (!d) {
        reportFailure(QStringLiteral("The document no longer exists."));
        return false;
    }
    d->memo = memo;
    return updateDocumentDetails(*d);
}

bool Project::applyReplaceValues(Owner owner, const QUuid &ownerId, const QUuid &coderId, const QUuid &fieldId,
                                 const QList<FieldValue> &values, const std::optional<Coder> &newCoder,
                                 bool insertCoder)
{
    if (!writeAtomically([&] {
            if (newCoder && insertCoder)
                m_store->insertCoder(*newCoder);
            switch (owner) {
            case Owner::Annotation:
                m_store->replaceAnnotationValues(ownerId, fieldId, values);
                break;
            case Owner::Document:
                m_store->replaceDocumentValues(ownerId, coderId, fieldId, values);
                break;
            case Owner::Outlet:
                m_store->replaceOutletValues(ownerId, fieldId, values);
                break;
            }
            if (newCoder && !insertCoder)
                m_store->deleteCoder(newCoder->id);
        }))
        return false;
    if (newCoder && insertCoder)
        m_coderNames.insert(newCoder->id, newCoder->name);
    else if (newCoder)
        m_coderNames.remove(newCoder->id);
    Q_EMIT valuesChanged(owner, {ownerId});
    return true;
}

void Project::emitValuesChanged(const QList<StoredValue> &values)
{
    for (const Owner owner : {Owner::Annotation, Owner::Document, Owner::Outlet}) {
        QList<QUuid> ids;
        QSet<QUuid> seen;
        for (const StoredValue &v : values) {
            if (v.owner == owner && !seen.contains(v.ownerId)) {
                seen.insert(v.ownerId);
                ids.append(v.ownerId);
            }
        }
        if (!ids.isEmpty())
            Q_EMIT valuesChanged(owner, ids);
    }
}

} // namespace newscoder
