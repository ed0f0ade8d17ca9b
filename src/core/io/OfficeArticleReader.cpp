#include "io/OfficeArticleReader.h"

#include "io/NewsDate.h"
#include "refi/RefiArchive.h"
#include "refi/RefiXml.h"

#include <QFileInfo>
#include <QHash>
#include <QXmlStreamReader>

using namespace Qt::StringLiterals;

namespace newscoder {

namespace {

constexpr int kTitleScanParagraphs = 5;
constexpr int kMaxTitleWords = 40;

refi::ArchiveLimits officeLimits()
{
    refi::ArchiveLimits limits;
    limits.maxTotalBytes = qint64(256) << 20;
    limits.maxEntryBytes = qint64(128) << 20;
    limits.maxEntries = 10000;
    return limits;
}

struct Paragraph
{
    QString text;
    bool heading = false;
    bool title = false; // the "Title" style, or a level-1 heading
};

struct OfficeText
{
    QList<Paragraph> paragraphs;
    QString title, creator, created, description, keywords;
    QString error;
};

// styleId -> lower-case style name, and the outline level a style gives, from word/styles.xml.
struct DocxStyles
{
    QHash<QString, QString> names;
    QHash<QString, int> outline;
};

DocxStyles readDocxStyles(const QByteArray &xml, QString *error)
{
    DocxStyles styles;
    QXmlStreamReader r(xml);
    QString current;
    while (!r.atEnd()) {
        if (!refi::nextSafeToken(r, error))
            return {};
        if (!r.isStartElement())
            continue;
        const auto name = r.name();
        if (name == "style"_L1) {
            current = r.attributes().value("w:styleId"_L1).toString();
        } else if (name == "name"_L1 && !current.isEmpty()) {
            styles.names.insert(current, r.attributes().value("w:val"_L1).toString().toLower());
        } else if (name == "outlineLvl"_L1 && !current.isEmpty()) {
            styles.outline.insert(current, r.attributes().value("w:val"_L1).toInt());
        }
    }
    return styles;
}

void readDocxBody(const QByteArray &xml, const DocxStyles &styles, OfficeText &out)
{
    QXmlStreamReader r(xml);
    Paragraph current;
    int depth = 0;   // w:p nesting (text boxes hold paragraphs inside paragraphs)
    int runs = 0;    // inside w:r: its t, tab, br are text (a w:tab in w:tabs is a tab stop)
    int deleted = 0; // inside a deleted revision or a field code
    while (!r.atEnd()) {
        if (!refi::nextSafeToken(r, &out.error))
            return;
        const auto name = r.name();
        if (r.isStartElement()) {
            if (name == "p"_L1) {
                if (depth++ > 0) // a nested paragraph continues on a line of its own
                    current.text += u'\n';
                else
                    current = {};
            } else if (name == "pStyle"_L1) {
                const QString id = r.attributes().value("w:val"_L1).toString();
                const QString styleName = styles.names.value(id, id.toLower());
                current.title |= styleName == u"title"_s || styleName == u"heading 1"_s;
                current.heading |= current.title || styleName.startsWith(u"heading"_s) || styles.outline.contains(id);
            } else if (name == "outlineLvl"_L1) {
                current.heading = true;
                current.title |= r.attributes().value("w:val"_L1).toInt() == 0;
            } else if (name == "r"_L1) {
                ++runs;
            } else if (name == "del"_L1 || name == "delText"_L1 || name == "instrText"_L1) {
                ++deleted;
            } else if (runs == 0 || deleted > 0 || depth == 0) {
                continue;
            } else if (name == "t"_L1) {
                current.text += r.readElementText();
            } else if (name == "tab"_L1) {
                current.text += u'\t';
            } else if (name == "br"_L1 || name == "cr"_L1) {
                current.text += u'\n';
            } else if (name == "noBreakHyphen"_L1) {
                current.text += u'-';
            }
        } else if (r.isEndElement()) {
            if (name == "r"_L1) {
                runs = std::max(0, runs - 1);
            } else if (name == "del"_L1 || name == "delText"_L1 || name == "instrText"_L1) {
                deleted = std::max(0, deleted - 1);
            } else if (name == "p"_L1 && depth > 0 && --depth == 0) {
                out.paragraphs.append(current);
                current = {};
            }
        }
    }
}

void readOdtBody(const QByteArray &xml, OfficeText &out)
{
    QXmlStreamReader r(xml);
    QList<Paragraph> open; // text:p / text:h being read (frames nest them)
    int skipped = 0;       // inside notes and annotations
    while (!r.atEnd()) {
        if (!refi::nextSafeToken(r, &out.error))
            return;
        const auto name = r.name();
        if (r.isStartElement()) {
            if (name == "note"_L1 || name == "annotation"_L1 || name == "tracked-changes"_L1) {
                ++skipped;
            } else if (skipped > 0) {
                continue;
            } else if (name == "p"_L1 || name == "h"_L1) {
                Paragraph p;
                p.heading = name == "h"_L1;
                p.title = (p.heading && r.attributes().value("text:outline-level"_L1).toInt() <= 1)
                          || r.attributes().value("text:style-name"_L1).toString().compare(u"Title"_s) == 0;
                open.append(p);
            } else if (name == "s"_L1 && !open.isEmpty()) {
                const int count = r.attributes().hasAttribute("text:c"_L1)
                                      ? std::clamp(r.attributes().value("text:c"_L1).toInt(), 1, 1000)
                                      : 1;
                open.last().text += QString(count, u' ');
            } else if (name == "tab"_L1 && !open.isEmpty()) {
                open.last().text += u'\t';
            } else if (name == "line-break"_L1 && !open.isEmpty()) {
                open.last().text += u'\n';
            }
        } else if (r.isEndElement()) {
            if (name == "note"_L1 || name == "annotation"_L1 || name == "tracked-changes"_L1) {
                --skipped;
            } else if (skipped == 0 && (name == "p"_L1 || name == "h"_L1) && !open.isEmpty()) {
                out.paragraphs.append(open.takeLast());
            }
        } else if (r.isCharacters() && skipped == 0 && !open.isEmpty()) {
            open.last().text += r.text();
        }
    }
}

// dc:title, dc:creator, dcterms:created / meta:creation-date, dc:description, keywords.
void readProperties(const QByteArray &xml, OfficeText &out)
{
    QXmlStreamReader r(xml);
    QString ignored;
    QStringList keywords;
    while (!r.atEnd()) {
        if (!refi::nextSafeToken(r, &ignored))
            return; // properties are optional: a broken file only loses them
        if (!r.isStartElement())
            continue;
        const auto name = r.name();
        const auto text = [&r] { return r.readElementText(QXmlStreamReader::SkipChildElements).simplified(); };
        if (name == "title"_L1)
            out.title = text();
        else if (name == "creator"_L1 || (name == "initial-creator"_L1 && out.creator.isEmpty()))
            out.creator = text();
        else if (name == "created"_L1 || name == "creation-date"_L1)
            out.created = text();
        else if (name == "description"_L1)
            out.description = text();
        else if (name == "keywords"_L1 || name == "keyword"_L1)
            keywords << text();
    }
    keywords.removeAll(QString());
    out.keywords = keywords.join(u", "_s);
}

OfficeText readOffice(const QByteArray &bytes, const QString &format)
{
    OfficeText out;
    refi::ArchiveReader archive;
    if (!archive.openData(bytes, officeLimits())) {
        const QString why = archive.error();
        out.error = why.startsWith(u"Not a readable zip archive"_s)
                        ? u"not a readable %1 file (corrupt, encrypted, or an old binary format)"_s.arg(format.toUpper())
                        : why;
        return out;
    }
    const QString body = format == u"docx"_s ? u"word/document.xml"_s : u"content.xml"_s;
    const auto xml = archive.read(body);
    if (!xml) {
        out.error = u"not a %1 file: %2"_s.arg(format.toUpper(), archive.error());
        return out;
    }
    if (format == u"docx"_s) {
        DocxStyles styles;
        if (const auto stylesXml = archive.read(u"word/styles.xml"_s)) {
            QString ignored;
            styles = readDocxStyles(*stylesXml, &ignored);
        }
        readDocxBody(*xml, styles, out);
        if (const auto core = archive.read(u"docProps/core.xml"_s))
            readProperties(*core, out);
    } else {
        readOdtBody(*xml, out);
        if (const auto meta = archive.read(u"meta.xml"_s))
            readProperties(*meta, out);
    }
    if (!out.error.isEmpty())
        out.error = u"corrupt %1 file: %2"_s.arg(format.toUpper(), out.error);
    return out;
}

// Paragraph text as stored: runs of spaces kept, each line trimmed at its end.
QString cleaned(const QString &text)
{
    QStringList lines = text.split(u'\n');
    for (QString &line : lines) {
        line.replace(u'\u00A0', u' ');
        while (line.endsWith(u' ') || line.endsWith(u'\t'))
            line.chop(1);
    }
    lines.removeAll(QString());
    return lines.join(u'\n');
}

} // namespace

QString officeFormatOf(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    return suffix == u"docx"_s || suffix == u"odt"_s ? suffix : QString();
}

ArticleParseResult parseOfficeArticle(const QByteArray &bytes, const QString &fileName, const QString &format)
{
    ArticleParseResult result;
    result.encoding = u"UTF-8"_s; // the XML inside is Unicode
    if (bytes.isEmpty()) {
        result.error = u"the file is empty"_s;
        return result;
    }
    if (bytes.size() > kMaxOfficeFileBytes) {
        result.error = u"larger than 100 MiB"_s;
        return result;
    }
    OfficeText office = readOffice(bytes, format);
    if (!office.error.isEmpty()) {
        result.error = office.error;
        return result;
    }
    QList<Paragraph> paragraphs;
    for (Paragraph &p : office.paragraphs) {
        p.text = cleaned(p.text);
        if (!p.text.trimmed().isEmpty())
            paragraphs.append(p);
    }
    if (paragraphs.isEmpty()) {
        result.error = u"no article text found"_s;
        return result;
    }

    Document doc;
    doc.importSource = fileName;
    for (int i = 0; i < std::min(int(paragraphs.size()), kTitleScanParagraphs) && doc.title.isEmpty(); ++i) {
        if (paragraphs[i].title && !paragraphs[i].text.contains(u'\n'))
            doc.title = paragraphs[i].text.simplified();
    }
    if (doc.title.isEmpty())
        doc.title = office.title;
    const QString first = paragraphs.first().text.simplified();
    if (doc.title.isEmpty() && !first.contains(u'\n') && first.count(u' ') < kMaxTitleWords && !first.endsWith(u'.'))
        doc.title = first;
    if (doc.title.isEmpty()) {
        doc.title = QFileInfo(fileName).completeBaseName();
        result.warnings << u"No headline found; the file name is used as the title."_s;
    }
    QStringList texts;
    for (const Paragraph &p : std::as_const(paragraphs))
        texts << p.text;
    doc.text = texts.join(u"\n\n"_s) + u'\n';
    doc.author = office.creator;

    doc.metadata.append({u"source_file"_s, fileName});
    doc.metadata.append({u"format"_s, format});
    for (int i = 0; i < std::min(int(paragraphs.size()), kTitleScanParagraphs); ++i) {
        const QString line = paragraphs[i].text.simplified();
        const NewsDate date = parseNewsDate(line);
        if (date.isValid()) {
            doc.date = date.date;
            doc.metadata.append({u"published"_s, line});
            doc.metadata.append({u"published_iso"_s, date.toIso()});
            break;
        }
    }
    const auto add = [&doc](const QString &key, const QString &value) {
        if (!value.isEmpty())
            doc.metadata.append({key, value});
    };
    add(u"document_title"_s, office.title);
    add(u"document_created"_s, office.created);
    add(u"description"_s, office.description);
    add(u"keywords"_s, office.keywords);
    result.document = std::move(doc);
    return result;
}

} // namespace newscoder
