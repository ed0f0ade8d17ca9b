// The memo search: memos of annotations, articles, codes, actors and outlets,
// with the text search's matching rules, from a second read-only connection.
#include "../CoreTestSupport.h"
#include "search/MemoSearch.h"

#include <QTemporaryDir>
#include <QTest>

using namespace newscoder;
using namespace newscoder::test;

class TestMemoSearch : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ProjectFixture> m_fx;
    QUuid m_annotation, m_actor, m_outlet;

    Project &project() { return *m_fx->project; }

    MemoSearchResult search(const QString &pattern, bool regex = false, bool caseSensitive = false,
                            bool wholeWord = false)
    {
        SearchOptions options;
        options.pattern = pattern;
        options.mode = regex ? SearchMode::Regex : SearchMode::Plain;
        options.caseSensitive = caseSensitive;
        options.wholeWord = wholeWord;
        return searchMemos(*reader(m_fx->path), options);
    }

    static QStringList kinds(const MemoSearchResult &r)
    {
        QStringList list;
        for (const MemoHit &h : r.hits)
            list << memoKindName(h.memo.kind);
        return list;
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(openFixture(m_dir, m_fx));
        m_annotation = project().addAnnotation(m_fx->plainDoc, m_fx->codeId(QStringLiteral("Quote")), 26, 53,
                                               QStringLiteral("Check the embargo date with the ministry"))
                           .value_or(QUuid());
        QVERIFY(!m_annotation.isNull());
        QVERIFY(project().addAnnotation(m_fx->plainDoc, m_fx->codeId(QStringLiteral("Speaker")), 9, 18));
        QVERIFY(project().setDocumentMemo(m_fx->nonBmpDoc, QStringLiteral("Festival piece — no EMBARGO issue \U0001D11E")));
        auto code = *project().codeByName(QStringLiteral("Claim"));
        code.memo = QStringLiteral("Claims about the embargo count twice");
        QVERIFY(project().updateCode(code));
        Actor actor;
        actor.name = QStringLiteral("Ana Reyes");
        actor.memo = QStringLiteral("Minister; spoke on the embargoes in 2023");
        m_actor = project().addActor(actor).value_or(QUuid());
        Outlet outlet;
        outlet.name = QStringLiteral("Harbour Gazette");
        outlet.memo = QStringLiteral("Local paper, port news");
        m_outlet = project().addOutlet(outlet).value_or(QUuid());
        QVERIFY(!m_actor.isNull() && !m_outlet.isNull());
    }

    void cleanup() { closeFixture(m_dir, m_fx); }

    void everyKindIsRead()
    {
        const QList<MemoRecord> memos = reader(m_fx->path)->memos();
        QCOMPARE(memos.size(), 5); // empty memos are left out
        QStringList found;
        for (const MemoRecord &m : memos)
            found << memoKindName(m.kind);
        QCOMPARE(found, (QStringList{QStringLiteral("article"), QStringLiteral("annotation"), QStringLiteral("code"),
                                     QStringLiteral("actor"), QStringLiteral("outlet")}));
        const MemoRecord &annotation = memos.at(1);
        QCOMPARE(annotation.id, m_annotation);
        QCOMPARE(annotation.documentId, m_fx->plainDoc);
        QCOMPARE(annotation.owner, QStringLiteral("Quote — Harbour talks stall"));
        QCOMPARE(memos.at(0).documentId, m_fx->nonBmpDoc);
        QCOMPARE(memos.at(0).owner, QStringLiteral("Festival in the square"));
        QCOMPARE(memos.at(3).id, m_actor);
        QCOMPARE(memos.at(4).id, m_outlet);
    }

    void plainCaseInsensitive()
    {
        const MemoSearchResult r = search(QStringLiteral("embargo"));
        QVERIFY(r.error.isEmpty());
        QCOMPARE(r.memosSearched, 5);
        QCOMPARE(kinds(r), (QStringList{QStringLiteral("article"), QStringLiteral("annotation"), QStringLiteral("code"),
                                        QStringLiteral("actor")}));
        const MemoHit &article = r.hits.first();
        QCOMPARE(article.hit.text, QStringLiteral("EMBARGO"));
        QCOMPARE(article.memo.memo.mid(article.hit.start, article.hit.end - article.hit.start), QStringLiteral("EMBARGO"));
        QCOMPARE(article.hit.snippet.mid(article.hit.snippetHitStart,
                                         article.hit.snippetHitEnd - article.hit.snippetHitStart),
                 QStringLiteral("EMBARGO"));
    }

    void options()
    {
        QCOMPARE(kinds(search(QStringLiteral("EMBARGO"), false, true)), QStringList{QStringLiteral("article")});
        // "embargoes" is not the whole word "embargo".
        QCOMPARE(search(QStringLiteral("embargo"), false, false, true).hits.size(), 3);
        QCOMPARE(kinds(search(QStringLiteral("\\b20\\d\\d\\b"), true)), QStringList{QStringLiteral("actor")});
        QCOMPARE(kinds(search(QStringLiteral("\U0001D11E"))), QStringList{QStringLiteral("article")});
        QVERIFY(search(QStringLiteral("nothing like this")).hits.isEmpty());
    }

    void badPatterns()
    {
        QVERIFY(!search(QStringLiteral("(unclosed"), true).error.isEmpty());
        QVERIFY(!search(QString()).error.isEmpty());
    }

    void cancelStopsEarly()
    {
        const std::atomic_bool cancel{true};
        SearchOptions options;
        options.pattern = QStringLiteral("embargo");
        const MemoSearchResult r = searchMemos(*reader(m_fx->path), options, &cancel);
        QVERIFY(r.cancelled);
        QCOMPARE(r.memosSearched, 0);
        QVERIFY(r.hits.isEmpty());
    }

    // A memo edited in the project is found at once through a new connection.
    void editedMemoIsFound()
    {
        QVERIFY(project().setAnnotationMemo(m_annotation, QStringLiteral("verify the quote")));
        QCOMPARE(kinds(search(QStringLiteral("verify"))), QStringList{QStringLiteral("annotation")});
        project().undoStack()->undo();
        QVERIFY(search(QStringLiteral("verify")).hits.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestMemoSearch)
#include "tst_memosearch.moc"
