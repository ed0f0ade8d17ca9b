#include "study/CoderPackage.h"

#include "storage/MergeRows.h"
#include "storage/ProjectStore.h"
#include "storage/StoreError.h"
#include "study/MergeUnits.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QScopeGuard>
#include <QTemporaryFile>

#include <cstdio>

namespace newscoder::study {

namespace {

void removeDatabaseFiles(const QString &path)
{
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm"), QStringLiteral("-journal")})
        QFile::remove(path + suffix);
}

} // namespace

PackageResult writeCoderPackage(const ProjectReader &master, const QString &coderName, const QString &path)
{
    PackageResult result;
    const std::optional<Coder> coder = master.coderByName(coderName);
    if (!coder) {
        result.error = QStringLiteral("No coder is called %1.").arg(coderName);
        return result;
    }
    QList<QUuid> documents;
    for (const Assignment &a : master.assignments(coder->id))
        documents.append(a.documentId);
    if (documents.isEmpty()) {
        result.error = QStringLiteral("%1 has no assigned articles: assign some first.").arg(coder->name);
        return result;
    }
    const QFileInfo target(path);
    if (!target.absoluteDir().exists()) {
        result.error = QStringLiteral("The folder %1 does not exist.").arg(QDir::toNativeSeparators(target.absolutePath()));
        return result;
    }
    if (target.absoluteFilePath() == QFileInfo(master.path()).absoluteFilePath()) {
        result.error = QStringLiteral("A package cannot replace the project it is made from.");
        return result;
    }
    QString temp;
    {
        QTemporaryFile name(target.absolutePath() + QStringLiteral("/.newscoder-package-XXXXXX.newscoder"));
        if (!name.open()) {
            result.error = QStringLiteral("Cannot write to %1: %2")
                               .arg(QDir::toNativeSeparators(target.absolutePath()), name.errorString());
            return result;
        }
        temp = name.fileName();
    } // removed here: saveCopy writes a new file
    auto cleanup = qScopeGuard([&] { removeDatabaseFiles(temp); });
    try {
        master.saveCopy(temp);
        const QUuid packageId = QUuid::createUuid();
        {
            auto package = ProjectStore::open(temp);
            WriteTransaction tx(*package);
            MergeRows::trimToCoderPackage(*package, coder->id, documents);
            package->writeSetting(PackageIdSetting, idString(packageId));
            package->writeSetting(PackageCoderSetting, idString(coder->id));
            MergeRows::replaceMergeBase(*package, idString(packageId), mergeFingerprints(*package));
            tx.commit();
            result.documents = package->documentCount();
            result.annotations = package->annotationCount();
        }
        // rename(2) replaces an existing file in one step: never a moment without one.
        if (std::rename(QFile::encodeName(temp).constData(), QFile::encodeName(path).constData()) != 0) {
            result.error = QStringLiteral("Cannot write %1.").arg(QDir::toNativeSeparators(path));
            return result;
        }
        result.packageId = packageId;
    } catch (const StoreError &e) {
        result.error = e.message();
    }
    return result;
}

} // namespace newscoder::study
