// Annotation commands through Project's public mutators: every change is
// checked in the file (fresh read-only connection), undone, redone, and its
// signals counted. Failures leave the file and the undo stack alone.
#include "../CoreTestSupport.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace newscoder;
using namespace newscoder::test;

class TestAnnotationCommands : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ProjectFixture> m_fx;

    Project &project() { return *m_fx->project; }
    QUuid code(const char *name) const { return m_fx->codeId(QString::fromLatin1(name)); }
    std::optional<Annotation> stored(const QUuid &id) const { return reader(m_fx->path)->annotation(id); }
    int storedCount() const { return reader(m_fx->path)->annotationCount(); }

    QUuid annotate(const QUuid &doc, const char *codeName, int start, int end, const QString &memo = {})
    {
        const auto id = project().addAnnotation(doc, code(codeName), start, end, memo);
        return id.value_or(QUuid());
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(openFixture(m_dir, m_fx));
        QVERIFY(!m_fx->plainDoc.isNull());
        QCOMPARE(project().undoStack()->count(), 0);
    }

    void cleanup() { closeFixture(m_dir, m_fx); }

    void addUndoRedo_data()
    {
        QTest::addColumn<bool>("nonBmp");
        QTest::addColumn<QString>("codeName");
        QTest::addColumn<int>("start");
        QTest::addColumn<int>("end");
        QTest::addColumn<QString>("memo");
        QTest::addColumn<QString>("quoted");
        QTest::newRow("speaker at start") << false << QStringLiteral("Speaker") << 0 << 18 << QString()
                                          << QStringLiteral("Minister Ana Reyes");
        QTest::newRow("quote with memo") << false << QStringLiteral("Quote") << 26 << 53
                                         << QStringLiteral("frozen \U0001F9CA") << QStringLiteral("Talks are frozen until May.");
        QTest::newRow("whole text") << false << QStringLiteral("Claim") << 0 << int(PlainText.size()) << QString()
                                    << PlainText;
        QTest::newRow("surrogate pair") << true << QStringLiteral("Bias indicator") << 10 << 12 << QString()
                                        << QStringLiteral("\U0001D11E");
        QTest::newRow("flag") << true << QStringLiteral("Quote") << 23 << 27 << QString()
                              << QStringLiteral("\U0001F1FA\U0001F1E6");
    }

    void addUndoRedo()
    {
        QFETCH(bool, nonBmp);
        QFETCH(QString, codeName);
        QFETCH(int, start);
        QFETCH(int, end);
        QFETCH(QString, memo);
        QFETCH(QString, quoted);
        const QUuid doc = nonBmp ? m_fx->nonBmpDoc : m_fx->plainDoc;
        const QUuid codeId = m_fx->codeId(codeName);
        QVERIFY(!codeId.isNull());
        QSignalSpy inserted(&project(), &Project::annotationsInserted);
        QSignalSpy removed(&project(), &Project::annotationsRemoved);
        QSignalSpy errors(&project(), &Project::errorOccurred);

        const auto id = project().addAnnotation(doc, codeId, start, end, memo);
        QVERIFY2(id, qPrintable(project().lastError()));
        QCOMPARE(project().undoStack()->count(), 1);
        QCOMPARE(inserted.count(), 1);
        const Annotation emitted = inserted.first().first().value<QList<Annotation>>().value(0);
        QCOMPARE(emitted.id, *id);

        const auto saved = stored(*id);
        QVERIFY(saved);
        QCOMPARE(saved->documentId, doc);
        QCOMPARE(saved->codeId, codeId);
        QCOMPARE(saved->start, start);
        QCOMPARE(saved->end, end);
        QCOMPARE(saved->memo, memo);
        QCOMPARE(project().coderNameFor(saved->coderId), QStringLiteral("Alex Example"));
        QCOMPARE(reader(m_fx->path)->coderByName(QStringLiteral("Alex Example"))->id, saved->coderId);
        QCOMPARE(reader(m_fx->path)->documentText(doc).mid(saved->start, saved->end - saved->start), quoted);
        QVERIFY(annotationDiff(emitted, *saved).isEmpty());

        project().undoStack()->undo();
        QVERIFY(!stored(*id));
        QCOMPARE(storedCount(), 0);
        QCOMPARE(removed.count(), 1);
        QCOMPARE(removed.first().first().value<QList<Annotation>>().value(0).id, *id);

        project().undoStack()->redo();
        const auto again = stored(*id);
        QVERIFY(again);
        const QString diff = annotationDiff(*again, *saved); // same id, same timestamps
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
        QCOMPARE(inserted.count(), 2);
        QCOMPARE(errors.count(), 0);
        QCOMPARE(project().undoStack()->count(), 1);
        QCOMPARE(project().undoStack()->index(), 1);
    }

    void removeUndoRedo_data()
    {
        QTest::addColumn<int>("howMany");
        QTest::newRow("one") << 1;
        QTest::newRow("two of three") << 2;
        QTest::newRow("all three, two documents") << 3;
    }

    void removeUndoRedo()
    {
        QFETCH(int, howMany);
        const QList<QUuid> ids = {annotate(m_fx->plainDoc, "Speaker", 0, 18),
                                  annotate(m_fx->plainDoc, "Quote", 26, 53, QStringLiteral("memo")),
                                  annotate(m_fx->nonBmpDoc, "Claim", 10, 12)};
        QVERIFY(!ids.contains(QUuid()));
        const QList<Annotation> before = allAnnotations(*reader(m_fx->path));
        QCOMPARE(before.size(), 3);
        project().undoStack()->clear();

        QSignalSpy removed(&project(), &Project::annotationsRemoved);
        QSignalSpy inserted(&project(), &Project::annotationsInserted);
        const QList<QUuid> doomed = ids.mid(0, howMany);
        QVERIFY(project().removeAnnotations(doomed + QList<QUuid>{QUuid::createUuid()})); // unknown ids ignored
        QCOMPARE(project().undoStack()->count(), 1);
        QCOMPARE(storedCount(), 3 - howMany);
        for (const QUuid &id : doomed)
            QVERIFY(!stored(id));
        for (const QUuid &id : ids.mid(howMany))
            QVERIFY(stored(id));
        QCOMPARE(removed.count(), 1);
        QCOMPARE(removed.first().first().value<QList<Annotation>>().size(), howMany);

        project().undoStack()->undo();
        QCOMPARE(inserted.count(), 1);
        const QString diff = annotationListDiff(allAnnotations(*reader(m_fx->path)), before);
        QVERIFY2(diff.isEmpty(), qPrintable(diff)); // restored exactly: ids, memos, timestamps

        project().undoStack()->redo();
        QCOMPARE(storedCount(), 3 - howMany);
        QCOMPARE(removed.count(), 2);

        // Nothing to remove: no step.
        QVERIFY(project().removeAnnotations({QUuid::createUuid()}));
        QCOMPARE(project().undoStack()->count(), 1);
    }

    void memoUndoRedo()
    {
        const QUuid id = annotate(m_fx->plainDoc, "Quote", 26, 53);
        QVERIFY(!id.isNull());
        const Annotation original = *stored(id);
        project().undoStack()->clear();
        QSignalSpy changed(&project(), &Project::annotationChanged);

        QVERIFY(project().setAnnotationMemo(id, QStringLiteral("frozen, not ended \U0001F9CA")));
        QCOMPARE(project().undoStack()->count(), 1);
        const auto after = stored(id);
        QCOMPARE(after->memo, QStringLiteral("frozen, not ended \U0001F9CA"));
        QVERIFY(after->modified >= original.modified);
        QCOMPARE(after->created, original.created);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.first().at(0).value<Annotation>().memo, QString());
        QCOMPARE(changed.first().at(1).value<Annotation>().memo, after->memo);

        project().undoStack()->undo();
        const QString diff = annotationDiff(*stored(id), original);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
        QCOMPARE(changed.count(), 2);
        project().undoStack()->redo();
        QCOMPARE(stored(id)->memo, after->memo);

        // Setting the same memo again is no step.
        QVERIFY(project().setAnnotationMemo(id, after->memo));
        QCOMPARE(project().undoStack()->count(), 1);
    }

    void memoTypingMergesIntoOneStep()
    {
        const QUuid id = annotate(m_fx->plainDoc, "Quote", 26, 53, QStringLiteral("x"));
        const QUuid other = annotate(m_fx->plainDoc, "Speaker", 0, 18);
        const int steps = project().undoStack()->count();
        for (const char *typed : {"x f", "x fr", "x fro", "x froz"})
            QVERIFY(project().setAnnotationMemo(id, QString::fromLatin1(typed)));
        QCOMPARE(project().undoStack()->count(), steps + 1);
        QCOMPARE(stored(id)->memo, QStringLiteral("x froz"));

        // Another annotation's memo is a step of its own.
        QVERIFY(project().setAnnotationMemo(other, QStringLiteral("speaker memo")));
        QCOMPARE(project().undoStack()->count(), steps + 2);

        project().undoStack()->undo();
        QCOMPARE(stored(other)->memo, QString());
        QCOMPARE(stored(id)->memo, QStringLiteral("x froz"));
        project().undoStack()->undo(); // the whole typing run at once
        QCOMPARE(stored(id)->memo, QStringLiteral("x"));
        project().undoStack()->redo();
        QCOMPARE(stored(id)->memo, QStringLiteral("x froz"));
    }

    void typingBackToTheOriginalDropsTheStep()
    {
        const QUuid id = annotate(m_fx->plainDoc, "Quote", 26, 53, QStringLiteral("ok"));
        const int steps = project().undoStack()->count();
        QVERIFY(project().setAnnotationMemo(id, QStringLiteral("ok!")));
        QVERIFY(project().setAnnotationMemo(id, QStringLiteral("ok!!")));
        QCOMPARE(project().undoStack()->count(), steps + 1);
        QVERIFY(project().setAnnotationMemo(id, QStringLiteral("ok")));
        QCOMPARE(project().undoStack()->count(), steps);
        QCOMPARE(project().undoStack()->index(), steps);
        QCOMPARE(stored(id)->memo, QStringLiteral("ok"));
        // Undo now undoes the annotation itself, not a memo edit.
        project().undoStack()->undo();
        QVERIFY(!stored(id));
    }

    void codeChangeUndoRedo()
    {
        const QUuid id = annotate(m_fx->nonBmpDoc, "Quote", 10, 12, QStringLiteral("clef"));
        project().undoStack()->clear();
        QSignalSpy changed(&project(), &Project::annotationChanged);
        QVERIFY(project().setAnnotationCode(id, code("Claim")));
        QCOMPARE(project().undoStack()->count(), 1);
        QCOMPARE(stored(id)->codeId, code("Claim"));
        QCOMPARE(stored(id)->memo, QStringLiteral("clef"));
        QCOMPARE(stored(id)->start, 10);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.first().at(0).value<Annotation>().codeId, code("Quote"));
        QCOMPARE(changed.first().at(1).value<Annotation>().codeId, code("Claim"));
        // A following memo edit does not merge into the recode.
        QVERIFY(project().setAnnotationMemo(id, QStringLiteral("clef!")));
        QCOMPARE(project().undoStack()->count(), 2);

        project().undoStack()->undo();
        project().undoStack()->undo();
        QCOMPARE(stored(id)->codeId, code("Quote"));
        QCOMPARE(stored(id)->memo, QStringLiteral("clef"));
        QCOMPARE(changed.count(), 4);
        project().undoStack()->redo();
        QCOMPARE(stored(id)->codeId, code("Claim"));

        // Recoding to the same code is no step; to an unknown code fails.
        QVERIFY(project().setAnnotationCode(id, code("Claim")));
        QSignalSpy errors(&project(), &Project::errorOccurred);
        QVERIFY(!project().setAnnotationCode(id, QUuid::createUuid()));
        QCOMPARE(errors.count(), 1);
        QCOMPARE(stored(id)->codeId, code("Claim"));
        QVERIFY(!project().setAnnotationMemo(QUuid::createUuid(), QStringLiteral("ghost")));
        QCOMPARE(errors.count(), 2);
    }

    void addFailures_data()
    {
        QTest::addColumn<int>("start");
        QTest::addColumn<int>("end");
        QTest::addColumn<bool>("knownCode");
        QTest::addColumn<bool>("knownDocument");
        QTest::addColumn<QString>("coder");
        const int n = int(PlainText.size());
        const QString coder = QStringLiteral("Alex Example");
        QTest::newRow("negative start") << -1 << 5 << true << true << coder;
        QTest::newRow("end past text") << 70 << n + 1 << true << true << coder;
        QTest::newRow("start past text") << n + 5 << n + 9 << true << true << coder;
        QTest::newRow("empty span") << 5 << 5 << true << true << coder;
        QTest::newRow("end before start") << 9 << 4 << true << true << coder;
        QTest::newRow("unknown code") << 0 << 5 << false << true << coder;
        QTest::newRow("unknown document") << 0 << 5 << true << false << coder;
        QTest::newRow("no coder name") << 0 << 5 << true << true << QString();
        QTest::newRow("blank coder name") << 0 << 5 << true << true << QStringLiteral("   ");
    }

    void addFailures()
    {
        QFETCH(int, start);
        QFETCH(int, end);
        QFETCH(bool, knownCode);
        QFETCH(bool, knownDocument);
        QFETCH(QString, coder);
        QVERIFY(!annotate(m_fx->plainDoc, "Quote", 0, 8).isNull()); // something to keep
        project().setCoderName(coder);
        const int steps = project().undoStack()->count();
        const QByteArray before = fileHash(m_fx->path);
        const int codersBefore = int(reader(m_fx->path)->coders().size());
        QSignalSpy errors(&project(), &Project::errorOccurred);
        QSignalSpy inserted(&project(), &Project::annotationsInserted);

        const auto id = project().addAnnotation(knownDocument ? m_fx->plainDoc : QUuid::createUuid(),
                                                knownCode ? code("Claim") : QUuid::createUuid(), start, end);
        QVERIFY(!id);
        QCOMPARE(errors.count(), 1);
        QVERIFY(!errors.first().first().toString().isEmpty());
        QCOMPARE(project().lastError(), errors.first().first().toString());
        QCOMPARE(inserted.count(), 0);
        QCOMPARE(project().undoStack()->count(), steps);
        QCOMPARE(storedCount(), 1);
        QCOMPARE(int(reader(m_fx->path)->coders().size()), codersBefore);
        QCOMPARE(fileHash(m_fx->path), before);
    }

    void readOnlyProjectRefusesToAnnotate()
    {
        const QString path = m_fx->path;
        m_fx->project.reset();
        auto ro = Project::open(path, ProjectAccess::ReadOnly);
        ro->setCoderName(QStringLiteral("Alex"));
        QSignalSpy errors(ro.get(), &Project::errorOccurred);
        QVERIFY(!ro->addAnnotation(ro->reader().documentSummaries().first().id, ro->codes().first().id, 0, 5));
        QCOMPARE(errors.count(), 1);
        QCOMPARE(ro->undoStack()->count(), 0);
        QCOMPARE(ro->reader().annotationCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestAnnotationCommands)
#include "tst_annotationcommands.moc"
