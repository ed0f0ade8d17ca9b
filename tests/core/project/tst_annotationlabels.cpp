// How an annotation reads (core): its words on one line, shortened; its code
// and words; a link target's label in the link picker, told apart by actor,
// line, side, coder and sentence.
#include "io/CodebookJson.h"
#include "project/AnnotationLabels.h"
#include "project/Project.h"

#include <QTemporaryDir>
#include <QTest>

using namespace newscoder;

class TestAnnotationLabels : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void excerptIsOneShortLine()
    {
        const QString text = QStringLiteral("Minister Ana Reyes\ntold   reporters the talks are frozen.");
        Annotation a;
        a.start = 0;
        a.end = int(text.size());
        QCOMPARE(annotationExcerpt(text, a, 200), QStringLiteral("Minister Ana Reyes told reporters the talks are frozen."));
        // Cut at the limit, a trailing space dropped before the ellipsis.
        QCOMPARE(annotationExcerpt(text, a, 20), QStringLiteral("Minister Ana Reyes…"));
        a.start = int(text.indexOf(QStringLiteral("talks")));
        a.end = a.start + 16;
        QCOMPARE(annotationExcerpt(text, a), QStringLiteral("talks are frozen"));
    }

    void titleAndLinkCandidateLabel()
    {
        QTemporaryDir dir;
        auto project = Project::create(dir.filePath(QStringLiteral("labels.newscoder")), defaultNewsCodebook());
        project->setCoderName(QStringLiteral("Alex Example"));
        Document d;
        d.title = QStringLiteral("T");
        d.text = QStringLiteral("Intro line.\nPeskov said \"no talks\" on Monday. Talks are dead.\n");
        const QUuid document = project->importDocuments({d}).value(0);
        const QString text = project->reader().documentText(document);
        const auto code = [&](const char *name) { return project->codeByName(QString::fromLatin1(name))->id; };
        const QUuid speakerId = *project->addAnnotation(document, code("Speaker"), 12, 18);
        const QUuid quoteId = *project->addAnnotation(document, code("Quote"), 25, 33);
        const Annotation speaker = *project->reader().annotation(speakerId);
        const Annotation quote = *project->reader().annotation(quoteId);

        QCOMPARE(annotationTitle(*project, text, speaker), QStringLiteral("Speaker “Peskov”"));
        QCOMPARE(annotationTitle(*project, text, quote, 5), QStringLiteral("Quote “no t…”"));
        Annotation unknown = speaker;
        unknown.codeId = QUuid::createUuid();
        QCOMPARE(annotationTitle(*project, text, unknown), QStringLiteral("? “Peskov”"));

        QCOMPARE(linkCandidateLabel(*project, text, quote, speaker),
                 QStringLiteral("Speaker “Peskov” · line 2, before · Alex Example · "
                                "“Peskov said \"no talks\" on Monday.”"));
        QVERIFY(linkCandidateLabel(*project, text, speaker, quote).contains(QStringLiteral("line 2, after")));
    }
};

QTEST_GUILESS_MAIN(TestAnnotationLabels)
#include "tst_annotationlabels.moc"
