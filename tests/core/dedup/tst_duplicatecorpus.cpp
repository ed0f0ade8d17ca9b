// The real corpus (../shared/corpus, five articles on one topic from
// different outlets): a syndicated copy of one of them, with its headline and
// a few sentences rewritten, is flagged as a near-duplicate of it; the five
// different articles are not duplicates of each other.
#include "dedup/DuplicateFinder.h"
#include "dedup/TextShingles.h"
#include "io/ArticleImport.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include "TestPaths.h"

using namespace newscoder;
using namespace newscoder::dedup;

namespace {

QString corpusDir()
{
    const QString shared = qEnvironmentVariableIsSet("NEWSCODER_SHARED_DIR")
                               ? qEnvironmentVariable("NEWSCODER_SHARED_DIR")
                               : QStringLiteral(NEWSCODER_DEFAULT_SHARED_DIR);
    return shared + QStringLiteral("/corpus");
}

const QString SourceFile = QStringLiteral("001_13ac4cbc4fd4abfe.txt");

// What a partner outlet changed (the replacements are this test's own wording).
const QList<QPair<QString, QString>> Edits = {
    {QStringLiteral("Kremlin: Moscow-Washington Relations at Lowest Level"),
     QStringLiteral("Kremlin Says Ties With Washington Have Hit Bottom")},
    {QStringLiteral("Relations between Russia and the United States are at their lowest, Kremlin spokesman Dmitry "
                    "Peskov told Sputnik"),
     QStringLiteral("Ties between Moscow and Washington have sunk to their lowest point, Kremlin spokesman Dmitry "
                    "Peskov said in an interview")},
    {QStringLiteral("When it comes to talks on security guarantees with the West, Russia is preparing for the worst "
                    "but is hoping for the best, Peskov noted."),
     QStringLiteral("On the security talks with the West, Peskov said Moscow was preparing for the worst while "
                    "hoping for the best.")},
    {QStringLiteral("The spokesman mentioned that Russia sees attempts to focus on secondary issues in security "
                    "negotiations."),
     QStringLiteral("According to the spokesman, Western negotiators keep steering the talks toward secondary "
                    "issues.")},
};

} // namespace

class TestDuplicateCorpus : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void syndicatedCopyIsFlagged()
    {
        const QDir corpus(corpusDir());
        if (corpus.entryList(QDir::Files).size() < 5) {
            if (qEnvironmentVariable("CI") == QLatin1String("true"))
                QFAIL("no corpus under NEWSCODER_SHARED_DIR with CI=true");
            QSKIP("real corpus not available (set NEWSCODER_SHARED_DIR)");
        }
        QFile source(corpus.filePath(SourceFile));
        QVERIFY(source.open(QIODevice::ReadOnly));
        QString copy = QString::fromUtf8(source.readAll());
        for (const auto &[before, after] : Edits) {
            QVERIFY2(copy.contains(before), qPrintable(before));
            copy.replace(before, after);
        }
        QTemporaryDir dir;
        QFile out(dir.filePath(QStringLiteral("syndicated-copy.txt")));
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(copy.toUtf8());
        out.close();

        // Read the way an import reads them: the texts compared are the stored texts.
        const ImportReport report = readArticles({corpus.path(), out.fileName()});
        QVERIFY(report.skipped.isEmpty());
        QCOMPARE(report.documents.size(), 6);
        QStringList texts;
        int sourceIndex = -1, copyIndex = -1;
        for (qsizetype i = 0; i < report.documents.size(); ++i) {
            texts << report.documents[i].text;
            if (report.documents[i].importSource.endsWith(SourceFile))
                sourceIndex = int(i);
            if (report.documents[i].importSource.endsWith(QStringLiteral("syndicated-copy.txt")))
                copyIndex = int(i);
        }
        QVERIFY(sourceIndex >= 0 && copyIndex >= 0);

        DuplicateFinder finder; // defaults: threshold 0.8, 3-word shingles
        finder.addTexts(texts);
        const DuplicateResult result = finder.findClusters();
        QCOMPARE(result.clusters.size(), 1);
        const DuplicateCluster &cluster = result.clusters.first();
        QCOMPARE(cluster.members, (QList<int>{qMin(sourceIndex, copyIndex), qMax(sourceIndex, copyIndex)}));
        QCOMPARE(cluster.pairs.size(), 1);
        QVERIFY(!cluster.pairs[0].exact);
        qInfo("syndicated copy ~ its source: Jaccard %.3f", cluster.pairs[0].similarity);
        QVERIFY2(cluster.pairs[0].similarity >= 0.8 && cluster.pairs[0].similarity < 1.0,
                 qPrintable(QString::number(cluster.pairs[0].similarity)));

        // The five originals: every pair far below the threshold (same topic, different articles).
        double highest = 0;
        for (int i = 0; i < texts.size(); ++i) {
            for (int j = i + 1; j < texts.size(); ++j) {
                if (i == copyIndex || j == copyIndex)
                    continue;
                const double s = jaccard(shingleSet(wordHashes(texts[i]), 3), shingleSet(wordHashes(texts[j]), 3));
                QVERIFY2(s < 0.3, qPrintable(QStringLiteral("%1 ~ %2: %3").arg(i).arg(j).arg(s)));
                highest = qMax(highest, s);
            }
        }
        qInfo("highest similarity between two of the five originals: %.3f", highest);
    }
};

QTEST_GUILESS_MAIN(TestDuplicateCorpus)
#include "tst_duplicatecorpus.moc"
