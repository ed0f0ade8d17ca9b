// newscoder-cli refi-export / refi-import, run as a real process.
#include "CliTestSupport.h"

#include "../core/refi/RefiTestSupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace newscoder::test;

class TestCliRefi : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString path(const QString &name) const { return m_dir.filePath(name); }

    // A project with one non-BMP article coded by two coders.
    QString codedProject()
    {
        const QString project = path(QStringLiteral("study.newscoder"));
        if (QFile::exists(project))
            return project;
        const QString article = path(QStringLiteral("festival.txt"));
        writeBytes(article, QStringLiteral("Festival in the square\n\nFans sang \U0001D11E and waved flags. "
                                           "\"A day of joy,\" said Mayor Ana Reyes.\n").toUtf8());
        runCli({QStringLiteral("new"), project});
        runCli({QStringLiteral("import"), project, article});
        const QJsonArray docs = QJsonDocument::fromJson(runCli({QStringLiteral("documents"), project, QStringLiteral("--json")}).out).array();
        const QString id = docs.at(0).toObject().value(QStringLiteral("id")).toString();
        runCli({QStringLiteral("annotate"), project, QStringLiteral("--document"), id, QStringLiteral("--code"),
                QStringLiteral("Quote"), QStringLiteral("--match"), QStringLiteral("\"A day of joy,\""),
                QStringLiteral("--coder"), QStringLiteral("Ana")});
        runCli({QStringLiteral("annotate"), project, QStringLiteral("--document"), id, QStringLiteral("--code"),
                QStringLiteral("Speaker"), QStringLiteral("--match"), QStringLiteral("Ana Reyes"),
                QStringLiteral("--coder"), QStringLiteral("Ben")});
        return project;
    }

private Q_SLOTS:
    void exportAndImportIntoANewProject()
    {
        const QString project = codedProject();
        const QString out = path(QStringLiteral("study.qdpx"));
        CliRun run = runCli({QStringLiteral("refi-export"), project, out, QStringLiteral("--json")});
        QVERIFY2(run.ok(), qPrintable(run.describe()));
        QJsonObject counts = QJsonDocument::fromJson(run.out).object();
        QCOMPARE(counts.value(QStringLiteral("selections")).toInt(), 2);
        QCOMPARE(counts.value(QStringLiteral("users")).toInt(), 2);

        const QString fresh = path(QStringLiteral("copy.newscoder"));
        run = runCli({QStringLiteral("refi-import"), fresh, out, QStringLiteral("--json")});
        QVERIFY2(run.ok(), qPrintable(run.describe()));
        const QJsonObject report = QJsonDocument::fromJson(run.out).object();
        QCOMPARE(report.value(QStringLiteral("project_created")).toBool(), true);
        for (const char *key : {"sources", "codes", "selections", "users", "notes", "cases"})
            QVERIFY2(report.contains(QLatin1String(key)), key);
        QCOMPARE(report.value(QStringLiteral("sources")).toInt(), 1);
        QCOMPARE(report.value(QStringLiteral("selections")).toInt(), 2);
        QCOMPARE(report.value(QStringLiteral("users")).toInt(), 2);
        QVERIFY(report.value(QStringLiteral("skipped")).isArray());

        // Typed span fields have no place in REFI-QDA (README: what is lost), so the
        // imported codes have none: compare everything but "fields".
        const auto withoutFields = [](const QJsonArray &rows) {
            QJsonArray kept;
            for (const QJsonValue &row : rows) {
                QJsonObject o = row.toObject();
                o.remove(QStringLiteral("fields"));
                kept.append(o);
            }
            return kept;
        };
        const QJsonArray before = withoutFields(QJsonDocument::fromJson(runCli({QStringLiteral("annotations"), project, QStringLiteral("--json")}).out).array());
        const QJsonArray after = withoutFields(QJsonDocument::fromJson(runCli({QStringLiteral("annotations"), fresh, QStringLiteral("--json")}).out).array());
        QCOMPARE(after.size(), 2);
        QCOMPARE(after, before); // same ids, spans, texts, codes, coders, memos

        // Again: nothing changes.
        run = runCli({QStringLiteral("refi-import"), fresh, out, QStringLiteral("--json")});
        QVERIFY2(run.ok(), qPrintable(run.describe()));
        QCOMPARE(QJsonDocument::fromJson(run.out).object().value(QStringLiteral("added")).toObject()
                     .value(QStringLiteral("selections")).toInt(), 0);
        QCOMPARE(QJsonDocument::fromJson(runCli({QStringLiteral("annotations"), fresh, QStringLiteral("--json")}).out).array().size(), 2);
    }

    void codebookAndCoders()
    {
        const QString project = codedProject();
        CliRun run = runCli({QStringLiteral("refi-export"), project, path(QStringLiteral("codes.qdc"))});
        QVERIFY2(run.ok(), qPrintable(run.describe()));
        QVERIFY(QFile::exists(path(QStringLiteral("codes.qdc"))));
        run = runCli({QStringLiteral("refi-export"), project, path(QStringLiteral("ben.qdpx")), QStringLiteral("--coders"),
                      QStringLiteral("Ben"), QStringLiteral("--json")});
        QVERIFY2(run.ok(), qPrintable(run.describe()));
        QCOMPARE(QJsonDocument::fromJson(run.out).object().value(QStringLiteral("selections")).toInt(), 1);
        run = runCli({QStringLiteral("refi-import"), path(QStringLiteral("cb.newscoder")), path(QStringLiteral("codes.qdc")),
                      QStringLiteral("--json")});
        QVERIFY2(run.ok(), qPrintable(run.describe()));
        QVERIFY(QJsonDocument::fromJson(run.out).object().value(QStringLiteral("codes")).toInt() >= 4);
    }

    void badInputExitsTwo()
    {
        const QString project = codedProject();
        CliRun run = runCli({QStringLiteral("refi-export"), project, path(QStringLiteral("out.zip"))});
        QCOMPARE(run.exitCode, 2);
        QVERIFY(!run.err.isEmpty());
        run = runCli({QStringLiteral("refi-export"), project, path(QStringLiteral("x.qdpx")), QStringLiteral("--coders"),
                      QStringLiteral("Nobody")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.err.contains("Nobody"));
        QVERIFY(!QFile::exists(path(QStringLiteral("x.qdpx"))));

        // A hostile archive: refused, and the project that would have been created is not left behind.
        const QString evil = path(QStringLiteral("evil.qdpx"));
        QVERIFY(writeBytes(evil, buildZip({{QStringLiteral("project.qde"), QByteArray("<Project name=\"x\"/>")},
                                           {QString(), QByteArray("x"), false, QByteArray("../escape.txt")}})));
        const QString target = path(QStringLiteral("never.newscoder"));
        run = runCli({QStringLiteral("refi-import"), target, evil, QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains("outside the archive"), run.err.constData());
        QVERIFY(!QFile::exists(target));
        // Into an existing project: nothing written.
        const QByteArray before = runCli({QStringLiteral("annotations"), project, QStringLiteral("--json")}).out;
        run = runCli({QStringLiteral("refi-import"), project, evil});
        QCOMPARE(run.exitCode, 2);
        QCOMPARE(runCli({QStringLiteral("annotations"), project, QStringLiteral("--json")}).out, before);
        run = runCli({QStringLiteral("refi-import"), project, path(QStringLiteral("missing.qdpx"))});
        QCOMPARE(run.exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(TestCliRefi)
#include "tst_cli_refi.moc"
