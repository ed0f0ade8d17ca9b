#include "codebook/CodebookDock.h"
#include "common/Prompt.h"

#include "codebook/CodeEditorDialog.h"
#include "codebook/CodebookDialogs.h"
#include "io/CodebookFile.h"
#include "io/CodebookJson.h"
#include "models/CodebookTreeModel.h"
#include "models/ModelRoles.h"
#include "project/Project.h"
#include "storage/StoreError.h"

#include <QAction>
#include <QColorDialog>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QSaveFile>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace newscoder {

CodebookDock::CodebookDock(QWidget *parent) : QDockWidget(tr("Codebook"), parent)
{
    setObjectName(QStringLiteral("codebookDock"));
    auto *body = new QWidget(this);
    auto *layout = new QVBoxLayout(body);
    layout->setContentsMargins(4, 4, 4, 4);
    auto *hint = new QLabel(tr("Select text, then click a code or press its key. Drag codes to reorder them."),
                            body);
    hint->setWordWrap(true);
    hint->setForegroundRole(QPalette::PlaceholderText);
    m_view = new QTreeView(body);
    m_view->setObjectName(QStringLiteral("codebookTree"));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    // A click keeps the keyboard focus (and selection) in the article; Tab and
    // View ▸ Go To ▸ Codebook (Ctrl+4) still reach the tree.
    m_view->setFocusPolicy(Qt::TabFocus);
    m_view->setDragDropMode(QAbstractItemView::InternalMove);
    m_view->setDefaultDropAction(Qt::MoveAction);
    m_view->setDropIndicatorShown(true);
    m_view->setUniformRowHeights(true);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);

    const auto makeAction = [this](const QString &text, const QString &name) {
        auto *a = new QAction(text, this);
        a->setObjectName(name);
        return a;
    };
    m_newCode = makeAction(tr("&New Code…"), QStringLiteral("newCodeAction"));
    m_newSubCode = makeAction(tr("New &Sub-code…"), QStringLiteral("newSubCodeAction"));
    m_edit = makeAction(tr("&Edit Code…"), QStringLiteral("editCodeAction"));
    m_rename = makeAction(tr("Rename"), QStringLiteral("renameCodeAction"));
    m_recolor = makeAction(tr("Colour…"), QStringLiteral("recolorCodeAction"));
    m_merge = makeAction(tr("&Merge Into…"), QStringLiteral("mergeCodeAction"));
    m_split = makeAction(tr("S&plit…"), QStringLiteral("splitCodeAction"));
    m_delete = makeAction(tr("&Delete Code…"), QStringLiteral("deleteCodeAction"));
    m_import = makeAction(tr("&Import Codebook…"), QStringLiteral("importCodebookAction"));
    m_export = makeAction(tr("E&xport Codebook…"), QStringLiteral("exportCodebookAction"));

    auto *buttons = new QHBoxLayout;
    const auto makeButton = [body](QAction *action, const QString &text, const QString &name) {
        auto *b = new QToolButton(body);
        b->setDefaultAction(action);
        b->setText(text);
        b->setObjectName(name);
        b->setFocusPolicy(Qt::NoFocus);
        return b;
    };
    buttons->addWidget(makeButton(m_newCode, tr("Add…"), QStringLiteral("addCodeButton")));
    buttons->addWidget(makeButton(m_edit, tr("Edit…"), QStringLiteral("editCodeButton")));
    buttons->addWidget(makeButton(m_delete, tr("Delete"), QStringLiteral("removeCodeButton")));
    auto *more = new QToolButton(body);
    more->setText(tr("More"));
    more->setObjectName(QStringLiteral("moreCodebookButton"));
    more->setPopupMode(QToolButton::InstantPopup);
    more->setFocusPolicy(Qt::NoFocus);
    auto *moreMenu = new QMenu(more);
    moreMenu->addActions({m_newSubCode, m_rename, m_recolor, m_merge, m_split});
    moreMenu->addSeparator();
    moreMenu->addActions({m_import, m_export});
    more->setMenu(moreMenu);
    buttons->addWidget(more);
    buttons->addStretch();
    layout->addWidget(hint);
    layout->addWidget(m_view);
    layout->addLayout(buttons);
    setWidget(body);

    connect(m_newCode, &QAction::triggered, this, [this] { addCode({}); });
    connect(m_newSubCode, &QAction::triggered, this, [this] { addCode(currentCode()); });
    connect(m_edit, &QAction::triggered, this, [this] { editCode(currentCode()); });
    connect(m_rename, &QAction::triggered, this, [this] {
        if (m_model && !currentCode().isNull())
            m_view->edit(m_model->indexOf(currentCode()));
    });
    connect(m_recolor, &QAction::triggered, this, [this] { recolorCode(currentCode()); });
    connect(m_merge, &QAction::triggered, this, [this] { mergeCode(currentCode()); });
    connect(m_split, &QAction::triggered, this, [this] { splitCode(currentCode()); });
    connect(m_delete, &QAction::triggered, this, [this] { removeCode(currentCode()); });
    connect(m_import, &QAction::triggered, this, &CodebookDock::importCodebook);
    connect(m_export, &QAction::triggered, this, &CodebookDock::exportCodebook);
    connect(m_view, &QTreeView::clicked, this, [this](const QModelIndex &index) {
        if (index.column() == CodebookTreeModel::NameColumn)
            Q_EMIT codeActivated(index.data(IdRole).toUuid());
    });
    connect(m_view, &QTreeView::customContextMenuRequested, this, &CodebookDock::showContextMenu);
    updateActions();
}

