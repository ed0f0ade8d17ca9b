#include "review/ReviewDock.h"

#include "project/Project.h"
#include "review/Adjudication.h"
#include "review/ConsensusAgreement.h"
#include "storage/StoreError.h"
#include "study/Assignments.h"
#include "study/BlindCoding.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMainWindow>
#include <QProgressBar>
#include <QPushButton>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace newscoder {

namespace {

enum Column { ArticleColumn, KindColumn, AColumn, BColumn, StatusColumn, ColumnCount };
constexpr int IndexRole = Qt::UserRole + 1;

QString excerpt(const QString &text, const Annotation &a)
{
    QString quoted = text.mid(a.start, a.length()).simplified();
    if (quoted.size() > 60)
        quoted = quoted.left(57) + QStringLiteral("…");
    return quoted;
}

QString kindLabel(review::ItemKind kind)
{
    switch (kind) {
    case review::ItemKind::Agreement:
        return ReviewDock::tr("agree");
    case review::ItemKind::OnlyOne:
        return ReviewDock::tr("only one");
    case review::ItemKind::Boundary:
        return ReviewDock::tr("boundaries");
    case review::ItemKind::Code:
        return ReviewDock::tr("code");
    case review::ItemKind::Fields:
        return ReviewDock::tr("fields");
    case review::ItemKind::Variable:
        return ReviewDock::tr("variable");
    }
    return {};
}

} // namespace

// What the worker hands back: the report, article titles and each side's text.
struct ReviewDock::Loaded
{
    int generation = 0;
    review::ReviewReport report;
    QHash<QUuid, QString> titles;
    QList<QPair<QString, QString>> sideTexts; // per item: A's and B's column text
};

