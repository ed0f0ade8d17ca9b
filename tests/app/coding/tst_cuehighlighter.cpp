// Cue highlighting: the shipped "News Cues" definition loads from the Qt
// resources, marks quotes, reporting verbs, attributions, hedges, numbers and
// dates (and nothing in plain words or apostrophes), never paints a
// background, follows the light/dark theme, switches off cleanly, and is
// wired to the View menu.
#include "coding/ArticleView.h"
#include "coding/CodingWorkspace.h"
#include "coding/CueHighlighter.h"
#include "io/CodebookJson.h"
#include "shell/MainWindow.h"
#include "shell/ProjectSession.h"

#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Format>
#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/Theme>

#include <QAction>
#include <QFile>
#include <QMenu>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextLayout>
#include <QXmlStreamReader>

using namespace newscoder;
using KSyntaxHighlighting::Theme;

namespace {

// A short fictional article, one paragraph per line.
const QString Article = QStringLiteral(
    "Harbour pier closed after storm\n"
    "The harbour master said on Friday that \"the pier is closed\" until further notice.\n"
    "“We will reopen soon,” she told reporters, according to the port office.\n"
    "«Nobody was hurt», a spokesperson for the ferry line added.\n"
    "Der Sprecher nannte es „eine reine Vorsichtsmaßnahme“ und „sicher”.\n"
    "Reportedly 1,200 passengers were stranded on 2025-03-14, about 3.4 per cent of the year's traffic.\n"
    "Workers' rights don't end at the harbour gate.\n"
    "A 12\" monitor stays dark in the harbour office.\n"
    "The union says 'nothing' changed, and \"we said 'no' twice,\" a steward noted.\n"
    "Ferries resume on 14.03.2025 or Mar 14, 2025, it is understood.\n");

QPalette darkPalette()
{
    QPalette p;
    for (auto role : {QPalette::Window, QPalette::Base, QPalette::Button})
        p.setColor(role, QColor(0x23, 0x26, 0x29));
    for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(role, QColor(0xcf, 0xcf, 0xc2));
    p.setColor(QPalette::Highlight, QColor(0x3d, 0xae, 0xe9));
    return p;
}

QPalette lightPalette()
{
    QPalette p;
    for (auto role : {QPalette::Window, QPalette::Base, QPalette::Button})
        p.setColor(role, Qt::white);
    for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(role, QColor(0x1f, 0x1c, 0x1b));
    return p;
}

// The formats the highlighter put on the document position `position`.
QList<QTextCharFormat> formatsAt(const QTextDocument &doc, int position)
{
    QList<QTextCharFormat> formats;
    const QTextBlock block = doc.findBlock(position);
    const int offset = position - block.position();
    for (const QTextLayout::FormatRange &range : block.layout()->formats()) {
        if (range.start <= offset && offset < range.start + range.length)
            formats.append(range.format);
    }
    return formats;
}

int find(const QTextDocument &doc, const QString &needle, int occurrence = 0)
{
    int at = -1;
    for (int i = 0; i <= occurrence; ++i)
        at = int(doc.toPlainText().indexOf(needle, at + 1));
    return at;
}

// Every character of `needle` carries a format with this foreground.
bool coveredWith(const QTextDocument &doc, const QString &needle, const QColor &foreground, int occurrence = 0)
{
    const int start = find(doc, needle, occurrence);
    if (start < 0)
        return false;
    for (int i = start; i < start + needle.size(); ++i) {
        const QList<QTextCharFormat> formats = formatsAt(doc, i);
        if (std::none_of(formats.cbegin(), formats.cend(), [&](const QTextCharFormat &f) {
                return f.foreground().color() == foreground;
            }))
            return false;
    }
    return true;
}

// Every character of `needle` is bold (reporting verbs keep the text colour).
bool coveredBold(const QTextDocument &doc, const QString &needle)
{
    const int start = find(doc, needle);
    if (start < 0)
        return false;
    for (int i = start; i < start + needle.size(); ++i) {
        const QList<QTextCharFormat> formats = formatsAt(doc, i);
        if (std::none_of(formats.cbegin(), formats.cend(),
                         [](const QTextCharFormat &f) { return f.fontWeight() >= QFont::Bold; }))
            return false;
    }
    return true;
}

bool unformatted(const QTextDocument &doc, const QString &needle, int occurrence = 0)
{
    const int start = find(doc, needle, occurrence);
    if (start < 0)
        return false;
    for (int i = start; i < start + needle.size(); ++i) {
        if (!formatsAt(doc, i).isEmpty())
            return false;
    }
    return true;
}

int formatRangeCount(const QTextDocument &doc)
{
    int count = 0;
    for (QTextBlock block = doc.begin(); block.isValid(); block = block.next())
        count += int(block.layout()->formats().size());
    return count;
}

QString lineOf(const QTextDocument &doc, const QString &needle)
{
    return doc.findBlock(find(doc, needle)).text();
}

} // namespace

