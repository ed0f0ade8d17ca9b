#include "cli/RegistryCli.h"

#include "cli/CliSupport.h"
#include "cli/ProjectCli.h"
#include "project/Project.h"
#include "storage/StoreError.h"

#include <QJsonArray>
#include <QJsonObject>

namespace newscoder::cli {

namespace {

using Access = ProjectStore::Access;

QJsonArray stringArray(const QStringList &list)
{
    QJsonArray array;
    for (const QString &s : list)
        array.append(s);
    return array;
}

// One value as JSON: the stored value and what coders see.
QJsonObject valueJson(const Project &project, const CodeField &field, const FieldValue &v)
{
    switch (field.kind) {
    case FieldKind::ActorLink: {
        const auto a = project.actor(v.actorId);
        const QString name = a ? a->name : QString();
        return {{QStringLiteral("value"), name}, {QStringLiteral("label"), name},
                {QStringLiteral("actor"), idString(v.actorId)}};
    }
    case FieldKind::AnnotationLink:
        return {{QStringLiteral("value"), idString(v.annotationId)}, {QStringLiteral("label"), idString(v.annotationId)},
                {QStringLiteral("annotation"), idString(v.annotationId)}};
    default:
        return {{QStringLiteral("value"), v.text}, {QStringLiteral("label"), field.labelFor(v.text)}};
    }
}

// The values of a field as plain text (labels).
QString valuesText(const Project &project, const CodeField &field, const QList<FieldValue> &values)
{
    QStringList parts;
    for (const FieldValue &v : values)
        parts.append(valueJson(project, field, v)[u"label"].toString());
    return parts.join(QStringLiteral(", "));
}

// {field name: stored value} of an outlet: a string, an array for several
// values, null when unset.
QJsonObject outletVariablesJson(const Project &project, const QUuid &outletId)
{
    QJsonObject result;
    for (const VariableValue &v : project.outletVariables(outletId)) {
        QJsonArray values;
        for (const FieldValue &fv : v.values)
            values.append(valueJson(project, v.field, fv)[u"value"]);
        if (values.isEmpty())
            result.insert(v.field.name, QJsonValue());
        else if (values.size() == 1 && !v.field.allowsSeveral())
            result.insert(v.field.name, values.first());
        else
            result.insert(v.field.name, values);
    }
    return result;
}

int storeFailure(const StoreError &e)
{
    writeErr(QStringLiteral("newscoder-cli: %1\n").arg(e.message()));
    return ExitUsage; // 1: the operation failed
}

} // namespace

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
                annotation = target.isNull() ? std::nullopt : project.store().annotation(target);
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

int runActors(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("List the actor registry with how often each actor is linked."));
    parser.addPositionalArgument(QStringLiteral("PROJECT"), QStringLiteral("The project file."));
    const QCommandLineOption json = jsonOption();
    parser.addOption(json);
    if (const int rc = parseArguments(parser, arguments, 1, 1); rc >= 0)
        return rc;
    QString error;
    auto project = openProject(parser.positionalArguments().first(), Access::ReadOnly, &error);
    if (!project)
        return badInput(error);
    try {
        const QHash<QUuid, int> links = project->store().valueCountsByActor();
        QJsonArray array;
        for (const Actor &a : project->actors()) {
            if (parser.isSet(json)) {
                QJsonObject custom;
                for (const MetadataEntry &e : a.custom)
                    custom.insert(e.first, e.second);
                array.append(QJsonObject{{QStringLiteral("id"), idString(a.id)},
                                         {QStringLiteral("name"), a.name},
                                         {QStringLiteral("aliases"), stringArray(a.aliases)},
                                         {QStringLiteral("role"), a.role},
                                         {QStringLiteral("affiliation"), a.affiliation},
                                         {QStringLiteral("country"), a.country},
                                         {QStringLiteral("memo"), a.memo},
                                         {QStringLiteral("custom"), custom},
                                         {QStringLiteral("links"), links.value(a.id)}});
            } else {
                writeOut(QStringLiteral("%1  %2  %3 link(s)%4%5\n")
                             .arg(idString(a.id), a.name)
                             .arg(links.value(a.id))
                             .arg(a.aliases.isEmpty() ? QString()
                                                      : QStringLiteral("  aka %1").arg(a.aliases.join(QStringLiteral("; "))),
                                  a.role.isEmpty() ? QString() : QStringLiteral("  (%1)").arg(a.role)));
            }
        }
        if (parser.isSet(json))
            printJson(array);
    } catch (const StoreError &e) {
        return badInput(e.message());
    }
    return ExitOk;
}

