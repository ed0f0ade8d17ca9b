// Newscoder's codebook JSON: the shipped default, a write→read round trip of
// a hierarchy, and the errors a user sees for files that are not codebooks.
#include "io/CodebookJson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include "TestPaths.h"

using namespace newscoder;

namespace {

Code makeCode(const QString &name, const QUuid &parent, int position, const QString &color = QStringLiteral("#102030"))
{
    Code c;
    c.id = QUuid::createUuid();
    c.parentId = parent;
    c.name = name;
    c.color = QColor(color);
    c.position = position;
    return c;
}

// "Parent/Child" paths, so hierarchies compare independently of the ids.
QString pathOf(const QList<Code> &codes, const Code &code)
{
    QString path = code.name;
    QUuid parent = code.parentId;
    while (!parent.isNull()) {
        const auto it = std::find_if(codes.cbegin(), codes.cend(), [&](const Code &c) { return c.id == parent; });
        if (it == codes.cend())
            return QStringLiteral("<dangling parent>/") + path;
        path = it->name + u'/' + path;
        parent = it->parentId;
    }
    return path;
}

// JSON written with single quotes (keeps the tables readable; moc dislikes raw strings).
QByteArray json(const char *singleQuoted)
{
    return QByteArray(singleQuoted).replace('\'', '"');
}

} // namespace

