// Nexis Uni / LexisNexis exports (TXT, or DOCX/RTF read as paragraphs): articles end with an
// "End of Document" line. Each article: title, outlet and date lines, then fields (Copyright,
// Section, Length, Byline, Dateline, Highlight), a "Body" line, the body, and trailing fields
// (Classification block, Language, Subject, Load-Date, …).
#include "io/NewsDate.h"
#include "io/exports/NewsExport_p.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace newscoder::exports {

namespace {

bool isEndOfDocument(const QString &line)
{
    return line.trimmed().compare(u"End of Document"_s, Qt::CaseInsensitive) == 0;
}

// "Byline: Britt Aalund" → ("Byline", "Britt Aalund") for the fields Nexis writes.
bool nexisField(const QString &line, QString *name, QString *value)
{
    static const QRegularExpression field(
        uR"(^\s*(Byline|Section|Length|Dateline|Highlight|Series|Edition|Correction|Correction-Date|Load-Date|)"
        uR"(Language|Publication-Type|Subject|Geographic|Organization|Company|Person|Industry|Ticker|Graphic|Notes|)"
        uR"(Journal Code|Document-Type|Name|Type|Source|Distribution|Origin):\s*(.*)$)"_s);
    const QRegularExpressionMatch m = field.match(line);
    if (!m.hasMatch())
        return false;
    *name = m.captured(1);
    *value = m.captured(2).trimmed();
    return true;
}

const QRegularExpression &documentCount()
{
    static const QRegularExpression re(uR"(^Documents? \(\d+\)$)"_s);
    return re;
}

bool isCoverLine(const QString &line)
{
    const QString t = line.trimmed();
    return t.startsWith(u"Search Terms:"_s) || t.startsWith(u"Client/Matter:"_s) || t.startsWith(u"Search Type:"_s)
           || t.startsWith(u"Narrowed by"_s) || t.startsWith(u"Content Type"_s) || t.startsWith(u"Date and Time:"_s)
           || t.startsWith(u"Job Number:"_s) || t.startsWith(u"User Name:"_s)
           || documentCount().match(t).hasMatch();
}

// "December 11, 2021 Saturday" → "December 11, 2021" (Nexis adds the weekday after the date).
QString withoutTrailingWeekday(QString line)
{
    static const QRegularExpression weekday(
        uR"(\s+(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b.*$)"_s, QRegularExpression::CaseInsensitiveOption);
    return line.remove(weekday).trimmed();
}

void readArticle(const QStringList &lines, int index, const QString &fileName, ArticleBatch &batch)
{
    qsizetype body = -1;
    for (qsizetype i = 0; i < lines.size() && body < 0; ++i) {
        if (lines[i].trimmed() == u"Body"_s)
            body = i;
    }
    const QString where = u"article %1"_s.arg(index);
    if (body < 0) {
        bool cover = false, any = false;
        for (const QString &line : lines) {
            cover = cover || isCoverLine(line);
            any = any || !line.trimmed().isEmpty();
        }
        if (cover)
            batch.warnings.append(u"the export's cover page (search terms, document list) is left out"_s);
        else if (any)
            batch.rejected.append({where, u"no \"Body\" line: not an article of a Nexis export"_s});
        return;
    }

    ExportArticle article;
    // Header: everything before "Body". Fields are name: value lines; the free lines before the
    // first field are title, outlet, date (and edition). A cover page may precede the first
    // article in the same part: its lines are skipped.
    QStringList free;
    qsizetype coverEnd = -1;
    for (qsizetype i = 0; i < body; ++i) {
        if (isCoverLine(lines[i]))
            coverEnd = i;
    }
    if (coverEnd >= 0) {
        // The document list follows the cover fields; the article starts after its last
        // numbered entry ("1. Title").
        static const QRegularExpression numbered(uR"(^\s*\d+\.\s+\S)"_s);
        for (qsizetype i = coverEnd + 1; i < body; ++i) {
            if (numbered.match(lines[i]).hasMatch())
                coverEnd = i;
        }
        batch.warnings.append(u"the export's cover page (search terms, document list) is left out"_s);
    }
    bool fieldsStarted = false;
    for (qsizetype i = coverEnd + 1; i < body; ++i) {
        const QString line = lines[i].trimmed();
        QString name, value;
        if (line.isEmpty())
            continue;
        if (nexisField(line, &name, &value)) {
            fieldsStarted = true;
            article.fields.append({fieldKey(name), value});
            if (name == u"Byline"_s)
                article.author = value.startsWith(u"By "_s, Qt::CaseInsensitive) ? value.mid(3) : value;
        } else if (line.startsWith(u"Copyright"_s, Qt::CaseInsensitive) || line.startsWith(u"\u00A9"_s)) {
            fieldsStarted = true;
            article.fields.append({u"copyright"_s, line});
        } else if (!fieldsStarted) {
            free.append(line);
        }
    }
    // The date line is the first free line that reads as a date; the outlet the line before it,
    // the title the lines before that; lines after the date (edition) are kept as "edition".
    qsizetype dateLine = -1;
    for (qsizetype i = 0; i < free.size() && dateLine < 0; ++i) {
        if (i > 0 && parseNewsDate(withoutTrailingWeekday(free[i])).isValid())
            dateLine = i;
    }
    if (dateLine >= 0) {
        article.dateText = withoutTrailingWeekday(free[dateLine]);
        article.fields.append({u"date_line"_s, free[dateLine]});
        article.outlet = dateLine >= 2 ? free[dateLine - 1] : QString();
        article.title = free.mid(0, dateLine >= 2 ? dateLine - 1 : dateLine).join(u' ');
        if (dateLine + 1 < free.size())
            article.fields.append({u"edition"_s, free.mid(dateLine + 1).join(u' ')});
    } else if (!free.isEmpty()) {
        article.title = free.first();
        if (free.size() > 1)
            article.outlet = free[1];
        batch.warnings.append(u"article %1: no date line found"_s.arg(index));
    }

    // Body until the trailing fields.
    qsizetype end = lines.size();
    for (qsizetype i = body + 1; i < lines.size() && end == lines.size(); ++i) {
        QString name, value;
        const QString line = lines[i].trimmed();
        if (line == u"Classification"_s || line == u"Notes"_s || line == u"Graphic"_s
            || (nexisField(line, &name, &value) && name != u"Byline"_s && name != u"Dateline"_s))
            end = i;
    }
    article.paragraphs = paragraphsOf(lines.mid(body + 1, end - body - 1), true);
    for (qsizetype i = end; i < lines.size(); ++i) {
        QString name, value;
        if (nexisField(lines[i], &name, &value))
            article.fields.append({fieldKey(name), value});
    }
    if (article.paragraphs.isEmpty()) {
        batch.rejected.append({where + (article.title.isEmpty() ? QString() : u" (%1)"_s.arg(article.title)),
                               u"the body is empty"_s});
        return;
    }
    addDocument(batch, article, fileName, index);
}

} // namespace

bool looksLikeNexis(const QStringList &lines)
{
    bool end = false, marker = false;
    for (const QString &line : lines) {
        const QString t = line.trimmed();
        end = end || isEndOfDocument(t);
        marker = marker || t == u"Body"_s || t.startsWith(u"Load-Date:"_s);
        if (end && marker)
            return true;
    }
    return false;
}

void splitNexis(const QStringList &lines, const QString &fileName, ArticleBatch &batch)
{
    QStringList part;
    int index = 0;
    for (const QString &line : lines) {
        if (isEndOfDocument(line)) {
            bool any = false;
            for (const QString &l : std::as_const(part))
                any = any || !l.trimmed().isEmpty();
            if (any)
                readArticle(part, ++index, fileName, batch);
            part.clear();
        } else {
            part.append(line);
        }
    }
    bool rest = false;
    for (const QString &l : std::as_const(part))
        rest = rest || !l.trimmed().isEmpty();
    if (rest) // an article cut off before its "End of Document" line is still read, with a note
    {
        batch.warnings.append(u"the text after the last \"End of Document\" line is read as one more article"_s);
        readArticle(part, ++index, fileName, batch);
    }
}

} // namespace newscoder::exports
