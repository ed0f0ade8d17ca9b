#include "shell/PreferencesDialog.h"

#include "export/Exporter.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFontComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QVBoxLayout>

#include <algorithm>

namespace newscoder::shell {

namespace {

// The label's text (without '&') as the field's accessible name, so a screen reader says what it is.
void addRow(QFormLayout *form, const QString &label, QWidget *field)
{
    form->addRow(label, field);
    field->setAccessibleName(QString(label).remove(u'&').remove(u':'));
}

} // namespace

PreferencesDialog::PreferencesDialog(const Preferences &preferences, QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("Preferences"));
    setObjectName(QStringLiteral("preferencesDialog"));
    auto *layout = new QVBoxLayout(this);

    auto *coding = new QGroupBox(tr("Coding"), this);
    auto *codingForm = new QFormLayout(coding);
    m_coder = new QLineEdit(coding);
    m_coder->setPlaceholderText(tr("stored with every annotation you make"));
    addRow(codingForm, tr("&Coder name:"), m_coder);
    layout->addWidget(coding);

    auto *look = new QGroupBox(tr("Appearance and reading"), this);
    auto *lookForm = new QFormLayout(look);
    m_theme = new QComboBox(look);
    m_theme->addItem(tr("As the system"), themeName(Preferences::Theme::System));
    m_theme->addItem(tr("Light"), themeName(Preferences::Theme::Light));
    m_theme->addItem(tr("Dark"), themeName(Preferences::Theme::Dark));
    addRow(lookForm, tr("&Theme:"), m_theme);
    m_systemFont = new QCheckBox(tr("&System font"), look);
    m_systemFont->setAccessibleName(tr("Use the system font for articles"));
    m_font = new QFontComboBox(look);
    lookForm->addRow(QString(), m_systemFont);
    addRow(lookForm, tr("Article &font:"), m_font);
    connect(m_systemFont, &QCheckBox::toggled, m_font, &QWidget::setDisabled);
    m_fontSize = new QSpinBox(look);
    m_fontSize->setRange(0, 48);
    m_fontSize->setSpecialValueText(tr("System size"));
    m_fontSize->setSuffix(tr(" pt"));
    addRow(lookForm, tr("Font si&ze:"), m_fontSize);
    m_spacing = new QDoubleSpinBox(look);
    m_spacing->setRange(1.0, 3.0);
    m_spacing->setSingleStep(0.1);
    m_spacing->setDecimals(1);
    m_spacing->setSuffix(tr(" × line height"));
    addRow(lookForm, tr("&Line spacing:"), m_spacing);
    layout->addWidget(look);

    auto *exportGroup = new QGroupBox(tr("Export Dataset starts with"), this);
    auto *exportForm = new QFormLayout(exportGroup);
    m_format = new QComboBox(exportGroup);
    const QList<std::pair<exporting::Format, QString>> formats{
        {exporting::Format::Csv, tr("CSV")},           {exporting::Format::Tsv, tr("TSV")},
        {exporting::Format::Xlsx, tr("Excel (XLSX)")}, {exporting::Format::Jsonl, tr("JSON Lines")},
        {exporting::Format::Sav, tr("SPSS (.sav)")},   {exporting::Format::Dta, tr("Stata (.dta)")}};
    for (const auto &[format, label] : formats) {
        m_format->addItem(label, exporting::formatName(format));
        if (!exporting::formatAvailable(format)) { // built without its library: shown, not offered
            auto *model = qobject_cast<QStandardItemModel *>(m_format->model());
            model->item(m_format->count() - 1)->setEnabled(false);
        }
    }
    addRow(exportForm, tr("F&ormat:"), m_format);
    m_context = new QSpinBox(exportGroup);
    m_context->setRange(0, 100000);
    m_context->setSuffix(tr(" characters each side"));
    addRow(exportForm, tr("Segment &context:"), m_context);
    layout->addWidget(exportGroup);

    m_saveLayout = new QCheckBox(tr("Remember the &window layout (panels and sizes) for the next start"), this);
    layout->addWidget(m_saveLayout);

    auto *buttons =
        new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel | QDialogButtonBox::RestoreDefaults, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(buttons->button(QDialogButtonBox::RestoreDefaults), &QPushButton::clicked, this, [this] {
        Preferences defaults;
        defaults.coderName = m_coder->text(); // who is coding is not a default
        setPreferences(defaults);
    });
    layout->addWidget(buttons);
    setPreferences(preferences);
}

void PreferencesDialog::setPreferences(const Preferences &p)
{
    m_coder->setText(p.coderName);
    m_theme->setCurrentIndex(std::max(0, m_theme->findData(themeName(p.theme))));
    m_systemFont->setChecked(p.readingFont.isEmpty());
    m_font->setDisabled(p.readingFont.isEmpty());
    if (!p.readingFont.isEmpty())
        m_font->setCurrentFont(QFont(p.readingFont));
    m_fontSize->setValue(p.readingFontSize);
    m_spacing->setValue(p.lineSpacing);
    m_context->setValue(p.exportContext);
    m_format->setCurrentIndex(std::max(0, m_format->findData(p.exportFormat)));
    m_saveLayout->setChecked(p.saveWindowLayout);
}

Preferences PreferencesDialog::preferences() const
{
    Preferences p;
    p.coderName = m_coder->text().trimmed();
    p.theme = themeFromName(m_theme->currentData().toString());
    p.readingFont = m_systemFont->isChecked() ? QString() : m_font->currentFont().family();
    p.readingFontSize = m_fontSize->value();
    p.lineSpacing = m_spacing->value();
    p.exportContext = m_context->value();
    p.exportFormat = m_format->currentData().toString();
    p.saveWindowLayout = m_saveLayout->isChecked();
    return p;
}

} // namespace newscoder::shell
