#include "search/SearchDock.h"

#include "coding/SuggestionsPanel.h"
#include "common/BackgroundTask.h"

#include "models/AnnotationTableModel.h"
#include "project/Project.h"
#include "search/CorpusSearch.h"
#include "search/MemoSearch.h"
#include "storage/StoreError.h"
#include "study/BlindCoding.h"

#include <QAbstractTextDocumentLayout>
#include <QCheckBox>
#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QStyledItemDelegate>
#include <QTextDocument>
#include <QTextEdit>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace newscoder {

namespace {

constexpr int MaxShownHits = 2000;
constexpr int DocumentRole = Qt::UserRole + 1;
constexpr int StartRole = Qt::UserRole + 2;
constexpr int EndRole = Qt::UserRole + 3;

// Paints an item's text as rich text (the hit in bold inside its snippet).
class RichTextDelegate final : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QStyleOptionViewItem opt = option;
        initStyleOption(&opt, index);
        const QString html = opt.text;
        opt.text.clear();
        opt.widget->style()->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);
        QTextDocument doc;
        doc.setDefaultFont(opt.font);
        doc.setDocumentMargin(2);
        doc.setHtml(html);
        painter->save();
        painter->translate(opt.rect.topLeft());
        painter->setClipRect(QRect(QPoint(0, 0), opt.rect.size()));
        QAbstractTextDocumentLayout::PaintContext context;
        context.palette = opt.palette;
        if (opt.state & QStyle::State_Selected)
            context.palette.setColor(QPalette::Text, opt.palette.color(QPalette::HighlightedText));
        doc.documentLayout()->draw(painter, context);
        painter->restore();
    }
};

QString snippetHtml(const SearchHit &hit)
{
    const QString &s = hit.snippet;
    return s.left(hit.snippetHitStart).toHtmlEscaped() + QStringLiteral("<b>")
        + s.mid(hit.snippetHitStart, hit.snippetHitEnd - hit.snippetHitStart).toHtmlEscaped() + QStringLiteral("</b>")
        + s.mid(hit.snippetHitEnd).toHtmlEscaped();
}

std::function<void(int)> g_workerProgressHook; // tests only (setWorkerProgressHook)

// "1 hit", "3 hits" (English only, like the rest of the user interface).
QString count(int n, const QString &one, const QString &many)
{
    return QStringLiteral("%1 %2").arg(n).arg(n == 1 ? one : many);
}

} // namespace

struct SearchDock::Outcome
{
    bool memos = false;
    bool forCoding = false;
    QUuid codeId;
    CorpusSearchResult corpus;
    MemoSearchResult memo;
};

SearchDock::SearchDock(QWidget *parent) : QDockWidget(tr("Search"), parent)
{
    setObjectName(QStringLiteral("searchDock"));
    buildUi();
    m_task = new BackgroundTask(this); // destroyed with the dock: cancelled, its result dropped
    m_task->setDeliversWhenCancelled(true); // "Cancelled after 12 articles: …"
    connect(m_task, &BackgroundTask::progressed, this, [this](qint64 done, qint64 total) {
        if (total <= 0)
            return;
        m_progress->setMaximum(int(total));
        m_progress->setValue(int(done));
    });
    updateButtons();
}

SearchDock::~SearchDock() = default;

