// Project-level agreement: checks that the project's annotations reach the
// statistics engine as they should (coders, continua, merged spans, presence
// matrix with missing values) and that disagreements are listed.
// The engine's own published-value tests live in tests/core/stats.
#include "agreement/ProjectAgreement.h"
#include "io/CodebookJson.h"
#include "project/Project.h"
#include "stats/Bootstrap.h"
#include "stats/KrippendorffAlpha.h"
#include "stats/ReliabilityCsv.h"
#include "stats/UnitizingAlpha.h"
#include "ZeroLengthSpans.h"

#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace newscoder;

namespace {

const QString TextA = QString(100, u'a');
const QString TextB = QString(60, u'b');
const QString TextC = QString(80, u'c');

struct Fixture
{
    QTemporaryDir dir;
    std::unique_ptr<Project> project;
    QUuid docA, docB, docC, quote, speaker;

    Fixture()
    {
        project = Project::create(dir.filePath(QStringLiteral("agree.newscoder")), defaultNewsCodebook());
        Document a, b, c;
        a.title = QStringLiteral("A");
        a.text = TextA;
        b.title = QStringLiteral("B");
        b.text = TextB;
        c.title = QStringLiteral("C");
        c.text = TextC;
        const QList<QUuid> ids = project->importDocuments({a, b, c});
        docA = ids[0];
        docB = ids[1];
        docC = ids[2];
        quote = project->codeByName(QStringLiteral("Quote"))->id;
        speaker = project->codeByName(QStringLiteral("Speaker"))->id;
    }

    void code(const QString &coder, const QUuid &doc, const QUuid &codeId, int start, int end)
    {
        project->setCoderName(coder);
        QVERIFY(project->addAnnotation(doc, codeId, start, end));
    }

    const AgreementRow *row(const AgreementReport &report, const QString &code, const QString &measure)
    {
        for (const AgreementRow &r : report.rows) {
            if (r.subject == code && r.measure == measure)
                return &r;
        }
        return nullptr;
    }
};

} // namespace