ReviewDock::ReviewDock(QWidget *parent) : QDockWidget(tr("Review Coders"), parent)
{
    setObjectName(QStringLiteral("reviewDock"));
    auto *body = new QWidget(this);
    auto *layout = new QVBoxLayout(body);

    auto *pick = new QHBoxLayout;
    m_coderA = new QComboBox(body);
    m_coderA->setAccessibleName(tr("First coder"));
    m_coderB = new QComboBox(body);
    m_coderB->setAccessibleName(tr("Second coder"));
    m_openOnly = new QCheckBox(tr("Open only"), body);
    m_openOnly->setToolTip(tr("Hide agreements and the items already decided"));
    m_openOnly->setChecked(true);
    pick->addWidget(new QLabel(tr("Compare"), body));
    pick->addWidget(m_coderA, 1);
    pick->addWidget(new QLabel(tr("with"), body));
    pick->addWidget(m_coderB, 1);
    m_code = new QComboBox(body); // filter by code: all, or one code (its sub-codes are other codes)
    m_code->setAccessibleName(tr("Code"));
    m_code->setToolTip(tr("Only the items of this code"));
    pick->addWidget(m_code, 1);
    pick->addWidget(m_openOnly);
    layout->addLayout(pick);

    m_summary = new QLabel(body);
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);
    m_busy = new QProgressBar(body);
    m_busy->setRange(0, 0);
    m_busy->setMaximumHeight(6);
    m_busy->setTextVisible(false);
    m_busy->hide();
    layout->addWidget(m_busy);

    m_items = new QTreeWidget(body);
    m_items->setColumnCount(ColumnCount);
    m_items->setHeaderLabels({tr("Article"), tr("Difference"), tr("First coder"), tr("Second coder"), tr("Status")});
    m_items->setRootIsDecorated(false);
    m_items->setUniformRowHeights(true);
    m_items->setAlternatingRowColors(true);
    m_items->header()->setStretchLastSection(false);
    m_items->header()->setSectionResizeMode(AColumn, QHeaderView::Stretch);
    m_items->header()->setSectionResizeMode(BColumn, QHeaderView::Stretch);
    m_items->setAccessibleName(tr("Review items"));
    layout->addWidget(m_items, 1);

    m_detail = new QLabel(body);
    m_detail->setWordWrap(true);
    m_detail->setTextFormat(Qt::RichText);
    layout->addWidget(m_detail);
    m_memo = new QLineEdit(body);
    m_memo->setPlaceholderText(tr("Rationale (optional, goes into the decision log)"));
    m_memo->setAccessibleName(tr("Rationale"));
    layout->addWidget(m_memo);

    auto *buttons = new QHBoxLayout;
    m_acceptA = new QPushButton(body);
    m_acceptB = new QPushButton(body);
    m_both = new QPushButton(tr("&Both"), body);
    m_both->setToolTip(tr("Both versions go into the consensus"));
    m_reject = new QPushButton(tr("&Neither"), body);
    m_reject->setToolTip(tr("Neither coder was right: the consensus records the absence"));
    m_agreements = new QPushButton(tr("Accept All &Agreements"), body);
    m_agreements->setToolTip(tr("Copy every item both coders agree on into the consensus, in one step"));
    for (QPushButton *b : {m_acceptA, m_acceptB, m_both, m_reject})
        buttons->addWidget(b);
    buttons->addStretch(1);
    buttons->addWidget(m_agreements);
    layout->addLayout(buttons);
    setWidget(body);

    m_next = new QAction(tr("&Next Disagreement"), this);
    m_next->setObjectName(QStringLiteral("actionNextDisagreement"));
    m_next->setShortcut(QKeySequence(Qt::Key_F9));
    m_previous = new QAction(tr("Previous Disa&greement"), this);
    m_previous->setObjectName(QStringLiteral("actionPreviousDisagreement"));
    m_previous->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F9));
    connect(m_next, &QAction::triggered, this, [this] { stepDisagreement(true); });
    connect(m_previous, &QAction::triggered, this, [this] { stepDisagreement(false); });

    m_refreshTimer = new QTimer(this);
    m_refreshTimer->setSingleShot(true);
    m_refreshTimer->setInterval(300);
    connect(m_refreshTimer, &QTimer::timeout, this, &ReviewDock::refresh);

    connect(m_coderA, &QComboBox::currentIndexChanged, this, [this] { refresh(); });
    connect(m_coderB, &QComboBox::currentIndexChanged, this, [this] { refresh(); });
    connect(m_code, &QComboBox::currentIndexChanged, this, [this] { refresh(); });
    connect(m_openOnly, &QCheckBox::toggled, this, &ReviewDock::rebuildRows);
    connect(this, &QDockWidget::visibilityChanged, this, [this](bool visible) {
        if (visible && m_consensusView) // the coder's own view computes when shown
            refresh();
    });
    connect(m_items, &QTreeWidget::currentItemChanged, this, &ReviewDock::showSelection);
    connect(m_acceptA, &QPushButton::clicked, this,
            [this] { decide(QStringLiteral("accept:") + m_coderA->currentText()); });
    connect(m_acceptB, &QPushButton::clicked, this,
            [this] { decide(QStringLiteral("accept:") + m_coderB->currentText()); });
    connect(m_both, &QPushButton::clicked, this, [this] { decide(QStringLiteral("both")); });
    connect(m_reject, &QPushButton::clicked, this, [this] { decide(QStringLiteral("reject")); });
    connect(m_agreements, &QPushButton::clicked, this, &ReviewDock::acceptAgreements);
    updateButtons();
}

ReviewDock::~ReviewDock() = default;

void ReviewDock::setProject(Project *project)
{
    if (m_project)
        disconnect(m_project, nullptr, this, nullptr);
    m_project = project;
    m_report = {};
    m_items->clear();
    if (project) {
        const auto later = [this] { m_refreshTimer->start(); };
        connect(project, &Project::studyChanged, this, later);
        connect(project, &Project::annotationsInserted, this, later);
        connect(project, &Project::annotationsRemoved, this, later);
        connect(project, &Project::annotationChanged, this, later);
        connect(project, &Project::valuesChanged, this, later);
        connect(project, &Project::documentTextChanged, this, later);
        connect(project, &Project::codesChanged, this, &ReviewDock::fillCodes);
    }
    fillCodes();
    fillCoders();
    refresh();
    Q_EMIT projectChanged(project);
}

