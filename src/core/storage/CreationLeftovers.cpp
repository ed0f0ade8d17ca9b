#include "storage/CreationLeftovers.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QSysInfo>
#include <QTimeZone>

#include <cerrno>
#include <csignal>
#include <sys/types.h>

namespace newscoder::creation {

namespace {

const QString Prefix = QStringLiteral(".newscoder-new-");

QString hostTag()
{
    const QByteArray host = QSysInfo::machineHostName().toUtf8();
    return QString::fromLatin1(QCryptographicHash::hash(host, QCryptographicHash::Sha1).toHex().left(8));
}

// The temporary file a leftover belongs to: its name without the SQLite suffix.
QString baseName(const QString &name)
{
    for (const QString &suffix : {QStringLiteral("-journal"), QStringLiteral("-wal"), QStringLiteral("-shm")}) {
        if (name.endsWith(suffix))
            return name.chopped(suffix.size());
    }
    return name;
}

// True when the name says it was made on this host by a process that has ended.
bool creatorHasEnded(const QString &base)
{
    const QStringList parts = base.mid(Prefix.size()).split(u'-');
    if (parts.size() != 3 || parts[0] != hostTag())
        return false;
    bool ok = false;
    const qint64 pid = parts[1].toLongLong(&ok);
    if (!ok || pid <= 0 || pid == QCoreApplication::applicationPid())
        return false;
    return ::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH;
}

} // namespace

QString temporaryTemplate(const QString &folder)
{
    return folder + u'/' + Prefix + hostTag() + u'-' + QString::number(QCoreApplication::applicationPid())
           + QStringLiteral("-XXXXXX");
}

QStringList removeStaleLeftovers(const QString &folder, const QDateTime &now)
{
    const QDir dir(folder);
    const QFileInfoList entries =
        dir.entryInfoList({Prefix + u'*'}, QDir::Files | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot);
    QHash<QString, QFileInfoList> groups;
    for (const QFileInfo &entry : entries)
        groups[baseName(entry.fileName())].append(entry);
    QStringList removed;
    for (auto it = groups.cbegin(); it != groups.cend(); ++it) {
        QDateTime newest;
        for (const QFileInfo &file : it.value()) {
            const QDateTime modified = file.lastModified(QTimeZone::UTC);
            if (!newest.isValid() || modified > newest)
                newest = modified;
        }
        const bool old = newest.isValid() && newest.secsTo(now) > StaleAfterSeconds;
        if (!old && !creatorHasEnded(it.key()))
            continue;
        for (const QFileInfo &file : it.value()) {
            if (QFile::remove(file.absoluteFilePath()))
                removed << file.fileName();
        }
    }
    removed.sort();
    return removed;
}

} // namespace newscoder::creation
