#include "quotes/QuoteLexicon.h"

#include <QFile>
#include <QRegularExpression>

namespace newscoder::quotes {

namespace {

void addLine(QuoteLexicon &lexicon, const QString &section, const QString &line)
{
    const QStringList words = line.toLower().split(u' ', Qt::SkipEmptyParts);
    if (words.isEmpty())
        return;
    auto addAll = [&words](QSet<QString> &set) {
        for (const QString &w : words)
            set.insert(w);
    };
    if (section == u"verbs")
        addAll(lexicon.verbs);
    else if (section == u"weak-verbs")
        addAll(lexicon.weakVerbs);
    else if (section == u"object-verbs")
        addAll(lexicon.objectVerbs);
    else if (section == u"passives")
        lexicon.passives.append(words);
    else if (section == u"source-before")
        lexicon.sourceBefore.append(words);
    else if (section == u"source-after")
        lexicon.sourceAfter.append(words);
    else if (section == u"statements")
        lexicon.statements.append(words);
    else if (section == u"that")
        addAll(lexicon.that);
    else if (section == u"pronouns")
        addAll(lexicon.pronouns);
    else if (section == u"determiners")
        addAll(lexicon.determiners);
    else if (section == u"indefinites")
        addAll(lexicon.indefinites);
    else if (section == u"anonymous")
        addAll(lexicon.anonymous);
    else if (section == u"roles")
        addAll(lexicon.roles);
    else if (section == u"organisations")
        addAll(lexicon.organisations);
    else if (section == u"skip")
        addAll(lexicon.skip);
    else if (section == u"stop")
        addAll(lexicon.stop);
    else if (section == u"function")
        addAll(lexicon.function);
    else if (section == u"particles")
        addAll(lexicon.particles);
    else if (section == u"role-suffixes")
        lexicon.roleSuffixes.append(words);
}

void parseInto(QuoteLexicon &lexicon, const QString &text)
{
    QString section;
    const QStringList lines = text.split(u'\n');
    for (QString line : lines) {
        const qsizetype hash = line.indexOf(u'#');
        if (hash >= 0)
            line.truncate(hash);
        line = line.simplified();
        if (line.isEmpty())
            continue;
        if (line.startsWith(u'[') && line.endsWith(u']')) {
            section = line.mid(1, line.size() - 2).toLower();
            continue;
        }
        addLine(lexicon, section, line);
    }
}

QuoteLexicon loadBuiltIn(const QString &language)
{
    QFile file(QStringLiteral(":/quotes/lexicons/%1.txt").arg(language));
    QString text;
    if (file.open(QIODevice::ReadOnly))
        text = QString::fromUtf8(file.readAll());
    return QuoteLexicon::parse(language, text);
}

} // namespace

QuoteLexicon QuoteLexicon::parse(const QString &language, const QString &text)
{
    QuoteLexicon lexicon;
    lexicon.language = language;
    parseInto(lexicon, text);
    return lexicon;
}

QuoteLexicon QuoteLexicon::extended(const QuoteLexicon &base, const QString &extraText)
{
    QuoteLexicon lexicon = base;
    parseInto(lexicon, extraText);
    return lexicon;
}

const QuoteLexicon &QuoteLexicon::builtIn(const QString &language)
{
    static const QuoteLexicon english = loadBuiltIn(QStringLiteral("en"));
    static const QuoteLexicon german = loadBuiltIn(QStringLiteral("de"));
    return language == u"de" ? german : english;
}

QString detectQuoteLanguage(const QString &text)
{
    static const QSet<QString> english = {QStringLiteral("the"), QStringLiteral("and"), QStringLiteral("of"),
                                          QStringLiteral("said"), QStringLiteral("is"), QStringLiteral("to"),
                                          QStringLiteral("was"), QStringLiteral("that")};
    static const QSet<QString> german = {QStringLiteral("der"), QStringLiteral("die"), QStringLiteral("und"),
                                         QStringLiteral("das"), QStringLiteral("sagte"), QStringLiteral("ist"),
                                         QStringLiteral("nicht"), QStringLiteral("mit")};
    int en = 0;
    int de = 0;
    QString word;
    const qsizetype limit = qMin<qsizetype>(text.size(), 6000);
    for (qsizetype i = 0; i <= limit; ++i) {
        const QChar c = i < limit ? text.at(i) : QChar(u' ');
        if (c.isLetter()) {
            if (word.size() < 16)
                word.append(c.toLower());
            continue;
        }
        if (!word.isEmpty()) {
            en += english.contains(word);
            de += german.contains(word);
            word.clear();
        }
    }
    return de > en ? QStringLiteral("de") : QStringLiteral("en");
}

} // namespace newscoder::quotes
