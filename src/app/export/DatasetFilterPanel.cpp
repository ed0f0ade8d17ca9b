#include "export/DatasetFilterPanel.h"

#include "project/Project.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QRadioButton>
#include <QSpinBox>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace newscoder {

namespace {

constexpr int PathRole = Qt::UserRole + 1;

QString codePath(const QHash<QUuid, const Code *> &byId, const Code &code)
{
    QStringList path{code.name};
    QSet<QUuid> seen{code.id};
    for (const Code *p = byId.value(code.parentId); p && !seen.contains(p->id); p = byId.value(p->parentId)) {
        seen.insert(p->id);
        path.prepend(p->name);
    }
    return path.join(u'/');
}

QPixmap swatch(const QColor &color)
{
    QPixmap pixmap(12, 12);
    pixmap.fill(color.isValid() ? color : QColor(Qt::gray));
    return pixmap;
}

} // namespace

DatasetFilterPanel::DatasetFilterPanel(const Project &project, const ExportContext &context, QWidget *parent)
    : QWidget(parent), m_selection(context.selectedDocuments)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);

    auto *articles = new QGroupBox(tr("Articles"));
    auto *articlesLayout = new QVBoxLayout(articles);
    m_allArticles = new QRadioButton(tr("All articles"));
    m_allArticles->setObjectName(QStringLiteral("allArticles"));
    m_selectedArticles = new QRadioButton(m_selection.size() == 1
                                              ? tr("The article selected in the article list")
                                              : tr("The %1 articles selected in the article list").arg(m_selection.size()));
    m_selectedArticles->setObjectName(QStringLiteral("selectedArticles"));
    m_selectedArticles->setEnabled(!m_selection.isEmpty());
    (m_selection.size() > 1 ? m_selectedArticles : m_allArticles)->setChecked(true);
    articlesLayout->addWidget(m_allArticles);
    articlesLayout->addWidget(m_selectedArticles);
    layout->addWidget(articles);

    auto *coders = new QGroupBox(tr("Coders"));
    auto *codersLayout = new QVBoxLayout(coders);
    m_coders = new QListWidget;
    m_coders->setObjectName(QStringLiteral("coderList"));
    QStringList names;
    for (const Coder &c : project.reader().coders())
        names.append(c.name);
    names.sort(Qt::CaseInsensitive);
    const bool onlyOne = !context.coder.isEmpty() && names.contains(context.coder);
    for (const QString &name : names) {
        auto *item = new QListWidgetItem(name, m_coders);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(!onlyOne || name == context.coder ? Qt::Checked : Qt::Unchecked);
    }
    const int shownCoders = int(qBound(qsizetype(2), names.size(), qsizetype(4)));
    m_coders->setFixedHeight(qMax(m_coders->sizeHintForRow(0), m_coders->fontMetrics().height() + 4) * shownCoders
                             + 2 * m_coders->frameWidth());
    codersLayout->addWidget(m_coders);
    if (names.isEmpty())
        codersLayout->addWidget(new QLabel(tr("Nobody has coded yet.")));
    layout->addWidget(coders);

    auto *codes = new QGroupBox(tr("Codes"));
    auto *codesLayout = new QVBoxLayout(codes);
    auto *codeChoice = new QHBoxLayout;
    m_allCodes = new QRadioButton(tr("All codes"));
    m_allCodes->setObjectName(QStringLiteral("allCodes"));
    m_chosenCodes = new QRadioButton(tr("Only the ticked codes"));
    m_chosenCodes->setObjectName(QStringLiteral("chosenCodes"));
    m_allCodes->setChecked(true);
    codeChoice->addWidget(m_allCodes);
    codeChoice->addWidget(m_chosenCodes);
    codeChoice->addStretch();
    codesLayout->addLayout(codeChoice);
    m_codes = new QTreeWidget;
    m_codes->setObjectName(QStringLiteral("codeTree"));
    m_codes->setHeaderHidden(true);
    m_codes->setRootIsDecorated(false);
    m_codes->setIndentation(14);
    fillCodes(project, context.currentCode);
    m_codes->setMinimumHeight((m_codes->fontMetrics().height() + 6) * 6);
    codesLayout->addWidget(m_codes);
    m_subCodes = new QCheckBox(tr("With their sub-codes"));
    m_subCodes->setObjectName(QStringLiteral("subCodes"));
    m_subCodes->setChecked(true);
    codesLayout->addWidget(m_subCodes);
    layout->addWidget(codes, 1);

    auto *more = new QGroupBox(tr("Also"));
    auto *moreLayout = new QVBoxLayout(more);
    m_suggestions = new QCheckBox(tr("Suggestions not yet accepted"));
    m_suggestions->setObjectName(QStringLiteral("suggestions"));
    m_uncoded = new QCheckBox(tr("Articles nobody coded (articles table, JSON Lines)"));
    m_uncoded->setObjectName(QStringLiteral("uncoded"));
    auto *contextRow = new QHBoxLayout;
    m_context = new QSpinBox;
    m_context->setObjectName(QStringLiteral("context"));
    m_context->setRange(0, 100000);
    m_context->setValue(100);
    m_context->setSuffix(tr(" characters"));
    m_context->setToolTip(tr("Text before and after each segment (context_before, context_after)"));
    auto *contextLabel = new QLabel(tr("Context each side:"));
    contextLabel->setBuddy(m_context);
    contextRow->addWidget(contextLabel);
    contextRow->addWidget(m_context);
    contextRow->addStretch();
    moreLayout->addWidget(m_suggestions);
    moreLayout->addWidget(m_uncoded);
    moreLayout->addLayout(contextRow);
    layout->addWidget(more);

    for (QRadioButton *b : {m_allArticles, m_selectedArticles, m_allCodes, m_chosenCodes})
        connect(b, &QRadioButton::toggled, this, &DatasetFilterPanel::changed);
    connect(m_chosenCodes, &QRadioButton::toggled, m_codes, &QWidget::setEnabled);
    connect(m_chosenCodes, &QRadioButton::toggled, m_subCodes, &QWidget::setEnabled);
    m_codes->setEnabled(false);
    m_subCodes->setEnabled(false);
    connect(m_coders, &QListWidget::itemChanged, this, &DatasetFilterPanel::changed);
    connect(m_codes, &QTreeWidget::itemChanged, this, &DatasetFilterPanel::changed);
    for (QCheckBox *b : {m_subCodes, m_suggestions, m_uncoded})
        connect(b, &QCheckBox::toggled, this, &DatasetFilterPanel::changed);
    connect(m_context, &QSpinBox::valueChanged, this, &DatasetFilterPanel::changed);
}

