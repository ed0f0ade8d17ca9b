// Whole-state undo: for every public mutator (and so every command class),
// the whole file after undo equals the file before, and after redo the file
// after — every table, every column (ProjectSnapshot), read through a fresh
// read-only connection. The project's caches must match the file each time.
#include "../UndoFixture.h"

#include <QTemporaryDir>
#include <QTest>

#include <functional>

using namespace newscoder;
using namespace newscoder::test;

class TestUndoSnapshots : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<CodedFixture> m_fx;

    Project &project() { return *m_fx->project; }
    QUndoStack &stack() { return *m_fx->project->undoStack(); }
    ProjectSnapshot snap() const { return ProjectSnapshot::take(m_fx->path); }
    Code code(const char *name) const { return *m_fx->project->codeByName(QString::fromLatin1(name)); }
    QUuid fieldOf(const char *codeName, const char *fieldName) const
    {
        return code(codeName).fieldByName(QString::fromLatin1(fieldName))->id;
    }

    // `mutate` must change the file in exactly one undo step; undo, redo,
    // undo, redo each restore the whole file and keep the caches in step.
    void roundTrip(const char *what, const std::function<bool()> &mutate)
    {
        const ProjectSnapshot before = snap();
        QVERIFY2(before.error().isEmpty(), qPrintable(before.error()));
        const int index = stack().index();
        QVERIFY2(mutate(), qPrintable(QStringLiteral("%1: %2").arg(QString::fromLatin1(what), project().lastError())));
        const ProjectSnapshot after = snap();
        QVERIFY2(!(after == before), what); // the mutation must have written something
        QCOMPARE(stack().index(), index + 1);
        for (int round = 0; round < 2; ++round) {
            stack().undo();
            QVERIFY_SNAPSHOT(before, snap(), what);
            QVERIFY2(cacheDiff(project()).isEmpty(), qPrintable(cacheDiff(project())));
            stack().redo();
            QVERIFY_SNAPSHOT(after, snap(), what);
            QVERIFY2(cacheDiff(project()).isEmpty(), qPrintable(cacheDiff(project())));
        }
        QCOMPARE(stack().index(), index + 1);
    }

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_fx = std::make_unique<CodedFixture>(m_dir->path());
        QVERIFY(!m_fx->suggestion.isNull());
        QVERIFY(!m_fx->claim.isNull());
        QCOMPARE(reader(m_fx->path)->coders().size(), 2);
    }

    void cleanup()
    {
        m_fx.reset();
        m_dir.reset();
    }

    // The coder row a first annotation / variable / suggestion needs is part
    // of the same step: undo removes it, redo brings back the same row.
    void firstAnnotationOfANewCoder()
    {
        project().setCoderName(QStringLiteral("Cleo Third"));
        roundTrip("first annotation", [&] {
            return project().addAnnotation(m_fx->plainDoc, code("Claim").id, 0, 8).has_value();
        });
        QCOMPARE(project().coderNameFor(reader(m_fx->path)->coderByName(QStringLiteral("Cleo Third"))->id),
                 QStringLiteral("Cleo Third"));
    }
    void firstVariableOfANewCoder()
    {
        project().setCoderName(QStringLiteral("Cleo Third"));
        const QUuid tone = fieldOf("Article", "Tone");
        roundTrip("first variable", [&] {
            return project().setDocumentValues(m_fx->plainDoc, tone, {{tone, QStringLiteral("1"), {}, {}}});
        });
    }
    void firstSuggestionOfANewCoder()
    {
        project().setCoderName(QStringLiteral("Cleo Third"));
        roundTrip("first suggestion", [&] {
            return project().addSuggestions({{m_fx->plainDoc, code("Quote").id, 26, 53}}).has_value();
        });
    }

    // ---------------------------------------------------------- annotations
    void addAnnotation()
    {
        roundTrip("add", [&] { return project().addAnnotation(m_fx->nonBmpDoc, code("Claim").id, 0, 4).has_value(); });
    }
    void removeAnnotationsWithValuesAndLinks()
    {
        roundTrip("remove", [&] { return project().removeAnnotations({m_fx->quote, m_fx->speaker}); });
    }
    void setAnnotationMemo()
    {
        roundTrip("memo", [&] { return project().setAnnotationMemo(m_fx->quote, QStringLiteral("check wording")); });
    }
    void setAnnotationCodeDropsValues()
    {
        roundTrip("recode", [&] { return project().setAnnotationCode(m_fx->quote, code("Claim").id); });
    }

    // ----------------------------------------------------------- documents
    void importDocumentsWithANewOutlet()
    {
        Document d = makeDocument(QStringLiteral("Ferry strike"), QStringLiteral("Ferries stopped on Monday."),
                                  {{QStringLiteral("byline"), QStringLiteral("By Sam Doe")}});
        d.url = QStringLiteral("https://eastcoastnews.example/ferry");
        d.outlet = QStringLiteral("East Coast News");
        roundTrip("import", [&] { return !project().importDocuments({d}).isEmpty(); });
        QCOMPARE(project().outlets().size(), 2);
    }
    void removeDocumentWithEverything()
    {
        roundTrip("remove document", [&] { return project().removeDocuments({m_fx->plainDoc}); });
    }
    void updateDocumentDetails()
    {
        Document d = *project().reader().document(m_fx->plainDoc);
        d.title = QStringLiteral("Talks stall again");
        d.date = QDate(2024, 3, 15);
        d.metadata.append({QStringLiteral("section"), QStringLiteral("Politics")});
        d.outletId = {};
        d.memo = QStringLiteral("follow up");
        roundTrip("details", [&] { return project().updateDocumentDetails(d); });
    }
    void setDocumentMemo()
    {
        roundTrip("document memo", [&] { return project().setDocumentMemo(m_fx->plainDoc, QStringLiteral("ok")); });
    }
    void editDocumentText()
    {
        // Deletes the speaker's whole text (it is orphaned, flagged Review) and shifts the rest.
        roundTrip("edit text", [&] {
            return project().editDocumentText(m_fx->plainDoc, {{9, 10, QString()}, {0, 0, QStringLiteral("The ")}});
        });
    }

    // --------------------------------------------------------------- codes
    void addCodeWithFields()
    {
        Code c;
        c.name = QStringLiteral("Frame");
        c.color = QColor(0x33, 0x66, 0x99);
        c.shortcut = QStringLiteral("5");
        c.useWhen = QStringLiteral("a frame is named");
        c.avoidWhen = QStringLiteral("a topic only");
        c.example = QStringLiteral("'a war on drugs'");
        c.memo = QStringLiteral("pilot");
        CodeField f;
        f.name = QStringLiteral("Kind");
        f.kind = FieldKind::SingleChoice;
        f.options = {{QStringLiteral("conflict"), QStringLiteral("Conflict")}};
        c.fields = {f};
        roundTrip("add code", [&] { return project().addCode(c).has_value(); });
    }
    void updateCodeEverything()
    {
        Code c = code("Claim");
        c.name = QStringLiteral("Assertion");
        c.color = QColor(0x10, 0x20, 0x30);
        c.useWhen = QStringLiteral("u");
        c.avoidWhen = QStringLiteral("a");
        c.example = QStringLiteral("e");
        c.memo = QStringLiteral("m");
        c.description = QStringLiteral("d");
        c.fields.removeIf([](const CodeField &f) { return f.name == QStringLiteral("Stance"); }); // holds a value
        c.fields.first().description = QStringLiteral("what it is about");
        CodeField added;
        added.name = QStringLiteral("Checked");
        added.kind = FieldKind::Boolean;
        c.fields.append(added);
        roundTrip("update code", [&] { return project().updateCode(c); });
    }
    void removeSpanCode()
    {
        roundTrip("remove Quote", [&] { return project().removeCode(code("Quote").id); });
    }
    void removeArticleVariableCodeWithValues()
    {
        roundTrip("remove Article", [&] { return project().removeCode(code("Article").id); });
    }
    void removeOutletVariableCodeWithValues()
    {
        roundTrip("remove Outlet", [&] { return project().removeCode(code("Outlet").id); });
    }
    void moveCode()
    {
        roundTrip("move", [&] { return project().moveCode(code("Claim").id, code("Quote").id, 0); });
    }
    void mergeCodes()
    {
        roundTrip("merge", [&] { return project().mergeCodes(code("Quote").id, code("Claim").id); });
    }
    void splitCode()
    {
        roundTrip("split", [&] {
            return project().splitCode(code("Quote").id, {m_fx->festival}, QStringLiteral("Festival quote")).has_value();
        });
    }
    void importCodebook()
    {
        Code merged = code("Quote"); // merges by name, adds a field
        merged.id = {};
        CodeField tone;
        tone.name = QStringLiteral("Tone");
        tone.kind = FieldKind::Text;
        merged.fields = {tone};
        Code fresh;
        fresh.name = QStringLiteral("Source type");
        fresh.shortcut = QStringLiteral("1"); // taken: dropped
        roundTrip("import codebook", [&] { return project().importCodebook({merged, fresh}).has_value(); });
    }

    // -------------------------------------------------------------- values
    void setAnnotationValues()
    {
        const QUuid role = fieldOf("Speaker", "Role in article");
        roundTrip("value", [&] { return project().setAnnotationValue(m_fx->speaker, role, QStringLiteral("official")); });
    }
    void clearAnnotationValues()
    {
        roundTrip("clear", [&] { return project().setAnnotationValues(m_fx->speaker, fieldOf("Speaker", "Actor"), {}); });
    }
    void addAnnotationLink()
    {
        const QUuid other = *project().addAnnotation(m_fx->plainDoc, code("Speaker").id, 55, 63);
        roundTrip("link", [&] { return project().addAnnotationLink(m_fx->claim, other); });
    }
    void removeAnnotationLink()
    {
        roundTrip("unlink", [&] { return project().removeAnnotationLink(m_fx->quote, m_fx->speaker); });
    }
    void setDocumentValues()
    {
        const QUuid slant = fieldOf("Article", "Slant");
        roundTrip("variable", [&] {
            return project().setDocumentValues(m_fx->plainDoc, slant, {{slant, QStringLiteral("2"), {}, {}}});
        });
    }
    void overrideOutletVariableForAnArticle()
    {
        const QUuid lean = fieldOf("Outlet", "Political lean");
        roundTrip("override", [&] {
            return project().setDocumentValues(m_fx->plainDoc, lean, {{lean, QStringLiteral("1"), {}, {}}});
        });
    }
    void setOutletValues()
    {
        const QUuid ownership = fieldOf("Outlet", "Ownership");
        roundTrip("outlet value", [&] {
            return project().setOutletValues(m_fx->outlet, ownership, {{ownership, QStringLiteral("state"), {}, {}}});
        });
    }

    // ------------------------------------------------------------ registry
    void addActor()
    {
        Actor a;
        a.name = QStringLiteral("Harbour Union");
        a.custom = {{QStringLiteral("type"), QStringLiteral("union")}};
        roundTrip("add actor", [&] { return project().addActor(a).has_value(); });
    }
    void updateActor()
    {
        Actor a = *project().actor(m_fx->actor);
        a.affiliation = QStringLiteral("Ministry of Transport");
        a.aliases << QStringLiteral("A. Reyes");
        roundTrip("update actor", [&] { return project().updateActor(a); });
    }
    void removeActorWithLinks()
    {
        roundTrip("remove actor", [&] { return project().removeActor(m_fx->actor); });
    }
    void mergeActors()
    {
        roundTrip("merge actors", [&] { return project().mergeActors(m_fx->otherActor, m_fx->actor); });
    }
    void addOutlet()
    {
        Outlet o;
        o.name = QStringLiteral("Coast Radio");
        o.domains = {QStringLiteral("coastradio.example")};
        o.country = QStringLiteral("NZ");
        roundTrip("add outlet", [&] { return project().addOutlet(o).has_value(); });
    }
    void updateOutlet()
    {
        Outlet o = *project().outlet(m_fx->outlet);
        o.memo = QStringLiteral("family owned");
        o.domains << QStringLiteral("gazette.example");
        roundTrip("update outlet", [&] { return project().updateOutlet(o); });
    }
    void removeOutletWithValuesAndArticles()
    {
        roundTrip("remove outlet", [&] { return project().removeOutlet(m_fx->outlet); });
    }
    void assignOutlet()
    {
        Outlet o;
        o.name = QStringLiteral("Coast Radio");
        const QUuid radio = *project().addOutlet(o);
        roundTrip("assign", [&] { return project().assignOutlet({m_fx->plainDoc, m_fx->nonBmpDoc}, radio); });
    }
    void unassignOutlet()
    {
        roundTrip("unassign", [&] { return project().assignOutlet({m_fx->plainDoc}, {}); });
    }

    // --------------------------------------------------------- suggestions
    void addSuggestions()
    {
        roundTrip("suggest", [&] {
            return !project().addSuggestions({{m_fx->plainDoc, code("Claim").id, 0, 8},
                                              {m_fx->nonBmpDoc, code("Claim").id, 0, 4}})
                        .value_or(QList<QUuid>())
                        .isEmpty();
        });
    }
    void acceptSuggestions()
    {
        roundTrip("accept", [&] { return project().acceptSuggestions({m_fx->suggestion}); });
    }
    void rejectSuggestions()
    {
        roundTrip("reject", [&] { return project().rejectSuggestions({m_fx->suggestion}); });
    }
};

QTEST_GUILESS_MAIN(TestUndoSnapshots)
#include "tst_undosnapshots.moc"
