#include "coding/CueHighlighter.h"

#include <algorithm>

#include <KSyntaxHighlighting/Format>
#include <KSyntaxHighlighting/Repository>

#include <QGuiApplication>
#include <QTextCharFormat>
#include <QTextDocument>

#include <cmath>

namespace newscoder {

namespace {

// Qt resource folder holding syntax/news-cues.xml (see src/app/CMakeLists.txt).
const QString SearchPath = QStringLiteral(":/newscoder-syntax");

double relativeLuminance(const QColor &color)
{
    auto linear = [](double v) { return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
    const QColor rgb = color.toRgb();
    return 0.2126 * linear(rgb.redF()) + 0.7152 * linear(rgb.greenF()) + 0.0722 * linear(rgb.blueF());
}

} // namespace

CueHighlighter::CueHighlighter(QTextDocument *document, QObject *parent)
    : KSyntaxHighlighting::SyntaxHighlighter(parent), m_document(document)
{
    setObjectName(QStringLiteral("cueHighlighter"));
    setPalette(QGuiApplication::palette());
    setDefinition(cueDefinition());
    // A QTextDocument reports text changes (contentsChange, which drives the
    // re-highlighting) only once it has a layout; a QTextEdit's always has.
    if (document)
        document->documentLayout();
    setDocument(document);
    if (document && !document->isEmpty())
        rehighlight(); // now, not on the next event loop turn
}

KSyntaxHighlighting::Repository &CueHighlighter::repository()
{
    static KSyntaxHighlighting::Repository repository;
    static const bool searchPathAdded = [] {
        repository.addCustomSearchPath(SearchPath);
        return true;
    }();
    Q_UNUSED(searchPathAdded)
    return repository;
}

QString CueHighlighter::definitionName()
{
    return QStringLiteral("News Cues");
}

KSyntaxHighlighting::Definition CueHighlighter::cueDefinition()
{
    const KSyntaxHighlighting::Definition definition = repository().definitionForName(definitionName());
    if (!definition.isValid())
        qWarning("CueHighlighter: syntax definition \"News Cues\" not found under %s/syntax", qPrintable(SearchPath));
    return definition;
}

void CueHighlighter::setEnabled(bool on)
{
    if (m_enabled == on)
        return;
    m_enabled = on;
    if (on) {
        setDocument(m_document);
        rehighlight(); // now, not on the next event loop turn
    } else {
        QTextDocument *document = m_document;
        setDocument(nullptr); // clears the formats of every block
        if (document) // ... but does not relayout: bold cues change line widths
            document->markContentsDirty(0, document->characterCount());
    }
}

void CueHighlighter::setPalette(const QPalette &palette)
{
    const KSyntaxHighlighting::Theme theme = repository().themeForPalette(palette);
    m_background = theme.isValid() ? QColor::fromRgba(theme.editorColor(KSyntaxHighlighting::Theme::BackgroundColor))
                                   : palette.color(QPalette::Base);
    m_legible.clear();
    if (theme.name() == this->theme().name())
        return;
    setTheme(theme);
    rehighlight(); // setTheme() alone keeps the old formats
}

QColor CueHighlighter::cueColor(KSyntaxHighlighting::Theme::TextStyle style) const
{
    return legible(QColor::fromRgba(theme().textColor(style)));
}

double CueHighlighter::contrastRatio(const QColor &a, const QColor &b)
{
    const double la = relativeLuminance(a);
    const double lb = relativeLuminance(b);
    return (qMax(la, lb) + 0.05) / (qMin(la, lb) + 0.05);
}

bool CueHighlighter::isDarkPage(const QColor &background)
{
    return contrastRatio(Qt::white, background) > contrastRatio(Qt::black, background);
}

double CueHighlighter::minimumContrastOn(const QColor &background)
{
    return isDarkPage(background) ? DarkPageMinimumContrast : MinimumContrast;
}

QColor CueHighlighter::legibleOn(const QColor &foreground, const QColor &background, double minimum)
{
    if (!foreground.isValid() || !background.isValid())
        return foreground;
    if (minimum <= 0)
        minimum = minimumContrastOn(background);
    if (contrastRatio(foreground, background) >= minimum)
        return foreground;
    // Move the HSL lightness towards white on a dark page, towards black on a
    // light one; contrast grows monotonically that way. Bisect for the
    // smallest change that is enough.
    const bool darkPage = isDarkPage(background);
    float hue = 0, saturation = 0, lightness = 0, alpha = 1;
    foreground.toHsl().getHslF(&hue, &saturation, &lightness, &alpha);
    auto withLightness = [&](double l) { return QColor::fromHslF(hue, saturation, float(l), alpha).toRgb(); };
    double from = lightness;
    double to = darkPage ? 1.0 : 0.0;
    if (contrastRatio(withLightness(to), background) < minimum)
        return withLightness(to); // as far as it goes
    for (int i = 0; i < 16; ++i) {
        const double mid = (from + to) / 2;
        if (contrastRatio(withLightness(mid), background) >= minimum)
            to = mid;
        else
            from = mid;
    }
    return withLightness(to);
}

QColor CueHighlighter::legible(const QColor &themeColor) const
{
    auto it = m_legible.constFind(themeColor.rgba());
    if (it == m_legible.cend())
        it = m_legible.insert(themeColor.rgba(), legibleOn(themeColor, m_background));
    return *it;
}

void CueHighlighter::setQuietRanges(const QList<QPair<int, int>> &ranges)
{
    if (ranges == m_quiet)
        return;
    m_quiet = ranges;
    if (m_enabled && m_document)
        rehighlight();
}

void CueHighlighter::applyFormat(int offset, int length, const KSyntaxHighlighting::Format &format)
{
    if (!m_quiet.isEmpty()) {
        const int at = currentBlock().position() + offset;
        auto it = std::upper_bound(m_quiet.cbegin(), m_quiet.cend(), at,
                                   [](int position, const QPair<int, int> &range) { return position < range.first; });
        if (it != m_quiet.cbegin() && at < std::prev(it)->second)
            return; // a scraper leftover: no cue
    }
    // Plain text keeps no format at all; it is drawn in the palette's text colour.
    if (length <= 0 || format.isDefaultTextStyle(theme()))
        return;
    QTextCharFormat cue;
    if (format.hasTextColor(theme()))
        cue.setForeground(legible(format.textColor(theme())));
    if (format.isBold(theme()))
        cue.setFontWeight(QFont::Bold);
    if (format.isItalic(theme()))
        cue.setFontItalic(true);
    if (format.isUnderline(theme()))
        cue.setFontUnderline(true);
    if (format.isStrikeThrough(theme()))
        cue.setFontStrikeOut(true);
    // Never a background (some themes give alerts one): ArticleView paints the
    // annotation fills under the text and they must show through.
    if (cue.properties().isEmpty())
        return;
    setFormat(offset, length, cue);
}

} // namespace newscoder
