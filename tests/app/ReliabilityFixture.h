#pragma once
// A small fictional project for the Reliability window tests.
#include "io/CodebookJson.h"
#include "project/Project.h"

#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace newscoder::testing {

using namespace Qt::StringLiterals;

inline const QString TextA = QStringLiteral(
    "Harbour talks stall\n\nThe port authority said on Monday that \"talks are frozen\" until May. "
    "Minister Ana Reyes told reporters the dispute was \"a matter of national pride\".\n");
inline const QString TextB = QStringLiteral(
    "Ferry fares rise\n\nFares on the island ferry will rise by 12 percent, the operator announced. "
    "\"We had no choice,\" said chief executive Tom Lindqvist.\n");
inline const QString TextC = QStringLiteral(
    "Library reopens\n\nThe old library reopened on Saturday after two years of repairs. "
    "\"It feels like coming home,\" one reader said.\n");

struct Fixture
{
    QTemporaryDir dir;
    std::unique_ptr<Project> project;
    QList<QUuid> docs;

    QUuid code(const QString &name) const { return project->codeByName(name)->id; }
    void mark(const QString &coder, int doc, const QString &codeName, const QString &phrase, int extendBy = 0)
    {
        const QString &text = doc == 0 ? TextA : doc == 1 ? TextB : TextC;
        const int start = int(text.indexOf(phrase));
        QVERIFY2(start >= 0, qPrintable(phrase));
        project->setCoderName(coder);
        QVERIFY(project->addAnnotation(docs[doc], code(codeName), start, start + int(phrase.size()) + extendBy));
    }
};

// Ana and Ben code three articles: Quote identically everywhere, Claim
// identically in one article, Speaker with one boundary difference and one
// span only Ben marked; nobody codes Bias indicator.
inline void build(Fixture &f, bool secondCoder = true)
{
    QVERIFY(f.dir.isValid());
    f.project = Project::create(f.dir.filePath(QStringLiteral("rel.newscoder")), defaultNewsCodebook());
    QList<Document> documents;
    const QList<QPair<QString, QString>> articles{
        {u"Harbour talks stall"_s, TextA}, {u"Ferry fares rise"_s, TextB}, {u"Library reopens"_s, TextC}};
    for (const auto &[title, text] : articles) {
        Document d;
        d.title = title;
        d.outlet = QStringLiteral("example.invalid");
        d.text = text;
        documents << d;
    }
    f.docs = f.project->importDocuments(documents);
    QCOMPARE(f.docs.size(), 3);
    QStringList coders{QStringLiteral("Ana")};
    if (secondCoder)
        coders << QStringLiteral("Ben");
    for (const QString &coder : coders) {
        f.mark(coder, 0, QStringLiteral("Quote"), QStringLiteral("talks are frozen"));
        f.mark(coder, 1, QStringLiteral("Quote"), QStringLiteral("We had no choice,"));
        f.mark(coder, 2, QStringLiteral("Quote"), QStringLiteral("It feels like coming home,"));
        f.mark(coder, 0, QStringLiteral("Claim"), QStringLiteral("a matter of national pride"));
    }
    f.mark(QStringLiteral("Ana"), 0, QStringLiteral("Speaker"), QStringLiteral("Minister Ana Reyes"));
    if (secondCoder) {
        f.mark(QStringLiteral("Ben"), 0, QStringLiteral("Speaker"), QStringLiteral("Ana Reyes"));
        f.mark(QStringLiteral("Ben"), 1, QStringLiteral("Speaker"), QStringLiteral("chief executive Tom Lindqvist"));
    }
}

} // namespace newscoder::testing
