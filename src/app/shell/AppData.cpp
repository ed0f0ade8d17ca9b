#include "shell/AppData.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

namespace newscoder::shell {

namespace {

QString sharedDataDirectory()
{
    return QDir(QCoreApplication::applicationDirPath()).absoluteFilePath(QStringLiteral("../share/newscoder"));
}

const QString SampleFileName = QStringLiteral("Newscoder sample.newscoder");

} // namespace

QString guideDirectory()
{
    QStringList candidates{QDir(sharedDataDirectory()).absoluteFilePath(QStringLiteral("docs"))};
#ifdef NEWSCODER_SOURCE_DOCS_DIR
    candidates.append(QStringLiteral(NEWSCODER_SOURCE_DOCS_DIR));
#endif
    for (const QString &dir : std::as_const(candidates)) {
        if (QFileInfo::exists(QDir(dir).filePath(QStringLiteral("index.md"))))
            return QDir::cleanPath(dir);
    }
    return {};
}

QString guideIndex()
{
    const QString dir = guideDirectory();
    return dir.isEmpty() ? QString() : QDir(dir).filePath(QStringLiteral("index.md"));
}

QString sampleTemplate()
{
    const QString path = QDir::cleanPath(QDir(sharedDataDirectory()).filePath(QStringLiteral("sample.newscoder")));
    return QFileInfo::exists(path) ? path : QString();
}

SampleCopy prepareSampleProject(const QString &folder)
{
    SampleCopy result;
    const QString dir = folder.isEmpty() ? QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) : folder;
    result.path = QDir(dir).filePath(SampleFileName);
    if (QFileInfo::exists(result.path))
        return result;
    const QString source = sampleTemplate();
    if (source.isEmpty()) {
        result.error = QCoreApplication::translate(
            "newscoder::shell", "The sample project is not installed (looked for %1).")
                           .arg(QDir::cleanPath(QDir(sharedDataDirectory()).filePath(QStringLiteral("sample.newscoder"))));
        return result;
    }
    if (!QDir().mkpath(dir)) {
        result.error = QCoreApplication::translate("newscoder::shell", "Cannot create the folder %1.").arg(dir);
        return result;
    }
    // Copied under a temporary name and renamed: never a half-copied project.
    const QString partial = result.path + QStringLiteral(".partial");
    QFile::remove(partial);
    if (!QFile::copy(source, partial) || !QFile::rename(partial, result.path)) {
        QFile::remove(partial);
        result.error = QCoreApplication::translate("newscoder::shell", "Cannot copy the sample project to %1.")
                           .arg(result.path);
        return result;
    }
    QFile(result.path).setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther);
    result.created = true;
    return result;
}

} // namespace newscoder::shell
