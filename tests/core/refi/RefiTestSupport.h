// Helpers of the REFI-QDA tests: archives built by the tests themselves (in
// the layouts peer tools write), schema validation with xmllint, and the
// shared folder with the official schemas and the real corpus.
#pragma once

#include "refi/RefiArchive.h"

#include <KZip>

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QString>
#include <QTest>

#include <utility>
#include "TestPaths.h"

namespace newscoder::test {

inline QString sharedDir()
{
    return qEnvironmentVariableIsSet("NEWSCODER_SHARED_DIR") ? qEnvironmentVariable("NEWSCODER_SHARED_DIR")
                                                             : QStringLiteral(NEWSCODER_DEFAULT_SHARED_DIR);
}

inline bool runningInCi()
{
    return qEnvironmentVariable("CI") == QLatin1String("true");
}

// Entries of a test archive, written as given (names are not checked, so
// hostile names can be built too).
struct ZipEntry
{
    QString name;
    QByteArray data;
    bool symlink = false;
    // Stored under exactly this name (written under a placeholder of the
    // same length, then patched in the headers): names KZip would clean.
    QByteArray rawName = {};
};

inline QByteArray buildZip(const QList<ZipEntry> &entries)
{
    QBuffer buffer;
    {
        KZip zip(&buffer);
        zip.setCompression(KZip::DeflateCompression);
        if (!zip.open(QIODevice::WriteOnly))
            return {};
        const QDateTime t(QDate(2024, 5, 1), QTime(12, 0));
        int n = 0;
        for (const ZipEntry &e : entries) {
            const QString name = e.rawName.isEmpty()
                                     ? e.name
                                     : QStringLiteral("p%1").arg(++n).leftJustified(int(e.rawName.size()), u'q');
            if (e.symlink)
                zip.writeSymLink(name, QString::fromUtf8(e.data), QString(), QString(), 0120777, t, t, t);
            else
                zip.writeFile(name, e.data, 0100644, QString(), QString(), t, t, t);
        }
        zip.close();
    }
    QByteArray bytes = buffer.data();
    int n = 0;
    for (const ZipEntry &e : entries) {
        if (!e.rawName.isEmpty())
            bytes.replace(QStringLiteral("p%1").arg(++n).leftJustified(int(e.rawName.size()), u'q').toUtf8(), e.rawName);
    }
    return bytes;
}

inline bool writeBytes(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

// Validates `xml` against one of the official schemas with xmllint; returns
// "" when valid, else xmllint's complaint.
inline QString xsdProblem(const QByteArray &xml, const QString &schemaFile, const QString &scratchDir)
{
    const QString schema = sharedDir() + QStringLiteral("/refi-qda/") + schemaFile;
    const QString file = scratchDir + QStringLiteral("/validate-") + schemaFile + QStringLiteral(".xml");
    if (!writeBytes(file, xml))
        return QStringLiteral("cannot write %1").arg(file);
    QProcess p;
    p.start(QStringLiteral("xmllint"), {QStringLiteral("--noout"), QStringLiteral("--nonet"), QStringLiteral("--schema"),
                                        schema, file});
    if (!p.waitForFinished(60000))
        return QStringLiteral("xmllint did not run: ") + p.errorString();
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
        return QString::fromUtf8(p.readAllStandardError()).left(3000);
    return {};
}

// Skips (or fails under CI=true) when the official schemas are absent.
#define REFI_REQUIRE_SCHEMAS()                                                                                        \
    do {                                                                                                             \
        if (!QFile::exists(newscoder::test::sharedDir() + QStringLiteral("/refi-qda/Project.xsd"))) {               \
            if (newscoder::test::runningInCi())                                                                      \
                QFAIL("REFI-QDA schemas missing under NEWSCODER_SHARED_DIR with CI=true");                           \
            QSKIP("REFI-QDA schemas not available (set NEWSCODER_SHARED_DIR)");                                      \
        }                                                                                                            \
    } while (false)

// Code point and UTF-16 positions of `needle` in `raw` (the text as the
// peer's file holds it, BOM excluded), counted independently of the code
// under test.
inline qint64 codePointsBefore(const QString &raw, qsizetype utf16Index)
{
    return raw.left(utf16Index).toUcs4().size();
}

inline QString xmlEscape(const QString &text)
{
    return text.toHtmlEscaped();
}

} // namespace newscoder::test
