#pragma once

#include "io/ScraperResidue.h"
#include "model/Annotation.h"

#include <QHash>
#include <QUuid>
#include <QTextEdit>

class QPainter;

namespace newscoder {

class AnnotationTableModel;
class CueHighlighter;
class Project;

// The article text, read-only, with every annotation painted in its code's
// colour: a translucent fill (overlaps blend and darken) and, below the line,
// one coloured bar per annotation on its own lane, so nested and overlapping
// spans stay distinguishable. Hover shows code and coder; a click on coded
// text selects the innermost annotation there.
//
// Links between annotations (a Quote's Speaker) show as small markers: an
// arrowhead in the target's colour at the end of the source span, a dot in
// the source's colour at the start of the target span, and a dashed
// connector between them while either end is selected. Hovering a marker
// names the link ("Quote → Speaker: Dmitry Peskov").
class ArticleView final : public QTextEdit
{
    Q_OBJECT

public:
    ArticleView(Project &project, AnnotationTableModel &annotations, QWidget *parent = nullptr);

    // The selected text as a UTF-16 span of the stored text (empty when none).
    std::pair<int, int> selectedSpan() const;
    // What coding the selection stores: snapped to whole words without outer
    // white space (see text/SpanTrim.h), or exactly the selection when
    // snapping is off (the coder insists on the exact boundaries).
    std::pair<int, int> codingSpan() const;
    // On by default; a mouse selection then visibly snaps when released.
    void setSnapToWords(bool on) { m_snapToWords = on; }
    bool snapToWords() const { return m_snapToWords; }
    QUuid selectedAnnotation() const { return m_selectedAnnotation; }
    void setSelectedAnnotation(const QUuid &annotationId, bool scrollTo = true);
    // Annotations covering a text position, innermost first.
    QList<Annotation> annotationsAt(int position) const;
    // Rectangles (viewport coordinates) that show the span on screen.
    QList<QRectF> spanRects(int start, int end) const;
    // One link between two annotations of the article, with its markers
    // (viewport coordinates; empty when the span is not laid out).
    struct LinkMarker
    {
        QUuid sourceId;
        QUuid targetId;
        QString fieldName;
        QRectF sourceMarker; // at the end of the source span
        QRectF targetMarker; // at the start of the target span
    };
    QList<LinkMarker> linkMarkers() const;
    // "Quote → Speaker: Dmitry Peskov"
    QString linkDescription(const QUuid &sourceId, const QUuid &targetId, const QString &fieldName) const;
    // Scraper leftovers of the article (io/ScraperResidue.h), drawn dimmed
    // and without cues; they follow the article's details.
    const QList<scraped::ResidueSpan> &residue() const { return m_residue; }
    // Reading cues (quotes, reporting verbs, hedges, numbers, dates) in the text.
    void setCueHighlighting(bool on);
    bool cueHighlighting() const;

Q_SIGNALS:
    void annotationClicked(const QUuid &annotationId);

protected:
    void paintEvent(QPaintEvent *event) override;
    bool viewportEvent(QEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void reloadText();
    // Dims the article's scraper leftovers; with `onlyIfChanged`, leaves the
    // text alone when they are what is shown (re-formatting the whole text
    // relays it out and re-highlights every cue: ~10 ms per annotation added).
    void applyResidue(bool onlyIfChanged = false);
    void computeLanes();
    void applyTheme();
    void reloadLinks();
    void paintLinks(QPainter &p, const QRectF &visible);
    QString linkToolTip(const QPoint &pos) const;

    Project &m_project;
    AnnotationTableModel &m_annotations;
    CueHighlighter *m_cues = nullptr;
    QList<scraped::ResidueSpan> m_residue;
    QUuid m_selectedAnnotation;
    QHash<QUuid, int> m_lanes; // annotation id -> underline lane (0 = closest to text)
    int m_laneCount = 0;
    bool m_snapToWords = true;
    struct Link
    {
        QUuid sourceId;
        QUuid targetId;
        QString fieldName;
    };
    QList<Link> m_links; // between annotations of this article
};

} // namespace newscoder
