// A project with one article and four annotations, three linked: the quote
// and the claim link to the speaker, the claim also to the quote; `other`
// links to nothing. Shared by the core's and the window's deletion tests.
#pragma once

#include "io/CodebookJson.h"
#include "project/Project.h"
#include "storage/ProjectReader.h"

#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <memory>

namespace newscoder {

struct LinkedAnnotations
{
    QTemporaryDir dir;
    std::unique_ptr<Project> project;
    QUuid document, quote, speaker, claim, other;

    LinkedAnnotations()
    {
        project = Project::create(dir.filePath(QStringLiteral("delete.newscoder")), defaultNewsCodebook());
        project->setCoderName(QStringLiteral("Alex Example"));
        Document d;
        d.title = QStringLiteral("T");
        d.text = QStringLiteral("Peskov said \"no talks\". Talks are dead. Something else.\n");
        document = project->importDocuments({d}).value(0);
        const auto code = [&](const char *name) { return project->codeByName(QString::fromLatin1(name))->id; };
        speaker = *project->addAnnotation(document, code("Speaker"), 0, 6);
        quote = *project->addAnnotation(document, code("Quote"), 13, 21);
        claim = *project->addAnnotation(document, code("Claim"), 24, 39);
        other = *project->addAnnotation(document, code("Claim"), 40, 54);
        QVERIFY(project->addAnnotationLink(quote, speaker));
        QVERIFY(project->addAnnotationLink(claim, speaker));
        QVERIFY(project->addAnnotationLink(claim, quote));
        project->undoStack()->clear();
    }

    bool exists(const QUuid &id) const { return project->reader().annotation(id).has_value(); }
};

inline QList<QUuid> sortedIds(QList<QUuid> ids)
{
    std::sort(ids.begin(), ids.end());
    return ids;
}

} // namespace newscoder
