// newscoder-cli's registry and variable subcommands (actors, actor-add,
// outlets, variables, set-variable) and annotate --field/--link, run as a
// real process: JSON shape and values, and every error path with its exit
// code and nothing written to the project file.
#include "CliTestSupport.h"
#include "project/Project.h"
#include "storage/ProjectStore.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include "TestPaths.h"

using namespace newscoder;
using namespace newscoder::test;

namespace {

} // namespace

#define RUN_OK(run)                                                                                                    \
    do {                                                                                                               \
        const Run &r_ = (run);                                                                                         \
        QVERIFY2(r_.status == QProcess::NormalExit && r_.exitCode == 0, qPrintable(describe(r_)));                   \
        QVERIFY2(r_.err.isEmpty(), qPrintable(describe(r_)));                                                         \
    } while (false)

class TestCliRegistry : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_project;
    QString m_harbourId;
    QString m_outletName;

    QJsonValue json(const QStringList &args)
    {
        const Run r = cli(args);
        if (r.exitCode != 0 || !r.err.isEmpty())
            qWarning("%s", qPrintable(describe(r)));
        const QJsonDocument doc = QJsonDocument::fromJson(r.out);
        return doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object());
    }

    QString annotate(const QStringList &extra)
    {
        const Run r = cli(QStringList{s("annotate"), m_project, s("--document"), m_harbourId, s("--coder"), s("alex")}
                          + extra);
        if (r.exitCode != 0)
            qWarning("%s", qPrintable(describe(r)));
        return QString::fromUtf8(r.out).trimmed();
    }

    QJsonObject variable(const QJsonObject &variables, const QString &field)
    {
        for (const QJsonValue &v : variables[u"variables"].toArray()) {
            if (v[u"field"].toString() == field)
                return v.toObject();
        }
        return {};
    }

    int annotationCount() { return ProjectStore::open(m_project, ProjectAccess::ReadOnly)->annotationCount(); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(QFileInfo::exists(QStringLiteral(NEWSCODER_CLI_PATH)));
        QVERIFY(m_dir.isValid());
        m_project = m_dir.filePath(s("registry.newscoder"));
        RUN_OK(cli({s("new"), m_project}));
        RUN_OK(cli({s("import"), m_project, QStringLiteral(NEWSCODER_TEST_DATA_DIR "/articles")}));
        for (const QJsonValue &v : json({s("documents"), m_project, s("--json")}).toArray()) {
            if (v[u"title"].toString().startsWith(s("Harbour")))
                m_harbourId = v[u"id"].toString();
        }
        QVERIFY(!m_harbourId.isEmpty());
    }

    void help()
    {
        const Run r = cli({s("--help")});
        RUN_OK(r);
        for (const char *command : {"actors", "actor-add", "outlets", "variables", "set-variable"})
            QVERIFY2(r.out.contains(QByteArray(QByteArray("\n  ") + command + ' ')), command);
        const Run sub = cli({s("annotate"), s("--help")});
        RUN_OK(sub);
        QVERIFY(sub.out.contains("--field"));
        QVERIFY(sub.out.contains("--link"));
    }

    void actorsAddAndList()
    {
        const Run added = cli({s("actor-add"), m_project, s("Dmitry Peskov"), s("--alias"), s("Peskov"), s("--alias"),
                               s("Kremlin spokesman Dmitry Peskov"), s("--role"), s("Kremlin spokesman"),
                               s("--affiliation"), s("Russian presidency"), s("--country"), s("RU")});
        RUN_OK(added);
        const QString id = QString::fromUtf8(added.out).trimmed();
        QVERIFY(!QUuid::fromString(id).isNull());

        const QJsonArray actors = json({s("actors"), m_project, s("--json")}).toArray();
        QCOMPARE(actors.size(), 1);
        const QJsonObject a = actors.first().toObject();
        QCOMPARE(sortedKeys(a), keyList({"id", "name", "aliases", "role", "affiliation", "country", "memo", "custom",
                                         "links"}));
        QCOMPARE(a[u"id"].toString(), id);
        QCOMPARE(a[u"name"].toString(), s("Dmitry Peskov"));
        QCOMPARE(a[u"aliases"].toArray(), (QJsonArray{s("Peskov"), s("Kremlin spokesman Dmitry Peskov")}));
        QCOMPARE(a[u"role"].toString(), s("Kremlin spokesman"));
        QCOMPARE(a[u"affiliation"].toString(), s("Russian presidency"));
        QCOMPARE(a[u"country"].toString(), s("RU"));
        QVERIFY(a[u"custom"].isObject());
        QCOMPARE(a[u"links"].toInt(), 0);

        const Run text = cli({s("actors"), m_project});
        RUN_OK(text);
        QVERIFY(text.out.contains("Dmitry Peskov"));
    }

    void actorAddErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::newRow("no name") << QStringList{s("actor-add"), s("{p}")} << 1;
        QTest::newRow("blank name") << QStringList{s("actor-add"), s("{p}"), s("  ")} << 2;
        QTest::newRow("duplicate name") << QStringList{s("actor-add"), s("{p}"), s("dmitry peskov")} << 2;
        QTest::newRow("missing project") << QStringList{s("actor-add"), s("{dir}/none.newscoder"), s("X")} << 2;
        QTest::newRow("actors: missing project") << QStringList{s("actors"), s("{dir}/none.newscoder")} << 2;
        QTest::newRow("outlets: missing project") << QStringList{s("outlets"), s("{dir}/none.newscoder")} << 2;
    }

    void actorAddErrors()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        args.replaceInStrings(s("{p}"), m_project);
        args.replaceInStrings(s("{dir}"), m_dir.path());
        const QByteArray before = fileHash(m_project);
        const Run r = cli(args);
        QVERIFY2(r.exitCode == exitCode, qPrintable(describe(r)));
        QVERIFY2(!r.err.isEmpty(), qPrintable(describe(r)));
        QCOMPARE(fileHash(m_project), before);
    }

    void outletsAndVariables()
    {
        const QJsonArray outlets = json({s("outlets"), m_project, s("--json")}).toArray();
        QVERIFY(!outlets.isEmpty());
        QJsonObject harbour;
        for (const QJsonValue &o : outlets) {
            if (o[u"domains"].toArray().contains(s("harbourgazette.example")))
                harbour = o.toObject();
        }
        QVERIFY(!harbour.isEmpty());
        QCOMPARE(sortedKeys(harbour), keyList({"id", "name", "domains", "country", "memo", "articles", "variables"}));
        QCOMPARE(harbour[u"articles"].toInt(), 1);
        const QJsonObject vars = harbour[u"variables"].toObject();
        QCOMPARE(vars.keys(), (QStringList{s("Ownership"), s("Political lean"), s("Reliability")}));
        QVERIFY(vars[u"Ownership"].isNull());
        m_outletName = harbour[u"name"].toString();

        // Outlet variables, by value or label.
        RUN_OK(cli({s("set-variable"), m_project, s("--outlet"), m_outletName, s("--field"), s("Ownership=Private"),
                    s("--field"), s("Political lean=1")}));
        int listed = 0; // the outlet must be listed exactly once: a missing one asserts nothing otherwise
        for (const QJsonValue &o : json({s("outlets"), m_project, s("--json")}).toArray()) {
            if (o[u"name"].toString() == m_outletName) {
                ++listed;
                QCOMPARE(o[u"variables"][u"Ownership"].toString(), s("private"));
                QCOMPARE(o[u"variables"][u"Political lean"].toString(), s("1"));
                QVERIFY(o[u"variables"][u"Reliability"].isNull());
            }
        }
        QCOMPARE(listed, 1);

        // The article inherits them.
        QJsonObject v = json({s("variables"), m_project, s("--document"), m_harbourId, s("--json")}).toObject();
        QCOMPARE(sortedKeys(v), keyList({"document", "coder", "outlet", "variables"}));
        QCOMPARE(v[u"document"].toString(), m_harbourId);
        QCOMPARE(v[u"outlet"].toString(), m_outletName);
        QCOMPARE(v[u"variables"].toArray().size(), 7); // Slant, Tone, Topic, Main actor + 3 outlet variables
        QJsonObject ownership = variable(v, s("Ownership"));
        QCOMPARE(ownership[u"code"].toString(), s("Outlet"));
        QCOMPARE(ownership[u"kind"].toString(), s("choice"));
        QCOMPARE(ownership[u"inherited"].toBool(), true);
        QCOMPARE(ownership[u"inheritedFrom"].toString(), m_outletName);
        QCOMPARE(ownership[u"values"][0][u"value"].toString(), s("private"));
        QCOMPARE(ownership[u"values"][0][u"label"].toString(), s("Private"));
        QJsonObject slant = variable(v, s("Slant"));
        QCOMPARE(sortedKeys(slant), keyList({"code", "unit", "field", "kind", "required", "values", "inherited"}));
        QCOMPARE(slant[u"kind"].toString(), s("ordinal"));
        QCOMPARE(slant[u"required"].toBool(), true);
        QVERIFY(slant[u"values"].toArray().isEmpty());

        // A coder's article variables and an override of an outlet variable.
        RUN_OK(cli({s("set-variable"), m_project, s("--document"), m_harbourId, s("--coder"), s("alex"), s("--field"),
                    s("Slant=-1"), s("--field"), s("Main actor=Peskov"), s("--field"), s("Ownership=state")}));
        v = json({s("variables"), m_project, s("--document"), m_harbourId, s("--coder"), s("alex"), s("--json")})
                .toObject();
        QCOMPARE(v[u"coder"].toString(), s("alex"));
        QCOMPARE(variable(v, s("Slant"))[u"values"][0][u"value"].toString(), s("-1"));
        QCOMPARE(variable(v, s("Slant"))[u"inherited"].toBool(), false);
        const QJsonObject mainActor = variable(v, s("Main actor"));
        QCOMPARE(mainActor[u"kind"].toString(), s("actor-link"));
        QCOMPARE(mainActor[u"values"][0][u"label"].toString(), s("Dmitry Peskov")); // the alias resolved
        ownership = variable(v, s("Ownership"));
        QCOMPARE(ownership[u"inherited"].toBool(), false);
        QCOMPARE(ownership[u"values"][0][u"value"].toString(), s("state"));
        QCOMPARE(variable(v, s("Political lean"))[u"inherited"].toBool(), true);
        // Without --coder only the inherited values show.
        v = json({s("variables"), m_project, s("--document"), m_harbourId, s("--json")}).toObject();
        QVERIFY(variable(v, s("Slant"))[u"values"].toArray().isEmpty());
        QCOMPARE(variable(v, s("Ownership"))[u"values"][0][u"value"].toString(), s("private"));
        // An empty value resets the override to the inherited value.
        RUN_OK(cli({s("set-variable"), m_project, s("--document"), m_harbourId, s("--coder"), s("alex"), s("--field"),
                    s("Ownership=")}));
        v = json({s("variables"), m_project, s("--document"), m_harbourId, s("--coder"), s("alex"), s("--json")})
                .toObject();
        QCOMPARE(variable(v, s("Ownership"))[u"inherited"].toBool(), true);
        QCOMPARE(variable(v, s("Ownership"))[u"values"][0][u"value"].toString(), s("private"));
        // The actor's link count includes the article variable.
        QCOMPARE(json({s("actors"), m_project, s("--json")}).toArray().first()[u"links"].toInt(), 1);

        const Run text = cli({s("variables"), m_project, s("--document"), m_harbourId, s("--coder"), s("alex")});
        RUN_OK(text);
        QVERIFY2(text.out.contains("inherited from"), text.out.constData());
    }

    void setVariableErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        const QStringList doc{s("set-variable"), s("{p}"), s("--document"), s("{doc}"), s("--coder"), s("alex")};
        QTest::newRow("no target") << QStringList{s("set-variable"), s("{p}"), s("--field"), s("Slant=1")} << 1;
        QTest::newRow("both targets") << (doc + QStringList{s("--outlet"), s("{outlet}"), s("--field"), s("Slant=1")})
                                      << 1;
        QTest::newRow("no field") << doc << 1;
        QTest::newRow("document without coder")
            << QStringList{s("set-variable"), s("{p}"), s("--document"), s("{doc}"), s("--field"), s("Slant=1")} << 1;
        QTest::newRow("unknown field") << (doc + QStringList{s("--field"), s("Colour=red")}) << 2;
        QTest::newRow("span field") << (doc + QStringList{s("--field"), s("Stance=1")}) << 2;
        QTest::newRow("not NAME=VALUE") << (doc + QStringList{s("--field"), s("Slant")}) << 2;
        QTest::newRow("off the scale") << (doc + QStringList{s("--field"), s("Slant=7")}) << 2;
        // The valid first value is not written either.
        QTest::newRow("one bad of two") << (doc + QStringList{s("--field"), s("Tone=1"), s("--field"), s("Slant=x")})
                                        << 2;
        QTest::newRow("twice") << (doc + QStringList{s("--field"), s("Tone=1"), s("--field"), s("Tone=0")}) << 2;
        QTest::newRow("unknown document")
            << QStringList{s("set-variable"), s("{p}"), s("--document"), s("ffffffff"), s("--coder"), s("alex"),
                           s("--field"), s("Slant=1")}
            << 2;
        QTest::newRow("unknown outlet")
            << QStringList{s("set-variable"), s("{p}"), s("--outlet"), s("Nowhere Times"), s("--field"), s("Ownership=state")}
            << 2;
        QTest::newRow("article field on outlet")
            << QStringList{s("set-variable"), s("{p}"), s("--outlet"), s("{outlet}"), s("--field"), s("Slant=1")} << 2;
        QTest::newRow("variables: unknown coder")
            << QStringList{s("variables"), s("{p}"), s("--document"), s("{doc}"), s("--coder"), s("nobody"), s("--json")}
            << 2;
        QTest::newRow("variables: no document") << QStringList{s("variables"), s("{p}"), s("--json")} << 1;
    }

    void setVariableErrors()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QVERIFY(!m_outletName.isEmpty());
        args.replaceInStrings(s("{p}"), m_project);
        args.replaceInStrings(s("{doc}"), m_harbourId);
        args.replaceInStrings(s("{outlet}"), m_outletName);
        const QByteArray before = fileHash(m_project);
        const Run r = cli(args);
        QVERIFY2(r.exitCode == exitCode, qPrintable(describe(r)));
        QVERIFY2(!r.err.isEmpty(), qPrintable(describe(r)));
        QCOMPARE(fileHash(m_project), before);
    }

    void annotateWithFieldsAndLinks()
    {
        const int actorsBefore = int(json({s("actors"), m_project, s("--json")}).toArray().size());
        // A speaker whose actor is new to the registry.
        const QString speaker = annotate({s("--code"), s("Speaker"), s("--match"), s("Minister Ana Reyes"), s("--field"),
                                          s("Actor=Ana Reyes"), s("--field"), s("Role in article=government / OFFICIAL")});
        QVERIFY(!QUuid::fromString(speaker).isNull());
        // A quote with its type (by value) linked to the speaker.
        const QString quote = annotate({s("--code"), s("Quote"), s("--match"), s("a matter of national pride"),
                                        s("--field"), s("Type=direct"), s("--link"), speaker});
        QVERIFY(!QUuid::fromString(quote).isNull());
        // A speaker resolved through an alias: no new actor.
        const QString peskov = annotate({s("--code"), s("Speaker"), s("--match"), s("port authority"), s("--field"),
                                         s("Actor=Kremlin spokesman Dmitry Peskov")});
        QVERIFY(!QUuid::fromString(peskov).isNull());

        const QJsonArray actors = json({s("actors"), m_project, s("--json")}).toArray();
        QCOMPARE(actors.size(), actorsBefore + 1);
        QUuid reyesId, peskovId;
        for (const QJsonValue &a : actors) {
            if (a[u"name"].toString() == s("Ana Reyes"))
                reyesId = QUuid::fromString(a[u"id"].toString());
            if (a[u"name"].toString() == s("Dmitry Peskov"))
                peskovId = QUuid::fromString(a[u"id"].toString());
        }
        QVERIFY(!reyesId.isNull());

        auto project = Project::open(m_project, ProjectAccess::ReadOnly);
        const Code speakerCode = *project->codeByName(s("Speaker"));
        const Code quoteCode = *project->codeByName(s("Quote"));
        const QList<FieldValue> speakerValues = project->annotationValues(QUuid::fromString(speaker));
        QCOMPARE(speakerValues.size(), 2);
        for (const FieldValue &v : speakerValues) {
            if (v.fieldId == speakerCode.fieldByName(s("Actor"))->id)
                QCOMPARE(v.actorId, reyesId);
            else
                QCOMPARE(v.text, s("official"));
        }
        const QList<FieldValue> quoteValues = project->annotationValues(QUuid::fromString(quote));
        QCOMPARE(quoteValues.size(), 2);
        for (const FieldValue &v : quoteValues) {
            if (v.fieldId == quoteCode.fieldByName(s("Speaker"))->id)
                QCOMPARE(v.annotationId, QUuid::fromString(speaker));
            else
                QCOMPARE(v.text, s("direct"));
        }
        QCOMPARE(project->annotationValues(QUuid::fromString(peskov)).value(0).actorId, peskovId);
        QVERIFY(project->missingRequiredFields(*project->reader().annotation(QUuid::fromString(quote))).isEmpty());
    }

    void annotateFieldErrors_data()
    {
        QTest::addColumn<QStringList>("extra");
        const QStringList quote{s("--code"), s("Quote"), s("--start"), s("0"), s("--end"), s("5")};
        const QStringList speaker{s("--code"), s("Speaker"), s("--start"), s("0"), s("--end"), s("5")};
        QTest::newRow("unknown field") << quote + QStringList{s("--field"), s("Colour=red")};
        QTest::newRow("field of another code") << quote + QStringList{s("--field"), s("Actor=Peskov")};
        QTest::newRow("not NAME=VALUE") << quote + QStringList{s("--field"), s("direct")};
        QTest::newRow("no such choice") << quote + QStringList{s("--field"), s("Type=shouted")};
        QTest::newRow("one bad of two") << quote + QStringList{s("--field"), s("Type=direct"), s("--field"), s("Type=x")};
        QTest::newRow("single field twice")
            << quote + QStringList{s("--field"), s("Type=direct"), s("--field"), s("Type=partial")};
        QTest::newRow("link field: not an id") << quote + QStringList{s("--field"), s("Speaker=Ana Reyes")};
        QTest::newRow("--link: not an id") << quote + QStringList{s("--field"), s("Type=direct"), s("--link"), s("xyz")};
        QTest::newRow("--link: unknown annotation")
            << quote + QStringList{s("--link"), QUuid::createUuid().toString(QUuid::WithoutBraces)};
        QTest::newRow("--link: wrong code") << quote + QStringList{s("--link"), s("{quote}")};
        QTest::newRow("link field: wrong code") << quote + QStringList{s("--field"), s("Speaker={quote}")};
        QTest::newRow("--link: code without link field") << speaker + QStringList{s("--link"), s("{quote}")};
        // A new actor would be created: an invalid second field must prevent that too.
        QTest::newRow("new actor, bad role")
            << speaker + QStringList{s("--field"), s("Actor=Brand New Person"), s("--field"), s("Role in article=king")};
        // Fails only when writing (the span): the new actor is rolled back with it.
        QTest::newRow("new actor, bad span") << QStringList{s("--code"), s("Speaker"), s("--start"), s("0"), s("--end"),
                                                            s("999999"), s("--field"), s("Actor=Another New Person")};
        QTest::newRow("bad span with valid fields") << QStringList{s("--code"), s("Quote"), s("--start"), s("0"),
                                                                   s("--end"), s("999999"), s("--field"),
                                                                   s("Type=direct"), s("--field"), s("Speaker={speaker}")};
    }

    void annotateFieldErrors()
    {
        QFETCH(QStringList, extra);
        const auto project = ProjectStore::open(m_project, ProjectAccess::ReadOnly);
        QString quoteId, speakerId;
        project->forEachAnnotation([&](const Annotation &a) {
            const auto c = project->code(a.codeId);
            if (c && c->name == s("Quote"))
                quoteId = idString(a.id);
            if (c && c->name == s("Speaker"))
                speakerId = idString(a.id);
            return true;
        });
        QVERIFY2(!quoteId.isEmpty() && !speakerId.isEmpty(), "needs annotateWithFieldsAndLinks first");
        extra.replaceInStrings(s("{quote}"), quoteId);
        extra.replaceInStrings(s("{speaker}"), speakerId);
        const int annotations = annotationCount();
        const int actors = int(json({s("actors"), m_project, s("--json")}).toArray().size());
        const QByteArray before = fileHash(m_project);
        const Run r = cli(QStringList{s("annotate"), m_project, s("--document"), m_harbourId, s("--coder"), s("alex")}
                          + extra);
        QVERIFY2(r.exitCode == 2, qPrintable(describe(r)));
        QVERIFY2(r.err.startsWith("newscoder-cli: "), qPrintable(describe(r)));
        QVERIFY2(r.out.isEmpty(), qPrintable(describe(r)));
        QCOMPARE(annotationCount(), annotations);
        QCOMPARE(int(json({s("actors"), m_project, s("--json")}).toArray().size()), actors);
        QCOMPARE(fileHash(m_project), before);
    }
};

QTEST_GUILESS_MAIN(TestCliRegistry)
#include "tst_cli_registry.moc"
