// The Debian package: packed by cpack from this build dir, unpacked into a
// scratch root with `dpkg -x`, and run from there (CLI and an offscreen start
// of the window); its desktop integration validated as a desktop would read it.
#include <QDir>
#include <QFile>
#include <QImage>
#include <QMimeDatabase>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include "TestPaths.h"

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    bool ok() const { return exitCode == 0; }
    QString describe() const
    {
        return QStringLiteral("exit %1\nstdout: %2\nstderr: %3")
            .arg(exitCode)
            .arg(QString::fromUtf8(out.right(3000)), QString::fromUtf8(err.right(3000)));
    }
};

// Runs a program to its end (a crash or a time-out is exit -1 and fails the test).
Run run(const QString &program, const QStringList &args,
        const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment(), int timeoutMs = 300000)
{
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(program, args);
    Run r;
    if (!p.waitForStarted(10000) || !p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        r.err = QStringLiteral("%1 %2: did not start or finish: %3")
                    .arg(program, args.join(u' '), p.errorString())
                    .toUtf8();
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

QString readText(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

const QString Version = QStringLiteral(NEWSCODER_VERSION);
const QString AppId = QStringLiteral("org.newscoder.Newscoder");

} // namespace

class TestPackage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void controlFields();
    void installedFiles();
    void cliRunsFromPackage();
    void appStartsFromPackage();
    void desktopFilesValidate();
    void versionsAgree();
    void manPages();
    void projectFilesHaveTheMimeType();
    void bashCompletion();
    void lintianFindsNoErrorOrWarning();

private:
    QString usr(const QString &relative) const { return m_root.filePath(QStringLiteral("usr/") + relative); }
    QStringList cliCommands();

    QTemporaryDir m_dir;
    QDir m_root;
    QString m_deb;
    QString m_project;
};

void TestPackage::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // The XDG data dirs are read at QMimeDatabase's first use: the package's
    // share/ first, then the system's (for the generic SQLite type).
    m_root.setPath(m_dir.filePath(QStringLiteral("root")));
    qputenv("XDG_DATA_DIRS",
            (m_root.filePath(QStringLiteral("usr/share")) + QStringLiteral(":/usr/share")).toUtf8());
    qputenv("XDG_DATA_HOME", m_dir.filePath(QStringLiteral("data-home")).toUtf8());

    const QString out = m_dir.filePath(QStringLiteral("out"));
    const Run cpack =
        run(QStringLiteral("cpack"),
            {QStringLiteral("-G"), QStringLiteral("DEB"), QStringLiteral("--config"),
             QStringLiteral(NEWSCODER_BUILD_DIR "/CPackConfig.cmake"), QStringLiteral("-B"), out});
    QVERIFY2(cpack.ok(), qPrintable(cpack.describe()));
    const QStringList debs = QDir(out).entryList({QStringLiteral("*.deb")}, QDir::Files);
    QCOMPARE(debs.size(), 1);
    m_deb = QDir(out).filePath(debs.first());
    const Run unpack = run(QStringLiteral("dpkg"), {QStringLiteral("-x"), m_deb, m_root.path()});
    QVERIFY2(unpack.ok(), qPrintable(unpack.describe()));
}

void TestPackage::controlFields()
{
    const Run arch = run(QStringLiteral("dpkg"), {QStringLiteral("--print-architecture")});
    QVERIFY2(arch.ok(), qPrintable(arch.describe()));
    const QString architecture = QString::fromUtf8(arch.out).trimmed();
    QCOMPARE(QFileInfo(m_deb).fileName(), QStringLiteral("newscoder_%1_%2.deb").arg(Version, architecture));

    const auto field = [this](const char *name) {
        const Run r =
            run(QStringLiteral("dpkg-deb"), {QStringLiteral("-f"), m_deb, QString::fromLatin1(name)});
        return r.ok() ? QString::fromUtf8(r.out).trimmed() : QStringLiteral("<%1>").arg(r.describe());
    };
    QCOMPARE(field("Package"), QStringLiteral("newscoder"));
    QCOMPARE(field("Version"), Version);
    QCOMPARE(field("Architecture"), architecture);
    QCOMPARE(field("Section"), QStringLiteral("science"));
    const QString depends = field("Depends");
    // From dpkg-shlibdeps (the libraries the binaries link) ...
    for (const QString &library :
         {QStringLiteral("libqt6widgets6"), QStringLiteral("libqt6sql6"), QStringLiteral("libc6"),
          QStringLiteral("libkf6syntaxhighlighting6"), QStringLiteral("libqt6charts6")})
        QVERIFY2(depends.contains(library), qPrintable(library + QStringLiteral(" missing in: ") + depends));
    // ... and the plugins Qt loads at run time, which it cannot see.
    for (const QString &plugin : {QStringLiteral("libqt6sql6-sqlite"), QStringLiteral("qt6-qpa-plugins"),
                                  QStringLiteral("qt6-svg-plugins")})
        QVERIFY2(depends.split(QStringLiteral(", ")).contains(plugin),
                 qPrintable(plugin + QStringLiteral(" missing in: ") + depends));
}