void ReviewDock::fillCodes()
{
    const QString kept = m_code->currentIndex() > 0 ? m_code->currentText() : QString();
    const QSignalBlocker quiet(m_code);
    m_code->clear();
    m_code->addItem(tr("All codes"));
    if (m_project) {
        for (const Code &code : m_project->codes())
            m_code->addItem(code.name);
    }
    m_code->setCurrentIndex(std::max(0, m_code->findText(kept)));
}

Project *ReviewDock::project() const
{
    return m_project;
}

void ReviewDock::setConsensusView(bool on)
{
    m_consensusView = on;
    setWindowTitle(on ? tr("My Differences From the Consensus") : tr("Review Coders"));
    m_openOnly->setText(on ? tr("Differences only") : tr("Open only"));
    for (QWidget *w : std::initializer_list<QWidget *>{m_memo, m_acceptA, m_acceptB, m_both, m_reject, m_agreements})
        w->setVisible(!on);
    fillCoders();
    refresh();
}

bool ReviewDock::comparesConsensus() const
{
    return !m_consensus.isEmpty()
           && (m_coderA->currentText() == m_consensus || m_coderB->currentText() == m_consensus);
}

void ReviewDock::fillCoders()
{
    const QSignalBlocker blockA(m_coderA);
    const QSignalBlocker blockB(m_coderB);
    const QString a = m_coderA->currentText();
    const QString b = m_coderB->currentText();
    m_coderA->clear();
    m_coderB->clear();
    if (!m_project)
        return;
    QStringList names;
    m_consensus.clear();
    try {
        for (const Coder &c : m_project->reader().coders()) {
            if (c.role == CoderRole::Coder)
                names << c.name;
        }
        if (const auto consensus = study::consensusCoder(m_project->reader()))
            m_consensus = consensus->name;
    } catch (const StoreError &e) {
        Q_EMIT statusMessage(e.message());
    }
    const QString me = m_project->coderName();
    const bool mine = names.contains(me); // the current coder is a coder (not the lead)
    if (m_consensusView || study::hidesOtherCoders(*m_project)) { // only me against the consensus
        if (mine && !m_consensus.isEmpty()) {
            m_coderA->addItem(me);
            m_coderB->addItem(m_consensus);
        }
        return;
    }
    QStringList withConsensus = names;
    if (!m_consensus.isEmpty())
        withConsensus << m_consensus;
    m_coderA->addItems(withConsensus);
    m_coderB->addItems(withConsensus);
    if (a.isEmpty() && mine && !m_consensus.isEmpty()) { // a coder's first look: me vs Consensus
        m_coderA->setCurrentText(me);
        m_coderB->setCurrentText(m_consensus);
        return;
    }
    m_coderA->setCurrentIndex(std::max(0, int(withConsensus.indexOf(a))));
    m_coderB->setCurrentIndex(withConsensus.contains(b) ? int(withConsensus.indexOf(b))
                                                        : std::min(1, int(withConsensus.size()) - 1));
}

void ReviewDock::refresh()
{
    if (!m_project || (m_consensusView && !isVisible())) // the coder's own view computes when shown
        return;
    fillCoders(); // coders come and go (the consensus appears with the first decision); the pair is kept
    startLoading();
}

