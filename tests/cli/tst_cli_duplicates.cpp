// newscoder-cli duplicates: clusters of exact and near-duplicate articles as
// JSON and as text, the threshold, bad input, and a syndicated copy of a real
// corpus article imported through the CLI.
#include "../core/dedup/DedupSamples.h"
#include "CliTestSupport.h"
#include "io/CodebookJson.h"
#include "project/Project.h"
#include "storage/ProjectStore.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include "TestPaths.h"

using namespace newscoder;
using namespace newscoder::test;
using namespace newscoder::test::dedup;

namespace {

struct Article
{
    const char *title;
    const char *outlet;
    QDate date;
    QString text;
};

QJsonObject jsonOf(const Run &r)
{
    return QJsonDocument::fromJson(r.out).object();
}

QStringList idsOf(const QJsonObject &cluster)
{
    QStringList ids;
    for (const QJsonValue &d : cluster.value(QStringLiteral("documents")).toArray())
        ids << d.toObject().value(QStringLiteral("id")).toString();
    return ids;
}

QString corpusDir()
{
    const QString shared = qEnvironmentVariableIsSet("NEWSCODER_SHARED_DIR")
                               ? qEnvironmentVariable("NEWSCODER_SHARED_DIR")
                               : QStringLiteral(NEWSCODER_DEFAULT_SHARED_DIR);
    return shared + QStringLiteral("/corpus");
}

} // namespace

class TestCliDuplicates : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_path;
    QHash<QString, QString> m_ids; // title → id

    void makeProject(const QList<Article> &articles)
    {
        m_path = m_dir.filePath(QUuid::createUuid().toString(QUuid::WithoutBraces) + QStringLiteral(".newscoder"));
        auto project = Project::create(m_path, defaultNewsCodebook());
        QList<Document> documents;
        for (const Article &a : articles) {
            Document d;
            d.title = QString::fromUtf8(a.title);
            d.outlet = QString::fromUtf8(a.outlet);
            d.date = a.date;
            d.text = a.text;
            documents << d;
        }
        const QList<QUuid> ids = project->importDocuments(documents);
        m_ids.clear();
        for (qsizetype i = 0; i < ids.size(); ++i)
            m_ids.insert(documents[i].title, idString(ids[i]));
    }

    void makeWireProject()
    {
        makeProject({
            {"Library hours extended", "Valley Post", QDate(2026, 2, 27), unrelated()},
            {"Water charges up 11%", "County Courier", QDate(2026, 3, 3), differentIntro()},
            {"Harstad water board raises charges", "Northline Wire", QDate(2026, 3, 1), wireStory()},
            {"Board votes for dearer water", "Morning Ledger", QDate(2026, 3, 1), sameTopic()},
            {"Water board raises charges", "Valley Post", QDate(2026, 3, 2), exactCopy()},
            {"Harstad Falls water to cost more", "Harbour Times", QDate(2026, 3, 2), lightEdit()},
        });
    }

