// Restructuring the codebook through Project: move (reorder / reparent),
// merge, split and import. Each step is checked in the file, then undone
// (the whole codebook, its annotations and values are exactly as before) and
// redone (exactly as after the step).
#include "../CoreTestSupport.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace newscoder;
using namespace newscoder::test;

namespace {

// Everything a codebook step may touch, as read from the file.
struct Snapshot
{
    QList<Code> codes;
    QList<Annotation> annotations;
    QList<StoredValue> values;
};

Snapshot snapshot(const QString &path)
{
    const auto store = reader(path);
    Snapshot s;
    s.codes = store->codes();
    s.annotations = allAnnotations(*store);
    QList<QUuid> fieldIds;
    for (const Code &c : s.codes) {
        for (const CodeField &f : c.fields)
            fieldIds.append(f.id);
    }
    s.values = store->valuesOfFields(fieldIds);
    std::sort(s.values.begin(), s.values.end(), [](const StoredValue &a, const StoredValue &b) {
        return std::tuple(a.ownerId.toString(), a.value.fieldId.toString(), a.coderId.toString(), a.position)
               < std::tuple(b.ownerId.toString(), b.value.fieldId.toString(), b.coderId.toString(), b.position);
    });
    return s;
}

// Empty when equal (codes with every detail and field, in tree order).
QString snapshotDiff(const Snapshot &a, const Snapshot &b)
{
    if (a.codes.size() != b.codes.size())
        return QStringLiteral("%1 codes != %2").arg(a.codes.size()).arg(b.codes.size());
    for (qsizetype i = 0; i < a.codes.size(); ++i) {
        const Code &x = a.codes[i];
        const Code &y = b.codes[i];
        const QString d = codeDiff(x, y);
        if (!d.isEmpty())
            return x.name + QStringLiteral(": ") + d;
        if (x.fields != y.fields)
            return x.name + QStringLiteral(": fields differ");
        if (x.unit != y.unit || x.memo != y.memo || x.useWhen != y.useWhen)
            return x.name + QStringLiteral(": details differ");
    }
    if (const QString d = annotationListDiff(a.annotations, b.annotations); !d.isEmpty())
        return d;
    if (a.values != b.values)
        return QStringLiteral("values differ (%1 != %2)").arg(a.values.size()).arg(b.values.size());
    return {};
}

QStringList names(const QList<Code> &codes)
{
    QStringList result;
    for (const Code &c : codes)
        result << c.name;
    return result;
}

} // namespace

