// Each coder against the consensus: percent agreement and the error profile
// from the review pairing, α from the agreement engine with the adjudicated
// articles counted as coded by both (ConsensusFixture.h has the spans).
#include "ConsensusFixture.h"
#include "agreement/ProjectAgreement.h"
#include "review/ConsensusAgreement.h"

#include <QTemporaryDir>

using namespace newscoder;
using namespace newscoder::test;
using review::CoderAgainstConsensus;
using review::CodeAgainstConsensus;
using review::ErrorCounts;

namespace {

const CoderAgainstConsensus *coder(const review::ConsensusAgreementReport &report, const QString &name)
{
    for (const CoderAgainstConsensus &c : report.coders) {
        if (c.coder == name)
            return &c;
    }
    return nullptr;
}

const CodeAgainstConsensus *code(const CoderAgainstConsensus &c, const char *name)
{
    for (const CodeAgainstConsensus &row : c.codes) {
        if (row.code == QLatin1String(name))
            return &row;
    }
    return nullptr;
}

int kindSum(const ErrorCounts &e)
{
    return e.agreements + e.missed + e.extra + e.boundary + e.wrongCode + e.fields + e.variables;
}

} // namespace

class TestConsensusAgreement : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ConsensusFixture> m_fx;

    review::ConsensusAgreementReport compute(const review::ConsensusAgreementRequest &request = {})
    {
        return review::computeConsensusAgreement(*reader(m_fx->path), request);
    }

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_fx = std::make_unique<ConsensusFixture>(m_dir->path());
    }

    void adjudicatedArticlesAndShares()
    {
        const auto report = compute();
        QVERIFY2(report.error.isEmpty(), qPrintable(report.error));
        QCOMPARE(report.consensus, ConsensusFixture::Consensus);
        const auto set = [](const QList<QUuid> &ids) { return QSet<QUuid>(ids.cbegin(), ids.cend()); };
        QCOMPARE(set(report.documents), (QSet<QUuid>{m_fx->plainDoc, m_fx->nonBmpDoc}));
        QCOMPARE(report.coders.size(), 2);
        // Alex coded article 1 only; Ben coded article 1 and was assigned article 2.
        QCOMPARE(coder(report, ConsensusFixture::Alex)->documents, QList<QUuid>{m_fx->plainDoc});
        QCOMPARE(set(coder(report, ConsensusFixture::Ben)->documents), (QSet<QUuid>{m_fx->plainDoc, m_fx->nonBmpDoc}));
    }

    // Alex: 5 units (4 spans + Slant), 4 agreements and 1 extra → 80 %.
    // Ben: 5 units, none agreeing: boundary, fields (Type), wrong code,
    // variable (Slant), missed (article 2's Quote) → 0 %.
    void percentAgreementAndErrorProfile()
    {
        const auto report = compute();
        const CoderAgainstConsensus *alex = coder(report, ConsensusFixture::Alex);
        QVERIFY(alex);
        QCOMPARE(alex->counts.units, 5);
        QCOMPARE(alex->counts.agreements, 4);
        QCOMPARE(alex->counts.extra, 1);
        QCOMPARE(alex->counts.missed, 0);
        QCOMPARE(*alex->counts.percentAgreement(), 0.8);
        const CoderAgainstConsensus *ben = coder(report, ConsensusFixture::Ben);
        QVERIFY(ben);
        QCOMPARE(ben->counts.units, 5);
        QCOMPARE(ben->counts.agreements, 0);
        QCOMPARE(ben->counts.boundary, 1);
        QCOMPARE(ben->counts.fields, 1);
        QCOMPARE(ben->counts.wrongCode, 1);
        QCOMPARE(ben->counts.variables, 1);
        QCOMPARE(ben->counts.missed, 1);
        QCOMPARE(ben->counts.extra, 0);
        QCOMPARE(*ben->counts.percentAgreement(), 0.0);
        QCOMPARE(ben->counts.fieldDifferences, (QMap<QString, int>{{QStringLiteral("Type"), 1}}));
        QCOMPARE(ben->counts.variableDifferences, (QMap<QString, int>{{QStringLiteral("Slant"), 1}}));
        for (const CoderAgainstConsensus *c : {alex, ben}) {
            QCOMPARE(kindSum(c->counts), c->counts.units);
            int perCode = 0;
            for (const CodeAgainstConsensus &row : c->codes)
                perCode += row.counts.units;
            QCOMPARE(perCode, c->counts.units); // every item under exactly one code
        }
    }

    // Per code: Alex's Speaker is 1 agreement of 2 (the extra "Minister");
    // Ben's wrong code sits under Claim, the consensus's code, and his Quote
    // has the field difference and the missed span of article 2.
    void perCode()
    {
        const auto report = compute();
        const CoderAgainstConsensus *alex = coder(report, ConsensusFixture::Alex);
        QCOMPARE(code(*alex, "Speaker")->counts.units, 2);
        QCOMPARE(*code(*alex, "Speaker")->counts.percentAgreement(), 0.5);
        QCOMPARE(*code(*alex, "Quote")->counts.percentAgreement(), 1.0);
        QCOMPARE(*code(*alex, "Claim")->counts.percentAgreement(), 1.0);
        QVERIFY(code(*alex, "Article")->variable);
        QCOMPARE(code(*alex, "Article")->counts.agreements, 1);
        const CoderAgainstConsensus *ben = coder(report, ConsensusFixture::Ben);
        QCOMPARE(code(*ben, "Claim")->counts.wrongCode, 1);
        QCOMPARE(code(*ben, "Speaker")->counts.wrongCode, 0);
        QCOMPARE(code(*ben, "Speaker")->counts.boundary, 1);
        QCOMPARE(code(*ben, "Quote")->counts.units, 2);
        QCOMPARE(code(*ben, "Quote")->counts.fields, 1);
        QCOMPARE(code(*ben, "Quote")->counts.missed, 1);
        QCOMPARE(code(*ben, "Article")->counts.variables, 1);
    }

    // α: Alex's Quote and Claim spans are the consensus's exactly → unitizing
    // α = 1. Ben's Quote presence over the two articles: (1,1) and (0,1) —
    // article 2 counts as coded by him (assigned, adjudicated) though he
    // marked nothing: coincidences o11 = 2, o01 = o10 = 1, n = 4, n0 = 1,
    // n1 = 3; D_o = 2/4, D_e = 2·1·3/(4·3) = 1/2 → α = 0.
    void alphaAgainstTheConsensus()
    {
        const auto report = compute();
        const CoderAgainstConsensus *alex = coder(report, ConsensusFixture::Alex);
        QCOMPARE(*code(*alex, "Quote")->unitizing.value, 1.0);
        QCOMPARE(*code(*alex, "Claim")->unitizing.value, 1.0);
        QVERIFY(*code(*alex, "Speaker")->unitizing.value < 1.0);
        QVERIFY(alex->unitizing.value && *alex->unitizing.value < 1.0);
        const CoderAgainstConsensus *ben = coder(report, ConsensusFixture::Ben);
        const CodeAgainstConsensus *quote = code(*ben, "Quote");
        QCOMPARE(quote->presence.units, 2);
        QCOMPARE(*quote->presence.observed, 0.5);
        QCOMPARE(*quote->presence.expected, 0.5);
        QCOMPARE(*quote->presence.value, 0.0);
        // The same engine, the two coders asked for directly: only the
        // article both marked something in enters, so presence has one unit.
        AgreementRequest direct;
        direct.coders = {ConsensusFixture::Ben, ConsensusFixture::Consensus};
        direct.documents = {m_fx->plainDoc, m_fx->nonBmpDoc};
        direct.codes = {QStringLiteral("Quote")};
        const AgreementReport plain = computeProjectAgreement(*reader(m_fx->path), direct);
        QCOMPARE(plain.rows.value(1).measure, QStringLiteral("alpha-presence"));
        QCOMPARE(plain.rows.value(1).result.units, 1);
    }

    void choosingCodersAndCodes()
    {
        review::ConsensusAgreementRequest request;
        request.coders = {ConsensusFixture::Ben};
        request.codes = {QStringLiteral("Quote")};
        const auto report = compute(request);
        QVERIFY2(report.error.isEmpty(), qPrintable(report.error));
        QCOMPARE(report.coders.size(), 1);
        QCOMPARE(report.coders[0].codes.size(), 1);
        QCOMPARE(report.coders[0].counts.units, 2);
    }

    void badRequests()
    {
        review::ConsensusAgreementRequest request;
        request.coders = {QStringLiteral("Nobody")};
        QVERIFY(compute(request).error.contains(QStringLiteral("Nobody")));
        request.coders = {ConsensusFixture::Consensus};
        QVERIFY(compute(request).error.contains(QStringLiteral("is the consensus")));
        request.coders.clear();
        request.codes = {QStringLiteral("No such code")};
        QVERIFY(compute(request).error.contains(QStringLiteral("No such code")));
        request.codes.clear();
        request.consensus = QStringLiteral("Nobody");
        QVERIFY(!compute(request).error.isEmpty());
    }

    void noConsensusYet()
    {
        QTemporaryDir dir;
        ProjectFixture plain(dir.path());
        plain.project->addAnnotation(plain.plainDoc, plain.codeId(QStringLiteral("Quote")), 26, 53);
        const auto report = review::computeConsensusAgreement(*reader(plain.path), {});
        QVERIFY(report.error.contains(QStringLiteral("no consensus")));
        QVERIFY(report.coders.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestConsensusAgreement)
#include "tst_consensusagreement.moc"
