#include "reliability/ReliabilitySelection.h"

#include "project/Project.h"
#include "storage/StoreError.h"

#include <QGroupBox>
#include <QHash>
#include <QListWidget>
#include <QPair>
#include <QRadioButton>
#include <QSet>
#include <QVBoxLayout>

namespace newscoder {

namespace {

constexpr int NameRole = Qt::UserRole + 1;

QStringList checkedNames(const QListWidget *list)
{
    QStringList names;
    for (int i = 0; i < list->count(); ++i) {
        if (list->item(i)->checkState() == Qt::Checked)
            names << list->item(i)->data(NameRole).toString();
    }
    return names;
}

// Refills `list` (name, shown label); keeps names that were unticked unticked, ticks new ones.
void refill(QListWidget *list, const QList<QPair<QString, QString>> &namesAndLabels)
{
    QSet<QString> unticked;
    for (int i = 0; i < list->count(); ++i) {
        if (list->item(i)->checkState() != Qt::Checked)
            unticked.insert(list->item(i)->data(NameRole).toString());
    }
    list->clear();
    for (const auto &[name, label] : namesAndLabels) {
        auto *item = new QListWidgetItem(label, list);
        item->setData(NameRole, name);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(unticked.contains(name) ? Qt::Unchecked : Qt::Checked);
    }
}

QGroupBox *boxed(const QString &title, QWidget *content)
{
    auto *box = new QGroupBox(title);
    auto *layout = new QVBoxLayout(box);
    layout->addWidget(content);
    return box;
}

} // namespace

ReliabilitySelection::ReliabilitySelection(Project &project, QWidget *parent) : QWidget(parent), m_project(project)
{
    m_coders = new QListWidget;
    m_coders->setObjectName(QStringLiteral("coderList"));
    m_codes = new QListWidget;
    m_codes->setObjectName(QStringLiteral("codeList"));
    m_allArticles = new QRadioButton(tr("All articles"));
    m_allArticles->setObjectName(QStringLiteral("allArticles"));
    m_allArticles->setChecked(true);
    m_selectedArticles = new QRadioButton;
    m_selectedArticles->setObjectName(QStringLiteral("selectedArticles"));
    auto *articles = new QGroupBox(tr("Articles"));
    auto *articlesLayout = new QVBoxLayout(articles);
    articlesLayout->addWidget(m_allArticles);
    articlesLayout->addWidget(m_selectedArticles);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(boxed(tr("Coders"), m_coders), 1);
    layout->addWidget(boxed(tr("Codes"), m_codes), 2);
    layout->addWidget(articles);

    refreshCoders();
    refreshCodes();
    setSelectedDocuments({});
    connect(&m_project, &Project::codesChanged, this, &ReliabilitySelection::refreshCodes);
    connect(&m_project, &Project::coderNameChanged, this, &ReliabilitySelection::refreshCoders);
}

void ReliabilitySelection::refreshCoders()
{
    QList<QPair<QString, QString>> names;
    try {
        for (const Coder &c : m_project.reader().coders())
            names.append({c.name, c.name});
    } catch (const StoreError &e) {
        Q_EMIT errorOccurred(e.message());
        return;
    }
    refill(m_coders, names);
}

void ReliabilitySelection::refreshCodes()
{
    QHash<QUuid, int> depth;
    QList<QPair<QString, QString>> names;
    for (const Code &c : m_project.codes()) { // parents come before their children
        const int d = c.parentId.isNull() ? 0 : depth.value(c.parentId) + 1;
        depth.insert(c.id, d);
        names.append({c.name, QString(d * 4, u' ') + c.name});
    }
    refill(m_codes, names);
}

void ReliabilitySelection::setSelectedDocuments(const QList<QUuid> &ids)
{
    m_selectedDocuments = ids;
    m_selectedArticles->setText(tr("Selected in the article list (%1)").arg(ids.size()));
    m_selectedArticles->setEnabled(!ids.isEmpty());
    if (ids.isEmpty())
        m_allArticles->setChecked(true);
}

AgreementRequest ReliabilitySelection::request() const
{
    AgreementRequest r;
    r.coders = checkedNames(m_coders);
    r.codes = checkedNames(m_codes);
    if (m_selectedArticles->isChecked())
        r.documents = m_selectedDocuments;
    return r;
}

QString ReliabilitySelection::articlesDescription() const
{
    if (!m_selectedArticles->isChecked())
        return tr("All articles");
    return tr("%n selected article(s)", nullptr, int(m_selectedDocuments.size()));
}

} // namespace newscoder