void TestPackage::installedFiles()
{
    for (const QString &path : {QStringLiteral("bin/newscoder"), QStringLiteral("bin/newscoder-cli"),
                                QStringLiteral("share/applications/%1.desktop").arg(AppId),
                                QStringLiteral("share/metainfo/%1.metainfo.xml").arg(AppId),
                                QStringLiteral("share/mime/packages/%1.xml").arg(AppId),
                                QStringLiteral("share/icons/hicolor/scalable/apps/%1.svg").arg(AppId),
                                QStringLiteral("share/man/man1/newscoder.1.gz"),
                                QStringLiteral("share/man/man1/newscoder-cli.1.gz"),
                                QStringLiteral("share/bash-completion/completions/newscoder-cli"),
                                QStringLiteral("share/doc/newscoder/copyright"),
                                QStringLiteral("share/doc/newscoder/changelog.gz"),
                                // Help ▸ User Guide and the welcome screen's sample project (src/app/shell).
                                QStringLiteral("share/newscoder/docs/index.md"),
                                QStringLiteral("share/newscoder/docs/images/welcome.png"),
                                QStringLiteral("share/newscoder/sample.newscoder")}) {
        const QFileInfo info(usr(path));
        QVERIFY2(info.isFile() && info.size() > 0,
                 qPrintable(QStringLiteral("missing or empty: usr/") + path));
    }
    QVERIFY(QFileInfo(usr(QStringLiteral("bin/newscoder"))).isExecutable());
    QVERIFY(QFileInfo(usr(QStringLiteral("bin/newscoder-cli"))).isExecutable());
    // Every PNG size of the hicolor theme, rendered from the SVG at its size.
    for (const int size : {16, 22, 24, 32, 48, 64, 128, 256}) {
        const QString path =
            usr(QStringLiteral("share/icons/hicolor/%1x%1/apps/%2.png").arg(size).arg(AppId));
        const QImage icon(path);
        QVERIFY2(!icon.isNull(), qPrintable(path));
        QCOMPARE(icon.size(), QSize(size, size));
        QVERIFY(icon.hasAlphaChannel());
    }
    // Nothing of the build tree (tests, benchmarks) is packed.
    QCOMPARE(QDir(usr(QStringLiteral("bin"))).entryList(QDir::Files),
             QStringList({QStringLiteral("newscoder"), QStringLiteral("newscoder-cli")}));
}

void TestPackage::cliRunsFromPackage()
{
    const QString cli = usr(QStringLiteral("bin/newscoder-cli"));
    const Run version = run(cli, {QStringLiteral("--version")});
    QVERIFY2(version.ok(), qPrintable(version.describe()));
    QCOMPARE(QString::fromUtf8(version.out), QStringLiteral("newscoder-cli %1\n").arg(Version));

    // A project made by the packaged CLI, for the window to open.
    m_project = m_dir.filePath(QStringLiteral("study.newscoder"));
    const Run created = run(cli, {QStringLiteral("new"), m_project});
    QVERIFY2(created.ok(), qPrintable(created.describe()));
    const Run imported = run(cli, {QStringLiteral("import"), m_project,
                                   QStringLiteral(NEWSCODER_SOURCE_DIR "/resources/samples")});
    QVERIFY2(imported.ok(), qPrintable(imported.describe()));
    const Run info = run(cli, {QStringLiteral("info"), m_project, QStringLiteral("--json")});
    QVERIFY2(info.ok(), qPrintable(info.describe()));
    const int samples = QDir(QStringLiteral(NEWSCODER_SOURCE_DIR "/resources/samples"))
                            .entryList({QStringLiteral("*.txt")}, QDir::Files)
                            .size();
    QVERIFY(samples > 0);
    QVERIFY2(info.out.contains(QStringLiteral("\"documents\": %1").arg(samples).toUtf8()),
             info.out.constData());
}

