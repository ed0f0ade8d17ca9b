// Agreement on field values and article variables: the project's values reach
// Krippendorff's alpha as the right units × coders matrix at the field's level.
// Expected values come from the engine (tested against published examples in
// tests/core/stats) run on the matrix written out by hand here.
#include "agreement/FieldAgreement.h"
#include "io/CodebookJson.h"
#include "project/Project.h"
#include "stats/KrippendorffAlpha.h"

#include <QTemporaryDir>
#include <QTest>

using namespace newscoder;

namespace {

struct Fixture
{
    QTemporaryDir dir;
    std::unique_ptr<Project> project;
    QList<QUuid> docs;

    Fixture()
    {
        project = Project::create(dir.filePath(QStringLiteral("fields.newscoder")), defaultNewsCodebook());
        QList<Document> articles;
        for (int i = 0; i < 4; ++i) {
            Document d;
            d.title = QStringLiteral("Article %1").arg(i);
            d.text = QString(200, u'x');
            articles.append(d);
        }
        docs = project->importDocuments(articles);
    }
    Code code(const char *name) const { return *project->codeByName(QString::fromLatin1(name)); }
    QUuid field(const char *codeName, const char *fieldName) const
    {
        return code(codeName).fieldByName(QString::fromLatin1(fieldName))->id;
    }
    QList<Coder> coders() const { return project->reader().coders(); }
    QUuid quote(const QString &coder, int doc, int start, int end, const QString &type)
    {
        project->setCoderName(coder);
        const auto id = project->addAnnotation(docs[doc], code("Quote").id, start, end);
        if (id && !type.isEmpty())
            project->setAnnotationValue(*id, field("Quote", "Type"), type);
        return id.value_or(QUuid());
    }
    const AgreementRow *row(const QList<AgreementRow> &rows, const QString &subject) const
    {
        for (const AgreementRow &r : rows) {
            if (r.subject == subject)
                return &r;
        }
        return nullptr;
    }
};

} // namespace

