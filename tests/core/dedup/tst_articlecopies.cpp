// Every article's copies for the article list (dedup/ArticleCopies.h): the
// near-duplicate pairs of the project, both ways, most similar first, and the
// copy_of links an import stored, whatever their similarity now.
#include "DedupSamples.h"
#include "dedup/ArticleCopies.h"
#include "dedup/ImportDuplicates.h"
#include "io/CodebookJson.h"
#include "project/Project.h"
#include "storage/ProjectStore.h"

#include <QTemporaryDir>
#include <QTest>

using namespace newscoder;
using namespace newscoder::dedup;
using namespace newscoder::test::dedup;

namespace {

Document article(const QString &title, const QString &outlet, const QString &text)
{
    Document d;
    d.id = QUuid::createUuid();
    d.title = title;
    d.outlet = outlet;
    d.date = QDate(2026, 3, 2);
    d.text = text;
    return d;
}

QStringList idsOf(const QList<ArticleCopy> &copies)
{
    QStringList ids;
    for (const ArticleCopy &c : copies)
        ids << c.id.toString();
    return ids;
}

} // namespace

class TestArticleCopies : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void pairsAndLinks()
    {
        QTemporaryDir dir;
        auto project = Project::create(dir.filePath(QStringLiteral("p.newscoder")), defaultNewsCodebook());
        const Document wire = article(QStringLiteral("Harstad water board raises charges"), QStringLiteral("Northline Wire"),
                                      wireStory());
        const Document light = article(QStringLiteral("Harstad Falls water to cost more"), QStringLiteral("Harbour Times"),
                                       lightEdit());
        const Document same = article(QStringLiteral("Water board raises charges"), QStringLiteral("Valley Post"),
                                      exactCopy());
        const Document topic = article(QStringLiteral("Board votes for dearer water"), QStringLiteral("Morning Ledger"),
                                       sameTopic());
        const Document library = article(QStringLiteral("Library hours extended"), QStringLiteral("Valley Post"),
                                         unrelated());
        // Recorded as a copy of the library story at import (at a lower threshold than now).
        Document linked = article(QStringLiteral("Reading room open late"), QStringLiteral("Courier"),
                                  QStringLiteral("The reading room of the library stays open until nine."));
        linked.metadata = {{QString(CopyOfKey), library.id.toString(QUuid::WithoutBraces)},
                           {QString(CopySimilarityKey), QStringLiteral("0.412")}};
        QCOMPARE(project->importDocuments({wire, light, same, topic, library, linked}).size(), 6);

        const ArticleCopyMap map = findArticleCopies(project->reader());
        QCOMPARE(map.size(), 5); // the same-topic report has no copy
        QVERIFY(!map.contains(topic.id));

        const QList<ArticleCopy> ofWire = map.value(wire.id);
        QCOMPARE(idsOf(ofWire), (QStringList{same.id.toString(), light.id.toString()})); // most similar first
        QVERIFY(ofWire[0].exact);
        QCOMPARE(ofWire[0].similarity, 1.0);
        QCOMPARE(ofWire[0].outlet, QStringLiteral("Valley Post"));
        QCOMPARE(ofWire[0].date, QDate(2026, 3, 2));
        QVERIFY(!ofWire[1].exact);
        QVERIFY(ofWire[1].similarity >= 0.8 && ofWire[1].similarity < 1.0);
        QVERIFY(!ofWire[1].linked);
        QCOMPARE(ofWire[1].title, QStringLiteral("Harstad Falls water to cost more"));
        // Both ways.
        QVERIFY(idsOf(map.value(light.id)).contains(wire.id.toString()));
        QCOMPARE(map.value(light.id).size(), 2);

        const QList<ArticleCopy> ofLibrary = map.value(library.id);
        QCOMPARE(ofLibrary.size(), 1);
        QCOMPARE(ofLibrary[0].id, linked.id);
        QVERIFY(ofLibrary[0].linked);
        QCOMPARE(ofLibrary[0].similarity, 0.412);
        QCOMPARE(map.value(linked.id).size(), 1);
        QCOMPARE(map.value(linked.id)[0].id, library.id);

        // The original removed: the link leads nowhere and is not shown.
        QVERIFY(project->removeDocuments({library.id}));
        const ArticleCopyMap after = findArticleCopies(project->reader());
        QVERIFY(!after.contains(linked.id));
        QCOMPARE(after.size(), 3);
    }
};

QTEST_GUILESS_MAIN(TestArticleCopies)
#include "tst_articlecopies.moc"
