#include "cli/RegistryEditCli.h"

#include "cli/CliSupport.h"
#include "model/IdPrefix.h"
#include "project/Project.h"

namespace newscoder::cli {

namespace {

// An actor by id (or unique id prefix), name or alias.
std::optional<Actor> findActor(const Project &project, const QString &text, QString *error)
{
    const QString wanted = text.trimmed();
    QList<IdCandidate> ids;
    for (const Actor &a : project.actors())
        ids.append({a.id, a.name});
    const IdResolution byId = resolveIdPrefix(wanted, ids);
    if (byId.found())
        return project.actor(byId.id);
    for (const Actor &a : project.actors()) {
        if (a.name.compare(wanted, Qt::CaseInsensitive) == 0 || a.aliases.contains(wanted, Qt::CaseInsensitive))
            return a;
    }
    *error = byId.outcome == IdResolution::Outcome::Ambiguous ? byId.message(text, QStringLiteral("actor"))
                                                               : QStringLiteral("no actor named or with id '%1'").arg(text);
    return std::nullopt;
}

} // namespace

int runActorMerge(const QStringList &arguments)
{
    const CommandSpec spec{
        .description = QStringLiteral(
            "Merge the actor ABSORBED into KEPT: every link to ABSORBED then points at KEPT, and ABSORBED's name and "
            "aliases become aliases of KEPT. Actors are given by name, alias or id."),
        .positionals = {projectArgument(),
                        {QStringLiteral("KEPT"), QStringLiteral("The actor that stays.")},
                        {QStringLiteral("ABSORBED"), QStringLiteral("The actor that goes.")}},
        .minPositional = 3,
        .maxPositional = 3,
    };
    const auto body = [&](Project &project, const QCommandLineParser &parser) {
        const QStringList args = parser.positionalArguments();
        QString error;
        const auto kept = findActor(project, args[1], &error);
        if (!kept)
            return badInput(error);
        const auto absorbed = findActor(project, args[2], &error);
        if (!absorbed)
            return badInput(error);
        if (kept->id == absorbed->id)
            return badInput(QStringLiteral("'%1' and '%2' are the same actor").arg(args[1], args[2]));
        if (!project.mergeActors(kept->id, absorbed->id))
            return badInput(project.lastError());
        writeOut(QStringLiteral("merged %1 into %2\n").arg(absorbed->name, kept->name));
        return ExitOk;
    };
    return runOnProject(arguments, spec, Access::ReadWrite, body);
}

int runOutletAdd(const QStringList &arguments)
{
    const QCommandLineOption domain(QStringLiteral("domain"),
                                    QStringLiteral("A web domain of the outlet, e.g. example.com (repeatable)."),
                                    QStringLiteral("D"));
    const QCommandLineOption country(QStringLiteral("country"), QStringLiteral("Country."), QStringLiteral("C"));
    Outlet outlet;
    const CommandSpec spec{
        .description = QStringLiteral("Add an outlet to the registry. Prints the new outlet's id."),
        .positionals = {projectArgument(), {QStringLiteral("NAME"), QStringLiteral("The outlet's name.")}},
        .options = {domain, country},
        .minPositional = 2,
        .maxPositional = 2,
        .check = [&](const QCommandLineParser &parser) {
            outlet.name = parser.positionalArguments().at(1).trimmed();
            if (outlet.name.isEmpty())
                return badInput(QStringLiteral("the outlet's NAME must not be empty"));
            for (const QString &d : parser.values(domain)) {
                const QString trimmed = d.trimmed().toLower();
                if (trimmed.isEmpty() || trimmed.contains(u'/') || trimmed.contains(u' '))
                    return badInput(QStringLiteral("'%1' is not a domain (example.com)").arg(d));
                outlet.domains.append(trimmed);
            }
            outlet.country = parser.value(country).trimmed();
            return Proceed;
        },
    };
    const auto body = [&](Project &project, const QCommandLineParser &) {
        const auto id = project.addOutlet(outlet);
        if (!id)
            return badInput(project.lastError());
        writeOut(idString(*id) + u'\n');
        return ExitOk;
    };
    return runOnProject(arguments, spec, Access::ReadWrite, body);
}

int runOutletAssign(const QStringList &arguments)
{
    const QCommandLineOption outletOption(QStringLiteral("outlet"), QStringLiteral("The outlet's name."),
                                          QStringLiteral("NAME"));
    const QCommandLineOption none(QStringLiteral("none"), QStringLiteral("Unlink the articles from any outlet."));
    const QCommandLineOption document(QStringLiteral("document"), QStringLiteral("An article's id (repeatable)."),
                                      QStringLiteral("ID"));
    const CommandSpec spec{
        .description = QStringLiteral(
            "Link articles to an outlet of the registry (their outlet variables are then inherited from it), or "
            "unlink them with --none. One undo step."),
        .positionals = {projectArgument()},
        .options = {outletOption, none, document},
        .check = [&](const QCommandLineParser &parser) {
            if (parser.isSet(outletOption) == parser.isSet(none))
                return badInput(QStringLiteral("give either --outlet NAME or --none"));
            if (!parser.isSet(document))
                return badInput(QStringLiteral("give at least one --document ID"));
            return Proceed;
        },
    };
    const auto body = [&](Project &project, const QCommandLineParser &parser) {
        QUuid outletId;
        if (parser.isSet(outletOption)) {
            const auto outlet = project.outletByName(parser.value(outletOption));
            if (!outlet)
                return badInput(QStringLiteral("no outlet named '%1'").arg(parser.value(outletOption)));
            outletId = outlet->id;
        }
        QString error;
        DocumentFinder finder(project);
        QList<QUuid> documents;
        for (const QString &id : parser.values(document)) {
            const auto summary = finder.find(id, &error);
            if (!summary)
                return badInput(error);
            documents.append(summary->id);
        }
        if (!project.assignOutlet(documents, outletId))
            return badInput(project.lastError());
        writeOut(QStringLiteral("%1 article(s) assigned\n").arg(documents.size()));
        return ExitOk;
    };
    return runOnProject(arguments, spec, Access::ReadWrite, body);
}

} // namespace newscoder::cli
