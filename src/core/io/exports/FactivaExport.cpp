// Factiva exports (TXT, or HTML read as block lines): each article is a run of fields, a code
// of two or three capitals at the start of a line (HD headline, BY byline, WC word count,
// PD date, SN source name, SC source code, LA language, CY copyright, LP lead paragraphs,
// TD text, AN accession number, …). The value follows on the same line (after a tab or two
// spaces) and on the lines after it, up to the next code. Every HD starts an article.
#include "io/exports/NewsExport_p.h"

#include <QHash>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace newscoder::exports {

namespace {

const QHash<QString, QString> &factivaCodes()
{
    static const QHash<QString, QString> codes{
        {u"HD"_s, u"headline"_s},     {u"BY"_s, u"byline"_s},       {u"CR"_s, u"credit"_s},
        {u"WC"_s, u"word_count"_s},   {u"PD"_s, u"published"_s},    {u"ET"_s, u"time"_s},
        {u"SN"_s, u"source_name"_s},  {u"SC"_s, u"source_code"_s},  {u"ED"_s, u"edition"_s},
        {u"PG"_s, u"page"_s},         {u"LA"_s, u"language"_s},     {u"CY"_s, u"copyright"_s},
        {u"LP"_s, u"lead"_s},         {u"TD"_s, u"text"_s},         {u"CT"_s, u"contact"_s},
        {u"RF"_s, u"reference"_s},    {u"CO"_s, u"companies"_s},    {u"IN"_s, u"industries"_s},
        {u"NS"_s, u"subjects"_s},     {u"RE"_s, u"regions"_s},      {u"IPC"_s, u"ipc"_s},
        {u"IPD"_s, u"descriptors"_s}, {u"PUB"_s, u"publisher"_s},   {u"AN"_s, u"document_id"_s},
        {u"SE"_s, u"section"_s},      {u"CLM"_s, u"column"_s},      {u"ART"_s, u"art"_s},
        {u"CX"_s, u"correction"_s},   {u"VOL"_s, u"volume"_s},
    };
    return codes;
}

// A field line: a known code alone, or followed by a tab or at least two spaces (so body text
// such as "IN 2020 the council…" is not read as a field).
bool factivaField(const QString &line, QString *code, QString *value)
{
    static const QRegularExpression field(uR"(^([A-Z]{2,3})(?:(?:\t| {2,})\s*(.*))?$)"_s);
    const QRegularExpressionMatch m = field.match(line);
    if (!m.hasMatch() || !factivaCodes().contains(m.captured(1)))
        return false;
    *code = m.captured(1);
    *value = m.captured(2);
    return true;
}

bool isDocumentLine(const QString &line)
{
    static const QRegularExpression document(uR"(^Document [A-Za-z0-9]{10,}$)"_s);
    return document.match(line.trimmed()).hasMatch();
}

struct Field
{
    QString code;
    QStringList lines;
};

void finishArticle(const QList<Field> &fields, int index, const QString &fileName, ArticleBatch &batch)
{
    ExportArticle article;
    for (const Field &f : fields) {
        const QString joined = paragraphsOf(f.lines, false).join(u' ');
        if (f.code == u"HD"_s) {
            article.title = joined;
        } else if (f.code == u"LP"_s || f.code == u"TD"_s) {
            article.paragraphs += paragraphsOf(f.lines, false);
        } else if (f.code == u"PD"_s) {
            article.dateText = joined;
        } else if (f.code == u"SN"_s) {
            article.outlet = joined;
        } else {
            if (f.code == u"BY"_s)
                article.author = joined.startsWith(u"By "_s, Qt::CaseInsensitive) ? joined.mid(3) : joined;
            QString value = joined;
            if (f.code == u"AN"_s && value.startsWith(u"Document "_s))
                value = value.mid(9).trimmed();
            article.fields.append({factivaCodes().value(f.code), value});
        }
    }
    if (!article.outlet.isEmpty())
        article.fields.append({u"source_name"_s, article.outlet});
    if (article.paragraphs.isEmpty()) {
        batch.rejected.append({u"article %1%2"_s.arg(index).arg(article.title.isEmpty() ? QString()
                                                                                        : u" (%1)"_s.arg(article.title)),
                               u"no text (neither LP nor TD)"_s});
        return;
    }
    addDocument(batch, article, fileName, index);
}

} // namespace

bool looksLikeFactiva(const QStringList &lines)
{
    bool hd = false, sn = false, text = false;
    for (const QString &line : lines) {
        QString code, value;
        if (!factivaField(line, &code, &value))
            continue;
        hd = hd || code == u"HD"_s;
        sn = sn || code == u"SN"_s;
        text = text || code == u"TD"_s || code == u"LP"_s;
        if (hd && sn && text)
            return true;
    }
    return false;
}

void splitFactiva(const QStringList &lines, const QString &fileName, ArticleBatch &batch)
{
    QList<Field> fields;
    int index = 0;
    bool before = false; // text before the first HD (a report header)
    for (const QString &line : lines) {
        QString code, value;
        if (factivaField(line, &code, &value)) {
            if (code == u"HD"_s && !fields.isEmpty()) {
                finishArticle(fields, ++index, fileName, batch);
                fields.clear();
            }
            fields.append({code, value.trimmed().isEmpty() ? QStringList() : QStringList{value.trimmed()}});
        } else if (isDocumentLine(line) && !fields.isEmpty()) {
            fields.append({u"AN"_s, {line.trimmed()}});
        } else if (!fields.isEmpty()) {
            fields.last().lines.append(line);
        } else if (!line.trimmed().isEmpty()) {
            before = true;
        }
    }
    if (!fields.isEmpty())
        finishArticle(fields, ++index, fileName, batch);
    if (before)
        batch.warnings.append(u"the text before the first headline (HD) is left out"_s);
}

} // namespace newscoder::exports
