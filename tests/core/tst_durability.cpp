// Durability: an annotation a process added is in the file even when that
// process is killed with SIGKILL right after addAnnotation returned, and the
// dead process's lock does not keep the project from being opened again.
#include "CoreTestSupport.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace newscoder;
using namespace newscoder::test;

class TestDurability : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY2(QFileInfo::exists(QStringLiteral(DURABILITY_HELPER)), DURABILITY_HELPER); }

    void annotationSurvivesSigkill_data()
    {
        QTest::addColumn<QString>("coder");
        QTest::newRow("existing coder") << QStringLiteral("Alex Example");
        QTest::newRow("new coder \U0001F9EA") << QStringLiteral("Kim \U0001F9EA Beispiel");
    }

    void annotationSurvivesSigkill()
    {
        QFETCH(QString, coder);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QString path;
        QUuid existing;
        {
            ProjectFixture fx(dir.path()); // closed again before the helper starts
            path = fx.path;
            existing = *fx.project->addAnnotation(fx.nonBmpDoc, fx.codeId(QStringLiteral("Claim")), 10, 12);
        }

        QProcess helper;
        helper.setProcessChannelMode(QProcess::SeparateChannels);
        helper.start(QStringLiteral(DURABILITY_HELPER), {path, coder});
        QVERIFY2(helper.waitForStarted(10000), qPrintable(helper.errorString()));
        QByteArray out;
        QElapsedTimer timer;
        timer.start();
        while (!out.contains('\n') && timer.elapsed() < 30000 && helper.state() == QProcess::Running) {
            helper.waitForReadyRead(1000);
            out += helper.readAllStandardOutput();
        }
        QVERIFY2(out.startsWith("done "), qPrintable(QString::fromUtf8(out + helper.readAllStandardError())));
        const QUuid id = QUuid::fromString(QString::fromUtf8(out.mid(5).trimmed()));
        QVERIFY(!id.isNull());

        // While it lives, it holds the write lock: cross-process locking works.
        try {
            ProjectStore::open(path);
            QFAIL("the helper still has the project open for writing");
        } catch (const StoreError &e) {
            QCOMPARE(e.kind(), StoreError::Kind::Locked);
        }

        helper.kill(); // SIGKILL: no destructors, no checkpoint, no unlock
        QVERIFY(helper.waitForFinished(10000));
        QCOMPARE(helper.exitStatus(), QProcess::CrashExit);
        QVERIFY(QFileInfo::exists(path + QStringLiteral(".lock"))); // left behind by the dead process

        // Reopened for writing: the stale lock does not block, the annotation is there.
        auto project = Project::open(path, ProjectStore::Access::ReadWrite);
        const auto a = project->store().annotation(id);
        QVERIFY(a);
        QCOMPARE(a->memo, QStringLiteral("written before SIGKILL"));
        QCOMPARE(a->start, 0);
        QCOMPARE(a->end, 8);
        QCOMPARE(project->coderNameFor(a->coderId), coder);
        QVERIFY(project->store().annotation(existing));
        QCOMPARE(project->store().annotationCount(), 2);
        // And the project is fully writable again.
        project->setCoderName(QStringLiteral("After"));
        QVERIFY(project->addAnnotation(a->documentId, a->codeId, 1, 3));
    }
};

QTEST_GUILESS_MAIN(TestDurability)
#include "tst_durability.moc"
