// Fault injection (storage/FaultInjection.h): for every mutator, its undo and
// its redo, each write in turn is made to fail. Then nothing is half-applied:
// the whole file equals what it was (ProjectSnapshot), no change signal went
// out, the project's caches match the file, the error is reported, and the
// undo stack is what it was — a failed undo or redo drops the command
// (obsolete) instead of claiming a state the file does not have.
#include "../UndoFixture.h"
#include "storage/FaultInjection.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <functional>

using namespace newscoder;
using namespace newscoder::test;

namespace {

// The fixture's ids, kept after its project is closed.
struct Ids
{
    QUuid plainDoc, nonBmpDoc, actor, otherActor, speaker, quote, claim, festival, outlet, suggestion;
};

using Mutation = std::function<bool(Project &, const Ids &)>;

// Every change signal of a project (errorOccurred is not one).
class ChangeSpy
{
public:
    explicit ChangeSpy(Project &p)
    {
        const auto watch = [&](auto signal, const char *name) {
            m_spies.push_back({name, std::make_unique<QSignalSpy>(&p, signal)});
        };
        watch(&Project::documentsInserted, "documentsInserted");
        watch(&Project::documentsRemoved, "documentsRemoved");
        watch(&Project::documentChanged, "documentChanged");
        watch(&Project::documentTextChanged, "documentTextChanged");
        watch(&Project::annotationsInserted, "annotationsInserted");
        watch(&Project::annotationsRemoved, "annotationsRemoved");
        watch(&Project::annotationChanged, "annotationChanged");
        watch(&Project::codesChanged, "codesChanged");
        watch(&Project::valuesChanged, "valuesChanged");
        watch(&Project::actorsChanged, "actorsChanged");
        watch(&Project::outletsChanged, "outletsChanged");
    }
    QString emitted() const
    {
        QStringList names;
        for (const auto &[name, spy] : m_spies) {
            if (spy->count() > 0)
                names << QString::fromLatin1(name);
        }
        return names.join(u", ");
    }

private:
    std::vector<std::pair<const char *, std::unique_ptr<QSignalSpy>>> m_spies;
};

} // namespace