void ReviewDock::startLoading()
{
    if (m_loading) {
        m_reloadWhenDone = true;
        return;
    }
    if (m_coderA->count() == 0 || m_coderB->count() == 0 || m_coderA->currentText() == m_coderB->currentText()) {
        m_items->clear();
        m_report = {};
        const bool onlyMine = m_consensusView || study::hidesOtherCoders(*m_project);
        m_summary->setText(onlyMine ? tr("Your tags against the consensus appear here once the lead has adjudicated "
                                         "your articles (and you code under your own name).")
                           : m_coderA->count() == 0 ? tr("Review needs two coders who coded the same articles.")
                                                    : tr("Choose two different coders."));
        updateButtons();
        return;
    }
    m_loading = true;
    m_busy->show();
    const int generation = ++m_generation;
    const ReaderSource source = m_project->reader().readerSource();
    review::ReviewRequest request{m_coderA->currentText(), m_coderB->currentText(), {}, {}, true};
    if (m_code->currentIndex() > 0)
        request.codes = {m_code->currentText()};
    // Against the consensus: only the adjudicated articles that were the coder's.
    const QString consensus = comparesConsensus() ? m_consensus : QString();
    const QString coder = consensus == request.coderA ? request.coderB : request.coderA;
    auto *watcher = new QFutureWatcher<Loaded>(this);
    connect(watcher, &QFutureWatcher<Loaded>::finished, this, [this, watcher] {
        watcher->deleteLater();
        m_loading = false;
        m_busy->hide();
        const Loaded result = watcher->result();
        if (m_reloadWhenDone) {
            m_reloadWhenDone = false;
            startLoading();
            return;
        }
        if (result.generation == m_generation)
            finishLoading(result);
    });
    watcher->setFuture(QtConcurrent::run([source, request, generation, consensus, coder]() mutable {
        Loaded loaded;
        loaded.generation = generation;
        try {
            const auto store = source.open();
            if (!consensus.isEmpty()) {
                const auto c = store->coderByName(consensus);
                const auto other = store->coderByName(coder);
                if (c && other)
                    request.documents =
                        review::coderShareOf(*store, other->id, review::adjudicatedDocuments(*store, c->id));
                if (request.documents.isEmpty())
                    return loaded; // nothing adjudicated of theirs yet: nothing to show
            }
            loaded.report = review::computeReview(*store, request);
            for (const DocumentSummary &d : store->documentSummaries())
                loaded.titles.insert(d.id, d.title);
            QUuid textOf;
            QString text;
            for (const review::ReviewItem &item : std::as_const(loaded.report.items)) {
                if (item.documentId != textOf) {
                    textOf = item.documentId;
                    text = store->documentText(textOf);
                }
                const auto sideText = [&](const review::ReviewSide &side) {
                    if (side.annotation) {
                        const auto code = store->code(side.annotation->codeId);
                        return QStringLiteral("%1: “%2”").arg(code ? code->name : QString(),
                                                              excerpt(text, *side.annotation));
                    }
                    QStringList values;
                    for (const FieldValue &v : side.values)
                        values << (v.text.isEmpty() ? QStringLiteral("(link)") : v.text);
                    return values.isEmpty() ? QStringLiteral("—") : values.join(QStringLiteral(", "));
                };
                loaded.sideTexts.append({sideText(item.a), sideText(item.b)});
            }
        } catch (const StoreError &e) {
            loaded.report.error = e.message();
        }
        return loaded;
    }));
}

void ReviewDock::finishLoading(const Loaded &result)
{
    m_report = result.report;
    m_titles = result.titles;
    m_sideTexts = result.sideTexts;
    rebuildRows();
    Q_EMIT loaded();
}

