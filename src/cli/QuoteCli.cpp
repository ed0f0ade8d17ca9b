#include "cli/QuoteCli.h"

#include "cli/CliSupport.h"
#include "quotes/QuoteAttributor.h"
#include "quotes/QuoteLexicon.h"
#include "quotes/QuoteOffsets.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QStringDecoder>

using namespace newscoder::quotes;

namespace newscoder::cli {

namespace {

constexpr qint64 maxFileBytes = 64LL * 1024 * 1024;

QJsonValue spanJson(const QString &text, const QuoteSpan &span, const QList<int> &points, qsizetype index)
{
    if (!span.isValid())
        return QJsonValue::Null;
    QJsonObject o;
    o.insert(QStringLiteral("start"), span.start);
    o.insert(QStringLiteral("end"), span.end);
    o.insert(QStringLiteral("start_char"), points.at(index));
    o.insert(QStringLiteral("end_char"), points.at(index + 1));
    o.insert(QStringLiteral("text"), text.mid(span.start, span.length()));
    return o;
}

QString plainReport(const QString &text, const QList<Attribution> &found)
{
    QString out;
    for (const Attribution &a : found) {
        out += QStringLiteral("%1\t%2\t%3\t%4\n")
                   .arg(quoteKindContractName(a.kind), a.actor.isEmpty() ? QStringLiteral("-") : a.actor)
                   .arg(a.confidence, 0, 'f', 2)
                   .arg(text.mid(a.quote.start, a.quote.length()).simplified().left(100));
    }
    return out;
}

} // namespace

int runQuotes(const QStringList &arguments)
{
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("print a JSON array"));
    const QCommandLineOption lang(QStringLiteral("lang"), QStringLiteral("en or de (default: detected)"),
                                  QStringLiteral("LANG"));
    const CommandSpec spec{
        .description = QStringLiteral(
            "Proposes the quotes of a UTF-8 plain-text article (read as it is) with their cues, speakers and actors.\n"
            "Offsets: start/end in UTF-16 code units, start_char/end_char in code points, end exclusive."),
        .positionals = {{QStringLiteral("FILE.txt"), QStringLiteral("the article")}},
        .options = {json, lang},
        .check = [&](const QCommandLineParser &parser) {
            const QString language = parser.value(lang);
            if (parser.isSet(lang) && language != u"en" && language != u"de")
                return usageError(arguments, QStringLiteral("--lang must be en or de."));
            return Proceed;
        },
    };
    const auto body = [&](const QCommandLineParser &parser) {
        QString language = parser.value(lang);
        const QString path = parser.positionalArguments().constFirst();
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return badInput(QStringLiteral("cannot read %1: %2").arg(path, file.errorString()));
        if (file.size() > maxFileBytes)
            return badInput(QStringLiteral("%1 is larger than %2 MB").arg(path).arg(maxFileBytes / (1024 * 1024)));
        const QByteArray bytes = file.read(maxFileBytes + 1);
        if (file.error() != QFileDevice::NoError)
            return badInput(QStringLiteral("cannot read %1: %2").arg(path, file.errorString()));
        QStringDecoder decoder(QStringDecoder::Utf8, QStringConverter::Flag::ConvertInitialBom);
        const QString text = decoder.decode(bytes);
        if (decoder.hasError())
            return badInput(QStringLiteral("%1 is not UTF-8 text").arg(path));
        if (language.isEmpty())
            language = detectQuoteLanguage(text);

        const QList<Attribution> found = attributeQuotes(text, QuoteLexicon::builtIn(language));
        if (!parser.isSet(json)) {
            writeOut(plainReport(text, found));
            return ExitOk;
        }
        QList<int> offsets;
        for (const Attribution &a : found)
            offsets << a.quote.start << a.quote.end << a.cue.start << a.cue.end << a.speaker.start << a.speaker.end;
        const QList<int> points = codePointOffsets(text, offsets);
        QJsonArray array;
        qsizetype i = 0;
        for (const Attribution &a : found) {
            QJsonObject o;
            o.insert(QStringLiteral("kind"), quoteKindContractName(a.kind));
            o.insert(QStringLiteral("quote"), spanJson(text, a.quote, points, i));
            o.insert(QStringLiteral("cue"), spanJson(text, a.cue, points, i + 2));
            o.insert(QStringLiteral("speaker"), spanJson(text, a.speaker, points, i + 4));
            o.insert(QStringLiteral("actor"), a.actor.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(a.actor));
            o.insert(QStringLiteral("confidence"), qRound(a.confidence * 100) / 100.0);
            array.append(o);
            i += 6;
        }
        printJson(array);
        return ExitOk;
    };
    return runCommand(arguments, spec, body);
}

} // namespace newscoder::cli
