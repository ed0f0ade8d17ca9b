#include "io/ArticleFileCollector.h"
#include "io/ArticleTextParser.h"
#include "io/OfficeArticleReader.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#ifdef Q_OS_UNIX
#include <sys/stat.h>
#include <unistd.h>

#include <QScopeGuard>
#endif

using namespace Qt::StringLiterals;
using newscoder::collectArticleFiles;
using newscoder::CollectedFiles;

namespace {

#ifdef Q_OS_UNIX
constexpr uid_t kNobody = 65534; // the unprivileged user "nobody"
#endif

bool writeFile(const QString &path, const QByteArray &content = "Port reopens after storm\n")
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(content) == content.size();
}

QStringList filePaths(const CollectedFiles &c)
{
    QStringList out;
    for (const auto &file : c.files)
        out << file.path;
    return out;
}

QString reasonFor(const CollectedFiles &c, const QString &path)
{
    for (const auto &[skippedPath, reason] : c.skipped) {
        if (skippedPath == path)
            return reason;
    }
    return {};
}

} // namespace

class TestArticleFileCollector : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.emplace().isValid());
        m_root = QDir::cleanPath(m_dir->path());
    }
    void cleanup() { m_dir.reset(); }

    void folderRecursion()
    {
        for (const char *name : {"a.txt", "b.md", "c.TEXT", "noext", "sub/e.txt", "sub/deeper/f.txt", "page.html",
                                 "sub/old.HTM", "w.docx", "sub/o.odt", "d.pdf"})
            QVERIFY(writeFile(path(name)));
        for (const char *name : {"slides.pptx", "image.png", "archive.tar.gz", "sub/notes.doc"})
            QVERIFY(writeFile(path(name)));
        QVERIFY(writeFile(path(".hidden.txt")));
        QVERIFY(writeFile(path(".git/config.txt")));
        QVERIFY(QDir().mkpath(path("empty-folder")));

        const CollectedFiles c = collectArticleFiles({m_root});
        QCOMPARE(filePaths(c), QStringList({path("a.txt"), path("b.md"), path("c.TEXT"), path("d.pdf"), path("noext"),
                                            path("page.html"), path("sub/deeper/f.txt"), path("sub/e.txt"),
                                            path("sub/o.odt"), path("sub/old.HTM"), path("w.docx")}));
        QCOMPARE(c.files.first().size, qint64(25));
        QCOMPARE(c.skipped.size(), 6);
        QCOMPARE(reasonFor(c, path("slides.pptx")), u"not a format Newscoder reads (.pptx)"_s);
        QCOMPARE(reasonFor(c, path("image.png")), u"not a format Newscoder reads (.png)"_s);
        QCOMPARE(reasonFor(c, path("archive.tar.gz")), u"not a format Newscoder reads (.gz)"_s);
        QCOMPARE(reasonFor(c, path("sub/notes.doc")), u"not a format Newscoder reads (.doc)"_s);
        QCOMPARE(reasonFor(c, path(".hidden.txt")), u"hidden file"_s);
        QCOMPARE(reasonFor(c, path(".git")), u"hidden folder"_s);
        QVERIFY(std::is_sorted(c.skipped.cbegin(), c.skipped.cend(),
                               [](const auto &a, const auto &b) { return a.first < b.first; }));
    }

    void explicitFilesAlwaysAttempted()
    {
        QVERIFY(writeFile(path("d.pdf")));
        QVERIFY(writeFile(path(".hidden.txt")));
        QVERIFY(writeFile(path("z.txt")));
        const CollectedFiles c = collectArticleFiles({path("z.txt"), path("d.pdf"), path(".hidden.txt")});
        QCOMPARE(filePaths(c), QStringList({path(".hidden.txt"), path("d.pdf"), path("z.txt")}));
        QVERIFY(c.skipped.isEmpty());
    }

    void relativePathsBecomeAbsolute()
    {
        QVERIFY(writeFile(path("sub/a.txt")));
        const QString old = QDir::currentPath();
        QVERIFY(QDir::setCurrent(m_root));
        const CollectedFiles c = collectArticleFiles({u"sub/../sub/a.txt"_s});
        QVERIFY(QDir::setCurrent(old));
        QCOMPARE(filePaths(c), QStringList({path("sub/a.txt")}));
    }

    void missingAndEmptyPaths()
    {
        const QString missing = path("nope/missing.txt");
        const CollectedFiles c = collectArticleFiles({missing, QString()});
        QVERIFY(c.files.isEmpty());
        QCOMPARE(c.skipped.size(), 2);
        QCOMPARE(reasonFor(c, missing), u"not found"_s);
        QCOMPARE(reasonFor(c, QString()), u"empty path"_s);
    }

    void deduplicated()
    {
        QVERIFY(writeFile(path("a.txt")));
        QVERIFY(writeFile(path("sub/b.txt")));
        const CollectedFiles c = collectArticleFiles(
            {path("sub/b.txt"), m_root, m_root + u"/"_s, path("sub"), path("sub/../a.txt"), path("a.txt")});
        QCOMPARE(filePaths(c), QStringList({path("a.txt"), path("sub/b.txt")}));
        QVERIFY(c.skipped.isEmpty());
    }

    void sizeLimit()
    {
        QFile big(path("big.txt"));
        QVERIFY(big.open(QIODevice::WriteOnly));
        QVERIFY(big.resize(newscoder::kMaxArticleFileBytes + 1)); // sparse
        big.close();
        QFile limit(path("limit.txt"));
        QVERIFY(limit.open(QIODevice::WriteOnly));
        QVERIFY(limit.resize(newscoder::kMaxArticleFileBytes));
        limit.close();

        for (const QStringList &input :
             {QStringList{m_root}, QStringList{path("big.txt"), path("limit.txt")}}) {
            const CollectedFiles c = collectArticleFiles(input);
            QCOMPARE(filePaths(c), QStringList({path("limit.txt")}));
            QCOMPARE(c.files.first().size, newscoder::kMaxArticleFileBytes);
            QCOMPARE(c.skipped.size(), 1);
            QVERIFY2(reasonFor(c, path("big.txt")).startsWith(u"larger than 20 MiB"_s),
                     qPrintable(reasonFor(c, path("big.txt"))));
        }
    }

    // Word and OpenDocument files carry pictures: they may be larger, up to their own cap.
    void officeSizeLimit()
    {
        for (const auto &[name, size] : {std::pair{"photos.docx", newscoder::kMaxArticleFileBytes + 1},
                                         std::pair{"huge.odt", newscoder::kMaxOfficeFileBytes + 1}}) {
            QFile f(path(name));
            QVERIFY(f.open(QIODevice::WriteOnly));
            QVERIFY(f.resize(size)); // sparse
        }
        const CollectedFiles c = collectArticleFiles({m_root});
        QCOMPARE(filePaths(c), QStringList({path("photos.docx")}));
        QCOMPARE(c.skipped.size(), 1);
        QVERIFY2(reasonFor(c, path("huge.odt")).startsWith(u"larger than 100 MiB"_s),
                 qPrintable(reasonFor(c, path("huge.odt"))));
    }

    void symlinks()
    {
#ifndef Q_OS_UNIX
        QSKIP("symbolic links are tested on Unix only");
#endif
        QVERIFY(writeFile(path("loop/a.txt")));
        QVERIFY(QFile::link(m_root + u"/loop"_s, path("loop/again")));      // loop/again -> loop
        QVERIFY(QFile::link(path("loop/a.txt"), path("loop/alias.txt")));   // same file twice
        QVERIFY(QFile::link(path("nowhere.txt"), path("loop/broken.txt"))); // dangling
        QVERIFY(writeFile(path("other/b.txt")));
        QVERIFY(QFile::link(path("other"), path("loop/other-link"))); // followed once

        const CollectedFiles c = collectArticleFiles({path("loop"), path("other")});
        QCOMPARE(filePaths(c), QStringList({path("loop/a.txt"), path("loop/other-link/b.txt")}));
        QCOMPARE(reasonFor(c, path("loop/again")), u"symbolic link loop"_s);
        QCOMPARE(reasonFor(c, path("loop/broken.txt")), u"broken symbolic link"_s);
        QCOMPARE(c.skipped.size(), 2);

        const CollectedFiles explicitBroken = collectArticleFiles({path("loop/broken.txt")});
        QCOMPARE(reasonFor(explicitBroken, path("loop/broken.txt")), u"broken symbolic link"_s);
    }

    void specialFiles()
    {
#ifdef Q_OS_UNIX
        QVERIFY(QDir().mkpath(path("dir")));
        QVERIFY(::mkfifo(QFile::encodeName(path("dir/pipe.txt")).constData(), 0600) == 0);
        const CollectedFiles c = collectArticleFiles({path("dir"), path("dir/pipe.txt")});
        QVERIFY(c.files.isEmpty());
        QCOMPARE(reasonFor(c, path("dir/pipe.txt")), u"not a regular file"_s);
#else
        QSKIP("FIFOs are tested on Unix only");
#endif
    }

    // Permission denied on a file and on a folder. Root reads everything, so
    // as root (CI) the collector looks at the tree as the unprivileged user
    // "nobody" and switches back afterwards (the saved set-user-ID stays 0).
    void unreadable()
    {
        QVERIFY(writeFile(path("secret/a.txt")));
        QVERIFY(writeFile(path("locked.txt")));
        QVERIFY(QFile::setPermissions(path("locked.txt"), QFileDevice::WriteOwner));
        QVERIFY(QFile::setPermissions(path("secret"), QFileDevice::WriteOwner));
        const auto restore = qScopeGuard([&] {
            QFile::setPermissions(path("secret"),
                                  QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        });
        CollectedFiles c;
#ifdef Q_OS_UNIX
        const bool asRoot = ::geteuid() == 0;
        if (asRoot) {
            // "nobody" must reach the folder: everyone may enter it, the files keep their modes.
            QVERIFY(::chmod(QFile::encodeName(m_root).constData(), 0755) == 0);
            QVERIFY2(::setresuid(kNobody, kNobody, 0) == 0, "cannot act as nobody");
        }
        const auto back = qScopeGuard([&] {
            if (asRoot && ::setresuid(0, 0, 0) != 0)
                qFatal("cannot become root again");
        });
#endif
        QVERIFY2(!QFileInfo(path("locked.txt")).isReadable(), "permissions must be enforced for this test");
        c = collectArticleFiles({m_root});
        QVERIFY(c.files.isEmpty());
        QCOMPARE(reasonFor(c, path("locked.txt")), u"not readable (permission denied)"_s);
        QCOMPARE(reasonFor(c, path("secret")), u"folder not readable (permission denied)"_s);
    }

private:
    QString path(const char *relative) const
    {
        return m_root + u'/' + QString::fromUtf8(relative);
    }
    QString path(const QString &relative) const
    {
        return m_root + u'/' + relative;
    }

    std::optional<QTemporaryDir> m_dir;
    QString m_root;
};

QTEST_GUILESS_MAIN(TestArticleFileCollector)
#include "tst_articlefilecollector.moc"
