#include "storage/ProjectLock.h"

#include "storage/StoreError.h"
#include "storage/TestKillPoint.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSysInfo>
#include <QTimeZone>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

namespace newscoder {

namespace {

using Kind = StoreError::Kind;

QString errnoText(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}

enum class LockResult { Taken, Held, Failed };

// Tries the OS lock on `fd` without waiting: exclusive (fd open for writing)
// or shared (any fd; used only to probe whether someone holds it). Open file
// description locks belong to this open file, not to the process: a second
// store in the same process conflicts like another process, and closing some
// other descriptor of the file does not drop them. flock where they are missing.
LockResult tryLock(int fd, bool exclusive, int *error)
{
#ifdef F_OFD_SETLK
    struct flock range = {};
    range.l_type = exclusive ? F_WRLCK : F_RDLCK;
    range.l_whence = SEEK_SET;
    if (::fcntl(fd, F_OFD_SETLK, &range) == 0)
        return LockResult::Taken;
    *error = errno;
    if (errno == EAGAIN || errno == EACCES)
        return LockResult::Held;
    if (errno != EINVAL) // EINVAL: a kernel without them; try flock
        return LockResult::Failed;
#endif
    if (::flock(fd, (exclusive ? LOCK_EX : LOCK_SH) | LOCK_NB) == 0)
        return LockResult::Taken;
    *error = errno;
    return errno == EWOULDBLOCK ? LockResult::Held : LockResult::Failed;
}

// Whether the open `fd` and the name `path` are still the same file (a holder
// that was closing may have removed the name after we opened it).
bool isSameFile(int fd, const QByteArray &path)
{
    struct stat opened = {}, named = {};
    return ::fstat(fd, &opened) == 0 && ::stat(path.constData(), &named) == 0 && opened.st_dev == named.st_dev
           && opened.st_ino == named.st_ino;
}

QByteArray readAll(int fd)
{
    QByteArray contents;
    char buffer[1024];
    for (off_t at = 0; contents.size() < 64 * 1024;) {
        const ssize_t n = ::pread(fd, buffer, sizeof buffer, at);
        if (n <= 0)
            break;
        contents.append(buffer, n);
        at += n;
    }
    return contents;
}

QString appName()
{
    const QString name = QCoreApplication::applicationName();
    return name.isEmpty() ? QStringLiteral("newscoder") : name;
}

StoreError lockedError(const QString &shown, const ProjectLock::Holder &holder)
{
    const QString who = holder.isKnown() ? holder.describe()
                                         : QStringLiteral("a process that is just opening it; try again in a moment");
    return StoreError(Kind::Locked, QStringLiteral("%1 is already open for editing in another Newscoder (%2). "
                                                   "You can open it read-only.")
                                        .arg(shown, who));
}

StoreError cannotLockError(const QString &shown, const QString &lockPath, const QString &reason)
{
    return StoreError(Kind::Locked, QStringLiteral("%1 cannot be locked for editing: %2 (%3). "
                                                   "You can open it read-only.")
                                        .arg(shown, reason, QDir::toNativeSeparators(lockPath)));
}

QString staleLockNotice(const QString &shown, const ProjectLock::Holder &previous)
{
    if (!previous.isKnown())
        return QStringLiteral("A stale lock of %1 (an empty or unreadable lock file, left by a Newscoder that "
                              "ended while opening it) was cleared.")
            .arg(shown);
    return QStringLiteral("A stale lock of %1 (%2, which ended without closing it) was cleared.")
        .arg(shown, previous.describe());
}

} // namespace

QString ProjectLock::Holder::describe() const
{
    QString text = QStringLiteral("%1, process %2").arg(app.isEmpty() ? QStringLiteral("newscoder") : app).arg(pid);
    if (!host.isEmpty())
        text += QStringLiteral(" on %1").arg(host);
    if (since.isValid())
        text += QStringLiteral(", since %1 UTC").arg(since.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
    return text;
}

// Lines: pid, program, host, start of the lock (ISO 8601 UTC). The first three
// are QLockFile's order, so a lock file of an older Newscoder names its holder too.
ProjectLock::Holder ProjectLock::readHolder(const QByteArray &contents)
{
    Holder holder;
    const QList<QByteArray> lines = contents.split('\n');
    bool ok = false;
    const qint64 pid = lines.value(0).trimmed().toLongLong(&ok);
    if (!ok || pid <= 0 || lines.size() < 3)
        return holder;
    holder.pid = pid;
    holder.app = QString::fromUtf8(lines.value(1)).trimmed();
    holder.host = QString::fromUtf8(lines.value(2)).trimmed();
    holder.since = QDateTime::fromString(QString::fromUtf8(lines.value(3)).trimmed(), Qt::ISODate);
    return holder;
}

std::unique_ptr<ProjectLock> ProjectLock::acquire(const QString &lockPath, const QString &shownProject)
{
    const QByteArray native = QFile::encodeName(lockPath);
    QString notice;
    for (int attempt = 0; attempt < 16; ++attempt) {
        bool leftover = false;
        int fd = ::open(native.constData(), O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
        if (fd < 0 && errno == EEXIST) {
            leftover = true;
            fd = ::open(native.constData(), O_RDWR | O_CLOEXEC);
        }
        if (fd < 0) {
            const int error = errno;
            if (error == ENOENT)
                continue; // removed between the two opens: its holder just closed
            if (leftover && (error == EACCES || error == EPERM)) {
                // Not writable for us (another user's, or write-protected): if
                // nobody holds it, it is a leftover and its name can go.
                const int probe = ::open(native.constData(), O_RDONLY | O_CLOEXEC);
                if (probe >= 0) {
                    int probeError = 0;
                    const LockResult result = tryLock(probe, false, &probeError);
                    const Holder holder = readHolder(readAll(probe));
                    if (result == LockResult::Held) {
                        ::close(probe);
                        throw lockedError(shownProject, holder);
                    }
                    const bool removed = result == LockResult::Taken && ::unlink(native.constData()) == 0;
                    ::close(probe);
                    if (removed) {
                        notice = staleLockNotice(shownProject, holder);
                        continue;
                    }
                }
            }
            throw cannotLockError(shownProject, lockPath,
                                  QStringLiteral("cannot use the lock file: %1").arg(errnoText(error)));
        }
        testKillPoint("lock-after-create");
        int error = 0;
        const LockResult result = tryLock(fd, true, &error);
        if (result != LockResult::Taken) {
            const Holder holder = readHolder(readAll(fd));
            ::close(fd);
            if (result == LockResult::Held)
                throw lockedError(shownProject, holder);
            throw cannotLockError(shownProject, lockPath,
                                  QStringLiteral("the file system refuses locks: %1").arg(errnoText(error)));
        }
        if (!isSameFile(fd, native)) { // its holder removed it while closing: start again
            ::close(fd);
            continue;
        }
        std::unique_ptr<ProjectLock> lock(new ProjectLock(lockPath, fd));
        if (leftover) // nobody held it: whatever it says, its process has ended
            notice = staleLockNotice(shownProject, readHolder(readAll(fd)));
        lock->m_notice = notice;
        const QByteArray contents = QByteArray::number(QCoreApplication::applicationPid()) + '\n'
                                    + appName().toUtf8() + '\n' + QSysInfo::machineHostName().toUtf8() + '\n'
                                    + QDateTime::currentDateTimeUtc().toString(Qt::ISODate).toUtf8() + '\n';
        // The text only informs; the lock is the kernel's. Failing to write it is harmless.
        if (::ftruncate(fd, 0) == 0 && ::lseek(fd, 0, SEEK_SET) == 0) {
            [[maybe_unused]] const ssize_t written = ::write(fd, contents.constData(), contents.size());
        }
        testKillPoint("lock-after-write");
        return lock;
    }
    throw cannotLockError(shownProject, lockPath, QStringLiteral("the lock file keeps changing"));
}

ProjectLock::~ProjectLock()
{
    // Remove the name while still holding the lock, then let go: a process
    // that opened the old file meanwhile sees that it was replaced and retries.
    if (isSameFile(m_fd, QFile::encodeName(m_path)))
        ::unlink(QFile::encodeName(m_path).constData());
    ::close(m_fd);
}

} // namespace newscoder
