// ProQuest exports (TXT): a report header, then for each article "Document N of M", the
// title, and "Name: value" field blocks (Author, Publication info, Abstract, Full text,
// Subject, Publication title, Publication date, ProQuest document ID, Document URL, …); a
// line of underscores ends each article. "Full text:" runs up to the next known field.
#include "io/exports/NewsExport_p.h"

#include <QRegularExpression>
#include <QSet>

using namespace Qt::StringLiterals;

namespace newscoder::exports {

namespace {

const QSet<QString> &proquestFields()
{
    static const QSet<QString> names{
        u"Author"_s, u"Publication info"_s, u"ProQuest document link"_s, u"Abstract"_s, u"Full text"_s,
        u"Subject"_s, u"Location"_s, u"People"_s, u"Company / organization"_s, u"Title"_s,
        u"Publication title"_s, u"Volume"_s, u"Issue"_s, u"Pages"_s, u"First page"_s, u"Number of pages"_s,
        u"Publication year"_s, u"Publication date"_s, u"Year"_s, u"Section"_s, u"Publisher"_s,
        u"Place of publication"_s, u"Country of publication"_s, u"Publication subject"_s, u"ISSN"_s,
        u"Source type"_s, u"Language of publication"_s, u"Document type"_s, u"ProQuest document ID"_s,
        u"Document URL"_s, u"Copyright"_s, u"Last updated"_s, u"Database"_s, u"Credit"_s, u"Dateline"_s,
        u"Illustration"_s, u"Links"_s, u"Identifier / keyword"_s, u"Accession number"_s, u"Column"_s,
        u"Edition"_s, u"Document feature"_s, u"Named person"_s, u"Classification"_s};
    return names;
}

bool proquestField(const QString &line, QString *name, QString *value)
{
    const qsizetype colon = line.indexOf(u':');
    if (colon <= 0 || colon > 40)
        return false;
    const QString candidate = line.left(colon).trimmed();
    if (!proquestFields().contains(candidate))
        return false;
    *name = candidate;
    *value = line.mid(colon + 1).trimmed();
    return true;
}

const QRegularExpression &documentHeader()
{
    static const QRegularExpression re(uR"(^\s*Document (\d+) of (\d+)\s*$)"_s);
    return re;
}

bool isSeparator(const QString &line)
{
    const QString t = line.trimmed();
    return t.size() >= 10 && t.count(u'_') == t.size();
}

void readDocument(const QStringList &lines, int index, const QString &fileName, ArticleBatch &batch)
{
    ExportArticle article;
    QString current;      // the field being read
    QStringList values;   // its lines
    bool fullText = false;
    QString firstLine;    // the title line under "Document N of M"
    const auto flush = [&] {
        if (current.isEmpty())
            return;
        if (current == u"Full text"_s) {
            article.paragraphs = paragraphsOf(values, true);
            fullText = true;
        } else {
            const QString value = paragraphsOf(values, false).join(u' ');
            if (current == u"Title"_s)
                article.title = value;
            else if (current == u"Author"_s)
                article.author = value;
            else if (current == u"Publication title"_s)
                article.outlet = value;
            else if (current == u"Publication date"_s)
                article.dateText = value;
            else if (current == u"Document URL"_s)
                article.url = value;
            if (current != u"Title"_s && current != u"Publication date"_s)
                article.fields.append({fieldKey(current), value});
        }
        values.clear();
    };
    for (const QString &line : lines) {
        QString name, value;
        if (proquestField(line, &name, &value)) {
            flush();
            current = name;
            if (!value.isEmpty())
                values.append(value);
        } else if (!current.isEmpty()) {
            values.append(line);
        } else if (firstLine.isEmpty() && !line.trimmed().isEmpty()) {
            firstLine = line.trimmed();
        }
    }
    flush();
    if (article.title.isEmpty())
        article.title = firstLine;
    if (!fullText || article.paragraphs.isEmpty()) {
        batch.rejected.append({u"document %1%2"_s.arg(index).arg(article.title.isEmpty() ? QString()
                                                                                         : u" (%1)"_s.arg(article.title)),
                               u"no full text (the export holds only its citation or abstract)"_s});
        return;
    }
    addDocument(batch, article, fileName, index);
}

} // namespace

bool looksLikeProQuest(const QStringList &lines)
{
    bool header = false, marker = false;
    for (const QString &line : lines) {
        header = header || documentHeader().match(line).hasMatch();
        marker = marker || line.startsWith(u"Full text:"_s) || line.startsWith(u"ProQuest document ID:"_s);
        if (header && marker)
            return true;
    }
    return false;
}

void splitProQuest(const QStringList &lines, const QString &fileName, ArticleBatch &batch)
{
    QStringList part;
    int index = 0;
    bool inDocument = false, header = false;
    const auto finish = [&] {
        if (inDocument)
            readDocument(part, index, fileName, batch);
        part.clear();
        inDocument = false;
    };
    for (const QString &line : lines) {
        const QRegularExpressionMatch m = documentHeader().match(line);
        if (m.hasMatch()) {
            finish();
            inDocument = true;
            index = m.captured(1).toInt();
            if (index <= 0)
                index = batch.documents.size() + int(batch.rejected.size()) + 1;
        } else if (isSeparator(line)) {
            finish();
        } else if (inDocument) {
            part.append(line);
        } else if (!line.trimmed().isEmpty()) {
            header = true;
        }
    }
    finish();
    if (header)
        batch.warnings.append(u"the report header and table of contents are left out"_s);
}

} // namespace newscoder::exports
