// Project agreement and the reliability engine can never drift apart
// (issue 21): on random projects — random coders, codes, articles of random
// length with emoji, spans that overlap, nest, touch, coincide or have length
// 0, suggestions and coders who skip articles — every unitizing alpha of
// computeProjectAgreement() equals
//   1. unitizing alpha of the units it exports (pooledUnitsCsv), read back as
//      `reliability --unitizing` reads them (readUnitizingCsv), and
//   2. the brute-force reference of tests/core/stats on data the test pools
//      and merges by itself from what it inserted (articles every compared
//      coder coded, end to end; overlapping spans of one coder and code
//      merged, touching ones kept),
// for every subset of two or more coders and every code, to 1e-12.
#include "../stats/UnitizingReference.h"
#include "ZeroLengthSpans.h"
#include "agreement/ProjectAgreement.h"
#include "stats/ReliabilityCsv.h"
#include "storage/ProjectStore.h"

#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <map>
#include <random>

using namespace newscoder;
using namespace Qt::StringLiterals;

namespace {

struct Inserted
{
    QUuid document;
    int code;  // index into the codes
    int coder; // index into the coders
    int start;
    int end;
    bool suggested;
};

struct RandomProject
{
    QTemporaryDir dir;
    std::unique_ptr<ProjectStore> store;
    QStringList coders;
    QList<Code> codes; // span codes first, then one article variable
    QList<DocumentSummary> documents;
    QList<Inserted> annotations;
    QList<QPair<QUuid, bool>> zeroLength; // for makeZeroLength()
};

// Offsets that do not split a surrogate pair.
QList<int> boundaries(const QString &text)
{
    QList<int> out{0};
    for (int i = 0; i < text.size();) {
        i += text[i].isHighSurrogate() && i + 1 < text.size() && text[i + 1].isLowSurrogate() ? 2 : 1;
        out << i;
    }
    return out;
}

void build(RandomProject &p, std::mt19937 &gen)
{
    auto below = [&](int n) { return int(gen() % quint32(n)); };
    p.store = ProjectStore::create(p.dir.filePath(u"random.newscoder"_s));
    WriteTransaction transaction(*p.store);
    // Codes: "Other" twice (under different parents) tests the category labels.
    const QStringList names{u"Quote"_s, u"Claim"_s, u"Other"_s, u"Other"_s};
    const int spanCodes = 2 + below(3);
    for (int k = 0; k < spanCodes; ++k) {
        Code c;
        c.id = QUuid::createUuid();
        c.name = names[k];
        c.color = QColor(Qt::red);
        c.position = k;
        if (k == 3)
            c.parentId = p.codes[1].id;
        p.store->insertCode(c);
        p.codes << c;
    }
    Code variable;
    variable.id = QUuid::createUuid();
    variable.name = u"Slant"_s;
    variable.color = QColor(Qt::blue);
    variable.unit = CodeUnit::Article;
    variable.position = spanCodes;
    p.store->insertCode(variable);
    p.codes << variable;

    const QStringList people{u"Ana"_s, u"Ben"_s, u"Cy 🦊"_s, u"Dee, Jr."_s};
    const int coders = 2 + below(3);
    QList<QUuid> coderIds;
    for (int c = 0; c < coders; ++c) {
        p.coders << people[c];
        coderIds << p.store->ensureCoder(people[c]);
    }
    const QStringList pieces{u"a"_s, u"b"_s, u" "_s, u"é"_s, u"—"_s, u"😀"_s, u"🇪🇺"_s, u"\n"_s};
    const int articles = 1 + below(5);
    for (int d = 0; d < articles; ++d) {
        Document doc;
        doc.id = QUuid::createUuid();
        doc.title = u"Article %1 😀"_s.arg(d);
        const int pieceCount = d == 0 ? 5 + below(40) : below(50); // the first is never empty
        for (int i = 0; i < pieceCount; ++i)
            doc.text += pieces[below(int(pieces.size()))];
        p.store->insertDocument(doc);
        const QList<int> cuts = boundaries(doc.text);
        for (int c = 0; c < coders; ++c) {
            if (below(5) == 0)
                continue; // this coder did not code the article
            const int spans = 1 + below(7);
            int previousEnd = -1, previousStart = -1, previousCode = 0;
            for (int i = 0; i < spans; ++i) {
                int code = below(spanCodes);
                int a = cuts[below(int(cuts.size()))], b = cuts[below(int(cuts.size()))];
                if (a > b)
                    std::swap(a, b);
                switch (below(6)) { // shapes the two paths must treat alike
                case 0: // touching the previous span of the same code
                    if (previousEnd >= 0) {
                        code = previousCode;
                        a = previousEnd;
                        b = std::max(b, a);
                    }
                    break;
                case 1: // coinciding with it
                    if (previousEnd >= 0) {
                        code = previousCode;
                        a = previousStart;
                        b = previousEnd;
                    }
                    break;
                case 2: // length 0
                    b = a;
                    break;
                default:
                    break;
                }
                Annotation ann;
                ann.id = QUuid::createUuid();
                ann.documentId = doc.id;
                ann.codeId = p.codes[code].id;
                ann.coderId = coderIds[c];
                ann.start = a;
                ann.end = b;
                if (a == b) { // stored with one character, made length 0 once the store is closed
                    const bool atEnd = a > 0 && a == int(doc.text.size());
                    ann.start = atEnd ? a - 1 : a;
                    ann.end = ann.start + 1;
                    p.zeroLength.append({ann.id, atEnd});
                }
                ann.created = ann.modified = QDateTime::currentDateTimeUtc();
                const bool suggested = below(10) == 0;
                ann.status = suggested ? AnnotationStatus::Suggested
                                       : (a == b ? AnnotationStatus::Review : AnnotationStatus::Coded);
                p.store->insertAnnotation(ann);
                p.annotations.append({doc.id, code, c, a, b, suggested});
                previousStart = a;
                previousEnd = b;
                previousCode = code;
            }
        }
    }
    transaction.commit();
    p.documents = p.store->documentSummaries();
    const QString path = p.store->path();
    p.store.reset();
    const QString error = newscoder::testing::makeZeroLength(path, p.zeroLength);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    p.store = ProjectStore::open(path, ProjectAccess::ReadOnly);
}

// The test's own pooling and merging, from what it inserted.
unitizingref::UnitizingData expectedData(const RandomProject &p, const QList<int> &coders, const PooledUnits &units)
{
    QStringList labels; // of the test's span codes, in its own order
    for (const Code &c : p.codes)
        if (!c.isVariable())
            labels << units.categories.value(units.categoryCodes.indexOf(c.id));
    unitizingref::UnitizingData data;
    for (int c : coders)
        data.coders << p.coders[c];
    qint64 begin = 0;
    for (const DocumentSummary &d : p.documents) {
        QSet<int> coded;
        for (const Inserted &a : p.annotations)
            if (a.document == d.id && !a.suggested)
                coded.insert(a.coder);
        if (!std::all_of(coders.cbegin(), coders.cend(), [&](int c) { return coded.contains(c); }))
            continue;
        stats::UnitizingDocument doc{begin, d.length, {}};
        for (int c : coders) {
            QList<stats::UnitizingSpan> spans;
            for (int k = 0; k < labels.size(); ++k) {
                std::vector<std::pair<int, int>> mine;
                for (const Inserted &a : p.annotations)
                    if (a.document == d.id && a.coder == c && a.code == k && !a.suggested)
                        mine.emplace_back(a.start, a.end);
                std::sort(mine.begin(), mine.end());
                std::vector<std::pair<int, int>> merged;
                for (const auto &[s, e] : mine) {
                    if (!merged.empty() && s < merged.back().second) // overlap: begins before the other ends
                        merged.back().second = std::max(merged.back().second, e);
                    else
                        merged.emplace_back(s, e);
                }
                for (const auto &[s, e] : merged)
                    spans.append({labels[k], begin + s, e - s});
            }
            doc.spansByCoder.append(spans);
        }
        data.documents.append(doc);
        begin += d.length;
    }
    return data;
}

bool near(const std::optional<double> &a, double b)
{
    return a && std::abs(*a - b) <= 1e-12;
}

} // namespace

