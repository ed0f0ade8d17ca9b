// Edit ▸ Preferences: what a researcher sets once, stored in QSettings and
// applied to the running window (theme, reading font and spacing) or read
// where it matters (coder name, export defaults, saving the window layout).
#pragma once

#include <QString>

class QTextEdit;

namespace newscoder::shell {

struct Preferences
{
    enum class Theme { System, Light, Dark };

    QString coderName;          // "coder/name", the name new annotations carry
    Theme theme = Theme::System;
    QString readingFont;        // the article's font family; empty: the system's
    int readingFontSize = 0;    // points; 0: the system's size
    double lineSpacing = 1.0;   // the article's line height, 1.0 – 3.0
    int exportContext = 100;    // Export Dataset: characters of context each side
    QString exportFormat = QStringLiteral("csv"); // Export Dataset: csv, tsv, xlsx, jsonl, sav, dta
    bool saveWindowLayout = true; // docks and sizes restored at the next start

    // From QSettings(); values out of range fall back to the defaults.
    static Preferences load();
    void save() const;

    bool operator==(const Preferences &) const = default;
};

QString themeName(Preferences::Theme theme); // "system", "light", "dark"
Preferences::Theme themeFromName(const QString &name);

// The whole application's palette for the theme: light and dark are Fusion
// palettes of their own; system returns the palette the program started with.
void applyTheme(Preferences::Theme theme);
// True when the application's window colour is dark.
bool darkPaletteActive();

// The article's reading font, size and line spacing on `view`; the spacing
// is re-applied whenever the view is given a new text.
void applyReadingStyle(QTextEdit *view, const Preferences &preferences);

} // namespace newscoder::shell
