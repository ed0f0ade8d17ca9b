// The write lock (ProjectLock: an OS lock held on PROJECT.lock) and the
// clean-up of interrupted creations (CreationLeftovers). Processes that are
// really killed at these moments are in tst_durability.
#include "../CoreTestSupport.h"

#include "storage/CreationLeftovers.h"
#include "storage/ProjectLock.h"

#include <QCryptographicHash>
#include <QProcess>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace newscoder;
using namespace newscoder::test;

namespace {

bool writeFile(const QString &path, const QByteArray &contents)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(contents) == contents.size();
}

QString hostTag()
{
    return QString::fromLatin1(
        QCryptographicHash::hash(QSysInfo::machineHostName().toUtf8(), QCryptographicHash::Sha1).toHex().left(8));
}

// The pid of a process that has ended (started and waited for).
qint64 endedPid()
{
    QProcess p;
    p.start(QStringLiteral("/bin/true"));
    if (!p.waitForStarted())
        return 0;
    const qint64 pid = p.processId(); // 0 again once it has finished
    p.waitForFinished();
    return pid;
}

} // namespace

class TestProjectLock : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_path = m_dir->filePath(QStringLiteral("p.newscoder"));
        Project::create(m_path, defaultNewsCodebook()).reset();
        QVERIFY(!QFileInfo::exists(lockPath()));
    }

    void leftoverLockFilesAreTakenOver_data()
    {
        QTest::addColumn<QByteArray>("contents");
        QTest::addColumn<QString>("said");
        QTest::newRow("empty") << QByteArray() << QStringLiteral("an empty or unreadable lock file");
        QTest::newRow("garbage") << QByteArray("\x01\xff\x00zz\n", 6) << QStringLiteral("an empty or unreadable");
        QTest::newRow("a dead process of an older Newscoder (QLockFile)")
            << QByteArray("999999999\nnewscoder\nsomehost\n{2c5f3d3e-0000-0000-0000-000000000000}\n")
            << QStringLiteral("newscoder, process 999999999 on somehost, which ended");
        QTest::newRow("a dead process, with its start")
            << QByteArray("4242\nnewscoder-cli\nother-host\n2026-01-02T03:04:05Z\n")
            << QStringLiteral("newscoder-cli, process 4242 on other-host, since 2026-01-02 03:04:05 UTC");
        // The holder is whoever holds the OS lock, not what the file says: a
        // file naming this very (live) process but held by nobody is stale too.
        QTest::newRow("a live pid nobody holds it for")
            << (QByteArray::number(QCoreApplication::applicationPid()) + "\nnewscoder\n"
                + QSysInfo::machineHostName().toUtf8() + "\n")
            << QStringLiteral("was cleared");
    }

    void leftoverLockFilesAreTakenOver()
    {
        QFETCH(QByteArray, contents);
        QFETCH(QString, said);
        QVERIFY(writeFile(lockPath(), contents));
        {
            auto store = ProjectStore::open(m_path);
            QVERIFY2(store->lockNotice().startsWith(QStringLiteral("A stale lock of ")), qPrintable(store->lockNotice()));
            QVERIFY2(store->lockNotice().contains(said), qPrintable(store->lockNotice()));
            // The file now names this process.
            const ProjectLock::Holder holder = ProjectLock::readHolder(readLockFile());
            QCOMPARE(holder.pid, QCoreApplication::applicationPid());
            QCOMPARE(holder.host, QSysInfo::machineHostName());
            QCOMPARE(holder.app, QCoreApplication::applicationName());
            QVERIFY(qAbs(holder.since.secsTo(QDateTime::currentDateTimeUtc())) < 60);
            Code extra = makeCode();
            extra.id = QUuid::createUuid();
            store->insertCode(extra); // it writes
            QVERIFY(store->code(extra.id));
        }
        QVERIFY(!QFileInfo::exists(lockPath()));
        QVERIFY(ProjectStore::open(m_path)->lockNotice().isEmpty()); // a clean close leaves nothing to clear
    }

    void aHeldLockNamesItsHolder()
    {
        auto first = ProjectStore::open(m_path);
        QVERIFY(first->lockNotice().isEmpty());
        try {
            ProjectStore::open(m_path);
            QFAIL("a second writer must be refused, in this process too");
        } catch (const StoreError &e) {
            QCOMPARE(e.kind(), StoreError::Kind::Locked);
            const QString expected = QStringLiteral("(%1, process %2 on %3, since ")
                                         .arg(QCoreApplication::applicationName())
                                         .arg(QCoreApplication::applicationPid())
                                         .arg(QSysInfo::machineHostName());
            QVERIFY2(e.message().contains(expected), qPrintable(e.message()));
            QVERIFY2(e.message().contains(QStringLiteral("You can open it read-only.")), qPrintable(e.message()));
        }
        // The refused attempt neither broke nor emptied the holder's file.
        QCOMPARE(ProjectLock::readHolder(readLockFile()).pid, QCoreApplication::applicationPid());
        QCOMPARE(ProjectStore::open(m_path, ProjectAccess::ReadOnly)->codes().size(),
                 defaultNewsCodebook().size());
        first.reset();
        QVERIFY(!QFileInfo::exists(lockPath()));
        QVERIFY(ProjectStore::open(m_path)->lockNotice().isEmpty());
    }

    void aLockFileEmptiedUnderAHolderStillLocks()
    {
        auto first = ProjectStore::open(m_path);
        QVERIFY(writeFile(lockPath(), QByteArray())); // what the holder says is gone; its lock is not
        try {
            ProjectStore::open(m_path);
            QFAIL("the holder's OS lock must still refuse a second writer");
        } catch (const StoreError &e) {
            QCOMPARE(e.kind(), StoreError::Kind::Locked);
            QVERIFY2(e.message().contains(QStringLiteral("just opening it")), qPrintable(e.message()));
        }
    }

    void aRemovedLockFileIsNotSharedByTwoWriters()
    {
        // Someone deletes the holder's lock file by hand: the next writer
        // makes a new one and wins, and the first one's close leaves it alone.
        auto first = ProjectStore::open(m_path);
        QVERIFY(QFile::remove(lockPath()));
        auto second = ProjectStore::open(m_path);
        first.reset();
        QVERIFY(QFileInfo::exists(lockPath()));
        QCOMPARE(ProjectLock::readHolder(readLockFile()).pid, QCoreApplication::applicationPid());
        QVERIFY_THROWS_EXCEPTION(StoreError, ProjectStore::open(m_path));
        second.reset();
        QVERIFY(!QFileInfo::exists(lockPath()));
    }

    void staleCreationLeftoversAreRemoved()
    {
        const QString folder = m_dir->path();
        const QString live = QString::number(QCoreApplication::applicationPid());
        const QString dead = QString::number(endedPid());
        QVERIFY(dead != QLatin1String("0"));
        const QString tag = hostTag();
        const QStringList deadFiles = {
            QStringLiteral(".newscoder-new-%1-%2-aB3dE9").arg(tag, dead),
            QStringLiteral(".newscoder-new-%1-%2-aB3dE9-journal").arg(tag, dead),
            QStringLiteral(".newscoder-new-%1-%2-Zz0011-wal").arg(tag, dead), // its file already gone
        };
        const QString inProgress = QStringLiteral(".newscoder-new-%1-%2-Q1w2E3").arg(tag, live);
        const QString otherHost = QStringLiteral(".newscoder-new-0badc0de-%1-R4t5Y6").arg(dead);
        const QString oldOtherHost = QStringLiteral(".newscoder-new-0badc0de-%1-U7i8O9").arg(dead);
        const QString oldStyle = QStringLiteral(".newscoder-new-Ab12Cd");
        const QString oldStyleJournal = oldStyle + QStringLiteral("-journal");
        const QString freshOldStyle = QStringLiteral(".newscoder-new-Ef34Gh");
        for (const QString &name : deadFiles + QStringList{inProgress, otherHost, oldOtherHost, oldStyle,
                                                           oldStyleJournal, freshOldStyle})
            QVERIFY(writeFile(m_dir->filePath(name), "x"));
        const QDateTime longAgo = QDateTime::currentDateTimeUtc().addSecs(-(creation::StaleAfterSeconds + 60));
        for (const QString &name : {oldOtherHost, oldStyle, oldStyleJournal}) {
            QFile file(m_dir->filePath(name));
            QVERIFY(file.open(QIODevice::ReadWrite));
            QVERIFY(file.setFileTime(longAgo, QFileDevice::FileModificationTime));
        }

        QStringList expected = deadFiles + QStringList{oldOtherHost, oldStyle, oldStyleJournal};
        expected.sort();
        QCOMPARE(creation::removeStaleLeftovers(folder), expected);
        QStringList kept = QStringList{inProgress, otherHost, freshOldStyle};
        kept.sort();
        QCOMPARE(folderEntries(folder).filter(QStringLiteral(".newscoder-new-")), kept);
        // Creating a project in the folder keeps someone else's creation in progress.
        Project::create(m_dir->filePath(QStringLiteral("q.newscoder")), {}).reset();
        QCOMPARE(folderEntries(folder).filter(QStringLiteral(".newscoder-new-")), kept);
        // Ten minutes later, nothing untouched that long is anyone's creation in progress.
        QCOMPARE(creation::removeStaleLeftovers(folder, QDateTime::currentDateTimeUtc().addSecs(
                                                            creation::StaleAfterSeconds + 60)),
                 kept);
        QCOMPARE(folderEntries(folder).filter(QStringLiteral(".newscoder-new-")), QStringList());
    }

    void createWritesTheCodebookItWasGiven()
    {
        // Empty, default and a given codebook: all written before the file appears.
        const QString empty = m_dir->filePath(QStringLiteral("empty.newscoder"));
        QCOMPARE(Project::create(empty, {})->codes().size(), 0);
        Code parent = makeCode();
        parent.id = QUuid::createUuid();
        parent.position = 0;
        Code child = makeCode();
        child.name = QStringLiteral("Child");
        child.parentId = parent.id;
        child.position = 1;
        const QString given = m_dir->filePath(QStringLiteral("given.newscoder"));
        {
            auto project = Project::create(given, {parent, child});
            QCOMPARE(project->codes().size(), 2);
            QCOMPARE(project->undoStack()->count(), 0); // setup, not an edit
        }
        QCOMPARE(reader(given)->codes().size(), 2);
        QCOMPARE(reader(m_path)->codes().size(), defaultNewsCodebook().size());
        // A codebook that cannot be written leaves no file and no leftovers.
        Code orphan = makeCode();
        orphan.parentId = QUuid::createUuid(); // no such parent: the foreign key refuses it
        const QString bad = m_dir->filePath(QStringLiteral("bad.newscoder"));
        QVERIFY_THROWS_EXCEPTION(StoreError, Project::create(bad, {orphan}));
        QVERIFY(!QFileInfo::exists(bad));
        QCOMPARE(folderEntries(m_dir->path()).filter(QStringLiteral(".newscoder-new-")), QStringList());
    }

private:
    QString lockPath() const { return m_path + QStringLiteral(".lock"); }
    QByteArray readLockFile() const
    {
        QFile file(lockPath());
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }
    static Code makeCode()
    {
        Code c;
        c.name = QStringLiteral("Extra");
        c.color = QColor(QStringLiteral("#336699"));
        return c;
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
};

QTEST_GUILESS_MAIN(TestProjectLock)
#include "tst_projectlock.moc"
