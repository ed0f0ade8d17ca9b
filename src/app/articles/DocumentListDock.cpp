#include "articles/DocumentListDock.h"

#include "articles/ArticleCopiesLoader.h"
#include "articles/ArticleCopiesPanel.h"
#include "articles/ArticleListColumns.h"
#include "models/DocumentListModel.h"
#include "models/ModelRoles.h"
#include "project/Project.h"
#include "reliability/ArticleAgreementLoader.h"
#include "storage/StoreError.h"
#include "study/Assignments.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>
#include <QPainter>
#include <QIcon>
#include <QPixmap>

namespace newscoder {

namespace {

// Two overlapping sheets: the article has copies in the project.
QIcon copiesBadge()
{
    static const QIcon icon = [] {
        QPixmap pixmap(16, 16);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        const QColor ink(0x35, 0x6a, 0xb0);
        painter.setPen(QPen(ink, 1.2));
        painter.setBrush(QColor(0xdd, 0xe8, 0xf6));
        painter.drawRoundedRect(QRectF(1.5, 1.5, 9, 10.5), 1.5, 1.5);
        painter.setBrush(Qt::white);
        painter.drawRoundedRect(QRectF(5.5, 4.5, 9, 10.5), 1.5, 1.5);
        return QIcon(pixmap);
    }();
    return icon;
}

// Matches the filter words against title and outlet (all words must match).
class DocumentFilterProxy final : public QSortFilterProxyModel
{
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

    void setWords(const QString &text)
    {
        m_words = text.split(u' ', Qt::SkipEmptyParts);
        invalidateRowsFilter();
    }

    void setIncompleteOnly(bool on)
    {
        m_incompleteOnly = on;
        invalidateRowsFilter();
    }

    void setMineOnly(bool on)
    {
        m_mineOnly = on;
        invalidateRowsFilter();
    }
    bool mineOnly() const { return m_mineOnly; }

    // The duplicate badge: articles with copies get an icon and a tooltip line in the title column.
    void setCopyCounts(QHash<QUuid, int> counts)
    {
        m_copyCounts = std::move(counts);
        if (rowCount() > 0)
            Q_EMIT dataChanged(index(0, DocumentListModel::TitleColumn),
                               index(rowCount() - 1, DocumentListModel::TitleColumn),
                               {Qt::DecorationRole, Qt::ToolTipRole});
    }
    int copyCount(const QModelIndex &index) const
    {
        const QModelIndex source = mapToSource(index);
        return source.isValid() ? m_copyCounts.value(
                                      static_cast<const DocumentListModel *>(sourceModel())->documentId(source.row()))
                                : 0;
    }