void ReviewDock::rebuildRows()
{
    const review::ReviewItem *selected = selectedItem();
    if (selected && m_keepSelected.isEmpty())
        m_keepSelected = selected->id;
    const QSignalBlocker block(m_items);
    m_items->clear();
    if (!m_report.error.isEmpty()) {
        m_summary->setText(m_report.error);
        updateButtons();
        return;
    }
    int disagreements = 0, decided = 0, open = 0;
    QSet<QUuid> articlesOpen;
    QTreeWidgetItem *toSelect = nullptr;
    for (qsizetype i = 0; i < m_report.items.size(); ++i) {
        const review::ReviewItem &item = m_report.items[i];
        const bool isOpen = item.isDisagreement() && !item.isDecided();
        disagreements += item.isDisagreement() ? 1 : 0;
        decided += item.isDecided() ? 1 : 0;
        if (isOpen) {
            ++open;
            articlesOpen.insert(item.documentId);
        }
        if (m_openOnly->isChecked() && !isOpen)
            continue;
        auto *row = new QTreeWidgetItem(m_items);
        row->setText(ArticleColumn, m_titles.value(item.documentId));
        row->setText(KindColumn, kindLabel(item.kind));
        row->setText(AColumn, m_sideTexts.value(i).first);
        row->setText(BColumn, m_sideTexts.value(i).second);
        row->setText(StatusColumn, comparesConsensus() ? (item.isDisagreement() ? tr("differs") : tr("agreement"))
                                   : item.isDecided()    ? tr("decided: %1").arg(item.decision->decision)
                                   : item.isReopened() ? tr("reopened")
                                   : item.isDisagreement() ? tr("open")
                                                           : tr("agreement"));
        row->setToolTip(KindColumn, item.differences.join(QStringLiteral(", ")));
        row->setData(ArticleColumn, IndexRole, int(i));
        if (item.id == m_keepSelected)
            toSelect = row;
    }
    if (comparesConsensus()) {
        m_summary->setText(tr("%1 adjudicated article(s) · %2 of %3 item(s) differ from the consensus")
                               .arg(m_report.documents.size())
                               .arg(disagreements)
                               .arg(m_report.items.size()));
    } else {
        m_summary->setText(tr("%1 article(s) compared · %2 disagreement(s), %3 decided, %4 open · articles adjudicated "
                              "%5 of %6")
                               .arg(m_report.documents.size())
                               .arg(disagreements)
                               .arg(decided)
                               .arg(open)
                               .arg(m_report.documents.size() - articlesOpen.size())
                               .arg(m_report.documents.size()));
    }
    m_items->resizeColumnToContents(KindColumn);
    m_items->resizeColumnToContents(StatusColumn);
    m_items->setColumnWidth(ArticleColumn, std::max(160, m_items->viewport()->width() / 5));
    if (!toSelect && m_items->topLevelItemCount() > 0)
        toSelect = m_items->topLevelItem(0);
    m_keepSelected.clear();
    m_items->setCurrentItem(toSelect);
    showSelection();
}

const review::ReviewItem *ReviewDock::selectedItem() const
{
    const QTreeWidgetItem *row = m_items->currentItem();
    if (!row)
        return nullptr;
    const int index = row->data(ArticleColumn, IndexRole).toInt();
    return index >= 0 && index < m_report.items.size() ? &m_report.items[index] : nullptr;
}

void ReviewDock::showSelection()
{
    updateButtons();
    const review::ReviewItem *item = selectedItem();
    if (!item) {
        m_detail->clear();
        return;
    }
    QStringList lines;
    for (const review::FieldDifference &f : item->fields) {
        const auto show = [](const QList<FieldValue> &values) {
            QStringList out;
            for (const FieldValue &v : values)
                out << (v.text.isEmpty() ? QStringLiteral("(link)") : v.text.toHtmlEscaped());
            return out.isEmpty() ? QStringLiteral("—") : out.join(QStringLiteral(", "));
        };
        lines << tr("<b>%1</b>: %2 / %3").arg(f.field.toHtmlEscaped(), show(f.a), show(f.b));
    }
    if (item->differences.contains(QLatin1String("boundary")))
        lines << tr("Boundaries: %1–%2 / %3–%4")
                     .arg(item->a.annotation->start)
                     .arg(item->a.annotation->end)
                     .arg(item->b.annotation->start)
                     .arg(item->b.annotation->end);
    if (item->decision && !item->decision->memo.isEmpty())
        lines << tr("Decided by %1: <i>%2</i>").arg(item->decision->decidedBy.toHtmlEscaped(),
                                                    item->decision->memo.toHtmlEscaped());
    m_detail->setText(lines.join(QStringLiteral("<br>")));
    const auto span = item->a.annotation ? item->a.annotation : item->b.annotation;
    if (span) {
        int start = span->start, end = span->end;
        for (const review::ReviewSide *side : {&item->a, &item->b}) {
            if (side->annotation) {
                start = std::min(start, side->annotation->start);
                end = std::max(end, side->annotation->end);
            }
        }
        Q_EMIT openRequested(item->documentId, start, end);
    } else {
        Q_EMIT openRequested(item->documentId, -1, -1);
    }
}

