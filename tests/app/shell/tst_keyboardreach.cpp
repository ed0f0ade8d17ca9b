// Keyboard reachability of the coding path (issue 16): every visible menu
// entry has a mnemonic (an & before a letter, so Alt and the letter reach
// it), each action a coder repeats while coding has a shortcut, and View ▸ Go
// To moves the focus into each panel of the coding path (Ctrl+1 to Ctrl+5).
#include "../WindowTestSupport.h"
#include "coding/AnnotationPane.h"
#include "coding/ArticleView.h"
#include "coding/CodingWorkspace.h"
#include "shell/AppData.h"
#include "shell/MainWindow.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QFile>
#include <QMenu>
#include <QMenuBar>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace newscoder;

namespace {

// An & before a character that is not another & (the && of a literal ampersand).
bool hasMnemonic(const QString &text)
{
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text[i] != u'&')
            continue;
        if (text[i + 1] == u'&') {
            ++i;
            continue;
        }
        return !text[i + 1].isSpace();
    }
    return false;
}

// The mnemonic letter, lower case (null without one).
QChar mnemonicOf(const QString &text)
{
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text[i] == u'&' && text[i + 1] == u'&')
            ++i;
        else if (text[i] == u'&')
            return text[i + 1].toLower();
    }
    return {};
}

// "File ▸ Open Recent ▸ x" for every visible entry of `menu` without a mnemonic.
void collectMissing(const QMenu *menu, const QString &path, QStringList *missing, int *entries)
{
    const QString here = path.isEmpty() ? menu->title() : path + QStringLiteral(" ▸ ") + menu->title();
    QHash<QChar, QString> taken; // a letter used twice makes Alt+letter only select, not run
    for (QAction *a : menu->actions()) {
        if (a->isSeparator() || !a->isVisible() || a->text().isEmpty())
            continue;
        ++*entries;
        if (const QChar letter = mnemonicOf(a->text()); !letter.isNull()) {
            if (taken.contains(letter) && a->isEnabled())
                *missing << here + QStringLiteral(" ▸ ") + a->text() + QStringLiteral(" (the letter of ") + taken.value(letter) + u')';
            taken.insert(letter, a->text());
        }
        if (!hasMnemonic(a->text()))
            *missing << here + QStringLiteral(" ▸ ") + a->text();
        if (a->menu())
            collectMissing(a->menu(), here, missing, entries);
    }
}

} // namespace

class KeyboardReachTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_settingsDir;
    QTemporaryDir m_projects;
    std::unique_ptr<MainWindow> m_window;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_settingsDir.isValid());
        QVERIFY(test::useTestSettingsIn(m_settingsDir.path(), "tst_keyboardreach"));
        QSettings().clear();
        QVERIFY2(!shell::sampleTemplate().isEmpty(), "the build makes share/newscoder/sample.newscoder");
    }

    void init()
    {
        const QString path = test::sampleCopy(m_projects.path(), QStringLiteral("keys.newscoder"));
        QVERIFY(!path.isEmpty());
        m_window = std::make_unique<MainWindow>();
        QVERIFY(test::openAndShow(*m_window, path));
        m_window->ensureCoderName(QStringLiteral("Ana"));
    }

    void cleanup() { m_window.reset(); }

    void hasMnemonicReadsAmpersands()
    {
        QVERIFY(hasMnemonic(QStringLiteral("&File")));
        QVERIFY(hasMnemonic(QStringLiteral("Save &As…")));
        QVERIFY(!hasMnemonic(QStringLiteral("Q&&A")));
        QVERIFY(hasMnemonic(QStringLiteral("Q&&A &notes")));
        QVERIFY(!hasMnemonic(QStringLiteral("Next Disagreement")));
    }

    void everyMenuEntryHasAMnemonic()
    {
        QStringList missing;
        int entries = 0;
        for (QAction *top : m_window->menuBar()->actions()) {
            if (!top->isVisible() || !top->menu())
                continue;
            ++entries;
            if (!hasMnemonic(top->text()))
                missing << top->text();
            Q_EMIT top->menu()->aboutToShow(); // menus that fill or rename themselves when opened
            collectMissing(top->menu(), QString(), &missing, &entries);
        }
        QVERIFY2(entries > 60, qPrintable(QString::number(entries))); // the whole menu bar was walked
        QVERIFY2(missing.isEmpty(), qPrintable(missing.join(u'\n')));
    }

    void theCodingPathHasShortcuts()
    {
        const QStringList coding = {
            QStringLiteral("actionNew"),           QStringLiteral("actionOpen"),
            QStringLiteral("actionImportFiles"),   QStringLiteral("actionDeleteAnnotation"),
            QStringLiteral("actionEditArticleText"), QStringLiteral("actionNextFlagged"),
            QStringLiteral("actionPreviousFlagged"), QStringLiteral("actionMarkDone"),
            QStringLiteral("actionReviewCoders"),  QStringLiteral("actionNextDisagreement"),
            QStringLiteral("actionPreviousDisagreement"), QStringLiteral("actionExportDataset"),
            QStringLiteral("actionGoToArticles"),  QStringLiteral("actionGoToArticle"),
            QStringLiteral("actionGoToAnnotations"), QStringLiteral("actionGoToCodebook"),
            QStringLiteral("actionGoToVariables"), QStringLiteral("actionShortcuts"),
            QStringLiteral("actionUserGuide")};
        QStringList missing;
        for (const QString &name : coding) {
            auto *action = m_window->findChild<QAction *>(name);
            QVERIFY2(action, qPrintable(name));
            if (action->shortcut().isEmpty())
                missing << name;
        }
        // Undo and redo, and the codebook's code keys (1 to 4 in the sample) on the Code menu.
        const QMenu *code = m_window->menuBar()->findChild<QMenu *>(QStringLiteral("menuCode"));
        QVERIFY(code && !code->actions().isEmpty());
        QStringList keyed;
        for (const QAction *a : code->actions()) {
            if (!a->shortcut().isEmpty())
                keyed << a->shortcut().toString();
        }
        QCOMPARE(keyed, (QStringList{QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3"), QStringLiteral("4")}));
        for (const QKeySequence &key : {QKeySequence(QKeySequence::Undo), QKeySequence(QKeySequence::Redo)}) {
            bool found = false;
            for (const QAction *a : m_window->findChildren<QAction *>())
                found = found || a->shortcuts().contains(key);
            if (!found)
                missing << key.toString();
        }
        QVERIFY2(missing.isEmpty(), qPrintable(missing.join(u'\n')));
        // No key does two things in the window.
        QHash<QKeySequence, QString> owners;
        for (const QAction *a : m_window->findChildren<QAction *>()) {
            for (const QKeySequence &key : a->shortcuts()) {
                const QString other = owners.value(key);
                QVERIFY2(other.isEmpty() || other == a->text(),
                         qPrintable(key.toString() + QStringLiteral(": ") + other + QStringLiteral(" / ") + a->text()));
                owners.insert(key, a->text());
            }
        }
    }

    void goToKeysMoveTheFocus()
    {
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        const struct
        {
            Qt::Key key;
            std::function<QWidget *()> area;
        } steps[] = {
            {Qt::Key_2, [this]() -> QWidget * { return m_window->workspace()->articleView(); }},
            {Qt::Key_3, [this]() -> QWidget * { return m_window->workspace()->annotationPane(); }},
            {Qt::Key_1, [this]() -> QWidget * { return m_window->findChild<QDockWidget *>(QStringLiteral("documentListDock")); }},
        };
        for (const auto &step : steps) {
            QTest::keyClick(m_window.get(), step.key, Qt::ControlModifier);
            QWidget *focus = QApplication::focusWidget();
            QWidget *area = step.area();
            QVERIFY2(area, qPrintable(QString::number(int(step.key))));
            QVERIFY2(focus && (focus == area || area->isAncestorOf(focus)),
                     qPrintable(QStringLiteral("Ctrl+%1 → %2").arg(QChar(step.key)).arg(QLatin1String(focus ? focus->metaObject()->className() : "nothing"))));
        }
        // A closed panel is opened by its key.
        auto *codebook = m_window->findChild<QDockWidget *>(QStringLiteral("codebookDock"));
        QVERIFY(codebook);
        codebook->hide();
        QTest::keyClick(m_window.get(), Qt::Key_4, Qt::ControlModifier);
        QVERIFY(codebook->isVisible());
        QTRY_VERIFY2(codebook->isAncestorOf(QApplication::focusWidget()),
                     QApplication::focusWidget() ? QApplication::focusWidget()->metaObject()->className() : "nothing");
    }
};

QTEST_MAIN(KeyboardReachTest)
#include "tst_keyboardreach.moc"
