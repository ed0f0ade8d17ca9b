// Codebook commands through Project's public mutators: add, remove (with
// sub-codes and annotations restored on undo) and edit, each checked in the
// file, undone and redone, with their signals; refused edits change nothing.
#include "../CoreTestSupport.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace newscoder;
using namespace newscoder::test;

class TestCodeCommands : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ProjectFixture> m_fx;

    Project &project() { return *m_fx->project; }
    QUuid code(const char *name) const { return m_fx->codeId(QString::fromLatin1(name)); }
    QList<Code> storedCodes() const { return reader(m_fx->path)->codes(); }
    std::optional<Code> stored(const QUuid &id) const { return reader(m_fx->path)->code(id); }

private Q_SLOTS:
    void init()
    {
        QVERIFY(openFixture(m_dir, m_fx));
        QCOMPARE(storedCodes().size(), 6);
    }

    void cleanup() { closeFixture(m_dir, m_fx); }

    void addUndoRedo_data()
    {
        QTest::addColumn<QString>("parent");
        QTest::addColumn<QString>("color");
        QTest::newRow("top level") << QString() << QStringLiteral("#123456");
        QTest::newRow("sub-code of Quote") << QStringLiteral("Quote") << QStringLiteral("#abcdef");
        QTest::newRow("no colour given") << QString() << QString();
    }

    void addUndoRedo()
    {
        QFETCH(QString, parent);
        QFETCH(QString, color);
        Code c;
        c.name = QStringLiteral("Framing \u00E9\U0001F5BC");
        c.color = color.isEmpty() ? QColor() : QColor(color);
        c.description = QStringLiteral("How the story is framed.");
        c.shortcut = QStringLiteral("5");
        if (!parent.isEmpty())
            c.parentId = m_fx->codeId(parent);
        const QList<Code> before = storedCodes();
        QSignalSpy changed(&project(), &Project::codesChanged);

        const auto id = project().addCode(c);
        QVERIFY2(id, qPrintable(project().lastError()));
        QCOMPARE(project().undoStack()->count(), 1);
        QCOMPARE(changed.count(), 1);
        const auto saved = stored(*id);
        QVERIFY(saved);
        QCOMPARE(saved->name, c.name);
        QCOMPARE(saved->parentId, c.parentId);
        QCOMPARE(saved->color, color.isEmpty() ? QColor(0x88, 0x88, 0x88) : QColor(color));
        QCOMPARE(saved->description, c.description);
        QCOMPARE(saved->shortcut, QStringLiteral("5"));
        QVERIFY(saved->position > before.last().position); // appended
        QVERIFY(project().code(*id)); // the cache follows
        QCOMPARE(project().codes().size(), 7);

        project().undoStack()->undo();
        QVERIFY(!stored(*id));
        QVERIFY(codeListDiff(storedCodes(), before).isEmpty());
        QVERIFY(!project().code(*id));
        QCOMPARE(changed.count(), 2);

        project().undoStack()->redo();
        QVERIFY(codeDiff(*stored(*id), *saved).isEmpty());
        QCOMPARE(changed.count(), 3);
    }

    void addWithoutNameIsRefused()
    {
        Code c;
        c.name = QStringLiteral("   ");
        QSignalSpy errors(&project(), &Project::errorOccurred);
        QVERIFY(!project().addCode(c));
        QCOMPARE(errors.count(), 1);
        QCOMPARE(project().undoStack()->count(), 0);
        QCOMPARE(storedCodes().size(), 6);
    }

    void addWithTakenShortcutIsRefused()
    {
        Code c;
        c.name = QStringLiteral("Frame");
        c.shortcut = QStringLiteral("1"); // Quote's key in the default codebook
        QSignalSpy errors(&project(), &Project::errorOccurred);
        QVERIFY(!project().addCode(c));
        QCOMPARE(errors.count(), 1);
        QVERIFY(project().lastError().contains(u"Quote"));
        QCOMPARE(project().undoStack()->count(), 0);
        QCOMPARE(storedCodes().size(), 6);
        c.shortcut = QStringLiteral("9");
        QVERIFY(project().addCode(c));
        QCOMPARE(storedCodes().size(), 7);
    }

    void removeWithSubCodesAndAnnotations()
    {
        // Quote > Direct > Partial, annotations on Quote, Partial and Claim.
        Code direct;
        direct.name = QStringLiteral("Direct");
        direct.parentId = code("Quote");
        const auto directId = project().addCode(direct);
        QVERIFY(directId);
        Code partial;
        partial.name = QStringLiteral("Partial");
        partial.parentId = *directId;
        const auto partialId = project().addCode(partial);
        QVERIFY(partialId);
        QVERIFY(project().addAnnotation(m_fx->plainDoc, code("Quote"), 26, 53, QStringLiteral("q")));
        QVERIFY(project().addAnnotation(m_fx->nonBmpDoc, *partialId, 10, 12));
        const auto claim = project().addAnnotation(m_fx->plainDoc, code("Claim"), 55, 77);
        QVERIFY(claim);
        const QList<Code> codesBefore = storedCodes();
        const QList<Annotation> annotationsBefore = allAnnotations(*reader(m_fx->path));
        QCOMPARE(codesBefore.size(), 8);
        QCOMPARE(annotationsBefore.size(), 3);
        project().undoStack()->clear();
        QSignalSpy changed(&project(), &Project::codesChanged);
        QSignalSpy removed(&project(), &Project::annotationsRemoved);
        QSignalSpy inserted(&project(), &Project::annotationsInserted);

        QVERIFY(project().removeCode(code("Quote")));
        QCOMPARE(project().undoStack()->count(), 1);
        {
            auto store = reader(m_fx->path);
            QCOMPARE(store->codes().size(), 5);
            QVERIFY(!store->codeByName(QStringLiteral("Quote")));
            QVERIFY(!store->code(*directId));
            QVERIFY(!store->code(*partialId));
            QCOMPARE(store->annotationCount(), 1);
            QVERIFY(store->annotation(*claim));
        }
        QCOMPARE(project().codes().size(), 5);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(removed.count(), 1);
        QCOMPARE(removed.first().first().value<QList<Annotation>>().size(), 2);

        project().undoStack()->undo();
        {
            auto store = reader(m_fx->path);
            QString diff = codeListDiff(store->codes(), codesBefore);
            QVERIFY2(diff.isEmpty(), qPrintable(diff)); // same ids, parents, colours, positions
            diff = annotationListDiff(allAnnotations(*store), annotationsBefore);
            QVERIFY2(diff.isEmpty(), qPrintable(diff));
        }
        QCOMPARE(project().codes().size(), 8);
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(inserted.first().first().value<QList<Annotation>>().size(), 2);
        QCOMPARE(changed.count(), 2);

        project().undoStack()->redo();
        QCOMPARE(storedCodes().size(), 5);
        QCOMPARE(reader(m_fx->path)->annotationCount(), 1);
        QCOMPARE(removed.count(), 2);

        // Removing an unknown code is no step.
        QVERIFY(project().removeCode(QUuid::createUuid()));
        QCOMPARE(project().undoStack()->count(), 1);
    }

    void updateUndoRedo_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        QTest::newRow("rename") << QStringLiteral("name") << QStringLiteral("Spokesperson \U0001F5E3");
        QTest::newRow("recolour") << QStringLiteral("color") << QStringLiteral("#00ff7f");
        QTest::newRow("describe") << QStringLiteral("description") << QStringLiteral("Who speaks.");
        QTest::newRow("re-key") << QStringLiteral("shortcut") << QStringLiteral("Ctrl+K");
        QTest::newRow("no key") << QStringLiteral("shortcut") << QString();
        QTest::newRow("re-parent") << QStringLiteral("parent") << QStringLiteral("Claim");
        QTest::newRow("move") << QStringLiteral("position") << QStringLiteral("17");
    }

    void updateUndoRedo()
    {
        QFETCH(QString, field);
        QFETCH(QString, value);
        const Code before = *stored(code("Speaker"));
        Code after = before;
        if (field == u"name")
            after.name = value;
        else if (field == u"color")
            after.color = QColor(value);
        else if (field == u"description")
            after.description = value;
        else if (field == u"shortcut")
            after.shortcut = value;
        else if (field == u"parent")
            after.parentId = code("Claim");
        else if (field == u"position")
            after.position = value.toInt();
        QSignalSpy changed(&project(), &Project::codesChanged);

        QVERIFY2(project().updateCode(after), qPrintable(project().lastError()));
        QCOMPARE(project().undoStack()->count(), 1);
        QCOMPARE(changed.count(), 1);
        QString diff = codeDiff(*stored(before.id), after);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
        QVERIFY(codeDiff(*project().code(before.id), after).isEmpty());

        project().undoStack()->undo();
        diff = codeDiff(*stored(before.id), before);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
        QVERIFY(codeDiff(*project().code(before.id), before).isEmpty());
        QCOMPARE(changed.count(), 2);

        project().undoStack()->redo();
        QVERIFY(codeDiff(*stored(before.id), after).isEmpty());
        QCOMPARE(changed.count(), 3);
    }

    void refusedUpdates_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        QTest::newRow("duplicate shortcut") << QStringLiteral("shortcut") << QStringLiteral("1"); // Quote's
        QTest::newRow("empty name") << QStringLiteral("name") << QStringLiteral("  ");
        QTest::newRow("unknown code") << QStringLiteral("id") << QString();
    }

    void refusedUpdates()
    {
        QFETCH(QString, field);
        QFETCH(QString, value);
        Code c = *project().code(code("Speaker"));
        if (field == u"shortcut")
            c.shortcut = value;
        else if (field == u"name")
            c.name = value;
        else
            c.id = QUuid::createUuid();
        const QByteArray before = fileHash(m_fx->path);
        QSignalSpy errors(&project(), &Project::errorOccurred);
        QSignalSpy changed(&project(), &Project::codesChanged);
        QVERIFY(!project().updateCode(c));
        QCOMPARE(errors.count(), 1);
        if (field == u"shortcut")
            QVERIFY2(errors.first().first().toString().contains(QStringLiteral("Quote")),
                     qPrintable(errors.first().first().toString()));
        QCOMPARE(changed.count(), 0);
        QCOMPARE(project().undoStack()->count(), 0);
        QCOMPARE(fileHash(m_fx->path), before);
        QCOMPARE(stored(code("Speaker"))->shortcut, QStringLiteral("2"));
        QCOMPARE(stored(code("Speaker"))->name, QStringLiteral("Speaker"));
    }

    // Swapping two shortcuts is possible in two steps via a free key.
    void shortcutCanMoveOnceFreed()
    {
        Code quote = *project().code(code("Quote"));
        Code speaker = *project().code(code("Speaker"));
        quote.shortcut = QStringLiteral("9");
        QVERIFY(project().updateCode(quote));
        speaker.shortcut = QStringLiteral("1");
        QVERIFY(project().updateCode(speaker));
        QCOMPARE(stored(speaker.id)->shortcut, QStringLiteral("1"));
        project().undoStack()->undo();
        project().undoStack()->undo();
        QCOMPARE(stored(quote.id)->shortcut, QStringLiteral("1"));
        QCOMPARE(stored(speaker.id)->shortcut, QStringLiteral("2"));
    }
};

QTEST_GUILESS_MAIN(TestCodeCommands)
#include "tst_codecommands.moc"