int runActorAdd(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Add an actor to the registry. Prints the new actor's id."));
    parser.addPositionalArgument(QStringLiteral("PROJECT"), QStringLiteral("The project file."));
    parser.addPositionalArgument(QStringLiteral("NAME"), QStringLiteral("The actor's name."));
    const QCommandLineOption alias(QStringLiteral("alias"), QStringLiteral("Another name (repeatable)."),
                                   QStringLiteral("A"));
    const QCommandLineOption role(QStringLiteral("role"), QStringLiteral("Role, e.g. 'Kremlin spokesman'."),
                                  QStringLiteral("R"));
    const QCommandLineOption affiliation(QStringLiteral("affiliation"), QStringLiteral("Affiliation."),
                                         QStringLiteral("F"));
    const QCommandLineOption country(QStringLiteral("country"), QStringLiteral("Country."), QStringLiteral("C"));
    const QCommandLineOption json = jsonOption();
    parser.addOptions({alias, role, affiliation, country, json});
    if (const int rc = parseArguments(parser, arguments, 2, 2); rc >= 0)
        return rc;
    const QString name = parser.positionalArguments().at(1).trimmed();
    if (name.isEmpty())
        return badInput(QStringLiteral("the actor's NAME must not be empty"));
    QString error;
    auto project = openProject(parser.positionalArguments().first(), Access::ReadWrite, &error);
    if (!project)
        return badInput(error);
    for (const Actor &a : project->actors()) {
        if (a.name.compare(name, Qt::CaseInsensitive) == 0)
            return badInput(QStringLiteral("there is already an actor named '%1' (%2)").arg(a.name, idString(a.id)));
    }
    Actor actor;
    actor.name = name;
    for (const QString &a : parser.values(alias)) {
        const QString trimmed = a.trimmed();
        if (!trimmed.isEmpty() && !actor.aliases.contains(trimmed, Qt::CaseInsensitive))
            actor.aliases.append(trimmed);
    }
    actor.role = parser.value(role).trimmed();
    actor.affiliation = parser.value(affiliation).trimmed();
    actor.country = parser.value(country).trimmed();
    const auto id = project->addActor(actor);
    if (!id) {
        writeErr(QStringLiteral("newscoder-cli: %1\n").arg(project->lastError()));
        return ExitUsage;
    }
    if (parser.isSet(json))
        printJson(QJsonObject{{QStringLiteral("id"), idString(*id)}});
    else
        writeOut(idString(*id) + u'\n');
    return ExitOk;
}

