#include "coding/ArticleView.h"

#include "coding/CueHighlighter.h"
#include "models/AnnotationTableModel.h"
#include "project/AnnotationLabels.h"
#include "project/Project.h"
#include "storage/StoreError.h"
#include "text/ReviewFlags.h"
#include "text/SpanTrim.h"

#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/Theme>

#include <QAbstractTextDocumentLayout>
#include <QApplication>
#include <QHelpEvent>
#include <QLineF>
#include <QPainter>
#include <QPainterPath>
#include <QScrollBar>
#include <QTextBlock>
#include <QToolTip>

namespace newscoder {

namespace {

constexpr int LaneHeight = 3;     // px per underline lane
constexpr int MaxLanes = 6;       // deeper nesting shares the last lane
constexpr int FillAlpha = 70;     // translucent code colour
constexpr int SelectedAlpha = 140;
constexpr qreal MarkerSize = 7;   // px, link markers
constexpr int SuggestedAlpha = 28; // suggestions: a faint fill and a dashed bar

} // namespace

ArticleView::ArticleView(Project &project, AnnotationTableModel &annotations, QWidget *parent)
    : QTextEdit(parent), m_project(project), m_annotations(annotations)
{
    setReadOnly(true);
    setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    setLineWrapMode(QTextEdit::WidgetWidth);
    setAcceptRichText(false);
    setObjectName(QStringLiteral("articleView"));
    viewport()->setMouseTracking(true);
    document()->setDocumentMargin(18);
    QFont font = this->font();
    font.setPointSizeF(font.pointSizeF() * 1.15);
    setFont(font);
    m_cues = new CueHighlighter(document(), this);
    applyTheme();

    connect(&annotations, &AnnotationTableModel::documentReloaded, this, &ArticleView::reloadText);
    auto repaint = [this] {
        computeLanes();
        reloadLinks();
    };
    connect(&annotations, &QAbstractItemModel::rowsInserted, this, repaint);
    connect(&annotations, &QAbstractItemModel::rowsRemoved, this, repaint);
    connect(&annotations, &QAbstractItemModel::dataChanged, this, repaint);
    connect(&annotations, &QAbstractItemModel::rowsRemoved, this, [this] {
        if (!m_selectedAnnotation.isNull() && m_annotations.rowOf(m_selectedAnnotation) < 0)
            m_selectedAnnotation = QUuid();
    });
    connect(&project, &Project::valuesChanged, this, [this](StoredValue::Owner owner) {
        if (owner == StoredValue::Owner::Annotation)
            reloadLinks();
    });
    connect(&project, &Project::codesChanged, this, &ArticleView::reloadLinks);
    connect(&project, &Project::documentChanged, this, [this](const QUuid &id) {
        if (id == m_annotations.documentId())
            applyResidue(true); // leftovers marked or taken back (Edit ▸ Scraper Leftovers)
    });
    reloadText();
}

void ArticleView::applyResidue(bool onlyIfChanged)
{
    // Only the leftovers' metadata entry: the text is the one on screen.
    const QUuid id = m_annotations.documentId();
    const int length = document()->characterCount() - 1;
    const std::optional<QString> stored =
        id.isNull() ? std::nullopt
                    : m_project.reader().metadataOfDocument(id, QString::fromLatin1(scraped::ResidueMetadataKey));
    QList<scraped::ResidueSpan> residue =
        stored ? scraped::residueFromString(*stored, length) : QList<scraped::ResidueSpan>();
    if (onlyIfChanged && residue == m_residue)
        return; // coding changes the article (counts, status), rarely its leftovers
    QTextCursor all(document());
    all.select(QTextCursor::Document);
    all.setCharFormat(QTextCharFormat()); // the previous dimming, if any
    QTextCharFormat dim;
    dim.setForeground(palette().color(QPalette::PlaceholderText));
    QList<QPair<int, int>> quiet;
    for (const scraped::ResidueSpan &span : std::as_const(residue)) {
        if (span.end > length)
            break; // details of another text (never for the stored one)
        QTextCursor cursor(document());
        cursor.setPosition(span.start);
        cursor.setPosition(span.end, QTextCursor::KeepAnchor);
        cursor.mergeCharFormat(dim);
        quiet.append({span.start, span.end});
    }
    m_residue = std::move(residue);
    m_cues->setQuietRanges(quiet);
}

void ArticleView::reloadLinks()
{
    m_links.clear();
    const QUuid documentId = m_annotations.documentId();
    QHash<QUuid, QList<FieldValue>> values;
    if (!documentId.isNull()) {
        try {
            values = m_project.reader().annotationValuesForDocument(documentId);
        } catch (const StoreError &) {
        }
    }
    for (const Annotation &a : m_annotations.annotations()) {
        for (const FieldValue &v : values.value(a.id)) {
            if (v.annotationId.isNull() || m_annotations.rowOf(v.annotationId) < 0)
                continue;
            const auto field = m_project.field(v.fieldId);
            m_links.append({a.id, v.annotationId, field ? field->second.name : QString()});
        }
    }
    viewport()->update();
}

QList<ArticleView::LinkMarker> ArticleView::linkMarkers() const
{
    QList<LinkMarker> markers;
    QHash<QUuid, int> outgoing, incoming; // markers already placed at a span's end / start
    for (const Link &link : m_links) {
        LinkMarker marker{link.sourceId, link.targetId, link.fieldName, {}, {}};
        const Annotation *source = m_annotations.annotation(m_annotations.rowOf(link.sourceId));
        const Annotation *target = m_annotations.annotation(m_annotations.rowOf(link.targetId));
        if (!source || !target)
            continue;
        const QList<QRectF> sourceRects = spanRects(source->start, source->end);
        const QList<QRectF> targetRects = spanRects(target->start, target->end);
        if (!sourceRects.isEmpty()) {
            const QRectF r = sourceRects.last();
            const int k = outgoing[link.sourceId]++;
            marker.sourceMarker = QRectF(r.right() + k * MarkerSize, r.top() - 4, MarkerSize, MarkerSize);
        }
        if (!targetRects.isEmpty()) {
            const QRectF r = targetRects.first();
            const int k = incoming[link.targetId]++;
            marker.targetMarker =
                QRectF(r.left() - MarkerSize / 2 + k * MarkerSize, r.top() - 4, MarkerSize, MarkerSize);
        }
        markers.append(marker);
    }
    return markers;
}

QString ArticleView::linkDescription(const QUuid &sourceId, const QUuid &targetId, const QString &fieldName) const
{
    const Annotation *source = m_annotations.annotation(m_annotations.rowOf(sourceId));
    const Annotation *target = m_annotations.annotation(m_annotations.rowOf(targetId));
    if (!source || !target)
        return {};
    const auto sourceCode = m_project.code(source->codeId);
    return QStringLiteral("%1 → %2: %3")
        .arg(sourceCode ? sourceCode->name : QStringLiteral("?"), fieldName,
             annotationExcerpt(m_annotations.text(), *target, 60));
}

void ArticleView::paintLinks(QPainter &p, const QRectF &visible)
{
    const QList<LinkMarker> markers = linkMarkers();
    if (markers.isEmpty())
        return;
    p.save();
    p.setRenderHint(QPainter::Antialiasing, true);
    QColor outline = palette().color(QPalette::Text);
    outline.setAlpha(200);
    const auto colorOf = [this](const QUuid &id) {
        const Annotation *a = m_annotations.annotation(m_annotations.rowOf(id));
        const auto code = a ? m_project.code(a->codeId) : std::nullopt;
        return code ? code->color : QColor(Qt::gray);
    };
    for (const LinkMarker &m : markers) {
        const QColor sourceColor = colorOf(m.sourceId);
        const QColor targetColor = colorOf(m.targetId);
        const bool selected = m.sourceId == m_selectedAnnotation || m.targetId == m_selectedAnnotation;
        if (selected && !m.sourceMarker.isEmpty() && !m.targetMarker.isEmpty()) {
            // A dashed connector arching above the text between both ends.
            const QPointF from = m.sourceMarker.center();
            const QPointF to = m.targetMarker.center();
            const qreal lift = qBound<qreal>(6, QLineF(from, to).length() / 4, 40);
            QPainterPath path(from);
            path.cubicTo(from + QPointF(0, -lift), to + QPointF(0, -lift), to);
            p.setPen(QPen(sourceColor.darker(150), 1.5, Qt::DashLine));
            p.setBrush(Qt::NoBrush);
            p.drawPath(path);
        }
        p.setPen(QPen(outline, 1));
        if (!m.sourceMarker.isEmpty() && m.sourceMarker.intersects(visible)) {
            // An arrowhead pointing onward, in the colour of what it points to.
            const QRectF r = m.sourceMarker;
            p.setBrush(targetColor);
            p.drawPolygon(QPolygonF({r.topLeft(), QPointF(r.right(), r.center().y()), r.bottomLeft()}));
        }
        if (!m.targetMarker.isEmpty() && m.targetMarker.intersects(visible)) {
            // A dot where the linked annotation starts, in the colour of where the link comes from.
            p.setBrush(sourceColor);
            p.drawEllipse(m.targetMarker.adjusted(0.5, 0.5, -0.5, -0.5));
        }
    }
    p.restore();
}

QString ArticleView::linkToolTip(const QPoint &pos) const
{
    QStringList lines;
    for (const LinkMarker &m : linkMarkers()) {
        if (m.sourceMarker.adjusted(-3, -3, 3, 3).contains(pos) || m.targetMarker.adjusted(-3, -3, 3, 3).contains(pos))
            lines << linkDescription(m.sourceId, m.targetId, m.fieldName).toHtmlEscaped();
    }
    return lines.join(QStringLiteral("<br/>"));
}

void ArticleView::applyTheme()
{
    // The application palette, not ours: ours carries the previous theme's colours.
    const QPalette appPalette = QApplication::palette(this);
    const KSyntaxHighlighting::Theme theme = CueHighlighter::repository().themeForPalette(appPalette);
    m_cues->setPalette(appPalette);
    if (!theme.isValid())
        return;
    QPalette p = palette();
    p.setColor(QPalette::Base, QColor::fromRgba(theme.editorColor(KSyntaxHighlighting::Theme::BackgroundColor)));
    p.setColor(QPalette::Text, QColor::fromRgba(theme.textColor(KSyntaxHighlighting::Theme::Normal)));
    p.setColor(QPalette::Highlight, QColor::fromRgba(theme.editorColor(KSyntaxHighlighting::Theme::TextSelection)));
    p.setColor(QPalette::HighlightedText, QColor::fromRgba(theme.textColor(KSyntaxHighlighting::Theme::Normal)));
    setPalette(p);
}

void ArticleView::setCueHighlighting(bool on)
{
    m_cues->setEnabled(on);
}

bool ArticleView::cueHighlighting() const
{
    return m_cues->isEnabled();
}

void ArticleView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::ApplicationPaletteChange)
        applyTheme();
    QTextEdit::changeEvent(event);
}