void TestPackage::appStartsFromPackage()
{
    QVERIFY2(!m_project.isEmpty(), "cliRunsFromPackage made no project");
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.filePath(QStringLiteral("config")));
    const QString shot = m_dir.filePath(QStringLiteral("window.png"));
    const Run app =
        run(usr(QStringLiteral("bin/newscoder")),
            {QStringLiteral("--coder"), QStringLiteral("Packager"), QStringLiteral("--screenshot"), shot,
             QStringLiteral("--screenshot-size"), QStringLiteral("1280x800"), m_project},
            env);
    // Exit 0 means the screenshot was written and the project opened.
    QVERIFY2(app.ok(), qPrintable(app.describe()));
    QVERIFY(QFileInfo(shot).size() > 0);
    const QImage image(shot);
    QCOMPARE(image.size(), QSize(1280, 800));
    // A real window, not a blank area: many distinct colours.
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 7)
        for (int x = 0; x < image.width(); x += 7)
            colours.insert(image.pixel(x, y));
    QVERIFY2(colours.size() > 20, qPrintable(QString::number(colours.size())));
}

void TestPackage::desktopFilesValidate()
{
    const QString desktop = usr(QStringLiteral("share/applications/%1.desktop").arg(AppId));
    const Run desktopCheck = run(QStringLiteral("desktop-file-validate"), {desktop});
    QVERIFY2(desktopCheck.ok() && !desktopCheck.out.contains("error"), qPrintable(desktopCheck.describe()));
    const QString entry = readText(desktop);
    QVERIFY(entry.contains(QStringLiteral("\nExec=newscoder %f\n"))); // a double-clicked file is passed on
    QVERIFY(entry.contains(QStringLiteral("\nMimeType=application/x-newscoder;\n")));
    QVERIFY(entry.contains(QStringLiteral("\nIcon=%1\n").arg(AppId)));

    const Run metainfoCheck = run(QStringLiteral("appstreamcli"),
                                  {QStringLiteral("validate"), QStringLiteral("--no-net"),
                                   usr(QStringLiteral("share/metainfo/%1.metainfo.xml").arg(AppId))});
    QVERIFY2(metainfoCheck.ok(), qPrintable(metainfoCheck.describe()));
}

void TestPackage::versionsAgree()
{
    // The metainfo's newest release and the changelog's top entry are this version.
    const QString metainfo = readText(usr(QStringLiteral("share/metainfo/%1.metainfo.xml").arg(AppId)));
    const QRegularExpressionMatch release =
        QRegularExpression(QStringLiteral("<release version=\"([^\"]+)\" date=\"([^\"]+)\"")).match(metainfo);
    QVERIFY(release.hasMatch());
    QCOMPARE(release.captured(1), Version);
    QCOMPARE(release.captured(2), QStringLiteral(NEWSCODER_RELEASE_DATE));
    const Run changelog =
        run(QStringLiteral("gzip"),
            {QStringLiteral("-dc"), usr(QStringLiteral("share/doc/newscoder/changelog.gz"))});
    QVERIFY2(changelog.ok(), qPrintable(changelog.describe()));
    QVERIFY2(changelog.out.startsWith(QStringLiteral("newscoder (%1) ").arg(Version).toUtf8()),
             changelog.out.left(80).constData());
}

QStringList TestPackage::cliCommands()
{
    const Run help = run(usr(QStringLiteral("bin/newscoder-cli")), {QStringLiteral("--help")});
    QStringList commands;
    bool inside = false;
    for (const QString &line : QString::fromUtf8(help.out).split(u'\n')) {
        if (line.startsWith(QStringLiteral("Commands:")))
            inside = true;
        else if (inside && line.startsWith(QStringLiteral("  ")))
            commands << line.trimmed().section(u' ', 0, 0);
        else if (inside && !commands.isEmpty())
            break;
    }
    return commands;
}

void TestPackage::manPages()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    env.insert(QStringLiteral("MANWIDTH"), QStringLiteral("80"));
    QString cliPage;
    for (const QString &page : {QStringLiteral("newscoder"), QStringLiteral("newscoder-cli")}) {
        const Run man = run(QStringLiteral("man"),
                            {QStringLiteral("--warnings"), QStringLiteral("-l"),
                             usr(QStringLiteral("share/man/man1/%1.1.gz").arg(page))},
                            env);
        QVERIFY2(man.ok() && man.err.isEmpty(), qPrintable(page + u'\n' + man.describe()));
        QVERIFY(man.out.contains("SYNOPSIS"));
        if (page == QLatin1String("newscoder-cli"))
            cliPage = QString::fromUtf8(man.out);
    }
    // Every subcommand has its section, with the options of its --help.
    const QStringList commands = cliCommands();
    QVERIFY(commands.size() >= 20);
    for (const QString &command : commands)
        QVERIFY2(cliPage.contains(QStringLiteral("\n   %1\n       newscoder-cli %1 ").arg(command)),
                 qPrintable(command));
    QVERIFY(cliPage.contains(QStringLiteral("--neutralise-formulas")));
    QVERIFY(cliPage.contains(QStringLiteral("--units-csv <FILE>")));
}

