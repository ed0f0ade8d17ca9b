#pragma once

#include "model/Annotation.h"

#include <QHash>
#include <QTextEdit>

namespace newscoder {

class AnnotationTableModel;
class CueHighlighter;
class Project;

// The article text, read-only, with every annotation painted in its code's
// colour: a translucent fill (overlaps blend and darken) and, below the line,
// one coloured bar per annotation on its own lane, so nested and overlapping
// spans stay distinguishable. Hover shows code and coder; a click on coded
// text selects the innermost annotation there.
class ArticleView final : public QTextEdit
{
    Q_OBJECT

public:
    ArticleView(Project &project, AnnotationTableModel &annotations, QWidget *parent = nullptr);

    // The selected text as a UTF-16 span of the stored text (empty when none).
    std::pair<int, int> selectedSpan() const;
    QUuid selectedAnnotation() const { return m_selectedAnnotation; }
    void setSelectedAnnotation(const QUuid &annotationId, bool scrollTo = true);
    // Annotations covering a text position, innermost first.
    QList<Annotation> annotationsAt(int position) const;
    // Rectangles (viewport coordinates) that show the span on screen.
    QList<QRectF> spanRects(int start, int end) const;
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
    void computeLanes();
    void applyTheme();

    Project &m_project;
    AnnotationTableModel &m_annotations;
    CueHighlighter *m_cues = nullptr;
    QUuid m_selectedAnnotation;
    QHash<QUuid, int> m_lanes; // annotation id -> underline lane (0 = closest to text)
    int m_laneCount = 0;
};

} // namespace newscoder