void ArticleView::reloadText()
{
    m_selectedAnnotation = QUuid();
    setPlainText(m_annotations.text());
    // Room under each line for the annotation lanes.
    QTextCursor cursor(document());
    cursor.select(QTextCursor::Document);
    QTextBlockFormat format;
    format.setLineHeight(100 + 35, QTextBlockFormat::ProportionalHeight);
    cursor.mergeBlockFormat(format);
    moveCursor(QTextCursor::Start);
    applyResidue();
    computeLanes();
    reloadLinks();
}

void ArticleView::computeLanes()
{
    // Greedy interval colouring: each annotation takes the lowest lane free
    // at its start; annotations arrive sorted by start.
    m_lanes.clear();
    QList<int> laneEnds; // per lane: end of the last span on it
    for (const Annotation &a : m_annotations.annotations()) {
        int lane = 0;
        while (lane < laneEnds.size() && laneEnds[lane] > a.start)
            ++lane;
        if (lane == laneEnds.size())
            laneEnds.append(a.end);
        else
            laneEnds[lane] = a.end;
        m_lanes.insert(a.id, qMin(lane, MaxLanes - 1));
    }
    m_laneCount = int(qMin<qsizetype>(laneEnds.size(), MaxLanes));
}

std::pair<int, int> ArticleView::selectedSpan() const
{
    const QTextCursor cursor = textCursor();
    return {cursor.selectionStart(), cursor.selectionEnd()};
}

