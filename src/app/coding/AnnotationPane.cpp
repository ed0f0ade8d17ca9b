#include "coding/AnnotationPane.h"

#include "coding/AnnotationFieldForm.h"
#include "coding/CodeDelegate.h"
#include "models/AnnotationTableModel.h"
#include "models/DocumentDetailsModel.h"
#include "models/ModelRoles.h"
#include "project/Project.h"

#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace newscoder {

namespace {

QTableView *makeTable(QWidget *parent, const QString &name)
{
    auto *table = new QTableView(parent);
    table->setObjectName(name);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setAlternatingRowColors(true);
    table->setWordWrap(false);
    table->verticalHeader()->hide();
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 8);
    table->horizontalHeader()->setHighlightSections(false);
    table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                           | QAbstractItemView::AnyKeyPressed);
    return table;
}

QLabel *makeHeading(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    QFont bold = label->font();
    bold.setBold(true);
    label->setFont(bold);
    return label;
}

} // namespace

AnnotationPane::AnnotationPane(Project &project, AnnotationTableModel &annotations, DocumentDetailsModel &details,
                               QWidget *parent)
    : QWidget(parent), m_project(project), m_annotations(annotations)
{
    setObjectName(QStringLiteral("annotationPane"));
    auto *splitter = new QSplitter(Qt::Vertical, this);

    auto *top = new QWidget(splitter);
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    m_heading = makeHeading(tr("Annotations"), top);
    m_annotationTable = makeTable(top, QStringLiteral("annotationTable"));
    m_annotationTable->setModel(&annotations);
    m_annotationTable->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_annotationTable->setItemDelegateForColumn(AnnotationTableModel::CodeColumn,
                                                new CodeDelegate(project, m_annotationTable));
    auto *header = m_annotationTable->horizontalHeader();
    header->setSectionResizeMode(AnnotationTableModel::CodeColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(AnnotationTableModel::TextColumn, QHeaderView::Stretch);
    // The text gets the room; coder and memo are readable in full in their tooltips and the form.
    header->setSectionResizeMode(AnnotationTableModel::CoderColumn, QHeaderView::Interactive);
    header->resizeSection(AnnotationTableModel::CoderColumn, 90);
    header->setSectionResizeMode(AnnotationTableModel::MemoColumn, QHeaderView::Interactive);
    header->resizeSection(AnnotationTableModel::MemoColumn, 90);
    m_annotationTable->viewport()->installEventFilter(this);
    // The code column sizes itself to its contents once the rows are laid out: the others follow it.
    const auto fitLater = [this] {
        QMetaObject::invokeMethod(this, &AnnotationPane::fitColumns, Qt::QueuedConnection);
    };
    connect(&annotations, &QAbstractItemModel::modelReset, this, fitLater);
    connect(&annotations, &QAbstractItemModel::rowsInserted, this, fitLater);
    connect(&annotations, &QAbstractItemModel::dataChanged, this, fitLater);
    topLayout->addWidget(m_heading);
    topLayout->addWidget(m_annotationTable);

    auto *middle = new QWidget(splitter);
    auto *middleLayout = new QVBoxLayout(middle);
    middleLayout->setContentsMargins(0, 0, 0, 0);
    m_form = new AnnotationFieldForm(project, annotations, middle);
    middleLayout->addWidget(m_form);

    auto *bottom = new QWidget(splitter);
    auto *bottomLayout = new QVBoxLayout(bottom);
    bottomLayout->setContentsMargins(0, 0, 0, 0);
    m_detailsTable = makeTable(bottom, QStringLiteral("detailsTable"));
    m_detailsTable->setModel(&details);
    m_detailsTable->setSelectionMode(QAbstractItemView::SingleSelection);
    m_detailsTable->horizontalHeader()->setSectionResizeMode(DocumentDetailsModel::FieldColumn,
                                                            QHeaderView::ResizeToContents);
    m_detailsTable->horizontalHeader()->setStretchLastSection(true);
    bottomLayout->addWidget(makeHeading(tr("Article details"), bottom));
    bottomLayout->addWidget(m_detailsTable);

    splitter->addWidget(top);
    splitter->addWidget(middle);
    splitter->addWidget(bottom);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 3);
    splitter->setStretchFactor(2, 1);
    splitter->setCollapsible(1, false);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(splitter);

    connect(m_annotationTable->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                Q_EMIT currentAnnotationChanged(current.isValid() ? current.data(IdRole).toUuid() : QUuid());
            });
    // The form shows the current annotation while its row is selected.
    connect(m_annotationTable->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            [this] { m_form->setAnnotation(currentAnnotation()); });
    connect(m_annotationTable->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this] { m_form->setAnnotation(currentAnnotation()); });
    connect(m_form, &AnnotationFieldForm::followRequested, this, &AnnotationPane::followLinkRequested);
    connect(&annotations, &QAbstractItemModel::modelReset, this, &AnnotationPane::updateHeading);
    connect(&annotations, &QAbstractItemModel::rowsInserted, this, &AnnotationPane::updateHeading);
    connect(&annotations, &QAbstractItemModel::rowsRemoved, this, &AnnotationPane::updateHeading);
    // A new annotation becomes the current one, so it can be memo'd or deleted at once.
    connect(&annotations, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex &, int first, int last) {
        if (first == last)
            m_annotationTable->selectRow(first);
    });
    updateHeading();
}

void AnnotationPane::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    fitColumns();
}

bool AnnotationPane::eventFilter(QObject *watched, QEvent *event)
{
    // The table's own width changes without the pane's (a scroll bar comes or goes).
    if (watched == m_annotationTable->viewport() && event->type() == QEvent::Resize)
        QMetaObject::invokeMethod(this, &AnnotationPane::fitColumns, Qt::QueuedConnection);
    return QWidget::eventFilter(watched, event);
}

void AnnotationPane::fitColumns()
{
    // The quoted text keeps at least about half the table; coder and memo
    // (readable in full in their tooltips and the form) give way, down to 48 px.
    QHeaderView *header = m_annotationTable->horizontalHeader();
    const int width = m_annotationTable->viewport()->width();
    const int code = header->sectionSize(AnnotationTableModel::CodeColumn);
    const int side = qBound(48, (width / 2 - code) / 2, 110);
    header->resizeSection(AnnotationTableModel::CoderColumn, side);
    header->resizeSection(AnnotationTableModel::MemoColumn, side);
}

void AnnotationPane::updateHeading()
{
    m_heading->setText(tr("Annotations (%1)").arg(m_annotations.rowCount()));
}

QUuid AnnotationPane::currentAnnotation() const
{
    const QModelIndex current = m_annotationTable->currentIndex();
    return current.isValid() && m_annotationTable->selectionModel()->isRowSelected(current.row())
               ? current.data(IdRole).toUuid()
               : QUuid();
}

void AnnotationPane::selectAnnotation(const QUuid &annotationId)
{
    const int row = m_annotations.rowOf(annotationId);
    if (row < 0) {
        m_annotationTable->clearSelection();
        return;
    }
    m_annotationTable->selectRow(row);
    m_annotationTable->scrollTo(m_annotations.index(row, 0));
}

} // namespace newscoder