void SearchDock::buildUi()
{
    auto *body = new QWidget(this);
    auto *splitter = new QSplitter(Qt::Vertical, body);

    auto *searchPart = new QWidget(splitter);
    auto *grid = new QGridLayout(searchPart);
    grid->setContentsMargins(4, 4, 4, 4);
    m_pattern = new QLineEdit(searchPart);
    m_pattern->setObjectName(QStringLiteral("searchPattern"));
    m_pattern->setPlaceholderText(tr("Find…"));
    m_pattern->setClearButtonEnabled(true);
    m_scope = new QComboBox(searchPart);
    m_scope->setObjectName(QStringLiteral("searchScope"));
    m_scope->addItems({tr("Current article"), tr("Whole corpus"), tr("Memos")});
    m_scope->setCurrentIndex(Corpus);
    m_findButton = new QPushButton(tr("Find"), searchPart);
    m_findButton->setDefault(true);
    m_cancelButton = new QPushButton(tr("Cancel"), searchPart);
    m_regex = new QCheckBox(tr("Regex"), searchPart);
    m_wholeWord = new QCheckBox(tr("Whole word"), searchPart);
    m_case = new QCheckBox(tr("Case"), searchPart);
    m_case->setToolTip(tr("Case sensitive"));
    m_sentences = new QCheckBox(tr("Sentences"), searchPart);
    m_sentences->setToolTip(tr("Each hit becomes the sentence around it"));
    m_progress = new QProgressBar(searchPart);
    m_progress->setTextVisible(false);
    m_progress->setMaximumHeight(8);
    m_progress->hide();
    m_summary = new QLabel(searchPart);
    m_summary->setObjectName(QStringLiteral("searchSummary"));
    m_summary->setWordWrap(true);
    m_hits = new QTreeWidget(searchPart);
    m_hits->setObjectName(QStringLiteral("searchHits"));
    m_hits->setHeaderLabels({tr("Article"), tr("Hit")});
    m_hits->setRootIsDecorated(false);
    m_hits->setUniformRowHeights(true);
    m_hits->setItemDelegateForColumn(1, new RichTextDelegate(m_hits));
    m_hits->header()->resizeSection(0, 150);
    m_code = new QComboBox(searchPart);
    m_code->setObjectName(QStringLiteral("codeHitsCode"));
    m_codeSentences = new QCheckBox(tr("their sentences"), searchPart);
    m_codeButton = new QPushButton(tr("Code hits as"), searchPart);
    m_codeButton->setToolTip(tr("Add every hit (not only the ones shown) as a suggestion of this code"));

    // Two rows of options and of coding, so that nothing is clipped in a narrow panel.
    auto *options = new QGridLayout;
    options->addWidget(m_regex, 0, 0);
    options->addWidget(m_wholeWord, 0, 1);
    options->addWidget(m_case, 1, 0);
    options->addWidget(m_sentences, 1, 1);
    options->setColumnStretch(2, 1);
    m_code->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_code->setMinimumContentsLength(8);
    auto *coding = new QGridLayout;
    coding->addWidget(m_codeButton, 0, 0);
    coding->addWidget(m_code, 0, 1);
    coding->addWidget(m_codeSentences, 1, 1);
    coding->setColumnStretch(1, 1);
    // Buttons in their own column, the scope under the pattern: the panel fits
    // the narrow right-hand column without squeezing the article.
    m_scope->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_scope->setMinimumContentsLength(10);
    grid->addWidget(m_pattern, 0, 0, 1, 2);
    grid->addWidget(m_findButton, 0, 2);
    grid->addWidget(m_scope, 1, 0, 1, 2);
    grid->addWidget(m_cancelButton, 1, 2);
    grid->addLayout(options, 2, 0, 1, 3);
    grid->addWidget(m_progress, 3, 0, 1, 3);
    grid->addWidget(m_summary, 4, 0, 1, 3);
    grid->addWidget(m_hits, 5, 0, 1, 3);
    grid->setRowStretch(5, 1);
    grid->addLayout(coding, 6, 0, 1, 3);

    m_suggestionsPanel = new SuggestionsPanel(splitter);

    splitter->addWidget(searchPart);
    splitter->addWidget(m_suggestionsPanel);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 3);
    auto *layout = new QVBoxLayout(body);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);
    setWidget(body);

    connect(m_pattern, &QLineEdit::returnPressed, this, &SearchDock::find);
    connect(m_findButton, &QPushButton::clicked, this, &SearchDock::find);
    connect(m_cancelButton, &QPushButton::clicked, this, &SearchDock::cancel);
    connect(m_pattern, &QLineEdit::textChanged, this, &SearchDock::updateButtons);
    connect(m_scope, &QComboBox::currentIndexChanged, this, &SearchDock::updateButtons);
    connect(m_codeButton, &QPushButton::clicked, this,
            [this] { codeHitsAs(m_code->currentData().toUuid(), m_codeSentences->isChecked()); });
    connect(m_hits, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        const QUuid doc = item->data(0, DocumentRole).toUuid();
        if (!doc.isNull())
            Q_EMIT openRequested(doc, item->data(0, StartRole).toInt(), item->data(0, EndRole).toInt());
    });
    connect(m_suggestionsPanel, &SuggestionsPanel::openRequested, this, &SearchDock::openRequested);
    connect(m_suggestionsPanel, &SuggestionsPanel::refreshed, this, &SearchDock::suggestionsRefreshed);
}

