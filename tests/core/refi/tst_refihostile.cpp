// Hostile and broken REFI-QDA files are refused with a clear message and
// nothing is written to the project.
#include "../CoreTestSupport.h"
#include "RefiTestSupport.h"

#include "refi/RefiArchive.h"
#include "refi/RefiImport.h"

#include <QTemporaryDir>
#include <QTest>

using namespace newscoder;
using namespace newscoder::test;

namespace {

const QByteArray GoodText("Port closed at dawn.");

QByteArray projectXml(const QString &sourceAttrs, qint64 start = 0, qint64 end = 4, const QString &prolog = {})
{
    return (QStringLiteral("<?xml version=\"1.0\"?>") + prolog
            + QStringLiteral(
                "<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"x\">"
                "<CodeBook><Codes><Code guid=\"aaaaaaaa-0000-4000-8000-000000000001\" name=\"Port\" isCodable=\"true\"/></Codes></CodeBook>"
                "<Sources><TextSource guid=\"aaaaaaaa-0000-4000-8000-000000000002\" name=\"t\" %1>"
                "<PlainTextSelection guid=\"aaaaaaaa-0000-4000-8000-000000000003\" startPosition=\"%2\" endPosition=\"%3\">"
                "<Coding guid=\"aaaaaaaa-0000-4000-8000-000000000004\"><CodeRef targetGUID=\"aaaaaaaa-0000-4000-8000-000000000001\"/></Coding>"
                "</PlainTextSelection></TextSource></Sources></Project>")
                  .arg(sourceAttrs)
                  .arg(start)
                  .arg(end))
        .toUtf8();
}

QByteArray goodXml()
{
    return projectXml(QStringLiteral("plainTextPath=\"internal://t.txt\""));
}

} // namespace

class TestRefiHostile : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<ProjectFixture> m_fixture;
    int m_case = 0;
    int m_fixtures = 0;

    // Imports `bytes` as a .qdpx (or .qdc); expects a refusal naming `fragment`
    // and an untouched project.
    void expectRefused(const QByteArray &bytes, const QString &fragment, const QString &suffix = QStringLiteral(".qdpx"))
    {
        const QString file = m_dir.filePath(QStringLiteral("hostile%1%2").arg(++m_case).arg(suffix));
        QVERIFY(writeBytes(file, bytes));
        Project &p = *m_fixture->project;
        const int documents = p.reader().documentCount();
        const int annotations = p.reader().annotationCount();
        const auto codes = p.codes().size();
        const int steps = p.undoStack()->count();
        QString error;
        const auto plan = refi::planImport(p, file, {}, &error);
        QVERIFY2(!plan, qPrintable(QStringLiteral("accepted; expected a refusal about: ") + fragment));
        QVERIFY2(error.contains(fragment, Qt::CaseInsensitive),
                 qPrintable(QStringLiteral("message '%1' does not mention '%2'").arg(error, fragment)));
        QCOMPARE(p.reader().documentCount(), documents);
        QCOMPARE(p.reader().annotationCount(), annotations);
        QCOMPARE(p.codes().size(), codes);
        QCOMPARE(p.undoStack()->count(), steps);
        QCOMPARE(QDir(m_dir.path()).entryList({QStringLiteral("evil*"), QStringLiteral("passwd")}).size(), 0);
    }

