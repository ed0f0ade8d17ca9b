#pragma once

#include <QDateTime>
#include <QString>

#include <memory>

namespace newscoder {

// The write lock of a project: an OS lock (open-file-description lock, or
// flock where that is missing) held on `PROJECT.lock` through an open file
// descriptor. The kernel drops it when the process ends in any way (exit,
// crash, SIGKILL), so a lock can never outlive its holder; the file itself
// only says who holds it (pid, host, program, since when). A file nobody
// holds a lock on — empty, unreadable, or naming a dead process — is a
// leftover of a process that ended without closing and is taken over.
class ProjectLock
{
public:
    struct Holder
    {
        qint64 pid = 0;
        QString host;
        QString app;
        QDateTime since; // UTC
        bool isKnown() const { return pid > 0; }
        // "newscoder-cli, process 1234 on host, since 2026-12-07 00:10 UTC"
        QString describe() const;
    };

    ~ProjectLock(); // removes the file, then releases the lock
    ProjectLock(const ProjectLock &) = delete;
    ProjectLock &operator=(const ProjectLock &) = delete;

    // Takes the lock on `lockPath` without waiting. Throws StoreError (Kind::Locked)
    // naming the holder when another process (or another store in this process)
    // holds it, or saying why the lock file cannot be used. `shownProject` is
    // the project's path as the messages show it.
    static std::unique_ptr<ProjectLock> acquire(const QString &lockPath, const QString &shownProject);

    QString path() const { return m_path; }
    // When a leftover lock file of an ended process was taken over: a
    // sentence saying so (naming that process when the file did), else empty.
    QString takeOverNotice() const { return m_notice; }

    // Reads a lock file's holder information; unknown (pid 0) when the file is
    // empty, unreadable or not in the expected form.
    static Holder readHolder(const QByteArray &contents);

private:
    ProjectLock(QString path, int fd) : m_path(std::move(path)), m_fd(fd) {}

    QString m_path;
    int m_fd = -1;
    QString m_notice;
};

} // namespace newscoder
