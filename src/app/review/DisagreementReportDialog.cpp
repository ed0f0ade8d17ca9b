#include "review/DisagreementReportDialog.h"

#include "project/Project.h"
#include "review/DisagreementReport.h"
#include "storage/StoreError.h"
#include "study/Assignments.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace newscoder {

DisagreementReportDialog::DisagreementReportDialog(Project &project, QWidget *parent)
    : QDialog(parent), m_project(project)
{
    setObjectName(QStringLiteral("disagreementReportDialog"));
    setWindowTitle(tr("Disagreement Report"));
    QStringList coders;
    try {
        for (const Coder &c : project.reader().coders()) {
            if (c.role == CoderRole::Coder)
                coders << c.name;
        }
        if (const auto consensus = study::consensusCoder(project.reader()))
            m_consensus = consensus->name;
    } catch (const StoreError &) {
    }
    m_against = new QRadioButton(m_consensus.isEmpty() ? tr("Each coder against the consensus (none yet)")
                                                       : tr("Each coder against %1").arg(m_consensus),
                                 this);
    m_against->setEnabled(!m_consensus.isEmpty());
    m_pair = new QRadioButton(tr("Two coders:"), this);
    m_coderA = new QComboBox(this);
    m_coderB = new QComboBox(this);
    m_coderA->addItems(coders);
    m_coderB->addItems(coders);
    m_coderB->setCurrentIndex(std::min(1, int(coders.size()) - 1));
    (m_consensus.isEmpty() ? m_pair : m_against)->setChecked(true);
    m_context = new QSpinBox(this);
    m_context->setRange(0, 2000);
    m_context->setValue(120);
    m_context->setSuffix(tr(" characters"));
    m_context->setToolTip(tr("How much of the article to show on each side of a disputed passage"));
    m_message = new QLabel(this);
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_message->hide();

    auto *pair = new QHBoxLayout;
    pair->addWidget(m_pair);
    pair->addWidget(m_coderA, 1);
    pair->addWidget(new QLabel(tr("and"), this));
    pair->addWidget(m_coderB, 1);
    auto *form = new QFormLayout;
    form->addRow(tr("Context:"), m_context);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Save)->setText(tr("Save…"));
    connect(buttons, &QDialogButtonBox::accepted, this, &DisagreementReportDialog::chooseAndWrite);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *intro = new QLabel(tr("An HTML page for a coder training round: per code, every disputed passage in its "
                                "context, each version and the consensus decision."),
                             this);
    intro->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_against);
    layout->addLayout(pair);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addWidget(buttons);
}

bool DisagreementReportDialog::writeTo(const QString &path, QString *error)
{
    review::DisagreementReportRequest request;
    if (m_against->isChecked())
        request.against = m_consensus;
    else
        request.coders = {m_coderA->currentText(), m_coderB->currentText()};
    request.context = m_context->value();
    request.title = QFileInfo(m_project.path()).completeBaseName();
    QString message;
    if (!m_against->isChecked() && (m_coderA->currentText().isEmpty() || m_coderA->currentText() == m_coderB->currentText()))
        message = tr("Choose two different coders.");
    review::DisagreementReportResult result;
    if (message.isEmpty()) {
        try {
            message = review::writeDisagreementReport(m_project.reader(), request, path, &result);
        } catch (const StoreError &e) {
            message = e.message();
        }
    }
    if (error)
        *error = message;
    m_message->setText(message);
    m_message->setVisible(!message.isEmpty());
    return message.isEmpty();
}

void DisagreementReportDialog::chooseAndWrite()
{
    const QFileInfo project(m_project.path());
    const QString suggested = project.absolutePath() + QLatin1Char('/') + project.completeBaseName()
                              + QStringLiteral("-disagreements.html");
    const QString path = QFileDialog::getSaveFileName(this, tr("Disagreement Report"), suggested, tr("Web page (*.html)"));
    if (!path.isEmpty() && writeTo(path))
        accept();
}

} // namespace newscoder
