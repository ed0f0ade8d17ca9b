#include "io/ArticleFileCollector.h"

#include "io/ArticleFileReader.h" // maxArticleFileBytes

#include <QDir>
#include <QFileInfo>
#include <QSet>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace newscoder {

namespace {

constexpr int kMaxFolderDepth = 64;

QString displayPath(const QFileInfo &fi)
{
    return QDir::cleanPath(fi.absoluteFilePath());
}

bool hasArticleExtension(const QFileInfo &fi)
{
    static const QStringList suffixes{u"txt"_s, u"text"_s, u"md"_s, u"html"_s, u"htm"_s, u"xhtml"_s, u"shtml"_s,
                                      u"docx"_s, u"odt"_s, u"pdf"_s, u"rtf"_s, u"csv"_s, u"tsv"_s, u"tab"_s,
                                      u"jsonl"_s, u"ndjson"_s, u"xlsx"_s};
    const QString suffix = fi.suffix().toLower();
    return suffix.isEmpty() || suffixes.contains(suffix);
}

class Collector
{
public:
    void addExplicit(const QString &path)
    {
        if (path.trimmed().isEmpty()) {
            skip(path, u"empty path"_s);
            return;
        }
        const QFileInfo fi(path);
        if (fi.isSymLink() && !fi.exists())
            skip(displayPath(fi), u"broken symbolic link"_s);
        else if (!fi.exists())
            skip(path, u"not found"_s);
        else if (fi.isDir())
            walk(fi, 0);
        else
            addFile(fi);
    }

    CollectedFiles finish()
    {
        std::stable_sort(m_out.files.begin(), m_out.files.end(),
                         [](const ImportCandidate &a, const ImportCandidate &b) { return a.path < b.path; });
        std::stable_sort(m_out.skipped.begin(), m_out.skipped.end(),
                         [](const auto &a, const auto &b) { return a.first < b.first; });
        return std::move(m_out);
    }

private:
    void skip(const QString &path, const QString &reason) { m_out.skipped.append({path, reason}); }

    void addFile(const QFileInfo &fi)
    {
        if (!fi.isFile()) {
            skip(displayPath(fi), u"not a regular file"_s);
            return;
        }
        const QString canonical = fi.canonicalFilePath();
        if (m_seenFiles.contains(canonical))
            return;
        m_seenFiles.insert(canonical);
        if (!fi.isReadable()) {
            skip(displayPath(fi), u"not readable (permission denied)"_s);
            return;
        }
        const qint64 limit = maxArticleFileBytes(fi.fileName());
        if (fi.size() > limit) {
            skip(displayPath(fi), u"larger than %1 MiB (%2 MiB)"_s.arg(limit >> 20).arg(
                                      double(fi.size()) / (1024.0 * 1024.0), 0, 'f', 1));
            return;
        }
        m_out.files.append({displayPath(fi), fi.size()});
    }

    void walk(const QFileInfo &dirInfo, int depth)
    {
        const QString canonical = dirInfo.canonicalFilePath();
        if (m_ancestors.contains(canonical)) {
            skip(displayPath(dirInfo), u"symbolic link loop"_s);
            return;
        }
        if (m_walkedDirs.contains(canonical))
            return; // reached before through another path; its files are already listed
        if (depth > kMaxFolderDepth) {
            skip(displayPath(dirInfo), u"folders nested too deeply"_s);
            return;
        }
        if (!dirInfo.isReadable() || !dirInfo.isExecutable()) {
            skip(displayPath(dirInfo), u"folder not readable (permission denied)"_s);
            return;
        }
        m_walkedDirs.insert(canonical);
        m_ancestors.append(canonical);
        const QDir dir(dirInfo.absoluteFilePath());
        const QFileInfoList entries = dir.entryInfoList(
            QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System, QDir::Name);
        for (const QFileInfo &entry : entries) {
            if (entry.isHidden())
                skip(displayPath(entry), entry.isDir() ? u"hidden folder"_s : u"hidden file"_s);
            else if (entry.isSymLink() && !entry.exists())
                skip(displayPath(entry), u"broken symbolic link"_s);
            else if (entry.isDir())
                walk(entry, depth + 1);
            else if (!entry.isFile())
                skip(displayPath(entry), u"not a regular file"_s);
            else if (!hasArticleExtension(entry))
                skip(displayPath(entry), u"not a format Newscoder reads (.%1)"_s.arg(entry.suffix()));
            else
                addFile(entry);
        }
        m_ancestors.removeLast();
    }

    CollectedFiles m_out;
    QSet<QString> m_seenFiles;  // canonical file paths
    QSet<QString> m_walkedDirs; // canonical folder paths
    QStringList m_ancestors;    // canonical paths of the folders being walked
};

} // namespace

CollectedFiles collectArticleFiles(const QStringList &paths)
{
    Collector collector;
    for (const QString &path : paths)
        collector.addExplicit(path);
    return collector.finish();
}

} // namespace newscoder