class TestProjectAgreement : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Auto-coded suggestions nobody accepted are not codings.
    void suggestionsDoNotCount()
    {
        Fixture f;
        f.code(QStringLiteral("Ana"), f.docA, f.quote, 10, 30);
        f.project->setCoderName(QStringLiteral("Ben"));
        QVERIFY(f.project->addSuggestions({{f.docA, f.quote, 10, 30}}));
        AgreementReport report = computeProjectAgreement(f.project->reader(), {});
        QCOMPARE(report.documentsAllCoded, 0); // Ben has not coded article A
        const AgreementRow *presence = f.row(report, QStringLiteral("Quote"), QStringLiteral("alpha-presence"));
        QVERIFY(presence);
        QCOMPARE(presence->result.units, 0);
        // Accepted, it is Ben's coding: perfect agreement.
        const auto suggestions = f.project->suggestions({});
        QCOMPARE(suggestions.size(), 1);
        QVERIFY(f.project->acceptSuggestions({suggestions.first().id}));
        report = computeProjectAgreement(f.project->reader(), {});
        QCOMPARE(report.documentsAllCoded, 1);
        QCOMPARE(f.row(report, QStringLiteral("Quote"), QStringLiteral("unitizing-alpha"))->result.value, 1.0);
    }

    void identicalCodingAgreesPerfectly()
    {
        Fixture f;
        for (const QString &coder : {QStringLiteral("Ana"), QStringLiteral("Ben")}) {
            f.code(coder, f.docA, f.quote, 10, 30);
            f.code(coder, f.docA, f.speaker, 40, 50);
            f.code(coder, f.docB, f.quote, 5, 15);
        }
        const AgreementReport report = computeProjectAgreement(f.project->reader(), {});
        QVERIFY2(report.error.isEmpty(), qPrintable(report.error));
        QCOMPARE(report.coders, (QStringList{QStringLiteral("Ana"), QStringLiteral("Ben")}));
        QCOMPARE(report.documents, 2);        // C was coded by nobody
        QCOMPARE(report.documentsAllCoded, 2);
        const AgreementRow *u = f.row(report, QStringLiteral("Quote"), QStringLiteral("unitizing-alpha"));
        QVERIFY(u && u->result.value);
        QCOMPARE(*u->result.value, 1.0);
        // Presence of Speaker: A yes/yes, B no/no -> perfect agreement with variation.
        const AgreementRow *p = f.row(report, QStringLiteral("Speaker"), QStringLiteral("alpha-presence"));
        QVERIFY(p && p->result.value);
        QCOMPARE(*p->result.value, 1.0);
        // Quote is present everywhere for both: nothing varies -> undefined, with a note.
        const AgreementRow *q = f.row(report, QStringLiteral("Quote"), QStringLiteral("alpha-presence"));
        QVERIFY(q && !q->result.value);
        QVERIFY(!q->result.note.isEmpty());
    }

    void spansReachTheEngineMergedPerCoderOnTheTextContinuum()
    {
        Fixture f;
        // Ana marks overlapping quotes [10,20) and [15,30): one unit [10,30) for alpha-u.
        f.code(QStringLiteral("Ana"), f.docA, f.quote, 10, 20);
        f.code(QStringLiteral("Ana"), f.docA, f.quote, 15, 30);
        f.code(QStringLiteral("Ben"), f.docA, f.quote, 12, 30);
        f.code(QStringLiteral("Ana"), f.docB, f.quote, 0, 10);
        f.code(QStringLiteral("Ben"), f.docB, f.speaker, 20, 25); // Ben coded B, but no quote there

        stats::UnitizingData expected;
        expected.coders = {QStringLiteral("Ana"), QStringLiteral("Ben")};
        stats::UnitizingDocument a{0, 100, {{{QStringLiteral("Quote"), 10, 20}}, {{QStringLiteral("Quote"), 12, 18}}}};
        stats::UnitizingDocument b{0, 60, {{{QStringLiteral("Quote"), 0, 10}}, {}}};
        expected.documents = {a, b};
        const stats::AgreementResult direct = stats::unitizingAlpha(expected, QStringLiteral("Quote"));

        const AgreementReport report = computeProjectAgreement(f.project->reader(), {});
        const AgreementRow *u = f.row(report, QStringLiteral("Quote"), QStringLiteral("unitizing-alpha"));
        QVERIFY(u && u->result.value && direct.value);
        QCOMPARE(*u->result.value, *direct.value);
        QCOMPARE(*u->result.observed, *direct.observed);
        QCOMPARE(*u->result.expected, *direct.expected);
        QVERIFY(*u->result.value < 1.0);
        QVERIFY(!u->result.ci); // no bootstrap unless asked
        QCOMPARE(u->result.units, 3);

        // The merge is reported with the coder, the article, the spans and their annotations.
        QCOMPARE(u->merges.size(), 1);
        const SpanMerge &m = u->merges.first();
        QCOMPARE(m.coder, QStringLiteral("Ana"));
        QCOMPARE(m.documentId, f.docA);
        QCOMPARE(m.documentTitle, QStringLiteral("A"));
        QCOMPARE(m.spans, (QList<QPair<int, int>>{{10, 20}, {15, 30}}));
        QCOMPARE(m.annotations.size(), 2);
        QCOMPARE(f.project->reader().annotation(m.annotations[0])->start, 10);
        QCOMPARE(f.project->reader().annotation(m.annotations[1])->start, 15);
        QCOMPARE(m.start, 10);
        QCOMPARE(m.end, 30);
        QVERIFY(u->result.note.contains(u"merged"));
        QVERIFY(f.row(report, QStringLiteral("Quote"), QStringLiteral("alpha-presence"))->merges.isEmpty());

        // The pooled continuum: A then B end to end, the spans as stored.
        QCOMPARE(report.units.articles.size(), 2);
        QCOMPARE(report.units.articles[0].documentId, f.docA);
        QCOMPARE(report.units.articles[1].begin, 100);
        QCOMPARE(report.units.articles[1].length, 60);
        QCOMPARE(report.units.continuumLength(), 160);
        QCOMPARE(report.units.data.documents[1].spansByCoder[0].first().begin, 100); // Ana's [0,10) in B
        QCOMPARE(report.units.data.documents[0].spansByCoder[0].size(), 2); // not merged before the engine

        // The interval is the stats bootstrap over these continua (the articles both coded).
        AgreementRequest withCi;
        withCi.bootstrapDraws = 300;
        withCi.bootstrapSeed = 11;
        const AgreementReport ci = computeProjectAgreement(f.project->reader(), withCi);
        const auto want = stats::bootstrapUnitizingAlpha(expected, QStringLiteral("Quote"), {300, 11, 0.95});
        const AgreementRow *uc = f.row(ci, QStringLiteral("Quote"), QStringLiteral("unitizing-alpha"));
        QVERIFY(uc && uc->result.ci && want);
        QCOMPARE(uc->result.ci->lower, want->lower);
        QCOMPARE(uc->result.ci->upper, want->upper);
        QCOMPARE(uc->result.ci->usableDraws, want->usableDraws);
        QCOMPARE(*uc->result.value, *direct.value); // the point estimate does not change
    }

    // Issue 21: touching spans of one coder are two units, as in
    // `reliability --unitizing` on the same spans.
    void touchingSpansStayTwoUnits()
    {
        QTemporaryDir dir;
        auto project = Project::create(dir.filePath(QStringLiteral("touch.newscoder")), defaultNewsCodebook());
        Document d;
        d.title = QStringLiteral("Touching");
        d.text = QString(122, u'x');
        const QUuid doc = project->importDocuments({d}).first();
        const QUuid quote = project->codeByName(QStringLiteral("Quote"))->id;
        project->setCoderName(QStringLiteral("A"));
        QVERIFY(project->addAnnotation(doc, quote, 20, 40));
        QVERIFY(project->addAnnotation(doc, quote, 40, 60));
        project->setCoderName(QStringLiteral("B"));
        QVERIFY(project->addAnnotation(doc, quote, 20, 60));
        QVERIFY(project->addAnnotation(doc, quote, 70, 90));
        AgreementRequest request;
        request.codes = {QStringLiteral("Quote")};
        const AgreementReport report = computeProjectAgreement(project->reader(), request);
        QVERIFY2(report.error.isEmpty(), qPrintable(report.error));
        const AgreementRow &u = report.rows.first();
        QCOMPARE(u.measure, QStringLiteral("unitizing-alpha"));
        // By hand (tests/core/stats: touchingSpansStayApart): D_o = 300/3721,
        // D_e = 274100/(61 * 56592), alpha_u = -2575/167201 = -0.0154;
        // merging the touching spans gave 0.6625 with 3 units.
        QCOMPARE(u.result.units, 4);
        QVERIFY(std::abs(*u.result.observed - 300.0 / 3721) < 1e-16);
        QVERIFY(std::abs(*u.result.expected - 274100.0 / (61.0 * 56592)) < 1e-16);
        QVERIFY(std::abs(*u.result.value - -2575.0 / 167201) < 1e-14);
        QVERIFY(u.merges.isEmpty());
        // The same four spans through the CSV path of `reliability --unitizing`.
        const stats::UnitizingCsvResult plain =
            stats::readUnitizingCsv("coder,category,begin,length\nA,Quote,20,20\nA,Quote,40,20\n"
                                    "B,Quote,20,40\nB,Quote,70,20\n",
                                    {0, 122, {}});
        QVERIFY(plain.error.isEmpty());
        QCOMPARE(*stats::unitizingAlpha(plain.data, QStringLiteral("Quote")).value, *u.result.value);
        const stats::UnitizingCsvResult exported = stats::readUnitizingCsv(pooledUnitsCsv(report.units), {});
        QVERIFY2(exported.error.isEmpty(), qPrintable(exported.error));
        QCOMPARE(*stats::unitizingAlpha(exported.data, QStringLiteral("Quote")).value, *u.result.value);
    }

    // Issue 14: an annotation of length 0 is a unit of length 0, and the
    // project still computes agreement. (Schema v3 stores no such row and a
    // text edit anchors an orphan on one character; a file from elsewhere may
    // hold one all the same: ZeroLengthSpans.h writes it past the CHECK.)
    void zeroLengthAnnotationIsAUnit()
    {
        Fixture f;
        f.code(QStringLiteral("Ana"), f.docA, f.quote, 10, 70);
        f.code(QStringLiteral("Ben"), f.docA, f.quote, 10, 30);
        f.project->setCoderName(QStringLiteral("Ben"));
        const auto point = f.project->addAnnotation(f.docA, f.quote, 50, 55);
        QVERIFY(point);
        const QString path = f.project->path();
        f.project.reset();
        const QString error = testing::makeZeroLength(path, {{*point, false}}); // Ben's [50,55) -> [50,50)
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const auto store = ProjectStore::open(path, ProjectAccess::ReadOnly);
        QCOMPARE(store->annotation(*point)->end, 50);

        stats::UnitizingData expected;
        expected.coders = {QStringLiteral("Ana"), QStringLiteral("Ben")};
        expected.documents = {stats::UnitizingDocument{
            0, 100, {{{QStringLiteral("Quote"), 10, 60}}, {{QStringLiteral("Quote"), 10, 20}, {QStringLiteral("Quote"), 50, 0}}}}};
        const stats::AgreementResult direct = stats::unitizingAlpha(expected, QStringLiteral("Quote"));
        QVERIFY(direct.value);

        AgreementRequest request;
        request.codes = {QStringLiteral("Quote")};
        const AgreementReport report = computeProjectAgreement(*store, request);
        QVERIFY2(report.error.isEmpty(), qPrintable(report.error));
        const AgreementRow &u = report.rows.first();
        QCOMPARE(u.measure, QStringLiteral("unitizing-alpha"));
        QVERIFY2(u.result.isValid() && u.result.value, qPrintable(u.result.error));
        QCOMPARE(u.result.units, 3);
        QCOMPARE(*u.result.value, *direct.value);
        QCOMPARE(*u.result.expected, *direct.expected);
        // D_o by hand: Ana's [10,70) against Ben's [10,30): 0 + 40^2; against
        // Ben's point at 50, strictly inside: 40^2 + 20^2. Both orders over 2 * 100^2.
        QVERIFY(std::abs(*u.result.observed - 2.0 * (1600 + 2000) / (2.0 * 100 * 100)) < 1e-15);
        // Presence, the bootstrap and the units file take it as well.
        QVERIFY(report.rows[1].result.isValid());
        request.bootstrapDraws = 50;
        QVERIFY(computeProjectAgreement(*store, request).rows.first().result.ci);
        const QByteArray csv = pooledUnitsCsv(report.units);
        QVERIFY2(csv.contains(",50,0\r\n"), csv.constData());
        const stats::UnitizingCsvResult read = stats::readUnitizingCsv(csv, {});
        QVERIFY2(read.error.isEmpty(), qPrintable(read.error));
        QCOMPARE(*stats::unitizingAlpha(read.data, QStringLiteral("Quote")).value, *u.result.value);
    }

    void presenceUsesMissingValuesForArticlesACoderDidNotCode()
    {
        Fixture f;
        f.code(QStringLiteral("Ana"), f.docA, f.quote, 1, 5);
        f.code(QStringLiteral("Ben"), f.docA, f.quote, 1, 5);
        f.code(QStringLiteral("Ana"), f.docB, f.speaker, 1, 5);  // Ben did not code B
        f.code(QStringLiteral("Ana"), f.docC, f.quote, 1, 5);
        f.code(QStringLiteral("Ben"), f.docC, f.speaker, 1, 5);

        // Units: A, B, C (order of the document list: by date, then title).
        stats::ReliabilityData expected({QStringLiteral("Ana"), QStringLiteral("Ben")}, 3);
        expected.setCategories({QStringLiteral("absent"), QStringLiteral("present")});
        expected.setCategory(0, 0, 1);
        expected.setCategory(0, 1, 1);
        expected.setCategory(1, 0, 0); // B: Ana coded it (speaker only); Ben missing
        expected.setCategory(2, 0, 1);
        expected.setCategory(2, 1, 0);
        const stats::AgreementResult direct = stats::krippendorffAlpha(expected, stats::Level::Nominal);

        const AgreementReport report = computeProjectAgreement(f.project->reader(), {});
        const AgreementRow *p = f.row(report, QStringLiteral("Quote"), QStringLiteral("alpha-presence"));
        QVERIFY(p);
        QCOMPARE(p->result.units, direct.units);
        QCOMPARE(p->result.pairableValues, direct.pairableValues);
        // By hand: pairable values A (1,1) and C (1,0); B has one value only.
        // n = 4, n_present = 3, n_absent = 1; D_o = 2/4, D_e = 2*3*1/(4*3) = 1/2:
        // alpha = 0, defined (both sides must be).
        QVERIFY(direct.value && p->result.value);
        QCOMPARE(direct.units, 2);
        QVERIFY(std::abs(*direct.value) < 1e-15);
        QCOMPARE(*p->result.value, *direct.value);
        // Unitizing alpha only uses articles both coded: A and C.
        QCOMPARE(report.documentsAllCoded, 2);

        // The interval is the stats bootstrap of that matrix (missing values included).
        AgreementRequest withCi;
        withCi.bootstrapDraws = 400;
        withCi.bootstrapSeed = 5;
        const AgreementReport ci = computeProjectAgreement(f.project->reader(), withCi);
        const AgreementRow *pc = f.row(ci, QStringLiteral("Quote"), QStringLiteral("alpha-presence"));
        QVERIFY(pc);
        const auto want = stats::bootstrapAlpha(expected, stats::Level::Nominal, {400, 5, 0.95});
        QVERIFY(want && pc->result.ci);
        QCOMPARE(pc->result.ci->lower, want->lower);
        QCOMPARE(pc->result.ci->upper, want->upper);
        QCOMPARE(pc->result.ci->draws, 400);
    }

    void bootstrapIntervalsAreReproducible()
    {
        Fixture f;
        // Twelve articles of 100 characters; Ana and Ben both code each one
        // (Speaker), and mostly agree on Quote: Ben's start drifts by up to
        // two characters, he misses the quote in article 5 and adds one in 3.
        QList<Document> more;
        for (int i = 0; i < 12; ++i) {
            Document d;
            d.title = QStringLiteral("Article %1").arg(i, 2, 10, QLatin1Char('0'));
            d.text = QString(100, QLatin1Char('x'));
            more << d;
        }
        const QList<QUuid> docs = f.project->importDocuments(more);
        for (int i = 0; i < docs.size(); ++i) {
            f.code(QStringLiteral("Ana"), docs[i], f.speaker, 50, 60);
            f.code(QStringLiteral("Ben"), docs[i], f.speaker, 50, 60);
            if (i % 4 != 3)
                f.code(QStringLiteral("Ana"), docs[i], f.quote, 10, 30);
            if (i % 4 != 3 && i != 5)
                f.code(QStringLiteral("Ben"), docs[i], f.quote, 10 + i % 3, 30);
        }
        f.code(QStringLiteral("Ben"), docs[3], f.quote, 0, 5);

        AgreementRequest request;
        request.codes = {QStringLiteral("Quote")};
        const AgreementReport plain = computeProjectAgreement(f.project->reader(), request);
        QCOMPARE(plain.rows.size(), 2);
        for (const AgreementRow &row : plain.rows) {
            QVERIFY2(row.result.value, qPrintable(row.measure));
            QVERIFY(!row.result.ci); // no draws, no interval
        }

        request.bootstrapDraws = 2000;
        request.bootstrapSeed = 42;
        const AgreementReport first = computeProjectAgreement(f.project->reader(), request);
        const AgreementReport again = computeProjectAgreement(f.project->reader(), request);
        request.bootstrapSeed = 43;
        const AgreementReport otherSeed = computeProjectAgreement(f.project->reader(), request);
        QCOMPARE(first.rows.size(), 2);
        for (int r = 0; r < 2; ++r) {
            const stats::AgreementResult &res = first.rows[r].result;
            const QByteArray measure = first.rows[r].measure.toUtf8();
            QVERIFY2(res.ci, measure);
            QCOMPARE(*res.value, *plain.rows[r].result.value);
            QVERIFY2(*res.value < 1.0, measure); // there is disagreement to resample
            QVERIFY2(res.ci->lower <= *res.value && *res.value <= res.ci->upper, measure);
            QVERIFY2(res.ci->lower < res.ci->upper, measure);
            QCOMPARE(res.ci->draws, 2000);
            QCOMPARE(res.ci->seed, quint64(42));
            QVERIFY2(res.ci->usableDraws > 1000, measure);
            QCOMPARE(res.ci->level, 0.95);
            // Same seed: the same interval, to the bit.
            QCOMPARE(again.rows[r].result.ci->lower, res.ci->lower);
            QCOMPARE(again.rows[r].result.ci->upper, res.ci->upper);
            // Another seed: other draws.
            const auto &other = otherSeed.rows[r].result.ci;
            QVERIFY2(other && (other->lower != res.ci->lower || other->upper != res.ci->upper), measure);
        }

        // One article only: every draw resamples that article whole, so the
        // unitizing interval collapses onto the value (articles are resampled,
        // not spans).
        request.documents = {docs[1]};
        const AgreementReport single = computeProjectAgreement(f.project->reader(), request);
        const AgreementRow *u = f.row(single, QStringLiteral("Quote"), QStringLiteral("unitizing-alpha"));
        QVERIFY(u && u->result.value && u->result.ci);
        QVERIFY(*u->result.value < 1.0);
        QCOMPARE(u->result.ci->lower, *u->result.value);
        QCOMPARE(u->result.ci->upper, *u->result.value);
        // Presence in one article: undefined, so no interval either.
        const AgreementRow *p = f.row(single, QStringLiteral("Quote"), QStringLiteral("alpha-presence"));
        QVERIFY(p && !p->result.value && !p->result.ci);
    }

    void presetCancelReturnsNothing()
    {
        Fixture f;
        f.code(QStringLiteral("Ana"), f.docA, f.quote, 1, 5);
        f.code(QStringLiteral("Ben"), f.docA, f.quote, 2, 5);
        f.code(QStringLiteral("Ben"), f.docB, f.quote, 2, 5);
        std::atomic_bool cancel{true};
        int calls = 0;
        AgreementRequest request;
        request.bootstrapDraws = 100;
        const AgreementReport report =
            computeProjectAgreement(f.project->reader(), request, [&](int, int) { ++calls; }, &cancel);
        QVERIFY(report.cancelled);
        QVERIFY(report.rows.isEmpty());
        QVERIFY(report.error.isEmpty());
        QCOMPARE(calls, 0);
        // Without the flag the same request computes.
        cancel = false;
        const AgreementReport full = computeProjectAgreement(f.project->reader(), request, {}, &cancel);
        QVERIFY(!full.cancelled);
        // Two span measures per span code; no field has values, so no field rows.
        const auto spanCodes = std::count_if(f.project->codes().cbegin(), f.project->codes().cend(),
                                             [](const Code &c) { return !c.isVariable(); });
        QCOMPARE(full.rows.size(), 2 * spanCodes);
    }

    void cancelBetweenCodesStopsWithoutRows()
    {
        Fixture f;
        f.code(QStringLiteral("Ana"), f.docA, f.quote, 1, 5);
        f.code(QStringLiteral("Ben"), f.docA, f.quote, 2, 5);
        std::atomic_bool cancel{false};
        int calls = 0;
        // Cancelled from the progress report after the first code: nothing more is computed.
        const AgreementReport report = computeProjectAgreement(
            f.project->reader(), {},
            [&](int done, int) {
                ++calls;
                if (done == 1)
                    cancel = true;
            },
            &cancel);
        QVERIFY(f.project->reader().codes().size() > 1);
        QVERIFY(report.cancelled);
        QVERIFY(report.rows.isEmpty());
        QCOMPARE(calls, 1);
    }

    void selectionAndErrors()
    {
        Fixture f;
        f.code(QStringLiteral("Ana"), f.docA, f.quote, 1, 5);
        f.code(QStringLiteral("Ben"), f.docA, f.quote, 1, 5);
        f.code(QStringLiteral("Cy"), f.docA, f.quote, 2, 5);

        AgreementRequest onlyTwo;
        onlyTwo.coders = {QStringLiteral("Ana"), QStringLiteral("Ben")};
        onlyTwo.codes = {QStringLiteral("quote")};
        const AgreementReport two = computeProjectAgreement(f.project->reader(), onlyTwo);
        QVERIFY(two.error.isEmpty());
        QCOMPARE(two.rows.size(), 2); // one code, two measures
        QCOMPARE(*two.rows.first().result.value, 1.0);

        AgreementRequest one;
        one.coders = {QStringLiteral("Ana")};
        QVERIFY(computeProjectAgreement(f.project->reader(), one).error.contains(u"two coders"));
        AgreementRequest unknown;
        unknown.coders = {QStringLiteral("Ana"), QStringLiteral("Zed")};
        QVERIFY(computeProjectAgreement(f.project->reader(), unknown).error.contains(u"Zed"));
        AgreementRequest badCode;
        badCode.codes = {QStringLiteral("Nope")};
        QVERIFY(computeProjectAgreement(f.project->reader(), badCode).error.contains(u"Nope"));

        std::atomic_bool cancel{true};
        QVERIFY(computeProjectAgreement(f.project->reader(), {}, {}, &cancel).cancelled);
    }

    void disagreementsListWhatDiffers()
    {
        Fixture f;
        f.code(QStringLiteral("Ana"), f.docA, f.quote, 10, 20); // same for both
        f.code(QStringLiteral("Ben"), f.docA, f.quote, 10, 20);
        f.code(QStringLiteral("Ana"), f.docA, f.quote, 40, 50); // Ben 42-50: boundaries differ
        f.code(QStringLiteral("Ben"), f.docA, f.quote, 42, 50);
        f.code(QStringLiteral("Ana"), f.docA, f.quote, 70, 80); // only Ana
        const QList<Disagreement> list = codeDisagreements(f.project->reader(), f.quote, {});
        QCOMPARE(list.size(), 3);
        QCOMPARE(list[0].start, 40);
        QCOMPARE(list[0].kind, QStringLiteral("boundaries differ"));
        QCOMPARE(list[1].start, 42);
        QCOMPARE(list[1].coder, QStringLiteral("Ben"));
        QCOMPARE(list[2].start, 70);
        QCOMPARE(list[2].kind, QStringLiteral("no counterpart"));
        QCOMPARE(list[2].text, TextA.mid(70, 10));
        QCOMPARE(list[2].documentTitle, QStringLiteral("A"));
    }
};

QTEST_GUILESS_MAIN(TestProjectAgreement)
#include "tst_projectagreement.moc"
