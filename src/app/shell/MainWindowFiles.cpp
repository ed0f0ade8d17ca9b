// MainWindow's project files: recent files, Open, New (with the codebook it
// starts from), Save As and Save a Copy. Split from MainWindow.cpp to keep
// files small.
#include "shell/MainWindow.h"

#include "common/Prompt.h"
#include "io/CodebookFile.h"
#include "io/CodebookJson.h"
#include "shell/ProjectSession.h"
#include "storage/StoreError.h"
#include "ui_MainWindow.h"

#include <QFile>
#include <QFileInfo>
#include <QSettings>
#include <QStatusBar>

namespace newscoder {

namespace {

const QString RecentFilesKey = QStringLiteral("recentFiles");
constexpr int MaxRecentFiles = 8;
const QString ProjectFilter = QStringLiteral("Newscoder projects (*.newscoder)");

QString withSuffix(QString path)
{
    if (!path.isEmpty() && QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".newscoder");
    return path;
}

} // namespace

void MainWindow::addRecentFile(const QString &path)
{
    QSettings settings;
    QStringList files = settings.value(RecentFilesKey).toStringList();
    const QString absolute = QFileInfo(path).absoluteFilePath();
    files.removeAll(absolute);
    files.prepend(absolute);
    while (files.size() > MaxRecentFiles)
        files.removeLast();
    settings.setValue(RecentFilesKey, files);
    rebuildRecentMenu();
}

void MainWindow::rebuildRecentMenu()
{
    m_ui->menuRecent->clear();
    const QStringList files = QSettings().value(RecentFilesKey).toStringList();
    for (qsizetype i = 0; i < files.size(); ++i) {
        const QString &file = files[i];
        // "&1 study.newscoder": Alt, then the number; an & of the name stays an &.
        const QString name = QFileInfo(file).fileName().replace(u'&', QStringLiteral("&&"));
        QAction *action = m_ui->menuRecent->addAction(i < 9 ? QStringLiteral("&%1 %2").arg(i + 1).arg(name)
                                                            : QStringLiteral("%1 &%2").arg(i + 1).arg(name));
        action->setToolTip(file);
        action->setStatusTip(file);
        connect(action, &QAction::triggered, this, [this, file] { openProject(file); });
    }
    m_ui->menuRecent->setEnabled(!files.isEmpty());
    refreshWelcome();
}

void MainWindow::chooseAndOpen()
{
    const QString path = Prompt::current().chooseFile(this, Prompt::FileMode::Open, tr("Open Project"), QString(),
                                                      ProjectFilter);
    if (!path.isEmpty())
        openProject(path);
}

void MainWindow::chooseAndCreate()
{
    const QString path = withSuffix(
        Prompt::current().chooseFile(this, Prompt::FileMode::Save, tr("New Project"), QString(), ProjectFilter));
    if (path.isEmpty())
        return;
    if (QFileInfo::exists(path)) {
        showError(tr("%1 already exists. Choose another name — Newscoder never overwrites a project.").arg(path));
        return;
    }
    // What the codebook starts from: the news codebook, nothing, or a codebook file.
    enum { News, Empty, File };
    const int start = Prompt::current().choose(this, tr("New Project"), tr("Start the codebook from…"),
                                               {tr("News Codebook"), tr("Empty"), tr("Codebook File…")}, News);
    if (start == Empty) {
        createProject(path, QList<Code>{});
    } else if (start == File) {
        const QString json = Prompt::current().chooseFile(this, Prompt::FileMode::Open, tr("Codebook"), QString(),
                                                          tr("Codebooks (*.json)"));
        if (json.isEmpty())
            return;
        const CodebookFileResult read = readCodebookFile(json);
        if (read.outcome == CodebookFileResult::Outcome::Unreadable
            || read.outcome == CodebookFileResult::Outcome::TooLarge) {
            showError(tr("Cannot read %1 (missing, unreadable or larger than 16 MiB).").arg(json));
            return;
        }
        if (!read.ok()) {
            showError(tr("%1 is not a usable codebook: %2").arg(json, read.error));
            return;
        }
        createProject(path, read.codes);
    } else if (start == News) {
        createProject(path);
    }
}

void MainWindow::saveAs(bool keepWorkingHere)
{
    if (!m_session)
        return;
    const QString path = withSuffix(Prompt::current().chooseFile(
        this, Prompt::FileMode::Save, keepWorkingHere ? tr("Save a Copy") : tr("Save As"), QString(), ProjectFilter));
    if (path.isEmpty())
        return;
    try {
        m_session->project().saveCopy(path);
    } catch (const StoreError &e) {
        showError(e.message());
        return;
    }
    if (keepWorkingHere) {
        statusBar()->showMessage(tr("Saved a copy as %1").arg(path), 8000);
        return;
    }
    openProject(path, false);
}

} // namespace newscoder