class TestCodebookCommands : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ProjectFixture> m_fx;

    Project &project() { return *m_fx->project; }
    QUuid code(const char *name) const { return m_fx->codeId(QString::fromUtf8(name)); }
    std::optional<Code> stored(const QUuid &id) const { return reader(m_fx->path)->code(id); }

    QUuid addCode(const QString &name, const QUuid &parent = {}, QList<CodeField> fields = {})
    {
        Code c;
        c.name = name;
        c.parentId = parent;
        c.fields = fields;
        const auto id = project().addCode(c);
        return id ? *id : QUuid();
    }

    // Undo restores `before` exactly, redo restores `after` exactly.
    void checkRoundTrip(const Snapshot &before, int steps = 1)
    {
        const Snapshot after = snapshot(m_fx->path);
        for (int i = 0; i < steps; ++i)
            project().undoStack()->undo();
        const QString undone = snapshotDiff(snapshot(m_fx->path), before);
        QVERIFY2(undone.isEmpty(), qPrintable(QStringLiteral("after undo: ") + undone));
        QCOMPARE(names(project().codes()), names(before.codes)); // the cache follows
        for (int i = 0; i < steps; ++i)
            project().undoStack()->redo();
        const QString redone = snapshotDiff(snapshot(m_fx->path), after);
        QVERIFY2(redone.isEmpty(), qPrintable(QStringLiteral("after redo: ") + redone));
        QCOMPARE(names(project().codes()), names(after.codes));
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(openFixture(m_dir, m_fx));
    }

    void cleanup() { closeFixture(m_dir, m_fx); }

    void treeOrder()
    {
        // Sub-codes come right after their parent, whatever their positions.
        const QUuid direct = addCode(QStringLiteral("Direct"), code("Quote"));
        const QUuid verbatim = addCode(QStringLiteral("Verbatim"), direct);
        const QStringList order = names(reader(m_fx->path)->codes());
        QCOMPARE(order.mid(0, 4), (QStringList{QStringLiteral("Quote"), QStringLiteral("Direct"),
                                               QStringLiteral("Verbatim"), QStringLiteral("Speaker")}));
        QCOMPARE(names(project().codes()), order);
        QCOMPARE(codeDescendants(project().codes(), code("Quote")), (QList<QUuid>{direct, verbatim}));
    }

    void moveReorders()
    {
        const Snapshot before = snapshot(m_fx->path);
        QSignalSpy changed(&project(), &Project::codesChanged);
        QVERIFY2(project().moveCode(code("Claim"), {}, 0), qPrintable(project().lastError()));
        QCOMPARE(project().undoStack()->count(), 1);
        QCOMPARE(changed.count(), 1);
        const QList<Code> codes = reader(m_fx->path)->codes();
        QCOMPARE(names(codes).mid(0, 3),
                 (QStringList{QStringLiteral("Claim"), QStringLiteral("Quote"), QStringLiteral("Speaker")}));
        for (int i = 0; i < codes.size(); ++i)
            QCOMPARE(codes[i].position, i); // renumbered
        checkRoundTrip(before);
    }

    void moveReparentsWithSubtree()
    {
        const QUuid direct = addCode(QStringLiteral("Direct"), code("Quote"));
        const QUuid verbatim = addCode(QStringLiteral("Verbatim"), direct);
        QVERIFY(project().addAnnotation(m_fx->plainDoc, direct, 0, 8));
        project().undoStack()->clear();
        const Snapshot before = snapshot(m_fx->path);

        QVERIFY2(project().moveCode(direct, code("Claim"), -1), qPrintable(project().lastError()));
        QCOMPARE(project().undoStack()->count(), 1);
        QCOMPARE(stored(direct)->parentId, code("Claim"));
        QCOMPARE(stored(verbatim)->parentId, direct); // the subtree comes along
        QCOMPARE(reader(m_fx->path)->annotationCountsByCode().value(direct), 1);
        checkRoundTrip(before);
    }

    void moveRefusesCycles()
    {
        const QUuid direct = addCode(QStringLiteral("Direct"), code("Quote"));
        const QUuid verbatim = addCode(QStringLiteral("Verbatim"), direct);
        project().undoStack()->clear();
        const Snapshot before = snapshot(m_fx->path);
        QVERIFY(!project().moveCode(code("Quote"), code("Quote"), 0));
        QVERIFY(!project().moveCode(code("Quote"), verbatim, 0));
        QVERIFY(!project().lastError().isEmpty());
        QVERIFY(!project().moveCode(QUuid::createUuid(), {}, 0));
        QCOMPARE(project().undoStack()->count(), 0);
        QVERIFY(snapshotDiff(snapshot(m_fx->path), before).isEmpty());
        // Moving to where it already is: nothing to undo.
        QVERIFY(project().moveCode(code("Quote"), {}, 0));
        QCOMPARE(project().undoStack()->count(), 0);
        QVERIFY(project().moveCode(direct, code("Quote"), 0)); // renumbered from its initial position
        QCOMPARE(project().undoStack()->count(), 1);
        QVERIFY(project().moveCode(direct, code("Quote"), 0));
        QCOMPARE(project().undoStack()->count(), 1);
    }

    void mergeMovesEverything()
    {
        // "Statement" has a field matching Quote's "Type" (same kind), one of
        // its own, a sub-code, annotations with values, and is a link target.
        CodeField type;
        type.name = QStringLiteral("type");
        type.kind = FieldKind::SingleChoice;
        type.options = {{QStringLiteral("direct"), QStringLiteral("Direct")},
                        {QStringLiteral("rumour"), QStringLiteral("Rumour")}};
        CodeField tone;
        tone.name = QStringLiteral("Tone");
        tone.kind = FieldKind::Text;
        CodeField speaker; // same name as Quote's link field, other kind: moves, renamed
        speaker.name = QStringLiteral("Speaker");
        speaker.kind = FieldKind::Text;
        const QUuid statement = addCode(QStringLiteral("Statement"), {}, {type, tone, speaker});
        QVERIFY(!statement.isNull());
        const QUuid sub = addCode(QStringLiteral("Denial"), statement);
        const Code st = *project().code(statement);
        const auto a1 = project().addAnnotation(m_fx->plainDoc, statement, 0, 8);
        const auto a2 = project().addAnnotation(m_fx->plainDoc, statement, 9, 12);
        const auto quote = project().addAnnotation(m_fx->plainDoc, code("Quote"), 26, 53);
        QVERIFY(a1 && a2 && quote);
        QVERIFY(project().setAnnotationValue(*a1, st.fields[0].id, QStringLiteral("rumour")));
        QVERIFY(project().setAnnotationValue(*a1, st.fields[1].id, QStringLiteral("angry")));
        QVERIFY(project().setAnnotationValue(*a2, st.fields[0].id, QStringLiteral("direct")));
        QVERIFY2(project().setAnnotationValue(*quote, project().code(code("Quote"))->fields[0].id,
                                              QStringLiteral("indirect")),
                 qPrintable(project().lastError()));
        // Claim's "Attributed to" may link to Statement too.
        Code claim = *project().code(code("Claim"));
        CodeField *attributed = nullptr;
        for (CodeField &f : claim.fields) {
            if (f.name == QLatin1String("Attributed to"))
                attributed = &f;
        }
        QVERIFY(attributed);
        attributed->linkCodes.append(statement);
        QVERIFY(project().updateCode(claim));
        project().undoStack()->clear();
        const Snapshot before = snapshot(m_fx->path);
        const int quoteCount = reader(m_fx->path)->annotationCountsByCode().value(code("Quote"));

        QSignalSpy recoded(&project(), &Project::annotationChanged);
        QVERIFY2(project().mergeCodes(code("Quote"), statement), qPrintable(project().lastError()));
        QCOMPARE(project().undoStack()->count(), 1);
        QCOMPARE(recoded.count(), 2);

        const auto store = reader(m_fx->path);
        QVERIFY(!store->code(statement));
        QCOMPARE(store->annotationCountsByCode().value(code("Quote")), quoteCount + 2);
        QCOMPARE(store->annotation(*a1)->codeId, code("Quote"));
        QCOMPARE(store->code(sub)->parentId, code("Quote"));
        const Code kept = *store->code(code("Quote"));
        const CodeField *keptType = kept.fieldByName(QStringLiteral("Type"));
        QVERIFY(keptType);
        QCOMPARE(keptType->id, project().code(code("Quote"))->fields[0].id); // the kept field stays
        QVERIFY(std::any_of(keptType->options.cbegin(), keptType->options.cend(),
                            [](const FieldOption &o) { return o.value == QLatin1String("rumour"); }));
        const CodeField *keptTone = kept.fieldByName(QStringLiteral("Tone"));
        QVERIFY(keptTone);
        QCOMPARE(keptTone->id, st.fields[1].id); // moved, same id
        QVERIFY(kept.fieldByName(QStringLiteral("Speaker (Statement)")));
        QCOMPARE(kept.fields.size(), 4); // Type, Speaker + Tone, Speaker (Statement)
        // Values: a1's type now on Quote's Type field; its tone kept.
        const QList<FieldValue> v1 = store->annotationValues(*a1);
        QVERIFY(v1.contains(FieldValue{keptType->id, QStringLiteral("rumour"), {}, {}}));
        QVERIFY(v1.contains(FieldValue{keptTone->id, QStringLiteral("angry"), {}, {}}));
        QCOMPARE(store->annotationValues(*a2), (QList<FieldValue>{{keptType->id, QStringLiteral("direct"), {}, {}}}));
        // Links to Statement now allow Quote (once).
        const Code claimAfter = *store->code(code("Claim"));
        const CodeField *link = claimAfter.fieldByName(QStringLiteral("Attributed to"));
        QVERIFY(!link->linkCodes.contains(statement));
        QCOMPARE(link->linkCodes.count(code("Quote")), 1);

        checkRoundTrip(before);
    }

    void mergeRefuses()
    {
        const QUuid direct = addCode(QStringLiteral("Direct"), code("Quote"));
        project().undoStack()->clear();
        QVERIFY(!project().mergeCodes(code("Quote"), code("Quote")));
        QVERIFY(!project().mergeCodes(direct, code("Quote")));     // into its own sub-code
        QVERIFY(!project().mergeCodes(code("Quote"), code("Article"))); // span vs article
        QCOMPARE(project().undoStack()->count(), 0);
        QVERIFY(project().code(direct));
    }

    void mergeVariablesKeepsTheKeptCodesSingleValue()
    {
        // An article variable that holds one value, set in both codes for the
        // same article and coder: the kept code's value stays, the absorbed
        // code's is removed (the undo brings it back). Before, both stayed:
        // the panel showed the first, agreement used the last.
        CodeField topic;
        topic.name = QStringLiteral("Topic");
        topic.kind = FieldKind::Text;
        Code c;
        c.name = QStringLiteral("Article extra");
        c.unit = CodeUnit::Article;
        c.fields = {topic};
        const auto extra = project().addCode(c);
        QVERIFY(extra);
        const Code article = *project().code(code("Article"));
        const QUuid keptTopic = article.fieldByName(QStringLiteral("Topic"))->id;
        const QUuid extraTopic = project().code(*extra)->fields[0].id;
        QVERIFY(project().setDocumentValues(m_fx->plainDoc, keptTopic, {{keptTopic, QStringLiteral("ports"), {}, {}}}));
        QVERIFY(project().setDocumentValues(m_fx->plainDoc, extraTopic,
                                            {{extraTopic, QStringLiteral("strikes"), {}, {}}}));
        // Another article has a value only in the absorbed code: it moves.
        QVERIFY(project().setDocumentValues(m_fx->nonBmpDoc, extraTopic, {{extraTopic, QStringLiteral("fish"), {}, {}}}));
        project().undoStack()->clear();
        const Snapshot before = snapshot(m_fx->path);

        QVERIFY2(project().mergeCodes(code("Article"), *extra), qPrintable(project().lastError()));
        const QList<StoredValue> values = reader(m_fx->path)->valuesOfFields({keptTopic});
        QCOMPARE(values.size(), 2);
        for (const StoredValue &v : values) {
            QCOMPARE(v.position, 0);
            QCOMPARE(v.value.text, v.ownerId == m_fx->plainDoc ? QStringLiteral("ports") : QStringLiteral("fish"));
        }
        checkRoundTrip(before);
    }

    void mergeVariablesKeepsEveryValueOfAMultipleChoice()
    {
        // A field that holds several values: nothing is lost, the moved values come after.
        CodeField frames;
        frames.name = QStringLiteral("Frames");
        frames.kind = FieldKind::MultipleChoice;
        frames.options = {{QStringLiteral("conflict"), {}}, {QStringLiteral("economy"), {}}, {QStringLiteral("human"), {}}};
        Code a;
        a.name = QStringLiteral("Frames A");
        a.unit = CodeUnit::Article;
        a.fields = {frames};
        Code b = a;
        b.name = QStringLiteral("Frames B");
        const auto keptId = project().addCode(a);
        const auto absorbedId = project().addCode(b);
        QVERIFY(keptId && absorbedId);
        const QUuid kept = project().code(*keptId)->fields[0].id;
        const QUuid absorbed = project().code(*absorbedId)->fields[0].id;
        QVERIFY(project().setDocumentValues(m_fx->plainDoc, kept, {{kept, QStringLiteral("conflict"), {}, {}}}));
        QVERIFY(project().setDocumentValues(m_fx->plainDoc, absorbed,
                                            {{absorbed, QStringLiteral("economy"), {}, {}},
                                             {absorbed, QStringLiteral("human"), {}, {}}}));
        project().undoStack()->clear();
        const Snapshot before = snapshot(m_fx->path);

        QVERIFY2(project().mergeCodes(*keptId, *absorbedId), qPrintable(project().lastError()));
        QList<StoredValue> values = reader(m_fx->path)->valuesOfFields({kept});
        std::sort(values.begin(), values.end(),
                  [](const StoredValue &x, const StoredValue &y) { return x.position < y.position; });
        QStringList texts;
        for (const StoredValue &v : values)
            texts << v.value.text;
        QCOMPARE(texts, (QStringList{QStringLiteral("conflict"), QStringLiteral("economy"), QStringLiteral("human")}));
        checkRoundTrip(before);
    }

    void splitMovesChosenAnnotations()
    {
        const QUuid quoteId = code("Quote");
        const Code quote = *project().code(quoteId);
        const auto a1 = project().addAnnotation(m_fx->plainDoc, quoteId, 0, 8);
        const auto a2 = project().addAnnotation(m_fx->plainDoc, quoteId, 26, 53);
        const auto speaker = project().addAnnotation(m_fx->plainDoc, code("Speaker"), 9, 19);
        QVERIFY(a1 && a2 && speaker);
        QVERIFY(project().setAnnotationValue(*a1, quote.fields[0].id, QStringLiteral("partial")));
        QVERIFY(project().setAnnotationValue(*a2, quote.fields[0].id, QStringLiteral("direct")));
        QVERIFY2(project().addAnnotationLink(*a2, *speaker, quote.fields[1].id), qPrintable(project().lastError()));
        project().undoStack()->clear();
        const Snapshot before = snapshot(m_fx->path);

        const auto created = project().splitCode(quoteId, {*a2}, QStringLiteral("Direct quote"));
        QVERIFY2(created, qPrintable(project().lastError()));
        QCOMPARE(project().undoStack()->count(), 1);
        const auto store = reader(m_fx->path);
        const Code split = *store->code(*created);
        QCOMPARE(split.parentId, quote.parentId);
        QCOMPARE(split.color, quote.color);
        QCOMPARE(split.fields.size(), quote.fields.size());
        QVERIFY(split.fields[0].id != quote.fields[0].id); // copies
        QCOMPARE(split.fields[0].name, quote.fields[0].name);
        QCOMPARE(split.fields[0].options, quote.fields[0].options);
        QCOMPARE(split.fields[1].linkCodes, quote.fields[1].linkCodes);
        // Right after Quote among its siblings.
        const QStringList order = names(store->codes());
        QCOMPARE(order.indexOf(QStringLiteral("Direct quote")), order.indexOf(QStringLiteral("Quote")) + 1);
        QCOMPARE(store->annotation(*a2)->codeId, *created);
        QCOMPARE(store->annotation(*a1)->codeId, quoteId);
        const QList<FieldValue> v2 = store->annotationValues(*a2);
        QVERIFY(v2.contains(FieldValue{split.fields[0].id, QStringLiteral("direct"), {}, {}}));
        QVERIFY(v2.contains(FieldValue{split.fields[1].id, {}, *speaker, {}}));
        QCOMPARE(store->annotationValues(*a1), (QList<FieldValue>{{quote.fields[0].id, QStringLiteral("partial"), {}, {}}}));
        checkRoundTrip(before);
    }

    void splitRefuses()
    {
        const auto claim = project().addAnnotation(m_fx->plainDoc, code("Claim"), 0, 8);
        QVERIFY(claim);
        project().undoStack()->clear();
        QVERIFY(!project().splitCode(code("Quote"), {*claim}, QStringLiteral("X"))); // not Quote's
        QVERIFY(!project().splitCode(code("Claim"), {*claim}, QStringLiteral("  ")));
        QVERIFY(!project().splitCode(code("Claim"), {}, QStringLiteral("X")));
        QCOMPARE(project().undoStack()->count(), 0);
        QCOMPARE(project().codes().size(), 6);
    }

    void importMergesByName()
    {
        const QByteArray json = R"({"format": "newscoder-codebook", "version": 2, "codes": [
            {"name": "quote", "shortcut": "9", "fields": [
                {"name": "Type", "kind": "text"},
                {"name": "Channel", "kind": "choice", "options": ["tv", "print"]},
                {"name": "Echoes", "kind": "annotation-link", "link_codes": ["Rumour", "Speaker"]}],
             "children": [{"name": "Rumour", "shortcut": "1", "color": "#ff0000"}]},
            {"name": "Frame", "shortcut": "8", "children": [{"name": "Conflict"}]},
            {"name": "Speaker"}]})";
        const CodebookReadResult read = readCodebookJson(json);
        QVERIFY2(read.error.isEmpty(), qPrintable(read.error));
        const Code quoteBefore = *project().code(code("Quote"));
        const Snapshot before = snapshot(m_fx->path);

        const auto summary = project().importCodebook(read.codes);
        QVERIFY2(summary, qPrintable(project().lastError()));
        QCOMPARE(summary->codesAdded, 3);  // Rumour, Frame, Conflict
        QCOMPARE(summary->codesMerged, 2); // Quote, Speaker
        QCOMPARE(summary->fieldsAdded, 2); // Channel, Echoes (Type exists)
        QCOMPARE(project().undoStack()->count(), 1);

        const auto store = reader(m_fx->path);
        const Code quote = *store->code(code("Quote"));
        QCOMPARE(quote.name, QStringLiteral("Quote"));
        QCOMPARE(quote.shortcut, quoteBefore.shortcut); // existing details win
        QCOMPARE(quote.fields.size(), quoteBefore.fields.size() + 2);
        QCOMPARE(quote.fields[0], quoteBefore.fields[0]);
        const auto rumour = store->codeByName(QStringLiteral("Rumour"));
        QVERIFY(rumour);
        QCOMPARE(rumour->parentId, code("Quote"));
        QVERIFY(rumour->shortcut.isEmpty()); // "1" is Quote's
        QCOMPARE(store->codeByName(QStringLiteral("Frame"))->shortcut, QStringLiteral("8"));
        QCOMPARE(store->codeByName(QStringLiteral("Conflict"))->parentId, store->codeByName(QStringLiteral("Frame"))->id);
        const CodeField *echoes = quote.fieldByName(QStringLiteral("Echoes"));
        QVERIFY(echoes);
        QCOMPARE(echoes->linkCodes, (QList<QUuid>{rumour->id, code("Speaker")}));
        QCOMPARE(store->codes().size(), 9);
        checkRoundTrip(before);

        // Importing the same file again adds nothing new but the known codes.
        project().undoStack()->clear();
        const auto again = project().importCodebook(read.codes);
        QVERIFY(again);
        QCOMPARE(again->codesAdded, 0);
        QCOMPARE(again->fieldsAdded, 0);
        QCOMPARE(project().undoStack()->count(), 0);
    }

    void importRefusesOrphans()
    {
        Code child;
        child.id = QUuid::createUuid();
        child.parentId = QUuid::createUuid();
        child.name = QStringLiteral("Orphan");
        QVERIFY(!project().importCodebook({child}));
        QCOMPARE(project().undoStack()->count(), 0);
        QCOMPARE(project().codes().size(), 6);
    }

    void failedWriteLeavesNoStep()
    {
        // A read-only project refuses; nothing is pushed.
        m_fx->project.reset();
        auto ro = Project::open(m_fx->path, ProjectAccess::ReadOnly);
        const auto quote = ro->codeByName(QStringLiteral("Quote"));
        QVERIFY(!ro->moveCode(quote->id, {}, 3));
        QCOMPARE(ro->undoStack()->count(), 0);
        QCOMPARE(reader(m_fx->path)->code(quote->id)->position, quote->position);
    }
};

QTEST_GUILESS_MAIN(TestCodebookCommands)
#include "tst_codebookcommands.moc"