private Q_SLOTS:
    void jsonClusters()
    {
        makeWireProject();
        const Run r = cli({QStringLiteral("duplicates"), m_path, QStringLiteral("--json")});
        QVERIFY2(r.ok() && r.err.isEmpty(), qPrintable(describe(r)));
        const QJsonObject o = jsonOf(r);
        QCOMPARE(sortedKeys(o), keyList({"articles", "articlesWithoutWords", "candidatePairs", "clusters", "minhash",
                                         "shingleWords", "similarity", "threshold"}));
        QCOMPARE(o.value(QStringLiteral("threshold")).toDouble(), 0.8);
        QCOMPARE(o.value(QStringLiteral("similarity")).toString(), QStringLiteral("jaccard"));
        QCOMPARE(o.value(QStringLiteral("articles")).toInt(), 6);
        QCOMPARE(o.value(QStringLiteral("minhash")).toObject().value(QStringLiteral("hashes")).toInt(), 128);
        const QJsonArray clusters = o.value(QStringLiteral("clusters")).toArray();
        QCOMPARE(clusters.size(), 1);
        const QJsonObject cluster = clusters.first().toObject();
        QCOMPARE(sortedKeys(cluster), keyList({"cluster", "documents", "pairs", "pairsComplete", "size"}));
        QCOMPARE(cluster.value(QStringLiteral("size")).toInt(), 4);
        // Earliest first (date, then title); the same-topic report and the library story are not in it.
        QCOMPARE(idsOf(cluster), (QStringList{m_ids.value(QStringLiteral("Harstad water board raises charges")),
                                              m_ids.value(QStringLiteral("Harstad Falls water to cost more")),
                                              m_ids.value(QStringLiteral("Water board raises charges")),
                                              m_ids.value(QStringLiteral("Water charges up 11%"))}));
        const QJsonObject first = cluster.value(QStringLiteral("documents")).toArray().first().toObject();
        QCOMPARE(sortedKeys(first), keyList({"date", "id", "outlet", "title", "words"}));
        QCOMPARE(first.value(QStringLiteral("title")).toString(), QStringLiteral("Harstad water board raises charges"));
        QCOMPARE(first.value(QStringLiteral("outlet")).toString(), QStringLiteral("Northline Wire"));
        QCOMPARE(first.value(QStringLiteral("date")).toString(), QStringLiteral("2026-03-01"));
        QVERIFY(first.value(QStringLiteral("words")).toInt() > 400);

        // Pairs: ids of the cluster, similarity at or above 0.8, the exact copy marked.
        const QString wire = m_ids.value(QStringLiteral("Harstad water board raises charges"));
        const QString copy = m_ids.value(QStringLiteral("Water board raises charges"));
        const QJsonArray pairs = cluster.value(QStringLiteral("pairs")).toArray();
        QVERIFY(pairs.size() >= 3);
        int exactPairs = 0;
        for (const QJsonValue &v : pairs) {
            const QJsonObject p = v.toObject();
            QCOMPARE(sortedKeys(p), keyList({"exact", "first", "second", "similarity"}));
            QVERIFY(idsOf(cluster).contains(p.value(QStringLiteral("first")).toString()));
            QVERIFY(idsOf(cluster).contains(p.value(QStringLiteral("second")).toString()));
            const double s = p.value(QStringLiteral("similarity")).toDouble();
            QVERIFY(s >= 0.8 && s <= 1.0);
            if (p.value(QStringLiteral("exact")).toBool()) {
                ++exactPairs;
                QCOMPARE(s, 1.0);
                QCOMPARE(p.value(QStringLiteral("first")).toString(), wire);
                QCOMPARE(p.value(QStringLiteral("second")).toString(), copy);
            }
        }
        QCOMPARE(exactPairs, 1);
        // The same run twice prints the same bytes.
        QCOMPARE(cli({QStringLiteral("duplicates"), m_path, QStringLiteral("--json")}).out, r.out);
    }

    void thresholdOption()
    {
        makeWireProject();
        const auto clusterIds = [this](const QString &threshold) {
            const Run r = cli({QStringLiteral("duplicates"), m_path, QStringLiteral("--threshold"), threshold,
                               QStringLiteral("--json")});
            QList<QStringList> ids;
            if (!r.ok())
                return ids;
            for (const QJsonValue &c : jsonOf(r).value(QStringLiteral("clusters")).toArray())
                ids << idsOf(c.toObject());
            return ids;
        };
        // 1: only the word-for-word copy.
        QCOMPARE(clusterIds(QStringLiteral("1")),
                 (QList<QStringList>{{m_ids.value(QStringLiteral("Harstad water board raises charges")),
                                      m_ids.value(QStringLiteral("Water board raises charges"))}}));
        // Very low: the independent report on the same meeting joins too, the library story never.
        const QList<QStringList> low = clusterIds(QStringLiteral("0.02"));
        QCOMPARE(low.size(), 1);
        QCOMPARE(low.first().size(), 5);
        QVERIFY(low.first().contains(m_ids.value(QStringLiteral("Board votes for dearer water"))));
        QVERIFY(!low.first().contains(m_ids.value(QStringLiteral("Library hours extended"))));
        const Run r = cli({QStringLiteral("duplicates"), m_path, QStringLiteral("--threshold"), QStringLiteral("0.02"),
                           QStringLiteral("--json")});
        QCOMPARE(jsonOf(r).value(QStringLiteral("threshold")).toDouble(), 0.02);
    }

    void plainText()
    {
        makeWireProject();
        const Run r = cli({QStringLiteral("duplicates"), m_path});
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        const QString out = QString::fromUtf8(r.out);
        QVERIFY2(out.startsWith(QStringLiteral("1 cluster of duplicates among 6 articles")), qPrintable(out));
        QVERIFY(out.contains(QStringLiteral("Cluster 1 (4 articles)")));
        for (const char *title : {"Harstad water board raises charges", "Harstad Falls water to cost more",
                                  "Water board raises charges", "Water charges up 11%"}) {
            const QString t = QString::fromUtf8(title);
            QVERIFY2(out.contains(m_ids.value(t) + QStringLiteral("  ")), title);
            QVERIFY(out.contains(t));
        }
        QVERIFY(!out.contains(QStringLiteral("Board votes for dearer water")));
        QCOMPARE(out.count(QStringLiteral("exact copy")), 1);
        QVERIFY(out.contains(QStringLiteral("Northline Wire")));
    }

    void noDuplicates()
    {
        makeProject({{"Library hours extended", "Valley Post", QDate(2026, 2, 27), unrelated()},
                     {"Empty", "", QDate(), QString()},
                     {"Empty too", "", QDate(), QStringLiteral(" — ")}});
        const Run r = cli({QStringLiteral("duplicates"), m_path, QStringLiteral("--json")});
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        QVERIFY(jsonOf(r).value(QStringLiteral("clusters")).toArray().isEmpty());
        QCOMPARE(jsonOf(r).value(QStringLiteral("articlesWithoutWords")).toInt(), 2);
        const Run text = cli({QStringLiteral("duplicates"), m_path});
        QVERIFY(QString::fromUtf8(text.out).startsWith(QStringLiteral("0 clusters of duplicates among 3 articles")));
        QVERIFY(QString::fromUtf8(text.out).contains(QStringLiteral("2 articles without words were not compared")));
    }

    void badInput()
    {
        makeWireProject();
        for (const char *bad : {"0", "-0.5", "1.2", "abc", "nan", ""}) {
            const Run r = cli({QStringLiteral("duplicates"), m_path, QStringLiteral("--threshold"),
                               QString::fromUtf8(bad)});
            QCOMPARE(r.exitCode, 2);
            QVERIFY(r.out.isEmpty());
            QVERIFY2(r.err.contains("--threshold"), r.err.constData());
        }
        const Run missing = cli({QStringLiteral("duplicates"), m_dir.filePath(QStringLiteral("none.newscoder"))});
        QCOMPARE(missing.exitCode, 2);
        QVERIFY(!missing.err.isEmpty());
        QCOMPARE(cli({QStringLiteral("duplicates")}).exitCode, 1);
        QCOMPARE(cli({QStringLiteral("duplicates"), m_path, QStringLiteral("--bogus")}).exitCode, 1);
        const Run help = cli({QStringLiteral("duplicates"), QStringLiteral("--help")});
        QVERIFY(help.ok());
        QVERIFY(help.out.contains("--threshold"));
    }

    // The corpus and a syndicated copy imported through the CLI: one cluster, the copy and its source.
    void realCorpusCopy()
    {
        const QDir corpus(corpusDir());
        if (corpus.entryList(QDir::Files).size() < 5) {
            if (qEnvironmentVariable("CI") == QLatin1String("true"))
                QFAIL("no corpus under NEWSCODER_SHARED_DIR with CI=true");
            QSKIP("real corpus not available (set NEWSCODER_SHARED_DIR)");
        }
        QFile source(corpus.filePath(QStringLiteral("000_c777aa6dd1185ce1.txt")));
        QVERIFY(source.open(QIODevice::ReadOnly));
        QString copy = QString::fromUtf8(source.readAll());
        // The copy's own wording for two sentences (this test's text).
        const QString first = QStringLiteral("Kremlin spokesman Peskov said that considering the current tensions");
        const QString second = QStringLiteral("The Kremlin spokesperson also criticised Turkey");
        QVERIFY(copy.contains(first) && copy.contains(second));
        copy.replace(first, QStringLiteral("Given today's tensions, the Kremlin's press secretary remarked that"));
        copy.replace(second, QStringLiteral("Peskov separately took Ankara to task"));
        const QString copyPath = m_dir.filePath(QStringLiteral("partner-copy.txt"));
        QFile out(copyPath);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(copy.toUtf8());
        out.close();

        m_path = m_dir.filePath(QStringLiteral("corpus.newscoder"));
        QVERIFY(cli({QStringLiteral("new"), m_path}).ok());
        const Run imported = cli({QStringLiteral("import"), m_path, corpus.path(), copyPath});
        QVERIFY2(imported.ok(), qPrintable(describe(imported)));
        const Run r = cli({QStringLiteral("duplicates"), m_path, QStringLiteral("--json")});
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        QCOMPARE(jsonOf(r).value(QStringLiteral("articles")).toInt(), 6);
        const QJsonArray clusters = jsonOf(r).value(QStringLiteral("clusters")).toArray();
        QCOMPARE(clusters.size(), 1);
        const QJsonArray documents = clusters.first().toObject().value(QStringLiteral("documents")).toArray();
        QCOMPARE(documents.size(), 2);
        for (const QJsonValue &d : documents)
            QVERIFY(d.toObject().value(QStringLiteral("title")).toString().startsWith(
                QStringLiteral("'It Would be Hard to Imagine' Russia, US as Allies")));
        const QJsonObject pair = clusters.first().toObject().value(QStringLiteral("pairs")).toArray().first().toObject();
        QVERIFY(!pair.value(QStringLiteral("exact")).toBool());
        QVERIFY(pair.value(QStringLiteral("similarity")).toDouble() < 1.0);
    }
};

QTEST_GUILESS_MAIN(TestCliDuplicates)
#include "tst_cli_duplicates.moc"
