#pragma once

#include <QList>
#include <QRectF>
#include <QString>
#include <QStringList>

namespace newscoder::pdf {

// One line of text on a PDF page, in the reading order the PDF library gives, with where it is.
struct PdfLine
{
    QString text;
    QRectF box; // page coordinates, y growing downwards
};

using PdfPage = QList<PdfLine>;

// Turns the lines of a document's pages into paragraphs, one string each (pure):
//  - page headers and footers are dropped: among the two top-most and two bottom-most lines
//    of each page, a line that recurs (digits ignored) at the same height (within 4 points)
//    on at least half of the pages (two at least), and any such line that is only a page number ("4", "- 4 -", "Page 4", "4 of 9",
//    "4/9");
//  - a new paragraph starts after a vertical gap larger than 0.6 line heights, at a line
//    indented by more than 1.5 line heights against the one before, when the reading order
//    moves up the page (the next column), and at every page break unless the paragraph runs on
//    (it does not end with . ! ? : or a closing quote and the next page's first line starts in
//    lower case);
//  - lines of a paragraph are joined with a space; a line ending in a hyphen after a letter is
//    joined to a next line starting in lower case without the hyphen ("pro-" + "vince" →
//    "province"), to other lines without a space ("Anglo-" + "Saxon"); soft hyphens
//    (U+00AD) at a line end are dropped.
QStringList pdfParagraphs(const QList<PdfPage> &pages);

// True for a line that is only a page number (see pdfParagraphs).
bool isPageNumberLine(const QString &line);

} // namespace newscoder::pdf
