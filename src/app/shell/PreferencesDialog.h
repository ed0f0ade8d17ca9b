// Edit ▸ Preferences…: the form for Preferences. It only edits; the window
// saves and applies what it returns (see MainWindowShell.cpp).
#pragma once

#include "shell/Preferences.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QFontComboBox;
class QLineEdit;
class QSpinBox;

namespace newscoder::shell {

class PreferencesDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit PreferencesDialog(const Preferences &preferences, QWidget *parent = nullptr);

    void setPreferences(const Preferences &preferences);
    Preferences preferences() const;

    QLineEdit *coderNameEdit() const { return m_coder; }
    QComboBox *themeBox() const { return m_theme; }
    QCheckBox *systemFontBox() const { return m_systemFont; }
    QFontComboBox *fontBox() const { return m_font; }
    QSpinBox *fontSizeBox() const { return m_fontSize; }
    QDoubleSpinBox *lineSpacingBox() const { return m_spacing; }
    QSpinBox *contextBox() const { return m_context; }
    QComboBox *exportFormatBox() const { return m_format; }
    QCheckBox *saveLayoutBox() const { return m_saveLayout; }

private:
    QLineEdit *m_coder = nullptr;
    QComboBox *m_theme = nullptr;
    QCheckBox *m_systemFont = nullptr;
    QFontComboBox *m_font = nullptr;
    QSpinBox *m_fontSize = nullptr;
    QDoubleSpinBox *m_spacing = nullptr;
    QSpinBox *m_context = nullptr;
    QComboBox *m_format = nullptr;
    QCheckBox *m_saveLayout = nullptr;
};

} // namespace newscoder::shell
