#include "io/ParagraphArticle.h"

#include "io/NewsDate.h"

#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace newscoder {

namespace {

constexpr int kTitleScanParagraphs = 5;
constexpr int kMaxTitleWords = 30;
constexpr int kMaxDateParagraph = 60;

QString cleaned(const QString &paragraph)
{
    QStringList lines = paragraph.split(u'\n');
    for (QString &line : lines) {
        line.replace(u'\u00A0', u' ');
        while (!line.isEmpty() && line.back().isSpace())
            line.chop(1);
    }
    lines.removeAll(QString());
    return lines.join(u'\n');
}

} // namespace

ArticleParseResult articleFromParagraphs(const QStringList &paragraphs, const QString &fileName,
                                         const ParagraphSource &source)
{
    ArticleParseResult result;
    result.encoding = u"UTF-8"_s;
    QStringList kept;
    for (const QString &p : paragraphs) {
        const QString c = cleaned(p);
        if (!c.trimmed().isEmpty())
            kept.append(c);
    }
    if (kept.isEmpty()) {
        result.error = u"no article text found"_s;
        return result;
    }
    Document doc;
    doc.importSource = fileName;
    doc.title = source.titleProperty.simplified();
    const QString first = kept.first();
    if (doc.title.isEmpty() && !first.contains(u'\n') && first.count(u' ') < kMaxTitleWords && !first.endsWith(u'.'))
        doc.title = first.simplified();
    if (doc.title.isEmpty()) {
        doc.title = QFileInfo(fileName).completeBaseName();
        result.warnings << u"No headline found; the file name is used as the title."_s;
    }
    doc.text = kept.join(u"\n\n"_s) + u'\n';
    doc.author = source.author.simplified();
    doc.metadata.append({u"source_file"_s, fileName});
    doc.metadata.append({u"format"_s, source.format});
    doc.metadata += source.metadata;
    for (int i = 0; i < std::min(int(kept.size()), kTitleScanParagraphs); ++i) {
        const QString line = kept[i].simplified();
        if (line.size() > kMaxDateParagraph)
            continue;
        const NewsDate date = parseNewsDate(line);
        if (date.isValid()) {
            doc.date = date.date;
            doc.metadata.append({u"published"_s, line});
            doc.metadata.append({u"published_iso"_s, date.toIso()});
            break;
        }
    }
    result.document = std::move(doc);
    return result;
}

} // namespace newscoder
