// newscoder-cli codebook / codebook-import, run as the real binary: the tree
// listing, the JSON (ids, counts, hierarchy, re-readable), importing with
// merge by name, and refusals (bad JSON, unknown format, too large) that
// leave the project file untouched.
#include "CliTestSupport.h"
#include "io/CodebookJson.h"
#include "project/Project.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace newscoder;
using namespace newscoder::test;

namespace {

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

} // namespace

class TestCliCodebook : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_project;

    QString path(const QString &name) const { return m_dir.filePath(name); }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_project = path(QUuid::createUuid().toString(QUuid::WithoutBraces) + QStringLiteral(".newscoder"));
        auto project = Project::create(m_project, defaultNewsCodebook());
        Code sub;
        sub.name = QStringLiteral("Direct quote");
        sub.parentId = project->codeByName(QStringLiteral("Quote"))->id;
        QVERIFY(project->addCode(sub));
    }

    void treeListing()
    {
        const Run r = cli({QStringLiteral("codebook"), m_project});
        QVERIFY2(r.exitCode == 0 && r.err.isEmpty(), qPrintable(describe(r)));
        const QStringList lines = QString::fromUtf8(r.out).split(u'\n');
        QVERIFY(lines.value(0).startsWith(QStringLiteral("Quote  [key 1, span, 0 annotation(s)]")));
        QVERIFY2(lines.contains(QStringLiteral("  Direct quote  [span, 0 annotation(s)]")), qPrintable(describe(r)));
        QVERIFY(lines.contains(QStringLiteral("    - Type (choice, required): direct | indirect | partial")));
        QVERIFY(lines.contains(QStringLiteral("    - Speaker (annotation-link, required) → Speaker")));
        // The sub-code is listed right after its parent's fields, before Speaker.
        const qsizetype direct = lines.indexOf(QStringLiteral("  Direct quote  [span, 0 annotation(s)]"));
        qsizetype speaker = -1;
        for (qsizetype i = 0; i < lines.size(); ++i) {
            if (lines[i].startsWith(QStringLiteral("Speaker  [")))
                speaker = i;
        }
        QVERIFY(direct > 0 && speaker > direct);
    }

    void jsonListing()
    {
        auto project = Project::open(m_project);
        project->setCoderName(QStringLiteral("Ana"));
        Document d;
        d.title = QStringLiteral("T");
        d.text = QStringLiteral("Some text of an article.");
        const QList<QUuid> docs = project->importDocuments({d});
        QCOMPARE(docs.size(), 1);
        const QUuid quote = project->codeByName(QStringLiteral("Quote"))->id;
        QVERIFY(project->addAnnotation(docs.first(), quote, 0, 4));
        QVERIFY(project->addAnnotation(docs.first(), quote, 5, 9));
        const QList<Code> codes = project->codes();
        project.reset();

        const Run r = cli({QStringLiteral("codebook"), m_project, QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0 && r.err.isEmpty(), qPrintable(describe(r)));
        const QJsonObject root = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(root.value(u"format").toString(), QStringLiteral("newscoder-codebook"));
        QCOMPARE(root.value(u"version").toInt(), kCodebookJsonVersion);
        const QJsonArray top = root.value(u"codes").toArray();
        QCOMPARE(top.size(), 6);
        const QJsonObject q = top.at(0).toObject();
        QCOMPARE(q.value(u"name").toString(), QStringLiteral("Quote"));
        QCOMPARE(QUuid::fromString(q.value(u"id").toString()), quote);
        QCOMPARE(q.value(u"annotations").toInt(), 2);
        QCOMPARE(q.value(u"children").toArray().at(0)[u"name"].toString(), QStringLiteral("Direct quote"));
        QCOMPARE(q.value(u"children").toArray().at(0)[u"annotations"].toInt(), 0);
        const QJsonObject type = q.value(u"fields").toArray().at(0).toObject();
        QCOMPARE(QUuid::fromString(type.value(u"id").toString()), codes.first().fields.first().id);
        QCOMPARE(top.at(4)[u"unit"].toString(), QStringLiteral("article"));
        // The listing is itself a codebook file.
        const CodebookReadResult back = readCodebookJson(r.out);
        QVERIFY2(back.error.isEmpty(), qPrintable(back.error));
        QCOMPARE(back.codes.size(), codes.size());
    }

    void importMerges()
    {
        const QString file = path(QStringLiteral("extra.json"));
        QVERIFY(writeFile(file, R"({"format": "newscoder-codebook", "version": 2, "codes": [
            {"name": "Frame", "shortcut": "1", "children": [{"name": "Conflict"}]},
            {"name": "QUOTE", "fields": [{"name": "Channel", "kind": "text"}]}]})"));
        const Run r = cli({QStringLiteral("codebook-import"), m_project, file, QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0 && r.err.isEmpty(), qPrintable(describe(r)));
        const QJsonObject summary = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(summary.value(u"added").toInt(), 2);
        QCOMPARE(summary.value(u"merged").toInt(), 1);
        QCOMPARE(summary.value(u"fields_added").toInt(), 1);

        auto store = openProjectReader(m_project);
        const auto frame = store->codeByName(QStringLiteral("Frame"));
        QVERIFY(frame);
        QVERIFY(frame->shortcut.isEmpty()); // "1" belongs to Quote
        QCOMPARE(store->codeByName(QStringLiteral("Conflict"))->parentId, frame->id);
        const auto quote = store->codeByName(QStringLiteral("Quote"));
        QVERIFY(quote->fieldByName(QStringLiteral("Channel")));
        QCOMPARE(store->codes().size(), 9); // 6 default + Direct quote + Frame, Conflict

        const Run plain = cli({QStringLiteral("codebook-import"), m_project, file});
        QVERIFY2(plain.exitCode == 0, qPrintable(describe(plain)));
        QCOMPARE(QString::fromUtf8(plain.out),
                 QStringLiteral("0 code(s) added, 3 merged into existing codes, 0 field(s) added\n"));
    }

    void refusals_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("message");
        QTest::newRow("bad json") << QByteArray("{\"format\": ") << QStringLiteral("Not valid JSON");
        QTest::newRow("unknown format") << QByteArray(R"({"format": "something-else", "codes": []})")
                                        << QStringLiteral("Not a Newscoder codebook");
        QTest::newRow("newer version") << QByteArray(R"({"format": "newscoder-codebook", "version": 99})")
                                       << QStringLiteral("version 99 is not supported");
        QTest::newRow("bad field kind")
            << QByteArray(R"({"format": "newscoder-codebook", "version": 2, "codes": [{"name": "A", "fields": [{"name": "f", "kind": "colour"}]}]})")
            << QStringLiteral("unknown kind");
        QTest::newRow("too large") << QByteArray(17 * 1024 * 1024, ' ') << QStringLiteral("larger than 16 MiB");
    }

    void refusals()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, message);
        const QString file = path(QStringLiteral("bad.json"));
        QVERIFY(writeFile(file, content));
        const QByteArray before = fileHash(m_project);
        const Run r = cli({QStringLiteral("codebook-import"), m_project, file});
        QVERIFY2(r.status == QProcess::NormalExit && r.exitCode == 2, qPrintable(describe(r)));
        QVERIFY2(QString::fromUtf8(r.err).contains(message), qPrintable(describe(r)));
        QVERIFY(r.out.isEmpty());
        QCOMPARE(fileHash(m_project), before);
    }

    void usageAndMissingFiles()
    {
        Run r = cli({QStringLiteral("codebook-import"), m_project});
        QCOMPARE(r.exitCode, 1);
        r = cli({QStringLiteral("codebook-import"), m_project, path(QStringLiteral("missing.json"))});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("cannot read"));
        r = cli({QStringLiteral("codebook"), path(QStringLiteral("missing.newscoder"))});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(!r.err.isEmpty());
        r = cli({QStringLiteral("--help")});
        QVERIFY(r.out.contains("codebook-import"));
    }
};

QTEST_GUILESS_MAIN(TestCliCodebook)
#include "tst_cli_codebook.moc"
