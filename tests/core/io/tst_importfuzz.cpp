// Fixed-seed fuzzing of the import readers added for tables and news-database exports (the
// PDF and RTF readers have their own fuzz cases): truncation, byte flips, huge lines and deep
// nesting give documents or reasons — never a crash, a hang or a file that is neither.
#include "io/ArticleFileReader.h"

#include <QFile>
#include <QRandomGenerator>
#include <QTest>
#include "TestPaths.h"

using namespace Qt::StringLiterals;
using namespace newscoder;

namespace {

QByteArray sample(const QString &name)
{
    QFile f(QStringLiteral(NEWSCODER_TEST_DATA_DIR "/import/") + name);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(name));
    return f.readAll();
}

// Either the file failed with a reason, or it gave articles / reported every part it did not read.
bool accountedFor(const ArticleBatch &batch)
{
    if (!batch.error.isEmpty())
        return batch.documents.isEmpty();
    return !batch.documents.isEmpty() || !batch.rejected.isEmpty();
}

QByteArray mutated(const QByteArray &bytes, QRandomGenerator &random, int round)
{
    QByteArray out = bytes;
    static const char structural[] = "\n\r\t,;\"{}[]:\\<>/_ ";
    switch (round % 4) {
    case 0:
        out.truncate(random.bounded(qsizetype(1), out.size()));
        break;
    case 1:
        for (int i = 0; i < 1 + round % 11; ++i)
            out[random.bounded(out.size())] = char(random.bounded(256));
        break;
    case 2:
        for (int i = 0; i < 1 + round % 11; ++i)
            out[random.bounded(out.size())] = structural[random.bounded(int(sizeof(structural) - 1))];
        break;
    default: {
        const qsizetype at = random.bounded(out.size());
        out.remove(at, random.bounded(qsizetype(1), std::min<qsizetype>(200, out.size() - at) + 1));
        break;
    }
    }
    return out;
}

} // namespace

class TestImportFuzz : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void mutatedSamples_data()
    {
        QTest::addColumn<QString>("sample");
        QTest::addColumn<QString>("fileName");
        QTest::addColumn<quint32>("seed");
        QTest::newRow("csv") << u"tables/articles.csv"_s << u"f.csv"_s << 101u;
        QTest::newRow("tsv") << u"tables/articles.tsv"_s << u"f.tsv"_s << 102u;
        QTest::newRow("jsonl") << u"tables/articles.jsonl"_s << u"f.jsonl"_s << 103u;
        QTest::newRow("nexis") << u"nexis/three-articles.txt"_s << u"f.txt"_s << 104u;
        QTest::newRow("factiva") << u"factiva/two-articles.txt"_s << u"f.txt"_s << 105u;
        QTest::newRow("factiva html") << u"factiva/two-articles.html"_s << u"f.html"_s << 106u;
        QTest::newRow("proquest") << u"proquest/two-documents.txt"_s << u"f.txt"_s << 107u;
    }
    void mutatedSamples()
    {
        QFETCH(QString, sample);
        QFETCH(QString, fileName);
        QFETCH(quint32, seed);
        const QByteArray bytes = ::sample(sample);
        QRandomGenerator random(seed);
        for (int round = 0; round < 400; ++round) {
            const ArticleBatch batch = readArticleFile(mutated(bytes, random, round), fileName);
            QVERIFY2(accountedFor(batch), qPrintable(u"round %1"_s.arg(round)));
        }
    }

    void hugeLinesAndDeepNesting_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("fileName");
        const QByteArray huge(8 * 1024 * 1024, 'x');
        QTest::newRow("csv huge cell") << "text\n" + huge + "\n" << u"h.csv"_s;
        QTest::newRow("csv huge header") << huge + "\nx\n" << u"h.csv"_s;
        QTest::newRow("csv many columns") << QByteArray(200000, ',') + "\n" << u"w.csv"_s;
        QTest::newRow("csv open quote") << "text\n\"" + huge << u"q.csv"_s;
        QTest::newRow("jsonl huge line") << "{\"text\": \"" + huge + "\"}\n" << u"h.jsonl"_s;
        QTest::newRow("jsonl deep arrays") << QByteArray(100000, '[') + QByteArray(100000, ']') << u"d.jsonl"_s;
        QTest::newRow("jsonl deep objects") << QByteArray("{\"a\":").repeated(50000) << u"d.jsonl"_s;
        QTest::newRow("nexis huge line") << "Title\nOutlet\nMay 1, 2022\nBody\n" + huge + "\nEnd of Document\n"
                                         << u"n.txt"_s;
        QTest::newRow("nexis many separators") << QByteArray("End of Document\nBody\n").repeated(100000) << u"n.txt"_s;
        QTest::newRow("factiva many headlines") << QByteArray("HD  x\nSN  y\nTD  z\n").repeated(100000) << u"f.txt"_s;
        QTest::newRow("proquest many headers")
            << QByteArray("Document 1 of 1\nFull text: a\n").repeated(100000) << u"p.txt"_s;
        QTest::newRow("html deep") << "<html><body>" + QByteArray("<div><b>HD</b>").repeated(20000) << u"d.html"_s;
    }
    void hugeLinesAndDeepNesting()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, fileName);
        const ArticleBatch batch = readArticleFile(bytes, fileName);
        QVERIFY2(accountedFor(batch), qPrintable(batch.error));
    }
};

QTEST_MAIN(TestImportFuzz)
#include "tst_importfuzz.moc"
