#pragma once

// The small study that the study-folder and codebook-document tests export
// (the export test starts from the same articles and codes its own):
// the test articles imported, the festival article coded by Ana and Ben
// (Speaker, a linked Quote with Type=direct, Ana's Claim with Stance=2), the
// harbour article by Ana (a Quote without Type) and Ben's Slant=1 on it.
#include "CliTestSupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QObject>
#include <QTemporaryDir>
#include <QTest>
#include "TestPaths.h"

namespace newscoder::test {

class StudyFixture : public QObject
{
protected:
    QTemporaryDir m_dir;
    QString m_project;
    QString m_festival;
    QString m_harbour;
    QJsonArray m_codebook; // codebook --json

    CliRun ok(const QStringList &args)
    {
        const CliRun r = runCli(args);
        if (!r.ok())
            qWarning("%s", qPrintable(r.describe()));
        return r;
    }
    QString annotate(const QString &doc, const QString &coder, const QStringList &extra)
    {
        return QString::fromUtf8(
                   ok(QStringList{s("annotate"), m_project, s("--document"), doc, s("--coder"), coder} +
                      extra)
                       .out)
            .trimmed();
    }
    QString out(const QString &name) const { return m_dir.filePath(name); }

    // Creates the project with the test articles and finds the festival and
    // harbour articles (call from initTestCase; buildStudy does).
    void importArticles()
    {
        QVERIFY(m_dir.isValid());
        m_project = m_dir.filePath(s("study.newscoder"));
        QVERIFY(ok({s("new"), m_project}).ok());
        QVERIFY(ok({s("import"), m_project, QStringLiteral(NEWSCODER_TEST_DATA_DIR "/articles")}).ok());
        const QJsonArray docs =
            QJsonDocument::fromJson(ok({s("documents"), m_project, s("--json")}).out).array();
        for (const QJsonValue &d : docs) {
            if (d[u"title"].toString().startsWith(s("Festival")))
                m_festival = d[u"id"].toString();
            if (d[u"title"].toString().startsWith(s("Harbour")))
                m_harbour = d[u"id"].toString();
        }
        QVERIFY(!m_festival.isEmpty() && !m_harbour.isEmpty());
    }

    // Creates and codes the project (call from initTestCase).
    void buildStudy()
    {
        importArticles();
        if (QTest::currentTestFailed())
            return;
        // Two coders on the festival article (a reliability unit), one on the harbour article.
        for (const QString &coder : {s("Ana"), s("Ben")}) {
            const QString speaker =
                annotate(m_festival, coder, {s("--code"), s("Speaker"), s("--match"), s("The mayor")});
            QVERIFY(!speaker.isEmpty());
            QVERIFY(!annotate(m_festival, coder,
                              {s("--code"), s("Quote"), s("--match"), s("a day of joy 🎉"), s("--field"),
                               s("Type=direct"), s("--link"), speaker})
                         .isEmpty());
        }
        QVERIFY(!annotate(m_festival, s("Ana"),
                          {s("--code"), s("Claim"), s("--match"), s("promised a repeat"), s("--field"),
                           s("Stance=2")})
                     .isEmpty());
        QVERIFY(!annotate(m_harbour, s("Ana"), {s("--code"), s("Quote"), s("--match"), s("talks are frozen")})
                     .isEmpty());
        QVERIFY(ok({s("set-variable"), m_project, s("--document"), m_harbour, s("--coder"), s("Ben"),
                    s("--field"), s("Slant=1")})
                    .ok());
        m_codebook = QJsonDocument::fromJson(ok({s("codebook"), m_project, s("--json")}).out)
                         .object()[u"codes"]
                         .toArray();
        QVERIFY(!m_codebook.isEmpty());
    }
};

} // namespace newscoder::test
