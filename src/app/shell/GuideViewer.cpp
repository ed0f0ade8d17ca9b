#include "shell/GuideViewer.h"

#include "shell/AppData.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHash>
#include <QImage>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextFragment>
#include <QTextImageFormat>
#include <QStyle>
#include <QTextBrowser>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace newscoder::shell {

namespace {

// A link to another page of the guide (a .md file) is read as Markdown, not HTML.
// Pictures are shown at their own size, or narrower to fit the width (on every resize).
class MarkdownBrowser final : public QTextBrowser
{
public:
    using QTextBrowser::QTextBrowser;

    void fitImages()
    {
        const qreal room = viewport()->width() - 2 * document()->documentMargin() - 4;
        if (room <= 50)
            return;
        QList<std::pair<QTextCursor, QTextImageFormat>> changes;
        for (QTextBlock block = document()->begin(); block.isValid(); block = block.next()) {
            for (auto it = block.begin(); !it.atEnd(); ++it) {
                const QTextFragment fragment = it.fragment();
                if (!fragment.charFormat().isImageFormat())
                    continue;
                QTextImageFormat format = fragment.charFormat().toImageFormat();
                const QSize natural = naturalSize(format.name());
                if (natural.isEmpty())
                    continue;
                const qreal width = std::min<qreal>(natural.width(), room);
                if (qFuzzyCompare(format.width(), width))
                    continue;
                format.setWidth(width);
                format.setHeight(width * natural.height() / natural.width());
                QTextCursor cursor(document());
                cursor.setPosition(fragment.position());
                cursor.setPosition(fragment.position() + fragment.length(), QTextCursor::KeepAnchor);
                changes.append({cursor, format});
            }
        }
        for (auto &[cursor, format] : changes)
            cursor.setCharFormat(format);
    }

protected:
    void doSetSource(const QUrl &name, QTextDocument::ResourceType type) override
    {
        if (type == QTextDocument::UnknownResource && name.path().endsWith(QLatin1String(".md")))
            type = QTextDocument::MarkdownResource;
        QTextBrowser::doSetSource(name, type);
        fitImages();
    }
    void resizeEvent(QResizeEvent *event) override
    {
        QTextBrowser::resizeEvent(event);
        fitImages();
    }

private:
    QSize naturalSize(const QString &name)
    {
        const QUrl url = source().resolved(QUrl(name));
        if (const auto known = m_sizes.constFind(url.toString()); known != m_sizes.cend())
            return *known;
        QImage image;
        const QVariant data = loadResource(QTextDocument::ImageResource, QUrl(name));
        if (data.typeId() == QMetaType::QImage)
            image = data.value<QImage>();
        else
            image.loadFromData(data.toByteArray());
        m_sizes.insert(url.toString(), image.size());
        return image.size();
    }

    QHash<QString, QSize> m_sizes;
};

} // namespace

GuideViewer::GuideViewer(const QString &directory, QWidget *parent)
    : QDialog(parent), m_directory(directory.isEmpty() ? guideDirectory() : directory)
{
    setWindowTitle(tr("Newscoder User Guide"));
    setObjectName(QStringLiteral("guideViewer"));
    setWindowFlag(Qt::WindowMaximizeButtonHint);
    auto *layout = new QVBoxLayout(this);
    auto *bar = new QHBoxLayout;
    auto tool = [this, bar](QStyle::StandardPixmap icon, const QString &text, const QKeySequence &key) {
        auto *button = new QToolButton(this);
        button->setIcon(style()->standardIcon(icon));
        button->setText(text);
        button->setToolTip(QStringLiteral("%1 (%2)").arg(text, key.toString(QKeySequence::NativeText)));
        button->setAccessibleName(text);
        button->setShortcut(key);
        button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        bar->addWidget(button);
        return button;
    };
    m_back = tool(QStyle::SP_ArrowBack, tr("Back"), QKeySequence::Back);
    m_forward = tool(QStyle::SP_ArrowForward, tr("Forward"), QKeySequence::Forward);
    m_home = tool(QStyle::SP_DirHomeIcon, tr("Contents"), QKeySequence(Qt::ALT | Qt::Key_Home));
    bar->addStretch(1);
    layout->addLayout(bar);

    m_browser = new MarkdownBrowser(this);
    m_browser->setObjectName(QStringLiteral("guideBrowser"));
    m_browser->setAccessibleName(tr("User guide"));
    m_browser->setOpenExternalLinks(true); // web links: the system browser
    m_browser->setOpenLinks(true);         // pages of the guide: here
    if (!m_directory.isEmpty())
        m_browser->setSearchPaths({m_directory});
    QFont font = m_browser->font();
    font.setPointSizeF(font.pointSizeF() * 1.1);
    m_browser->setFont(font);
    m_browser->document()->setDocumentMargin(16);
    layout->addWidget(m_browser, 1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);

    connect(m_back, &QToolButton::clicked, m_browser, &QTextBrowser::backward);
    connect(m_forward, &QToolButton::clicked, m_browser, &QTextBrowser::forward);
    connect(m_home, &QToolButton::clicked, this, [this] { showPage(); });
    connect(m_browser, &QTextBrowser::backwardAvailable, m_back, &QWidget::setEnabled);
    connect(m_browser, &QTextBrowser::forwardAvailable, m_forward, &QWidget::setEnabled);
    m_back->setEnabled(false);
    m_forward->setEnabled(false);
    resize(900, 760);
    showPage();
}

bool GuideViewer::showPage(const QString &page)
{
    const QString path = m_directory.isEmpty() ? QString() : QDir(m_directory).filePath(page);
    if (path.isEmpty() || !QFileInfo(path).isFile()) {
        m_browser->setMarkdown(tr("# User guide not found\n\nThe guide's page `%1` is not installed here. "
                                  "It is in the `docs/` folder of Newscoder's source.")
                                   .arg(page));
        return false;
    }
    m_browser->setSource(QUrl::fromLocalFile(path), QTextDocument::MarkdownResource);
    return true;
}

QString GuideViewer::currentPage() const
{
    return QFileInfo(m_browser->source().path()).fileName(); // a followed link may leave a relative URL
}

} // namespace newscoder::shell
