#include "codebook/CodebookDialogs.h"
#include "common/Prompt.h"

#include "project/Project.h"
#include "storage/StoreError.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace newscoder {

namespace {

// "Parent › Child" for a code.
QString codePath(const Project &project, const Code &code)
{
    QStringList parts{code.name};
    QUuid parent = code.parentId;
    for (int depth = 0; !parent.isNull() && depth < 32; ++depth) {
        const auto p = project.code(parent);
        if (!p)
            break;
        parts.prepend(p->name);
        parent = p->parentId;
    }
    return parts.join(QStringLiteral(" › "));
}

} // namespace

QUuid chooseMergeTarget(QWidget *parent, const Project &project, const QUuid &absorbedId)
{
    const auto absorbed = project.code(absorbedId);
    if (!absorbed)
        return {};
    const QList<QUuid> below = codeDescendants(project.codes(), absorbedId);
    QStringList labels;
    QList<QUuid> ids;
    for (const Code &c : project.codes()) {
        if (c.id == absorbedId || below.contains(c.id) || c.unit != absorbed->unit)
            continue;
        labels << codePath(project, c);
        ids << c.id;
    }
    if (ids.isEmpty())
        return {};
    const int index = Prompt::current().choose(
        parent, QObject::tr("Merge Code"),
        QObject::tr("Merge “%1” into (its annotations, sub-codes and fields move there):").arg(absorbed->name),
        labels, 0, Prompt::ChoiceStyle::List);
    return index >= 0 ? ids[index] : QUuid();
}

SplitCodeDialog::SplitCodeDialog(Project &project, const QUuid &codeId, const QList<QUuid> &preselected,
                                 QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("splitCodeDialog"));
    const auto code = project.code(codeId);
    const QString name = code ? code->name : QString();
    setWindowTitle(tr("Split “%1”").arg(name));
    m_name = new QLineEdit(tr("%1 (split)").arg(name), this);
    m_name->setObjectName(QStringLiteral("splitName"));
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("splitAnnotations"));
    try {
        QHash<QUuid, QString> titles;
        for (const DocumentSummary &s : project.reader().documentSummaries())
            titles.insert(s.id, s.title);
        QHash<QUuid, QString> texts;
        for (const Annotation &a : project.reader().annotationsForCode(codeId)) {
            if (!texts.contains(a.documentId))
                texts.insert(a.documentId, project.reader().documentText(a.documentId));
            QString excerpt = texts.value(a.documentId).mid(a.start, a.end - a.start).simplified();
            if (excerpt.size() > 80)
                excerpt = excerpt.left(79) + u'…';
            auto *item = new QListWidgetItem(
                QStringLiteral("%1 — “%2” (%3)").arg(titles.value(a.documentId), excerpt,
                                                       project.coderNameFor(a.coderId)),
                m_list);
            item->setData(Qt::UserRole, a.id);
            item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
            item->setCheckState(preselected.contains(a.id) ? Qt::Checked : Qt::Unchecked);
        }
    } catch (const StoreError &e) {
        m_list->addItem(e.message());
    }
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Split"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    const auto update = [this, buttons] {
        buttons->button(QDialogButtonBox::Ok)->setEnabled(!newName().isEmpty() && !chosenAnnotations().isEmpty());
    };
    connect(m_name, &QLineEdit::textChanged, this, update);
    connect(m_list, &QListWidget::itemChanged, this, update);
    update();
    auto *form = new QFormLayout;
    form->addRow(tr("New code:"), m_name);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(new QLabel(tr("Annotations that move to the new code:"), this));
    layout->addWidget(m_list);
    layout->addWidget(buttons);
    resize(560, 420);
}

QString SplitCodeDialog::newName() const
{
    return m_name->text().trimmed();
}

QList<QUuid> SplitCodeDialog::chosenAnnotations() const
{
    QList<QUuid> ids;
    for (int i = 0; i < m_list->count(); ++i) {
        if (m_list->item(i)->checkState() == Qt::Checked)
            ids.append(m_list->item(i)->data(Qt::UserRole).toUuid());
    }
    return ids;
}

} // namespace newscoder
