// A randomized sequence of mutations from a fixed seed, mixing every family
// (annotations, values, links, variables, documents, text edits, codes and
// codebook changes, actors, outlets, suggestions, imports). Each step is
// undone and redone at once (whole file compared); at the end undoing all
// gives back the initial file and redoing all the final one. On a failure
// the test prints the shortest failing prefix of the sequence.
#include "../UndoFixture.h"

#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace newscoder;
using namespace newscoder::test;

namespace {

constexpr quint32 kSeed = 20261207;
constexpr int kSteps = 2000;

QByteArray digest(const ProjectSnapshot &s)
{
    QCryptographicHash hash(QCryptographicHash::Sha1);
    hash.addData(s.error().toUtf8());
    for (const QString &table : s.tables()) {
        hash.addData(table.toUtf8());
        for (const QString &row : s.rows(table)) {
            hash.addData(row.toUtf8());
            hash.addData("\n");
        }
    }
    return hash.result();
}

const QStringList Words = {QStringLiteral("port"),  QStringLiteral("talks"), QStringLiteral("Mayor"),
                           QStringLiteral("ferry"), QStringLiteral("\u00e9t\u00e9"), QStringLiteral("\U0001F600"),
                           QStringLiteral(""),      QStringLiteral("strike")};

class Mutator
{
public:
    Mutator(Project &project, quint32 seed) : m_p(project), m_rng(seed) {}

    // Performs one random mutation; returns what it tried (for the log).
    QString step()
    {
        const int family = int(m_rng.bounded(20));
        switch (family) {
        case 0:
        case 1:
            return addAnnotation();
        case 2:
            return removeAnnotation();
        case 3:
            return memo();
        case 4:
            return recode();
        case 5:
        case 6:
            return value();
        case 7:
            return link();
        case 8:
            return variable();
        case 9:
            return actor();
        case 10:
            return outlet();
        case 11:
            return document();
        case 12:
            return editText();
        case 13:
            return codeChange();
        case 14:
            return codebook();
        case 15:
            return suggestions();
        case 16:
            return coder();
        case 17:
            return importDocuments();
        case 18:
            return outletValue();
        default:
            return removeDocumentOrUnlink();
        }
    }

private:
    template <typename T>
    std::optional<T> pick(const QList<T> &list)
    {
        if (list.isEmpty())
            return std::nullopt;
        return list.at(qsizetype(m_rng.bounded(quint32(list.size()))));
    }
    QString word() { return *pick(Words); }
    int number(int n) { return int(m_rng.bounded(quint32(std::max(n, 1)))); }

    QList<DocumentSummary> docs() { return m_p.reader().documentSummaries(); }
    QList<Annotation> annotations() { return allAnnotations(m_p.reader()); }
    QList<Code> codes(bool span)
    {
        QList<Code> result;
        for (const Code &c : m_p.codes()) {
            if (c.isVariable() != span)
                result.append(c);
        }
        return result;
    }
    QString name(const QUuid &codeId) const
    {
        const auto c = m_p.code(codeId);
        return c ? c->name : QStringLiteral("?");
    }
    // A valid value of a scalar field, or nullopt for links.
    std::optional<QString> scalarFor(const CodeField &f)
    {
        switch (f.kind) {
        case FieldKind::SingleChoice:
        case FieldKind::MultipleChoice:
        case FieldKind::Ordinal:
            if (f.options.isEmpty())
                return std::nullopt;
            return pick(f.options)->value;
        case FieldKind::Number:
            return QString::number(number(100));
        case FieldKind::Boolean:
            return number(2) ? QStringLiteral("true") : QStringLiteral("false");
        case FieldKind::Date:
            return QStringLiteral("2024-03-%1").arg(1 + number(28), 2, 10, QChar(u'0'));
        case FieldKind::Text:
            return word();
        default:
            return std::nullopt;
        }
    }

