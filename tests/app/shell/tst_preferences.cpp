// Edit ▸ Preferences (src/app/shell), offscreen, with QSettings in a
// temporary folder: the values round-trip through QSettings and the dialog,
// bad stored values fall back, and each is applied — theme, the article's
// font and line spacing (also on the next article), the coder name, the
// export dialog's defaults and whether the window layout is kept.
#include "../WindowTestSupport.h"

#include "articles/DocumentListDock.h"
#include "coding/ArticleView.h"
#include "coding/CodingWorkspace.h"
#include "export/DatasetExportSettings.h"
#include "shell/AppData.h"
#include "shell/MainWindow.h"
#include "shell/Preferences.h"
#include "shell/PreferencesDialog.h"
#include "shell/ProjectSession.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFontComboBox>
#include <QFontDatabase>
#include <QLineEdit>
#include <QSettings>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTimer>

using namespace newscoder;
using shell::Preferences;

namespace {

Preferences unusual()
{
    Preferences p;
    p.coderName = QStringLiteral("Ana Lindqvist");
    p.theme = Preferences::Theme::Dark;
    const QStringList families = QFontDatabase::families();
    p.readingFont = families.contains(QStringLiteral("DejaVu Serif")) ? QStringLiteral("DejaVu Serif") : families.value(0);
    p.readingFontSize = 17;
    p.lineSpacing = 1.5;
    p.exportContext = 42;
    p.exportFormat = QStringLiteral("tsv");
    p.saveWindowLayout = false;
    return p;
}

// Every block of the article has `percent` proportional line height.
bool spacedAt(const ArticleView *view, int percent)
{
    for (QTextBlock block = view->document()->begin(); block.isValid(); block = block.next()) {
        const QTextBlockFormat format = block.blockFormat();
        if (format.lineHeightType() != QTextBlockFormat::ProportionalHeight || qRound(format.lineHeight()) != percent)
            return false;
    }
    return view->document()->blockCount() > 1;
}

} // namespace

class PreferencesTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_settingsDir;
    QTemporaryDir m_projects;
    QPalette m_startPalette;

    QString sampleCopy(const QString &name) { return test::sampleCopy(m_projects.path(), name); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_settingsDir.isValid());
        // QSettings in a temporary folder, never the user's.
        QVERIFY(test::useTestSettingsIn(m_settingsDir.path(), "tst_preferences"));
        QSettings().clear();
        QVERIFY2(!shell::sampleTemplate().isEmpty(), "the build makes share/newscoder/sample.newscoder");
        m_startPalette = QApplication::palette();
    }

    void init() { QSettings().clear(); }

    void defaultsWhenNothingIsStored()
    {
        QCOMPARE(Preferences::load(), Preferences());
        QVERIFY(Preferences().saveWindowLayout);
        QCOMPARE(Preferences().theme, Preferences::Theme::System);
    }

    void roundTripThroughSettings()
    {
        const Preferences p = unusual();
        p.save();
        QSettings().sync();
        QCOMPARE(Preferences::load(), p);
        // The coder name is the key the window has always used.
        QCOMPARE(QSettings().value(QStringLiteral("coder/name")).toString(), p.coderName);
        QCOMPARE(QSettings().value(QStringLiteral("appearance/theme")).toString(), QStringLiteral("dark"));
    }

    void badStoredValuesFallBack()
    {
        QSettings settings;
        settings.setValue(QStringLiteral("appearance/theme"), QStringLiteral("neon"));
        settings.setValue(QStringLiteral("reading/fontSize"), 500);
        settings.setValue(QStringLiteral("reading/lineSpacing"), 9.0);
        settings.setValue(QStringLiteral("export/dataset/context"), -4);
        settings.setValue(QStringLiteral("export/dataset/format"), QStringLiteral("pdf"));
        const Preferences p = Preferences::load();
        QCOMPARE(p.theme, Preferences::Theme::System);
        QCOMPARE(p.readingFontSize, 0);
        QCOMPARE(p.lineSpacing, 1.0);
        QCOMPARE(p.exportContext, 100);
        QCOMPARE(p.exportFormat, QStringLiteral("csv"));
    }

    void dialogShowsAndReturnsThePreferences()
    {
        const Preferences p = unusual();
        shell::PreferencesDialog dialog(p);
        QCOMPARE(dialog.preferences(), p);
        QCOMPARE(dialog.coderNameEdit()->text(), p.coderName);
        QCOMPARE(dialog.themeBox()->currentText(), QStringLiteral("Dark"));
        // Edited as a person would: the result follows the widgets.
        dialog.coderNameEdit()->setText(QStringLiteral("  Ben  "));
        dialog.themeBox()->setCurrentIndex(dialog.themeBox()->findText(QStringLiteral("Light")));
        dialog.systemFontBox()->setChecked(true);
        dialog.lineSpacingBox()->setValue(2.0);
        dialog.exportFormatBox()->setCurrentIndex(dialog.exportFormatBox()->findData(QStringLiteral("jsonl")));
        dialog.saveLayoutBox()->setChecked(true);
        const Preferences edited = dialog.preferences();
        QCOMPARE(edited.coderName, QStringLiteral("Ben"));
        QCOMPARE(edited.theme, Preferences::Theme::Light);
        QVERIFY(edited.readingFont.isEmpty());
        QVERIFY(!dialog.fontBox()->isEnabled());
        QCOMPARE(edited.lineSpacing, 2.0);
        QCOMPARE(edited.exportFormat, QStringLiteral("jsonl"));
        QVERIFY(edited.saveWindowLayout);
        // Every field is named for a screen reader.
        for (QWidget *field : {static_cast<QWidget *>(dialog.coderNameEdit()), static_cast<QWidget *>(dialog.themeBox()),
                               static_cast<QWidget *>(dialog.fontBox()), static_cast<QWidget *>(dialog.fontSizeBox()),
                               static_cast<QWidget *>(dialog.lineSpacingBox()), static_cast<QWidget *>(dialog.contextBox()),
                               static_cast<QWidget *>(dialog.exportFormatBox())})
            QVERIFY2(!field->accessibleName().isEmpty(), field->metaObject()->className());
        if (const QString folder = qEnvironmentVariable("NEWSCODER_SCREENSHOT_DIR"); !folder.isEmpty()) {
            dialog.setPreferences(unusual());
            dialog.show();
            QVERIFY(QTest::qWaitForWindowExposed(&dialog));
            QVERIFY(dialog.grab().save(QDir(folder).filePath(QStringLiteral("preferences.png"))));
        }
    }

    void appliedToTheWindow()
    {
        MainWindow window;
        QVERIFY(test::openAndShow(window, sampleCopy(QStringLiteral("applied.newscoder"))));
        ArticleView *view = window.workspace()->articleView();
        QVERIFY(!spacedAt(view, 150));
        Preferences p = unusual();
        window.applyPreferences(p);
        // Saved …
        QCOMPARE(Preferences::load(), p);
        // … and applied: font, size, spacing of every line.
        QCOMPARE(view->font().pointSize(), 17);
        QCOMPARE(view->font().family(), p.readingFont);
        QVERIFY(spacedAt(view, 150));
        // The next article is spaced the same.
        const QUuid before = window.workspace()->currentDocument();
        window.documentList()->selectDocument(window.session()->documents.documentId(1));
        QVERIFY(window.workspace()->currentDocument() != before);
        QVERIFY(spacedAt(view, 150));
        // The coder name is who codes now.
        QCOMPARE(window.session()->project().coderName(), p.coderName);
        QVERIFY(window.windowTitle().contains(QStringLiteral("applied.newscoder")));
        // Dark theme: a dark palette for the whole application; system brings back the start.
        QVERIFY(shell::darkPaletteActive());
        p.theme = Preferences::Theme::Light;
        window.applyPreferences(p);
        QVERIFY(!shell::darkPaletteActive());
        p.theme = Preferences::Theme::System;
        window.applyPreferences(p);
        QCOMPARE(QApplication::palette().color(QPalette::Window), m_startPalette.color(QPalette::Window));
        // A project opened later gets the same reading style.
        window.closeProject();
        QVERIFY(window.openProject(sampleCopy(QStringLiteral("later.newscoder"))));
        QCOMPARE(window.workspace()->articleView()->font().pointSize(), 17);
        QVERIFY(spacedAt(window.workspace()->articleView(), 150));
    }

    void exportDialogStartsFromThePreference()
    {
        Preferences p;
        p.exportFormat = QStringLiteral("tsv");
        p.exportContext = 42;
        p.save();
        DatasetExportSpec spec; // what File ▸ Export ▸ Dataset… fills itself from
        loadDatasetExportChoices(spec);
        QCOMPARE(spec.format, exporting::Format::Tsv);
        QCOMPARE(spec.filter.contextCharacters, 42);
    }

    void windowLayoutKeptOnlyWhenWanted()
    {
        {
            MainWindow window;
            QVERIFY(test::openAndShow(window, sampleCopy(QStringLiteral("layout.newscoder"))));
            window.close();
        }
        QVERIFY(QSettings().contains(QStringLiteral("window/state")));
        Preferences p;
        p.saveWindowLayout = false;
        p.save();
        {
            MainWindow window;
            QVERIFY(test::openAndShow(window, sampleCopy(QStringLiteral("layout.newscoder"))));
            window.close();
        }
        QVERIFY(!QSettings().contains(QStringLiteral("window/state")));
        QVERIFY(!QSettings().contains(QStringLiteral("window/geometry")));
    }

    void menuActionEditsAndApplies()
    {
        MainWindow window;
        QVERIFY(test::openAndShow(window, sampleCopy(QStringLiteral("menu.newscoder"))));
        QVERIFY(window.preferencesAction());
        QVERIFY(!window.preferencesAction()->shortcut().isEmpty());
        bool answered = false;
        QTimer::singleShot(0, this, [&answered] {
            auto *dialog = qobject_cast<shell::PreferencesDialog *>(QApplication::activeModalWidget());
            if (!dialog)
                return;
            dialog->coderNameEdit()->setText(QStringLiteral("Chidi"));
            dialog->lineSpacingBox()->setValue(1.8);
            answered = true;
            dialog->accept();
        });
        window.preferencesAction()->trigger();
        QVERIFY(answered);
        QCOMPARE(QSettings().value(QStringLiteral("coder/name")).toString(), QStringLiteral("Chidi"));
        QCOMPARE(window.session()->project().coderName(), QStringLiteral("Chidi"));
        QVERIFY(spacedAt(window.workspace()->articleView(), 180));
    }

    void cleanupTestCase() { shell::applyTheme(Preferences::Theme::System); }
};

QTEST_MAIN(PreferencesTest)
#include "tst_preferences.moc"
