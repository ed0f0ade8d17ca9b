#include "coding/SuggestionsPanel.h"
#include "common/BackgroundTask.h"

#include "models/AnnotationTableModel.h"
#include "project/Project.h"
#include "quotes/QuoteSuggestions.h"
#include "storage/StoreError.h"
#include "study/BlindCoding.h"
#include "text/ReviewFlags.h"

#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace newscoder {

// One suggestion of the corpus listing, read on the worker.
struct SuggestionRow
{
    Annotation annotation;
    QString title;
    QString text;
};

namespace {

constexpr int DocumentRole = Qt::UserRole + 1;
constexpr int StartRole = Qt::UserRole + 2;
constexpr int EndRole = Qt::UserRole + 3;
constexpr int AnnotationRole = Qt::UserRole + 4;

QString excerpt(const QString &text, int start, int end)
{
    QString quoted = text.mid(start, end - start).simplified();
    if (quoted.size() > 120)
        quoted = quoted.left(117) + QStringLiteral("…");
    return quoted;
}

QString suggestionCount(int n)
{
    return n == 1 ? QStringLiteral("1 suggestion") : QStringLiteral("%1 suggestions").arg(n);
}

// Worker thread: every suggestion of the project with its article title and text.
// `onlyCoder` set (blind coding): that coder's suggestions only.
QList<SuggestionRow> listSuggestions(const ProjectReader &store, const std::optional<QUuid> &onlyCoder)
{
    QList<SuggestionRow> rows;
    QList<Annotation> found;
    store.forEachAnnotation([&](const Annotation &a) {
        if (a.status == AnnotationStatus::Suggested && (!onlyCoder || a.coderId == *onlyCoder))
            found.append(a);
        return true;
    });
    QUuid document;
    QString title, text;
    for (const Annotation &a : std::as_const(found)) {
        if (a.documentId != document) {
            document = a.documentId;
            const auto summary = store.documentSummary(document);
            title = summary ? summary->title : QString();
            text = store.documentText(document);
        }
        rows.append({a, title, excerpt(text, a.start, a.end)});
    }
    return rows;
}

QTreeWidgetItem *itemFor(const Annotation &a, const QString &title, const QString &codeName, const QString &text)
{
    // ⚠: a text edit deleted or changed its text; "Accept all" leaves it for review.
    auto *item = new QTreeWidgetItem({title, codeName, a.reviewReason.isEmpty() ? text : QStringLiteral("⚠ ") + text});
    if (!a.reviewReason.isEmpty()) {
        item->setToolTip(2, reviewExplanation(a));
    } else if (const auto quote = readQuoteSuggestionMemo(a.memo)) { // the rule that fired, on hover
        item->setToolTip(1, quoteSuggestionSummary(*quote));
        item->setToolTip(2, quoteSuggestionSummary(*quote));
    }
    item->setData(0, DocumentRole, a.documentId);
    item->setData(0, StartRole, a.start);
    item->setData(0, EndRole, a.end);
    item->setData(0, AnnotationRole, a.id);
    return item;
}

} // namespace

SuggestionsPanel::SuggestionsPanel(QWidget *parent)
    : QGroupBox(tr("Suggestions"), parent), m_listing(new BackgroundTask(this))
{
    connect(m_listing, &BackgroundTask::failed, this,
            [this](const QString &error) { showListing({}, error); });
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    m_scope = new QComboBox(this);
    m_scope->setObjectName(QStringLiteral("suggestionScope"));
    m_scope->addItems({tr("This article"), tr("Whole corpus")});
    m_summary = new QLabel(this);
    auto *top = new QHBoxLayout;
    top->addWidget(m_scope);
    top->addWidget(m_summary, 1);
    m_list = new QTreeWidget(this);
    m_list->setObjectName(QStringLiteral("suggestionList"));
    m_list->setHeaderLabels({tr("Article"), tr("Code"), tr("Text")});
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_accept = new QPushButton(tr("Accept"), this);
    m_reject = new QPushButton(tr("Reject"), this);
    m_acceptAll = new QPushButton(tr("Accept all"), this);
    m_rejectAll = new QPushButton(tr("Reject all"), this);
    // Two by two, so that the panel fits the narrow right-hand column.
    auto *buttons = new QGridLayout;
    buttons->addWidget(m_accept, 0, 0);
    buttons->addWidget(m_reject, 0, 1);
    buttons->addWidget(m_acceptAll, 1, 0);
    buttons->addWidget(m_rejectAll, 1, 1);
    layout->addLayout(top);
    layout->addWidget(m_list);
    layout->addLayout(buttons);

    m_timer = new QTimer(this);
    m_timer->setSingleShot(true);
    m_timer->setInterval(150);
    connect(m_timer, &QTimer::timeout, this, &SuggestionsPanel::refresh);
    connect(m_list, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        Q_EMIT openRequested(item->data(0, DocumentRole).toUuid(), item->data(0, StartRole).toInt(),
                             item->data(0, EndRole).toInt());
    });
    connect(m_list, &QTreeWidget::itemSelectionChanged, this, &SuggestionsPanel::updateButtons);
    connect(m_scope, &QComboBox::currentIndexChanged, this, &SuggestionsPanel::refresh);
    connect(m_accept, &QPushButton::clicked, this, [this] { acceptSelected(true); });
    connect(m_reject, &QPushButton::clicked, this, [this] { acceptSelected(false); });
    connect(m_acceptAll, &QPushButton::clicked, this, [this] { acceptAll(true); });
    connect(m_rejectAll, &QPushButton::clicked, this, [this] { acceptAll(false); });
    updateButtons();
}

