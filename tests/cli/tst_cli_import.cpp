// newscoder-cli import of other encodings and formats, run as a real process:
// the encoding of every file in the JSON report, --encoding, per-file failures.
#include "CliTestSupport.h"
#include "refi/RefiArchive.h"
#include "storage/ProjectStore.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringEncoder>
#include <QTemporaryDir>
#include <QTimeZone>
#include <QTest>
#include "TestPaths.h"

using namespace Qt::StringLiterals;
using newscoder::ProjectStore;
using Run = newscoder::test::CliRun;

namespace {

// A fictional article (written for this test).
const QString kRussianArticle = u"\u041C\u043E\u0441\u0442 \u0437\u0430\u043A\u0440\u044B\u0442 \u043D\u0430 "
                                "\u0440\u0435\u043C\u043E\u043D\u0442\n\n\u0413\u043E\u0440\u043E\u0434\u0441\u043A"
                                "\u043E\u0439 \u0441\u043E\u0432\u0435\u0442 \u0421\u0435\u0432\u0435\u0440\u043E"
                                "\u0433\u043E\u0440\u0441\u043A\u0430 \u0432 \u0447\u0435\u0442\u0432\u0435\u0440"
                                "\u0433 \u043F\u0440\u043E\u0433\u043E\u043B\u043E\u0441\u043E\u0432\u0430\u043B "
                                "\u0437\u0430 \u0437\u0430\u043A\u0440\u044B\u0442\u0438\u0435 \u0441\u0442\u0430"
                                "\u0440\u043E\u0433\u043E \u043C\u043E\u0441\u0442\u0430 \u0447\u0435\u0440\u0435"
                                "\u0437 \u0440\u0435\u043A\u0443. \u0420\u0435\u043C\u043E\u043D\u0442 \u043F\u0440"
                                "\u043E\u0434\u043B\u0438\u0442\u0441\u044F \u0434\u043E \u043E\u0441\u0435\u043D"
                                "\u0438.\n"_s;

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

QByteArray encoded(const QString &text, const char *encoding)
{
    QStringEncoder encoder(encoding);
    return encoder(text);
}

} // namespace

