#include "refi/RefiArchive.h"

#include <KZip>

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSaveFile>

#include <array>

namespace newscoder::refi {

namespace {

constexpr int StatTypeMask = 0170000;
constexpr int StatSymlink = 0120000;

const std::array<quint32, 256> &crcTable()
{
    static const std::array<quint32, 256> table = [] {
        std::array<quint32, 256> t{};
        for (quint32 n = 0; n < 256; ++n) {
            quint32 c = n;
            for (int k = 0; k < 8; ++k)
                c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            t[n] = c;
        }
        return t;
    }();
    return table;
}

void collectFiles(const KArchiveDirectory *dir, QList<const KArchiveEntry *> &out)
{
    const QStringList names = dir->entries();
    for (const QString &name : names) {
        const KArchiveEntry *entry = dir->entry(name);
        if (!entry)
            continue;
        if (entry->isDirectory())
            collectFiles(static_cast<const KArchiveDirectory *>(entry), out);
        else
            out.append(entry);
    }
}

QString lookupKey(QString path)
{
    path.replace(u'\\', u'/');
    while (path.startsWith(QLatin1String("./")))
        path.remove(0, 2);
    return path.toLower();
}

} // namespace

quint32 crc32Of(const QByteArray &data)
{
    const auto &table = crcTable();
    quint32 c = 0xFFFFFFFFu;
    for (const char ch : data)
        c = table[(c ^ quint8(ch)) & 0xFFu] ^ (c >> 8);
    return c ^ 0xFFFFFFFFu;
}

bool isSafeArchivePath(const QString &path)
{
    if (path.isEmpty() || path.contains(QChar(0)))
        return false;
    QString p = path;
    p.replace(u'\\', u'/');
    if (p.startsWith(u'/'))
        return false;
    static const QRegularExpression drive(QStringLiteral("^[A-Za-z]:"));
    if (drive.match(p).hasMatch())
        return false;
    const QStringList parts = p.split(u'/');
    for (const QString &part : parts) {
        if (part == QLatin1String(".."))
            return false;
    }
    return true;
}

ArchiveReader::ArchiveReader() = default;
ArchiveReader::~ArchiveReader()
{
    if (m_zip)
        m_zip->close();
}

bool ArchiveReader::fail(const QString &message)
{
    m_error = message;
    m_entries.clear();
    if (m_zip)
        m_zip->close();
    m_zip.reset();
    return false;
}

bool ArchiveReader::open(const QString &path, const ArchiveLimits &limits)
{
    auto zipFile = std::make_unique<QFile>(path);
    auto rawFile = std::make_unique<QFile>(path);
    if (!rawFile->open(QIODevice::ReadOnly))
        return fail(QStringLiteral("Cannot read %1: %2").arg(QDir::toNativeSeparators(path), rawFile->errorString()));
    return openDevice(std::move(zipFile), std::move(rawFile), limits);
}

bool ArchiveReader::openData(const QByteArray &data, const ArchiveLimits &limits)
{
    auto zipBuffer = std::make_unique<QBuffer>();
    zipBuffer->setData(data);
    auto rawBuffer = std::make_unique<QBuffer>();
    rawBuffer->setData(data);
    if (!rawBuffer->open(QIODevice::ReadOnly))
        return fail(QStringLiteral("Cannot read the archive."));
    return openDevice(std::move(zipBuffer), std::move(rawBuffer), limits);
}

bool ArchiveReader::openDevice(std::unique_ptr<QIODevice> zipDevice, std::unique_ptr<QIODevice> rawDevice,
                               const ArchiveLimits &limits)
{
    m_error.clear();
    m_entries.clear();
    m_rawDevice = std::move(rawDevice);
    m_zipDevice = std::move(zipDevice);
    m_zip = std::make_unique<KZip>(m_zipDevice.get());
    if (!m_zip->open(QIODevice::ReadOnly)) {
        const QString why = m_zip->errorString();
        return fail(QStringLiteral("Not a readable zip archive (corrupt or not a REFI-QDA file)%1")
                        .arg(why.isEmpty() ? QString() : QStringLiteral(": ") + why));
    }
    return check(limits);
}

bool ArchiveReader::check(const ArchiveLimits &limits)
{
    QList<const KArchiveEntry *> entries;
    collectFiles(m_zip->directory(), entries);
    if (entries.size() > limits.maxEntries)
        return fail(QStringLiteral("The archive holds %1 entries (more than %2).").arg(entries.size()).arg(limits.maxEntries));
    qint64 total = 0;
    for (const KArchiveEntry *entry : entries) {
        const auto *file = dynamic_cast<const KZipFileEntry *>(entry);
        if (!file)
            return fail(QStringLiteral("The archive entry “%1” is not a file.").arg(entry->name()));
        const QString path = file->path();
        if (!isSafeArchivePath(path))
            return fail(QStringLiteral("The archive entry “%1” points outside the archive; refused.").arg(path));
        if ((file->permissions() & StatTypeMask) == StatSymlink || !file->symLinkTarget().isEmpty())
            return fail(QStringLiteral("The archive entry “%1” is a symbolic link; refused.").arg(path));
        const qint64 size = file->size();
        const qint64 packed = file->compressedSize();
        if (size < 0 || packed < 0)
            return fail(QStringLiteral("The archive entry “%1” has an invalid size (corrupt archive).").arg(path));
        if (size > limits.maxEntryBytes)
            return fail(QStringLiteral("The archive entry “%1” unpacks to %2 bytes (more than the %3 allowed); refused.")
                            .arg(path).arg(size).arg(limits.maxEntryBytes));
        total += size;
        if (total > limits.maxTotalBytes)
            return fail(QStringLiteral("The archive unpacks to more than %1 bytes; refused.").arg(limits.maxTotalBytes));
        if (size > limits.ratioFloorBytes && (packed == 0 || double(size) / double(packed) > limits.maxRatio))
            return fail(QStringLiteral("The archive entry “%1” is compressed %2 to 1 (a zip bomb?); refused.")
                            .arg(path)
                            .arg(packed == 0 ? QStringLiteral("infinitely") : QString::number(size / packed)));
        // Encrypted entries: bit 0 of the local header's general purpose flag.
        char header[8];
        if (!m_rawDevice->seek(file->headerStart()) || m_rawDevice->read(header, 8) != 8
            || QByteArray(header, 4) != QByteArray("PK\x03\x04", 4))
            return fail(QStringLiteral("The archive entry “%1” has no valid header (corrupt archive).").arg(path));
        if (quint8(header[6]) & 0x01)
            return fail(QStringLiteral("The archive is encrypted (entry “%1”); Newscoder cannot read encrypted archives.")
                            .arg(path));
        m_entries.insert(lookupKey(path), file);
    }
    return true;
}

QStringList ArchiveReader::files() const
{
    QStringList out;
    for (const KZipFileEntry *e : m_entries)
        out.append(e->path());
    out.sort();
    return out;
}

bool ArchiveReader::contains(const QString &path) const
{
    return m_entries.contains(lookupKey(path));
}

std::optional<QByteArray> ArchiveReader::read(const QString &path)
{
    const KZipFileEntry *file = m_entries.value(lookupKey(path));
    if (!file) {
        m_error = QStringLiteral("The archive has no file “%1”.").arg(path);
        return std::nullopt;
    }
    std::unique_ptr<QIODevice> device(file->createDevice());
    if (!device) {
        m_error = QStringLiteral("Cannot read “%1” from the archive (corrupt archive).").arg(path);
        return std::nullopt;
    }
    const qint64 declared = file->size();
    QByteArray data;
    data.reserve(qsizetype(declared));
    char chunk[65536];
    while (true) {
        const qint64 n = device->read(chunk, sizeof chunk);
        if (n < 0) {
            m_error = QStringLiteral("Cannot unpack “%1” (corrupt archive).").arg(path);
            return std::nullopt;
        }
        if (n == 0)
            break;
        if (data.size() + n > declared) {
            m_error = QStringLiteral("“%1” holds more than the %2 bytes it declares (corrupt or hostile archive).")
                          .arg(path)
                          .arg(declared);
            return std::nullopt;
        }
        data.append(chunk, n);
    }
    if (data.size() != declared || crc32Of(data) != file->crc32()) {
        m_error = QStringLiteral("“%1” fails its checksum (corrupt archive).").arg(path);
        return std::nullopt;
    }
    return data;
}

bool writeArchive(const QString &path, const QList<QPair<QString, QByteArray>> &entries, const QDateTime &timestamp,
                  QString *error)
{
    QBuffer buffer;
    {
        KZip zip(&buffer);
        zip.setCompression(KZip::DeflateCompression);
        if (!zip.open(QIODevice::WriteOnly)) {
            *error = QStringLiteral("Cannot build the archive: %1").arg(zip.errorString());
            return false;
        }
        for (const auto &[name, data] : entries) {
            if (!zip.writeFile(name, data, 0100644, QString(), QString(), timestamp, timestamp, timestamp)) {
                *error = QStringLiteral("Cannot add %1 to the archive: %2").arg(name, zip.errorString());
                return false;
            }
        }
        if (!zip.close()) {
            *error = QStringLiteral("Cannot finish the archive: %1").arg(zip.errorString());
            return false;
        }
    }
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly) || out.write(buffer.data()) != buffer.data().size() || !out.commit()) {
        *error = QStringLiteral("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), out.errorString());
        return false;
    }
    return true;
}

} // namespace newscoder::refi