void SuggestionsPanel::setProject(Project *project, AnnotationTableModel *currentArticle)
{
    if (m_project)
        m_project->disconnect(this);
    if (m_article)
        m_article->disconnect(this);
    m_project = project;
    m_article = currentArticle;
    m_listing->abandon();
    m_list->clear();
    m_summary->clear();
    if (m_project) {
        connect(m_project, &Project::annotationsInserted, this, &SuggestionsPanel::scheduleRefresh);
        connect(m_project, &Project::annotationsRemoved, this, &SuggestionsPanel::scheduleRefresh);
        connect(m_project, &Project::annotationChanged, this, &SuggestionsPanel::scheduleRefresh);
        connect(m_project, &Project::documentTextChanged, this, &SuggestionsPanel::scheduleRefresh);
        connect(m_project, &Project::studyChanged, this, &SuggestionsPanel::scheduleRefresh); // blind coding
        connect(m_project, &Project::coderNameChanged, this, &SuggestionsPanel::scheduleRefresh);
    }
    if (m_article)
        connect(m_article, &QAbstractItemModel::modelReset, this, &SuggestionsPanel::scheduleRefresh);
    refresh();
}

void SuggestionsPanel::setScope(Scope scope)
{
    m_scope->setCurrentIndex(scope);
}

void SuggestionsPanel::scheduleRefresh()
{
    m_timer->start(); // coalesces the signals of a batch (accepting 500 suggestions)
}

void SuggestionsPanel::updateButtons()
{
    const bool writable = m_project && !m_project->isReadOnly();
    const bool any = m_list->topLevelItemCount() > 0;
    m_accept->setEnabled(writable && !m_list->selectedItems().isEmpty());
    m_reject->setEnabled(m_accept->isEnabled());
    m_acceptAll->setEnabled(writable && any);
    m_rejectAll->setEnabled(writable && any);
}

void SuggestionsPanel::refresh()
{
    m_timer->stop();
    m_listing->abandon(); // a newer listing wins
    if (!m_project) {
        m_list->clear();
        updateButtons();
        return;
    }
    if (Scope(m_scope->currentIndex()) == ArticleSuggestions) {
        m_list->clear();
        if (m_article && !m_article->documentId().isNull()) {
            QString title;
            try {
                if (const auto summary = m_project->reader().documentSummary(m_article->documentId()))
                    title = summary->title;
            } catch (const StoreError &) {
            }
            QList<QTreeWidgetItem *> items;
            const std::optional<QUuid> onlyCoder = study::onlyVisibleCoder(*m_project); // blind coding
            for (const Annotation &a : m_article->annotations()) {
                if (a.status != AnnotationStatus::Suggested || (onlyCoder && a.coderId != *onlyCoder))
                    continue;
                const auto code = m_project->code(a.codeId);
                items.append(itemFor(a, title, code ? code->name : QString(), excerpt(m_article->text(), a.start, a.end)));
            }
            m_list->addTopLevelItems(items);
        }
        m_summary->setText(suggestionCount(m_list->topLevelItemCount()));
        updateButtons();
        Q_EMIT refreshed();
        return;
    }
    // The whole corpus: read on a worker thread.
    m_summary->setText(tr("Reading…"));
    const ReaderSource source = m_project->reader().readerSource();
    const std::optional<QUuid> onlyCoder = study::onlyVisibleCoder(*m_project);
    m_listing->startReading(
        source,
        [onlyCoder](const ProjectReader &store, Progress &) { return listSuggestions(store, onlyCoder); },
        [this](const QList<SuggestionRow> &rows) { showListing(rows, QString()); });
}

void SuggestionsPanel::showListing(const QList<SuggestionRow> &rows, const QString &error)
{
    m_list->clear();
    QList<QTreeWidgetItem *> items;
    for (const SuggestionRow &row : rows) {
        const auto code = m_project ? m_project->code(row.annotation.codeId) : std::nullopt;
        items.append(itemFor(row.annotation, row.title, code ? code->name : QString(), row.text));
    }
    m_list->addTopLevelItems(items);
    m_summary->setText(error.isEmpty() ? suggestionCount(int(rows.size())) : error);
    updateButtons();
    Q_EMIT refreshed();
}

void SuggestionsPanel::acceptSelected(bool accept)
{
    if (!m_project)
        return;
    QList<QUuid> ids;
    for (QTreeWidgetItem *item : m_list->selectedItems())
        ids.append(item->data(0, AnnotationRole).toUuid());
    if (ids.isEmpty())
        return;
    // Chosen one by one and seen in the list: flagged ones are accepted too.
    if (accept ? m_project->acceptSuggestions(ids, Project::FlaggedSuggestions::Accept)
               : m_project->rejectSuggestions(ids))
        refresh();
}

void SuggestionsPanel::acceptAll(bool accept)
{
    if (!m_project)
        return;
    // The listed ones (no second scan of the project on the UI thread); ids
    // that stopped being suggestions meanwhile are ignored by the project.
    QList<QUuid> ids;
    for (int i = 0; i < m_list->topLevelItemCount(); ++i)
        ids.append(m_list->topLevelItem(i)->data(0, AnnotationRole).toUuid());
    if (ids.isEmpty())
        return;
    int skipped = 0; // accept all never accepts a suggestion a text edit flagged
    if (accept ? m_project->acceptSuggestions(ids, Project::FlaggedSuggestions::Skip, &skipped)
               : m_project->rejectSuggestions(ids))
        refresh();
    if (skipped > 0)
        m_summary->setText(tr("%1 flagged by a text edit left for review (⚠)").arg(skipped));
}

} // namespace newscoder