class TestFieldAgreement : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Quote › Type: units are spans both coders marked identically.
    void annotationFieldOnMatchingSpans()
    {
        Fixture f;
        f.quote(QStringLiteral("Ana"), 0, 10, 20, QStringLiteral("direct"));
        f.quote(QStringLiteral("Ben"), 0, 10, 20, QStringLiteral("direct"));
        f.quote(QStringLiteral("Ana"), 0, 30, 40, QStringLiteral("partial"));
        f.quote(QStringLiteral("Ben"), 0, 30, 40, QStringLiteral("indirect"));
        f.quote(QStringLiteral("Ana"), 1, 5, 50, QStringLiteral("indirect"));
        f.quote(QStringLiteral("Ben"), 1, 5, 50, QStringLiteral("indirect"));
        f.quote(QStringLiteral("Ana"), 2, 0, 9, QStringLiteral("direct")); // Ben did not mark it: no unit
        f.quote(QStringLiteral("Ben"), 2, 0, 8, QStringLiteral("direct")); // different span: no unit

        const QList<AgreementRow> rows = computeFieldAgreement(f.project->reader(), {f.code("Quote")}, f.coders(), {});
        const AgreementRow *type = f.row(rows, QStringLiteral("Quote › Type"));
        QVERIFY(type);
        QCOMPARE(type->measure, QStringLiteral("alpha"));
        QCOMPARE(type->level, QStringLiteral("nominal"));
        QCOMPARE(type->coders, 2);

        // Units (Ana, Ben): direct/direct, partial/indirect, indirect/indirect; categories in option order.
        const stats::ReliabilityData expected = stats::ReliabilityData::fromRows(
            {QStringLiteral("dpi"), QStringLiteral("dii")}, {QStringLiteral("d"), QStringLiteral("i"), QStringLiteral("p")});
        const stats::AgreementResult reference = stats::krippendorffAlpha(expected, stats::Level::Nominal);
        QVERIFY(reference.value);
        QCOMPARE(type->result.units, 3);
        QCOMPARE(type->result.pairableValues, 6);
        QVERIFY(type->result.value);
        QCOMPARE(*type->result.value, *reference.value);
        // The Speaker link field: nobody linked → no row.
        QVERIFY(!f.row(rows, QStringLiteral("Quote › Speaker")));
    }

    // Article › Slant (ordinal −3…+3) per article, in the declared order.
    void articleVariableIsOrdinalPerArticle()
    {
        Fixture f;
        const QUuid slant = f.field("Article", "Slant");
        const QStringList ana{QStringLiteral("-3"), QStringLiteral("0"), QStringLiteral("2"), QStringLiteral("1")};
        const QStringList ben{QStringLiteral("-2"), QStringLiteral("0"), QStringLiteral("3"), QString()};
        for (int d = 0; d < 4; ++d) {
            f.project->setCoderName(QStringLiteral("Ana"));
            QVERIFY(f.project->setDocumentValues(f.docs[d], slant, {{slant, ana[d], {}, {}}}));
            if (!ben[d].isEmpty()) {
                f.project->setCoderName(QStringLiteral("Ben"));
                QVERIFY(f.project->setDocumentValues(f.docs[d], slant, {{slant, ben[d], {}, {}}}));
            }
        }
        const QList<AgreementRow> rows = computeFieldAgreement(f.project->reader(), {f.code("Article")}, f.coders(), {});
        const AgreementRow *row = f.row(rows, QStringLiteral("Article › Slant"));
        QVERIFY(row);
        QCOMPARE(row->level, QStringLiteral("ordinal"));

        // Categories = the scale's seven points in order; Ben's missing value stays missing.
        stats::ReliabilityData expected({QStringLiteral("Ana"), QStringLiteral("Ben")}, 4);
        const QStringList scale{QStringLiteral("-3"), QStringLiteral("-2"), QStringLiteral("-1"), QStringLiteral("0"),
                                QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3")};
        expected.setCategories(scale);
        for (int d = 0; d < 4; ++d) {
            expected.setCategory(d, 0, int(scale.indexOf(ana[d])));
            if (!ben[d].isEmpty())
                expected.setCategory(d, 1, int(scale.indexOf(ben[d])));
        }
        const stats::AgreementResult reference = stats::krippendorffAlpha(expected, stats::Level::Ordinal);
        QVERIFY(reference.value && row->result.value);
        QCOMPARE(*row->result.value, *reference.value);
        QCOMPARE(row->result.units, 3);
        // Text fields are not compared; the actor link is (nominal).
        QVERIFY(!f.row(rows, QStringLiteral("Article › Topic")));
        // An actor link is compared (nominal) once someone set it.
        QVERIFY(!f.row(rows, QStringLiteral("Article › Main actor")));
        const auto actor = f.project->addActor({{}, QStringLiteral("Ana Reyes"), {}, {}, {}, {}, {}, {}});
        const QUuid mainActor = f.field("Article", "Main actor");
        QVERIFY(f.project->setDocumentValues(f.docs[0], mainActor, {{mainActor, {}, {}, *actor}}));
        const QList<AgreementRow> withActor =
            computeFieldAgreement(f.project->reader(), {f.code("Article")}, f.coders(), {});
        QCOMPARE(f.row(withActor, QStringLiteral("Article › Main actor"))->level, QStringLiteral("nominal"));

        // Restricting the articles restricts the units.
        const QList<AgreementRow> two =
            computeFieldAgreement(f.project->reader(), {f.code("Article")}, f.coders(), {f.docs[0], f.docs[1]});
        QCOMPARE(f.row(two, QStringLiteral("Article › Slant"))->result.units, 2);
    }

    void preSetCancelStops()
    {
        Fixture f;
        std::atomic_bool cancel{true};
        QVERIFY(computeFieldAgreement(f.project->reader(), {f.code("Article")}, f.coders(), {}, &cancel).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestFieldAgreement)
#include "tst_fieldagreement.moc"