void SearchDock::setProject(Project *project, AnnotationTableModel *currentArticle)
{
    m_task->abandon(); // the worker finishes on its own; its result is dropped
    m_progress->hide();
    m_busyCoding = false;
    if (m_project)
        m_project->disconnect(this);
    m_project = project;
    m_article = currentArticle;
    m_hits->clear();
    m_summary->clear();
    if (m_project)
        connect(m_project, &Project::codesChanged, this, &SearchDock::refreshCodes);
    m_suggestionsPanel->setProject(project, currentArticle);
    refreshCodes();
    updateButtons();
}

void SearchDock::refreshCodes()
{
    const QUuid previous = m_code->currentData().toUuid();
    m_code->clear();
    if (!m_project)
        return;
    for (const Code &code : m_project->codes()) {
        QPixmap swatch(12, 12);
        swatch.fill(code.color);
        m_code->addItem(QIcon(swatch), code.name, code.id);
    }
    const int index = m_code->findData(previous);
    if (index >= 0)
        m_code->setCurrentIndex(index);
}

void SearchDock::setScope(Scope scope)
{
    m_scope->setCurrentIndex(scope);
}

QUuid SearchDock::currentDocument() const
{
    return m_article ? m_article->documentId() : QUuid();
}

SearchOptions SearchDock::options() const
{
    SearchOptions o;
    o.pattern = m_pattern->text();
    o.mode = m_regex->isChecked() ? SearchMode::Regex : SearchMode::Plain;
    o.wholeWord = m_wholeWord->isChecked();
    o.caseSensitive = m_case->isChecked();
    o.expandToSentence = m_sentences->isChecked();
    return o;
}

bool SearchDock::isBusy() const
{
    return m_task->isRunning();
}

void SearchDock::updateButtons()
{
    const bool open = m_project != nullptr;
    const bool busy = isBusy();
    const bool writable = open && !m_project->isReadOnly();
    const Scope scope = Scope(m_scope->currentIndex());
    m_findButton->setEnabled(open && !busy && !m_pattern->text().isEmpty());
    m_cancelButton->setEnabled(busy);
    m_codeButton->setEnabled(writable && !busy && !m_pattern->text().isEmpty() && scope != Memos
                             && m_code->count() > 0);
}

void SearchDock::find()
{
    if (!m_project || isBusy())
        return;
    const SearchOptions o = options();
    const TextSearcher searcher(o);
    if (!searcher.isValid()) {
        m_summary->setText(searcher.error());
        return;
    }
    const Scope scope = Scope(m_scope->currentIndex());
    if (scope == CurrentArticle) {
        // One article: small enough for the UI thread.
        Outcome outcome;
        const QUuid doc = currentDocument();
        if (doc.isNull()) {
            m_hits->clear();
            m_summary->setText(tr("Open an article first."));
            Q_EMIT searchFinished();
            return;
        }
        const QString text = m_article->text();
        const QList<SearchHit> hits = searcher.find(text);
        QString title;
        try {
            if (const auto summary = m_project->reader().documentSummary(doc))
                title = summary->title;
        } catch (const StoreError &) {
            // the title is only shown
        }
        for (qsizetype i = 0; i < hits.size() && i < MaxShownHits; ++i)
            outcome.corpus.hits.append({doc, title, hits[i]});
        outcome.corpus.totalHits = int(hits.size());
        outcome.corpus.documentsSearched = 1;
        outcome.corpus.documentsWithHits = hits.isEmpty() ? 0 : 1;
        outcome.corpus.truncated = hits.size() > MaxShownHits;
        showHits(outcome);
        return;
    }
    startWorker(o, scope == Memos, MaxShownHits, false, {});
}