    QVariant data(const QModelIndex &index, int role) const override
    {
        if (index.column() == DocumentListModel::TitleColumn
            && (role == Qt::DecorationRole || role == Qt::ToolTipRole)) {
            if (const int copies = copyCount(index); copies > 0) {
                if (role == Qt::DecorationRole)
                    return copiesBadge();
                const QString tip = QSortFilterProxyModel::data(index, role).toString();
                const QString line = copies == 1 ? DocumentListDock::tr("1 copy of this article in the project")
                                                 : DocumentListDock::tr("%1 copies of this article in the project")
                                                       .arg(copies);
                return tip.isEmpty() ? line : tip + u'\n' + line;
            }
        }
        return QSortFilterProxyModel::data(index, role);
    }

protected:
    bool filterAcceptsRow(int row, const QModelIndex &parent) const override
    {
        if (m_incompleteOnly
            && sourceModel()->index(row, DocumentListModel::MissingColumn, parent).data(SortRole).toInt() <= 0)
            return false;
        if (m_mineOnly
            && !static_cast<const DocumentListModel *>(sourceModel())->isAssigned(
                static_cast<const DocumentListModel *>(sourceModel())->documentId(row)))
            return false;
        if (m_words.isEmpty())
            return true;
        const QString haystack =
            sourceModel()->index(row, DocumentListModel::TitleColumn, parent).data().toString() + u' '
            + sourceModel()->index(row, DocumentListModel::OutletColumn, parent).data().toString() + u' '
            + sourceModel()->index(row, DocumentListModel::DateColumn, parent).data().toString();
        for (const QString &word : m_words) {
            if (!haystack.contains(word, Qt::CaseInsensitive))
                return false;
        }
        return true;
    }

private:
    QStringList m_words;
    bool m_incompleteOnly = false;
    bool m_mineOnly = false;
    QHash<QUuid, int> m_copyCounts;
};

} // namespace

DocumentListDock::DocumentListDock(QWidget *parent) : QDockWidget(tr("Articles"), parent)
{
    setObjectName(QStringLiteral("documentListDock"));
    auto *body = new QWidget(this);
    auto *layout = new QVBoxLayout(body);
    layout->setContentsMargins(4, 4, 4, 4);
    m_filter = new QLineEdit(body);
    m_filter->setObjectName(QStringLiteral("documentFilter"));
    m_filter->setPlaceholderText(tr("Filter by title, outlet or date…"));
    m_filter->setClearButtonEnabled(true);
    m_incompleteOnly = new QCheckBox(tr("Incomplete only"), body);
    m_incompleteOnly->setObjectName(QStringLiteral("incompleteOnly"));
    m_incompleteOnly->setToolTip(tr("Only articles where you have not given every required value yet"));
    m_count = new QLabel(body);
    m_count->setObjectName(QStringLiteral("documentCount"));
    m_view = new QTableView(body);
    m_view->setObjectName(QStringLiteral("documentTable"));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setSortingEnabled(true);
    m_view->setWordWrap(false);
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    m_view->setEditTriggers(QAbstractItemView::EditKeyPressed | QAbstractItemView::SelectedClicked);
    m_scope = new QComboBox(body);
    m_scope->setObjectName(QStringLiteral("articleScope"));
    m_scope->addItems({tr("All articles"), tr("My articles")});
    m_scope->setToolTip(tr("My articles: the articles assigned to you"));
    m_progress = new QLabel(body);
    m_progress->setObjectName(QStringLiteral("myProgress"));
    m_progress->setWordWrap(true); // never widens a narrow list
    m_progress->setToolTip(tr("Your assigned articles: marked done / assigned, and those where a required value "
                              "is still missing"));
    auto *scopeRow = new QHBoxLayout;
    scopeRow->addWidget(m_scope);
    scopeRow->addWidget(m_progress, 1);
    auto *filterRow = new QHBoxLayout;
    filterRow->addWidget(m_filter, 1);
    filterRow->addWidget(m_incompleteOnly);
    layout->addLayout(scopeRow);
    layout->addLayout(filterRow);
    layout->addWidget(m_view, 3);
    layout->addWidget(m_count);
    m_copiesPanel = new ArticleCopiesPanel(body);
    layout->addWidget(m_copiesPanel, 1);
    connect(m_copiesPanel, &ArticleCopiesPanel::openArticle, this, &DocumentListDock::selectDocument);
    m_markDone = new QAction(tr("Mark &Done"), this);
    m_markDone->setObjectName(QStringLiteral("actionMarkDone"));
    m_markDone->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_D));
    m_markDone->setShortcutContext(Qt::WindowShortcut);
    m_markDone->setStatusTip(tr("Mark the selected articles assigned to you done"));
    m_markNotDone = new QAction(tr("Mark &Not Done"), this);
    m_markNotDone->setObjectName(QStringLiteral("actionMarkNotDone"));
    m_markNotDone->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D));
    m_markNotDone->setShortcutContext(Qt::WindowShortcut);
    m_markNotDone->setStatusTip(tr("Mark the selected articles assigned to you as still to do"));
    addAction(m_markDone);
    addAction(m_markNotDone);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_view->addAction(m_markDone);
    m_view->addAction(m_markNotDone);
    connect(m_markDone, &QAction::triggered, this, [this] { markSelected(true); });
    connect(m_markNotDone, &QAction::triggered, this, [this] { markSelected(false); });
    setWidget(body);
    m_columns = new ArticleListColumns(m_view);

    auto *proxy = new DocumentFilterProxy(this);
    proxy->setSortRole(SortRole);
    m_proxy = proxy;
    connect(m_filter, &QLineEdit::textChanged, this, [this, proxy](const QString &text) {
        proxy->setWords(text);
        updateCount();
    });
    connect(m_incompleteOnly, &QCheckBox::toggled, this, [this, proxy](bool on) {
        proxy->setIncompleteOnly(on);
        updateCount();
    });
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &DocumentListDock::updateCount);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &DocumentListDock::updateCount);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &DocumentListDock::updateCount);
    connect(m_scope, &QComboBox::currentIndexChanged, this, [this, proxy](int index) {
        proxy->setMineOnly(index == MyArticles);
        updateCount();
        updateStudy();
    });
    updateStudy();
}

