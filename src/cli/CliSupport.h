#pragma once

#include <QCommandLineParser>
#include <QJsonValue>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QUuid>

#include <optional>

namespace newscoder::cli {

// Exit codes of newscoder-cli.
enum ExitCode { ExitOk = 0, ExitUsage = 1, ExitBadInput = 2 };

// Writes `text` to stdout / stderr as UTF-8, exactly (no newline added).
void writeOut(const QString &text);
void writeErr(const QString &text);

// Prints a JSON value (object or array) on stdout, followed by a newline.
void printJson(const QJsonValue &value);

// Parses `arguments` (arguments[0] is the program name shown in --help).
// Returns -1 when the caller should go on, otherwise the exit code to return
// (--help printed → 0, a usage error printed → 1).
int parseArguments(QCommandLineParser &parser, const QStringList &arguments, int minPositional,
                   int maxPositional = -1);

// Reports bad input: message on stderr, returns ExitBadInput.
int badInput(const QString &message);

} // namespace newscoder::cli
