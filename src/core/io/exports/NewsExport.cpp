#include "io/exports/NewsExport.h"

#include "io/NewsDate.h"
#include "io/exports/NewsExport_p.h"

using namespace Qt::StringLiterals;

namespace newscoder {

namespace exports {

QStringList textLines(const QString &text)
{
    QString normalised = text;
    normalised.replace(u"\r\n"_s, u"\n"_s);
    normalised.replace(u'\r', u'\n');
    QStringList lines = normalised.split(u'\n');
    for (QString &line : lines) {
        line.replace(u'\u00A0', u' ');
        while (!line.isEmpty() && line.back().isSpace())
            line.chop(1);
    }
    return lines;
}

QStringList paragraphsOf(const QStringList &lines, bool linePerParagraph)
{
    QStringList out;
    QStringList run;
    const auto flush = [&] {
        if (!run.isEmpty())
            out.append(run.join(u' '));
        run.clear();
    };
    for (const QString &line : lines) {
        const QString trimmed = line.trimmed();
        if (trimmed.isEmpty()) {
            flush();
        } else if (linePerParagraph) {
            out.append(trimmed);
        } else {
            run.append(trimmed);
        }
    }
    flush();
    return out;
}

QString fieldKey(const QString &name)
{
    QString key = name.trimmed().toLower();
    for (QChar &c : key) {
        if (!c.isLetterOrNumber())
            c = u'_';
    }
    while (key.contains(u"__"_s))
        key.replace(u"__"_s, u"_"_s);
    while (key.endsWith(u'_'))
        key.chop(1);
    return key;
}

void addDocument(ArticleBatch &batch, const ExportArticle &article, const QString &fileName, int index)
{
    if (batch.documents.size() >= kMaxArticlesPerFile) {
        batch.rejected.append({u"article %1"_s.arg(index),
                               u"more than %1 articles in one file; the rest is not read"_s.arg(kMaxArticlesPerFile)});
        return;
    }
    Document doc;
    doc.importSource = fileName;
    doc.title = article.title.simplified();
    if (doc.title.isEmpty() && !article.paragraphs.isEmpty())
        doc.title = article.paragraphs.first().left(120);
    doc.outlet = article.outlet.simplified();
    doc.author = article.author.simplified();
    doc.url = article.url.trimmed();
    QStringList parts;
    if (!article.title.trimmed().isEmpty())
        parts << article.title.simplified();
    parts << article.paragraphs;
    doc.text = parts.join(u"\n\n"_s) + u'\n';
    doc.metadata.append({u"source_file"_s, fileName});
    doc.metadata.append({u"format"_s, batch.format});
    doc.metadata.append({u"article_in_file"_s, QString::number(index)});
    if (!article.dateText.trimmed().isEmpty()) {
        const QString written = article.dateText.simplified();
        doc.metadata.append({u"published"_s, written});
        const NewsDate date = parseNewsDate(written);
        if (date.isValid()) {
            doc.date = date.date;
            doc.metadata.append({u"published_iso"_s, date.toIso()});
        } else {
            batch.warnings.append(u"article %1: the date \"%2\" was not understood"_s.arg(index).arg(written));
        }
    }
    for (const MetadataEntry &field : article.fields) {
        if (!field.second.trimmed().isEmpty())
            doc.metadata.append(field);
    }
    batch.documents.append(std::move(doc));
}

} // namespace exports

QString newsExportName(NewsExportKind kind)
{
    switch (kind) {
    case NewsExportKind::Nexis:
        return u"nexis"_s;
    case NewsExportKind::Factiva:
        return u"factiva"_s;
    case NewsExportKind::ProQuest:
        return u"proquest"_s;
    case NewsExportKind::None:
        break;
    }
    return {};
}

NewsExportKind detectNewsExport(const QString &text)
{
    // Cheap pre-checks before splitting into lines.
    const bool nexis = text.contains(u"End of Document"_s);
    const bool proquest = text.contains(u" of "_s) && text.contains(u"Document "_s);
    const bool factiva = text.contains(u"HD"_s) && text.contains(u"SN"_s);
    if (!nexis && !proquest && !factiva)
        return NewsExportKind::None;
    const QStringList lines = exports::textLines(text);
    if (nexis && exports::looksLikeNexis(lines))
        return NewsExportKind::Nexis;
    if (proquest && exports::looksLikeProQuest(lines))
        return NewsExportKind::ProQuest;
    if (factiva && exports::looksLikeFactiva(lines))
        return NewsExportKind::Factiva;
    return NewsExportKind::None;
}

ArticleBatch splitNewsExport(const QString &text, NewsExportKind kind, const QString &fileName)
{
    ArticleBatch batch;
    batch.format = newsExportName(kind);
    const QStringList lines = exports::textLines(text);
    switch (kind) {
    case NewsExportKind::Nexis:
        exports::splitNexis(lines, fileName, batch);
        break;
    case NewsExportKind::Factiva:
        exports::splitFactiva(lines, fileName, batch);
        break;
    case NewsExportKind::ProQuest:
        exports::splitProQuest(lines, fileName, batch);
        break;
    case NewsExportKind::None:
        batch.error = u"not a news-database export"_s;
        return batch;
    }
    if (batch.documents.isEmpty() && batch.error.isEmpty())
        batch.error = u"no article found in the %1 export"_s.arg(batch.format);
    return batch;
}

} // namespace newscoder
