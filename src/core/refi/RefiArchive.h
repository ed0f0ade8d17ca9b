#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

class KZip;
class KZipFileEntry;
class QIODevice;

namespace newscoder::refi {

// Caps checked on the central directory before anything is extracted, and
// again while reading (an entry may not hold more than it declares).
struct ArchiveLimits
{
    qint64 maxTotalBytes = qint64(1) << 30;      // 1 GiB uncompressed in all
    qint64 maxEntryBytes = qint64(512) << 20;    // 512 MiB for one entry
    double maxRatio = 200.0;                     // uncompressed / compressed
    qint64 ratioFloorBytes = qint64(1) << 20;    // ratios count above 1 MiB
    int maxEntries = 200000;
};

// A zip archive (a .qdpx, or a .docx inside one) opened for reading through
// KF6 Archive. open() refuses hostile or broken archives with a message:
// paths escaping the archive (`..`, absolute paths, drive letters),
// symbolic links, encrypted entries, sizes or compression ratios above the
// caps, unreadable or corrupt archives. Entries are found by path ignoring
// case ("Sources/x.txt" == "sources/X.TXT").
class ArchiveReader
{
public:
    ArchiveReader();
    ~ArchiveReader();
    ArchiveReader(const ArchiveReader &) = delete;
    ArchiveReader &operator=(const ArchiveReader &) = delete;

    bool open(const QString &path, const ArchiveLimits &limits = {});
    bool openData(const QByteArray &data, const ArchiveLimits &limits = {});
    QString error() const { return m_error; }

    // Every file entry's path as stored ("sources/ABC.txt").
    QStringList files() const;
    bool contains(const QString &path) const;
    // The entry's bytes; nullopt + error() when missing, larger than it
    // declared, or failing its checksum.
    std::optional<QByteArray> read(const QString &path);

private:
    bool openDevice(std::unique_ptr<QIODevice> zipDevice, std::unique_ptr<QIODevice> rawDevice,
                    const ArchiveLimits &limits);
    bool check(const ArchiveLimits &limits);
    bool fail(const QString &message);

    std::unique_ptr<QIODevice> m_zipDevice;
    std::unique_ptr<QIODevice> m_rawDevice; // a second view for header flags
    std::unique_ptr<KZip> m_zip;
    QHash<QString, const KZipFileEntry *> m_entries; // lower-case path → entry
    QString m_error;
};

// True when `path` is safe inside an archive: relative, no `..` segment,
// no drive letter, no backslash tricks, no NUL.
bool isSafeArchivePath(const QString &path);

// Writes a zip archive through KF6 Archive into `path` with QSaveFile
// (all or nothing). Every entry gets `timestamp`, so equal input gives
// equal bytes.
bool writeArchive(const QString &path, const QList<QPair<QString, QByteArray>> &entries,
                  const QDateTime &timestamp, QString *error);

quint32 crc32Of(const QByteArray &data);

} // namespace newscoder::refi
