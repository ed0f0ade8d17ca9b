#include "cli/FieldValueOptions.h"

#include "project/Project.h"
#include "storage/StoreError.h"

#include <algorithm>

namespace newscoder::cli {

std::optional<PreparedValues> prepareFieldValues(Project &project, const QList<Code> &codes, const QStringList &specs,
                                                 QString *error)
{
    PreparedValues prepared;
    for (const QString &spec : specs) {
        const qsizetype eq = spec.indexOf(u'=');
        if (eq <= 0) {
            *error = QStringLiteral("'%1' is not NAME=VALUE").arg(spec);
            return std::nullopt;
        }
        const QString name = spec.left(eq).trimmed();
        const QString value = spec.mid(eq + 1).trimmed();
        QList<std::pair<Code, CodeField>> matches;
        for (const Code &c : codes) {
            for (const CodeField &f : c.fields) {
                if (f.name.compare(name, Qt::CaseInsensitive) == 0
                    || QString(c.name + u'.' + f.name).compare(name, Qt::CaseInsensitive) == 0)
                    matches.append({c, f});
            }
        }
        if (matches.isEmpty()) {
            QStringList known;
            for (const Code &c : codes) {
                for (const CodeField &f : c.fields)
                    known.append(f.name);
            }
            *error = QStringLiteral("no field named '%1' (fields: %2)")
                         .arg(name, known.isEmpty() ? QStringLiteral("none") : known.join(QStringLiteral(", ")));
            return std::nullopt;
        }
        if (matches.size() > 1) {
            *error = QStringLiteral("'%1' is a field of several codes; write CODE.FIELD (e.g. '%2.%3')")
                         .arg(name, matches.first().first.name, matches.first().second.name);
            return std::nullopt;
        }
        const CodeField &field = matches.first().second;
        QList<FieldValue> values;
        if (value.isEmpty()) {
            // clears the field
        } else if (field.kind == FieldKind::ActorLink) {
            QUuid actorId;
            if (const auto a = project.resolveActor(value)) {
                actorId = a->id;
            } else {
                for (const Actor &pending : std::as_const(prepared.newActors)) {
                    if (pending.name.compare(value, Qt::CaseInsensitive) == 0)
                        actorId = pending.id;
                }
                if (actorId.isNull()) {
                    Actor created;
                    created.id = QUuid::createUuid();
                    created.name = value;
                    prepared.newActors.append(created);
                    actorId = created.id;
                }
            }
            values.append(FieldValue{field.id, {}, {}, actorId});
        } else if (field.kind == FieldKind::AnnotationLink) {
            const QUuid target = QUuid::fromString(QString(value).remove(u'{').remove(u'}'));
            std::optional<Annotation> annotation;
            try {
                annotation = target.isNull() ? std::nullopt : project.reader().annotation(target);
            } catch (const StoreError &e) {
                *error = e.message();
                return std::nullopt;
            }
            if (!annotation) {
                *error = QStringLiteral("%1: no annotation with id '%2'").arg(field.name, value);
                return std::nullopt;
            }
            if (!field.linkCodes.isEmpty() && !field.linkCodes.contains(annotation->codeId)) {
                const auto targetCode = project.code(annotation->codeId);
                *error = QStringLiteral("'%1' cannot link to a '%2' annotation")
                             .arg(field.name, targetCode ? targetCode->name : QString());
                return std::nullopt;
            }
            values.append(FieldValue{field.id, {}, annotation->id, {}});
        } else {
            const auto parsed = project.parseValues(field, value);
            if (!parsed) {
                QStringList options;
                for (const FieldOption &o : field.options)
                    options.append(o.label.isEmpty() || o.label == o.value ? o.value
                                                                          : QStringLiteral("%1 (%2)").arg(o.value, o.label));
                *error = QStringLiteral("%1: %2%3")
                             .arg(field.name, project.lastError(),
                                  options.isEmpty() ? QString()
                                                    : QStringLiteral(" (one of: %1)").arg(options.join(QStringLiteral(", "))));
                return std::nullopt;
            }
            values = *parsed;
        }
        // A repeated field adds values where several are allowed.
        auto existing = std::find_if(prepared.assignments.begin(), prepared.assignments.end(),
                                     [&](const FieldAssignment &a) { return a.field.id == field.id; });
        if (existing == prepared.assignments.end()) {
            prepared.assignments.append({field, values});
            continue;
        }
        if (!field.allowsSeveral()) {
            *error = QStringLiteral("'%1' takes one value but was given more than once").arg(field.name);
            return std::nullopt;
        }
        existing->values.append(values);
    }
    return prepared;
}

bool createPreparedActors(Project &project, const PreparedValues &prepared)
{
    for (const Actor &a : prepared.newActors) {
        if (!project.addActor(a))
            return false;
    }
    return true;
}

} // namespace newscoder::cli