class TestFaultInjection : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_template; // the coded fixture, closed
    ProjectSnapshot m_initial;
    Ids m_ids;
    int m_trials = 0;

    std::unique_ptr<Project> fresh()
    {
        const QString path = m_dir.filePath(QStringLiteral("trial-%1.newscoder").arg(++m_trials));
        if (!QFile::copy(m_template, path))
            return nullptr;
        auto project = Project::open(path);
        project->setCoderName(QStringLiteral("Alex Example"));
        return project;
    }

    // The file, the caches and the signals after a failed operation.
    static QString unchanged(const Project &p, const ProjectSnapshot &expected, const ChangeSpy &spy)
    {
        if (const QString d = ProjectSnapshot::diff(expected, ProjectSnapshot::take(p.path())); !d.isEmpty())
            return QStringLiteral("file changed:\n") + d;
        if (const QString d = cacheDiff(p); !d.isEmpty())
            return d;
        if (const QString e = spy.emitted(); !e.isEmpty())
            return QStringLiteral("signals sent: ") + e;
        if (!p.lastError().contains(QStringLiteral("disk I/O error")))
            return QStringLiteral("no clear error: '%1'").arg(p.lastError());
        return {};
    }

    // Fails write 1, 2, … of the mutation, then of its undo, then of its redo.
    // Returns how many writes (with the commit) the mutation made.
    int checkEveryFault(const char *what, const Mutation &mutate)
    {
        int writes = 0;
        for (int n = 1;; ++n) {
            auto p = fresh();
            if (!p)
                return -1;
            const ChangeSpy spy(*p);
            storage_fault::failNthWrite(n);
            const bool ok = mutate(*p, m_ids);
            const bool fired = storage_fault::fired();
            storage_fault::disarm();
            if (!fired) {
                [&] { QVERIFY2(ok, qPrintable(QStringLiteral("%1: %2").arg(QString::fromLatin1(what), p->lastError()))); }();
                if (!ok)
                    return -1;
                writes = n - 1;
                break;
            }
            const QString problem = ok ? QStringLiteral("reported success") : unchanged(*p, m_initial, spy);
            [&] {
                QVERIFY2(problem.isEmpty(), qPrintable(QStringLiteral("%1, write %2 failing: %3")
                                                           .arg(QString::fromLatin1(what))
                                                           .arg(n)
                                                           .arg(problem)));
                QCOMPARE(p->undoStack()->count(), 0);
            }();
            if (!problem.isEmpty() || p->undoStack()->count() != 0 || n > 200)
                return -1;
        }
        // Undo with a failing write: the file stays as after, the command is dropped.
        for (int n = 1;; ++n) {
            auto p = fresh();
            mutate(*p, m_ids);
            const ProjectSnapshot afterHere = ProjectSnapshot::take(p->path()); // new ids and times each trial
            const int count = p->undoStack()->count();
            const ChangeSpy spy(*p);
            storage_fault::failNthWrite(n);
            p->undoStack()->undo();
            const bool fired = storage_fault::fired();
            storage_fault::disarm();
            if (!fired) {
                const QString d = ProjectSnapshot::diff(m_initial, ProjectSnapshot::take(p->path()));
                [&] { QVERIFY2(d.isEmpty(), qPrintable(QStringLiteral("%1 undo: %2").arg(QString::fromLatin1(what), d))); }();
                break;
            }
            const QString problem = unchanged(*p, afterHere, spy);
            [&] {
                QVERIFY2(problem.isEmpty(), qPrintable(QStringLiteral("%1 undo, write %2 failing: %3")
                                                           .arg(QString::fromLatin1(what))
                                                           .arg(n)
                                                           .arg(problem)));
                QCOMPARE(p->undoStack()->count(), count - 1); // obsolete: dropped
                QVERIFY(!p->undoStack()->canRedo());
            }();
            if (!problem.isEmpty() || n > 200)
                return -1;
        }
        // Redo with a failing write: the file stays as before, the command is dropped.
        for (int n = 1;; ++n) {
            auto p = fresh();
            mutate(*p, m_ids);
            const ProjectSnapshot afterHere = ProjectSnapshot::take(p->path());
            p->undoStack()->undo();
            const int count = p->undoStack()->count();
            const ChangeSpy spy(*p);
            storage_fault::failNthWrite(n);
            p->undoStack()->redo();
            const bool fired = storage_fault::fired();
            storage_fault::disarm();
            if (!fired) {
                const QString d = ProjectSnapshot::diff(afterHere, ProjectSnapshot::take(p->path()));
                [&] { QVERIFY2(d.isEmpty(), qPrintable(QStringLiteral("%1 redo: %2").arg(QString::fromLatin1(what), d))); }();
                break;
            }
            const QString problem = unchanged(*p, m_initial, spy);
            [&] {
                QVERIFY2(problem.isEmpty(), qPrintable(QStringLiteral("%1 redo, write %2 failing: %3")
                                                           .arg(QString::fromLatin1(what))
                                                           .arg(n)
                                                           .arg(problem)));
                QCOMPARE(p->undoStack()->count(), count - 1);
                QVERIFY(!p->undoStack()->canRedo());
            }();
            if (!problem.isEmpty() || n > 200)
                return -1;
        }
        return writes;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        {
            CodedFixture fx(m_dir.path());
            m_ids = {fx.plainDoc, fx.nonBmpDoc, fx.actor, fx.otherActor, fx.speaker,
                     fx.quote,    fx.claim,     fx.festival, fx.outlet, fx.suggestion};
            m_template = fx.path;
        }
        m_initial = ProjectSnapshot::take(m_template);
        QVERIFY(m_initial.error().isEmpty());
        QVERIFY(!m_ids.suggestion.isNull());
    }

    void cleanup() { storage_fault::disarm(); }

    void unarmedSeamChangesNothing()
    {
        QVERIFY(!storage_fault::armed());
        auto p = fresh();
        QVERIFY(p->addAnnotation(m_ids.plainDoc, p->codeByName(QStringLiteral("Claim"))->id, 0, 8));
        QVERIFY(!storage_fault::fired());
    }

    void everyMutatorUndoAndRedo_data()
    {
        QTest::addColumn<QString>("name");
        for (const char *name : {"addAnnotation", "first annotation of a new coder", "removeAnnotations",
                                 "setAnnotationMemo", "setAnnotationCode", "importDocuments", "removeDocuments",
                                 "updateDocumentDetails", "setDocumentMemo", "editDocumentText", "addCode",
                                 "updateCode", "removeCode", "removeCode (article variables)", "moveCode",
                                 "mergeCodes", "splitCode", "importCodebook", "setAnnotationValues",
                                 "addAnnotationLink", "removeAnnotationLink", "setDocumentValues (new coder)",
                                 "setOutletValues", "addActor", "updateActor", "removeActor", "mergeActors",
                                 "addOutlet", "updateOutlet", "removeOutlet", "assignOutlet", "addSuggestions",
                                 "acceptSuggestions", "rejectSuggestions"})
            QTest::newRow(name) << QString::fromLatin1(name);
    }

    void everyMutatorUndoAndRedo()
    {
        QFETCH(QString, name);
        const auto codeId = [](Project &p, const char *n) { return p.codeByName(QString::fromLatin1(n))->id; };
        const auto fieldId = [](Project &p, const char *c, const char *f) {
            return p.codeByName(QString::fromLatin1(c))->fieldByName(QString::fromLatin1(f))->id;
        };
        const QHash<QString, Mutation> mutations = {
            {QStringLiteral("addAnnotation"),
             [&](Project &p, const Ids &ids) { return p.addAnnotation(ids.plainDoc, codeId(p, "Claim"), 0, 8).has_value(); }},
            {QStringLiteral("first annotation of a new coder"),
             [&](Project &p, const Ids &ids) {
                 p.setCoderName(QStringLiteral("Cleo Third"));
                 return p.addAnnotation(ids.plainDoc, codeId(p, "Claim"), 0, 8).has_value();
             }},
            {QStringLiteral("removeAnnotations"),
             [](Project &p, const Ids &ids) { return p.removeAnnotations({ids.quote, ids.speaker}); }},
            {QStringLiteral("setAnnotationMemo"),
             [](Project &p, const Ids &ids) { return p.setAnnotationMemo(ids.quote, QStringLiteral("m")); }},
            {QStringLiteral("setAnnotationCode"),
             [&](Project &p, const Ids &ids) { return p.setAnnotationCode(ids.quote, codeId(p, "Claim")); }},
            {QStringLiteral("importDocuments"),
             [](Project &p, const Ids &) {
                 Document d = makeDocument(QStringLiteral("Ferry"), QStringLiteral("Ferries stopped."));
                 d.url = QStringLiteral("https://newsite.example/f");
                 return !p.importDocuments({d, makeDocument(QStringLiteral("Second"), QStringLiteral("More."))}).isEmpty();
             }},
            {QStringLiteral("removeDocuments"),
             [](Project &p, const Ids &ids) { return p.removeDocuments({ids.plainDoc, ids.nonBmpDoc}); }},
            {QStringLiteral("updateDocumentDetails"),
             [](Project &p, const Ids &ids) {
                 Document d = *p.reader().document(ids.plainDoc);
                 d.title = QStringLiteral("New title");
                 d.metadata.append({QStringLiteral("k"), QStringLiteral("v")});
                 d.outletId = {};
                 return p.updateDocumentDetails(d);
             }},
            {QStringLiteral("setDocumentMemo"),
             [](Project &p, const Ids &ids) { return p.setDocumentMemo(ids.plainDoc, QStringLiteral("memo")); }},
            {QStringLiteral("editDocumentText"),
             [](Project &p, const Ids &ids) {
                 return p.editDocumentText(ids.plainDoc, {{9, 10, QString()}, {0, 0, QStringLiteral("The ")}});
             }},
            {QStringLiteral("addCode"),
             [](Project &p, const Ids &) {
                 Code c;
                 c.name = QStringLiteral("Frame");
                 CodeField f;
                 f.name = QStringLiteral("Kind");
                 c.fields = {f, f};
                 c.fields[1].name = QStringLiteral("Other");
                 return p.addCode(c).has_value();
             }},
            {QStringLiteral("updateCode"),
             [&](Project &p, const Ids &) {
                 Code c = *p.codeByName(QStringLiteral("Claim"));
                 c.memo = QStringLiteral("m");
                 c.fields.removeIf([](const CodeField &f) { return f.name == QStringLiteral("Stance"); });
                 CodeField f;
                 f.name = QStringLiteral("New");
                 c.fields.append(f);
                 return p.updateCode(c);
             }},
            {QStringLiteral("removeCode"), [&](Project &p, const Ids &) { return p.removeCode(codeId(p, "Quote")); }},
            {QStringLiteral("removeCode (article variables)"),
             [&](Project &p, const Ids &) { return p.removeCode(codeId(p, "Article")); }},
            {QStringLiteral("moveCode"),
             [&](Project &p, const Ids &) { return p.moveCode(codeId(p, "Claim"), codeId(p, "Quote"), 0); }},
            {QStringLiteral("mergeCodes"),
             [&](Project &p, const Ids &) { return p.mergeCodes(codeId(p, "Quote"), codeId(p, "Claim")); }},
            {QStringLiteral("splitCode"),
             [&](Project &p, const Ids &ids) {
                 return p.splitCode(codeId(p, "Quote"), {ids.festival, ids.quote}, QStringLiteral("Q2")).has_value();
             }},
            {QStringLiteral("importCodebook"),
             [](Project &p, const Ids &) {
                 Code merged = *p.codeByName(QStringLiteral("Quote"));
                 merged.id = {};
                 CodeField f;
                 f.name = QStringLiteral("Tone");
                 merged.fields = {f};
                 Code fresh;
                 fresh.name = QStringLiteral("Source type");
                 return p.importCodebook({merged, fresh}).has_value();
             }},
            {QStringLiteral("setAnnotationValues"),
             [&](Project &p, const Ids &ids) {
                 return p.setAnnotationValue(ids.speaker, fieldId(p, "Speaker", "Role in article"),
                                             QStringLiteral("official"));
             }},
            {QStringLiteral("addAnnotationLink"),
             [](Project &p, const Ids &ids) { return p.addAnnotationLink(ids.claim, ids.speaker); }},
            {QStringLiteral("removeAnnotationLink"),
             [](Project &p, const Ids &ids) { return p.removeAnnotationLink(ids.quote, ids.speaker); }},
            {QStringLiteral("setDocumentValues (new coder)"),
             [&](Project &p, const Ids &ids) {
                 p.setCoderName(QStringLiteral("Cleo Third"));
                 const QUuid tone = fieldId(p, "Article", "Tone");
                 return p.setDocumentValues(ids.plainDoc, tone, {{tone, QStringLiteral("1"), {}, {}}});
             }},
            {QStringLiteral("setOutletValues"),
             [&](Project &p, const Ids &ids) {
                 const QUuid f = fieldId(p, "Outlet", "Ownership");
                 return p.setOutletValues(ids.outlet, f, {{f, QStringLiteral("state"), {}, {}}});
             }},
            {QStringLiteral("addActor"),
             [](Project &p, const Ids &) {
                 Actor a;
                 a.name = QStringLiteral("Union");
                 return p.addActor(a).has_value();
             }},
            {QStringLiteral("updateActor"),
             [](Project &p, const Ids &ids) {
                 Actor a = *p.actor(ids.actor);
                 a.memo = QStringLiteral("m");
                 return p.updateActor(a);
             }},
            {QStringLiteral("removeActor"), [](Project &p, const Ids &ids) { return p.removeActor(ids.actor); }},
            {QStringLiteral("mergeActors"),
             [](Project &p, const Ids &ids) { return p.mergeActors(ids.otherActor, ids.actor); }},
            {QStringLiteral("addOutlet"),
             [](Project &p, const Ids &) {
                 Outlet o;
                 o.name = QStringLiteral("Radio");
                 return p.addOutlet(o).has_value();
             }},
            {QStringLiteral("updateOutlet"),
             [](Project &p, const Ids &ids) {
                 Outlet o = *p.outlet(ids.outlet);
                 o.memo = QStringLiteral("m");
                 return p.updateOutlet(o);
             }},
            {QStringLiteral("removeOutlet"), [](Project &p, const Ids &ids) { return p.removeOutlet(ids.outlet); }},
            {QStringLiteral("assignOutlet"),
             [](Project &p, const Ids &ids) { return p.assignOutlet({ids.plainDoc, ids.nonBmpDoc}, {}); }},
            {QStringLiteral("addSuggestions"),
             [&](Project &p, const Ids &ids) {
                 return !p.addSuggestions({{ids.plainDoc, codeId(p, "Claim"), 0, 8},
                                           {ids.nonBmpDoc, codeId(p, "Claim"), 0, 4}})
                             .value_or(QList<QUuid>())
                             .isEmpty();
             }},
            {QStringLiteral("acceptSuggestions"),
             [](Project &p, const Ids &ids) { return p.acceptSuggestions({ids.suggestion}); }},
            {QStringLiteral("rejectSuggestions"),
             [](Project &p, const Ids &ids) { return p.rejectSuggestions({ids.suggestion}); }},
        };
        QVERIFY(mutations.contains(name));
        const int writes = checkEveryFault(name.toUtf8().constData(), mutations.value(name));
        if (QTest::currentTestFailed())
            return;
        QVERIFY2(writes >= 2, qPrintable(QStringLiteral("%1 made %2 writes").arg(name).arg(writes))); // a row and the commit
    }

    // A page damaged after the project was opened (so the check at opening
    // passed): reads and writes that reach it fail with a clear message,
    // nothing is written, other articles still read, and the next opening
    // refuses the file as damaged.
    void damagedPageFoundAfterOpen()
    {
        const QString path = m_dir.filePath(QStringLiteral("damaged.newscoder"));
        QList<QUuid> ids;
        {
            auto p = Project::create(path, defaultNewsCodebook());
            QList<Document> docs;
            for (int i = 0; i < 40; ++i)
                docs << makeDocument(QStringLiteral("Story %1").arg(i),
                                     QStringLiteral("Marker%1 ").arg(i, 3, 10, QChar(u'0')).repeated(150));
            ids = p->importDocuments(docs);
            QCOMPARE(ids.size(), 40);
        }
        const int pageSize = queryValue(path, QStringLiteral("PRAGMA page_size")).toInt();
        QVERIFY(pageSize >= 512);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        file.close();
        const qsizetype at = bytes.indexOf("Marker020");
        QVERIFY(at > 0);
        const qint64 page = at / pageSize;
        QVERIFY(page > 0);
        QVERIFY(bytes.indexOf("Marker000") / pageSize != page);

        auto project = Project::open(path);
        project->setCoderName(QStringLiteral("Alex Example"));
        // Damage the page's b-tree header, then let another connection commit,
        // so the open one drops its page cache and reads the page again.
        QVERIFY(file.open(QIODevice::ReadWrite));
        QVERIFY(file.seek(page * pageSize));
        QVERIFY(file.write(QByteArray(8, '\x7f')) == 8);
        file.close();
        QVERIFY(execRaw(path, {QStringLiteral("INSERT INTO meta (name, value) VALUES ('touched', '1')")}));
        const QByteArray damaged = fileHash(path);

        try {
            project->reader().documentText(ids[20]);
            QFAIL("reading the damaged page must fail");
        } catch (const StoreError &e) {
            QCOMPARE(e.kind(), StoreError::Kind::Corrupt);
            QVERIFY2(e.message().contains(QStringLiteral("damaged")), qPrintable(e.message()));
        }
        QVERIFY(!project->setDocumentMemo(ids[20], QStringLiteral("memo")));
        QVERIFY2(project->lastError().contains(QStringLiteral("damaged")), qPrintable(project->lastError()));
        QVERIFY(!project->removeDocuments({ids[20]}));
        QVERIFY(!project->addAnnotation(ids[20], project->codeByName(QStringLiteral("Claim"))->id, 0, 8));
        QCOMPARE(project->undoStack()->count(), 0);
        QCOMPARE(fileHash(path), damaged); // nothing written
        QVERIFY(project->reader().documentText(ids[0]).startsWith(QStringLiteral("Marker000")));
        project.reset();
        try {
            ProjectStore::open(path);
            QFAIL("a damaged file must be refused");
        } catch (const StoreError &e) {
            QCOMPARE(e.kind(), StoreError::Kind::Corrupt);
        }
    }
};

QTEST_GUILESS_MAIN(TestFaultInjection)
#include "tst_faultinjection.moc"
