// The user guide (docs/) and Help ▸ User Guide (src/app/shell/GuideViewer):
// every page is reachable from index.md, every picture a page shows exists
// and loads, every link between pages resolves, every picture in
// docs/images is used, the guide covers each step of a study, and the
// viewer renders each page with its pictures and follows its links.
#include "shell/AppData.h"
#include "shell/GuideViewer.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QImageReader>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextDocument>
#include <QTextFragment>
#include <QTextImageFormat>
#include "TestPaths.h"

using namespace newscoder;

namespace {

const QString Docs = QStringLiteral(NEWSCODER_SOURCE_DIR "/docs");

struct Link
{
    bool image = false;
    QString target;
};

QString readPage(const QString &name)
{
    QFile in(QDir(Docs).filePath(name));
    return in.open(QIODevice::ReadOnly) ? QString::fromUtf8(in.readAll()) : QString();
}

// The Markdown links and images of a page: [text](target) and ![alt](target), outside code.
QList<Link> linksOf(const QString &markdown)
{
    QString text = markdown;
    text.remove(QRegularExpression(QStringLiteral("```.*?```"), QRegularExpression::DotMatchesEverythingOption));
    text.remove(QRegularExpression(QStringLiteral("`[^`\n]*`")));
    static const QRegularExpression link(QStringLiteral("(!?)\\[[^\\]]*\\]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)"));
    QList<Link> links;
    for (auto it = link.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        links.append({!m.captured(1).isEmpty(), m.captured(2)});
    }
    return links;
}

bool isExternal(const QString &target)
{
    return target.startsWith(QLatin1String("http://")) || target.startsWith(QLatin1String("https://"))
        || target.startsWith(QLatin1String("mailto:"));
}

QStringList pages()
{
    return QDir(Docs).entryList({QStringLiteral("*.md")}, QDir::Files, QDir::Name);
}

} // namespace

class UserGuideTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void guideIsFoundFromTheBuild()
    {
        const QString dir = shell::guideDirectory();
        QVERIFY2(!dir.isEmpty(), "no docs/index.md found");
        QVERIFY(QFileInfo::exists(QDir(dir).filePath(QStringLiteral("index.md"))));
        QCOMPARE(QFileInfo(shell::guideIndex()).fileName(), QStringLiteral("index.md"));
    }

    void everyPictureExistsAndLoads()
    {
        int images = 0;
        for (const QString &page : pages()) {
            for (const Link &link : linksOf(readPage(page))) {
                if (!link.image)
                    continue;
                ++images;
                QVERIFY2(!isExternal(link.target), qPrintable(page + QStringLiteral(": a picture from the web: ") + link.target));
                const QString file = QDir(Docs).filePath(link.target);
                QVERIFY2(QFileInfo::exists(file), qPrintable(page + QStringLiteral(": missing picture ") + link.target));
                QImageReader reader(file);
                const QImage image = reader.read();
                QVERIFY2(!image.isNull(), qPrintable(page + QStringLiteral(": ") + link.target + QStringLiteral(": ") + reader.errorString()));
                QVERIFY2(image.width() >= 300 && image.height() >= 150, qPrintable(link.target));
            }
        }
        QVERIFY2(images >= 8, "the guide shows the windows it explains");
    }

    void everyLinkResolvesAndEveryPageIsReachable()
    {
        QSet<QString> reached{QStringLiteral("index.md")};
        QStringList queue{QStringLiteral("index.md")};
        while (!queue.isEmpty()) {
            const QString page = queue.takeFirst();
            const QString text = readPage(page);
            QVERIFY2(!text.isEmpty(), qPrintable(page));
            for (const Link &link : linksOf(text)) {
                if (link.image || isExternal(link.target))
                    continue;
                // The viewer (QTextBrowser) follows links to pages, not to anchors inside Markdown.
                QVERIFY2(!link.target.contains(u'#'), qPrintable(page + QStringLiteral(": an anchor link: ") + link.target));
                QVERIFY2(link.target.endsWith(QLatin1String(".md")), qPrintable(page + QStringLiteral(": ") + link.target));
                QVERIFY2(!link.target.contains(u'/'), qPrintable(page + QStringLiteral(": pages live side by side: ") + link.target));
                QVERIFY2(QFileInfo::exists(QDir(Docs).filePath(link.target)),
                         qPrintable(page + QStringLiteral(": broken link ") + link.target));
                if (!reached.contains(link.target)) {
                    reached.insert(link.target);
                    queue.append(link.target);
                }
            }
        }
        for (const QString &page : pages())
            QVERIFY2(reached.contains(page), qPrintable(page + QStringLiteral(" is not reachable from index.md")));
    }

    void everyPictureInTheFolderIsUsed()
    {
        QSet<QString> used;
        for (const QString &page : pages())
            for (const Link &link : linksOf(readPage(page)))
                if (link.image)
                    used.insert(QFileInfo(link.target).fileName());
        const QStringList files = QDir(Docs + QStringLiteral("/images")).entryList({QStringLiteral("*.png")}, QDir::Files);
        QVERIFY(!files.isEmpty());
        for (const QString &file : files)
            QVERIFY2(used.contains(file), qPrintable(QStringLiteral("docs/images/") + file + QStringLiteral(" is shown on no page")));
    }

    void coversEveryStepOfAStudy_data()
    {
        QTest::addColumn<QString>("topic");
        for (const char *topic :
             {"welcome screen", "sample project", "import", "codebook", "key", "link", "actor", "outlet",
              "article variables", "cue highlighting", "search", "code hits as", "suggestion", "edit article text",
              "second coder", "review coders", "adjudicat", "consensus", "reliability", "export", "REFI-QDA",
              "newscoder-cli", "preferences", "keyboard shortcuts", "undo"})
            QTest::newRow(topic) << QString::fromUtf8(topic);
    }

    void coversEveryStepOfAStudy()
    {
        QFETCH(QString, topic);
        QString all;
        for (const QString &page : pages())
            all += readPage(page);
        QVERIFY2(all.contains(topic, Qt::CaseInsensitive), qPrintable(topic));
    }

    void viewerRendersEveryPageWithItsPictures()
    {
        shell::GuideViewer viewer(Docs);
        viewer.resize(900, 760); // narrower than the pictures of whole windows
        viewer.show();
        QVERIFY(QTest::qWaitForWindowExposed(&viewer));
        QCOMPARE(viewer.currentPage(), QStringLiteral("index.md"));
        for (const QString &page : pages()) {
            QVERIFY(viewer.showPage(page));
            QCOMPARE(viewer.currentPage(), page);
            QTextDocument *document = viewer.browser()->document();
            QVERIFY2(document->blockCount() > 3, qPrintable(page));
            // The first block is the page's heading, rendered as one (not as "# …").
            QVERIFY2(document->firstBlock().blockFormat().headingLevel() == 1, qPrintable(page));
            QVERIFY2(!document->toPlainText().startsWith(u'#'), qPrintable(page));
            int pictures = 0;
            for (QTextBlock block = document->begin(); block.isValid(); block = block.next()) {
                for (auto it = block.begin(); !it.atEnd(); ++it) {
                    const QTextCharFormat format = it.fragment().charFormat();
                    if (!format.isImageFormat())
                        continue;
                    ++pictures;
                    const QString name = format.toImageFormat().name();
                    const QVariant data = viewer.browser()->loadResource(QTextDocument::ImageResource, QUrl(name));
                    QImage image;
                    if (data.canConvert<QImage>() && data.typeId() == QMetaType::QImage)
                        image = data.value<QImage>();
                    else
                        image.loadFromData(data.toByteArray());
                    QVERIFY2(!image.isNull(), qPrintable(page + QStringLiteral(": the viewer cannot load ") + name));
                    // Shown no wider than the page: narrower than its own width when the viewer is narrow.
                    const qreal shown = format.toImageFormat().width();
                    QVERIFY2(shown > 0 && shown <= viewer.browser()->viewport()->width(), qPrintable(name));
                    QVERIFY(shown <= image.width());
                }
            }
            const QList<Link> links = linksOf(readPage(page));
            const int expected = int(std::count_if(links.cbegin(), links.cend(), [](const Link &l) { return l.image; }));
            QCOMPARE(pictures, expected);
        }
    }

    void viewerFollowsLinksBetweenPages()
    {
        shell::GuideViewer viewer(Docs);
        const QList<Link> links = linksOf(readPage(QStringLiteral("index.md")));
        const auto first = std::find_if(links.cbegin(), links.cend(),
                                        [](const Link &l) { return !l.image && !isExternal(l.target); });
        QVERIFY(first != links.cend());
        viewer.browser()->setSource(QUrl(first->target)); // as a click on the link does
        QCOMPARE(viewer.currentPage(), first->target);
        QCOMPARE(viewer.browser()->document()->firstBlock().blockFormat().headingLevel(), 1); // read as Markdown
        QVERIFY(viewer.browser()->isBackwardAvailable());
        // NEWSCODER_TEST_GRAB_DIR=…: the page as the viewer shows it, to look at.
        if (const QString grabs = qEnvironmentVariable("NEWSCODER_TEST_GRAB_DIR"); !grabs.isEmpty()) {
            viewer.resize(900, 760);
            viewer.show();
            QVERIFY(QTest::qWaitForWindowExposed(&viewer));
            QVERIFY(viewer.grab().save(QDir(grabs).filePath(QStringLiteral("guide-viewer.png"))));
        }
        viewer.browser()->backward();
        QCOMPARE(viewer.currentPage(), QStringLiteral("index.md"));
    }

    void missingGuideSaysSo()
    {
        QTemporaryDir empty;
        shell::GuideViewer viewer(empty.path());
        QVERIFY(!viewer.showPage());
        QVERIFY(viewer.browser()->toPlainText().contains(QStringLiteral("not found")));
    }
};

QTEST_MAIN(UserGuideTest)
#include "tst_userguide.moc"
