#include "cli/FieldValueOptions.h"

#include "fields/ValueInput.h"
#include "project/Project.h"

#include <algorithm>

namespace newscoder::cli {

std::optional<PreparedValues> prepareFieldValues(Project &project, const QList<Code> &codes, const QStringList &specs,
                                                 QString *error)
{
    PreparedValues prepared;
    ValueInput input(project);
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
        const auto values = input.parse(field, value, error);
        if (!values) {
            *error = QStringLiteral("%1: %2").arg(field.name, *error);
            return std::nullopt;
        }
        // A repeated field adds values where several are allowed.
        auto existing = std::find_if(prepared.assignments.begin(), prepared.assignments.end(),
                                     [&](const FieldAssignment &a) { return a.field.id == field.id; });
        if (existing == prepared.assignments.end()) {
            prepared.assignments.append({field, *values});
            continue;
        }
        if (!field.allowsSeveral()) {
            *error = QStringLiteral("'%1' takes one value but was given more than once").arg(field.name);
            return std::nullopt;
        }
        existing->values.append(*values);
    }
    prepared.newActors = input.newActors();
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
