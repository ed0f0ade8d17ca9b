#include "shell/Preferences.h"

#include "export/ExportTypes.h"

#include <QApplication>
#include <QFontDatabase>
#include <QPalette>
#include <QSettings>
#include <QStyle>
#include <QStyleFactory>
#include <QStyleHints>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextEdit>

#include <cmath>
#include <optional>

namespace newscoder::shell {

namespace {

const QString CoderNameKey = QStringLiteral("coder/name");
const QString ThemeKey = QStringLiteral("appearance/theme");
const QString FontKey = QStringLiteral("reading/font");
const QString FontSizeKey = QStringLiteral("reading/fontSize");
const QString LineSpacingKey = QStringLiteral("reading/lineSpacing");
// The Export Dataset dialog's own remembered choices (export/DatasetExportSettings.cpp):
// the preference sets what its next opening starts from.
const QString ExportContextKey = QStringLiteral("export/dataset/context");
const QString ExportFormatKey = QStringLiteral("export/dataset/format");
const QString SaveLayoutKey = QStringLiteral("window/saveLayout");
const char *const SpacingProperty = "newscoderLineSpacing";

struct StartPalette
{
    QPalette palette;
    QString style;
};

std::optional<StartPalette> &startPalette()
{
    static std::optional<StartPalette> start;
    return start;
}

QPalette darkPalette()
{
    QPalette p;
    const QColor window(45, 45, 48), base(30, 30, 32), text(230, 230, 230), disabled(128, 128, 128);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(40, 40, 43));
    p.setColor(QPalette::ToolTipBase, QColor(60, 60, 64));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, disabled);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, window);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::white);
    p.setColor(QPalette::Highlight, QColor(61, 123, 199));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(110, 170, 240));
    p.setColor(QPalette::LinkVisited, QColor(170, 140, 230));
    p.setColor(QPalette::Light, QColor(70, 70, 74));
    p.setColor(QPalette::Midlight, QColor(58, 58, 62));
    p.setColor(QPalette::Mid, QColor(35, 35, 38));
    p.setColor(QPalette::Dark, QColor(20, 20, 22));
    p.setColor(QPalette::Shadow, Qt::black);
    for (const auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, disabled);
    return p;
}

void spaceLines(QTextEdit *view)
{
    const double spacing = view->property(SpacingProperty).toDouble();
    if (spacing <= 0)
        return;
    const qreal percent = std::round(spacing * 100);
    QTextDocument *document = view->document();
    const QTextBlock first = document->firstBlock();
    if (first.isValid() && first.blockFormat().lineHeightType() == QTextBlockFormat::ProportionalHeight
        && qFuzzyCompare(first.blockFormat().lineHeight(), percent)
        && document->lastBlock().blockFormat().lineHeight() == first.blockFormat().lineHeight())
        return; // already spaced (this also ends the textChanged round trip)
    QTextBlockFormat format;
    format.setLineHeight(percent, QTextBlockFormat::ProportionalHeight);
    QTextCursor cursor(document);
    cursor.select(QTextCursor::Document);
    cursor.mergeBlockFormat(format);
}

} // namespace

QString themeName(Preferences::Theme theme)
{
    switch (theme) {
    case Preferences::Theme::Light:
        return QStringLiteral("light");
    case Preferences::Theme::Dark:
        return QStringLiteral("dark");
    case Preferences::Theme::System:
        break;
    }
    return QStringLiteral("system");
}

Preferences::Theme themeFromName(const QString &name)
{
    if (name == QLatin1String("light"))
        return Preferences::Theme::Light;
    if (name == QLatin1String("dark"))
        return Preferences::Theme::Dark;
    return Preferences::Theme::System;
}

Preferences Preferences::load()
{
    const QSettings settings;
    Preferences p;
    p.coderName = settings.value(CoderNameKey).toString();
    p.theme = themeFromName(settings.value(ThemeKey).toString());
    p.readingFont = settings.value(FontKey).toString();
    const int size = settings.value(FontSizeKey).toInt();
    p.readingFontSize = size >= 6 && size <= 48 ? size : 0;
    const double spacing = settings.value(LineSpacingKey, 1.0).toDouble();
    p.lineSpacing = spacing >= 1.0 && spacing <= 3.0 ? spacing : 1.0;
    bool ok = false;
    const int context = settings.value(ExportContextKey).toInt(&ok);
    if (ok && context >= 0 && context <= 100000)
        p.exportContext = context;
    if (exporting::formatFromName(settings.value(ExportFormatKey).toString()))
        p.exportFormat = settings.value(ExportFormatKey).toString();
    p.saveWindowLayout = settings.value(SaveLayoutKey, true).toBool();
    return p;
}

void Preferences::save() const
{
    QSettings settings;
    if (coderName.trimmed().isEmpty())
        settings.remove(CoderNameKey);
    else
        settings.setValue(CoderNameKey, coderName.trimmed());
    settings.setValue(ThemeKey, themeName(theme));
    settings.setValue(FontKey, readingFont);
    settings.setValue(FontSizeKey, readingFontSize);
    settings.setValue(LineSpacingKey, lineSpacing);
    settings.setValue(ExportContextKey, exportContext);
    settings.setValue(ExportFormatKey, exportFormat);
    settings.setValue(SaveLayoutKey, saveWindowLayout);
}

void applyTheme(Preferences::Theme theme)
{
    if (!startPalette())
        startPalette() = StartPalette{QApplication::palette(), QApplication::style()->name()};
#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
    // Platforms that follow it (Windows, macOS, GNOME/KDE themes) switch their own widgets too.
    QGuiApplication::styleHints()->setColorScheme(theme == Preferences::Theme::Dark    ? Qt::ColorScheme::Dark
                                                  : theme == Preferences::Theme::Light ? Qt::ColorScheme::Light
                                                                                       : Qt::ColorScheme::Unknown);
#endif
    switch (theme) {
    case Preferences::Theme::System:
        if (QApplication::style()->name() != startPalette()->style)
            QApplication::setStyle(QStyleFactory::create(startPalette()->style));
        QApplication::setPalette(startPalette()->palette);
        break;
    case Preferences::Theme::Light:
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        QApplication::setPalette(QApplication::style()->standardPalette());
        break;
    case Preferences::Theme::Dark:
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        QApplication::setPalette(darkPalette());
        break;
    }
}

bool darkPaletteActive()
{
    return QApplication::palette().color(QPalette::Window).lightness() < 128;
}

void applyReadingStyle(QTextEdit *view, const Preferences &preferences)
{
    if (!view)
        return;
    QFont font = QFontDatabase::systemFont(QFontDatabase::GeneralFont);
    if (!preferences.readingFont.isEmpty())
        font.setFamily(preferences.readingFont);
    if (preferences.readingFontSize > 0)
        font.setPointSize(preferences.readingFontSize);
    else
        font.setPointSizeF(font.pointSizeF() * 1.15); // the article view's own default: a little larger
    view->setFont(font);
    view->document()->setDefaultFont(font);
    const bool connected = view->property(SpacingProperty).isValid();
    view->setProperty(SpacingProperty, preferences.lineSpacing);
    if (!connected)
        QObject::connect(view, &QTextEdit::textChanged, view, [view] { spaceLines(view); });
    spaceLines(view);
}

} // namespace newscoder::shell
