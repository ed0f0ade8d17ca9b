#pragma once

#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/SyntaxHighlighter>
#include <KSyntaxHighlighting/Theme>

#include <QColor>
#include <QHash>
#include <QPalette>
#include <QPointer>

namespace KSyntaxHighlighting {
class Repository;
}

namespace newscoder {

// Marks reading cues in an article — quotation spans, reporting verbs and
// attribution phrases, hedges, numbers and dates — with the "News Cues"
// syntax definition shipped in the resources (resources/syntax/news-cues.xml,
// found through the repository's custom search path ":/newscoder-syntax").
//
// Colours come from the KSyntaxHighlighting theme matching the palette
// (light or dark). Cue formats never carry a background, so the annotation
// fills ArticleView paints under the text stay visible, and a theme colour
// too faint for those fills is lightened (dark theme) or darkened (light
// theme), keeping its hue, until it reaches minimumContrastOn() the theme's
// background. Plain text gets no format at all.
//
// The highlighter stays attached to the document across setPlainText():
// QSyntaxHighlighter re-highlights whatever text the document receives.
class CueHighlighter final : public KSyntaxHighlighting::SyntaxHighlighter
{
    Q_OBJECT

public:
    // WCAG contrast ratio a cue colour keeps against the page background.
    // A translucent annotation fill costs ~20 % of it on a light page but
    // ~45 % on a dark one (and a selected annotation's denser fill more), so
    // dark pages ask for more: about as bright as Breeze Dark's body text.
    static constexpr double MinimumContrast = 7.0;
    static constexpr double DarkPageMinimumContrast = 9.0;
    static bool isDarkPage(const QColor &background);
    static double minimumContrastOn(const QColor &background);

    explicit CueHighlighter(QTextDocument *document, QObject *parent = nullptr);

    // Process-wide repository with the shipped definition on its search path.
    static KSyntaxHighlighting::Repository &repository();
    static QString definitionName();
    static KSyntaxHighlighting::Definition cueDefinition();

    // Off detaches from the document and removes every cue format.
    void setEnabled(bool on);
    bool isEnabled() const { return m_enabled; }

    // Text ranges [start, end) that get no cue (scraper leftovers); re-highlights.
    void setQuietRanges(const QList<QPair<int, int>> &ranges);

    // Picks the light or dark theme for this palette and re-highlights.
    void setPalette(const QPalette &palette);

    // The foreground painted for a theme style (after the contrast floor).
    QColor cueColor(KSyntaxHighlighting::Theme::TextStyle style) const;

    static double contrastRatio(const QColor &a, const QColor &b);
    // `foreground`, made lighter or darker (same hue and saturation) just
    // enough to reach `minimum` (default: minimumContrastOn(background))
    // contrast against `background`.
    static QColor legibleOn(const QColor &foreground, const QColor &background, double minimum = 0);

protected:
    void applyFormat(int offset, int length, const KSyntaxHighlighting::Format &format) override;

private:
    QColor legible(const QColor &themeColor) const;

    QPointer<QTextDocument> m_document;
    bool m_enabled = true;
    QColor m_background;
    mutable QHash<QRgb, QColor> m_legible; // theme colour -> painted colour
    QList<QPair<int, int>> m_quiet;        // sorted by start
};

} // namespace newscoder
