#include "stats/ReportFormat.h"

#include <QHash>
#include <charconv>
#include <cmath>

using namespace Qt::StringLiterals;

namespace newscoder::stats {

QString formatNumber(double value)
{
    if (!std::isfinite(value))
        return u"null"_s;
    if (value == 0)
        value = 0; // no "-0"
    char buffer[32];
    const auto r = std::to_chars(buffer, buffer + sizeof buffer, value);
    return QString::fromLatin1(buffer, r.ptr - buffer);
}

namespace {

QString jsonString(const QString &s)
{
    QString out;
    out.reserve(s.size() + 2);
    out += u'"';
    for (QChar ch : s) {
        switch (ch.unicode()) {
        case u'"':
            out += u"\\\""_s;
            break;
        case u'\\':
            out += u"\\\\"_s;
            break;
        case u'\n':
            out += u"\\n"_s;
            break;
        case u'\r':
            out += u"\\r"_s;
            break;
        case u'\t':
            out += u"\\t"_s;
            break;
        default:
            if (ch.unicode() < 0x20)
                out += u"\\u%1"_s.arg(uint(ch.unicode()), 4, 16, QChar(u'0'));
            else
                out += ch;
        }
    }
    out += u'"';
    return out;
}

QString jsonNumber(const std::optional<double> &v)
{
    return v ? formatNumber(*v) : u"null"_s;
}

QString jsonText(const QString &s)
{
    return s.isEmpty() ? u"null"_s : jsonString(s);
}

// The members shared by the report and each per-category entry.
QString resultMembers(const AgreementResult &r)
{
    return u"\"value\": "_s + jsonNumber(r.value) + u", \"observed\": "_s + jsonNumber(r.observed) +
           u", \"expected\": "_s + jsonNumber(r.expected) + u", \"units\": "_s + QString::number(r.units) +
           u", \"pairable_values\": "_s + QString::number(r.pairableValues);
}

} // namespace

QByteArray reportJson(const Report &report)
{
    const AgreementResult &r = report.result;
    QString out = u"{\"measure\": "_s + jsonText(report.measure) + u", \"level\": "_s +
                  jsonText(report.level) + u", \"weights\": "_s + jsonText(report.weights) + u", "_s +
                  resultMembers(r) + u", \"categories\": ["_s;
    for (qsizetype i = 0; i < report.categories.size(); ++i)
        out += (i ? u", "_s : QString()) + jsonString(report.categories[i]);
    out += u"], \"note\": "_s + jsonText(r.note) + u", \"ci95\": "_s;
    if (r.ci) {
        out += u'[' + formatNumber(r.ci->lower) + u", "_s + formatNumber(r.ci->upper) + u']';
        out += u", \"bootstrap\": {\"draws\": %1, \"usable_draws\": %2, \"seed\": %3, \"level\": %4}"_s
                   .arg(r.ci->draws)
                   .arg(r.ci->usableDraws)
                   .arg(r.ci->seed)
                   .arg(formatNumber(r.ci->level));
    } else {
        out += u"null"_s;
    }
    if (!report.category.isEmpty())
        out += u", \"category\": "_s + jsonString(report.category);
    if (!report.perCategory.isEmpty()) {
        out += u", \"per_category\": {"_s;
        for (qsizetype i = 0; i < report.perCategory.size(); ++i) {
            const CategoryAgreement &c = report.perCategory[i];
            out += (i ? u", "_s : QString()) + jsonString(c.category) + u": {"_s + resultMembers(c.result) +
                   u", \"note\": "_s + jsonText(c.result.note) + u'}';
        }
        out += u'}';
    }
    out += u"}\n"_s;
    return out.toUtf8();
}

QString reportText(const Report &report)
{
    static const QHash<QString, QString> names{
        {u"percent"_s, u"Percent agreement"_s},
        {u"cohen"_s, u"Cohen's kappa"_s},
        {u"weighted-cohen"_s, u"Weighted kappa"_s},
        {u"scott"_s, u"Scott's pi"_s},
        {u"fleiss"_s, u"Fleiss' kappa"_s},
        {u"bennett"_s, u"Bennett's S"_s},
        {u"randolph"_s, u"Randolph's kappa"_s},
        {u"gwet"_s, u"Gwet's AC1"_s},
        {u"alpha"_s, u"Krippendorff's alpha"_s},
        {u"unitizing-alpha"_s, u"Krippendorff's unitizing alpha"_s},
    };
    const AgreementResult &r = report.result;
    auto rounded = [](const std::optional<double> &v) {
        return v ? QString::number(*v, 'f', 4) : u"undefined"_s;
    };
    auto number = [](const std::optional<double> &v) { return v ? QString::number(*v, 'g', 6) : u"-"_s; };
    QString title = names.value(report.measure, report.measure);
    if (report.measure == u"gwet"_s && !report.weights.isEmpty())
        title = u"Gwet's AC2"_s;
    if (!report.level.isEmpty())
        title += u" ("_s + report.level + u')';
    if (!report.weights.isEmpty())
        title += u" ("_s + report.weights + u" weights)"_s;
    if (!report.category.isEmpty())
        title += u", category "_s + report.category;
    QString out = title + u": "_s + rounded(r.value) + u'\n';
    out += u"  observed: "_s + number(r.observed) + u", expected: "_s + number(r.expected) + u'\n';
    out += u"  units: %1, pairable values: %2\n"_s.arg(r.units).arg(r.pairableValues);
    if (!report.categories.isEmpty())
        out += u"  categories: "_s + report.categories.join(u", "_s) + u'\n';
    if (r.ci) {
        out += u"  %1% interval: [%2, %3] (bootstrap, %4 of %5 draws defined, seed %6)\n"_s
                   .arg(formatNumber(r.ci->level * 100), rounded(r.ci->lower), rounded(r.ci->upper))
                   .arg(r.ci->usableDraws)
                   .arg(r.ci->draws)
                   .arg(r.ci->seed);
    }
    for (const CategoryAgreement &c : report.perCategory)
        out += u"  %1: %2\n"_s.arg(c.category, rounded(c.result.value));
    if (!r.note.isEmpty())
        out += u"  note: "_s + r.note + u'\n';
    return out;
}

} // namespace newscoder::stats
