#include "io/pdf/PdfArticleReader.h"

#include "io/ParagraphArticle.h"
#include "io/pdf/PdfLayout.h"

#include <poppler/qt6/poppler-qt6.h>

#include <QMutex>

using namespace Qt::StringLiterals;

namespace newscoder {

namespace {

constexpr qsizetype kMaxWordsPerPage = 200000;

void silence(const QString &, const QVariant &) {}

// Poppler prints its complaints about broken files to stderr; the reader reports its own.
void silencePoppler()
{
    static QMutex mutex;
    static bool done = false;
    QMutexLocker lock(&mutex);
    if (!done) {
        Poppler::setDebugErrorFunction(silence, QVariant());
        done = true;
    }
}

pdf::PdfPage pageLines(const Poppler::Page &page)
{
    pdf::PdfPage lines;
    const std::vector<std::unique_ptr<Poppler::TextBox>> boxes = page.textList();
    if (qsizetype(boxes.size()) > kMaxWordsPerPage)
        return lines;
    pdf::PdfLine line;
    const Poppler::TextBox *previous = nullptr;
    for (const auto &box : boxes) {
        if (previous && previous->nextWord() != box.get()) {
            lines.append(line);
            line = {};
        } else if (previous) {
            if (previous->hasSpaceAfter())
                line.text += u' ';
        }
        line.text += box->text();
        line.box = line.box.isNull() ? box->boundingBox() : line.box.united(box->boundingBox());
        previous = box.get();
    }
    if (previous)
        lines.append(line);
    return lines;
}

bool looksLikeFileName(const QString &title)
{
    static const QStringList suffixes{u".doc"_s, u".docx"_s, u".pdf"_s, u".odt"_s, u".rtf"_s, u".txt"_s, u".indd"_s};
    for (const QString &s : suffixes) {
        if (title.endsWith(s, Qt::CaseInsensitive))
            return true;
    }
    return title.startsWith(u"Microsoft Word - "_s);
}

} // namespace

PdfText readPdfText(const QByteArray &bytes)
{
    PdfText out;
    if (bytes.isEmpty()) {
        out.error = u"the file is empty"_s;
        return out;
    }
    if (bytes.size() > kMaxPdfFileBytes) {
        out.error = u"larger than %1 MiB"_s.arg(kMaxPdfFileBytes >> 20);
        return out;
    }
    if (!bytes.left(1024).contains("%PDF-")) {
        out.error = u"not a PDF file (no %PDF- header)"_s;
        return out;
    }
    silencePoppler();
    const std::unique_ptr<Poppler::Document> doc = Poppler::Document::loadFromData(bytes);
    if (!doc) {
        out.error = u"not a readable PDF (damaged, or not a PDF)"_s;
        return out;
    }
    if (doc->isLocked()) {
        out.error = u"encrypted PDF: it needs a password to open; save an unprotected copy and import that"_s;
        return out;
    }
    out.pages = doc->numPages();
    if (out.pages > kMaxPdfPages) {
        out.error = u"more than %1 pages"_s.arg(kMaxPdfPages);
        return out;
    }
    QList<pdf::PdfPage> pages;
    for (int i = 0; i < out.pages; ++i) {
        const std::unique_ptr<Poppler::Page> page = doc->page(i);
        pages.append(page ? pageLines(*page) : pdf::PdfPage());
    }
    out.paragraphs = pdf::pdfParagraphs(pages);
    if (out.paragraphs.isEmpty()) {
        out.error = u"no text found in the PDF (scanned pages without a text layer need OCR first)"_s;
        return out;
    }
    out.title = doc->info(u"Title"_s).simplified();
    out.author = doc->info(u"Author"_s).simplified();
    out.subject = doc->info(u"Subject"_s).simplified();
    out.keywords = doc->info(u"Keywords"_s).simplified();
    out.creator = doc->info(u"Creator"_s).simplified();
    const QDateTime created = doc->creationDate();
    if (created.isValid())
        out.created = created.toString(Qt::ISODate);
    return out;
}

ArticleParseResult parsePdfArticle(const QByteArray &bytes, const QString &fileName)
{
    const PdfText pdf = readPdfText(bytes);
    if (!pdf.error.isEmpty()) {
        ArticleParseResult result;
        result.error = pdf.error;
        return result;
    }
    ParagraphSource source;
    source.format = u"pdf"_s;
    source.titleProperty = looksLikeFileName(pdf.title) ? QString() : pdf.title;
    source.author = pdf.author;
    source.metadata.append({u"pages"_s, QString::number(pdf.pages)});
    const auto add = [&source](const QString &key, const QString &value) {
        if (!value.isEmpty())
            source.metadata.append({key, value});
    };
    add(u"document_title"_s, pdf.title);
    add(u"document_created"_s, pdf.created);
    add(u"subject"_s, pdf.subject);
    add(u"keywords"_s, pdf.keywords);
    return articleFromParagraphs(pdf.paragraphs, fileName, source);
}

} // namespace newscoder