std::pair<int, int> ArticleView::codingSpan() const
{
    const auto [start, end] = selectedSpan();
    if (!m_snapToWords || end <= start)
        return {start, end};
    const TextSpan snapped = snapSpanToWords(m_annotations.text(), {start, end});
    return {snapped.start, snapped.end};
}

void ArticleView::setSelectedAnnotation(const QUuid &annotationId, bool scrollTo)
{
    if (m_selectedAnnotation == annotationId)
        return;
    m_selectedAnnotation = annotationId;
    const int row = m_annotations.rowOf(annotationId);
    if (scrollTo && row >= 0) {
        const Annotation *a = m_annotations.annotation(row);
        QTextCursor cursor(document());
        cursor.setPosition(qMin(a->start, document()->characterCount() - 1));
        setTextCursor(cursor);
        // Bring the span to the upper third unless it is already well in view.
        const QRect at = cursorRect(cursor);
        const int height = viewport()->height();
        if (at.top() < height / 8 || at.bottom() > height * 3 / 4)
            verticalScrollBar()->setValue(verticalScrollBar()->value() + at.top() - height / 3);
    }
    viewport()->update();
}

QList<Annotation> ArticleView::annotationsAt(int position) const
{
    QList<Annotation> hits;
    for (const Annotation &a : m_annotations.annotations()) {
        if (a.start <= position && position < a.end)
            hits.append(a);
    }
    std::sort(hits.begin(), hits.end(), [](const Annotation &x, const Annotation &y) {
        return x.length() < y.length();
    });
    return hits;
}

