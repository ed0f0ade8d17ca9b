#include "reliability/ReliabilityExport.h"

#include "reliability/ReliabilityTableModel.h"
#include "stats/ReportFormat.h"

#include <QDir>
#include <QSaveFile>

namespace newscoder {

using namespace Qt::StringLiterals;

namespace {

QString csvField(const QString &text)
{
    if (!text.contains(u',') && !text.contains(u'"') && !text.contains(u'\n') && !text.contains(u'\r'))
        return text;
    QString quoted = text;
    quoted.replace(u"\""_s, u"\"\""_s);
    return u'"' + quoted + u'"';
}

QString number(const std::optional<double> &value)
{
    return value ? stats::formatNumber(*value) : QString();
}

// Krippendorff (2004): rely on variables with alpha >= .800; draw tentative
// conclusions from those with .667 <= alpha < .800.
QString valueClass(const std::optional<double> &value)
{
    if (!value)
        return QStringLiteral("undefined");
    if (*value >= 0.8)
        return QStringLiteral("reliable");
    return *value >= 0.667 ? QStringLiteral("tentative") : QStringLiteral("low");
}

} // namespace

QByteArray reliabilityCsv(const AgreementReport &report)
{
    QString out = QStringLiteral(
        "code,measure,level,value,ci_lower,ci_upper,ci_level,units,pairable_values,coders,note,merged\r\n");
    for (const AgreementRow &row : report.rows) {
        const stats::AgreementResult &r = row.result;
        const QStringList fields{
            csvField(row.subject),
            csvField(row.measure),
            csvField(row.level),
            number(r.value),
            r.ci ? stats::formatNumber(r.ci->lower) : QString(),
            r.ci ? stats::formatNumber(r.ci->upper) : QString(),
            r.ci ? stats::formatNumber(r.ci->level) : QString(),
            QString::number(r.units),
            QString::number(r.pairableValues),
            QString::number(row.coders),
            csvField(ReliabilityTableModel::explanation(r)),
            row.measure == u"unitizing-alpha" ? QString::number(row.merges.size()) : QString(),
        };
        out += fields.join(u',') + u"\r\n";
    }
    return out.toUtf8();
}

QByteArray reliabilityHtml(const AgreementReport &report, const QList<QPair<QString, QString>> &summary)
{
    const auto esc = [](const QString &s) { return s.toHtmlEscaped(); };
    QString html = QStringLiteral(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<title>Intercoder reliability</title>\n<style>\n"
        "body { font-family: sans-serif; margin: 2em; color: #222; }\n"
        "table { border-collapse: collapse; margin: 1em 0; }\n"
        "th, td { border: 1px solid #bbb; padding: 0.3em 0.6em; text-align: left; vertical-align: top; }\n"
        "th { background: #eee; }\n"
        "table.summary th { background: none; border: none; padding-left: 0; }\n"
        "table.summary td { border: none; }\n"
        "td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }\n"
        "td.reliable { background: #e3f2e1; } td.tentative { background: #fff4d6; }\n"
        "td.low { background: #fbe3e1; } td.undefined { color: #777; }\n"
        "p.legend { color: #555; font-size: 0.9em; }\n"
        "</style>\n</head>\n<body>\n<h1>Intercoder reliability</h1>\n<table class=\"summary\">\n");
    for (const auto &[label, value] : summary)
        html += QStringLiteral("<tr><th>%1</th><td>%2</td></tr>\n").arg(esc(label), esc(value));
    html += QStringLiteral("</table>\n<table class=\"results\">\n<thead><tr>");
    const ReliabilityTableModel headers;
    for (int c = 0; c < ReliabilityTableModel::ColumnCount; ++c)
        html += u"<th>"_s + esc(headers.headerData(c, Qt::Horizontal).toString()) + u"</th>"_s;
    html += QStringLiteral("</tr></thead>\n<tbody>\n");
    for (const AgreementRow &row : report.rows) {
        const stats::AgreementResult &r = row.result;
        html += QStringLiteral("<tr><td>%1</td><td>%2</td><td class=\"num %3\">%4</td><td class=\"num\">%5</td>"
                               "<td class=\"num\">%6</td><td class=\"num\">%7</td><td class=\"num\">%8</td>")
                    .arg(esc(row.subject), esc(ReliabilityTableModel::measureLabel(row.measure)),
                         valueClass(r.value), ReliabilityTableModel::formatValue(r.value),
                         ReliabilityTableModel::formatCi(r.ci), QString::number(r.units),
                         QString::number(r.pairableValues), QString::number(row.coders));
        html += u"<td class=\"num\">"_s +
                (row.measure == u"unitizing-alpha" ? QString::number(row.merges.size()) : QString()) +
                u"</td><td>"_s + esc(ReliabilityTableModel::explanation(r)) + u"</td></tr>\n"_s;
    }
    html += QStringLiteral(
        "</tbody>\n</table>\n<p class=\"legend\">Krippendorff's α: 1 is perfect agreement, 0 agreement at chance "
        "level. Rely on codes with α ≥ 0.800; draw only tentative conclusions from 0.667 ≤ α &lt; 0.800 "
        "(Krippendorff 2004). “—”: undefined for these data (see the note).</p>\n</body>\n</html>\n");
    return html.toUtf8();
}

bool writeWholeFile(const QString &path, const QByteArray &bytes, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = QStringLiteral("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    if (file.write(bytes) != bytes.size() || !file.commit()) {
        if (error)
            *error = QStringLiteral("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        file.cancelWriting();
        return false;
    }
    return true;
}

} // namespace newscoder
