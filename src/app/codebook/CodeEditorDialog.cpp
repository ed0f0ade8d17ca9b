#include "codebook/CodeEditorDialog.h"

#include "project/Project.h"

#include <QCheckBox>
#include <QColorDialog>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QKeySequenceEdit>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace newscoder {

namespace {

constexpr FieldKind AllKinds[] = {FieldKind::Text,    FieldKind::SingleChoice,   FieldKind::MultipleChoice,
                                  FieldKind::Ordinal, FieldKind::Number,         FieldKind::Boolean,
                                  FieldKind::Date,    FieldKind::AnnotationLink, FieldKind::ActorLink};

QPlainTextEdit *textBox(QWidget *parent, const QString &name, const QString &text, int lines = 3)
{
    auto *edit = new QPlainTextEdit(text, parent);
    edit->setObjectName(name);
    edit->setTabChangesFocus(true);
    edit->setMinimumHeight(edit->fontMetrics().lineSpacing() * lines + 12);
    return edit;
}

} // namespace

QList<FieldOption> CodeEditorDialog::parseOptions(const QString &text)
{
    QList<FieldOption> options;
    for (const QString &line : text.split(u'\n')) {
        const qsizetype eq = line.indexOf(u'=');
        FieldOption o;
        o.value = (eq < 0 ? line : line.left(eq)).trimmed();
        o.label = eq < 0 ? QString() : line.mid(eq + 1).trimmed();
        if (!o.value.isEmpty())
            options.append(o);
    }
    return options;
}

QString CodeEditorDialog::formatOptions(const QList<FieldOption> &options)
{
    QStringList lines;
    for (const FieldOption &o : options)
        lines << (o.label.isEmpty() ? o.value : QStringLiteral("%1 = %2").arg(o.value, o.label));
    return lines.join(u'\n');
}