class TestAgreementRoundTrip : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void agreementEqualsEngineOnExportedUnits_data()
    {
        QTest::addColumn<int>("seed");
        for (int seed = 1; seed <= 40; ++seed)
            QTest::addRow("project %d", seed) << seed;
    }

    void agreementEqualsEngineOnExportedUnits()
    {
        QFETCH(int, seed);
        std::mt19937 gen{quint32(seed)};
        RandomProject p;
        QVERIFY(p.dir.isValid());
        build(p, gen);
        QVERIFY(p.store);
        const int coderCount = int(p.coders.size());
        int compared = 0, withMerges = 0, withZeroLength = 0;
        for (int mask = 0; mask < (1 << coderCount); ++mask) {
            QList<int> subset;
            for (int c = 0; c < coderCount; ++c)
                if (mask & (1 << c))
                    subset << c;
            if (subset.size() < 2)
                continue;
            AgreementRequest request;
            for (int c : subset)
                request.coders << p.coders[c];
            const AgreementReport report = computeProjectAgreement(*p.store, request);
            QVERIFY2(report.error.isEmpty(), qPrintable(report.error));

            if (report.units.articles.isEmpty()) { // no article every one of them coded: nothing to compare
                for (const AgreementRow &row : report.rows)
                    QVERIFY(row.measure != u"unitizing-alpha"_s || (!row.result.value && row.result.units == 0));
                continue;
            }
            // 1. The exported units through the CSV reader and the engine.
            const QByteArray csv = pooledUnitsCsv(report.units);
            const stats::UnitizingCsvResult read = stats::readUnitizingCsv(csv, {});
            QVERIFY2(read.error.isEmpty(), qPrintable(read.error + u"\n"_s + QString::fromUtf8(csv)));
            QCOMPARE(read.data.coders, report.coders);
            QCOMPARE(read.data.documents.size(), report.units.articles.size());
            const stats::UnitizingResult fromCsv = stats::unitizingAlpha(read.data);
            // 2. The test's own pooling and merging, and the brute-force reference.
            const auto expected = expectedData(p, subset, report.units);
            QCOMPARE(report.documentsAllCoded, int(expected.documents.size()));
            qint64 length = 0;
            for (const auto &d : expected.documents)
                length += d.length;

            for (const AgreementRow &row : report.rows) {
                if (row.measure != u"unitizing-alpha"_s)
                    continue;
                const QString label =
                    report.units.categories[report.units.categoryCodes.indexOf(row.codeId)];
                const QByteArray where = (label + u", coders "_s + request.coders.join(u'+')).toUtf8();
                const stats::AgreementResult viaCsv = stats::categoryResult(fromCsv, label);
                QCOMPARE(row.result.isValid(), viaCsv.isValid());
                QCOMPARE(row.result.value.has_value(), viaCsv.value.has_value());
                QCOMPARE(row.result.units, viaCsv.units);
                QCOMPARE(row.result.pairableValues, viaCsv.pairableValues);
                if (length == 0) { // every article both coded is empty: no continuum
                    QVERIFY2(!row.result.isValid(), where);
                    continue;
                }
                QVERIFY2(row.result.isValid(), qPrintable(row.result.error));
                if (row.result.value)
                    QVERIFY2(near(row.result.value, *viaCsv.value), where);
                QVERIFY2(near(row.result.observed, *viaCsv.observed), where);
                QVERIFY2(near(row.result.expected, *viaCsv.expected), where);

                qint64 units = 0;
                bool zero = false;
                for (const auto &d : expected.documents)
                    for (const auto &spans : d.spansByCoder)
                        for (const auto &s : spans) {
                            units += s.category == label;
                            zero |= s.category == label && s.length == 0;
                        }
                QCOMPARE(row.result.units, units);
                const auto [o, e] = unitizingref::referenceAlpha(expected, label);
                QVERIFY2(near(row.result.observed, units ? o : 0.0), where);
                QVERIFY2(near(row.result.expected, units ? e : 0.0), where);
                if (units && e > 0) {
                    QVERIFY2(row.result.value, where);
                    QVERIFY2(std::abs(*row.result.value - (1 - o / e)) <= 1e-12 * std::max(1.0, std::abs(o / e)),
                             where);
                } else {
                    QVERIFY2(!row.result.value, where);
                }
                ++compared;
                withMerges += !row.merges.isEmpty();
                withZeroLength += zero;
            }
        }
        qDebug("seed %d: %d coders, %d alpha_u compared, %d with merges, %d with units of length 0", seed,
               coderCount, compared, withMerges, withZeroLength);
        m_compared += compared;
        m_withMerges += withMerges;
        m_withZeroLength += withZeroLength;
    }

    // The random projects (the test above, run first) reached what they are for.
    void everyShapeWasCompared()
    {
        QVERIFY2(m_compared >= 200 && m_withMerges >= 50 && m_withZeroLength >= 50,
                 qPrintable(u"%1 compared, %2 with merges, %3 with units of length 0"_s.arg(m_compared)
                                .arg(m_withMerges)
                                .arg(m_withZeroLength)));
    }

private:
    int m_compared = 0;
    int m_withMerges = 0;
    int m_withZeroLength = 0;
};

QTEST_GUILESS_MAIN(TestAgreementRoundTrip)
#include "tst_agreement_roundtrip.moc"
