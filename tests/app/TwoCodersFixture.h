// Two coders on two fictional articles, for the review and consensus window
// tests. In the first article Ana marks the speaker 0–15 and Ben 6–15, both
// mark the quote 21–39 but type it differently (direct / partial), and Ben
// marks a claim 51–78 Ana did not; in the second both mark the same bias
// indicator 31–37. Lena is the lead.
#pragma once

#include "io/CodebookJson.h"
#include "project/Project.h"
#include "storage/ProjectStore.h"
#include "study/Assignments.h"

#include <QTemporaryDir>

namespace newscoder::test {

struct TwoCoders
{
    QString path;
    QList<QUuid> documents;
};

inline TwoCoders prepareTwoCoders(const QTemporaryDir &dir, const QString &fileName)
{
    TwoCoders p;
    p.path = dir.filePath(fileName);
    auto project = Project::create(p.path, defaultNewsCodebook());
    Document a, b;
    a.title = QStringLiteral("Harbour talks stall");
    a.text = QStringLiteral("Mayor Ines Roth said \"we will not sign\" on Monday. Critics called it reckless.");
    b.title = QStringLiteral("Ferry fares rise");
    b.text = QStringLiteral("The operator raised fares in a brazen move.");
    p.documents = project->importDocuments({a, b});
    const auto code = [&](const char *name) { return project->codeByName(QString::fromLatin1(name))->id; };
    const QUuid type = project->codeByName(QStringLiteral("Quote"))->fieldByName(QStringLiteral("Type"))->id;
    for (const QString &coder : {QStringLiteral("Ana"), QStringLiteral("Ben")}) {
        project->setCoderName(coder);
        const bool ana = coder == QLatin1String("Ana");
        project->addAnnotation(p.documents[0], code("Speaker"), ana ? 0 : 6, 15);
        const auto quote = project->addAnnotation(p.documents[0], code("Quote"), 21, 39);
        project->setAnnotationValue(*quote, type, ana ? QStringLiteral("direct") : QStringLiteral("partial"));
        if (!ana)
            project->addAnnotation(p.documents[0], code("Claim"), 51, 78);
        project->addAnnotation(p.documents[1], code("Bias indicator"), 31, 37);
    }
    study::StudyPlan lead = study::planCoder(project->reader(), QStringLiteral("Lena"), CoderRole::Lead, {});
    project->commitStudyChange(lead.text, lead.redo, lead.undo);
    return p;
}

} // namespace newscoder::test