void DatasetFilterPanel::fillCodes(const Project &project, const QUuid &current)
{
    const QList<Code> &all = project.codes();
    QHash<QUuid, const Code *> byId;
    for (const Code &c : all)
        byId.insert(c.id, &c);
    QHash<QUuid, QTreeWidgetItem *> items;
    for (const Code &c : all) { // tree order: a parent comes before its sub-codes
        if (c.unit != CodeUnit::Span)
            continue;
        QTreeWidgetItem *parent = items.value(c.parentId);
        auto *item = parent ? new QTreeWidgetItem(parent) : new QTreeWidgetItem(m_codes);
        item->setText(0, c.name);
        item->setIcon(0, QIcon(swatch(c.color)));
        item->setData(0, PathRole, codePath(byId, c));
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(0, c.id == current ? Qt::Checked : Qt::Unchecked);
        items.insert(c.id, item);
    }
    m_codes->expandAll();
    m_codes->setRootIsDecorated(std::any_of(items.cbegin(), items.cend(), [](const QTreeWidgetItem *i) {
        return i->childCount() > 0;
    }));
}

dataset::Filter DatasetFilterPanel::filter() const
{
    dataset::Filter f;
    if (m_selectedArticles->isChecked())
        f.documents = m_selection;
    QStringList coders;
    bool everyone = true;
    for (int i = 0; i < m_coders->count(); ++i) {
        if (m_coders->item(i)->checkState() == Qt::Checked)
            coders.append(m_coders->item(i)->text());
        else
            everyone = false;
    }
    if (!everyone)
        f.coders = coders;
    if (m_chosenCodes->isChecked()) {
        for (QTreeWidgetItemIterator it(m_codes); *it; ++it) {
            if ((*it)->checkState(0) == Qt::Checked)
                f.codes.append((*it)->data(0, PathRole).toString());
        }
    }
    f.withSubCodes = m_subCodes->isChecked();
    f.includeSuggestions = m_suggestions->isChecked();
    f.uncodedArticles = m_uncoded->isChecked();
    f.contextCharacters = m_context->value();
    return f;
}

void DatasetFilterPanel::setRememberedChoices(const dataset::Filter &filter)
{
    m_subCodes->setChecked(filter.withSubCodes);
    m_suggestions->setChecked(filter.includeSuggestions);
    m_uncoded->setChecked(filter.uncodedArticles);
    m_context->setValue(filter.contextCharacters);
}

QString DatasetFilterPanel::problem() const
{
    const dataset::Filter f = filter();
    bool anyCoder = m_coders->count() == 0;
    for (int i = 0; i < m_coders->count(); ++i)
        anyCoder = anyCoder || m_coders->item(i)->checkState() == Qt::Checked;
    if (!anyCoder)
        return tr("Tick at least one coder.");
    if (m_chosenCodes->isChecked() && f.codes.isEmpty())
        return tr("Tick at least one code, or choose all codes.");
    return {};
}

void DatasetFilterPanel::setApplicable(bool context, bool uncoded)
{
    m_context->setEnabled(context);
    m_uncoded->setEnabled(uncoded);
}

void DatasetFilterPanel::tickCoders(const QStringList &names)
{
    for (int i = 0; i < m_coders->count(); ++i)
        m_coders->item(i)->setCheckState(names.contains(m_coders->item(i)->text()) ? Qt::Checked : Qt::Unchecked);
}

void DatasetFilterPanel::tickCodes(const QStringList &paths)
{
    for (QTreeWidgetItemIterator it(m_codes); *it; ++it)
        (*it)->setCheckState(0, paths.contains((*it)->data(0, PathRole).toString()) ? Qt::Checked : Qt::Unchecked);
}

} // namespace newscoder
