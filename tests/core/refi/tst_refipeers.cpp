// .qdpx and .qdc files in the layouts of NVivo (Windows, Mac), MAXQDA,
// ATLAS.ti, QualCoder and Taguette — built here from fictional text — import
// with every selection on the text it covered in the peer tool.
#include "../CoreTestSupport.h"
#include "RefiTestSupport.h"

#include "refi/RefiImport.h"

#include <QTemporaryDir>
#include <QTest>

using namespace newscoder;
using namespace newscoder::test;

namespace {

const QStringList Lines = {QStringLiteral("Harbour talks stall \U0001F6A2 at dawn."),
                           QStringLiteral("Mayor L\u00e9a Brannigan said: \"We wait for \U0001D11E music.\""),
                           QStringLiteral("The port stayed closed.")};
const QString SpeakerQuote = QStringLiteral("L\u00e9a Brannigan");
const QString QuoteQuote = QStringLiteral("\"We wait for \U0001D11E music.\"");
const QString PortQuote = QStringLiteral("port stayed closed");

struct Layout
{
    QString tool;
    QString origin;
    QString qdeName = QStringLiteral("project.qde");
    QString folder = QStringLiteral("sources");
    bool bom = false;
    bool crlf = false;
    bool utf16 = false;       // positions in UTF-16 units (NVivo)
    bool crlfAsTwo = true;    // a CRLF counts as two positions
    bool upperGuids = false;
    bool braces = false;
    bool names = false;       // selections carry the quoted text as name
    bool docx = false;        // empty .txt, text in the .docx
    bool inlineText = false;  // PlainTextContent instead of a file
    QString speakerColor = QStringLiteral("#1f77b4");
    QString quoteColor = QStringLiteral("#ff7f0e");
    bool severalCodings = false;
    bool cases = false;
    bool otherSources = false;
};

QString guid(const Layout &l, int n)
{
    QString g = QStringLiteral("3f2a%1-6b1c-4d2e-9f30-a1b2c3d4e5%2").arg(n, 4, 10, QChar(u'0')).arg(n, 2, 10, QChar(u'0'));
    if (l.upperGuids)
        g = g.toUpper();
    return l.braces ? u'{' + g + u'}' : g;
}

QString rawText(const Layout &l)
{
    return Lines.join(l.crlf ? QStringLiteral("\r\n") : QStringLiteral("\n"));
}

// Start and end of `quote` in the peer's counting, computed from the raw text.
QPair<qint64, qint64> positions(const Layout &l, const QString &quote)
{
    const QString raw = rawText(l);
    const qsizetype at = raw.indexOf(quote);
    const auto count = [&](qsizetype utf16Index) {
        qint64 n = l.utf16 ? qint64(utf16Index) : codePointsBefore(raw, utf16Index);
        if (!l.crlfAsTwo)
            n -= raw.left(utf16Index).count(QStringLiteral("\r\n"));
        return n;
    };
    return {count(at), count(at + quote.size())};
}

QByteArray docxOf(const QString &text)
{
    QString body;
    for (const QString &line : text.split(QRegularExpression(QStringLiteral("\r?\n"))))
        body += QStringLiteral("<w:p><w:r><w:t xml:space=\"preserve\">%1</w:t></w:r></w:p>").arg(line.toHtmlEscaped());
    const QString document = QStringLiteral(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
        "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>%1"
        "</w:body></w:document>").arg(body);
    return buildZip({{QStringLiteral("[Content_Types].xml"), QByteArray("<?xml version=\"1.0\"?><Types/>")},
                     {QStringLiteral("word/document.xml"), document.toUtf8()}});
}

QString selection(const Layout &l, int n, const QString &quote, const QString &codings, const QString &user,
                  const QString &noteRef = {})
{
    const auto [start, end] = positions(l, quote);
    return QStringLiteral("<PlainTextSelection guid=\"%1\" %2startPosition=\"%3\" endPosition=\"%4\" creatingUser=\"%5\" "
                          "creationDateTime=\"2024-05-01T10:0%6:00Z\">%7%8</PlainTextSelection>")
        .arg(guid(l, n), l.names ? QStringLiteral("name=\"%1\" ").arg(quote.toHtmlEscaped()) : QString())
        .arg(start)
        .arg(end)
        .arg(user)
        .arg(n % 10)
        .arg(codings, noteRef.isEmpty() ? QString() : QStringLiteral("<NoteRef targetGUID=\"%1\"/>").arg(noteRef));
}

QString coding(const Layout &l, int n, int code, const QString &user)
{
    return QStringLiteral("<Coding guid=\"%1\" creatingUser=\"%2\"><CodeRef targetGUID=\"%3\"/></Coding>")
        .arg(guid(l, n), user, guid(l, code));
}

QByteArray projectArchive(const Layout &l)
{
    const QString userA = guid(l, 1);
    const QString userB = guid(l, 2);
    const QString speaker = guid(l, 10);
    const QString quote = guid(l, 11);
    const QString direct = guid(l, 12);
    const QString source = guid(l, 20);
    const QString note = guid(l, 40);
    QString codesXml = QStringLiteral(
        "<Code guid=\"%1\" name=\"Speaker\" isCodable=\"true\"%2><Description>Who speaks.</Description></Code>"
        "<Code guid=\"%3\" name=\"Quote\" isCodable=\"true\"%4><Code guid=\"%5\" name=\"Direct quote\" isCodable=\"true\"/></Code>")
        .arg(speaker, l.speakerColor.isEmpty() ? QString() : QStringLiteral(" color=\"%1\"").arg(l.speakerColor), quote,
             l.quoteColor.isEmpty() ? QString() : QStringLiteral(" color=\"%1\"").arg(l.quoteColor), direct);
    QString quoteCodings = coding(l, 31, 11, userB);
    if (l.severalCodings)
        quoteCodings += coding(l, 32, 12, userA);
    const QString selections = selection(l, 21, SpeakerQuote, coding(l, 30, 10, userA), userA)
                               + selection(l, 22, QuoteQuote, quoteCodings, userB)
                               + selection(l, 23, PortQuote, coding(l, 33, 10, userA), userA, note);
    QList<ZipEntry> entries;
    const QString txtName = guid(l, 20).remove(u'{').remove(u'}') + QStringLiteral(".txt");
    QString sourceAttrs = QStringLiteral("guid=\"%1\" name=\"Harbour article\"").arg(source);
    QString content;
    QByteArray txt = rawText(l).toUtf8();
    if (l.bom)
        txt.prepend("\xEF\xBB\xBF");
    if (l.inlineText) {
        content = QStringLiteral("<PlainTextContent>%1</PlainTextContent>").arg(rawText(l).toHtmlEscaped());
    } else {
        sourceAttrs += QStringLiteral(" plainTextPath=\"internal://%1\"").arg(txtName);
        if (l.docx) {
            const QString docxName = txtName.chopped(4) + QStringLiteral(".docx");
            sourceAttrs += QStringLiteral(" richTextPath=\"internal://%1\"").arg(docxName);
            entries.append({l.folder + u'/' + docxName, docxOf(rawText(l))});
            txt.clear();
        }
        entries.append({l.folder + u'/' + txtName, txt});
    }
    QString other;
    if (l.otherSources)
        other = QStringLiteral("<PDFSource guid=\"%1\" name=\"Council minutes\" path=\"internal://minutes.pdf\"/>"
                               "<AudioSource guid=\"%2\" name=\"Interview\" path=\"internal://interview.mp3\"/>")
                    .arg(guid(l, 50), guid(l, 51));
    QString variables;
    QString cases;
    if (l.cases) {
        variables = QStringLiteral("<Variables><Variable guid=\"%1\" name=\"Region\" typeOfVariable=\"Text\"/>"
                                   "<Variable guid=\"%2\" name=\"Year\" typeOfVariable=\"Integer\"/></Variables>")
                        .arg(guid(l, 60), guid(l, 61));
        cases = QStringLiteral("<Cases><Case guid=\"%1\" name=\"North coast\"><VariableValue><VariableRef targetGUID=\"%2\"/>"
                               "<TextValue>North</TextValue></VariableValue><VariableValue><VariableRef targetGUID=\"%3\"/>"
                               "<IntegerValue>2024</IntegerValue></VariableValue><SourceRef targetGUID=\"%4\"/></Case></Cases>")
                    .arg(guid(l, 62), guid(l, 60), guid(l, 61), source);
    }
    const QString xml = QStringLiteral(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\r\n"
        "<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"Harbour study\" origin=\"%1\">"
        "<Users><User guid=\"%2\" name=\"Ana Peer\"/><User guid=\"%3\" name=\"Ben Peer\"/></Users>"
        "<CodeBook><Codes>%4</Codes></CodeBook>%5%6"
        "<Sources><TextSource %7>%8%9</TextSource>%10</Sources>"
        "<Notes><Note guid=\"%11\" name=\"Port memo\"><PlainTextContent>Check the port.</PlainTextContent></Note></Notes>"
        "</Project>")
        .arg(l.origin, userA, userB, codesXml, variables, cases, sourceAttrs, content, selections, other, note);
    entries.prepend({l.qdeName, xml.toUtf8()});
    return buildZip(entries);
}

} // namespace