void ReviewDock::updateButtons()
{
    const review::ReviewItem *item = selectedItem();
    // Nothing to decide against the consensus itself.
    const bool editable = m_project && !m_project->isReadOnly() && !comparesConsensus() && !m_consensusView;
    m_acceptA->setText(tr("Accept %1").arg(m_coderA->currentText()));
    m_acceptB->setText(tr("Accept %1").arg(m_coderB->currentText()));
    const bool span = item && (item->a.annotation || item->b.annotation);
    m_acceptA->setEnabled(editable && item && (!span || item->a.annotation));
    m_acceptB->setEnabled(editable && item && (!span || item->b.annotation));
    m_both->setEnabled(editable && item && (!span || (item->a.annotation && item->b.annotation)));
    m_reject->setEnabled(editable && item);
    m_agreements->setEnabled(editable && !m_report.items.isEmpty());
}

bool ReviewDock::commitPlan(study::StudyPlan plan)
{
    if (!plan.error.isEmpty()) {
        m_detail->setText(QStringLiteral("<span style='color:#b00020'>%1</span>").arg(plan.error.toHtmlEscaped()));
        Q_EMIT statusMessage(plan.error);
        return false;
    }
    if (!m_project->commitStudyChange(plan.text, std::move(plan.redo), std::move(plan.undo))) {
        Q_EMIT statusMessage(m_project->lastError());
        return false;
    }
    m_memo->clear();
    refresh();
    return true;
}

bool ReviewDock::decide(const QString &decision)
{
    const review::ReviewItem *item = selectedItem();
    if (!m_project || !item)
        return false;
    // After deciding, go on with the next open item.
    const int row = m_items->indexOfTopLevelItem(m_items->currentItem());
    const QTreeWidgetItem *next = m_items->topLevelItem(row + 1);
    if (next)
        m_keepSelected = m_report.items.value(next->data(ArticleColumn, IndexRole).toInt()).id;
    const QString by = m_project->coderName().isEmpty() ? tr("lead") : m_project->coderName();
    return commitPlan(review::planDecision(m_project->reader(), *item, decision, m_memo->text().trimmed(), by,
                                           QDateTime::currentDateTimeUtc()));
}

bool ReviewDock::acceptAgreements()
{
    if (!m_project)
        return false;
    const QString by = m_project->coderName().isEmpty() ? tr("lead") : m_project->coderName();
    study::StudyPlan plan =
        review::planAcceptAgreements(m_project->reader(), m_report.items, by, QDateTime::currentDateTimeUtc());
    const qsizetype count = plan.redo.insertDecisions.size();
    if (!commitPlan(std::move(plan)))
        return false;
    Q_EMIT statusMessage(tr("%1 agreement(s) accepted into the consensus.").arg(count));
    return true;
}

bool ReviewDock::stepDisagreement(bool forward)
{
    const int count = m_items->topLevelItemCount();
    if (count == 0)
        return false;
    // Nothing selected yet: the first (last) open disagreement, not the one after an unseen current row.
    QTreeWidgetItem *at = m_items->currentItem();
    const int current = at && at->isSelected() ? m_items->indexOfTopLevelItem(at) : (forward ? -1 : count);
    for (int step = 1; step <= count; ++step) {
        const int row = ((forward ? current + step : current - step) % count + count) % count;
        QTreeWidgetItem *candidate = m_items->topLevelItem(row);
        const review::ReviewItem &item = m_report.items[candidate->data(ArticleColumn, IndexRole).toInt()];
        if (item.isDisagreement() && !item.isDecided()) {
            m_items->setCurrentItem(candidate);
            return true;
        }
    }
    Q_EMIT statusMessage(tr("No open disagreement."));
    return false;
}

} // namespace newscoder