void TestPackage::projectFilesHaveTheMimeType()
{
    QVERIFY2(!m_project.isEmpty(), "cliRunsFromPackage made no project");
    const QMimeDatabase mimes;
    const QMimeType project = mimes.mimeTypeForFile(m_project);
    QCOMPARE(project.name(), QStringLiteral("application/x-newscoder"));
    QVERIFY(project.inherits(QStringLiteral("application/vnd.sqlite3")));
    QCOMPARE(project.comment(), QStringLiteral("Newscoder project"));
    QCOMPARE(mimes.mimeTypeForName(QStringLiteral("application/x-newscoder")).globPatterns(),
             QStringList{QStringLiteral("*.newscoder")});
    // The same SQLite content under another name stays a generic SQLite database.
    const QString other = m_dir.filePath(QStringLiteral("copy.sqlite3"));
    QVERIFY(QFile::copy(m_project, other));
    QCOMPARE(mimes.mimeTypeForFile(other).name(), QStringLiteral("application/vnd.sqlite3"));
    const QString unnamed = m_dir.filePath(QStringLiteral("copy-without-extension"));
    QVERIFY(QFile::copy(m_project, unnamed));
    QCOMPARE(mimes.mimeTypeForFile(unnamed).name(), QStringLiteral("application/vnd.sqlite3"));
}

void TestPackage::bashCompletion()
{
    // Completes like bash would: COMP_WORDS up to the cursor, the function fills COMPREPLY.
    const auto complete = [this](const QString &words) {
        const QString script =
            QStringLiteral(
                "source /usr/share/bash-completion/bash_completion\n"
                "source '%1'\n"
                "COMP_WORDS=(%2); COMP_CWORD=$((${#COMP_WORDS[@]} - 1))\n"
                "COMP_LINE=\"${COMP_WORDS[*]}\"; COMP_POINT=${#COMP_LINE}\n"
                "cd '%3' && _newscoder_cli newscoder-cli && printf '%s\\n' \"${COMPREPLY[@]}\" | sort\n")
                .arg(usr(QStringLiteral("share/bash-completion/completions/newscoder-cli")), words,
                     m_dir.path());
        const Run r = run(QStringLiteral("bash"), {QStringLiteral("-c"), script});
        return r.ok() ? QString::fromUtf8(r.out).split(u'\n', Qt::SkipEmptyParts) : QStringList{r.describe()};
    };
    const QStringList commands = cliCommands();
    QStringList sortedCommands = commands;
    sortedCommands << QStringLiteral("--help") << QStringLiteral("--version");
    sortedCommands.sort();
    QStringList all = complete(QStringLiteral("newscoder-cli ''"));
    all.sort();
    QCOMPARE(all, sortedCommands);
    QCOMPARE(complete(QStringLiteral("newscoder-cli expo")), QStringList{QStringLiteral("export")});
    QCOMPARE(complete(QStringLiteral("newscoder-cli export study.newscoder --fo")),
             QStringList{QStringLiteral("--format")});
    QCOMPARE(complete(QStringLiteral("newscoder-cli export study.newscoder --format x")),
             QStringList{QStringLiteral("xlsx")});
    QCOMPARE(complete(QStringLiteral("newscoder-cli annotate study.newscoder --mat")),
             QStringList{QStringLiteral("--match")});
    QCOMPARE(complete(QStringLiteral("newscoder-cli reliability x.csv --measure weighted")),
             QStringList{QStringLiteral("weighted-cohen")});
    // The project file is offered where PROJECT goes; an option's value gets nothing.
    QCOMPARE(complete(QStringLiteral("newscoder-cli info stu")),
             QStringList{QStringLiteral("study.newscoder")});
    QCOMPARE(complete(QStringLiteral("newscoder-cli text study.newscoder --document ''")), QStringList{});
}

void TestPackage::lintianFindsNoErrorOrWarning()
{
    // Informational tags (hardening flags the build does not set) are allowed.
    const Run lintian =
        run(QStringLiteral("lintian"), {QStringLiteral("--fail-on"), QStringLiteral("error,warning"), m_deb});
    QVERIFY2(lintian.ok(), qPrintable(lintian.describe()));
    QVERIFY2(!lintian.out.contains("\nE: ") && !lintian.out.startsWith("E: ") && !lintian.out.contains("W: "),
             lintian.out.constData());
}

QTEST_GUILESS_MAIN(TestPackage)
#include "tst_package.moc"