int runOutlets(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("List the outlet registry: domains, article counts and the outlet variables."));
    parser.addPositionalArgument(QStringLiteral("PROJECT"), QStringLiteral("The project file."));
    const QCommandLineOption json = jsonOption();
    parser.addOption(json);
    if (const int rc = parseArguments(parser, arguments, 1, 1); rc >= 0)
        return rc;
    QString error;
    auto project = openProject(parser.positionalArguments().first(), Access::ReadOnly, &error);
    if (!project)
        return badInput(error);
    try {
        const QHash<QUuid, int> articles = project->store().documentCountsByOutlet();
        QJsonArray array;
        for (const Outlet &o : project->outlets()) {
            if (parser.isSet(json)) {
                array.append(QJsonObject{{QStringLiteral("id"), idString(o.id)},
                                         {QStringLiteral("name"), o.name},
                                         {QStringLiteral("domains"), stringArray(o.domains)},
                                         {QStringLiteral("country"), o.country},
                                         {QStringLiteral("memo"), o.memo},
                                         {QStringLiteral("articles"), articles.value(o.id)},
                                         {QStringLiteral("variables"), outletVariablesJson(*project, o.id)}});
                continue;
            }
            QStringList vars;
            for (const VariableValue &v : project->outletVariables(o.id)) {
                if (!v.values.isEmpty())
                    vars.append(QStringLiteral("%1=%2").arg(v.field.name, valuesText(*project, v.field, v.values)));
            }
            writeOut(QStringLiteral("%1  %2  %3 article(s)  %4%5\n")
                         .arg(idString(o.id), o.name)
                         .arg(articles.value(o.id))
                         .arg(o.domains.join(QStringLiteral(", ")),
                              vars.isEmpty() ? QString() : QStringLiteral("  ") + vars.join(QStringLiteral("; "))));
        }
        if (parser.isSet(json))
            printJson(array);
    } catch (const StoreError &e) {
        return badInput(e.message());
    }
    return ExitOk;
}

int runVariables(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Show an article's variables as one coder sees them: the article variables and the outlet "
                       "variables (inherited from the article's outlet unless the coder overrode them)."));
    parser.addPositionalArgument(QStringLiteral("PROJECT"), QStringLiteral("The project file."));
    const QCommandLineOption document(QStringLiteral("document"), QStringLiteral("The article's id."),
                                      QStringLiteral("ID"));
    const QCommandLineOption coder(QStringLiteral("coder"),
                                   QStringLiteral("Whose values (without: only the inherited outlet values)."),
                                   QStringLiteral("NAME"));
    const QCommandLineOption json = jsonOption();
    parser.addOptions({document, coder, json});
    if (const int rc = parseArguments(parser, arguments, 1, 1); rc >= 0)
        return rc;
    if (!parser.isSet(document)) {
        writeErr(QStringLiteral("%1: --document is required.\n").arg(arguments.value(0)));
        return ExitUsage;
    }
    QString error;
    auto project = openProject(parser.positionalArguments().first(), Access::ReadOnly, &error);
    if (!project)
        return badInput(error);
    try {
        const auto summary = findDocument(*project, parser.value(document), &error);
        if (!summary)
            return badInput(error);
        QUuid coderId;
        if (parser.isSet(coder)) {
            const auto found = project->store().coderByName(parser.value(coder).trimmed());
            if (!found)
                return badInput(QStringLiteral("no coder named '%1' in this project").arg(parser.value(coder)));
            coderId = found->id;
        }
        const auto outlet = project->outlet(summary->outletId);
        QJsonArray variables;
        for (const VariableValue &v : project->documentVariables(summary->id, coderId)) {
            QJsonArray values;
            for (const FieldValue &fv : v.values)
                values.append(valueJson(*project, v.field, fv));
            if (parser.isSet(json)) {
                QJsonObject o{{QStringLiteral("code"), v.codeName},
                              {QStringLiteral("unit"), codeUnitName(v.unit)},
                              {QStringLiteral("field"), v.field.name},
                              {QStringLiteral("kind"), fieldKindName(v.field.kind)},
                              {QStringLiteral("required"), v.field.required},
                              {QStringLiteral("values"), values},
                              {QStringLiteral("inherited"), v.inherited}};
                if (v.inherited && outlet)
                    o.insert(QStringLiteral("inheritedFrom"), outlet->name);
                variables.append(o);
            } else {
                writeOut(QStringLiteral("%1.%2 = %3%4\n")
                             .arg(v.codeName, v.field.name, valuesText(*project, v.field, v.values),
                                  v.inherited && outlet ? QStringLiteral("  (inherited from %1)").arg(outlet->name)
                                                        : QString()));
            }
        }
        if (parser.isSet(json)) {
            printJson(QJsonObject{
                {QStringLiteral("document"), idString(summary->id)},
                {QStringLiteral("coder"), parser.isSet(coder) ? QJsonValue(parser.value(coder).trimmed()) : QJsonValue()},
                {QStringLiteral("outlet"), outlet ? QJsonValue(outlet->name) : QJsonValue()},
                {QStringLiteral("variables"), variables}});
        }
    } catch (const StoreError &e) {
        return badInput(e.message());
    }
    return ExitOk;
}

