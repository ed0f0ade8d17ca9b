#include "cli/CliSupport.h"

#include "project/Project.h"
#include "storage/StoreError.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

namespace newscoder::cli {

void writeOut(const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    std::fflush(stdout);
}

void writeErr(const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
    std::fflush(stderr);
}

void printJson(const QJsonValue &value)
{
    const QJsonDocument doc = value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject());
    QByteArray bytes = doc.toJson(QJsonDocument::Indented);
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    std::fflush(stdout);
}

namespace {

// Qt's help text names the binary's path; a command's help names the command
// ("Usage: newscoder-cli import [options] PROJECT PATH...").
QString commandHelp(const QCommandLineParser &parser, const QString &program)
{
    QString text = parser.helpText();
    const QString binary = QStringLiteral("Usage: ") + QCoreApplication::arguments().value(0);
    if (!program.isEmpty() && text.startsWith(binary))
        text.replace(0, binary.size(), QStringLiteral("Usage: ") + program);
    return text;
}

} // namespace

int parseArguments(QCommandLineParser &parser, const QStringList &arguments, int minPositional, int maxPositional)
{
    const QCommandLineOption help = parser.addHelpOption();
    if (!parser.parse(arguments)) {
        writeErr(QStringLiteral("%1: %2\nTry '%1 --help'.\n").arg(arguments.value(0), parser.errorText()));
        return ExitUsage;
    }
    if (parser.isSet(help)) {
        writeOut(commandHelp(parser, arguments.value(0)));
        return ExitOk;
    }
    const qsizetype n = parser.positionalArguments().size();
    if (n < minPositional || (maxPositional >= 0 && n > maxPositional)) {
        writeErr(QStringLiteral("%1: wrong number of arguments.\n%2").arg(arguments.value(0), commandHelp(parser, arguments.value(0))));
        return ExitUsage;
    }
    return Proceed;
}

int badInput(const QString &message)
{
    writeErr(QStringLiteral("newscoder-cli: %1\n").arg(message));
    return ExitBadInput;
}

int usageError(const QStringList &arguments, const QString &message)
{
    writeErr(QStringLiteral("%1: %2\n").arg(arguments.value(0), message));
    return ExitUsage;
}

int requireOptions(const QCommandLineParser &parser, const QStringList &arguments,
                   const QList<const QCommandLineOption *> &options)
{
    for (const QCommandLineOption *option : options) {
        if (!parser.isSet(*option))
            return usageError(arguments, QStringLiteral("--%1 is required.").arg(option->names().first()));
    }
    return Proceed;
}

Positional projectArgument(const QString &description)
{
    return {QStringLiteral("PROJECT"), description};
}

QCommandLineOption jsonOption()
{
    return QCommandLineOption(QStringLiteral("json"), QStringLiteral("Print JSON."));
}

int parseCommand(QCommandLineParser &parser, const QStringList &arguments, const CommandSpec &spec)
{
    parser.setApplicationDescription(spec.description);
    for (const Positional &p : spec.positionals)
        parser.addPositionalArgument(p.name, p.description, p.syntax);
    parser.addOptions(spec.options);
    const int rc = parseArguments(parser, arguments, spec.minPositional, spec.maxPositional);
    if (rc == ExitUsage && spec.usageErrorIsBadInput)
        return ExitBadInput;
    if (rc != Proceed || !spec.check)
        return rc;
    return spec.check(parser);
}

int runCommand(const QStringList &arguments, const CommandSpec &spec, const CommandBody &body)
{
    QCommandLineParser parser;
    if (const int rc = parseCommand(parser, arguments, spec); rc != Proceed)
        return rc;
    try {
        return body(parser);
    } catch (const StoreError &e) {
        return badInput(e.message());
    }
}

int runOnProject(const QStringList &arguments, const CommandSpec &spec, Access access, const ProjectBody &body)
{
    return runOnProject(arguments, spec, [access](const QCommandLineParser &) { return access; }, body);
}

int runOnProject(const QStringList &arguments, const CommandSpec &spec, const AccessFor &access, const ProjectBody &body)
{
    const auto onProject = [&](const QCommandLineParser &parser) {
        QString error;
        const auto project = openProject(parser.positionalArguments().first(), access(parser), &error);
        if (!project)
            return badInput(error);
        return body(*project, parser);
    };
    return runCommand(arguments, spec, onProject);
}

std::unique_ptr<Project> openProject(const QString &path, Access access, QString *error)
{
    try {
        auto project = Project::open(path, access);
        if (const QString notice = project->lockNotice(); !notice.isEmpty())
            writeErr(notice + u'\n'); // a lock left by a crashed process was cleared
        return project;
    } catch (const StoreError &e) {
        *error = e.message();
        return nullptr;
    }
}

std::optional<QUuid> findId(const QString &idOrPrefix, const QList<IdCandidate> &candidates, const QString &what,
                            QString *error)
{
    const IdResolution found = resolveIdPrefix(idOrPrefix, candidates);
    if (!found.found()) {
        *error = found.message(idOrPrefix, what);
        return std::nullopt;
    }
    return found.id;
}

DocumentFinder::DocumentFinder(const Project &project) : m_project(project) {}

std::optional<DocumentSummary> DocumentFinder::find(const QString &idOrPrefix, QString *error)
{
    // A whole id is looked up alone; a prefix among every article.
    const QString wanted = idOrPrefix.trimmed().toLower().remove(u'{').remove(u'}');
    const QUuid exact = QUuid::fromString(wanted);
    if (!exact.isNull()) {
        if (auto s = m_project.reader().documentSummary(exact))
            return s;
        *error = QStringLiteral("no document with id %1").arg(wanted);
        return std::nullopt;
    }
    if (!m_summaries)
        m_summaries = m_project.reader().documentSummaries();
    QList<IdCandidate> candidates;
    candidates.reserve(m_summaries->size());
    for (const DocumentSummary &s : std::as_const(*m_summaries))
        candidates.append({s.id, s.title});
    const auto id = findId(idOrPrefix, candidates, QStringLiteral("document"), error);
    if (!id)
        return std::nullopt;
    for (const DocumentSummary &s : std::as_const(*m_summaries)) {
        if (s.id == *id)
            return s;
    }
    return std::nullopt;
}

std::optional<DocumentSummary> findDocument(const Project &project, const QString &idOrPrefix, QString *error)
{
    return DocumentFinder(project).find(idOrPrefix, error);
}

} // namespace newscoder::cli
