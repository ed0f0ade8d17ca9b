// Help ▸ Keyboard Shortcuts (src/app/shell), offscreen: the list is read
// from the window's actions — every action with a shortcut is there with its
// key and menu, code keys included — and the search field filters it.
#include "../WindowTestSupport.h"

#include "shell/AppData.h"
#include "shell/MainWindow.h"
#include "shell/ProjectSession.h"
#include "shell/ShortcutsDialog.h"

#include <QAction>
#include <QApplication>
#include <QFile>
#include <QLineEdit>
#include <QSet>
#include <QSettings>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace newscoder;
using shell::ShortcutsDialog;

namespace {

QString keysOf(const QAction *action)
{
    QStringList keys;
    for (const QKeySequence &key : action->shortcuts())
        keys.append(key.toString(QKeySequence::NativeText));
    return keys.join(QStringLiteral(", "));
}

bool hasRow(const QList<QStringList> &rows, const QString &action, const QString &keys)
{
    for (const QStringList &row : rows)
        if (row.value(ShortcutsDialog::ActionColumn) == action && row.value(ShortcutsDialog::ShortcutColumn) == keys)
            return true;
    return false;
}

} // namespace

class ShortcutsDialogTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    MainWindow *m_window = nullptr;

private Q_SLOTS:
    void initTestCase()
    {
        test::useTestSettings("tst_shortcutsdialog");
        QSettings().clear();
        QSettings().setValue(QStringLiteral("coder/name"), QStringLiteral("Ana"));
        QVERIFY2(!shell::sampleTemplate().isEmpty(), "the build makes share/newscoder/sample.newscoder");
        const QString path = m_dir.filePath(QStringLiteral("sample.newscoder"));
        QVERIFY(QFile::copy(shell::sampleTemplate(), path));
        m_window = new MainWindow;
        QVERIFY(test::openAndShow(*m_window, path));
    }

    void cleanupTestCase() { delete m_window; }

    void listsEveryActionWithAShortcut()
    {
        ShortcutsDialog dialog(m_window);
        const QList<QStringList> rows = dialog.visibleRows();
        QSet<const QAction *> expected;
        QList<QAction *> actions = m_window->actions() + m_window->findChildren<QAction *>();
        for (const QAction *action : std::as_const(actions))
            if (!action->shortcuts().isEmpty())
                expected.insert(action);
        QVERIFY(expected.size() >= 15);
        QCOMPARE(rows.size(), expected.size());
        for (const QAction *action : std::as_const(expected)) {
            QString text = shell::plainActionText(action->text());
            if (text.isEmpty())
                text = shell::plainActionText(action->toolTip());
            QVERIFY2(hasRow(rows, text, keysOf(action)), qPrintable(text + u' ' + keysOf(action)));
        }
        // Known ones, as a researcher would look them up.
        QVERIFY(hasRow(rows, QStringLiteral("Code as Quote"), QStringLiteral("1")));
        QVERIFY(hasRow(rows, QStringLiteral("Code as Bias indicator"), QStringLiteral("4")));
        QVERIFY(hasRow(rows, QStringLiteral("Cue Highlighting"), QStringLiteral("Ctrl+Shift+H")));
        QVERIFY(hasRow(rows, QStringLiteral("Next Flagged Annotation"), QStringLiteral("F8")));
        QVERIFY(hasRow(rows, QStringLiteral("Preferences"), QStringLiteral("Ctrl+,")));
        QVERIFY(hasRow(rows, QStringLiteral("Import Articles"), QStringLiteral("Ctrl+I")));
        // The menu it sits in is named.
        for (const QStringList &row : rows)
            if (row.value(ShortcutsDialog::ActionColumn) == QLatin1String("Cue Highlighting"))
                QCOMPARE(row.value(ShortcutsDialog::MenuColumn), QStringLiteral("View"));
    }

    void searchFilters()
    {
        ShortcutsDialog dialog(m_window);
        const int all = dialog.visibleRows().size();
        QTest::keyClicks(dialog.filterEdit(), QStringLiteral("cue"));
        const QList<QStringList> cue = dialog.visibleRows();
        QCOMPARE(cue.size(), 1);
        QCOMPARE(cue.first().value(ShortcutsDialog::ActionColumn), QStringLiteral("Cue Highlighting"));
        // By key …
        dialog.setFilter(QStringLiteral("F8"));
        const QList<QStringList> f8 = dialog.visibleRows();
        QVERIFY(!f8.isEmpty());
        for (const QStringList &row : f8)
            QVERIFY2(row.join(u' ').contains(QStringLiteral("F8"), Qt::CaseInsensitive), qPrintable(row.join(u' ')));
        // … and by menu; every row shown matches, every row hidden does not.
        dialog.setFilter(QStringLiteral("code as"));
        const QList<QStringList> codes = dialog.visibleRows();
        int keyed = 0;
        for (const Code &code : m_window->session()->project().codes())
            keyed += code.shortcut.isEmpty() ? 0 : 1;
        QCOMPARE(codes.size(), keyed);
        dialog.setFilter(QStringLiteral("no such action anywhere"));
        QVERIFY(dialog.visibleRows().isEmpty());
        dialog.filterEdit()->clear();
        QCOMPARE(dialog.visibleRows().size(), all);
        QVERIFY(!dialog.filterEdit()->accessibleName().isEmpty());
        QVERIFY(!dialog.view()->accessibleName().isEmpty());
        if (const QString folder = qEnvironmentVariable("NEWSCODER_SCREENSHOT_DIR"); !folder.isEmpty()) {
            dialog.setFilter(QStringLiteral("code"));
            dialog.show();
            QVERIFY(QTest::qWaitForWindowExposed(&dialog));
            QVERIFY(dialog.grab().save(QDir(folder).filePath(QStringLiteral("shortcuts.png"))));
        }
    }

    void followsTheCodebook()
    {
        Project &project = m_window->session()->project();
        Code code;
        code.name = QStringLiteral("Frame");
        code.shortcut = QStringLiteral("7");
        code.color = Qt::darkCyan;
        QVERIFY(project.addCode(code));
        ShortcutsDialog dialog(m_window);
        QVERIFY(hasRow(dialog.visibleRows(), QStringLiteral("Code as Frame"), QStringLiteral("7")));
        project.undoStack()->undo();
        dialog.reload();
        QVERIFY(!hasRow(dialog.visibleRows(), QStringLiteral("Code as Frame"), QStringLiteral("7")));
    }

    void helpMenuOpensIt()
    {
        auto *action = m_window->findChild<QAction *>(QStringLiteral("actionShortcuts"));
        QVERIFY(action);
        int rows = -1;
        QTimer::singleShot(0, this, [&rows] {
            auto *dialog = qobject_cast<ShortcutsDialog *>(QApplication::activeModalWidget());
            if (!dialog)
                return;
            rows = int(dialog->visibleRows().size());
            dialog->reject();
        });
        action->trigger();
        QVERIFY(rows >= 15);
    }
};

QTEST_MAIN(ShortcutsDialogTest)
#include "tst_shortcutsdialog.moc"
