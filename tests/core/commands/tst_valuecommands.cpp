// Field values, links and variables: every change is one undoable step that
// reaches the file, undo/redo round-trips exactly, and removals never leave
// dangling links or lose values (undo brings them back).
#include "../CoreTestSupport.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace newscoder;
using namespace newscoder::test;

namespace {

QList<FieldValue> valuesOf(const QList<FieldValue> &all, const QUuid &fieldId)
{
    QList<FieldValue> result;
    for (const FieldValue &v : all) {
        if (v.fieldId == fieldId)
            result.append(v);
    }
    return result;
}

} // namespace

class TestValueCommands : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ProjectFixture> m_fx;

    Project &project() { return *m_fx->project; }
    Code code(const char *name) const { return *m_fx->project->codeByName(QString::fromLatin1(name)); }
    QUuid fieldOf(const char *codeName, const char *fieldName) const
    {
        return code(codeName).fieldByName(QString::fromLatin1(fieldName))->id;
    }
    QList<FieldValue> storedValues(const QUuid &annotationId, const QUuid &fieldId) const
    {
        return valuesOf(reader(m_fx->path)->annotationValues(annotationId), fieldId);
    }
    QUuid annotate(const char *codeName, int start, int end)
    {
        const auto id = project().addAnnotation(m_fx->plainDoc, code(codeName).id, start, end);
        return id.value_or(QUuid());
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(openFixture(m_dir, m_fx));
    }

    void cleanup() { closeFixture(m_dir, m_fx); }

    void choiceValueUndoRedo()
    {
        const QUuid quote = annotate("Quote", 26, 53);
        const QUuid type = fieldOf("Quote", "Type");
        const int steps = project().undoStack()->count();
        QSignalSpy changed(&project(), &Project::valuesChanged);

        QVERIFY(project().setAnnotationValue(quote, type, QStringLiteral("direct")));
        QCOMPARE(project().undoStack()->count(), steps + 1);
        QCOMPARE(storedValues(quote, type), (QList<FieldValue>{{type, QStringLiteral("direct"), {}, {}}}));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.first().at(1).value<QList<QUuid>>(), QList<QUuid>{quote});
        QVERIFY(project().missingRequiredFields(*project().reader().annotation(quote))
                    == QStringList{QStringLiteral("Speaker")});

        // A label selects the same option; the other option replaces the value.
        QVERIFY(project().setAnnotationValue(quote, type, QStringLiteral("Partial")));
        QCOMPARE(storedValues(quote, type).first().text, QStringLiteral("partial"));

        project().undoStack()->undo();
        QCOMPARE(storedValues(quote, type).first().text, QStringLiteral("direct"));
        project().undoStack()->undo();
        QVERIFY(storedValues(quote, type).isEmpty());
        project().undoStack()->redo();
        project().undoStack()->redo();
        QCOMPARE(storedValues(quote, type).first().text, QStringLiteral("partial"));
    }

    void invalidValuesAreRefusedAndWriteNothing_data()
    {
        QTest::addColumn<QString>("codeName");
        QTest::addColumn<QString>("fieldName");
        QTest::addColumn<QString>("value");
        QTest::newRow("unknown choice") << "Quote" << "Type" << "shouted";
        QTest::newRow("off the scale") << "Claim" << "Stance" << "4";
        QTest::newRow("several for one") << "Quote" << "Type" << "direct,partial";
    }

    void invalidValuesAreRefusedAndWriteNothing()
    {
        QFETCH(QString, codeName);
        QFETCH(QString, fieldName);
        QFETCH(QString, value);
        const auto c = project().codeByName(codeName);
        const auto id = project().addAnnotation(m_fx->plainDoc, c->id, 0, 18);
        QVERIFY(id);
        const QUuid fieldId = c->fieldByName(fieldName)->id;
        const int steps = project().undoStack()->count();
        QList<FieldValue> values;
        for (const QString &part : value.split(u','))
            values.append({fieldId, part, {}, {}});
        QVERIFY(!project().setAnnotationValues(*id, fieldId, values));
        QVERIFY(!project().lastError().isEmpty());
        QCOMPARE(project().undoStack()->count(), steps);
        QVERIFY(storedValues(*id, fieldId).isEmpty());
    }

    void fieldOfAnotherCodeIsRefused()
    {
        const QUuid quote = annotate("Quote", 26, 53);
        QVERIFY(!project().setAnnotationValue(quote, fieldOf("Claim", "Topic"), QStringLiteral("ports")));
        QVERIFY(reader(m_fx->path)->annotationValues(quote).isEmpty());
    }

    void typingInATextFieldIsOneStep()
    {
        const QUuid claim = annotate("Claim", 55, 78);
        const QUuid topic = fieldOf("Claim", "Topic");
        const int steps = project().undoStack()->count();
        QString typed;
        for (const QChar ch : QStringLiteral("port")) {
            typed += ch;
            QVERIFY(project().setAnnotationValue(claim, topic, typed));
        }
        QCOMPARE(project().undoStack()->count(), steps + 1);
        QCOMPARE(storedValues(claim, topic).first().text, QStringLiteral("port"));
        project().undoStack()->undo();
        QVERIFY(storedValues(claim, topic).isEmpty());
        // A different field does not merge into it.
        project().undoStack()->redo();
        QVERIFY(project().setAnnotationValue(claim, fieldOf("Claim", "Target"), QStringLiteral("authority")));
        QCOMPARE(project().undoStack()->count(), steps + 2);
    }

    void multipleChoiceAndClearing()
    {
        // A code of our own with a multiple-choice field.
        Code frames;
        frames.name = QStringLiteral("Frames");
        CodeField f;
        f.name = QStringLiteral("Frame");
        f.kind = FieldKind::MultipleChoice;
        f.options = {{QStringLiteral("conflict"), {}}, {QStringLiteral("economy"), {}}, {QStringLiteral("human"), {}}};
        frames.fields = {f};
        const auto codeId = project().addCode(frames);
        QVERIFY(codeId);
        const CodeField stored = project().code(*codeId)->fields.value(0);
        QVERIFY(!stored.id.isNull());
        const auto a = project().addAnnotation(m_fx->plainDoc, *codeId, 0, 10);
        QVERIFY(project().setAnnotationValue(*a, stored.id, QStringLiteral("economy, conflict")));
        const QList<FieldValue> both = storedValues(*a, stored.id);
        QCOMPARE(both.size(), 2);
        QCOMPARE(both[0].text, QStringLiteral("economy")); // order kept
        QCOMPARE(both[1].text, QStringLiteral("conflict"));
        QVERIFY(project().setAnnotationValue(*a, stored.id, QString()));
        QVERIFY(storedValues(*a, stored.id).isEmpty());
        project().undoStack()->undo();
        QCOMPARE(storedValues(*a, stored.id), both);
    }

    void linkQuoteToSpeakerAndClaimToBoth()
    {
        const QUuid speaker = annotate("Speaker", 0, 18);
        const QUuid quote = annotate("Quote", 26, 53);
        const QUuid claim = annotate("Claim", 26, 53);
        QVERIFY(project().addAnnotationLink(quote, speaker)); // picks Quote's "Speaker" field
        const QUuid speakerField = fieldOf("Quote", "Speaker");
        QCOMPARE(storedValues(quote, speakerField), (QList<FieldValue>{{speakerField, {}, speaker, {}}}));
        QCOMPARE(reader(m_fx->path)->annotationsLinkingTo(speaker), QList<QUuid>{quote});

        // "Attributed to" takes several targets of Quote or Speaker.
        QVERIFY(project().addAnnotationLink(claim, quote));
        QVERIFY(project().addAnnotationLink(claim, speaker));
        QCOMPARE(storedValues(claim, fieldOf("Claim", "Attributed to")).size(), 2);
        QVERIFY(project().addAnnotationLink(claim, speaker)); // already there: no change
        QCOMPARE(storedValues(claim, fieldOf("Claim", "Attributed to")).size(), 2);

        // Refused: a speaker has no link field; a quote cannot point at a claim; no self links.
        QVERIFY(!project().addAnnotationLink(speaker, quote));
        QVERIFY(!project().addAnnotationLink(quote, claim));
        QVERIFY(!project().addAnnotationLink(quote, quote));

        QVERIFY(project().removeAnnotationLink(claim, quote));
        QCOMPARE(storedValues(claim, fieldOf("Claim", "Attributed to")),
                 (QList<FieldValue>{{fieldOf("Claim", "Attributed to"), {}, speaker, {}}}));
        project().undoStack()->undo();
        QCOMPARE(storedValues(claim, fieldOf("Claim", "Attributed to")).size(), 2);
    }

    // Deleting a link target removes the links with it (no dangling rows);
    // undo restores the target, its own values and the links to it.
    void removingALinkTargetAndUndo()
    {
        const QUuid speaker = annotate("Speaker", 0, 18);
        const QUuid quote = annotate("Quote", 26, 53);
        const auto actor = project().addActor({{}, QStringLiteral("Ana Reyes"), {}, {}, {}, {}, {}, {}});
        QVERIFY(actor);
        const QUuid actorField = fieldOf("Speaker", "Actor");
        QVERIFY(project().setAnnotationValues(speaker, actorField, {{actorField, {}, {}, *actor}}));
        QVERIFY(project().addAnnotationLink(quote, speaker));
        const QUuid speakerField = fieldOf("Quote", "Speaker");
        QSignalSpy changed(&project(), &Project::valuesChanged);

        QVERIFY(project().removeAnnotations({speaker}));
        {
            auto store = reader(m_fx->path);
            QVERIFY(!store->annotation(speaker));
            QVERIFY(store->annotationsLinkingTo(speaker).isEmpty());
            QVERIFY(valuesOf(store->annotationValues(quote), speakerField).isEmpty());
            QVERIFY(store->valuesTouchingAnnotations({speaker}).isEmpty());
        }
        // The quote heard that its link went away.
        bool quoteNotified = false;
        for (const auto &args : changed)
            quoteNotified |= args.at(1).value<QList<QUuid>>().contains(quote);
        QVERIFY(quoteNotified);

        project().undoStack()->undo();
        {
            auto store = reader(m_fx->path);
            QVERIFY(store->annotation(speaker));
            QCOMPARE(store->annotationsLinkingTo(speaker), QList<QUuid>{quote});
            QCOMPARE(valuesOf(store->annotationValues(speaker), actorField).value(0).actorId, *actor);
        }
        project().undoStack()->redo();
        QVERIFY(reader(m_fx->path)->annotationsLinkingTo(speaker).isEmpty());
    }

    // Removing a code takes its annotations' values and links into them; undo restores all.
    void removingACodeRestoresValuesOnUndo()
    {
        const QUuid speaker = annotate("Speaker", 0, 18);
        const QUuid quote = annotate("Quote", 26, 53);
        QVERIFY(project().addAnnotationLink(quote, speaker));
        QVERIFY(project().setAnnotationValue(speaker, fieldOf("Speaker", "Role in article"), QStringLiteral("official")));
        const auto before = reader(m_fx->path)->valuesTouchingAnnotations({speaker, quote});
        QCOMPARE(before.size(), 2);

        QVERIFY(project().removeCode(code("Speaker").id));
        QVERIFY(reader(m_fx->path)->valuesTouchingAnnotations({speaker, quote}).isEmpty());
        project().undoStack()->undo();
        QCOMPARE(reader(m_fx->path)->valuesTouchingAnnotations({speaker, quote}), before);
    }

    // Dropping a field from a code drops its values; undo brings field and values back.
    void droppingAFieldAndUndo()
    {
        const QUuid claim = annotate("Claim", 55, 78);
        const QUuid topic = fieldOf("Claim", "Topic");
        QVERIFY(project().setAnnotationValue(claim, topic, QStringLiteral("port")));
        Code changed = code("Claim");
        changed.fields.removeIf([&](const CodeField &f) { return f.id == topic; });
        CodeField added;
        added.name = QStringLiteral("Certainty");
        added.kind = FieldKind::Boolean;
        changed.fields.append(added);
        QVERIFY(project().updateCode(changed));
        {
            auto store = reader(m_fx->path);
            const auto stored = store->code(changed.id);
            QVERIFY(!stored->field(topic));
            QVERIFY(stored->fieldByName(QStringLiteral("Certainty")));
            QCOMPARE(stored->fields.size(), code("Claim").fields.size());
            QVERIFY(store->valuesOfFields({topic}).isEmpty());
        }
        project().undoStack()->undo();
        {
            auto store = reader(m_fx->path);
            QVERIFY(store->code(changed.id)->field(topic));
            QVERIFY(!store->code(changed.id)->fieldByName(QStringLiteral("Certainty")));
            QCOMPARE(valuesOf(store->annotationValues(claim), topic).value(0).text, QStringLiteral("port"));
        }
        project().undoStack()->redo();
        QVERIFY(reader(m_fx->path)->valuesOfFields({topic}).isEmpty());
    }

    // Article variables belong to a coder; outlet values are inherited unless overridden.
    void articleVariablesAndOutletInheritance()
    {
        const auto outletId = project().reader().documentSummary(m_fx->plainDoc)->outletId;
        QVERIFY(!outletId.isNull()); // created from the URL's domain on import
        const QUuid ownership = fieldOf("Outlet", "Ownership");
        const QUuid slant = fieldOf("Article", "Slant");
        QVERIFY(project().setOutletValues(outletId, ownership, {{ownership, QStringLiteral("state"), {}, {}}}));
        QVERIFY(project().setDocumentValues(m_fx->plainDoc, slant, {{slant, QStringLiteral("-2"), {}, {}}}));
        const QUuid alex = project().reader().coderByName(QStringLiteral("Alex Example"))->id;

        const auto find = [](const QList<VariableValue> &vars, const QUuid &fieldId) {
            return *std::find_if(vars.cbegin(), vars.cend(), [&](const VariableValue &v) { return v.field.id == fieldId; });
        };
        QList<VariableValue> vars = project().documentVariables(m_fx->plainDoc, alex);
        QCOMPARE(find(vars, slant).values.value(0).text, QStringLiteral("-2"));
        QVERIFY(!find(vars, slant).inherited);
        QCOMPARE(find(vars, ownership).values.value(0).text, QStringLiteral("state"));
        QVERIFY(find(vars, ownership).inherited);

        // Another coder sees the outlet's value but not Alex's slant.
        project().setCoderName(QStringLiteral("Kim Beispiel"));
        QVERIFY(project().setDocumentValues(m_fx->plainDoc, ownership, {{ownership, QStringLiteral("private"), {}, {}}}));
        const QUuid kim = project().reader().coderByName(QStringLiteral("Kim Beispiel"))->id;
        vars = project().documentVariables(m_fx->plainDoc, kim);
        QVERIFY(find(vars, slant).values.isEmpty());
        QCOMPARE(find(vars, ownership).values.value(0).text, QStringLiteral("private"));
        QVERIFY(!find(vars, ownership).inherited); // overridden for this article
        // Alex still inherits.
        QVERIFY(find(project().documentVariables(m_fx->plainDoc, alex), ownership).inherited);

        // Undo the override: inherited again.
        project().undoStack()->undo();
        QVERIFY(find(project().documentVariables(m_fx->plainDoc, kim), ownership).inherited);
        // A span field is not a variable.
        QVERIFY(!project().setDocumentValues(m_fx->plainDoc, fieldOf("Quote", "Type"),
                                             {{fieldOf("Quote", "Type"), QStringLiteral("direct"), {}, {}}}));
    }

    // Removing an article removes its variables and the annotations' values; undo restores.
    void removingADocumentRestoresValuesOnUndo()
    {
        const QUuid quote = annotate("Quote", 26, 53);
        QVERIFY(project().setAnnotationValue(quote, fieldOf("Quote", "Type"), QStringLiteral("direct")));
        const QUuid tone = fieldOf("Article", "Tone");
        QVERIFY(project().setDocumentValues(m_fx->plainDoc, tone, {{tone, QStringLiteral("-1"), {}, {}}}));
        const auto before = reader(m_fx->path)->valuesTouchingDocuments({m_fx->plainDoc});
        QCOMPARE(before.size(), 2);
        QVERIFY(project().removeDocuments({m_fx->plainDoc}));
        QVERIFY(reader(m_fx->path)->valuesTouchingDocuments({m_fx->plainDoc}).isEmpty());
        project().undoStack()->undo();
        QCOMPARE(reader(m_fx->path)->valuesTouchingDocuments({m_fx->plainDoc}), before);
    }

    // Recoding drops the values of fields the new code lacks, in the same undo step.
    void recodingDropsForeignValuesUndoably()
    {
        const QUuid speaker = annotate("Speaker", 0, 18);
        const QUuid quote = annotate("Quote", 26, 53);
        const QUuid type = fieldOf("Quote", "Type");
        QVERIFY(project().setAnnotationValue(quote, type, QStringLiteral("direct")));
        QVERIFY(project().addAnnotationLink(quote, speaker));
        const auto before = reader(m_fx->path)->annotationValues(quote);
        QCOMPARE(before.size(), 2);
        const int steps = project().undoStack()->count();
        QVERIFY(project().setAnnotationCode(quote, code("Claim").id));
        QCOMPARE(project().undoStack()->count(), steps + 1);
        QVERIFY(reader(m_fx->path)->annotationValues(quote).isEmpty());
        QCOMPARE(reader(m_fx->path)->annotation(quote)->codeId, code("Claim").id);
        project().undoStack()->undo();
        QCOMPARE(reader(m_fx->path)->annotation(quote)->codeId, code("Quote").id);
        QCOMPARE(reader(m_fx->path)->annotationValues(quote), before);
        project().undoStack()->redo();
        QVERIFY(reader(m_fx->path)->annotationValues(quote).isEmpty());
        // Variable codes are not for text.
        QVERIFY(!project().setAnnotationCode(quote, code("Article").id));
        QVERIFY(!project().addAnnotation(m_fx->plainDoc, code("Outlet").id, 0, 5));
    }

    // A field's kind, a code's unit and options in use cannot change under stored values.
    void changesThatWouldStrandValuesAreRefused()
    {
        const QUuid quote = annotate("Quote", 26, 53);
        QVERIFY(project().setAnnotationValue(quote, fieldOf("Quote", "Type"), QStringLiteral("partial")));
        const int steps = project().undoStack()->count();
        Code kind = code("Quote");
        kind.fields[0].kind = FieldKind::Text;
        QVERIFY(!project().updateCode(kind));
        Code option = code("Quote");
        option.fields[0].options.removeLast(); // "partial", in use
        QVERIFY(!project().updateCode(option));
        Code unit = code("Quote");
        unit.unit = CodeUnit::Article;
        QVERIFY(!project().updateCode(unit));
        QCOMPARE(project().undoStack()->count(), steps);
        // An unused option may go; a relabelled one is fine.
        Code fine = code("Quote");
        fine.fields[0].options.removeAt(1); // "indirect", unused
        fine.fields[0].options[0].label = QStringLiteral("Verbatim");
        QVERIFY(project().updateCode(fine));
        QCOMPARE(reader(m_fx->path)->code(fine.id)->fields[0].options.size(), 2);
    }

    void memoOfAnArticle()
    {
        QVERIFY(project().setDocumentMemo(m_fx->plainDoc, QStringLiteral("Check the byline.")));
        QCOMPARE(reader(m_fx->path)->document(m_fx->plainDoc)->memo, QStringLiteral("Check the byline."));
        project().undoStack()->undo();
        QVERIFY(reader(m_fx->path)->document(m_fx->plainDoc)->memo.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestValueCommands)
#include "tst_valuecommands.moc"