private Q_SLOTS:
    void init()
    {
        const QString folder = m_dir.path() + QStringLiteral("/project") + QString::number(++m_fixtures);
        QVERIFY(QDir().mkpath(folder));
        m_fixture = std::make_unique<ProjectFixture>(folder);
    }

    void theBaselineIsAccepted()
    {
        const QString file = m_dir.filePath(QStringLiteral("good.qdpx"));
        QVERIFY(writeBytes(file, buildZip({{QStringLiteral("project.qde"), goodXml()},
                                           {QStringLiteral("sources/t.txt"), GoodText}})));
        QString error;
        QVERIFY2(refi::planImport(*m_fixture->project, file, {}, &error), qPrintable(error));
    }

    void pathsEscapingTheArchive_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("dot-dot") << QStringLiteral("../evil.txt");
        QTest::newRow("nested dot-dot") << QStringLiteral("sources/../../evil.txt");
        QTest::newRow("backslash dot-dot") << QStringLiteral("sources\\..\\..\\evil.txt");
        QTest::newRow("drive letter") << QStringLiteral("C:/evil.txt");
        QTest::newRow("drive letter backslash") << QStringLiteral("C:\\Windows\\evil.txt");
    }
    void pathsEscapingTheArchive()
    {
        QFETCH(QString, name);
        expectRefused(buildZip({{QStringLiteral("project.qde"), goodXml()},
                                {QStringLiteral("sources/t.txt"), GoodText},
                                {QString(), QByteArray("x"), false, name.toUtf8()}}),
                      QStringLiteral("outside the archive"));
    }

    void absolutePath()
    {
        QVERIFY(!refi::isSafeArchivePath(QStringLiteral("/etc/evil.txt")));
        QVERIFY(!refi::isSafeArchivePath(QStringLiteral("\\\\server\\share\\evil.txt")));
        QVERIFY(refi::isSafeArchivePath(QStringLiteral("sources/a..b.txt")));
        expectRefused(buildZip({{QStringLiteral("project.qde"), goodXml()},
                                {QStringLiteral("sources/t.txt"), GoodText},
                                {QString(), QByteArray("x"), false, QByteArray("/tmp/evil.txt")}}),
                      QStringLiteral("outside the archive"));
    }

    void symlinks()
    {
        expectRefused(buildZip({{QStringLiteral("project.qde"), goodXml()},
                                {QStringLiteral("sources/t.txt"), QByteArray("/etc/passwd"), true}}),
                      QStringLiteral("symbolic link"));
    }

    void dtdAndExternalEntities()
    {
        const QString xxe = QStringLiteral("<!DOCTYPE Project [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>");
        QByteArray xml = projectXml(QStringLiteral("plainTextPath=\"internal://t.txt\" name=\"&xxe;\""), 0, 4, xxe);
        xml.replace("name=\"t\" ", "");
        expectRefused(buildZip({{QStringLiteral("project.qde"), xml}, {QStringLiteral("sources/t.txt"), GoodText}}),
                      QStringLiteral("DTD"));
        // An undeclared entity without a DTD is not resolved either.
        QByteArray undeclared = goodXml();
        undeclared.replace("name=\"Port\"", "name=\"&ext;\"");
        expectRefused(buildZip({{QStringLiteral("project.qde"), undeclared}, {QStringLiteral("sources/t.txt"), GoodText}}),
                      QStringLiteral("entit"));
    }

    void entityExpansionBomb()
    {
        QString dtd = QStringLiteral("<!DOCTYPE Project [<!ENTITY a0 \"lol\">");
        for (int i = 1; i < 10; ++i)
            dtd += QStringLiteral("<!ENTITY a%1 \"&a%2;&a%2;&a%2;&a%2;&a%2;&a%2;&a%2;&a%2;&a%2;&a%2;\">").arg(i).arg(i - 1);
        dtd += QStringLiteral("]>");
        QByteArray xml = projectXml(QStringLiteral("plainTextPath=\"internal://t.txt\""), 0, 4, dtd);
        xml.replace("name=\"Port\"", "name=\"&a9;\"");
        expectRefused(buildZip({{QStringLiteral("project.qde"), xml}, {QStringLiteral("sources/t.txt"), GoodText}}),
                      QStringLiteral("DTD"));
        // The same in a codebook file.
        QByteArray qdc = "<?xml version=\"1.0\"?>" + dtd.toUtf8()
                         + "<CodeBook xmlns=\"urn:QDA-XML:codebook:1.0\"><Codes><Code guid=\"aaaaaaaa-0000-4000-8000-000000000001\" "
                           "name=\"&a9;\" isCodable=\"true\"/></Codes></CodeBook>";
        expectRefused(qdc, QStringLiteral("DTD"), QStringLiteral(".qdc"));
    }

    void zipBombs()
    {
        // 16 MiB of zeros compress about a thousandfold: refused before unpacking.
        expectRefused(buildZip({{QStringLiteral("project.qde"), goodXml()},
                                {QStringLiteral("sources/t.txt"), GoodText},
                                {QStringLiteral("sources/zeros.txt"), QByteArray(16 << 20, '\0')}}),
                      QStringLiteral("zip bomb"));
        // Caps on the total size, checked on the directory.
        const QString file = m_dir.filePath(QStringLiteral("total.qdpx"));
        QVERIFY(writeBytes(file, buildZip({{QStringLiteral("a.txt"), QByteArray(3000, 'a')},
                                           {QStringLiteral("b.txt"), QByteArray(3000, 'b')}})));
        refi::ArchiveLimits limits;
        limits.maxTotalBytes = 5000;
        refi::ArchiveReader reader;
        QVERIFY(!reader.open(file, limits));
        QVERIFY2(reader.error().contains(QStringLiteral("more than 5000 bytes")), qPrintable(reader.error()));
        limits = {};
        limits.maxEntryBytes = 2000;
        QVERIFY(!reader.open(file, limits));
        QVERIFY(reader.open(file));
    }

    void encryptedArchive()
    {
        QByteArray zip = buildZip({{QStringLiteral("project.qde"), goodXml()}, {QStringLiteral("sources/t.txt"), GoodText}});
        QVERIFY(zip.startsWith("PK\x03\x04"));
        zip[6] = char(zip[6] | 0x01); // general purpose flag, bit 0: encrypted
        expectRefused(zip, QStringLiteral("encrypted"));
    }

    void corruptArchives()
    {
        const QByteArray zip = buildZip({{QStringLiteral("project.qde"), goodXml()}, {QStringLiteral("sources/t.txt"), GoodText}});
        expectRefused(zip.left(zip.size() / 2), QStringLiteral("zip"));
        expectRefused(QByteArray("this is not a zip archive at all"), QStringLiteral("zip"));
        QByteArray flipped = zip;
        const qsizetype at = flipped.indexOf("Port closed");
        if (at < 0) { // compressed: flip a byte inside the first entry's data
            flipped[80] = char(flipped[80] ^ 0x5A);
        } else {
            flipped[at] = 'X';
        }
        expectRefused(flipped, QStringLiteral("corrupt"));
        expectRefused(buildZip({{QStringLiteral("readme.txt"), QByteArray("no project")}}), QStringLiteral(".qde"));
        expectRefused(buildZip({{QStringLiteral("project.qde"), QByteArray("<Project><unclosed>")}}),
                      QStringLiteral("well-formed"));
    }

    void selectionsBeyondTheText()
    {
        expectRefused(buildZip({{QStringLiteral("project.qde"), projectXml(QStringLiteral("plainTextPath=\"internal://t.txt\""), 5, 999)},
                                {QStringLiteral("sources/t.txt"), GoodText}}),
                      QStringLiteral("beyond the text"));
        expectRefused(buildZip({{QStringLiteral("project.qde"), projectXml(QStringLiteral("plainTextPath=\"internal://t.txt\""), -3, 2)},
                                {QStringLiteral("sources/t.txt"), GoodText}}),
                      QStringLiteral("beyond the text"));
    }

    void referencesToMissingFiles()
    {
        expectRefused(buildZip({{QStringLiteral("project.qde"), goodXml()}}), QStringLiteral("no file"));
        expectRefused(buildZip({{QStringLiteral("project.qde"), projectXml(QStringLiteral("plainTextPath=\"relative://../../etc/passwd\""))}}),
                      QStringLiteral("outside the archive"));
        expectRefused(buildZip({{QStringLiteral("project.qde"), projectXml(QStringLiteral("plainTextPath=\"internal://../../evil.txt\""))}}),
                      QStringLiteral("escapes the archive"));
        expectRefused(buildZip({{QStringLiteral("project.qde"), projectXml(QStringLiteral("plainTextPath=\"C:\\Users\\x\\t.txt\""))}}),
                      QStringLiteral("outside the archive"));
        QByteArray unknownCode = goodXml();
        unknownCode.replace("<CodeRef targetGUID=\"aaaaaaaa-0000-4000-8000-000000000001\"/>",
                            "<CodeRef targetGUID=\"aaaaaaaa-0000-4000-8000-00000000ffff\"/>");
        expectRefused(buildZip({{QStringLiteral("project.qde"), unknownCode}, {QStringLiteral("sources/t.txt"), GoodText}}),
                      QStringLiteral("not in the codebook"));
    }
};

QTEST_GUILESS_MAIN(TestRefiHostile)
#include "tst_refihostile.moc"
