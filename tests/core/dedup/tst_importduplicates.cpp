// Duplicates at import (dedup/ImportDuplicates.h): incoming articles compared
// with the project's articles and with the incoming ones before them; skip,
// keep and link applied, and a linked import stored and undone in one step.
#include "DedupSamples.h"
#include "dedup/ImportDuplicates.h"
#include "io/CodebookJson.h"
#include "project/Project.h"
#include "storage/ProjectStore.h"

#include <QTemporaryDir>
#include <QUndoStack>

#include <cmath>
#include <QTest>

using namespace newscoder;
using namespace newscoder::dedup;
using namespace newscoder::test::dedup;

namespace {

Document article(const QString &title, const QString &text)
{
    Document d;
    d.title = title;
    d.text = text;
    d.importSource = title + QStringLiteral(".txt");
    return d;
}

// The library story as a second outlet ran it: two words changed and its own credit line added.
QString editedLibraryStory()
{
    QString text = unrelated();
    text.replace(QStringLiteral("librarian announced"), QStringLiteral("librarian said"));
    text.replace(QStringLiteral("twenty desks"), QStringLiteral("24 desks"));
    return text + QStringLiteral(" Reporting by the Valley Post newsroom.");
}

QString metadataValue(const Document &d, QLatin1StringView key)
{
    for (const MetadataEntry &e : d.metadata) {
        if (e.first == key)
            return e.second;
    }
    return {};
}

} // namespace

class TestImportDuplicates : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QUuid m_wireId, m_topicId;

    std::unique_ptr<Project> wireProject()
    {
        auto project = Project::create(
            m_dir.filePath(QUuid::createUuid().toString(QUuid::WithoutBraces) + QStringLiteral(".newscoder")),
            defaultNewsCodebook());
        const QList<QUuid> ids = project->importDocuments(
            {article(QStringLiteral("Harstad water board raises charges"), wireStory()),
             article(QStringLiteral("Board votes for dearer water"), sameTopic())});
        m_wireId = ids.value(0);
        m_topicId = ids.value(1);
        return project;
    }

    static QList<Document> incoming()
    {
        return {article(QStringLiteral("Library hours extended"), unrelated()),
                article(QStringLiteral("Harstad Falls water to cost more"), lightEdit()),
                article(QStringLiteral("Library opens longer"), editedLibraryStory()),
                article(QStringLiteral("Water charges up 11%"), differentIntro()),
                article(QStringLiteral("Empty"), QStringLiteral(" — "))};
    }