CodeEditorDialog::CodeEditorDialog(Project &project, const QUuid &codeId, QWidget *parent)
    : QDialog(parent), m_project(project), m_code(project.code(codeId).value_or(Code{}))
{
    setObjectName(QStringLiteral("codeEditorDialog"));
    setWindowTitle(tr("Edit Code “%1”").arg(m_code.name));
    m_fields = m_code.fields;
    auto *tabs = new QTabWidget(this);

    // --- the code
    auto *general = new QWidget(tabs);
    auto *form = new QFormLayout(general);
    m_name = new QLineEdit(m_code.name, general);
    m_name->setObjectName(QStringLiteral("codeName"));
    m_color = new QToolButton(general);
    m_color->setObjectName(QStringLiteral("codeColor"));
    setColor(m_code.color);
    connect(m_color, &QToolButton::clicked, this, [this] {
        const QColor chosen = QColorDialog::getColor(m_colorValue, this, tr("Colour of “%1”").arg(m_name->text()));
        if (chosen.isValid())
            setColor(chosen);
    });
    m_shortcut = new QKeySequenceEdit(QKeySequence(m_code.shortcut), general);
    m_shortcut->setObjectName(QStringLiteral("codeShortcut"));
    m_shortcut->setClearButtonEnabled(true);
    m_unit = new QComboBox(general);
    m_unit->setObjectName(QStringLiteral("codeUnit"));
    m_unit->addItem(tr("Span of text"), int(CodeUnit::Span));
    m_unit->addItem(tr("Whole article"), int(CodeUnit::Article));
    m_unit->addItem(tr("Outlet"), int(CodeUnit::Outlet));
    m_unit->setCurrentIndex(m_unit->findData(int(m_code.unit)));
    m_definition = textBox(general, QStringLiteral("codeDefinition"), m_code.description);
    m_useWhen = textBox(general, QStringLiteral("codeUseWhen"), m_code.useWhen, 2);
    m_avoidWhen = textBox(general, QStringLiteral("codeAvoidWhen"), m_code.avoidWhen, 2);
    m_example = textBox(general, QStringLiteral("codeExample"), m_code.example, 2);
    m_memo = textBox(general, QStringLiteral("codeMemo"), m_code.memo, 2);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Colour:"), m_color);
    form->addRow(tr("&Key:"), m_shortcut);
    form->addRow(tr("Applies &to:"), m_unit);
    form->addRow(tr("&Definition:"), m_definition);
    form->addRow(tr("&Use when:"), m_useWhen);
    form->addRow(tr("&Avoid when:"), m_avoidWhen);
    form->addRow(tr("&Example:"), m_example);
    form->addRow(tr("&Memo:"), m_memo);
    tabs->addTab(general, tr("Code"));

    // --- its fields
    auto *fieldsPage = new QWidget(tabs);
    auto *fieldsLayout = new QHBoxLayout(fieldsPage);
    auto *left = new QVBoxLayout;
    m_fieldList = new QListWidget(fieldsPage);
    m_fieldList->setObjectName(QStringLiteral("fieldList"));
    auto *fieldButtons = new QHBoxLayout;
    auto *add = new QPushButton(tr("Add"), fieldsPage);
    add->setObjectName(QStringLiteral("addFieldButton"));
    m_removeField = new QPushButton(tr("Remove"), fieldsPage);
    m_removeField->setObjectName(QStringLiteral("removeFieldButton"));
    auto *up = new QPushButton(tr("Up"), fieldsPage);
    auto *down = new QPushButton(tr("Down"), fieldsPage);
    for (QPushButton *b : {add, m_removeField, up, down})
        fieldButtons->addWidget(b);
    left->addWidget(m_fieldList);
    left->addLayout(fieldButtons);

    m_fieldEditor = new QWidget(fieldsPage);
    auto *fieldForm = new QFormLayout(m_fieldEditor);
    m_fieldName = new QLineEdit(m_fieldEditor);
    m_fieldName->setObjectName(QStringLiteral("fieldName"));
    m_fieldKind = new QComboBox(m_fieldEditor);
    m_fieldKind->setObjectName(QStringLiteral("fieldKind"));
    for (FieldKind kind : AllKinds)
        m_fieldKind->addItem(fieldKindName(kind), int(kind));
    m_fieldRequired = new QCheckBox(tr("Required"), m_fieldEditor);
    m_fieldRequired->setObjectName(QStringLiteral("fieldRequired"));
    m_fieldMultiple = new QCheckBox(tr("Several links allowed"), m_fieldEditor);
    m_fieldMultiple->setObjectName(QStringLiteral("fieldMultiple"));
    m_fieldOptions = textBox(m_fieldEditor, QStringLiteral("fieldOptions"), {}, 4);
    m_fieldOptions->setPlaceholderText(tr("One option per line: value = label"));
    m_fieldLinks = new QListWidget(m_fieldEditor);
    m_fieldLinks->setObjectName(QStringLiteral("fieldLinks"));
    m_fieldLinks->setToolTip(tr("The codes a link may point at (none checked: any code)."));
    for (const Code &c : m_project.codes()) {
        auto *item = new QListWidgetItem(c.name, m_fieldLinks);
        item->setData(Qt::UserRole, c.id);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Unchecked);
    }
    m_fieldDescription = new QLineEdit(m_fieldEditor);
    m_fieldDescription->setObjectName(QStringLiteral("fieldDescription"));
    fieldForm->addRow(tr("Name:"), m_fieldName);
    fieldForm->addRow(tr("Kind:"), m_fieldKind);
    fieldForm->addRow(QString(), m_fieldRequired);
    fieldForm->addRow(QString(), m_fieldMultiple);
    fieldForm->addRow(tr("Options:"), m_fieldOptions);
    fieldForm->addRow(tr("Links to:"), m_fieldLinks);
    fieldForm->addRow(tr("Description:"), m_fieldDescription);
    fieldsLayout->addLayout(left, 1);
    fieldsLayout->addWidget(m_fieldEditor, 2);
    tabs->addTab(fieldsPage, tr("Fields"));

    for (const CodeField &f : std::as_const(m_fields))
        m_fieldList->addItem(f.name);
    connect(m_fieldList, &QListWidget::currentRowChanged, this, [this](int row) {
        storeField(m_fieldRow);
        loadField(row);
    });
    connect(m_fieldName, &QLineEdit::textEdited, this, [this](const QString &text) {
        if (auto *item = m_fieldList->item(m_fieldRow))
            item->setText(text);
    });
    connect(m_fieldKind, &QComboBox::currentIndexChanged, this, &CodeEditorDialog::updateFieldWidgets);
    connect(add, &QPushButton::clicked, this, &CodeEditorDialog::addField);
    connect(m_removeField, &QPushButton::clicked, this, &CodeEditorDialog::removeField);
    connect(up, &QPushButton::clicked, this, [this] { moveField(-1); });
    connect(down, &QPushButton::clicked, this, [this] { moveField(+1); });

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &CodeEditorDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &CodeEditorDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(tabs);
    layout->addWidget(buttons);
    loadField(m_fields.isEmpty() ? -1 : 0);
    if (!m_fields.isEmpty())
        m_fieldList->setCurrentRow(0);
    resize(640, 560);
}

void CodeEditorDialog::setColor(const QColor &color)
{
    m_colorValue = color.isValid() ? color : QColor(0x88, 0x88, 0x88);
    QPixmap swatch(24, 16);
    swatch.fill(m_colorValue);
    m_color->setIcon(QIcon(swatch));
    m_color->setText(m_colorValue.name());
    m_color->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
}

