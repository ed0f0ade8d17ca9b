#include "quotes/QuoteGold.h"

#include <QStringList>

namespace newscoder::quotes {

namespace {

bool parseSpan(const QString &a, const QString &b, int textLength, QuoteSpan &span)
{
    bool okA = false;
    bool okB = false;
    const int start = a.toInt(&okA);
    const int end = b.toInt(&okB);
    if (!okA || !okB)
        return false;
    if (start == -1 && end == -1) {
        span = {};
        return true;
    }
    if (start < 0 || end <= start || end > textLength)
        return false;
    span = {start, end};
    return true;
}

} // namespace

QList<GoldAttribution> parseGoldAnnotations(const QString &annText, int textLength, QString *error)
{
    QList<GoldAttribution> result;
    const QStringList lines = annText.split(u'\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        QString line = lines.at(i);
        if (line.endsWith(u'\r'))
            line.chop(1);
        if (line.trimmed().isEmpty() || line.startsWith(u'#'))
            continue;
        const QStringList f = line.split(u'\t');
        auto fail = [&](const QString &why) {
            if (error)
                *error = QStringLiteral("line %1: %2").arg(i + 1).arg(why);
            return QList<GoldAttribution>{};
        };
        if (f.size() < 7)
            return fail(QStringLiteral("expected 8 tab-separated fields"));
        GoldAttribution g;
        const QString kind = f.at(0).trimmed();
        if (kind == u"direct")
            g.kind = QuoteKind::Direct;
        else if (kind == u"mixed")
            g.kind = QuoteKind::Mixed;
        else if (kind == u"indirect")
            g.kind = QuoteKind::Indirect;
        else if (kind == u"floating")
            g.kind = QuoteKind::Floating;
        else
            return fail(QStringLiteral("unknown kind '%1'").arg(kind));
        if (!parseSpan(f.at(1), f.at(2), textLength, g.quote) || !g.quote.isValid())
            return fail(QStringLiteral("bad quote span"));
        if (!parseSpan(f.at(3), f.at(4), textLength, g.cue))
            return fail(QStringLiteral("bad cue span"));
        if (!parseSpan(f.at(5), f.at(6), textLength, g.speaker))
            return fail(QStringLiteral("bad speaker span"));
        g.actor = f.size() > 7 ? f.at(7).trimmed() : QString();
        result.append(g);
    }
    return result;
}

} // namespace newscoder::quotes
