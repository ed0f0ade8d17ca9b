#pragma once

#include "model/Code.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QKeySequenceEdit;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QToolButton;

namespace newscoder {

class Project;

// Edits one code: name, colour, key, unit, the description for coders
// (definition, use when, avoid when, example), memo and its fields (name,
// kind, required, several values, options as "value = label" lines, allowed
// link targets, description). Saving calls Project::updateCode: one undoable
// step; fields removed here take their values with them (undo brings both back).
class CodeEditorDialog final : public QDialog
{
    Q_OBJECT

public:
    CodeEditorDialog(Project &project, const QUuid &codeId, QWidget *parent = nullptr);

    // The code as edited so far.
    Code editedCode();
    // Writes the edit (one undo step); false (and the project's error) on failure.
    bool save();
    void accept() override;

    QListWidget *fieldList() const { return m_fieldList; }

    // "value = label" lines ↔ options ("value" alone: no label).
    static QList<FieldOption> parseOptions(const QString &text);
    static QString formatOptions(const QList<FieldOption> &options);

private:
    void addField();
    void removeField();
    void moveField(int delta);
    void loadField(int row);
    void storeField(int row);
    void updateFieldWidgets();
    void setColor(const QColor &color);

    Project &m_project;
    Code m_code;
    QList<CodeField> m_fields;
    int m_fieldRow = -1;

    QLineEdit *m_name = nullptr;
    QToolButton *m_color = nullptr;
    QColor m_colorValue;
    QKeySequenceEdit *m_shortcut = nullptr;
    QComboBox *m_unit = nullptr;
    QPlainTextEdit *m_definition = nullptr;
    QPlainTextEdit *m_useWhen = nullptr;
    QPlainTextEdit *m_avoidWhen = nullptr;
    QPlainTextEdit *m_example = nullptr;
    QPlainTextEdit *m_memo = nullptr;

    QListWidget *m_fieldList = nullptr;
    QWidget *m_fieldEditor = nullptr;
    QLineEdit *m_fieldName = nullptr;
    QComboBox *m_fieldKind = nullptr;
    QCheckBox *m_fieldRequired = nullptr;
    QCheckBox *m_fieldMultiple = nullptr;
    QPlainTextEdit *m_fieldOptions = nullptr;
    QListWidget *m_fieldLinks = nullptr;
    QLineEdit *m_fieldDescription = nullptr;
    QPushButton *m_removeField = nullptr;
};

} // namespace newscoder