void CodeEditorDialog::loadField(int row)
{
    m_fieldRow = row;
    const bool valid = row >= 0 && row < m_fields.size();
    m_fieldEditor->setEnabled(valid);
    m_removeField->setEnabled(valid);
    const CodeField f = valid ? m_fields[row] : CodeField{};
    const QSignalBlocker block(m_fieldKind);
    m_fieldName->setText(f.name);
    m_fieldKind->setCurrentIndex(m_fieldKind->findData(int(f.kind)));
    m_fieldRequired->setChecked(f.required);
    m_fieldMultiple->setChecked(f.multiple);
    m_fieldOptions->setPlainText(formatOptions(f.options));
    m_fieldDescription->setText(f.description);
    for (int i = 0; i < m_fieldLinks->count(); ++i) {
        QListWidgetItem *item = m_fieldLinks->item(i);
        item->setCheckState(f.linkCodes.contains(item->data(Qt::UserRole).toUuid()) ? Qt::Checked : Qt::Unchecked);
    }
    updateFieldWidgets();
}

void CodeEditorDialog::storeField(int row)
{
    if (row < 0 || row >= m_fields.size())
        return;
    CodeField &f = m_fields[row];
    f.name = m_fieldName->text().trimmed();
    f.kind = FieldKind(m_fieldKind->currentData().toInt());
    f.required = m_fieldRequired->isChecked();
    f.multiple = m_fieldMultiple->isChecked();
    f.options = parseOptions(m_fieldOptions->toPlainText());
    f.description = m_fieldDescription->text();
    f.linkCodes.clear();
    if (f.kind == FieldKind::AnnotationLink) {
        for (int i = 0; i < m_fieldLinks->count(); ++i) {
            if (m_fieldLinks->item(i)->checkState() == Qt::Checked)
                f.linkCodes.append(m_fieldLinks->item(i)->data(Qt::UserRole).toUuid());
        }
    }
}

void CodeEditorDialog::updateFieldWidgets()
{
    const auto kind = FieldKind(m_fieldKind->currentData().toInt());
    const bool choices = kind == FieldKind::SingleChoice || kind == FieldKind::MultipleChoice
                         || kind == FieldKind::Ordinal;
    m_fieldOptions->setEnabled(choices);
    m_fieldLinks->setEnabled(kind == FieldKind::AnnotationLink);
    m_fieldMultiple->setEnabled(kind == FieldKind::AnnotationLink || kind == FieldKind::ActorLink);
}

void CodeEditorDialog::addField()
{
    storeField(m_fieldRow);
    CodeField f;
    f.name = tr("Field %1").arg(m_fields.size() + 1);
    m_fields.append(f);
    m_fieldList->addItem(f.name);
    m_fieldRow = -1; // already stored
    m_fieldList->setCurrentRow(int(m_fields.size() - 1));
    m_fieldName->setFocus();
    m_fieldName->selectAll();
}

void CodeEditorDialog::removeField()
{
    const int row = m_fieldRow;
    if (row < 0 || row >= m_fields.size())
        return;
    m_fields.removeAt(row);
    m_fieldRow = -1; // nothing to store
    delete m_fieldList->takeItem(row);
    loadField(m_fieldList->currentRow());
}

void CodeEditorDialog::moveField(int delta)
{
    const int row = m_fieldRow;
    const int target = row + delta;
    if (row < 0 || target < 0 || target >= m_fields.size())
        return;
    storeField(row);
    m_fields.swapItemsAt(row, target);
    m_fieldList->item(row)->setText(m_fields[row].name);
    m_fieldList->item(target)->setText(m_fields[target].name);
    m_fieldRow = -1;
    m_fieldList->setCurrentRow(target);
    if (m_fieldRow != target)
        loadField(target);
}

Code CodeEditorDialog::editedCode()
{
    storeField(m_fieldRow);
    Code c = m_code;
    c.name = m_name->text().trimmed();
    c.color = m_colorValue;
    c.shortcut = m_shortcut->keySequence().toString(QKeySequence::PortableText);
    c.unit = CodeUnit(m_unit->currentData().toInt());
    c.description = m_definition->toPlainText();
    c.useWhen = m_useWhen->toPlainText();
    c.avoidWhen = m_avoidWhen->toPlainText();
    c.example = m_example->toPlainText();
    c.memo = m_memo->toPlainText();
    c.fields = m_fields;
    return c;
}

bool CodeEditorDialog::save()
{
    const Code edited = editedCode();
    const auto current = m_project.code(edited.id);
    if (!current) {
        return false;
    }
    // Nothing changed: no undo step.
    if (current->name == edited.name && current->color == edited.color && current->shortcut == edited.shortcut
        && current->unit == edited.unit && current->description == edited.description
        && current->useWhen == edited.useWhen && current->avoidWhen == edited.avoidWhen
        && current->example == edited.example && current->memo == edited.memo && current->fields == edited.fields)
        return true;
    return m_project.updateCode(edited);
}

void CodeEditorDialog::accept()
{
    if (save())
        QDialog::accept();
    // else: Project::errorOccurred has told the user; the dialog stays open.
}

} // namespace newscoder
