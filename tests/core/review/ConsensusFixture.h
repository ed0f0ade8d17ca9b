// A small adjudicated study for the consensus tests, every number below
// worked out by hand from the spans.
//
// Article 1 (PlainText): "Minister Ana Reyes said: \"Talks are frozen until
// May.\" The port stayed closed."  Article 2 (NonBmpText).
//
//   Consensus  Speaker 9–18, Quote 26–53 (Type direct), Claim 55–78, Slant -1;
//              article 2: Quote 10–12.
//   Alex       Speaker 9–18, Quote 26–53 (Type direct), Claim 55–78, Slant -1
//              (four agreements) and Speaker 0–8 ("Minister": extra).
//   Ben        Speaker 0–18 (boundary), Quote 26–53 (Type partial: fields),
//              Speaker 60–70 inside the consensus's Claim (wrong code, counted
//              under Claim, the consensus's code), Slant 0 (variable); assigned
//              article 2 and marked nothing there (missed Quote).
#pragma once

#include "../CoreTestSupport.h"
#include "study/Assignments.h"

#include <QTest>

namespace newscoder::test {

struct ConsensusFixture : ProjectFixture
{
    inline static const QString Alex = QStringLiteral("Alex Example");
    inline static const QString Ben = QStringLiteral("Ben Second");
    inline static const QString Consensus = QStringLiteral("Consensus");

    explicit ConsensusFixture(const QString &folder) : ProjectFixture(folder)
    {
        Project &p = *project;
        const auto commit = [&p](study::StudyPlan plan) {
            if (!plan.error.isEmpty() || !p.commitStudyChange(plan.text, std::move(plan.redo), std::move(plan.undo)))
                qFatal("fixture: %s %s", qPrintable(plan.error), qPrintable(p.lastError()));
        };
        commit(study::planCoder(p.reader(), Consensus, CoderRole::Consensus, std::nullopt));
        commit(study::planAssignment(p.reader(), Ben, {nonBmpDoc}, QDateTime::currentDateTimeUtc()));

        p.setCoderName(Consensus);
        add(plainDoc, "Speaker", 9, 18);
        const QUuid quote = add(plainDoc, "Quote", 26, 53);
        p.setAnnotationValue(quote, field("Quote", "Type"), QStringLiteral("direct"));
        add(plainDoc, "Claim", 55, 78);
        slant(QStringLiteral("-1"));
        add(nonBmpDoc, "Quote", 10, 12);

        p.setCoderName(Alex);
        add(plainDoc, "Speaker", 9, 18);
        const QUuid quoteA = add(plainDoc, "Quote", 26, 53);
        p.setAnnotationValue(quoteA, field("Quote", "Type"), QStringLiteral("direct"));
        add(plainDoc, "Claim", 55, 78);
        slant(QStringLiteral("-1"));
        add(plainDoc, "Speaker", 0, 8);

        p.setCoderName(Ben);
        add(plainDoc, "Speaker", 0, 18);
        const QUuid quoteB = add(plainDoc, "Quote", 26, 53);
        p.setAnnotationValue(quoteB, field("Quote", "Type"), QStringLiteral("partial"));
        add(plainDoc, "Speaker", 60, 70);
        slant(QStringLiteral("0"));
        p.undoStack()->clear();
    }

    QUuid field(const char *code, const char *name) const
    {
        return project->codeByName(QString::fromLatin1(code))->fieldByName(QString::fromLatin1(name))->id;
    }
    QUuid add(const QUuid &doc, const char *code, int start, int end)
    {
        const auto id = project->addAnnotation(doc, codeId(QString::fromLatin1(code)), start, end);
        if (!id)
            qFatal("fixture: cannot add %s", code);
        return *id;
    }
    void slant(const QString &value)
    {
        const QUuid f = field("Article", "Slant");
        project->setDocumentValues(plainDoc, f, {{f, value, {}, {}}});
    }
};

} // namespace newscoder::test
