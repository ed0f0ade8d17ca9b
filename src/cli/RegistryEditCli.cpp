#include "cli/RegistryEditCli.h"

#include "cli/CliSupport.h"
#include "cli/ProjectCli.h"
#include "model/IdPrefix.h"

#include "project/Project.h"
#include "storage/StoreError.h"

#include <QCommandLineParser>

namespace newscoder::cli {

using Access = ProjectStore::Access;

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

int projectFailure(const Project &project)
{
    writeErr(QStringLiteral("newscoder-cli: %1\n").arg(project.lastError()));
    return ExitBadInput;
}

} // namespace

int runActorMerge(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Merge the actor ABSORBED into KEPT: every link to ABSORBED then points at KEPT, and ABSORBED's name and "
        "aliases become aliases of KEPT. Actors are given by name, alias or id."));
    parser.addPositionalArgument(QStringLiteral("PROJECT"), QStringLiteral("The project file."));
    parser.addPositionalArgument(QStringLiteral("KEPT"), QStringLiteral("The actor that stays."));
    parser.addPositionalArgument(QStringLiteral("ABSORBED"), QStringLiteral("The actor that goes."));
    if (const int rc = parseArguments(parser, arguments, 3, 3); rc >= 0)
        return rc;
    const QStringList args = parser.positionalArguments();
    QString error;
    auto project = openProject(args[0], Access::ReadWrite, &error);
    if (!project)
        return badInput(error);
    const auto kept = findActor(*project, args[1], &error);
    if (!kept)
        return badInput(error);
    const auto absorbed = findActor(*project, args[2], &error);
    if (!absorbed)
        return badInput(error);
    if (kept->id == absorbed->id)
        return badInput(QStringLiteral("'%1' and '%2' are the same actor").arg(args[1], args[2]));
    if (!project->mergeActors(kept->id, absorbed->id))
        return projectFailure(*project);
    writeOut(QStringLiteral("merged %1 into %2\n").arg(absorbed->name, kept->name));
    return ExitOk;
}

int runOutletAdd(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Add an outlet to the registry. Prints the new outlet's id."));
    parser.addPositionalArgument(QStringLiteral("PROJECT"), QStringLiteral("The project file."));
    parser.addPositionalArgument(QStringLiteral("NAME"), QStringLiteral("The outlet's name."));
    const QCommandLineOption domain(QStringLiteral("domain"),
                                    QStringLiteral("A web domain of the outlet, e.g. example.com (repeatable)."),
                                    QStringLiteral("D"));
    const QCommandLineOption country(QStringLiteral("country"), QStringLiteral("Country."), QStringLiteral("C"));
    parser.addOptions({domain, country});
    if (const int rc = parseArguments(parser, arguments, 2, 2); rc >= 0)
        return rc;
    const QStringList args = parser.positionalArguments();
    Outlet outlet;
    outlet.name = args[1].trimmed();
    if (outlet.name.isEmpty())
        return badInput(QStringLiteral("the outlet's NAME must not be empty"));
    for (const QString &d : parser.values(domain)) {
        const QString trimmed = d.trimmed().toLower();
        if (trimmed.isEmpty() || trimmed.contains(u'/') || trimmed.contains(u' '))
            return badInput(QStringLiteral("'%1' is not a domain (example.com)").arg(d));
        outlet.domains.append(trimmed);
    }
    outlet.country = parser.value(country).trimmed();
    QString error;
    auto project = openProject(args[0], Access::ReadWrite, &error);
    if (!project)
        return badInput(error);
    const auto id = project->addOutlet(outlet);
    if (!id)
        return projectFailure(*project);
    writeOut(idString(*id) + u'\n');
    return ExitOk;
}

int runOutletAssign(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Link articles to an outlet of the registry (their outlet variables are then inherited from it), or "
        "unlink them with --none. One undo step."));
    parser.addPositionalArgument(QStringLiteral("PROJECT"), QStringLiteral("The project file."));
    const QCommandLineOption outletOption(QStringLiteral("outlet"), QStringLiteral("The outlet's name."),
                                          QStringLiteral("NAME"));
    const QCommandLineOption none(QStringLiteral("none"), QStringLiteral("Unlink the articles from any outlet."));
    const QCommandLineOption document(QStringLiteral("document"), QStringLiteral("An article's id (repeatable)."),
                                      QStringLiteral("ID"));
    parser.addOptions({outletOption, none, document});
    if (const int rc = parseArguments(parser, arguments, 1, 1); rc >= 0)
        return rc;
    if (parser.isSet(outletOption) == parser.isSet(none))
        return badInput(QStringLiteral("give either --outlet NAME or --none"));
    if (!parser.isSet(document))
        return badInput(QStringLiteral("give at least one --document ID"));
    QString error;
    auto project = openProject(parser.positionalArguments().first(), Access::ReadWrite, &error);
    if (!project)
        return badInput(error);
    QUuid outletId;
    if (parser.isSet(outletOption)) {
        const auto outlet = project->outletByName(parser.value(outletOption));
        if (!outlet)
            return badInput(QStringLiteral("no outlet named '%1'").arg(parser.value(outletOption)));
        outletId = outlet->id;
    }
    QList<QUuid> documents;
    for (const QString &id : parser.values(document)) {
        const auto summary = findDocument(*project, id, &error);
        if (!summary)
            return badInput(error);
        documents.append(summary->id);
    }
    if (!project->assignOutlet(documents, outletId))
        return projectFailure(*project);
    writeOut(QStringLiteral("%1 article(s) assigned\n").arg(documents.size()));
    return ExitOk;
}

} // namespace newscoder::cli
