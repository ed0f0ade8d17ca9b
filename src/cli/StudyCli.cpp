// newscoder-cli coders / assign: the coders of a study and who codes what.
#include "cli/StudyCli.h"

#include "cli/CliSupport.h"
#include "project/Project.h"
#include "study/Assignments.h"
#include "study/MyArticles.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>

namespace newscoder::cli {

namespace {

QJsonObject coderJson(const ProjectReader &store, const Coder &coder, const QList<Assignment> &assignments)
{
    int assigned = 0;
    int done = 0;
    for (const Assignment &a : assignments) {
        if (a.coderId != coder.id)
            continue;
        ++assigned;
        done += a.done.isValid() ? 1 : 0;
    }
    return {{QStringLiteral("id"), idString(coder.id)},
            {QStringLiteral("name"), coder.name},
            {QStringLiteral("role"), coderRoleName(coder.role)},
            {QStringLiteral("colour"), coder.colour},
            {QStringLiteral("articles_coded"), int(store.documentsCodedBy(coder.id).size())},
            {QStringLiteral("assigned"), assigned},
            {QStringLiteral("done"), done}};
}

// The documents named by a comma-separated list of ids or prefixes.
std::optional<QList<QUuid>> documentList(const Project &project, const QString &list, QString *error)
{
    QList<QUuid> ids;
    DocumentFinder finder(project);
    for (const QString &part : list.split(u',', Qt::SkipEmptyParts)) {
        const auto d = finder.find(part.trimmed(), error);
        if (!d)
            return std::nullopt;
        ids.append(d->id);
    }
    if (ids.isEmpty()) {
        *error = QStringLiteral("no documents given");
        return std::nullopt;
    }
    return ids;
}

// assign --sample N|P% --coders A,B [--seed S] [--stratify outlet] [--no-split].
int readSampleRequest(const QCommandLineParser &parser, const QCommandLineOption &sample,
                      const QCommandLineOption &coders, const QCommandLineOption &seed,
                      const QCommandLineOption &stratify, const QCommandLineOption &noSplit,
                      study::SampleRequest &request)
{
    const QString size = parser.value(sample).trimmed();
    bool ok = false;
    if (size.endsWith(u'%'))
        request.percent = size.chopped(1).toDouble(&ok);
    else
        request.size = size.toInt(&ok);
    if (!ok || request.percent < 0 || request.percent > 100 || request.size < 0
        || (request.size == 0 && request.percent == 0))
        return badInput(QStringLiteral("--sample must be a number of articles or a percentage, not '%1'").arg(size));
    request.coders = parser.value(coders).split(u',', Qt::SkipEmptyParts);
    if (parser.isSet(seed)) {
        request.seed = parser.value(seed).toULongLong(&ok);
        if (!ok)
            return badInput(QStringLiteral("--seed must be a whole number, not '%1'").arg(parser.value(seed)));
    }
    if (parser.isSet(stratify)) {
        if (parser.value(stratify) != QLatin1String("outlet"))
            return badInput(QStringLiteral("--stratify takes 'outlet', not '%1'").arg(parser.value(stratify)));
        request.stratifyByOutlet = true;
    }
    request.splitRest = !parser.isSet(noSplit);
    return Proceed;
}

int commit(Project &project, study::StudyPlan plan)
{
    if (!plan.error.isEmpty())
        return badInput(plan.error);
    if (!project.commitStudyChange(plan.text, std::move(plan.redo), std::move(plan.undo)))
        return badInput(project.lastError());
    return ExitOk;
}

} // namespace

int runCoders(const QStringList &arguments)
{
    const QCommandLineOption set(QStringLiteral("set"), QStringLiteral("Add this coder or change them."),
                                 QStringLiteral("NAME"));
    const QCommandLineOption role(QStringLiteral("role"), QStringLiteral("With --set: coder, lead or consensus."),
                                  QStringLiteral("ROLE"));
    const QCommandLineOption colour(QStringLiteral("colour"), QStringLiteral("With --set: a colour (#rrggbb)."),
                                    QStringLiteral("COLOUR"));
    const QCommandLineOption blind(QStringLiteral("blind"),
                                   QStringLiteral("Blind coding on or off: coders see only their own work."),
                                   QStringLiteral("on|off"));
    const QCommandLineOption json = jsonOption();
    std::optional<CoderRole> wantedRole;
    const CommandSpec spec{
        .description = QStringLiteral(
            "List the coders (role, colour, articles coded, assigned and done), or add or change one."),
        .positionals = {projectArgument()},
        .options = {set, role, colour, blind, json},
        .check = [&](const QCommandLineParser &parser) {
            if (parser.isSet(blind) && parser.value(blind) != QLatin1String("on")
                && parser.value(blind) != QLatin1String("off"))
                return badInput(QStringLiteral("--blind takes 'on' or 'off', not '%1'").arg(parser.value(blind)));
            if ((parser.isSet(role) || parser.isSet(colour)) && !parser.isSet(set))
                return usageError(arguments, QStringLiteral("--role and --colour go with --set NAME."));
            if (parser.isSet(role)) {
                wantedRole = coderRoleFromName(parser.value(role).trimmed().toLower());
                if (!wantedRole)
                    return badInput(
                        QStringLiteral("--role must be coder, lead or consensus, not '%1'").arg(parser.value(role)));
            }
            return Proceed;
        },
    };
    const AccessFor access = [&](const QCommandLineParser &parser) {
        return parser.isSet(set) || parser.isSet(blind) ? Access::ReadWrite : Access::ReadOnly;
    };
    const auto body = [&](Project &project, const QCommandLineParser &parser) {
        if (parser.isSet(set)) {
            std::optional<QString> wantedColour;
            if (parser.isSet(colour))
                wantedColour = parser.value(colour).trimmed();
            if (const int rc =
                    commit(project, study::planCoder(project.reader(), parser.value(set), wantedRole, wantedColour));
                rc != ExitOk)
                return rc;
        }
        if (parser.isSet(blind) && !project.setBlindCoding(parser.value(blind) == QLatin1String("on")))
            return badInput(project.lastError());
        const ProjectReader &store = project.reader();
        const QList<Assignment> assignments = store.assignments();
        QJsonArray array;
        for (const Coder &c : store.coders()) {
            const QJsonObject o = coderJson(store, c, assignments);
            if (parser.isSet(json)) {
                array.append(o);
            } else {
                writeOut(QStringLiteral("%1  %2  %3  coded %4, assigned %5, done %6\n")
                             .arg(c.name.leftJustified(20), coderRoleName(c.role).leftJustified(9),
                                  c.colour.isEmpty() ? QStringLiteral("       ") : c.colour)
                             .arg(o.value(QLatin1String("articles_coded")).toInt())
                             .arg(o.value(QLatin1String("assigned")).toInt())
                             .arg(o.value(QLatin1String("done")).toInt()));
            }
        }
        if (parser.isSet(json))
            printJson(array);
        else
            writeOut(project.isBlindCoding() ? QStringLiteral("Blind coding: on\n")
                                             : QStringLiteral("Blind coding: off\n"));
        return ExitOk;
    };
    return runOnProject(arguments, spec, access, body);
}

int runAssign(const QStringList &arguments)
{
    const QCommandLineOption coder(QStringLiteral("coder"), QStringLiteral("The coder to assign to."),
                                   QStringLiteral("NAME"));
    const QCommandLineOption documents(QStringLiteral("documents"), QStringLiteral("Articles (ids or prefixes)."),
                                       QStringLiteral("ID,..."));
    const QCommandLineOption done(QStringLiteral("done"), QStringLiteral("Mark these assigned articles done."),
                                  QStringLiteral("ID,..."));
    const QCommandLineOption undone(QStringLiteral("not-done"), QStringLiteral("Mark these articles not done."),
                                    QStringLiteral("ID,..."));
    const QCommandLineOption sample(QStringLiteral("sample"),
                                    QStringLiteral("Reliability sample size: N articles or P%."),
                                    QStringLiteral("N|P%"));
    const QCommandLineOption coders(QStringLiteral("coders"), QStringLiteral("With --sample: the coders."),
                                    QStringLiteral("A,B,..."));
    const QCommandLineOption seed(QStringLiteral("seed"), QStringLiteral("With --sample: the random seed (default 1)."),
                                  QStringLiteral("S"));
    const QCommandLineOption stratify(QStringLiteral("stratify"),
                                      QStringLiteral("With --sample: 'outlet' keeps each outlet's share."),
                                      QStringLiteral("outlet"));
    const QCommandLineOption noSplit(QStringLiteral("no-split"),
                                     QStringLiteral("With --sample: do not split the other articles among the coders."));
    const QCommandLineOption json = jsonOption();
    study::SampleRequest request;
    const CommandSpec spec{
        .description = QStringLiteral(
            "Assign articles to a coder (--coder NAME --documents ID,...), mark them done (--done ID,...), or draw a "
            "reliability sample: N articles or P% coded by every one of --coders, the rest split among them, random "
            "from --seed (recorded in the project)."),
        .positionals = {projectArgument()},
        .options = {coder, documents, done, undone, sample, coders, seed, stratify, noSplit, json},
        .check = [&](const QCommandLineParser &parser) {
            const int modes = int(parser.isSet(documents)) + int(parser.isSet(done)) + int(parser.isSet(undone))
                              + int(parser.isSet(sample));
            if (modes != 1 || (parser.isSet(sample) == parser.isSet(coder))
                || (parser.isSet(sample) != parser.isSet(coders)))
                return usageError(arguments, QStringLiteral("use --coder NAME with one of --documents, --done, "
                                                            "--not-done; or --sample N|P% --coders A,B [--seed S]."));
            return parser.isSet(sample) ? readSampleRequest(parser, sample, coders, seed, stratify, noSplit, request)
                                        : Proceed;
        },
    };
    const auto body = [&](Project &project, const QCommandLineParser &parser) {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        study::StudyPlan plan;
        if (parser.isSet(sample)) {
            plan = study::planReliabilitySample(project.reader(), request, now);
        } else {
            QString error;
            const QString list = parser.value(parser.isSet(documents) ? documents : parser.isSet(done) ? done : undone);
            const auto ids = documentList(project, list, &error);
            if (!ids)
                return badInput(error);
            plan = parser.isSet(documents)
                       ? study::planAssignment(project.reader(), parser.value(coder), *ids, now)
                       : study::planMarkDone(project.reader(), parser.value(coder), *ids, parser.isSet(done), now);
        }
        const QList<ReliabilitySample> samples = plan.redo.insertSamples;
        const qsizetype written = plan.redo.writeAssignments.size();
        if (const int rc = commit(project, std::move(plan)); rc != ExitOk)
            return rc;
        if (parser.isSet(json)) {
            QJsonObject o{{QStringLiteral("assignments_written"), int(written)}};
            if (!samples.isEmpty()) {
                o.insert(QStringLiteral("sample"), QJsonObject{{QStringLiteral("id"), idString(samples.first().id)},
                                                               {QStringLiteral("description"),
                                                                samples.first().description}});
            }
            printJson(o);
        } else {
            writeOut(samples.isEmpty() ? QStringLiteral("%1 assignment(s) written\n").arg(written)
                                       : samples.first().description + u'\n');
        }
        return ExitOk;
    };
    return runOnProject(arguments, spec, Access::ReadWrite, body);
}

int runMyArticles(const QStringList &arguments)
{
    const QCommandLineOption coder(QStringLiteral("coder"), QStringLiteral("Whose articles."), QStringLiteral("NAME"));
    const QCommandLineOption json = jsonOption();
    const CommandSpec spec{
        .description = QStringLiteral(
            "A coder's assigned articles (\"My articles\"): each with whether it is marked done and how many "
            "required values the coder has not given yet, and the progress (done / assigned, articles with required "
            "fields missing). Mark articles done with: assign PROJECT --coder NAME --done ID,..."),
        .positionals = {projectArgument()},
        .options = {coder, json},
        .check = [&](const QCommandLineParser &parser) {
            if (!parser.isSet(coder) || parser.value(coder).trimmed().isEmpty())
                return usageError(arguments, QStringLiteral("--coder NAME is required."));
            return Proceed;
        },
    };
    const auto body = [&](Project &project, const QCommandLineParser &parser) {
        const QString name = parser.value(coder).trimmed();
        if (!project.reader().coderByName(name))
            return badInput(QStringLiteral("there is no coder '%1'").arg(name));
        const study::MyArticles mine = study::myArticles(project.reader(), name);
        if (parser.isSet(json)) {
            QJsonArray articles;
            for (const study::MyArticle &a : mine.rows) {
                articles.append(QJsonObject{
                    {QStringLiteral("document"), idString(a.documentId)},
                    {QStringLiteral("title"), a.title},
                    {QStringLiteral("date"), a.date.isValid() ? QJsonValue(a.date.toString(Qt::ISODate)) : QJsonValue()},
                    {QStringLiteral("done"), a.done},
                    {QStringLiteral("missing_required"), a.missing},
                    {QStringLiteral("sample"), a.sampleId.isNull() ? QJsonValue() : QJsonValue(idString(a.sampleId))}});
            }
            printJson(QJsonObject{{QStringLiteral("coder"), name},
                                  {QStringLiteral("assigned"), mine.progress.assigned},
                                  {QStringLiteral("done"), mine.progress.done},
                                  {QStringLiteral("with_missing_required"), mine.progress.withMissing},
                                  {QStringLiteral("articles"), articles}});
        } else {
            for (const study::MyArticle &a : mine.rows) {
                writeOut(QStringLiteral("%1  %2  %3  %4%5\n")
                             .arg(a.done ? QStringLiteral("✓") : QStringLiteral(" "), idString(a.documentId),
                                  a.date.isValid() ? a.date.toString(Qt::ISODate) : QStringLiteral("          "),
                                  a.title,
                                  a.missing > 0 ? QStringLiteral("  (%1 required missing)").arg(a.missing) : QString()));
            }
            const QString progress = study::progressText(mine.progress);
            writeOut((progress.isEmpty() ? QStringLiteral("nothing assigned to %1").arg(name) : progress) + u'\n');
        }
        return ExitOk;
    };
    return runOnProject(arguments, spec, Access::ReadOnly, body);
}

} // namespace newscoder::cli