class TestCueHighlighter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("NewscoderTests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_cuehighlighter"));
        QSettings().clear();
    }

    void definitionLoadsFromResource()
    {
        QFile file(QStringLiteral(":/newscoder-syntax/syntax/news-cues.xml"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QXmlStreamReader xml(&file);
        while (!xml.atEnd())
            xml.readNext();
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));

        QVERIFY(CueHighlighter::repository().customSearchPaths().contains(QStringLiteral(":/newscoder-syntax")));
        const KSyntaxHighlighting::Definition definition = CueHighlighter::cueDefinition();
        QVERIFY(definition.isValid());
        QCOMPARE(definition.name(), QStringLiteral("News Cues"));
        QCOMPARE(definition.section(), QStringLiteral("Other"));
        QVERIFY(definition.extensions().isEmpty());
        QVERIFY2(definition.filePath().startsWith(QStringLiteral(":/newscoder-syntax/syntax/")),
                 qPrintable(definition.filePath()));
        const QStringList formats = [&] {
            QStringList names;
            for (const auto &format : definition.formats())
                names << format.name();
            return names;
        }();
        for (const char *name : {"Quote", "Nested Quote", "Reporting Verb", "Attribution", "Hedge", "Number", "Date"})
            QVERIFY2(formats.contains(QString::fromLatin1(name)), name);
    }

    void marksCues()
    {
        QTextDocument doc;
        doc.setPlainText(Article);
        CueHighlighter cues(&doc);
        cues.setPalette(lightPalette());
        QCOMPARE(cues.theme().name(), QStringLiteral("Breeze Light"));
        const QColor quote = cues.cueColor(Theme::String);
        QVERIFY(quote.isValid());

        // Quotation spans, marks included.
        QVERIFY(coveredWith(doc, QStringLiteral("\"the pier is closed\""), quote));
        QVERIFY(coveredWith(doc, QStringLiteral("“We will reopen soon,”"), quote));
        QVERIFY(coveredWith(doc, QStringLiteral("«Nobody was hurt»"), quote));
        QVERIFY(coveredWith(doc, QStringLiteral("„eine reine Vorsichtsmaßnahme“"), quote));
        QVERIFY(coveredWith(doc, QStringLiteral("„sicher”"), quote));
        QVERIFY(coveredWith(doc, QStringLiteral("'nothing'"), quote));
        // ... ending at their closing mark.
        QVERIFY(unformatted(doc, QStringLiteral(" until further notice.")));
        QVERIFY(unformatted(doc, QStringLiteral(" changed, and ")));
        // A nested single quote keeps the string colour (italic) and the outer
        // quote resumes after it.
        QVERIFY(coveredWith(doc, QStringLiteral("'no'"), quote));
        QVERIFY(formatsAt(doc, find(doc, QStringLiteral("'no'")) + 1).constFirst().fontItalic());
        QVERIFY(coveredWith(doc, QStringLiteral(" twice,\""), quote));
        QVERIFY(unformatted(doc, QStringLiteral(" a steward ")));

        // Reporting verbs (bold), attribution phrases, hedges.
        QVERIFY(coveredBold(doc, QStringLiteral("said")));
        QVERIFY(coveredBold(doc, QStringLiteral("added")));
        QVERIFY(coveredBold(doc, QStringLiteral("noted")));
        const QColor attribution = cues.cueColor(Theme::Others);
        QVERIFY(coveredWith(doc, QStringLiteral("according to"), attribution));
        QVERIFY(coveredWith(doc, QStringLiteral("told reporters"), attribution));
        QVERIFY(coveredWith(doc, QStringLiteral("a spokesperson for"), attribution));
        const QColor hedge = cues.cueColor(Theme::Function);
        QVERIFY(coveredWith(doc, QStringLiteral("Reportedly"), hedge));
        QVERIFY(coveredWith(doc, QStringLiteral("it is understood"), hedge));

        // Numbers and dates.
        const QColor number = cues.cueColor(Theme::DecVal);
        QVERIFY(coveredWith(doc, QStringLiteral("1,200"), number));
        QVERIFY(coveredWith(doc, QStringLiteral("3.4 per cent"), number));
        const QColor date = cues.cueColor(Theme::DataType);
        QVERIFY(coveredWith(doc, QStringLiteral("2025-03-14"), date));
        QVERIFY(coveredWith(doc, QStringLiteral("14.03.2025"), date));
        QVERIFY(coveredWith(doc, QStringLiteral("Mar 14, 2025"), date));
        QVERIFY(coveredWith(doc, QStringLiteral("Friday"), date));

        // Plain words stay plain; apostrophes open no quote.
        QVERIFY(unformatted(doc, QStringLiteral("Harbour pier closed after storm")));
        QVERIFY(unformatted(doc, QStringLiteral("harbour master")));
        QVERIFY2(unformatted(doc, QStringLiteral("Workers' rights don't end at the harbour gate.")),
                 qPrintable(lineOf(doc, QStringLiteral("Workers'"))));
        QVERIFY(unformatted(doc, QStringLiteral("year's traffic.")));
        // An unmatched straight quote (inch mark) opens nothing.
        QVERIFY(coveredWith(doc, QStringLiteral("12"), number));
        QVERIFY(unformatted(doc, QStringLiteral("\" monitor stays dark in the harbour office.")));
    }

    void noBackgrounds_data()
    {
        QTest::addColumn<bool>("dark");
        QTest::newRow("light") << false;
        QTest::newRow("dark") << true;
    }

    void noBackgrounds()
    {
        QFETCH(bool, dark);
        QTextDocument doc;
        doc.setPlainText(Article);
        CueHighlighter cues(&doc);
        cues.setPalette(dark ? darkPalette() : lightPalette());
        QVERIFY(formatRangeCount(doc) > 20);
        for (QTextBlock block = doc.begin(); block.isValid(); block = block.next()) {
            for (const QTextLayout::FormatRange &range : block.layout()->formats()) {
                QVERIFY2(!range.format.hasProperty(QTextFormat::BackgroundBrush),
                         qPrintable(block.text().mid(range.start, range.length)));
                // Every cue stays readable on the page (annotation fills cost some of it).
                if (range.format.hasProperty(QTextFormat::ForegroundBrush)) {
                    const QColor page = QColor::fromRgba(cues.theme().editorColor(Theme::BackgroundColor));
                    QVERIFY(CueHighlighter::contrastRatio(range.format.foreground().color(), page)
                            >= (dark ? CueHighlighter::DarkPageMinimumContrast : CueHighlighter::MinimumContrast) - 0.01);
                }
            }
        }
    }

    void lightAndDarkDiffer()
    {
        QTextDocument doc;
        doc.setPlainText(Article);
        CueHighlighter cues(&doc);
        cues.setPalette(lightPalette());
        const QColor lightQuote = cues.cueColor(Theme::String);
        const QColor lightDate = cues.cueColor(Theme::DataType);
        QVERIFY(coveredWith(doc, QStringLiteral("«Nobody was hurt»"), lightQuote));

        cues.setPalette(darkPalette());
        QCOMPARE(cues.theme().name(), QStringLiteral("Breeze Dark"));
        const QColor darkQuote = cues.cueColor(Theme::String);
        QVERIFY(darkQuote != lightQuote);
        QVERIFY(cues.cueColor(Theme::DataType) != lightDate);
        QVERIFY(darkQuote.lightnessF() > lightQuote.lightnessF());
        // The document was re-highlighted with the dark colours.
        QVERIFY(coveredWith(doc, QStringLiteral("«Nobody was hurt»"), darkQuote));
        QVERIFY(!coveredWith(doc, QStringLiteral("«Nobody was hurt»"), lightQuote));

        cues.setPalette(lightPalette());
        QVERIFY(coveredWith(doc, QStringLiteral("«Nobody was hurt»"), lightQuote));
    }

    void contrastFloorKeepsHue()
    {
        const QColor page(0x23, 0x26, 0x29);
        const QColor faint(0x29, 0x80, 0xb9); // Breeze Dark's data type blue
        QCOMPARE(CueHighlighter::minimumContrastOn(page), CueHighlighter::DarkPageMinimumContrast);
        QCOMPARE(CueHighlighter::minimumContrastOn(Qt::white), CueHighlighter::MinimumContrast);
        QVERIFY(CueHighlighter::contrastRatio(faint, page) < CueHighlighter::DarkPageMinimumContrast);
        const QColor lifted = CueHighlighter::legibleOn(faint, page);
        QVERIFY(CueHighlighter::contrastRatio(lifted, page) >= CueHighlighter::DarkPageMinimumContrast);
        QVERIFY(CueHighlighter::contrastRatio(lifted, page) < CueHighlighter::DarkPageMinimumContrast + 0.2); // no more than needed
        QVERIFY(qAbs(lifted.hslHue() - faint.hslHue()) <= 2);
        QVERIFY(lifted.lightness() > faint.lightness());
        // On white a faint colour gets darker; a strong one is left alone.
        const QColor ochre(0xb0, 0x80, 0x00);
        QVERIFY(CueHighlighter::legibleOn(ochre, Qt::white).lightness() < ochre.lightness());
        QCOMPARE(CueHighlighter::legibleOn(QColor(0x1f, 0x1c, 0x1b), Qt::white), QColor(0x1f, 0x1c, 0x1b));
    }

    void disablingRemovesFormats()
    {
        QTextDocument doc;
        doc.setPlainText(Article);
        CueHighlighter cues(&doc);
        QVERIFY(cues.isEnabled());
        QVERIFY(formatRangeCount(doc) > 0);

        cues.setEnabled(false);
        QVERIFY(!cues.isEnabled());
        QCOMPARE(formatRangeCount(doc), 0);
        doc.setPlainText(Article + Article); // stays off for new text
        QCOMPARE(formatRangeCount(doc), 0);

        cues.setEnabled(true);
        QVERIFY(formatRangeCount(doc) > 0);
        QVERIFY(coveredWith(doc, QStringLiteral("1,200"), cues.cueColor(Theme::DecVal), 1));

        // Replacing the text re-highlights it (ArticleView loads every article so).
        doc.setPlainText(QStringLiteral("Plain words only.\nShe said \"yes\" on Monday."));
        QVERIFY(unformatted(doc, QStringLiteral("Plain words only.")));
        QVERIFY(coveredWith(doc, QStringLiteral("\"yes\""), cues.cueColor(Theme::String)));
    }

    void articleViewAndViewMenu()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("cues.newscoder"));
        {
            auto project = Project::create(path, defaultNewsCodebook());
            Document d;
            d.title = QStringLiteral("Harbour pier closed after storm");
            d.outlet = QStringLiteral("harbourgazette.example");
            d.date = QDate(2025, 3, 14);
            d.text = Article;
            project->importDocuments({d});
        }
        QSettings().remove(QStringLiteral("view/cueHighlighting"));

        MainWindow window;
        window.setInteractive(false);
        auto *action = window.findChild<QAction *>(QStringLiteral("actionCueHighlighting"));
        QVERIFY(action);
        QVERIFY(action->isCheckable());
        QVERIFY(action->isChecked()); // on by default
        QCOMPARE(action->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_H));
        auto *viewMenu = window.findChild<QMenu *>(QStringLiteral("menuView"));
        QVERIFY(viewMenu);
        const QList<QAction *> viewActions = viewMenu->actions();
        const qsizetype at = viewActions.indexOf(action);
        QVERIFY(at > 0);
        QVERIFY(viewActions.at(at - 1)->isSeparator());

        QVERIFY(window.openProject(path));
        ArticleView *view = window.workspace()->articleView();
        QTRY_COMPARE(view->toPlainText(), Article);
        QVERIFY(view->cueHighlighting());
        QVERIFY(formatRangeCount(*view->document()) > 0);
        // The article's block formats (line height) do not disturb the cues.
        QVERIFY(coveredWith(*view->document(), QStringLiteral("«Nobody was hurt»"),
                            view->findChild<CueHighlighter *>()->cueColor(Theme::String)));

        action->toggle();
        QVERIFY(!view->cueHighlighting());
        QCOMPARE(formatRangeCount(*view->document()), 0);
        QCOMPARE(QSettings().value(QStringLiteral("view/cueHighlighting")).toBool(), false);

        // A new session's view starts in the chosen state.
        window.closeProject();
        QVERIFY(window.openProject(path));
        view = window.workspace()->articleView();
        QTRY_COMPARE(view->toPlainText(), Article);
        QVERIFY(!view->cueHighlighting());
        QCOMPARE(formatRangeCount(*view->document()), 0);

        action->toggle();
        QVERIFY(view->cueHighlighting());
        QVERIFY(formatRangeCount(*view->document()) > 0);
        QCOMPARE(QSettings().value(QStringLiteral("view/cueHighlighting")).toBool(), true);
        window.closeProject();

        // The setting survives a restart.
        action->setChecked(false);
        MainWindow second;
        QVERIFY(!second.findChild<QAction *>(QStringLiteral("actionCueHighlighting"))->isChecked());
        QSettings().remove(QStringLiteral("view/cueHighlighting"));
    }
};

QTEST_MAIN(TestCueHighlighter)
#include "tst_cuehighlighter.moc"
