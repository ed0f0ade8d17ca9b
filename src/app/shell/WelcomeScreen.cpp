#include "shell/WelcomeScreen.h"

#include <QApplication>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace newscoder::shell {

namespace {

constexpr int PathRole = Qt::UserRole + 1;

QPushButton *bigButton(const QString &text, const QString &detail, const QString &name, QWidget *parent)
{
    auto *button = new QPushButton(text, parent);
    button->setObjectName(name);
    button->setToolTip(detail);
    button->setAccessibleName(QString(text).remove(u'&').remove(QStringLiteral("…")));
    button->setAccessibleDescription(detail);
    button->setMinimumHeight(button->sizeHint().height() * 3 / 2);
    return button;
}

} // namespace

WelcomeScreen::WelcomeScreen(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("welcomeScreen"));
    setAccessibleName(tr("Welcome"));
    auto *outer = new QHBoxLayout(this);
    outer->addStretch(1);
    auto *column = new QVBoxLayout;
    outer->addLayout(column, 4);
    outer->addStretch(1);
    column->addStretch(1);

    auto *title = new QLabel(tr("<h1>Newscoder</h1>"), this);
    auto *intro = new QLabel(tr("Code quotes, speakers, claims and source bias in news articles. "
                                "Every change is saved the moment you make it."),
                             this);
    intro->setWordWrap(true);
    column->addWidget(title);
    column->addWidget(intro);
    column->addSpacing(16);

    auto *row = new QHBoxLayout;
    auto *actions = new QVBoxLayout;
    m_new = bigButton(tr("&New Project…"), tr("A new project file with the news codebook (Quote, Speaker, Claim, "
                                              "Bias indicator)"),
                      QStringLiteral("welcomeNew"), this);
    m_open = bigButton(tr("&Open Project…"), tr("Open a .newscoder project file"), QStringLiteral("welcomeOpen"), this);
    m_sample = bigButton(tr("Open the &Sample Project"),
                         tr("Six fictional articles about a suspended island ferry, partly coded: try everything "
                            "without your own data"),
                         QStringLiteral("welcomeSample"), this);
    m_guide = bigButton(tr("Read the &User Guide"), tr("A whole study step by step, with pictures"),
                        QStringLiteral("welcomeGuide"), this);
    for (QPushButton *button : {m_new, m_open, m_sample, m_guide})
        actions->addWidget(button);
    actions->addStretch(1);
    row->addLayout(actions, 2);
    row->addSpacing(24);

    auto *recentColumn = new QVBoxLayout;
    auto *recentLabel = new QLabel(tr("<b>&Recent projects</b>"), this);
    m_recent = new QListWidget(this);
    m_recent->setObjectName(QStringLiteral("welcomeRecent"));
    m_recent->setAccessibleName(tr("Recent projects"));
    m_recent->setAccessibleDescription(tr("Press Enter or double-click to open"));
    m_recent->setUniformItemSizes(true);
    recentLabel->setBuddy(m_recent);
    m_noRecent = new QLabel(tr("None yet: projects you open appear here."), this);
    m_noRecent->setEnabled(false);
    recentColumn->addWidget(recentLabel);
    recentColumn->addWidget(m_recent, 1);
    recentColumn->addWidget(m_noRecent, 1, Qt::AlignTop); // takes the list's place while there is none
    row->addLayout(recentColumn, 3);
    column->addLayout(row, 3);
    column->addStretch(2);

    connect(m_new, &QPushButton::clicked, this, &WelcomeScreen::newRequested);
    connect(m_open, &QPushButton::clicked, this, &WelcomeScreen::openRequested);
    connect(m_sample, &QPushButton::clicked, this, &WelcomeScreen::sampleRequested);
    connect(m_guide, &QPushButton::clicked, this, &WelcomeScreen::guideRequested);
    // Enter (activated) and a double-click both open.
    connect(m_recent, &QListWidget::itemActivated, this, &WelcomeScreen::openItem);
    setTabOrder(m_new, m_open);
    setTabOrder(m_open, m_sample);
    setTabOrder(m_sample, m_guide);
    setTabOrder(m_guide, m_recent);
    setRecentFiles({});
}

void WelcomeScreen::setRecentFiles(const QStringList &files)
{
    m_recent->clear();
    for (const QString &file : files) {
        const QFileInfo info(file);
        const bool present = info.exists();
        auto *item = new QListWidgetItem(present ? info.fileName() : tr("%1 (not found)").arg(info.fileName()));
        item->setData(PathRole, file);
        item->setToolTip(QDir::toNativeSeparators(file));
        item->setData(Qt::AccessibleDescriptionRole, QDir::toNativeSeparators(file));
        if (!present)
            item->setForeground(palette().color(QPalette::Disabled, QPalette::Text));
        m_recent->addItem(item);
    }
    m_recent->setVisible(!files.isEmpty());
    m_noRecent->setVisible(files.isEmpty());
    if (!files.isEmpty())
        m_recent->setCurrentRow(0);
}

void WelcomeScreen::openItem(QListWidgetItem *item)
{
    if (item)
        Q_EMIT recentRequested(item->data(PathRole).toString());
}

} // namespace newscoder::shell