class TestCodebookJson : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaultCodebook()
    {
        const QList<Code> codes = defaultNewsCodebook();
        QCOMPARE(codes.size(), 6);
        const QStringList names = {QStringLiteral("Quote"), QStringLiteral("Speaker"), QStringLiteral("Claim"),
                                   QStringLiteral("Bias indicator")};
        for (int i = 0; i < 4; ++i) {
            QCOMPARE(codes[i].name, names[i]);
            QCOMPARE(codes[i].shortcut, QString::number(i + 1));
            QCOMPARE(codes[i].position, i);
            QVERIFY(codes[i].parentId.isNull());
            QVERIFY(!codes[i].id.isNull());
            QVERIFY(codes[i].color.isValid());
            QVERIFY2(codes[i].description.size() > 40, qPrintable(codes[i].name)); // a coding instruction
        }
        QCOMPARE(codes[0].color, QColor(QStringLiteral("#e6a23c")));
        // Fresh ids every time: two projects never share code ids.
        QVERIFY(defaultNewsCodebook().first().id != codes.first().id);
        for (int i = 0; i < 4; ++i) {
            QCOMPARE(codes[i].unit, CodeUnit::Span);
            QVERIFY2(!codes[i].useWhen.isEmpty() && !codes[i].avoidWhen.isEmpty() && !codes[i].example.isEmpty(),
                     qPrintable(codes[i].name));
        }
        QCOMPARE(codes[4].name, QStringLiteral("Article"));
        QCOMPARE(codes[4].unit, CodeUnit::Article);
        QCOMPARE(codes[5].name, QStringLiteral("Outlet"));
        QCOMPARE(codes[5].unit, CodeUnit::Outlet);
    }

    // The news model: quote → speaker → actor, claim → quote/speaker, typed scales.
    void defaultCodebookFields()
    {
        const QList<Code> codes = defaultNewsCodebook();
        const auto byName = [&](const QString &name) {
            return *std::find_if(codes.cbegin(), codes.cend(), [&](const Code &c) { return c.name == name; });
        };
        const Code quote = byName(QStringLiteral("Quote"));
        const Code speaker = byName(QStringLiteral("Speaker"));
        const Code claim = byName(QStringLiteral("Claim"));
        const CodeField *type = quote.fieldByName(QStringLiteral("type"));
        QVERIFY(type);
        QCOMPARE(type->kind, FieldKind::SingleChoice);
        QVERIFY(type->required);
        QCOMPARE(type->options.size(), 3);
        QCOMPARE(type->options.first().value, QStringLiteral("direct"));
        const CodeField *who = quote.fieldByName(QStringLiteral("Speaker"));
        QVERIFY(who);
        QCOMPARE(who->kind, FieldKind::AnnotationLink);
        QCOMPARE(who->linkCodes, QList<QUuid>{speaker.id});
        QCOMPARE(who->codeId, quote.id);
        QCOMPARE(speaker.fieldByName(QStringLiteral("Actor"))->kind, FieldKind::ActorLink);
        const CodeField *attributed = claim.fieldByName(QStringLiteral("Attributed to"));
        QVERIFY(attributed && attributed->multiple);
        QCOMPARE(attributed->linkCodes, (QList<QUuid>{quote.id, speaker.id}));
        const CodeField *stance = claim.fieldByName(QStringLiteral("Stance"));
        QCOMPARE(stance->kind, FieldKind::Ordinal);
        QCOMPARE(stance->options.size(), 7);
        QCOMPARE(stance->options.first().value, QStringLiteral("-3"));
        QCOMPARE(stance->options.last().value, QStringLiteral("3"));
        const CodeField *ownership = byName(QStringLiteral("Outlet")).fieldByName(QStringLiteral("Ownership"));
        QVERIFY(ownership);
        QVERIFY(ownership->accepts(QStringLiteral("state")));
        QVERIFY(!ownership->accepts(QStringLiteral("owned by aliens")));
    }

    // Units, description parts, fields and links survive write → read (by name).
    void fieldsRoundTrip()
    {
        const QList<Code> original = defaultNewsCodebook();
        const QByteArray written = writeCodebookJson(original, QStringLiteral("News"));
        const CodebookReadResult read = readCodebookJson(written);
        QVERIFY2(read.error.isEmpty(), qPrintable(read.error));
        QCOMPARE(read.codes.size(), original.size());
        for (qsizetype i = 0; i < original.size(); ++i) {
            const Code &a = original[i];
            const Code &b = read.codes[i];
            QCOMPARE(b.name, a.name);
            QCOMPARE(b.unit, a.unit);
            QCOMPARE(b.useWhen, a.useWhen);
            QCOMPARE(b.avoidWhen, a.avoidWhen);
            QCOMPARE(b.example, a.example);
            QCOMPARE(b.fields.size(), a.fields.size());
            for (qsizetype f = 0; f < a.fields.size(); ++f) {
                QCOMPARE(b.fields[f].name, a.fields[f].name);
                QCOMPARE(b.fields[f].kind, a.fields[f].kind);
                QCOMPARE(b.fields[f].required, a.fields[f].required);
                QCOMPARE(b.fields[f].multiple, a.fields[f].multiple);
                QCOMPARE(b.fields[f].options, a.fields[f].options);
                QCOMPARE(b.fields[f].linkCodes.size(), a.fields[f].linkCodes.size());
            }
        }
        QCOMPARE(writeCodebookJson(read.codes, QStringLiteral("News")), written);
    }

    void defaultCodebookFileIsTheResource()
    {
        QFile shipped(QStringLiteral(NEWSCODER_SOURCE_DIR "/resources/codebooks/news-default.json"));
        QVERIFY(shipped.open(QIODevice::ReadOnly));
        const CodebookReadResult read = readCodebookJson(shipped.readAll());
        QVERIFY2(read.error.isEmpty(), qPrintable(read.error));
        QCOMPARE(read.codes.size(), defaultNewsCodebook().size());
    }

    void roundTripKeepsHierarchy()
    {
        const Code quote = makeCode(QStringLiteral("Quote"), {}, 0, QStringLiteral("#e6a23c"));
        const Code direct = makeCode(QStringLiteral("Direct \U0001F4AC"), quote.id, 0);
        const Code partial = makeCode(QStringLiteral("Partial"), direct.id, 0, QStringLiteral("#abcdef"));
        const Code indirect = makeCode(QStringLiteral("Indirect"), quote.id, 1);
        Code speaker = makeCode(QStringLiteral("Speaker"), {}, 1, QStringLiteral("#409eff"));
        speaker.shortcut = QStringLiteral("Ctrl+2");
        speaker.description = QStringLiteral("Who speaks.\nSecond line with \"quotes\" and \u00FCml\u00E4uts.");
        const Code bias = makeCode(QStringLiteral("Bias indicator"), {}, 2);
        const QList<Code> original = {quote, direct, partial, indirect, speaker, bias};

        const QByteArray json = writeCodebookJson(original, QStringLiteral("Test book"));
        const QJsonObject root = QJsonDocument::fromJson(json).object();
        QCOMPARE(root.value(u"format").toString(), QStringLiteral("newscoder-codebook"));
        QCOMPARE(root.value(u"version").toInt(), kCodebookJsonVersion);
        QCOMPARE(root.value(u"name").toString(), QStringLiteral("Test book"));
        QCOMPARE(root.value(u"codes").toArray().size(), 3); // top level only; children nest

        const CodebookReadResult read = readCodebookJson(json);
        QVERIFY2(read.error.isEmpty(), qPrintable(read.error));
        QCOMPARE(read.codes.size(), original.size());
        QStringList before, after;
        for (const Code &c : original)
            before << pathOf(original, c);
        for (const Code &c : read.codes)
            after << pathOf(read.codes, c);
        QCOMPARE(after, before); // parents before children, same order
        for (qsizetype i = 0; i < original.size(); ++i) {
            QCOMPARE(read.codes[i].color, original[i].color);
            QCOMPARE(read.codes[i].shortcut, original[i].shortcut);
            QCOMPARE(read.codes[i].description, original[i].description);
            QCOMPARE(read.codes[i].position, original[i].position); // position among siblings
            QVERIFY(read.codes[i].id != original[i].id);            // new ids
        }
        // Writing what was read gives the same document again.
        QCOMPARE(writeCodebookJson(read.codes, QStringLiteral("Test book")), json);
    }

    void missingColourGetsGrey()
    {
        const CodebookReadResult read = readCodebookJson(
            json("{'format': 'newscoder-codebook', 'version': 1, 'codes': [{'name': 'Plain'}]}"));
        QVERIFY2(read.error.isEmpty(), qPrintable(read.error));
        QCOMPARE(read.codes.size(), 1);
        QCOMPARE(read.codes[0].color, QColor(0x88, 0x88, 0x88));
        QVERIFY(read.codes[0].shortcut.isEmpty());
    }

    void errors_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("not JSON") << QByteArray("{\"format\": \"newscoder-codebook\", ") << QStringLiteral("JSON");
        QTest::newRow("binary") << QByteArray("\x00\x01\x02", 3) << QStringLiteral("JSON");
        QTest::newRow("empty") << QByteArray() << QString();
        QTest::newRow("array root") << QByteArray("[1, 2]") << QStringLiteral("newscoder-codebook");
        QTest::newRow("wrong format") << QByteArray(json("{'format': 'refi-qda', 'version': 1, 'codes': []}"))
                                      << QStringLiteral("newscoder-codebook");
        QTest::newRow("no format") << QByteArray(json("{'version': 1, 'codes': [{'name': 'A'}]}"))
                                   << QStringLiteral("newscoder-codebook");
        QTest::newRow("unknown field kind")
            << json("{'format': 'newscoder-codebook', 'version': 2, 'codes': [{'name': 'A', 'fields': "
                    "[{'name': 'f', 'kind': 'colour'}]}]}")
            << QStringLiteral("unknown kind");
        QTest::newRow("choice without options")
            << json("{'format': 'newscoder-codebook', 'version': 2, 'codes': [{'name': 'A', 'fields': "
                    "[{'name': 'f', 'kind': 'choice'}]}]}")
            << QStringLiteral("needs options");
        QTest::newRow("link to an unknown code")
            << json("{'format': 'newscoder-codebook', 'version': 2, 'codes': [{'name': 'A', 'fields': "
                    "[{'name': 'f', 'kind': 'annotation-link', 'link_codes': ['Nope']}]}]}")
            << QStringLiteral("unknown code");
        QTest::newRow("unknown unit")
            << json("{'format': 'newscoder-codebook', 'version': 2, 'codes': [{'name': 'A', 'unit': 'page'}]}")
            << QStringLiteral("unknown unit");
        QTest::newRow("newer version") << QByteArray(json("{'format': 'newscoder-codebook', 'version': 3, 'codes': []}"))
                                       << QStringLiteral("2");
        QTest::newRow("no version") << QByteArray(json("{'format': 'newscoder-codebook', 'codes': []}"))
                                    << QStringLiteral("version");
        QTest::newRow("nameless code")
            << QByteArray(json("{'format': 'newscoder-codebook', 'version': 1, 'codes': [{'name': 'A'}, {'color': '#fff'}]}"))
            << QStringLiteral("name");
        QTest::newRow("blank name") << QByteArray(json("{'format': 'newscoder-codebook', 'version': 1, 'codes': [{'name': '  '}]}"))
                                    << QStringLiteral("name");
        QTest::newRow("nameless child")
            << QByteArray(json("{'format': 'newscoder-codebook', 'version': 1, 'codes': [{'name': 'A', 'children': [{}]}]}"))
            << QStringLiteral("name");
        QTest::newRow("entry not an object")
            << QByteArray(json("{'format': 'newscoder-codebook', 'version': 1, 'codes': ['Quote']}"))
            << QStringLiteral("object");
        QTest::newRow("bad colour")
            << QByteArray(json("{'format': 'newscoder-codebook', 'version': 1, 'codes': [{'name': 'A', 'color': 'blurple'}]}"))
            << QStringLiteral("blurple");

        QByteArray deep = "{\"name\": \"leaf\"}";
        for (int i = 0; i < 20; ++i)
            deep = "{\"name\": \"n" + QByteArray::number(i) + "\", \"children\": [" + deep + "]}";
        QTest::newRow("nested too deep")
            << QByteArray(json("{'format': 'newscoder-codebook', 'version': 1, 'codes': [") + deep + "]}")
            << QStringLiteral("deep");
    }

    void errors()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, mentions);
        const CodebookReadResult read = readCodebookJson(json);
        QVERIFY(!read.error.isEmpty());
        QVERIFY2(read.error.contains(mentions, Qt::CaseInsensitive), qPrintable(read.error));
        QVERIFY(read.codes.isEmpty()); // nothing half-read
    }
};

QTEST_GUILESS_MAIN(TestCodebookJson)
#include "tst_codebookjson.moc"
