// The one reader of codebook files (io/CodebookFile.h): a codebook read
// whole, and a missing, too large or invalid file refused with its reason.
#include "io/CodebookFile.h"
#include "io/CodebookJson.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace newscoder;

class TestCodebookFile : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    QString write(const QString &name, const QByteArray &bytes)
    {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
            qFatal("cannot write %s", qPrintable(path));
        return path;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void readsACodebook()
    {
        const QList<Code> news = defaultNewsCodebook();
        QVERIFY(!news.isEmpty());
        const QString path = write(QStringLiteral("news.json"), writeCodebookJson(news, QStringLiteral("News")));
        const CodebookFileResult read = readCodebookFile(path);
        QVERIFY2(read.ok(), qPrintable(read.error));
        QCOMPARE(read.outcome, CodebookFileResult::Outcome::Read);
        QVERIFY(read.error.isEmpty());
        QCOMPARE(read.codes.size(), news.size());
        for (qsizetype i = 0; i < news.size(); ++i) {
            QCOMPARE(read.codes[i].name, news[i].name);
            QCOMPARE(read.codes[i].fields.size(), news[i].fields.size());
        }
    }

    void missingFileIsUnreadable()
    {
        const CodebookFileResult read = readCodebookFile(m_dir.filePath(QStringLiteral("nowhere.json")));
        QCOMPARE(read.outcome, CodebookFileResult::Outcome::Unreadable);
        QVERIFY(!read.ok());
        QVERIFY(!read.error.isEmpty()); // the system's reason
        QVERIFY(read.codes.isEmpty());
    }

    void invalidJsonSaysWhy()
    {
        const CodebookFileResult read = readCodebookFile(write(QStringLiteral("bad.json"), "{not json"));
        QCOMPARE(read.outcome, CodebookFileResult::Outcome::Invalid);
        QVERIFY(!read.error.isEmpty());
        const CodebookFileResult other =
            readCodebookFile(write(QStringLiteral("other.json"), R"({"format": "something-else", "codes": []})"));
        QCOMPARE(other.outcome, CodebookFileResult::Outcome::Invalid);
    }

    void theLimitIsKept()
    {
        const QByteArray json = writeCodebookJson(defaultNewsCodebook());
        const QString path = write(QStringLiteral("limit.json"), json);
        // Exactly at the limit is read; one byte over is refused unread.
        QVERIFY(readCodebookFile(path, json.size()).ok());
        const CodebookFileResult over = readCodebookFile(path, json.size() - 1);
        QCOMPARE(over.outcome, CodebookFileResult::Outcome::TooLarge);
        QVERIFY(over.codes.isEmpty());

        // The default limit: 16 MiB (white space after a valid codebook is still JSON).
        QCOMPARE(MaxCodebookFileBytes, qint64(16) * 1024 * 1024);
        const QString large =
            write(QStringLiteral("large.json"), json + QByteArray(int(MaxCodebookFileBytes - json.size() + 1), ' '));
        QCOMPARE(readCodebookFile(large).outcome, CodebookFileResult::Outcome::TooLarge);
        const QString atLimit =
            write(QStringLiteral("at-limit.json"), json + QByteArray(int(MaxCodebookFileBytes - json.size()), ' '));
        QVERIFY(readCodebookFile(atLimit).ok());
    }
};

QTEST_GUILESS_MAIN(TestCodebookFile)
#include "tst_codebookfile.moc"
