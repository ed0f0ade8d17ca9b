#include "cli/RegistryCli.h"

#include "cli/CliSupport.h"
#include "cli/FieldValueOptions.h"
#include "project/Project.h"
#include "project/ProjectInternals.h"
#include "storage/StoreError.h"

#include <QJsonArray>
#include <QJsonObject>

namespace newscoder::cli {

namespace {

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

int runActors(const QStringList &arguments)
{
    const QCommandLineOption json = jsonOption();
    const CommandSpec spec{
        .description = QStringLiteral("List the actor registry with how often each actor is linked."),
        .positionals = {projectArgument()},
        .options = {json},
    };
    const auto body = [&](Project &project, const QCommandLineParser &parser) {
        const QHash<QUuid, int> links = project.reader().valueCountsByActor();
        QJsonArray array;
        for (const Actor &a : project.actors()) {
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
        return ExitOk;
    };
    return runOnProject(arguments, spec, Access::ReadOnly, body);
}

int runActorAdd(const QStringList &arguments)
{
    const QCommandLineOption alias(QStringLiteral("alias"), QStringLiteral("Another name (repeatable)."),
                                   QStringLiteral("A"));
    const QCommandLineOption role(QStringLiteral("role"), QStringLiteral("Role, e.g. 'Kremlin spokesman'."),
                                  QStringLiteral("R"));
    const QCommandLineOption affiliation(QStringLiteral("affiliation"), QStringLiteral("Affiliation."),
                                         QStringLiteral("F"));
    const QCommandLineOption country(QStringLiteral("country"), QStringLiteral("Country."), QStringLiteral("C"));
    const QCommandLineOption json = jsonOption();
    QString name;
    const CommandSpec spec{
        .description = QStringLiteral("Add an actor to the registry. Prints the new actor's id."),
        .positionals = {projectArgument(), {QStringLiteral("NAME"), QStringLiteral("The actor's name.")}},
        .options = {alias, role, affiliation, country, json},
        .minPositional = 2,
        .maxPositional = 2,
        .check = [&](const QCommandLineParser &parser) {
            name = parser.positionalArguments().at(1).trimmed();
            if (name.isEmpty())
                return badInput(QStringLiteral("the actor's NAME must not be empty"));
            return Proceed;
        },
    };
    const auto body = [&](Project &project, const QCommandLineParser &parser) {
        for (const Actor &a : project.actors()) {
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
        const auto id = project.addActor(actor);
        if (!id) {
            writeErr(QStringLiteral("newscoder-cli: %1\n").arg(project.lastError()));
            return ExitUsage;
        }
        if (parser.isSet(json))
            printJson(QJsonObject{{QStringLiteral("id"), idString(*id)}});
        else
            writeOut(idString(*id) + u'\n');
        return ExitOk;
    };
    return runOnProject(arguments, spec, Access::ReadWrite, body);
}

int runOutlets(const QStringList &arguments)
{
    const QCommandLineOption json = jsonOption();
    const CommandSpec spec{
        .description = QStringLiteral("List the outlet registry: domains, article counts and the outlet variables."),
        .positionals = {projectArgument()},
        .options = {json},
    };
    const auto body = [&](Project &project, const QCommandLineParser &parser) {
        const QHash<QUuid, int> articles = project.reader().documentCountsByOutlet();
        QJsonArray array;
        for (const Outlet &o : project.outlets()) {
            if (parser.isSet(json)) {
                array.append(QJsonObject{{QStringLiteral("id"), idString(o.id)},
                                         {QStringLiteral("name"), o.name},
                                         {QStringLiteral("domains"), stringArray(o.domains)},
                                         {QStringLiteral("country"), o.country},
                                         {QStringLiteral("memo"), o.memo},
                                         {QStringLiteral("articles"), articles.value(o.id)},
                                         {QStringLiteral("variables"), outletVariablesJson(project, o.id)}});
                continue;
            }
            QStringList vars;
            for (const VariableValue &v : project.outletVariables(o.id)) {
                if (!v.values.isEmpty())
                    vars.append(QStringLiteral("%1=%2").arg(v.field.name, valuesText(project, v.field, v.values)));
            }
            writeOut(QStringLiteral("%1  %2  %3 article(s)  %4%5\n")
                         .arg(idString(o.id), o.name)
                         .arg(articles.value(o.id))
                         .arg(o.domains.join(QStringLiteral(", ")),
                              vars.isEmpty() ? QString() : QStringLiteral("  ") + vars.join(QStringLiteral("; "))));
        }
        if (parser.isSet(json))
            printJson(array);
        return ExitOk;
    };
    return runOnProject(arguments, spec, Access::ReadOnly, body);
}

int runVariables(const QStringList &arguments)
{
    const QCommandLineOption document(QStringLiteral("document"), QStringLiteral("The article's id."),
                                      QStringLiteral("ID"));
    const QCommandLineOption coder(QStringLiteral("coder"),
                                   QStringLiteral("Whose values (without: only the inherited outlet values)."),
                                   QStringLiteral("NAME"));
    const QCommandLineOption json = jsonOption();
    const CommandSpec spec{
        .description =
            QStringLiteral("Show an article's variables as one coder sees them: the article variables and the outlet "
                           "variables (inherited from the article's outlet unless the coder overrode them)."),
        .positionals = {projectArgument()},
        .options = {document, coder, json},
        .check = [&](const QCommandLineParser &parser) { return requireOptions(parser, arguments, {&document}); },
    };
    const auto body = [&](Project &project, const QCommandLineParser &parser) {
        QString error;
        const auto summary = findDocument(project, parser.value(document), &error);
        if (!summary)
            return badInput(error);
        QUuid coderId;
        if (parser.isSet(coder)) {
            const auto found = project.reader().coderByName(parser.value(coder).trimmed());
            if (!found)
                return badInput(QStringLiteral("no coder named '%1' in this project").arg(parser.value(coder)));
            coderId = found->id;
        }
        const auto outlet = project.outlet(summary->outletId);
        QJsonArray variables;
        for (const VariableValue &v : project.documentVariables(summary->id, coderId)) {
            QJsonArray values;
            for (const FieldValue &fv : v.values)
                values.append(valueJson(project, v.field, fv));
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
                             .arg(v.codeName, v.field.name, valuesText(project, v.field, v.values),
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
        return ExitOk;
    };
    return runOnProject(arguments, spec, Access::ReadOnly, body);
}

int runSetVariable(const QStringList &arguments)
{
    const QCommandLineOption document(QStringLiteral("document"), QStringLiteral("The article's id."),
                                      QStringLiteral("ID"));
    const QCommandLineOption outletOption(QStringLiteral("outlet"), QStringLiteral("The outlet's name."),
                                          QStringLiteral("NAME"));
    const QCommandLineOption field(QStringLiteral("field"),
                                   QStringLiteral("A variable and its value (repeatable)."),
                                   QStringLiteral("NAME=VALUE"));
    const QCommandLineOption coder(QStringLiteral("coder"), QStringLiteral("Who codes (with --document)."),
                                   QStringLiteral("NAME"));
    const CommandSpec spec{
        .description =
            QStringLiteral("Set article variables of one coder (--document, --coder) or outlet variables (--outlet). "
                           "An empty VALUE clears (for an article's outlet variable: back to the inherited value). "
                           "All values are checked before anything is written."),
        .positionals = {projectArgument()},
        .options = {document, outletOption, field, coder},
        .check = [&](const QCommandLineParser &parser) {
            if (parser.isSet(document) == parser.isSet(outletOption))
                return usageError(arguments, QStringLiteral("give either --document or --outlet."));
            if (const int rc = requireOptions(parser, arguments, {&field}); rc != Proceed)
                return rc;
            if (parser.isSet(document) && !parser.isSet(coder))
                return usageError(arguments, QStringLiteral("--coder is required with --document."));
            if (parser.isSet(document) && parser.value(coder).trimmed().isEmpty())
                return badInput(QStringLiteral("--coder must not be empty"));
            return Proceed;
        },
    };
    const auto body = [&](Project &project, const QCommandLineParser &parser) {
        const bool forDocument = parser.isSet(document);
        QString error;
        std::optional<DocumentSummary> summary;
        std::optional<Outlet> outlet;
        if (forDocument) {
            summary = findDocument(project, parser.value(document), &error);
            if (!summary)
                return badInput(error);
        } else {
            outlet = project.outletByName(parser.value(outletOption));
            if (!outlet)
                return badInput(QStringLiteral("no outlet named '%1'").arg(parser.value(outletOption)));
        }
        QList<Code> codes;
        for (const Code &c : project.codes()) {
            if (c.unit == CodeUnit::Outlet || (forDocument && c.unit == CodeUnit::Article))
                codes.append(c);
        }
        const auto prepared = prepareFieldValues(project, codes, parser.values(field), &error);
        if (!prepared)
            return badInput(error);
        if (forDocument)
            project.setCoderName(parser.value(coder));
        try {
            WriteTransaction tx(ProjectInternals::store(project)); // all or nothing
            if (!createPreparedActors(project, *prepared))
                return badInput(project.lastError());
            for (const FieldAssignment &a : prepared->assignments) {
                const bool ok = forDocument ? project.setDocumentValues(summary->id, a.field.id, a.values)
                                            : project.setOutletValues(outlet->id, a.field.id, a.values);
                if (!ok)
                    return badInput(QStringLiteral("%1: %2").arg(a.field.name, project.lastError()));
            }
            tx.commit();
        } catch (const StoreError &e) {
            return storeFailure(e); // a failed write: exit 1, as the operation failed
        }
        return ExitOk;
    };
    return runOnProject(arguments, spec, Access::ReadWrite, body);
}

} // namespace newscoder::cli