QList<QRectF> ArticleView::spanRects(int start, int end) const
{
    QList<QRectF> rects;
    const QPointF offset(-horizontalScrollBar()->value(), -verticalScrollBar()->value());
    QAbstractTextDocumentLayout *layout = document()->documentLayout();
    for (QTextBlock block = document()->findBlock(start); block.isValid() && block.position() < end;
         block = block.next()) {
        const QTextLayout *textLayout = block.layout();
        const QRectF blockRect = layout->blockBoundingRect(block);
        const int from = qMax(start - block.position(), 0);
        const int to = qMin(end - block.position(), block.length() - 1);
        for (int i = 0; i < textLayout->lineCount(); ++i) {
            const QTextLine line = textLayout->lineAt(i);
            const int lineStart = line.textStart();
            const int lineEnd = lineStart + line.textLength();
            if (to <= lineStart || from >= lineEnd)
                continue;
            const qreal x1 = line.cursorToX(qMax(from, lineStart));
            const qreal x2 = line.cursorToX(qMin(to, lineEnd));
            const qreal height = QFontMetricsF(font()).height();
            rects.append(QRectF(blockRect.left() + x1, blockRect.top() + line.y(), x2 - x1, height)
                             .translated(offset));
        }
    }
    return rects;
}

void ArticleView::paintEvent(QPaintEvent *event)
{
    const QRectF visible = viewport()->rect();
    const auto &annotations = m_annotations.annotations();
    struct Painted
    {
        QList<QRectF> rects;
        QColor color;
        int lane;
        bool selected;
        bool suggested;
        bool otherCoder; // shown beside the current coder's: outlined, not filled
    };
    QList<Painted> painted;
    // With every coder shown, the other coders' spans are kept apart from the
    // current coder's: an outline and a thin dotted bar instead of a fill.
    const QString me = m_project.coderName();
    const bool markOthers = m_annotations.coderFilter().isAll() && !me.isEmpty();
    const int firstVisible = cursorForPosition(QPoint(0, 0)).position();
    const int lastVisible = cursorForPosition(viewport()->rect().bottomRight()).position();
    for (const Annotation &a : annotations) {
        if (a.end < firstVisible - 1 || a.start > lastVisible + 1)
            continue;
        const auto code = m_project.code(a.codeId);
        painted.append({spanRects(a.start, a.end), code ? code->color : QColor(Qt::gray), m_lanes.value(a.id),
                        a.id == m_selectedAnnotation, a.status == AnnotationStatus::Suggested,
                        markOthers && m_project.coderNameFor(a.coderId) != me});
    }
    {
        QPainter p(viewport());
        p.setPen(Qt::NoPen);
        for (const Painted &item : std::as_const(painted)) {
            if (item.otherCoder && !item.selected)
                continue;
            QColor fill = item.color;
            fill.setAlpha(item.selected ? SelectedAlpha : item.suggested ? SuggestedAlpha : FillAlpha);
            for (const QRectF &r : item.rects) {
                if (r.intersects(visible))
                    p.fillRect(r, fill);
            }
        }
    }
    QTextEdit::paintEvent(event);
    QPainter p(viewport());
    p.setRenderHint(QPainter::Antialiasing, false);
    for (const Painted &item : std::as_const(painted)) {
        for (const QRectF &r : item.rects) {
            if (!r.intersects(visible))
                continue;
            const qreal y = r.bottom() + 1 + item.lane * LaneHeight;
            const QColor bar = item.color.darker(item.selected ? 150 : 110);
            if (item.otherCoder) { // another coder's: outlined, a dotted bar
                p.setPen(QPen(item.color.darker(120), 1, Qt::DotLine));
                p.setBrush(Qt::NoBrush);
                p.drawRect(r.adjusted(0.5, 0.5, -0.5, -0.5));
                p.setPen(Qt::NoPen);
                for (qreal x = r.left(); x < r.right(); x += 3)
                    p.fillRect(QRectF(x, y, qMin<qreal>(1.5, r.right() - x), LaneHeight - 1), bar);
            } else if (item.suggested) { // dashed: not coded yet
                for (qreal x = r.left(); x < r.right(); x += 6)
                    p.fillRect(QRectF(x, y, qMin<qreal>(3, r.right() - x), LaneHeight - 1), bar);
            } else {
                p.fillRect(QRectF(r.left(), y, r.width(), LaneHeight - 1), bar);
            }
            if (item.selected) {
                p.setPen(QPen(item.color.darker(170), 1.5));
                p.setBrush(Qt::NoBrush);
                p.drawRect(r.adjusted(-0.5, -0.5, 0.5, 0.5));
                p.setPen(Qt::NoPen);
            }
        }
    }
    paintLinks(p, visible);
}