    QString addAnnotation()
    {
        const auto d = pick(docs());
        const auto c = pick(codes(true));
        if (!d || !c || d->length < 2)
            return QStringLiteral("addAnnotation: nothing to code");
        const int start = number(d->length - 1);
        const int end = start + 1 + number(std::min(30, d->length - start));
        const bool ok = m_p.addAnnotation(d->id, c->id, start, end, word()).has_value();
        return QStringLiteral("addAnnotation '%1' %2 %3-%4 → %5").arg(d->title, c->name).arg(start).arg(end).arg(ok);
    }
    QString removeAnnotation()
    {
        const QList<Annotation> all = annotations();
        const auto a = pick(all);
        const auto b = pick(all);
        if (!a)
            return QStringLiteral("removeAnnotations: none");
        const bool ok = m_p.removeAnnotations({a->id, b->id});
        return QStringLiteral("removeAnnotations %1 %2-%3 and %4 → %5")
            .arg(name(a->codeId))
            .arg(a->start)
            .arg(a->end)
            .arg(name(b->codeId))
            .arg(ok);
    }
    QString memo()
    {
        const auto a = pick(annotations());
        if (!a)
            return QStringLiteral("setAnnotationMemo: none");
        const QString text = word() + word();
        return QStringLiteral("setAnnotationMemo %1 '%2' → %3").arg(name(a->codeId), text).arg(m_p.setAnnotationMemo(a->id, text));
    }
    QString recode()
    {
        const auto a = pick(annotations());
        const auto c = pick(codes(true));
        if (!a || !c)
            return QStringLiteral("setAnnotationCode: none");
        return QStringLiteral("setAnnotationCode %1 → %2: %3")
            .arg(name(a->codeId), c->name)
            .arg(m_p.setAnnotationCode(a->id, c->id));
    }
    QString value()
    {
        const auto a = pick(annotations());
        if (!a)
            return QStringLiteral("setAnnotationValues: none");
        const auto c = m_p.code(a->codeId);
        const auto f = c ? pick(c->fields) : std::nullopt;
        if (!f)
            return QStringLiteral("setAnnotationValues: no field");
        QList<FieldValue> values;
        if (f->kind == FieldKind::ActorLink) {
            if (const auto actor = pick(m_p.actors()))
                values.append({f->id, {}, {}, actor->id});
        } else if (f->kind == FieldKind::AnnotationLink) {
            if (const auto target = pick(annotations()))
                values.append({f->id, {}, target->id, {}});
        } else if (number(5) > 0) {
            if (const auto text = scalarFor(*f))
                values.append({f->id, *text, {}, {}});
        }
        const bool ok = m_p.setAnnotationValues(a->id, f->id, values);
        return QStringLiteral("setAnnotationValues %1.%2 (%3 values) → %4")
            .arg(c->name, f->name)
            .arg(values.size())
            .arg(ok);
    }
    QString link()
    {
        const QList<Annotation> all = annotations();
        const auto a = pick(all);
        const auto b = pick(all);
        if (!a)
            return QStringLiteral("link: none");
        const bool ok = number(3) ? m_p.addAnnotationLink(a->id, b->id) : m_p.removeAnnotationLink(a->id, b->id);
        return QStringLiteral("add/removeAnnotationLink %1 → %2: %3").arg(name(a->codeId), name(b->codeId)).arg(ok);
    }
    QString variable()
    {
        const auto d = pick(docs());
        const auto c = pick(codes(false));
        const auto f = c ? pick(c->fields) : std::nullopt;
        if (!d || !f)
            return QStringLiteral("setDocumentValues: none");
        QList<FieldValue> values;
        if (f->kind == FieldKind::ActorLink) {
            if (const auto actor = pick(m_p.actors()))
                values.append({f->id, {}, {}, actor->id});
        } else if (const auto text = scalarFor(*f); text && number(4) > 0) {
            values.append({f->id, *text, {}, {}});
        }
        const bool ok = m_p.setDocumentValues(d->id, f->id, values);
        return QStringLiteral("setDocumentValues '%1' %2 (%3) → %4").arg(d->title, f->name).arg(values.size()).arg(ok);
    }
    QString outletValue()
    {
        const auto o = pick(m_p.outlets());
        const auto c = pick(codes(false));
        const auto f = c ? pick(c->fields) : std::nullopt;
        if (!o || !f || c->unit != CodeUnit::Outlet)
            return QStringLiteral("setOutletValues: none");
        QList<FieldValue> values;
        if (const auto text = scalarFor(*f); text && number(4) > 0)
            values.append({f->id, *text, {}, {}});
        const bool ok = m_p.setOutletValues(o->id, f->id, values);
        return QStringLiteral("setOutletValues '%1' %2 (%3) → %4").arg(o->name, f->name).arg(values.size()).arg(ok);
    }
    QString actor()
    {
        const QList<Actor> all = m_p.actors();
        switch (number(4)) {
        case 0: {
            Actor a;
            a.name = QStringLiteral("Actor %1").arg(number(1000));
            a.aliases = {word()};
            a.custom = {{QStringLiteral("k"), word()}};
            return QStringLiteral("addActor %1 → %2").arg(a.name).arg(m_p.addActor(a).has_value());
        }
        case 1:
            if (auto a = pick(all)) {
                a->memo = word();
                a->role = word();
                return QStringLiteral("updateActor %1 → %2").arg(a->name).arg(m_p.updateActor(*a));
            }
            break;
        case 2:
            if (const auto a = pick(all))
                return QStringLiteral("removeActor %1 → %2").arg(a->name).arg(m_p.removeActor(a->id));
            break;
        default:
            if (all.size() >= 2) {
                const auto a = pick(all), b = pick(all);
                return QStringLiteral("mergeActors %1 ← %2 → %3").arg(a->name, b->name).arg(m_p.mergeActors(a->id, b->id));
            }
        }
        return QStringLiteral("actor: none");
    }
    QString outlet()
    {
        const QList<Outlet> all = m_p.outlets();
        switch (number(4)) {
        case 0: {
            Outlet o;
            o.name = QStringLiteral("Outlet %1").arg(number(1000));
            o.domains = {QStringLiteral("o%1.example").arg(number(1000))};
            return QStringLiteral("addOutlet %1 → %2").arg(o.name).arg(m_p.addOutlet(o).has_value());
        }
        case 1:
            if (auto o = pick(all)) {
                o->memo = word();
                o->country = word();
                return QStringLiteral("updateOutlet %1 → %2").arg(o->name).arg(m_p.updateOutlet(*o));
            }
            break;
        case 2:
            if (const auto o = pick(all))
                return QStringLiteral("removeOutlet %1 → %2").arg(o->name).arg(m_p.removeOutlet(o->id));
            break;
        default: {
            const auto d = pick(docs());
            const auto o = pick(all);
            if (d) {
                const QUuid id = o && number(4) ? o->id : QUuid();
                return QStringLiteral("assignOutlet '%1' → %2: %3")
                    .arg(d->title, o && !id.isNull() ? o->name : QStringLiteral("none"))
                    .arg(m_p.assignOutlet({d->id}, id));
            }
        }
        }
        return QStringLiteral("outlet: none");
    }
    QString document()
    {
        const auto s = pick(docs());
        if (!s)
            return QStringLiteral("document: none");
        if (number(2)) {
            return QStringLiteral("setDocumentMemo '%1' → %2").arg(s->title).arg(m_p.setDocumentMemo(s->id, word()));
        }
        Document d = *m_p.reader().document(s->id);
        d.title = d.title + u' ' + word();
        d.author = word();
        d.date = QDate(2024, 1 + number(12), 1 + number(28));
        d.metadata.append({QStringLiteral("note"), word()});
        if (const auto o = pick(m_p.outlets()))
            d.outletId = number(2) ? o->id : QUuid();
        return QStringLiteral("updateDocumentDetails '%1' → %2").arg(s->title).arg(m_p.updateDocumentDetails(d));
    }
    QString editText()
    {
        const auto s = pick(docs());
        if (!s)
            return QStringLiteral("editDocumentText: none");
        const QString text = m_p.reader().documentText(s->id);
        const int at = number(int(text.size()) + 1);
        const int removed = std::min(number(12), int(text.size()) - at);
        const auto splits = [&](int i) { return i > 0 && i < text.size() && text.at(i).isLowSurrogate(); };
        if (splits(at) || splits(at + removed))
            return QStringLiteral("editDocumentText: would split a surrogate pair");
        const QString inserted = number(3) ? word() : QString();
        const bool ok = m_p.editDocumentText(s->id, {{at, removed, inserted}});
        return QStringLiteral("editDocumentText '%1' at %2 remove %3 insert '%4' → %5")
            .arg(s->title)
            .arg(at)
            .arg(removed)
            .arg(inserted)
            .arg(ok);
    }
    QString codeChange()
    {
        const QList<Code> all = m_p.codes();
        switch (number(6)) {
        case 0: {
            Code c;
            c.name = QStringLiteral("Code %1").arg(number(1000));
            c.unit = number(4) ? CodeUnit::Span : CodeUnit::Article;
            c.memo = word();
            CodeField f;
            f.name = QStringLiteral("Level");
            f.kind = FieldKind::Ordinal;
            f.options = {{QStringLiteral("1"), QStringLiteral("low")}, {QStringLiteral("2"), QStringLiteral("high")}};
            c.fields = {f};
            if (const auto parent = pick(all); parent && number(2) && parent->unit == c.unit)
                c.parentId = parent->id;
            return QStringLiteral("addCode %1 → %2").arg(c.name).arg(m_p.addCode(c).has_value());
        }
        case 1:
        case 2:
            if (auto c = pick(all)) {
                c->memo = word();
                c->useWhen = word();
                c->color = QColor::fromHsv(number(360), 200, 200);
                if (number(2) && !c->fields.isEmpty())
                    c->fields.removeLast();
                else {
                    CodeField f;
                    f.name = QStringLiteral("Note %1").arg(number(100));
                    f.kind = FieldKind::Text;
                    c->fields.append(f);
                }
                return QStringLiteral("updateCode %1 → %2").arg(c->name).arg(m_p.updateCode(*c));
            }
            break;
        case 3:
            if (const auto c = pick(all); c && number(3) == 0)
                return QStringLiteral("removeCode %1 → %2").arg(c->name).arg(m_p.removeCode(c->id));
            break;
        case 4:
            if (const auto c = pick(all)) {
                const auto parent = pick(all);
                const QUuid parentId = parent && number(2) ? parent->id : QUuid();
                return QStringLiteral("moveCode %1 under %2 → %3")
                    .arg(c->name, parentId.isNull() ? QStringLiteral("top") : parent->name)
                    .arg(m_p.moveCode(c->id, parentId, number(4) - 1));
            }
            break;
        default:
            if (const auto c = pick(all)) {
                const auto other = pick(all);
                if (number(2))
                    return QStringLiteral("mergeCodes %1 ← %2 → %3").arg(c->name, other->name).arg(m_p.mergeCodes(c->id, other->id));
                QList<QUuid> moved;
                for (const Annotation &a : m_p.reader().annotationsForCode(c->id)) {
                    if (number(2))
                        moved.append(a.id);
                }
                return QStringLiteral("splitCode %1 (%2) → %3")
                    .arg(c->name)
                    .arg(moved.size())
                    .arg(m_p.splitCode(c->id, moved, c->name + QStringLiteral(" b")).has_value());
            }
        }
        return QStringLiteral("code: none");
    }
    QString codebook()
    {
        Code a;
        a.name = number(2) ? QStringLiteral("Quote") : QStringLiteral("Imported %1").arg(number(50));
        a.shortcut = QString::number(number(9));
        CodeField f;
        f.name = QStringLiteral("Field %1").arg(number(5));
        f.kind = FieldKind::Text;
        a.fields = {f};
        const auto summary = m_p.importCodebook({a});
        return QStringLiteral("importCodebook %1 → %2").arg(a.name).arg(summary.has_value());
    }
    QString suggestions()
    {
        switch (number(3)) {
        case 0: {
            const auto d = pick(docs());
            const auto c = pick(codes(true));
            if (!d || !c || d->length < 2)
                break;
            const int start = number(d->length - 1);
            const SuggestedSpan s{d->id, c->id, start, start + 1};
            return QStringLiteral("addSuggestions → %1").arg(m_p.addSuggestions({s}).has_value());
        }
        case 1:
            if (const auto s = pick(m_p.suggestions()))
                return QStringLiteral("acceptSuggestions → %1").arg(m_p.acceptSuggestions({s->id}));
            break;
        default:
            if (const auto s = pick(m_p.suggestions()))
                return QStringLiteral("rejectSuggestions → %1").arg(m_p.rejectSuggestions({s->id}));
        }
        return QStringLiteral("suggestions: none");
    }
    QString coder()
    {
        const QString name = *pick(QStringList{QStringLiteral("Alex Example"), QStringLiteral("Ben Second"),
                                               QStringLiteral("Dana Fourth")});
        m_p.setCoderName(name);
        return QStringLiteral("setCoderName %1").arg(name);
    }
    QString importDocuments()
    {
        Document d = makeDocument(QStringLiteral("Story %1").arg(number(1000)),
                                  QStringLiteral("Text %1 with caf\u00e9 and \U0001F600 here.").arg(word()));
        d.url = QStringLiteral("https://site%1.example/a").arg(number(4));
        return QStringLiteral("importDocuments '%1' → %2").arg(d.title).arg(!m_p.importDocuments({d}).isEmpty());
    }
    QString removeDocumentOrUnlink()
    {
        const QList<DocumentSummary> all = docs();
        if (all.size() > 2 && number(2)) {
            const auto d = pick(all);
            return QStringLiteral("removeDocuments '%1' → %2").arg(d->title).arg(m_p.removeDocuments({d->id}));
        }
        return addAnnotation();
    }

