// Search across every article of a project: titles and ids on hits, progress,
// cancellation, maxHits truncation with a full count, errors.
#include "../CoreTestSupport.h"
#include "search/CorpusSearch.h"

#include <QTemporaryDir>
#include <QTest>

using namespace newscoder;
using namespace newscoder::test;
using namespace Qt::StringLiterals;

class TestCorpusSearch : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_path;
    QUuid m_kremlin, m_harbour, m_festival;

    static SearchOptions plain(const QString &pattern)
    {
        SearchOptions o;
        o.pattern = pattern;
        return o;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(u"corpus.newscoder"_s);
        auto store = ProjectStore::create(m_path);
        // documentSummaries() orders by date, then title: Festival, Harbour, Kremlin.
        Document kremlin = makeDocument(u"Kremlin responds"_s,
                                        u"\"We will respond,\" Peskov said. Песков added that talks were frozen."_s);
        Document harbour = makeDocument(u"Harbour talks stall"_s, PlainText);
        Document festival = makeDocument(u"Festival in the square"_s, NonBmpText);
        for (Document *d : {&kremlin, &harbour, &festival}) {
            d->id = QUuid::createUuid();
            store->insertDocument(*d);
        }
        m_kremlin = kremlin.id;
        m_harbour = harbour.id;
        m_festival = festival.id;
    }

    void findsHitsInEveryDocument()
    {
        const auto store = reader(m_path);
        QList<QPair<int, int>> progress;
        const CorpusSearchResult r = searchCorpus(*store, plain(u"talks"_s),
                                                  [&](int done, int total) { progress.append({done, total}); });
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        QVERIFY(!r.cancelled);
        QVERIFY(!r.truncated);
        QCOMPARE(r.totalHits, 2);
        QCOMPARE(r.hits.size(), 2);
        QCOMPARE(r.documentsSearched, 3);
        QCOMPARE(r.documentsWithHits, 2);
        QCOMPARE(r.hits.at(0).documentId, m_harbour);
        QCOMPARE(r.hits.at(0).documentTitle, u"Harbour talks stall"_s);
        QCOMPARE(r.hits.at(0).hit.span(), (TextSpan{26, 31}));
        QCOMPARE(PlainText.mid(26, 5), u"Talks"_s);
        QCOMPARE(r.hits.at(1).documentId, m_kremlin);
        QCOMPARE(r.hits.at(1).hit.text, u"talks"_s);
        QCOMPARE(progress, (QList<QPair<int, int>>{{0, 3}, {1, 3}, {2, 3}, {3, 3}}));
    }

    void usesAllOptions()
    {
        const auto store = reader(m_path);
        SearchOptions o = plain(u"песков"_s);
        o.wholeWord = true;
        o.expandToSentence = true;
        const CorpusSearchResult r = searchCorpus(*store, o);
        QCOMPARE(r.hits.size(), 1);
        QCOMPARE(r.hits.first().documentId, m_kremlin);
        QCOMPARE(r.hits.first().hit.text, u"Песков added that talks were frozen."_s);

        // Offsets stay UTF-16 in non-BMP text.
        const CorpusSearchResult flag = searchCorpus(*store, plain(u"\U0001F1FA\U0001F1E6"_s));
        QCOMPARE(flag.hits.size(), 1);
        QCOMPARE(flag.hits.first().documentId, m_festival);
        QCOMPARE(flag.hits.first().hit.span(), (TextSpan{23, 27}));
    }

    void maxHitsTruncatesButCountsEverything()
    {
        const auto store = reader(m_path);
        const CorpusSearchResult all = searchCorpus(*store, plain(u"e"_s));
        QVERIFY(all.totalHits > 5);
        QCOMPARE(all.hits.size(), all.totalHits);
        QVERIFY(!all.truncated);

        const CorpusSearchResult r = searchCorpus(*store, plain(u"e"_s), {}, nullptr, 5);
        QCOMPARE(r.hits.size(), 5);
        QCOMPARE(r.totalHits, all.totalHits);
        QVERIFY(r.truncated);
        QCOMPARE(r.documentsSearched, 3);
        for (int i = 0; i < 5; ++i)
            QCOMPARE(r.hits.at(i).hit.span(), all.hits.at(i).hit.span());

        const CorpusSearchResult exact = searchCorpus(*store, plain(u"e"_s), {}, nullptr, all.totalHits);
        QVERIFY(!exact.truncated);
    }

    void cancelledBeforeStartReadsNothing()
    {
        const auto store = reader(m_path);
        std::atomic_bool cancel{true};
        QList<int> done;
        const CorpusSearchResult r = searchCorpus(*store, plain(u"talks"_s), [&](int d, int) { done << d; }, &cancel);
        QVERIFY(r.cancelled);
        QVERIFY(r.hits.isEmpty());
        QCOMPARE(r.documentsSearched, 0);
        QCOMPARE(done, QList<int>{0});
        QVERIFY(r.error.isEmpty());
    }

    void cancelledMidwayKeepsWhatItFound()
    {
        const auto store = reader(m_path);
        std::atomic_bool cancel{false};
        const CorpusSearchResult r = searchCorpus(*store, plain(u"talks"_s), [&](int d, int) {
            if (d == 2)
                cancel = true;
        }, &cancel);
        QVERIFY(r.cancelled);
        QCOMPARE(r.documentsSearched, 2);
        QCOMPARE(r.hits.size(), 1); // Festival (none), Harbour (one); Kremlin not searched
        QCOMPARE(r.hits.first().documentId, m_harbour);
    }

    void invalidPatternReadsNothing()
    {
        const auto store = reader(m_path);
        bool called = false;
        SearchOptions o = plain(u"(unclosed"_s);
        o.mode = SearchMode::Regex;
        const CorpusSearchResult r = searchCorpus(*store, o, [&](int, int) { called = true; });
        QVERIFY(!r.error.isEmpty());
        QVERIFY(r.hits.isEmpty());
        QVERIFY(!called);
        QVERIFY(!searchCorpus(*store, plain(QString())).error.isEmpty());
    }

    void emptyProject()
    {
        auto store = ProjectStore::create(m_dir.filePath(u"empty.newscoder"_s));
        const CorpusSearchResult r = searchCorpus(*store, plain(u"talks"_s));
        QVERIFY(r.error.isEmpty());
        QCOMPARE(r.totalHits, 0);
        QCOMPARE(r.documentsSearched, 0);
    }
};

QTEST_GUILESS_MAIN(TestCorpusSearch)
#include "tst_corpussearch.moc"