void SearchDock::startWorker(const SearchOptions &options, bool memos, int maxHits, bool forCoding,
                             const QUuid &codeId)
{
    const ReaderSource source = m_project->reader().readerSource();
    m_busyCoding = forCoding;
    m_summary->setText(forCoding ? tr("Finding the hits to code…") : tr("Searching…"));
    m_progress->setRange(0, 0);
    m_progress->show();
    // Blind coding: a coder's memo search leaves out other coders' annotation memos.
    const std::optional<QUuid> onlyCoder = study::onlyVisibleCoder(*m_project);
    m_task->start(
        [source, options, memos, maxHits, forCoding, codeId, onlyCoder](Progress &progress) {
            Outcome outcome;
            outcome.memos = memos;
            outcome.forCoding = forCoding;
            outcome.codeId = codeId;
            try {
                // A store belongs to the thread that opened it: the worker reads
                // through its own read-only connection.
                const auto store = source.open();
                if (memos) {
                    outcome.memo = searchMemos(*store, options, progress.cancelFlag(), onlyCoder);
                } else {
                    outcome.corpus = searchCorpus(
                        *store, options,
                        [&progress, hook = g_workerProgressHook](int done, int total) {
                            progress.report(done, total);
                            if (hook)
                                hook(done);
                        },
                        progress.cancelFlag(), maxHits);
                }
            } catch (const StoreError &e) {
                outcome.corpus.error = outcome.memo.error = e.message();
            }
            return outcome;
        },
        [this](const Outcome &outcome) { finishWorker(outcome); });
    updateButtons();
}

void SearchDock::setWorkerProgressHook(std::function<void(int done)> hook)
{
    g_workerProgressHook = std::move(hook);
}

void SearchDock::cancel()
{
    m_task->cancel();
}

void SearchDock::finishWorker(const Outcome &outcome)
{
    m_progress->hide();
    m_busyCoding = false;
    if (outcome.forCoding)
        addSuggestionsFrom(outcome, outcome.codeId);
    else
        showHits(outcome);
    updateButtons();
}

void SearchDock::showHits(const Outcome &outcome)
{
    m_hits->clear();
    QList<QTreeWidgetItem *> items;
    if (outcome.memos) {
        const MemoSearchResult &r = outcome.memo;
        for (const MemoHit &h : r.hits) {
            auto *item = new QTreeWidgetItem;
            item->setText(0, QStringLiteral("%1: %2").arg(memoKindName(h.memo.kind), h.memo.owner));
            item->setToolTip(0, item->text(0));
            item->setText(1, snippetHtml(h.hit));
            item->setToolTip(1, h.memo.memo.left(1000));
            item->setData(0, DocumentRole, h.memo.documentId);
            item->setData(0, StartRole, -1);
            item->setData(0, EndRole, -1);
            items.append(item);
        }
        if (!r.error.isEmpty())
            m_summary->setText(r.error);
        else
            m_summary->setText((r.cancelled ? tr("Cancelled. ") : QString())
                               + tr("%1 match (of %2 searched).")
                                     .arg(count(int(r.hits.size()), tr("memo"), tr("memos")))
                                     .arg(r.memosSearched));
    } else {
        const CorpusSearchResult &r = outcome.corpus;
        for (const CorpusHit &h : r.hits) {
            auto *item = new QTreeWidgetItem;
            item->setText(0, h.documentTitle);
            item->setToolTip(0, h.documentTitle);
            item->setText(1, snippetHtml(h.hit));
            item->setToolTip(1, h.hit.text.left(1000));
            item->setData(0, DocumentRole, h.documentId);
            item->setData(0, StartRole, h.hit.start);
            item->setData(0, EndRole, h.hit.end);
            items.append(item);
        }
        QString text;
        if (!r.error.isEmpty()) {
            text = r.error;
        } else {
            text = tr("%1 in %2").arg(count(r.totalHits, tr("hit"), tr("hits")),
                                      count(r.documentsWithHits, tr("article"), tr("articles")));
            if (r.truncated)
                text += u' ' + tr("(showing the first %1)").arg(r.hits.size());
            if (r.cancelled)
                text = tr("Cancelled after %1 articles: ").arg(r.documentsSearched) + text;
        }
        m_summary->setText(text);
    }
    m_hits->addTopLevelItems(items);
    Q_EMIT searchFinished();
}

