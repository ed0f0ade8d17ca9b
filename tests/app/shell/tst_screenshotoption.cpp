// The app's --screenshot FILE and --screenshot-size WxH, run as the real
// `newscoder` binary (offscreen): the picture has the asked size; a size
// that is no size is refused with a message and exit code 2.
#include "io/CodebookJson.h"
#include "project/Project.h"

#include <QImage>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace newscoder;

namespace {

struct Run
{
    int exitCode = -1;
    QString errors;
};

Run runApp(const QStringList &arguments, const QString &configHome)
{
    QProcess app;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), configHome); // no settings of the user's own
    app.setProcessEnvironment(env);
    app.start(QStringLiteral(NEWSCODER_APP_PATH), arguments);
    if (!app.waitForFinished(60000)) {
        app.kill();
        app.waitForFinished();
        return {};
    }
    return {app.exitStatus() == QProcess::NormalExit ? app.exitCode() : -1,
            QString::fromLocal8Bit(app.readAllStandardError())};
}

} // namespace

class TestScreenshotOption : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void savesTheAskedSize_data()
    {
        QTest::addColumn<QString>("size");
        QTest::addColumn<QSize>("expected");
        QTest::newRow("1280x800") << QStringLiteral("1280x800") << QSize(1280, 800);
        QTest::newRow("1920x1080") << QStringLiteral("1920x1080") << QSize(1920, 1080);
    }

    void savesTheAskedSize()
    {
        QFETCH(QString, size);
        QFETCH(QSize, expected);
        QTemporaryDir dir;
        const QString project = dir.filePath(QStringLiteral("shot.newscoder"));
        Project::create(project, defaultNewsCodebook()).reset(); // closed again: the app opens it
        const QString png = dir.filePath(QStringLiteral("shot.png"));
        const Run run =
            runApp({QStringLiteral("--coder"), QStringLiteral("Ana"), QStringLiteral("--screenshot"), png,
                    QStringLiteral("--screenshot-size"), size, project},
                   dir.filePath(QStringLiteral("config")));
        QVERIFY2(run.exitCode == 0, qPrintable(run.errors));
        const QImage image(png);
        QVERIFY(!image.isNull());
        QCOMPARE(image.size() / image.devicePixelRatio(), expected);
    }

    void refusesAnUnreadableSize_data()
    {
        QTest::addColumn<QString>("size");
        QTest::newRow("no height") << QStringLiteral("1920x");
        QTest::newRow("words") << QStringLiteral("large");
        QTest::newRow("too small") << QStringLiteral("100x80");
    }

    void refusesAnUnreadableSize()
    {
        QFETCH(QString, size);
        QTemporaryDir dir;
        const QString png = dir.filePath(QStringLiteral("shot.png"));
        const Run run =
            runApp({QStringLiteral("--screenshot"), png, QStringLiteral("--screenshot-size"), size},
                   dir.filePath(QStringLiteral("config")));
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.errors.contains(QStringLiteral("--screenshot-size")) && run.errors.contains(size),
                 qPrintable(run.errors));
        QVERIFY(!QFile::exists(png)); // nothing written
    }
};

QTEST_GUILESS_MAIN(TestScreenshotOption)
#include "tst_screenshotoption.moc"