void DocumentListDock::setModel(DocumentListModel *model)
{
    if (m_model)
        m_model->disconnect(this);
    delete m_agreement;
    m_agreement = nullptr;
    delete m_copies;
    m_copies = nullptr;
    static_cast<DocumentFilterProxy *>(m_proxy)->setCopyCounts({});
    m_copiesPanel->setCopies({});
    m_model = model;
    m_proxy->setSourceModel(model);
    m_view->setModel(model ? m_proxy : nullptr);
    if (model) {
        connect(model, &DocumentListModel::studyViewChanged, this, [this] {
            if (static_cast<DocumentFilterProxy *>(m_proxy)->mineOnly())
                static_cast<DocumentFilterProxy *>(m_proxy)->setMineOnly(true); // assignments changed
            updateCount();
            updateStudy();
        });
        connect(model, &QAbstractItemModel::dataChanged, this, [this](const QModelIndex &, const QModelIndex &bottom) {
            if (bottom.column() >= DocumentListModel::MissingColumn)
                updateStudy(); // the progress counts missing values
        });
        m_agreement = new ArticleAgreementLoader(model, this);
        m_copies = new ArticleCopiesLoader(model->project(), this);
        connect(m_copies, &ArticleCopiesLoader::finished, this, [this] {
            QHash<QUuid, int> counts;
            for (auto it = m_copies->copies().cbegin(); it != m_copies->copies().cend(); ++it)
                counts.insert(it.key(), int(it.value().size()));
            static_cast<DocumentFilterProxy *>(m_proxy)->setCopyCounts(std::move(counts));
            m_copiesPanel->setCopies(m_copies->copies());
        });
        m_columns->watchModel();
        m_view->sortByColumn(DocumentListModel::DateColumn, Qt::AscendingOrder);
        connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
                [this](const QModelIndex &current) {
                    m_copiesPanel->setCurrentArticle(current.isValid() ? current.data(IdRole).toUuid() : QUuid());
                    Q_EMIT currentDocumentChanged(current.isValid() ? current.data(IdRole).toUuid() : QUuid());
                });
        connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
                &DocumentListDock::updateActions);
    }
    updateCount();
    updateStudy();
}

void DocumentListDock::setScope(Scope scope)
{
    m_scope->setCurrentIndex(scope);
}

DocumentListDock::Scope DocumentListDock::scope() const
{
    return Scope(m_scope->currentIndex());
}