private Q_SLOTS:
    void copiesOfProjectAndIncomingArticles()
    {
        auto project = wireProject();
        const ImportDuplicates found = findImportDuplicates(project->reader(), incoming());
        QCOMPARE(found.projectArticles, 2);
        QCOMPARE(found.options.threshold, 0.8);
        QCOMPARE(found.matches.size(), 3);
        QVERIFY(!found.matchFor(0)); // the first library story: new
        QVERIFY(!found.matchFor(4)); // no words: not compared

        const ImportMatch *light = found.matchFor(1);
        QVERIFY(light);
        QCOMPARE(light->incoming, 1);
        QCOMPARE(light->earlierIncoming, -1);
        QCOMPARE(light->original.id, m_wireId);
        QCOMPARE(light->original.title, QStringLiteral("Harstad water board raises charges"));
        QVERIFY(light->similarity >= 0.8 && light->similarity < 1.0);
        QVERIFY(!light->exact);

        const ImportMatch *library = found.matchFor(2);
        QVERIFY(library);
        QCOMPARE(library->earlierIncoming, 0); // a copy of an article of this same import
        QVERIFY(library->original.id.isNull());
        QVERIFY(library->similarity >= 0.8 && library->similarity < 1.0);

        const ImportMatch *intro = found.matchFor(3);
        QVERIFY(intro);
        QCOMPARE(intro->original.id, m_wireId); // not the same-topic report
        QVERIFY(intro->similarity >= 0.8);
        QVERIFY(intro->similarity < light->similarity);
    }

    void sameResultFromTexts()
    {
        const QList<DuplicateArticle> project{{QUuid::createUuid(), QStringLiteral("wire"), {}, {}, 0},
                                              {QUuid::createUuid(), QStringLiteral("topic"), {}, {}, 0}};
        const ImportDuplicates found =
            findImportDuplicates(project, {wireStory(), sameTopic()}, incoming(), DuplicateOptions{});
        QCOMPARE(found.matches.size(), 3);
        QCOMPARE(found.matchFor(1)->original.id, project[0].id);
        QVERIFY(found.matchFor(1)->original.words > 400);
        QCOMPARE(found.matchFor(2)->earlierIncoming, 0);
    }

    void exactCopyAndThreshold()
    {
        auto project = wireProject();
        QList<Document> docs{article(QStringLiteral("copy"), exactCopy()),
                             article(QStringLiteral("light"), lightEdit())};
        DuplicateOptions only;
        only.threshold = 1.0;
        const ImportDuplicates found = findImportDuplicates(project->reader(), docs, only);
        QCOMPARE(found.matches.size(), 1);
        QVERIFY(found.matchFor(0)->exact);
        QCOMPARE(found.matchFor(0)->similarity, 1.0);
        QCOMPARE(found.matchFor(0)->original.id, m_wireId);
        // At a low threshold even the independent report on the same meeting counts,
        // but the light edit's best match is still the wire story.
        DuplicateOptions low;
        low.threshold = 0.02;
        const ImportDuplicates loose =
            findImportDuplicates(project->reader(), {article(QStringLiteral("light"), lightEdit())}, low);
        QCOMPARE(loose.matches.size(), 1);
        QCOMPARE(loose.matchFor(0)->original.id, m_wireId);
    }

    void nothingIncoming()
    {
        auto project = wireProject();
        const ImportDuplicates found = findImportDuplicates(project->reader(), {});
        QVERIFY(found.matches.isEmpty());
        QCOMPARE(found.projectArticles, 0); // the project was not read
    }

    void choices()
    {
        QCOMPARE(duplicateChoiceName(DuplicateChoice::Skip), QStringLiteral("skip"));
        DuplicateChoice c = DuplicateChoice::Keep;
        QVERIFY(parseDuplicateChoice(QStringLiteral("link"), &c));
        QCOMPARE(c, DuplicateChoice::Link);
        QVERIFY(!parseDuplicateChoice(QStringLiteral("Skip"), &c));
        QVERIFY(!parseDuplicateChoice(QString(), &c));
        QCOMPARE(c, DuplicateChoice::Link);

        auto project = wireProject();
        const QList<Document> docs = incoming();
        const ImportDuplicates found = findImportDuplicates(project->reader(), docs);

        const ChosenImport skip = applyDuplicateChoice(docs, found, DuplicateChoice::Skip);
        QCOMPARE(skip.skipped, (QList<int>{1, 2, 3}));
        QCOMPARE(skip.incomingIndex, (QList<int>{0, 4}));
        QCOMPARE(skip.documents.size(), 2);
        QCOMPARE(skip.documents[0].title, QStringLiteral("Library hours extended"));

        const ChosenImport keep = applyDuplicateChoice(docs, found, DuplicateChoice::Keep);
        QCOMPARE(keep.documents.size(), 5);
        QVERIFY(keep.skipped.isEmpty());
        for (const Document &d : keep.documents)
            QVERIFY(d.metadata.isEmpty());

        const ChosenImport link = applyDuplicateChoice(docs, found, DuplicateChoice::Link);
        QCOMPARE(link.documents.size(), 5);
        for (const Document &d : link.documents)
            QVERIFY(!d.id.isNull());
        QCOMPARE(metadataValue(link.documents[1], CopyOfKey), m_wireId.toString(QUuid::WithoutBraces));
        QCOMPARE(metadataValue(link.documents[2], CopyOfKey), link.documents[0].id.toString(QUuid::WithoutBraces));
        QCOMPARE(link.documents[1].metadata.first().first, QString(CopyOfKey));
        bool ok = false;
        const double similarity = metadataValue(link.documents[1], CopySimilarityKey).toDouble(&ok);
        QVERIFY(ok);
        QCOMPARE(similarity, std::round(found.matchFor(1)->similarity * 1000.0) / 1000.0);
        QVERIFY(metadataValue(link.documents[0], CopyOfKey).isEmpty());
        QVERIFY(metadataValue(link.documents[4], CopyOfKey).isEmpty());
    }

    // A linked import is stored with its relations and undone as one step.
    void linkedImportIsOneStep()
    {
        auto project = wireProject();
        const int undoBefore = project->undoStack()->count();
        const ChosenImport link =
            applyDuplicateChoice(incoming(), findImportDuplicates(project->reader(), incoming()), DuplicateChoice::Link);
        const QList<QUuid> ids = project->importDocuments(link.documents);
        QCOMPARE(ids.size(), 5);
        QCOMPARE(project->undoStack()->count(), undoBefore + 1);
        const std::optional<Document> copy = project->reader().document(ids[2]);
        QVERIFY(copy);
        QCOMPARE(metadataValue(*copy, CopyOfKey), ids[0].toString(QUuid::WithoutBraces));
        QCOMPARE(metadataValue(*project->reader().document(ids[1]), CopyOfKey), m_wireId.toString(QUuid::WithoutBraces));
        project->undoStack()->undo();
        for (const QUuid &id : ids)
            QVERIFY(!project->reader().document(id));
        QVERIFY(project->reader().document(m_wireId));
    }
};

QTEST_GUILESS_MAIN(TestImportDuplicates)
#include "tst_importduplicates.moc"
