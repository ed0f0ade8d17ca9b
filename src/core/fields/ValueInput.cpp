#include "fields/ValueInput.h"

#include "model/OptionLabel.h"
#include "project/Project.h"
#include "storage/ProjectReader.h"
#include "storage/StoreError.h"

#include <QDate>
#include <QLocale>

namespace newscoder {

ValueInput::ValueInput(const Project &project)
    : m_project(project)
{
}

QString ValueInput::allowedValues(const CodeField &field)
{
    if (field.options.isEmpty())
        return {};
    QStringList shown;
    for (const FieldOption &o : field.options)
        shown.append(optionLabel(o, OptionLabelStyle::ValueAndLabel, field.kind));
    return QStringLiteral("one of: ") + shown.join(QStringLiteral(", "));
}

std::optional<QList<FieldValue>> ValueInput::parse(const CodeField &field, const QString &text, QString *error)
{
    QList<FieldValue> values;
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return values;
    const QStringList parts = field.allowsSeveral() ? trimmed.split(u',', Qt::SkipEmptyParts) : QStringList{trimmed};
    for (const QString &part : parts) {
        if (part.trimmed().isEmpty())
            continue;
        const auto value = parseOne(field, part.trimmed(), error);
        if (!value)
            return std::nullopt;
        values.append(*value);
    }
    return values;
}

std::optional<FieldValue> ValueInput::parseOne(const CodeField &field, const QString &part, QString *error)
{
    const auto refuse = [&](const QString &message) -> std::optional<FieldValue> {
        if (error)
            *error = message;
        return std::nullopt;
    };
    const auto scalar = [&](const QString &stored) { return FieldValue{field.id, stored, {}, {}}; };
    switch (field.kind) {
    case FieldKind::Text:
        return scalar(part);
    case FieldKind::Number: {
        bool ok = false;
        QLocale::c().toDouble(part, &ok);
        if (!ok)
            return refuse(QStringLiteral("“%1” is not a number (field “%2”).").arg(part, field.name));
        return scalar(part);
    }
    case FieldKind::Boolean: {
        const QString lower = part.toLower();
        if (lower == u"true" || lower == u"yes" || lower == u"1")
            return scalar(QStringLiteral("true"));
        if (lower == u"false" || lower == u"no" || lower == u"0")
            return scalar(QStringLiteral("false"));
        return refuse(QStringLiteral("“%1” is not yes or no (field “%2”).").arg(part, field.name));
    }
    case FieldKind::Date:
        if (!QDate::fromString(part, Qt::ISODate).isValid())
            return refuse(QStringLiteral("“%1” is not a date as YYYY-MM-DD (field “%2”).").arg(part, field.name));
        return scalar(part);
    case FieldKind::SingleChoice:
    case FieldKind::MultipleChoice:
    case FieldKind::Ordinal:
        for (const FieldOption &o : field.options) {
            if (o.value == part)
                return scalar(o.value);
        }
        for (const FieldOption &o : field.options) {
            if (!o.label.isEmpty() && o.label.compare(part, Qt::CaseInsensitive) == 0)
                return scalar(o.value);
        }
        return refuse(QStringLiteral("“%1” is not one of the values of “%2” (%3).")
                          .arg(part, field.name, allowedValues(field)));
    case FieldKind::ActorLink:
        return FieldValue{field.id, {}, {}, actorFor(part)};
    case FieldKind::AnnotationLink: {
        const QUuid id = QUuid::fromString(QString(part).remove(u'{').remove(u'}'));
        std::optional<Annotation> target;
        try {
            target = id.isNull() ? std::nullopt : m_project.reader().annotation(id);
        } catch (const StoreError &e) {
            return refuse(e.message());
        }
        if (!target)
            return refuse(QStringLiteral("“%1” is not the id of an annotation (field “%2”).").arg(part, field.name));
        if (!field.linkCodes.isEmpty() && !field.linkCodes.contains(target->codeId)) {
            const auto targetCode = m_project.code(target->codeId);
            return refuse(QStringLiteral("“%1” cannot link to a “%2” annotation.")
                              .arg(field.name, targetCode ? targetCode->name : QString()));
        }
        return FieldValue{field.id, {}, target->id, {}};
    }
    }
    return refuse(QStringLiteral("“%1” has a kind of field this program does not know.").arg(field.name));
}

QUuid ValueInput::actorFor(const QString &name)
{
    if (const auto known = m_project.resolveActor(name))
        return known->id;
    for (const Actor &pending : std::as_const(m_newActors)) {
        if (pending.name.compare(name, Qt::CaseInsensitive) == 0)
            return pending.id;
    }
    Actor created;
    created.id = QUuid::createUuid();
    created.name = name;
    m_newActors.append(created);
    return created.id;
}

} // namespace newscoder
