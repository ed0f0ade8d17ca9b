// Rows for merging coder packages and projects of one study
// (MergeRows.cpp): merge bases, every article's text in one query, and
// trimming a fresh copy of a master down to one coder's package. Like
// DatasetReader, it works on a store's own connection.
#pragma once

#include "storage/ProjectStore.h"

#include <QHash>
#include <QString>
#include <QStringList>

#include <functional>

namespace newscoder {

class MergeRows
{
public:
    explicit MergeRows(const ProjectStore &store) : m_store(store) {}

    // What `sourceId` looked like when last merged or packaged: unit → fingerprint.
    QHash<QString, QString> mergeBase(const QString &sourceId) const;
    // Every article's text, one query, in id order.
    void forEachDocumentText(const std::function<void(const QUuid &, const QString &)> &visit) const;

    // Writes (the store must be writable and in a WriteTransaction).
    static void replaceMergeBase(ProjectStore &store, const QString &sourceId,
                                 const QHash<QString, QString> &fingerprints);
    // Writes (inserts or replaces) and drops single entries of a base.
    static void changeMergeBase(ProjectStore &store, const QString &sourceId, const QHash<QString, QString> &write,
                                const QStringList &remove);
    // Only `documentIds`, only `coderId`'s annotations, variables and
    // assignments; no decisions, reliability samples, merge bases or other coders.
    static void trimToCoderPackage(ProjectStore &store, const QUuid &coderId, const QList<QUuid> &documentIds);

private:
    const ProjectStore &m_store;
};

} // namespace newscoder