void CodebookDock::setModel(CodebookTreeModel *model, Project *project)
{
    if (m_model)
        disconnect(m_model, nullptr, this, nullptr);
    m_model = model;
    m_project = project;
    m_view->setModel(model);
    if (model) {
        auto *header = m_view->header();
        header->setStretchLastSection(false);
        header->setSectionResizeMode(CodebookTreeModel::NameColumn, QHeaderView::Stretch);
        for (int column : {CodebookTreeModel::KeyColumn, CodebookTreeModel::CountColumn, CodebookTreeModel::UnitColumn})
            header->setSectionResizeMode(column, QHeaderView::ResizeToContents);
        // The model resets on every codebook change: keep the current code and show the whole tree.
        connect(model, &QAbstractItemModel::modelAboutToBeReset, this, [this] { m_keptCode = currentCode(); });
        connect(model, &QAbstractItemModel::modelReset, this, [this] {
            m_view->expandAll();
            if (!m_keptCode.isNull())
                selectCode(m_keptCode);
            updateActions();
        });
        connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this, &CodebookDock::updateActions);
        m_view->expandAll();
    }
    updateActions();
}

QUuid CodebookDock::currentCode() const
{
    const QModelIndex current = m_view->currentIndex();
    return current.isValid() ? current.data(IdRole).toUuid() : QUuid();
}

void CodebookDock::selectCode(const QUuid &codeId)
{
    if (!m_model)
        return;
    const QModelIndex index = m_model->indexOf(codeId);
    m_view->setCurrentIndex(index);
    m_view->scrollTo(index);
}

void CodebookDock::updateActions()
{
    const bool writable = m_project && !m_project->isReadOnly();
    const bool hasCode = writable && !currentCode().isNull();
    m_newCode->setEnabled(writable);
    m_import->setEnabled(writable);
    m_export->setEnabled(m_project != nullptr);
    for (QAction *a : {m_newSubCode, m_edit, m_rename, m_recolor, m_merge, m_split, m_delete})
        a->setEnabled(hasCode);
}

void CodebookDock::showContextMenu(const QPoint &pos)
{
    if (!m_project)
        return;
    const QModelIndex index = m_view->indexAt(pos);
    if (index.isValid())
        m_view->setCurrentIndex(index);
    else
        m_view->setCurrentIndex({});
    updateActions();
    QMenu menu(this);
    menu.addActions({m_newCode, m_newSubCode});
    if (index.isValid()) {
        menu.addSeparator();
        menu.addActions({m_edit, m_rename, m_recolor, m_merge, m_split});
        menu.addSeparator();
        menu.addAction(m_delete);
    }
    menu.addSeparator();
    menu.addActions({m_import, m_export});
    menu.exec(m_view->viewport()->mapToGlobal(pos));
}

void CodebookDock::addCode(const QUuid &parentId)
{
    if (!m_project)
        return;
    const auto parent = m_project->code(parentId);
    const QString prompt = parent ? tr("Name of the new sub-code of “%1”:").arg(parent->name)
                                  : tr("Name of the new code:");
    const QString name = Prompt::current()
                             .askText(this, parent ? tr("Add Sub-code") : tr("Add Code"), prompt)
                             .value_or(QString())
                             .trimmed();
    if (name.isEmpty())
        return;
    Code code;
    code.name = name;
    code.parentId = parent ? parent->id : QUuid();
    code.unit = parent ? parent->unit : CodeUnit::Span;
    const QList<Code> &codes = m_project->codes();
    code.color = parent ? parent->color : QColor::fromHsv(int(codes.size() * 47) % 360, 150, 230);
    for (int key = 1; key <= 9; ++key) { // first free digit key
        const QString candidate = QString::number(key);
        if (std::none_of(codes.cbegin(), codes.cend(), [&](const Code &c) { return c.shortcut == candidate; })) {
            code.shortcut = candidate;
            break;
        }
    }
    if (const auto id = m_project->addCode(code))
        selectCode(*id);
}