void SearchDock::codeHitsAs(const QUuid &codeId, bool sentences)
{
    if (!m_project || isBusy() || codeId.isNull())
        return;
    SearchOptions o = options();
    o.expandToSentence = o.expandToSentence || sentences;
    const TextSearcher searcher(o);
    if (!searcher.isValid()) {
        m_summary->setText(searcher.error());
        return;
    }
    const Scope scope = Scope(m_scope->currentIndex());
    if (scope == Memos)
        return;
    if (scope == CurrentArticle) {
        const QUuid doc = currentDocument();
        if (doc.isNull()) {
            m_summary->setText(tr("Open an article first."));
            return;
        }
        Outcome outcome;
        outcome.forCoding = true;
        for (const TextSpan &span : searcher.findSpans(m_article->text())) {
            SearchHit hit;
            hit.start = span.start;
            hit.end = span.end;
            outcome.corpus.hits.append({doc, QString(), hit});
        }
        outcome.corpus.totalHits = int(outcome.corpus.hits.size());
        addSuggestionsFrom(outcome, codeId);
        return;
    }
    startWorker(o, false, 0, true, codeId);
}

void SearchDock::addSuggestionsFrom(const Outcome &outcome, const QUuid &codeId)
{
    const CorpusSearchResult &r = outcome.corpus;
    if (!r.error.isEmpty()) {
        m_summary->setText(r.error);
        Q_EMIT codingFinished(0);
        return;
    }
    if (r.cancelled) {
        m_summary->setText(tr("Cancelled: nothing was coded."));
        Q_EMIT codingFinished(0);
        return;
    }
    if (!m_project) {
        Q_EMIT codingFinished(0);
        return;
    }
    QList<SuggestedSpan> spans;
    spans.reserve(r.hits.size());
    for (const CorpusHit &h : r.hits)
        spans.append({h.documentId, codeId, h.hit.start, h.hit.end});
    const auto added = m_project->addSuggestions(spans);
    if (!added) {
        m_summary->setText(m_project->lastError());
        Q_EMIT codingFinished(0);
        return;
    }
    const auto code = m_project->code(codeId);
    m_summary->setText(tr("%1 of “%2” added").arg(count(int(added->size()), tr("suggestion"), tr("suggestions")),
                                                   code ? code->name : QString())
                       + (spans.size() > added->size()
                              ? u' ' + tr("(%1 already coded)").arg(spans.size() - added->size())
                              : QString())
                       + QStringLiteral(" — ") + tr("review them below; Undo removes them all."));
    m_suggestionsPanel->refresh();
    Q_EMIT codingFinished(int(added->size()));
}

void SearchDock::setSuggestionScope(SuggestionScope scope)
{
    m_suggestionsPanel->setScope(SuggestionsPanel::Scope(scope));
}

void SearchDock::acceptSelectedSuggestions(bool accept)
{
    m_suggestionsPanel->acceptSelected(accept);
}

void SearchDock::acceptAllSuggestions(bool accept)
{
    m_suggestionsPanel->acceptAll(accept);
}

QTreeWidget *SearchDock::suggestionList() const
{
    return m_suggestionsPanel->list();
}

QLabel *SearchDock::suggestionSummary() const
{
    return m_suggestionsPanel->summary();
}

void SearchDock::revealSpan(QTextEdit *view, int start, int end)
{
    if (!view || start < 0)
        return;
    const int last = view->document()->characterCount() - 1;
    QTextCursor cursor(view->document());
    cursor.setPosition(qBound(0, start, last));
    cursor.setPosition(qBound(0, end, last), QTextCursor::KeepAnchor);
    view->setTextCursor(cursor);
    view->ensureCursorVisible();
}

} // namespace newscoder