bool ArticleView::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const QString onMarker = linkToolTip(help->pos());
        if (!onMarker.isEmpty()) {
            QToolTip::showText(help->globalPos(), onMarker, viewport());
            return true;
        }
        const int position = cursorForPosition(help->pos()).position();
        const QList<Annotation> hits = annotationsAt(position);
        if (hits.isEmpty()) {
            const auto leftover = std::find_if(m_residue.cbegin(), m_residue.cend(), [position](const scraped::ResidueSpan &r) {
                return position >= r.start && position < r.end;
            });
            if (leftover != m_residue.cend())
                QToolTip::showText(help->globalPos(),
                                   tr("<b>Scraper leftover</b> (%1): kept in the article, left out of search, "
                                      "auto-code and reading cues.<br/>Edit ▸ Treat Scraper Leftovers as Article Text "
                                      "takes the split back.")
                                       .arg(scraped::ruleLabel(leftover->rule).toHtmlEscaped()),
                                   viewport());
            else
                QToolTip::hideText();
            return true;
        }
        QStringList lines;
        for (const Annotation &a : hits) {
            const auto code = m_project.code(a.codeId);
            QString line = QStringLiteral("<b>%1</b> — %2").arg((code ? code->name : tr("(deleted code)")).toHtmlEscaped(),
                                                               m_project.coderNameFor(a.coderId).toHtmlEscaped());
            if (a.status == AnnotationStatus::Suggested)
                line += QStringLiteral(" <i>(%1)</i>").arg(tr("suggested"));
            if (a.needsReview())
                line += QStringLiteral("<br/>⚠ %1").arg(reviewExplanation(a).toHtmlEscaped());
            if (!a.memo.isEmpty())
                line += QStringLiteral("<br/><i>%1</i>").arg(a.memo.left(200).toHtmlEscaped());
            for (const Link &link : m_links) {
                if (link.sourceId == a.id || link.targetId == a.id)
                    line += QStringLiteral("<br/>%1").arg(
                        linkDescription(link.sourceId, link.targetId, link.fieldName).toHtmlEscaped());
            }
            lines << line;
        }
        QToolTip::showText(help->globalPos(), lines.join(u"<hr/>"), viewport());
        return true;
    }
    return QTextEdit::viewportEvent(event);
}

void ArticleView::mouseReleaseEvent(QMouseEvent *event)
{
    QTextEdit::mouseReleaseEvent(event);
    if (event->button() == Qt::LeftButton && textCursor().hasSelection() && m_snapToWords) {
        // Show what will be coded: the selection snapped to whole words.
        const auto [start, end] = codingSpan();
        if (end > start && std::pair(start, end) != selectedSpan()) {
            QTextCursor cursor(document());
            cursor.setPosition(start);
            cursor.setPosition(end, QTextCursor::KeepAnchor);
            setTextCursor(cursor);
        }
    }
    if (event->button() != Qt::LeftButton || textCursor().hasSelection())
        return;
    const QList<Annotation> hits = annotationsAt(cursorForPosition(event->position().toPoint()).position());
    if (hits.isEmpty())
        return;
    // Clicking again cycles through the stacked annotations.
    int next = 0;
    for (int i = 0; i < hits.size(); ++i) {
        if (hits[i].id == m_selectedAnnotation)
            next = (i + 1) % int(hits.size());
    }
    setSelectedAnnotation(hits[next].id, false);
    Q_EMIT annotationClicked(hits[next].id);
}

} // namespace newscoder