class TestRefiPeers : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void layouts_data()
    {
        QTest::addColumn<int>("which");
        QTest::newRow("NVivo Windows") << 0;
        QTest::newRow("NVivo Mac") << 1;
        QTest::newRow("MAXQDA") << 2;
        QTest::newRow("ATLAS.ti") << 3;
        QTest::newRow("QualCoder") << 4;
        QTest::newRow("Taguette") << 5;
    }

    void layouts()
    {
        QFETCH(int, which);
        Layout l;
        switch (which) {
        case 0: // BOM, CRLF, UTF-16 units, upper-case braced GUIDs, no names
            l = {QStringLiteral("NVivo Win"), QStringLiteral("NVivo 14 (Windows)")};
            l.bom = l.crlf = l.utf16 = l.upperGuids = l.braces = true;
            l.speakerColor = QStringLiteral("#FF0000");
            break;
        case 1: // Sources/ folder, LF, UTF-16 units
            l = {QStringLiteral("NVivo Mac"), QStringLiteral("NVivo 14 (Mac)")};
            l.folder = QStringLiteral("Sources");
            l.utf16 = true;
            break;
        case 2: // Sources/, BOM + CRLF counted as one, names, several codings, 8-digit colour
            l = {QStringLiteral("MAXQDA"), QStringLiteral("MAXQDA 2022")};
            l.folder = QStringLiteral("Sources");
            l.bom = l.crlf = l.names = l.severalCodings = true;
            l.crlfAsTwo = false;
            l.quoteColor = QStringLiteral("#FFFF7F0E");
            break;
        case 3: // XML named after the project, text only in the .docx, no colours
            l = {QStringLiteral("ATLAS.ti"), QStringLiteral("ATLAS.ti 23")};
            l.qdeName = QStringLiteral("Harbour study.qde");
            l.docx = true;
            l.speakerColor.clear();
            l.quoteColor.clear();
            break;
        case 4: // names, cases and variables, 3-digit colour
            l = {QStringLiteral("QualCoder"), QStringLiteral("QualCoder 3.5")};
            l.names = l.cases = true;
            l.quoteColor = QStringLiteral("#f80");
            break;
        case 5: // inline text, PDF and audio sources, an rgb() colour
            l = {QStringLiteral("Taguette"), QStringLiteral("Taguette 1.4")};
            l.inlineText = l.otherSources = true;
            l.speakerColor = QStringLiteral("rgb(31, 119, 180)");
            l.quoteColor.clear();
            break;
        }
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("peer.qdpx"));
        QVERIFY(writeBytes(file, projectArchive(l)));
        auto project = Project::create(dir.filePath(QStringLiteral("p.newscoder")), {});
        QString error;
        const auto plan = refi::planImport(*project, file, {}, &error);
        QVERIFY2(plan, qPrintable(error));
        QVERIFY(refi::applyImport(*project, *plan, &error));
        QCOMPARE(project->undoStack()->count(), 1);

        const QList<DocumentSummary> docs = project->reader().documentSummaries();
        QCOMPARE(docs.size(), 1);
        const auto doc = project->reader().document(docs.first().id);
        QCOMPARE(doc->text, Lines.join(u'\n')); // BOM dropped, CRLF → LF, nothing else changed
        QCOMPARE(doc->title, QStringLiteral("Harbour article"));
        QCOMPARE(project->codes().size(), l.cases ? 4 : 3); // + “REFI-QDA variables”
        const auto direct = project->codeByName(QStringLiteral("Direct quote"));
        QVERIFY(direct);
        QCOMPARE(direct->parentId, project->codeByName(QStringLiteral("Quote"))->id);
        if (which == 0)
            QCOMPARE(project->codeByName(QStringLiteral("Speaker"))->color, QColor(0xff, 0, 0));
        if (which == 4)
            QCOMPARE(project->codeByName(QStringLiteral("Quote"))->color, QColor(0xff, 0x88, 0x00));
        if (which == 5)
            QCOMPARE(project->codeByName(QStringLiteral("Speaker"))->color, QColor(31, 119, 180));
        for (const Code &c : project->codes())
            QVERIFY2(c.color.isValid(), qPrintable(c.name));

        // Every selection on the right text, coded by the right coder.
        QList<Annotation> anns = project->reader().annotationsForDocument(doc->id);
        QCOMPARE(anns.size(), l.severalCodings ? 4 : 3);
        int checked = 0;
        for (const Annotation &a : anns) {
            const QString covered = doc->text.mid(a.start, a.length());
            const QString code = project->code(a.codeId)->name;
            const QString coder = project->coderNameFor(a.coderId);
            if (code == QLatin1String("Speaker") && covered == SpeakerQuote) {
                QCOMPARE(coder, QStringLiteral("Ana Peer"));
                ++checked;
            } else if (code == QLatin1String("Quote") || code == QLatin1String("Direct quote")) {
                QCOMPARE(covered, QuoteQuote);
                QCOMPARE(coder, code == QLatin1String("Quote") ? QStringLiteral("Ben Peer") : QStringLiteral("Ana Peer"));
                ++checked;
            } else if (covered == PortQuote) {
                QCOMPARE(a.memo, QStringLiteral("Check the port."));
                ++checked;
            } else {
                QFAIL(qPrintable(QStringLiteral("%1 on wrong text: '%2'").arg(code, covered)));
            }
        }
        QCOMPARE(checked, anns.size());
        if (l.otherSources) {
            QCOMPARE(plan->skipped.size(), 2);
            QVERIFY(plan->skipped[0].item.contains(QStringLiteral("PDF")));
            QVERIFY(plan->skipped[1].item.contains(QStringLiteral("audio")));
        }
        if (l.cases) {
            const auto vars = project->documentVariables(doc->id, project->reader().coderByName(QStringLiteral("REFI-QDA import"))->id);
            QStringList got;
            for (const VariableValue &v : vars) {
                for (const FieldValue &fv : v.values)
                    got << v.field.name + u'=' + fv.text;
            }
            got.sort();
            QCOMPARE(got, (QStringList{QStringLiteral("Region=North"), QStringLiteral("Year=2024")}));
        }

        // Importing the same file again changes nothing (merge by GUID).
        const auto again = refi::planImport(*project, file, {}, &error);
        QVERIFY2(again, qPrintable(error));
        QVERIFY(again->changesNothing());
        QCOMPARE(again->alreadyPresent.selections, anns.size());
        QVERIFY(refi::applyImport(*project, *again, &error));
        QCOMPARE(project->undoStack()->count(), 1);

        // One undo step takes everything back; redo restores it.
        project->undoStack()->undo();
        QCOMPARE(project->reader().documentCount(), 0);
        QCOMPARE(project->reader().annotationCount(), 0);
        QCOMPARE(project->codes().size(), 0);
        project->undoStack()->redo();
        QCOMPARE(project->reader().annotationCount(), anns.size());
        QCOMPARE(project->codes().size(), l.cases ? 4 : 3);
    }

    void lowerAndUpperCaseGuidsMatch()
    {
        // A file that refers to its code in another case than it declared it.
        QTemporaryDir dir;
        const QString xml = QStringLiteral(
            "<?xml version=\"1.0\"?><Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"x\" origin=\"NVivo\">"
            "<CodeBook><Codes><Code guid=\"ABCDEF01-2345-4789-ABCD-EF0123456789\" name=\"Theme\" isCodable=\"true\"/></Codes></CodeBook>"
            "<Sources><TextSource guid=\"abcdef01-2345-4789-abcd-ef0123456780\" name=\"t\" plainTextPath=\"internal://t.txt\">"
            "<PlainTextSelection guid=\"abcdef01-2345-4789-abcd-ef0123456781\" startPosition=\"0\" endPosition=\"4\">"
            "<Coding guid=\"abcdef01-2345-4789-abcd-ef0123456782\"><CodeRef targetGUID=\"{abcdef01-2345-4789-abcd-ef0123456789}\"/></Coding>"
            "</PlainTextSelection></TextSource></Sources></Project>");
        const QString file = dir.filePath(QStringLiteral("case.qdpx"));
        QVERIFY(writeBytes(file, buildZip({{QStringLiteral("project.qde"), xml.toUtf8()},
                                           {QStringLiteral("sources/t.txt"), QByteArray("Port closed.")}})));
        auto project = Project::create(dir.filePath(QStringLiteral("p.newscoder")), {});
        QString error;
        const auto plan = refi::planImport(*project, file, {}, &error);
        QVERIFY2(plan, qPrintable(error));
        QVERIFY(refi::applyImport(*project, *plan, &error));
        const auto anns = allAnnotations(project->reader());
        QCOMPARE(anns.size(), 1);
        QCOMPARE(project->code(anns.first().codeId)->name, QStringLiteral("Theme"));
        QCOMPARE(project->coderNameFor(anns.first().coderId), QStringLiteral("REFI-QDA import"));
    }

    void codebookFiles()
    {
        QTemporaryDir dir;
        const QString qdc = dir.filePath(QStringLiteral("maxqda.qdc"));
        QVERIFY(writeBytes(qdc, QStringLiteral(
            "<?xml version=\"1.0\" encoding=\"utf-8\"?><CodeBook xmlns=\"urn:QDA-XML:codebook:1.0\" origin=\"MAXQDA 2022\">"
            "<Codes><Code guid=\"11111111-2222-4333-8444-555555555555\" name=\"Tone\" isCodable=\"false\" color=\"#0a0\">"
            "<Description>How it sounds.\n\nUse when: the tone is clear.\n\nExample: \u201cgrim\u201d</Description>"
            "<Code guid=\"11111111-2222-4333-8444-555555555556\" name=\"Negative\" isCodable=\"true\"/></Code></Codes>"
            "<Sets><Set guid=\"11111111-2222-4333-8444-555555555557\" name=\"Mine\"/></Sets></CodeBook>").toUtf8()));
        auto project = Project::create(dir.filePath(QStringLiteral("p.newscoder")), {});
        QString error;
        const auto plan = refi::planImport(*project, qdc, {}, &error);
        QVERIFY2(plan, qPrintable(error));
        QVERIFY(plan->codebookOnly);
        QCOMPARE(plan->added.codes, 2);
        QVERIFY(refi::applyImport(*project, *plan, &error));
        const auto tone = project->codeByName(QStringLiteral("Tone"));
        QVERIFY(tone);
        QCOMPARE(tone->color, QColor(0, 0xaa, 0));
        QCOMPARE(tone->description, QStringLiteral("How it sounds."));
        QCOMPARE(tone->useWhen, QStringLiteral("the tone is clear."));
        QCOMPARE(tone->example, QStringLiteral("\u201cgrim\u201d"));
        QCOMPARE(project->codeByName(QStringLiteral("Negative"))->parentId, tone->id);
        QCOMPARE(plan->skipped.size(), 1); // the set
        QVERIFY(refi::planImport(*project, qdc, {}, &error)->changesNothing());
    }
};

QTEST_GUILESS_MAIN(TestRefiPeers)
#include "tst_refipeers.moc"