class TestCliImport : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString path(const QString &name) const { return m_dir.filePath(name); }
    QString newProject(const QString &name)
    {
        const QString project = path(name);
        const Run r = newscoder::test::runCli({u"new"_s, project});
        return r.ok() ? project : QString();
    }
    QJsonArray importedJson(const QStringList &args, Run *run = nullptr)
    {
        const Run r = newscoder::test::runCli(QStringList{u"import"_s} + args + QStringList{u"--json"_s});
        if (run)
            *run = r;
        return QJsonDocument::fromJson(r.out).object()[u"imported"].toArray();
    }
    QString storedText(const QString &project, const QString &id)
    {
        const Run r = newscoder::test::runCli({u"text"_s, project, u"--document"_s, id});
        return QString::fromUtf8(r.out);
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    // Each file's encoding is detected and reported; the text is stored decoded.
    void legacyEncodingIsDetectedAndReported()
    {
        const QString project = newProject(u"encodings.newscoder"_s);
        QVERIFY(!project.isEmpty());
        const QString file = path(u"koi8.txt"_s);
        QVERIFY(writeFile(file, encoded(kRussianArticle, "KOI8-R")));
        Run run;
        const QJsonArray imported = importedJson({project, file}, &run);
        QVERIFY2(run.ok(), qPrintable(run.describe()));
        QCOMPARE(imported.size(), 1);
        const QJsonObject d = imported[0].toObject();
        QCOMPARE(d[u"encoding"].toString(), u"KOI8-R"_s);
        QCOMPARE(d[u"encoding_source"].toString(), u"detected"_s);
        QCOMPARE(d[u"format"].toString(), u"text"_s);
        QCOMPARE(storedText(project, d[u"id"].toString()), kRussianArticle);
        // The legacy encoding is named in the warnings too.
        const QJsonArray warnings = QJsonDocument::fromJson(run.out).object()[u"warnings"].toArray();
        QCOMPARE(warnings.size(), 1);
        QVERIFY(warnings[0][u"warning"].toString().contains(u"KOI8-R"_s));

        // Plain UTF-8 is reported as such.
        const QString utf8 = path(u"utf8.txt"_s);
        QVERIFY(writeFile(utf8, kRussianArticle.toUtf8()));
        const QJsonArray second = importedJson({project, utf8});
        QCOMPARE(second.size(), 1);
        QCOMPARE(second[0][u"encoding"].toString(), u"UTF-8"_s);
        QCOMPARE(second[0][u"encoding_source"].toString(), u"UTF-8"_s);
    }

    // --encoding reads every file with the named encoding.
    void encodingOverride()
    {
        const QString project = newProject(u"override.newscoder"_s);
        QVERIFY(!project.isEmpty());
        const QString file = path(u"cp1251.txt"_s);
        QVERIFY(writeFile(file, encoded(kRussianArticle, "windows-1251")));
        Run run;
        const QJsonArray imported = importedJson({project, file, u"--encoding"_s, u"windows-1251"_s}, &run);
        QVERIFY2(run.ok(), qPrintable(run.describe()));
        QCOMPARE(imported.size(), 1);
        QCOMPARE(imported[0][u"encoding"].toString(), u"windows-1251"_s);
        QCOMPARE(imported[0][u"encoding_source"].toString(), u"given"_s);
        QCOMPARE(storedText(project, imported[0][u"id"].toString()), kRussianArticle);
    }

    // Saved pages are read by extension and by content; a page without article text is
    // listed with its reason and the other files are still imported, in one step.
    void htmlPagesAndFailuresPerFile()
    {
        const QString project = newProject(u"html.newscoder"_s);
        QVERIFY(!project.isEmpty());
        const QString folder = path(u"pages"_s);
        QVERIFY(QDir().mkpath(folder));
        const QString data = QStringLiteral(NEWSCODER_TEST_DATA_DIR "/html/");
        QVERIFY(QFile::copy(data + u"newssite.html"_s, folder + u"/newssite.html"_s));
        QVERIFY(QFile::copy(data + u"amp.html"_s, folder + u"/amp-page"_s)); // no extension: sniffed
        QVERIFY(writeFile(folder + u"/empty.htm"_s, "<html><body><nav><a href='/'>Home</a></nav></body></html>"));
        QVERIFY(writeFile(folder + u"/plain.txt"_s, "A plain headline for the day\n\nThe body of it.\n"));
        Run run;
        const QJsonArray imported = importedJson({project, folder}, &run);
        QVERIFY2(run.ok(), qPrintable(run.describe()));
        QCOMPARE(imported.size(), 3);
        QHash<QString, QJsonObject> byFile;
        for (const QJsonValue &v : imported)
            byFile.insert(QFileInfo(v[u"path"_s].toString()).fileName(), v.toObject());
        QCOMPARE(byFile.value(u"newssite.html"_s)[u"format"_s].toString(), u"html"_s);
        QCOMPARE(byFile.value(u"newssite.html"_s)[u"title"_s].toString(),
                 u"Rail strike halts freight at Kestrel Junction"_s);
        QCOMPARE(byFile.value(u"newssite.html"_s)[u"date"_s].toString(), u"2022-01-27"_s);
        QCOMPARE(byFile.value(u"newssite.html"_s)[u"outlet"_s].toString(), u"Northline Daily"_s);
        QCOMPARE(byFile.value(u"amp-page"_s)[u"format"_s].toString(), u"html"_s);
        QCOMPARE(byFile.value(u"amp-page"_s)[u"title"_s].toString(),
                 u"Glacier survey finds faster melt on Mount Osric"_s);
        QCOMPARE(byFile.value(u"plain.txt"_s)[u"format"_s].toString(), u"text"_s);
        const QJsonArray skipped = QJsonDocument::fromJson(run.out).object()[u"skipped"_s].toArray();
        QCOMPARE(skipped.size(), 1);
        QVERIFY(skipped[0][u"path"_s].toString().endsWith(u"empty.htm"_s));
        QCOMPARE(skipped[0][u"reason"_s].toString(), u"no article text found"_s);

        const QString text = storedText(project, byFile.value(u"newssite.html"_s)[u"id"_s].toString());
        QVERIFY(text.startsWith(u"Rail strike halts freight at Kestrel Junction\n\nFreight traffic"_s));
        QVERIFY(!text.contains(u"cookies"_s));
        QVERIFY(!text.contains(u"Most read"_s));
        QVERIFY(!text.contains(u"railfan77"_s));

        // Outlets come from the pages: one registry outlet per site, with the URL's domain.
        const Run outlets = newscoder::test::runCli({u"outlets"_s, project, u"--json"_s});
        QVERIFY2(outlets.ok(), qPrintable(outlets.describe()));
        QVERIFY(outlets.out.contains("Northline Daily"));
        QVERIFY(outlets.out.contains("northlinedaily.example"));
    }

    // DOCX and ODT articles; a corrupt one is listed with its reason, the rest imported.
    void officeDocuments()
    {
        const QString project = newProject(u"office.newscoder"_s);
        QVERIFY(!project.isEmpty());
        const QString folder = path(u"office"_s);
        QVERIFY(QDir().mkpath(folder));
        const QByteArray body =
            "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"
            "<w:p><w:r><w:t>Ferry timetable changes from Monday</w:t></w:r></w:p>"
            "<w:p><w:r><w:t>The island ferry will leave at 7:10 instead of 7:00, the operator said.</w:t></w:r></w:p>"
            "</w:body></w:document>";
        QString error;
        QVERIFY2(newscoder::refi::writeArchive(folder + u"/ferry.docx"_s, {{u"word/document.xml"_s, body}},
                                               QDateTime({2022, 1, 1}, {0, 0}, QTimeZone::UTC), &error),
                 qPrintable(error));
        QVERIFY(writeFile(folder + u"/broken.odt"_s, "PK\x03\x04 not really a zip"));
        Run run;
        const QJsonArray imported = importedJson({project, folder}, &run);
        QVERIFY2(run.ok(), qPrintable(run.describe()));
        QCOMPARE(imported.size(), 1);
        QCOMPARE(imported[0][u"format"_s].toString(), u"docx"_s);
        QCOMPARE(imported[0][u"title"_s].toString(), u"Ferry timetable changes from Monday"_s);
        QCOMPARE(storedText(project, imported[0][u"id"_s].toString()),
                 u"Ferry timetable changes from Monday\n\nThe island ferry will leave at 7:10 instead of 7:00, the "
                 "operator said.\n"_s);
        const QJsonArray skipped = QJsonDocument::fromJson(run.out).object()[u"skipped"_s].toArray();
        QCOMPARE(skipped.size(), 1);
        QVERIFY(skipped[0][u"path"_s].toString().endsWith(u"broken.odt"_s));
        QVERIFY2(skipped[0][u"reason"_s].toString().contains(u"not a readable ODT file"_s),
                 qPrintable(skipped[0][u"reason"_s].toString()));
    }

    void unknownEncodingIsBadInput()
    {
        const QString project = newProject(u"unknown.newscoder"_s);
        QVERIFY(!project.isEmpty());
        const QString file = path(u"plain.txt"_s);
        QVERIFY(writeFile(file, "A plain headline here\n\nBody.\n"));
        const Run r = newscoder::test::runCli({u"import"_s, project, file, u"--encoding"_s, u"klingon-8"_s});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("unknown encoding \"klingon-8\""), r.err.constData());
        auto store = ProjectStore::open(project, newscoder::ProjectAccess::ReadOnly);
        QCOMPARE(store->documentCount(), 0); // nothing written
    }
};

QTEST_GUILESS_MAIN(TestCliImport)
#include "tst_cli_import.moc"
