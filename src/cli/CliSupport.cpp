#include "cli/CliSupport.h"

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

int parseArguments(QCommandLineParser &parser, const QStringList &arguments, int minPositional, int maxPositional)
{
    const QCommandLineOption help = parser.addHelpOption();
    if (!parser.parse(arguments)) {
        writeErr(QStringLiteral("%1: %2\nTry '%1 --help'.\n").arg(arguments.value(0), parser.errorText()));
        return ExitUsage;
    }
    if (parser.isSet(help)) {
        writeOut(parser.helpText());
        return ExitOk;
    }
    const qsizetype n = parser.positionalArguments().size();
    if (n < minPositional || (maxPositional >= 0 && n > maxPositional)) {
        writeErr(QStringLiteral("%1: wrong number of arguments.\n%2").arg(arguments.value(0), parser.helpText()));
        return ExitUsage;
    }
    return -1;
}

int badInput(const QString &message)
{
    writeErr(QStringLiteral("newscoder-cli: %1\n").arg(message));
    return ExitBadInput;
}

std::optional<QUuid> matchIdPrefix(const QString &idOrPrefix, const QList<QPair<QUuid, QString>> &candidates,
                                   const QString &what, QString *error)
{
    const QString wanted = idOrPrefix.trimmed().toLower().remove(u'{').remove(u'}');
    if (wanted.size() < 4) {
        *error = QStringLiteral("'%1' is not a %2 id (give the id or at least its first 4 characters)")
                     .arg(idOrPrefix, what);
        return std::nullopt;
    }
    QList<QPair<QUuid, QString>> matches;
    for (const auto &candidate : candidates) {
        const QString id = candidate.first.toString(QUuid::WithoutBraces);
        if (id == wanted)
            return candidate.first;
        if (id.startsWith(wanted))
            matches.append(candidate);
    }
    if (matches.size() == 1)
        return matches.first().first;
    if (matches.isEmpty()) {
        *error = QStringLiteral("no %1 with id %2").arg(what, idOrPrefix);
        return std::nullopt;
    }
    QStringList lines;
    for (const auto &[id, label] : std::as_const(matches)) {
        const QString shown = id.toString(QUuid::WithoutBraces);
        lines << (label.isEmpty() ? QStringLiteral("  %1").arg(shown) : QStringLiteral("  %1  %2").arg(shown, label));
    }
    *error = QStringLiteral("'%1' matches %2 %3 ids; give more characters:\n%4")
                 .arg(idOrPrefix)
                 .arg(matches.size())
                 .arg(what, lines.join(u'\n'));
    return std::nullopt;
}

} // namespace newscoder::cli
