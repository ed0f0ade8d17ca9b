#include "CodebookDock.h"

#include "models/CodebookModel.h"
#include "models/ModelRoles.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace newscoder {

CodebookDock::CodebookDock(QWidget *parent) : QDockWidget(tr("Codebook"), parent)
{
    setObjectName(QStringLiteral("codebookDock"));
    auto *body = new QWidget(this);
    auto *layout = new QVBoxLayout(body);
    layout->setContentsMargins(4, 4, 4, 4);
    auto *hint = new QLabel(tr("Select text, then click a code or press its key."), body);
    hint->setWordWrap(true);
    hint->setForegroundRole(QPalette::PlaceholderText);
    m_view = new QTableView(body);
    m_view->setObjectName(QStringLiteral("codebookTable"));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 10);
    m_view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    m_view->setFocusPolicy(Qt::NoFocus); // keep the keyboard focus (and selection) in the article

    auto *buttons = new QHBoxLayout;
    auto makeButton = [body](const QString &text, const QString &tip, const QString &name) {
        auto *b = new QToolButton(body);
        b->setText(text);
        b->setToolTip(tip);
        b->setObjectName(name);
        b->setFocusPolicy(Qt::NoFocus);
        return b;
    };
    auto *add = makeButton(tr("Add…"), tr("Add a code"), QStringLiteral("addCodeButton"));
    m_recolor = makeButton(tr("Colour…"), tr("Change the colour of the selected code"),
                           QStringLiteral("recolorCodeButton"));
    m_remove = makeButton(tr("Delete"), tr("Delete the selected code and its annotations"),
                          QStringLiteral("removeCodeButton"));
    buttons->addWidget(add);
    buttons->addWidget(m_recolor);
    buttons->addWidget(m_remove);
    buttons->addStretch();
    layout->addWidget(hint);
    layout->addWidget(m_view);
    layout->addLayout(buttons);
    setWidget(body);

    connect(add, &QToolButton::clicked, this, &CodebookDock::addCodeRequested);
    connect(m_recolor, &QToolButton::clicked, this, [this] {
        if (!currentCode().isNull())
            Q_EMIT recolorCodeRequested(currentCode());
    });
    connect(m_remove, &QToolButton::clicked, this, [this] {
        if (!currentCode().isNull())
            Q_EMIT removeCodeRequested(currentCode());
    });
    connect(m_view, &QTableView::clicked, this, [this](const QModelIndex &index) {
        if (index.column() == CodebookModel::NameColumn)
            Q_EMIT codeActivated(index.data(IdRole).toUuid());
    });
}

void CodebookDock::setModel(CodebookModel *model)
{
    m_model = model;
    m_view->setModel(model);
    if (!model)
        return;
    auto *header = m_view->horizontalHeader();
    header->setSectionResizeMode(CodebookModel::NameColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(CodebookModel::ShortcutColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(CodebookModel::CountColumn, QHeaderView::ResizeToContents);
}

QUuid CodebookDock::currentCode() const
{
    const QModelIndex current = m_view->currentIndex();
    return current.isValid() ? current.data(IdRole).toUuid() : QUuid();
}

} // namespace newscoder