    Project &m_p;
    QRandomGenerator m_rng;
};

} // namespace

class TestRandomUndo : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void randomSequenceUndoesAndRedoesExactly()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        CodedFixture fx(dir.path());
        Project &project = *fx.project;
        QUndoStack &stack = *project.undoStack();
        QCOMPARE(stack.count(), 0);
        Mutator mutator(project, kSeed);

        const ProjectSnapshot initial = ProjectSnapshot::take(fx.path);
        QList<QByteArray> states{digest(initial)}; // the file at each undo-stack index
        QList<int> madeBy{0};                      // the step that last made the command at each index
        QStringList log;
        const auto failWithPrefix = [&](int step, const QString &why) {
            qWarning().noquote() << QStringLiteral("Shortest failing prefix (seed %1, %2 steps):").arg(kSeed).arg(step);
            for (int i = 0; i < step && i < log.size(); ++i)
                qWarning().noquote() << QStringLiteral("  %1: %2").arg(i + 1).arg(log[i]);
            QFAIL(qPrintable(why));
        };

        int steps = 0;
        for (int i = 0; i < kSteps; ++i) {
            const int indexBefore = stack.index();
            const QByteArray stateBefore = states.value(indexBefore);
            log << mutator.step();
            const ProjectSnapshot now = ProjectSnapshot::take(fx.path);
            const QByteArray state = digest(now);
            const int index = stack.index();
            if (index < indexBefore && state != states.value(index)) {
                // A merge that made its step obsolete (typed back) must leave the file as below it.
                failWithPrefix(i + 1, QStringLiteral("step %1 dropped an undo step but not its change").arg(i + 1));
                return;
            }
            if (index == 0 && state != states.value(0)) {
                failWithPrefix(i + 1, QStringLiteral("step %1 changed the file below the undo stack").arg(i + 1));
                return;
            }
            if (!(state == stateBefore && index == indexBefore))
                ++steps;
            states.resize(index + 1);
            madeBy.resize(index + 1);
            states[index] = state;
            if (index > 0)
                madeBy[index] = i + 1;
            if (index > 0 && (index != indexBefore || state != stateBefore)) {
                // This step's command at once: undo gives the state below it, redo this one.
                stack.undo();
                if (digest(ProjectSnapshot::take(fx.path)) != states[index - 1]) {
                    failWithPrefix(i + 1, QStringLiteral("undo of step %1 did not restore the file").arg(i + 1));
                    return;
                }
                stack.redo();
                const ProjectSnapshot redone = ProjectSnapshot::take(fx.path);
                if (digest(redone) != state) {
                    failWithPrefix(i + 1, QStringLiteral("redo of step %1 differs:\n%2")
                                              .arg(i + 1)
                                              .arg(ProjectSnapshot::diff(now, redone)));
                    return;
                }
                const QString cache = cacheDiff(project);
                if (!cache.isEmpty()) {
                    failWithPrefix(i + 1, QStringLiteral("after step %1: %2").arg(i + 1).arg(cache));
                    return;
                }
            }
        }
        qInfo("%d of %d random steps changed the project; %d undo steps", steps, kSteps, int(stack.index()));
        QVERIFY2(steps > kSteps / 2, "most random steps must do something");
        const ProjectSnapshot finalState = ProjectSnapshot::take(fx.path);

        // Undo everything, checking the file at each index on the way down.
        while (stack.canUndo()) {
            stack.undo();
            const int index = stack.index();
            if (digest(ProjectSnapshot::take(fx.path)) != states.value(index)) {
                failWithPrefix(madeBy.value(index + 1),
                               QStringLiteral("undoing all: wrong file below the command of step %1")
                                   .arg(madeBy.value(index + 1)));
                return;
            }
        }
        QVERIFY_SNAPSHOT(initial, ProjectSnapshot::take(fx.path), "after undoing all");
        QVERIFY2(cacheDiff(project).isEmpty(), qPrintable(cacheDiff(project)));
        while (stack.canRedo()) {
            stack.redo();
            if (digest(ProjectSnapshot::take(fx.path)) != states.value(stack.index())) {
                failWithPrefix(madeBy.value(stack.index()), QStringLiteral("redoing all: wrong file after step %1")
                                                                .arg(madeBy.value(stack.index())));
                return;
            }
        }
        QVERIFY_SNAPSHOT(finalState, ProjectSnapshot::take(fx.path), "after redoing all");
        QVERIFY2(cacheDiff(project).isEmpty(), qPrintable(cacheDiff(project)));
    }
};

QTEST_GUILESS_MAIN(TestRandomUndo)
#include "tst_randomundo.moc"
