// REFI-QDA export: schema-valid .qdpx and .qdc, code point positions, stable
// GUIDs and bytes, and the round trip export → import into a fresh project.
#include "../CoreTestSupport.h"
#include "RefiTestSupport.h"

#include "refi/RefiExport.h"
#include "refi/RefiImport.h"
#include "refi/RefiXml.h"

#include <QTemporaryDir>
#include <QTest>

using namespace newscoder;
using namespace newscoder::test;

namespace {

// The fixture coded by two coders, with memos on an annotation, an article and a code.
void codeAsTwoCoders(ProjectFixture &f)
{
    Project &p = *f.project;
    const QUuid quote = f.codeId(QStringLiteral("Quote"));
    const QUuid speaker = f.codeId(QStringLiteral("Speaker"));
    p.setCoderName(QStringLiteral("Ana"));
    QVERIFY(p.addAnnotation(f.plainDoc, quote, 25, 54, QStringLiteral("Strong quote")));
    QVERIFY(p.addAnnotation(f.plainDoc, speaker, 9, 18));
    QVERIFY(p.addAnnotation(f.nonBmpDoc, quote, 10, 12)); // the 𝄞 itself
    p.setCoderName(QStringLiteral("Ben"));
    QVERIFY(p.addAnnotation(f.plainDoc, quote, 24, 55));
    QVERIFY(p.addAnnotation(f.nonBmpDoc, speaker, 23, 27, QStringLiteral("flag \U0001F1FA\U0001F1E6")));
    Document d = *p.reader().document(f.plainDoc);
    d.memo = QStringLiteral("Check the minister's title.");
    QVERIFY(p.updateDocumentDetails(d));
    Code c = *p.codeByName(QStringLiteral("Speaker"));
    c.memo = QStringLiteral("Speakers are people, not institutions.");
    QVERIFY(p.updateCode(c));
}

QByteArray projectXmlOf(const QString &qdpx)
{
    refi::ArchiveReader archive;
    if (!archive.open(qdpx))
        return {};
    return archive.read(QStringLiteral("project.qde")).value_or(QByteArray());
}

} // namespace

