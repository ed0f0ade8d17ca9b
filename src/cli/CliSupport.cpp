#include "cli/CliSupport.h"

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
    return -1;
}

int badInput(const QString &message)
{
    writeErr(QStringLiteral("newscoder-cli: %1\n").arg(message));
    return ExitBadInput;
}

} // namespace newscoder::cli
