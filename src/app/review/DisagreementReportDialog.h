#pragma once

#include <QDialog>

class QComboBox;
class QLabel;
class QRadioButton;
class QSpinBox;

namespace newscoder {

class Project;

// Analysis ▸ Disagreement Report…: which comparison — each coder against the
// consensus (when there is one) or two coders — and how much context, then a
// file to save the HTML page to (review/DisagreementReport.h). Errors are
// shown in the dialog.
class DisagreementReportDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit DisagreementReportDialog(Project &project, QWidget *parent = nullptr);

    // Writes the report as chosen; false with the message shown (and in `error`).
    bool writeTo(const QString &path, QString *error = nullptr);

    QRadioButton *againstButton() const { return m_against; }
    QRadioButton *pairButton() const { return m_pair; }
    QComboBox *coderA() const { return m_coderA; }
    QComboBox *coderB() const { return m_coderB; }
    QSpinBox *contextBox() const { return m_context; }
    QLabel *messageLabel() const { return m_message; }

private:
    void chooseAndWrite();

    Project &m_project;
    QString m_consensus;
    QRadioButton *m_against = nullptr;
    QRadioButton *m_pair = nullptr;
    QComboBox *m_coderA = nullptr;
    QComboBox *m_coderB = nullptr;
    QSpinBox *m_context = nullptr;
    QLabel *m_message = nullptr;
};

} // namespace newscoder