class TestRefiExport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void projectValidatesAndCountsCodePoints()
    {
        REFI_REQUIRE_SCHEMAS();
        QTemporaryDir dir;
        ProjectFixture f(dir.path());
        codeAsTwoCoders(f);
        const QString out = dir.filePath(QStringLiteral("out.qdpx"));
        QString error;
        const auto counts = refi::exportProject(*f.project, out, {}, &error);
        QVERIFY2(counts, qPrintable(error));
        QCOMPARE(counts->sources, 2);
        QCOMPARE(counts->selections, 5);
        QCOMPARE(counts->users, 2);
        QCOMPARE(counts->notes, 4); // two annotation memos, an article memo, a code memo
        const QByteArray xml = projectXmlOf(out);
        QVERIFY(!xml.isEmpty());
        const QString problem = xsdProblem(xml, QStringLiteral("Project.xsd"), dir.path());
        QVERIFY2(problem.isEmpty(), qPrintable(problem));

        // The 𝄞 at UTF-16 [10, 12) is one character: [10, 11) in code points;
        // the flag at UTF-16 [23, 27) is code points [22, 24).
        const auto data = refi::readRefiXml(xml, &error);
        QVERIFY2(data, qPrintable(error));
        const QString nonBmp = refi::guidOf(f.nonBmpDoc);
        bool sawClef = false;
        bool sawFlag = false;
        for (const refi::RefiSource &s : data->sources) {
            if (s.guid != nonBmp)
                continue;
            QCOMPARE(s.plainTextPath, QStringLiteral("internal://") + nonBmp + QStringLiteral(".txt"));
            for (const refi::RefiSelection &sel : s.selections) {
                if (sel.name == QStringLiteral("\U0001D11E")) {
                    QCOMPARE(sel.start, 10);
                    QCOMPARE(sel.end, 11);
                    sawClef = true;
                } else {
                    QCOMPARE(sel.start, 22);
                    QCOMPARE(sel.end, 24);
                    QCOMPARE(sel.codings.size(), 1);
                    QCOMPARE(sel.codings.first().creatingUser,
                             refi::guidOf(f.project->reader().coderByName(QStringLiteral("Ben"))->id));
                    sawFlag = true;
                }
            }
        }
        QVERIFY(sawClef && sawFlag);
        refi::ArchiveReader archive;
        QVERIFY(archive.open(out));
        QCOMPARE(QString::fromUtf8(*archive.read(QStringLiteral("sources/") + nonBmp + QStringLiteral(".txt"))), NonBmpText);
    }

    void codebookValidates()
    {
        REFI_REQUIRE_SCHEMAS();
        QTemporaryDir dir;
        ProjectFixture f(dir.path());
        Code quote = *f.project->codeByName(QStringLiteral("Quote"));
        quote.useWhen = QStringLiteral("words are attributed");
        quote.avoidWhen = QStringLiteral("paraphrase without attribution");
        quote.example = QStringLiteral("\"Talks are frozen\", she said.");
        QVERIFY(f.project->updateCode(quote));
        const QString out = dir.filePath(QStringLiteral("codes.qdc"));
        QString error;
        QVERIFY2(refi::exportCodebook(*f.project, out, &error), qPrintable(error));
        QFile file(out);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray xml = file.readAll();
        const QString problem = xsdProblem(xml, QStringLiteral("Codebook.xsd"), dir.path());
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        const auto data = refi::readRefiXml(xml, &error);
        QVERIFY(data && data->isCodebookOnly);
        const QString description = [&] {
            for (const refi::RefiCode &c : data->codes)
                if (c.name == QLatin1String("Quote"))
                    return c.description;
            return QString();
        }();
        QVERIFY(description.contains(QStringLiteral("Use when: words are attributed")));
        QVERIFY(description.contains(QStringLiteral("Do not use when: paraphrase without attribution")));
        QVERIFY(description.contains(QStringLiteral("Example: \"Talks are frozen\", she said.")));
        const auto parts = refi::splitCodeDescription(description);
        QCOMPARE(parts.definition, quote.description);
        QCOMPARE(parts.useWhen, quote.useWhen);
        QCOMPARE(parts.avoidWhen, quote.avoidWhen);
        QCOMPARE(parts.example, quote.example);
    }

    void sameProjectSameBytes()
    {
        QTemporaryDir dir;
        ProjectFixture f(dir.path());
        codeAsTwoCoders(f);
        QString error;
        QVERIFY(refi::exportProject(*f.project, dir.filePath(QStringLiteral("a.qdpx")), {}, &error));
        QVERIFY(refi::exportProject(*f.project, dir.filePath(QStringLiteral("b.qdpx")), {}, &error));
        QCOMPARE(fileHash(dir.filePath(QStringLiteral("a.qdpx"))), fileHash(dir.filePath(QStringLiteral("b.qdpx"))));
        const QByteArray xml = projectXmlOf(dir.filePath(QStringLiteral("a.qdpx")));
        QVERIFY(xml.contains(refi::guidOf(f.plainDoc).toUtf8()));
        QVERIFY(xml.contains(refi::guidOf(f.codeId(QStringLiteral("Quote"))).toUtf8()));
    }

    void codersOption()
    {
        QTemporaryDir dir;
        ProjectFixture f(dir.path());
        codeAsTwoCoders(f);
        refi::ExportOptions options;
        options.coders = {QStringLiteral("Ben")};
        QString error;
        const auto counts = refi::exportProject(*f.project, dir.filePath(QStringLiteral("ben.qdpx")), options, &error);
        QVERIFY2(counts, qPrintable(error));
        QCOMPARE(counts->users, 1);
        QCOMPARE(counts->selections, 2);
        options.coders = {QStringLiteral("Nobody")};
        QVERIFY(!refi::exportProject(*f.project, dir.filePath(QStringLiteral("none.qdpx")), options, &error));
        QVERIFY(error.contains(QStringLiteral("Nobody")));
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("none.qdpx"))));
    }

    void roundTripIntoFreshProject()
    {
        QTemporaryDir dir;
        ProjectFixture f(dir.path());
        codeAsTwoCoders(f);
        const QString out = dir.filePath(QStringLiteral("rt.qdpx"));
        QString error;
        QVERIFY(refi::exportProject(*f.project, out, {}, &error));
        auto fresh = Project::create(dir.filePath(QStringLiteral("fresh.newscoder")), {});
        const auto plan = refi::planImport(*fresh, out, {}, &error);
        QVERIFY2(plan, qPrintable(error));
        for (const refi::SkippedItem &s : plan->skipped) // only the outlet registry has no REFI place
            QVERIFY2(s.reason.contains(QStringLiteral("registries")), qPrintable(s.item + u' ' + s.reason));
        QVERIFY(refi::applyImport(*fresh, *plan, &error));
        QCOMPARE(fresh->undoStack()->count(), 1);

        // Texts and article details.
        for (const QUuid &id : {f.plainDoc, f.nonBmpDoc}) {
            Document a = *f.project->reader().document(id);
            Document b = *fresh->reader().document(id);
            b.importSource = a.importSource;
            b.outletId = a.outletId; // outlets are not carried by REFI-QDA (README: what is lost)
            const QString diff = documentDiff(a, b);
            QVERIFY2(diff.isEmpty(), qPrintable(diff));
            QCOMPARE(b.memo, a.memo);
        }
        // Codes: ids, names, colours, tree, descriptions, memos.
        // Shortcuts, units and fields are Newscoder's own (README); compare the rest.
        QCOMPARE(fresh->codes().size(), f.project->codes().size());
        for (const Code &c : f.project->codes()) {
            const auto g = fresh->code(c.id);
            QVERIFY2(g, qPrintable(c.name));
            QCOMPARE(g->name, c.name);
            QCOMPARE(g->color, c.color);
            QCOMPARE(g->parentId, c.parentId);
            QCOMPARE(g->description, c.description);
            QCOMPARE(g->useWhen, c.useWhen);
            QCOMPARE(g->memo, c.memo);
        }
        // Annotations: ids, spans, codes, memos, dates and coders (by name).
        QList<Annotation> before = allAnnotations(f.project->reader());
        QList<Annotation> after = allAnnotations(fresh->reader());
        QCOMPARE(after.size(), before.size());
        for (const Annotation &a : before) {
            const auto b = fresh->reader().annotation(a.id);
            QVERIFY(b);
            QCOMPARE(fresh->coderNameFor(b->coderId), f.project->coderNameFor(a.coderId));
            Annotation same = *b;
            same.coderId = a.coderId;
            const QString d = annotationDiff(a, same);
            QVERIFY2(d.isEmpty(), qPrintable(d));
        }
        // Importing the export again changes nothing.
        QVERIFY(refi::planImport(*fresh, out, {}, &error)->changesNothing());
    }

    // A write that fails half-way (an article with the same id arrived after
    // the pre-flight) leaves nothing behind: no codes, no coders, no step.
    void failedImportWritesNothing()
    {
        QTemporaryDir dir;
        ProjectFixture f(dir.path());
        codeAsTwoCoders(f);
        const QString out = dir.filePath(QStringLiteral("rt.qdpx"));
        QString error;
        QVERIFY(refi::exportProject(*f.project, out, {}, &error));
        const QString path = dir.filePath(QStringLiteral("target.newscoder"));
        auto target = Project::create(path, {});
        const auto plan = refi::planImport(*target, out, {}, &error);
        QVERIFY2(plan, qPrintable(error));
        Document clash = *f.project->reader().document(f.nonBmpDoc); // the second article of the plan
        clash.outletId = {};
        QCOMPARE(target->importDocuments({clash}).size(), 1);
        const int steps = target->undoStack()->count();
        QVERIFY(!refi::applyImport(*target, *plan, &error));
        QVERIFY2(error.contains(QStringLiteral("Nothing was written")), qPrintable(error));
        QCOMPARE(target->undoStack()->count(), steps);
        QVERIFY(target->codes().isEmpty());
        QCOMPARE(target->reader().documentCount(), 1);
        QCOMPARE(target->reader().annotationCount(), 0);
        QVERIFY(target->reader().coders().isEmpty());
        QCOMPARE(reader(path)->codes().size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestRefiExport)
#include "tst_refiexport.moc"