void DocumentListDock::updateStudy()
{
    const bool mine = m_model && m_model->assignedCount() > 0;
    // Outside a study (nothing assigned to this coder) the list looks as it always did.
    m_scope->setVisible(mine || scope() == MyArticles);
    if (m_model && (mine || scope() == MyArticles)) {
        const QString progress = study::progressText(m_model->myProgress());
        m_progress->setText(progress.isEmpty() ? tr("nothing assigned to you") : progress);
        m_progress->show();
    } else {
        m_progress->clear();
        m_progress->hide();
    }
    const bool showDone = mine;
    const bool showAgreement = m_model && !m_model->agreementHidden() && m_model->hasAgreements();
    bool changed = false;
    if (m_view->isColumnHidden(DocumentListModel::DoneColumn) == showDone) {
        m_view->setColumnHidden(DocumentListModel::DoneColumn, !showDone);
        changed = true;
    }
    if (m_view->isColumnHidden(DocumentListModel::AgreementColumn) == showAgreement) {
        m_view->setColumnHidden(DocumentListModel::AgreementColumn, !showAgreement);
        changed = true;
    }
    if (changed)
        m_columns->fit();
    updateActions();
}

void DocumentListDock::updateActions()
{
    bool any = false;
    if (m_model && !m_model->project().isReadOnly()) {
        for (const QUuid &id : selectedDocuments())
            any = any || m_model->isAssigned(id);
    }
    m_markDone->setEnabled(any);
    m_markNotDone->setEnabled(any);
}

bool DocumentListDock::markSelected(bool done)
{
    if (!m_model)
        return false;
    Project &project = m_model->project();
    QList<QUuid> mine;
    for (const QUuid &id : selectedDocuments()) {
        if (m_model->isAssigned(id))
            mine.append(id);
    }
    if (mine.isEmpty()) {
        Q_EMIT statusMessage(tr("None of the selected articles is assigned to you."));
        return false;
    }
    if (project.isReadOnly()) {
        Q_EMIT statusMessage(tr("The project is open read-only."));
        return false;
    }
    study::StudyPlan plan;
    try {
        plan = study::planMarkDone(project.reader(), project.coderName(), mine, done, QDateTime::currentDateTimeUtc());
    } catch (const StoreError &e) {
        Q_EMIT statusMessage(e.message());
        return false;
    }
    if (!plan.error.isEmpty()) {
        Q_EMIT statusMessage(plan.error);
        return false;
    }
    if (plan.redo.isEmpty()) {
        Q_EMIT statusMessage(done ? tr("Already marked done.") : tr("Not marked done."));
        return true;
    }
    if (!project.commitStudyChange(plan.text, std::move(plan.redo), std::move(plan.undo))) {
        Q_EMIT statusMessage(project.lastError());
        return false;
    }
    Q_EMIT statusMessage(done ? tr("%n article(s) marked done.", nullptr, int(mine.size()))
                              : tr("%n article(s) marked not done.", nullptr, int(mine.size())));
    return true;
}

void DocumentListDock::updateCount()
{
    const int shown = m_model ? m_proxy->rowCount() : 0;
    const int total = m_model ? m_model->rowCount() : 0;
    m_count->setText(shown == total ? tr("%n article(s)", nullptr, total)
                                    : tr("%1 of %2 articles").arg(shown).arg(total));
}

void DocumentListDock::selectDocument(const QUuid &documentId)
{
    if (!m_model)
        return;
    const QModelIndex index = m_proxy->mapFromSource(m_model->indexOf(documentId));
    if (!index.isValid())
        return;
    m_view->setCurrentIndex(index);
    m_view->scrollTo(index);
}

QUuid DocumentListDock::currentDocument() const
{
    const QModelIndex current = m_view->currentIndex();
    return current.isValid() ? current.data(IdRole).toUuid() : QUuid();
}

QList<QUuid> DocumentListDock::selectedDocuments() const
{
    QList<QUuid> ids;
    if (!m_view->selectionModel())
        return ids;
    for (const QModelIndex &index : m_view->selectionModel()->selectedRows())
        ids.append(index.data(IdRole).toUuid());
    return ids;
}

} // namespace newscoder