int runSetVariable(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Set article variables of one coder (--document, --coder) or outlet variables (--outlet). "
                       "An empty VALUE clears (for an article's outlet variable: back to the inherited value). "
                       "All values are checked before anything is written."));
    parser.addPositionalArgument(QStringLiteral("PROJECT"), QStringLiteral("The project file."));
    const QCommandLineOption document(QStringLiteral("document"), QStringLiteral("The article's id."),
                                      QStringLiteral("ID"));
    const QCommandLineOption outletOption(QStringLiteral("outlet"), QStringLiteral("The outlet's name."),
                                          QStringLiteral("NAME"));
    const QCommandLineOption field(QStringLiteral("field"),
                                   QStringLiteral("A variable and its value (repeatable)."),
                                   QStringLiteral("NAME=VALUE"));
    const QCommandLineOption coder(QStringLiteral("coder"), QStringLiteral("Who codes (with --document)."),
                                   QStringLiteral("NAME"));
    parser.addOptions({document, outletOption, field, coder});
    if (const int rc = parseArguments(parser, arguments, 1, 1); rc >= 0)
        return rc;
    if (parser.isSet(document) == parser.isSet(outletOption)) {
        writeErr(QStringLiteral("%1: give either --document or --outlet.\n").arg(arguments.value(0)));
        return ExitUsage;
    }
    if (!parser.isSet(field)) {
        writeErr(QStringLiteral("%1: --field is required.\n").arg(arguments.value(0)));
        return ExitUsage;
    }
    const bool forDocument = parser.isSet(document);
    if (forDocument && !parser.isSet(coder)) {
        writeErr(QStringLiteral("%1: --coder is required with --document.\n").arg(arguments.value(0)));
        return ExitUsage;
    }
    if (forDocument && parser.value(coder).trimmed().isEmpty())
        return badInput(QStringLiteral("--coder must not be empty"));
    QString error;
    auto project = openProject(parser.positionalArguments().first(), Access::ReadWrite, &error);
    if (!project)
        return badInput(error);
    std::optional<DocumentSummary> summary;
    std::optional<Outlet> outlet;
    try {
        if (forDocument) {
            summary = findDocument(*project, parser.value(document), &error);
            if (!summary)
                return badInput(error);
        } else {
            outlet = project->outletByName(parser.value(outletOption));
            if (!outlet)
                return badInput(QStringLiteral("no outlet named '%1'").arg(parser.value(outletOption)));
        }
    } catch (const StoreError &e) {
        return badInput(e.message());
    }
    QList<Code> codes;
    for (const Code &c : project->codes()) {
        if (c.unit == CodeUnit::Outlet || (forDocument && c.unit == CodeUnit::Article))
            codes.append(c);
    }
    const auto prepared = prepareFieldValues(*project, codes, parser.values(field), &error);
    if (!prepared)
        return badInput(error);
    if (forDocument)
        project->setCoderName(parser.value(coder));
    try {
        WriteTransaction tx(project->store()); // all or nothing
        if (!createPreparedActors(*project, *prepared))
            return badInput(project->lastError());
        for (const FieldAssignment &a : prepared->assignments) {
            const bool ok = forDocument ? project->setDocumentValues(summary->id, a.field.id, a.values)
                                        : project->setOutletValues(outlet->id, a.field.id, a.values);
            if (!ok)
                return badInput(QStringLiteral("%1: %2").arg(a.field.name, project->lastError()));
        }
        tx.commit();
    } catch (const StoreError &e) {
        return storeFailure(e);
    }
    return ExitOk;
}

} // namespace newscoder::cli