void CodebookDock::editCode(const QUuid &codeId)
{
    if (!m_project || !m_project->code(codeId))
        return;
    CodeEditorDialog dialog(*m_project, codeId, this);
    dialog.exec();
}

void CodebookDock::recolorCode(const QUuid &codeId)
{
    if (!m_project)
        return;
    auto code = m_project->code(codeId);
    if (!code)
        return;
    const QColor color = QColorDialog::getColor(code->color, this, tr("Colour of “%1”").arg(code->name));
    if (!color.isValid() || color == code->color)
        return;
    code->color = color;
    m_project->updateCode(*code);
}

void CodebookDock::mergeCode(const QUuid &codeId)
{
    if (!m_project || !m_project->code(codeId))
        return;
    const QUuid target = chooseMergeTarget(this, *m_project, codeId);
    if (target.isNull())
        return;
    if (m_project->mergeCodes(target, codeId))
        selectCode(target);
}

void CodebookDock::splitCode(const QUuid &codeId)
{
    if (!m_project || !m_project->code(codeId))
        return;
    SplitCodeDialog dialog(*m_project, codeId, m_selectedAnnotations ? m_selectedAnnotations() : QList<QUuid>(),
                           this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (const auto id = m_project->splitCode(codeId, dialog.chosenAnnotations(), dialog.newName()))
        selectCode(*id);
}

void CodebookDock::removeCode(const QUuid &codeId)
{
    if (!m_project || !m_model)
        return;
    const auto code = m_project->code(codeId);
    if (!code)
        return;
    const int uses = m_model->annotationCountWithSubcodes(codeId);
    if (m_interactive) {
        const bool remove = Prompt::current().confirm(
            this, tr("Delete Code"),
            tr("Delete “%1” and its %n annotation(s)? You can undo this.", nullptr, uses).arg(code->name));
        if (!remove)
            return;
    }
    m_project->removeCode(codeId);
}

void CodebookDock::importCodebook()
{
    if (!m_project)
        return;
    const QString path = Prompt::current().chooseFile(this, Prompt::FileMode::Open, tr("Import Codebook"), QString(),
                                                      tr("Newscoder codebooks (*.json);;All files (*)"));
    if (path.isEmpty())
        return;
    const CodebookFileResult read = readCodebookFile(path);
    QString error;
    if (read.outcome == CodebookFileResult::Outcome::Unreadable)
        error = tr("Cannot read %1: %2").arg(path, read.error);
    else if (read.outcome == CodebookFileResult::Outcome::TooLarge)
        error = tr("%1 is too large to be a codebook.").arg(path);
    else if (!read.ok())
        error = read.error;
    if (!error.isEmpty()) {
        Prompt::current().inform(this, tr("Import Codebook"), error, Prompt::Tone::Warning);
        return;
    }
    if (const auto summary = m_project->importCodebook(read.codes)) {
        Q_EMIT statusMessage(tr("Codebook imported: %1 new code(s), %2 merged by name, %3 field(s) added.")
                                 .arg(summary->codesAdded)
                                 .arg(summary->codesMerged)
                                 .arg(summary->fieldsAdded));
    }
}

void CodebookDock::exportCodebook()
{
    if (!m_project)
        return;
    const QString base = QFileInfo(m_project->path()).completeBaseName();
    const QString path = Prompt::current().chooseFile(this, Prompt::FileMode::Save, tr("Export Codebook"),
                                                      QFileInfo(m_project->path()).dir().filePath(base + QStringLiteral(".codebook.json")),
                                                      tr("Newscoder codebooks (*.json)"));
    if (path.isEmpty())
        return;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(writeCodebookJson(m_project->codes(), base)) < 0
        || !file.commit()) {
        Prompt::current().inform(this, tr("Export Codebook"), tr("Cannot write %1: %2").arg(path, file.errorString()),
                                 Prompt::Tone::Warning);
        return;
    }
    Q_EMIT statusMessage(tr("Codebook exported to %1").arg(path));
}

} // namespace newscoder
