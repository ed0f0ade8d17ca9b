// The disagreement report: one self-contained HTML page per comparison,
// every text escaped, each disputed passage with its span marked in context
// and each side's version (ConsensusFixture.h has the spans).
#include "ConsensusFixture.h"
#include "review/Adjudication.h"
#include "review/DisagreementReport.h"
#include "review/ReviewItems.h"

#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>

using namespace newscoder;
using namespace newscoder::test;

class TestDisagreementReport : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ConsensusFixture> m_fx;

    review::DisagreementReportResult report(const review::DisagreementReportRequest &request)
    {
        return review::disagreementReportHtml(*reader(m_fx->path), request);
    }
    static int count(const QString &html, const QString &what) { return int(html.count(what)); }

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_fx = std::make_unique<ConsensusFixture>(m_dir->path());
    }

    void titleAndTextsAreEscaped()
    {
        review::DisagreementReportRequest request;
        request.against = ConsensusFixture::Consensus;
        request.title = QStringLiteral("Round <script>alert(1)</script> & co");
        const auto r = report(request);
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        QVERIFY(!r.html.contains(QStringLiteral("<script")));
        QVERIFY(r.html.contains(QStringLiteral("Round &lt;script&gt;alert(1)&lt;/script&gt; &amp; co")));
        // The article's quotation marks are escaped in the context too.
        QVERIFY(r.html.contains(QStringLiteral("&quot;Talks are frozen")));
        QVERIFY(!r.html.contains(QStringLiteral("\"Talks")));
        QVERIFY(r.html.startsWith(QStringLiteral("<!DOCTYPE html>")));
        QVERIFY(r.html.trimmed().endsWith(QStringLiteral("</html>")));
    }

    // Against the consensus: Alex 1 (the extra "Minister"), Ben 5 — under
    // Speaker (2), Quote (2), Claim (1), Article (1).
    void everyPassageAgainstTheConsensus()
    {
        review::DisagreementReportRequest request;
        request.against = ConsensusFixture::Consensus;
        const auto r = report(request);
        QCOMPARE(r.passages, 6);
        QCOMPARE(r.codes, 4);
        QCOMPARE(count(r.html, QStringLiteral("<div class=\"passage\">")), 6);
        QCOMPARE(count(r.html, QStringLiteral("<h2>")), 4);
        // Five span passages, each with its span marked (boundary: the union).
        QCOMPARE(count(r.html, QStringLiteral("<mark>")), 5);
        QVERIFY(r.html.contains(QStringLiteral("<mark>Minister</mark>")));     // Alex's extra, 0–8
        QVERIFY(r.html.contains(QStringLiteral("<mark>Minister Ana Reyes</mark>"))); // Ben's boundary, 0–18
        QVERIFY(r.html.contains(QStringLiteral("<mark>The port stayed closed.</mark>"))); // Claim 55–78
        QVERIFY(r.html.contains(QStringLiteral("extra (not in the consensus)")));
        QVERIFY(r.html.contains(QStringLiteral("missed (only in the consensus)")));
        QVERIFY(r.html.contains(QStringLiteral("Type: partial")));
        QVERIFY(r.html.contains(QStringLiteral("Type: direct")));
        // Codebook order: Speaker's section before Claim's.
        QVERIFY(r.html.indexOf(QStringLiteral("<h2>Speaker</h2>")) < r.html.indexOf(QStringLiteral("<h2>Claim</h2>")));
        QVERIFY(r.html.contains(QStringLiteral("2 disputed: 1 boundary, 1 extra (not in the consensus)")));
    }

    // A pair: the decision log's decision and rationale, and what the
    // consensus now holds there.
    void pairWithDecision()
    {
        Project &p = *m_fx->project;
        const auto review =
            review::computeReview(p.reader(), {ConsensusFixture::Alex, ConsensusFixture::Ben, {}, {}, false});
        const review::ReviewItem *boundary = nullptr;
        for (const review::ReviewItem &item : review.items) {
            if (item.kind == review::ItemKind::Boundary)
                boundary = &item;
        }
        QVERIFY(boundary);
        auto plan = review::planDecision(p.reader(), *boundary, QStringLiteral("accept:") + ConsensusFixture::Alex,
                                         QStringLiteral("titles are not <names> & roles"), QStringLiteral("Lena Lead"),
                                         QDateTime::currentDateTimeUtc());
        QVERIFY2(plan.error.isEmpty(), qPrintable(plan.error));
        QVERIFY(p.commitStudyChange(plan.text, std::move(plan.redo), std::move(plan.undo)));

        review::DisagreementReportRequest request;
        request.coders = {ConsensusFixture::Alex, ConsensusFixture::Ben};
        const auto r = report(request);
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        QCOMPARE(r.passages, review.items.size());
        QVERIFY(r.html.contains(QStringLiteral("titles are not &lt;names&gt; &amp; roles")));
        QVERIFY(r.html.contains(QStringLiteral("accept:Alex Example — by Lena Lead")));
        QVERIFY(r.html.contains(QStringLiteral("<th>Consensus</th>")));
    }

    void writesAFileOrSaysWhy()
    {
        review::DisagreementReportRequest request;
        request.against = ConsensusFixture::Consensus;
        const QString path = m_dir->filePath(QStringLiteral("report.html"));
        review::DisagreementReportResult result;
        QCOMPARE(review::writeDisagreementReport(*reader(m_fx->path), request, path, &result), QString());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(file.readAll()), result.html);

        request.against = QStringLiteral("Nobody");
        const QString other = m_dir->filePath(QStringLiteral("none.html"));
        QVERIFY(review::writeDisagreementReport(*reader(m_fx->path), request, other).contains(QStringLiteral("Nobody")));
        QVERIFY(!QFile::exists(other));
        request = {};
        request.coders = {ConsensusFixture::Alex};
        QVERIFY(!report(request).error.isEmpty());
        request.coders = {ConsensusFixture::Alex, ConsensusFixture::Ben};
        QVERIFY(review::writeDisagreementReport(*reader(m_fx->path), request,
                                                m_dir->filePath(QStringLiteral("no/such/dir/r.html")))
                    .startsWith(QStringLiteral("Cannot write")));
    }
};

QTEST_GUILESS_MAIN(TestDisagreementReport)
#include "tst_disagreementreport.moc"
