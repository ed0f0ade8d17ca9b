#include "refi/RefiArchive.h"
#include "refi/RefiXml.h"

#include <QXmlStreamReader>

namespace newscoder::refi {

QString guidKey(const QString &guid)
{
    QString key = guid.trimmed().toLower();
    if (key.startsWith(u'{') && key.endsWith(u'}'))
        key = key.mid(1, key.size() - 2);
    return key;
}

bool nextSafeToken(QXmlStreamReader &xml, QString *error)
{
    const auto token = xml.readNext();
    if (token == QXmlStreamReader::DTD) {
        *error = QStringLiteral("The XML declares a document type (DTD); refused so that no entity is ever expanded.");
        return false;
    }
    if (token == QXmlStreamReader::EntityReference) {
        *error = QStringLiteral("The XML refers to the entity “%1”; refused (entities are never resolved).")
                     .arg(xml.name().toString());
        return false;
    }
    if (xml.hasError()) {
        *error = QStringLiteral("The XML is not well-formed (line %1: %2).").arg(xml.lineNumber()).arg(xml.errorString());
        return false;
    }
    return true;
}

namespace {

// A small recursive-descent reader over QXmlStreamReader with the safety
// checks of nextSafeToken.
class Reader
{
public:
    explicit Reader(const QByteArray &data) : m_xml(data) {}

    std::optional<RefiProjectData> run(QString *error)
    {
        RefiProjectData project;
        if (!toStart()) {
            *error = m_error.isEmpty() ? QStringLiteral("The XML has no root element.") : m_error;
            return std::nullopt;
        }
        const QString root = m_xml.name().toString();
        if (root == QLatin1String("Project")) {
            readProject(project);
        } else if (root == QLatin1String("CodeBook")) {
            project.isCodebookOnly = true;
            project.origin = attr(QStringLiteral("origin"));
            readCodebookBody(project);
        } else {
            *error = QStringLiteral("Not a REFI-QDA file: the root element is <%1>, not <Project> or <CodeBook>.").arg(root);
            return std::nullopt;
        }
        while (m_error.isEmpty() && !m_xml.atEnd()) {
            if (!nextSafeToken(m_xml, &m_error))
                break;
        }
        if (!m_error.isEmpty()) {
            *error = m_error;
            return std::nullopt;
        }
        return project;
    }

private:
    bool ok() const { return m_error.isEmpty(); }

    // Moves to the next start element at this depth; false at the end of the parent.
    bool toStart()
    {
        while (ok()) {
            if (!nextSafeToken(m_xml, &m_error))
                return false;
            if (m_xml.isStartElement())
                return true;
            if (m_xml.isEndElement() || m_xml.atEnd())
                return false;
        }
        return false;
    }

    void skip()
    {
        int depth = 1;
        while (ok() && depth > 0) {
            if (!nextSafeToken(m_xml, &m_error))
                return;
            if (m_xml.isStartElement())
                ++depth;
            else if (m_xml.isEndElement())
                --depth;
            else if (m_xml.atEnd())
                return;
        }
    }

    QString text()
    {
        QString out;
        int depth = 1;
        while (ok() && depth > 0) {
            if (!nextSafeToken(m_xml, &m_error))
                break;
            if (m_xml.isCharacters())
                out += m_xml.text();
            else if (m_xml.isStartElement())
                ++depth;
            else if (m_xml.isEndElement())
                --depth;
            else if (m_xml.atEnd())
                break;
        }
        return out;
    }

    QString attr(const QString &name) const { return m_xml.attributes().value(name).toString(); }
    QDateTime dateAttr(const QString &name) const
    {
        return QDateTime::fromString(attr(name), Qt::ISODateWithMs).toUTC();
    }
    bool is(const char *name) const { return m_xml.name() == QLatin1String(name); }

    QString targetOf() const { return attr(QStringLiteral("targetGUID")); }

    void readProject(RefiProjectData &p)
    {
        p.name = attr(QStringLiteral("name"));
        p.origin = attr(QStringLiteral("origin"));
        p.creatingUser = attr(QStringLiteral("creatingUserGUID"));
        p.created = dateAttr(QStringLiteral("creationDateTime"));
        p.modified = dateAttr(QStringLiteral("modifiedDateTime"));
        while (toStart()) {
            if (is("Users"))
                readList("User", [&] { p.users.append({attr(QStringLiteral("guid")), attr(QStringLiteral("name"))}); skip(); });
            else if (is("CodeBook"))
                readCodebookBody(p);
            else if (is("Variables"))
                readList("Variable", [&] { p.variables.append(readVariable()); });
            else if (is("Cases"))
                readList("Case", [&] { p.cases.append(readCase()); });
            else if (is("Sources"))
                readSources(p);
            else if (is("Notes"))
                readList("Note", [&] { p.notes.append(readNote()); });
            else if (is("Sets"))
                readList("Set", [&] { p.sets.append(readSet()); });
            else if (is("Description"))
                p.description = text();
            else
                skip();
        }
    }

    template<typename F>
    void readList(const char *child, F &&each)
    {
        while (toStart()) {
            if (is(child))
                each();
            else
                skip();
        }
    }

    void readCodebookBody(RefiProjectData &p)
    {
        while (toStart()) {
            if (is("Codes"))
                readList("Code", [&] { p.codes.append(readCode()); });
            else if (is("Sets"))
                readList("Set", [&] { p.sets.append(readSet()); });
            else
                skip();
        }
    }

    RefiCode readCode()
    {
        RefiCode c;
        c.guid = attr(QStringLiteral("guid"));
        c.name = attr(QStringLiteral("name"));
        c.color = attr(QStringLiteral("color"));
        c.isCodable = attr(QStringLiteral("isCodable")).compare(QLatin1String("false"), Qt::CaseInsensitive) != 0
                      && attr(QStringLiteral("isCodable")) != QLatin1String("0");
        while (toStart()) {
            if (is("Description"))
                c.description = text();
            else if (is("NoteRef")) {
                c.noteRefs.append(targetOf());
                skip();
            } else if (is("Code"))
                c.children.append(readCode());
            else
                skip();
        }
        return c;
    }

    RefiVariable readVariable()
    {
        RefiVariable v{attr(QStringLiteral("guid")), attr(QStringLiteral("name")), attr(QStringLiteral("typeOfVariable")), {}};
        while (toStart()) {
            if (is("Description"))
                v.description = text();
            else
                skip();
        }
        return v;
    }

    RefiVariableValue readVariableValue()
    {
        RefiVariableValue v;
        while (toStart()) {
            if (is("VariableRef")) {
                v.variableRef = targetOf();
                skip();
            } else {
                QString kind = m_xml.name().toString();
                if (kind.endsWith(QLatin1String("Value")))
                    kind.chop(5);
                v.kind = kind;
                v.value = text();
            }
        }
        return v;
    }

    RefiCase readCase()
    {
        RefiCase c;
        c.guid = attr(QStringLiteral("guid"));
        c.name = attr(QStringLiteral("name"));
        while (toStart()) {
            if (is("Description"))
                c.description = text();
            else if (is("VariableValue"))
                c.values.append(readVariableValue());
            else if (is("SourceRef")) {
                c.sourceRefs.append(targetOf());
                skip();
            } else
                skip();
        }
        return c;
    }

    RefiSet readSet()
    {
        RefiSet s;
        s.guid = attr(QStringLiteral("guid"));
        s.name = attr(QStringLiteral("name"));
        while (toStart()) {
            if (is("Description"))
                s.description = text();
            else if (is("MemberSource")) {
                s.memberSources.append(targetOf());
                skip();
            } else if (is("MemberCode")) {
                s.memberCodes.append(targetOf());
                skip();
            } else
                skip();
        }
        return s;
    }

    RefiNote readNote()
    {
        RefiNote n;
        n.guid = attr(QStringLiteral("guid"));
        n.name = attr(QStringLiteral("name"));
        n.plainTextPath = attr(QStringLiteral("plainTextPath"));
        n.creatingUser = attr(QStringLiteral("creatingUser"));
        n.created = dateAttr(QStringLiteral("creationDateTime"));
        while (toStart()) {
            if (is("PlainTextContent"))
                n.text = text();
            else
                skip();
        }
        return n;
    }

    RefiCoding readCoding()
    {
        RefiCoding c;
        c.guid = attr(QStringLiteral("guid"));
        c.creatingUser = attr(QStringLiteral("creatingUser"));
        c.created = dateAttr(QStringLiteral("creationDateTime"));
        while (toStart()) {
            if (is("CodeRef"))
                c.codeRef = targetOf();
            else if (is("NoteRef"))
                c.noteRefs.append(targetOf());
            skip();
        }
        return c;
    }

    RefiSelection readSelection()
    {
        RefiSelection s;
        s.guid = attr(QStringLiteral("guid"));
        s.name = attr(QStringLiteral("name"));
        bool okStart = false;
        bool okEnd = false;
        s.start = attr(QStringLiteral("startPosition")).toLongLong(&okStart);
        s.end = attr(QStringLiteral("endPosition")).toLongLong(&okEnd);
        if (!okStart || !okEnd)
            m_error = QStringLiteral("The selection %1 has no valid start/end position.").arg(s.guid);
        s.creatingUser = attr(QStringLiteral("creatingUser"));
        s.created = dateAttr(QStringLiteral("creationDateTime"));
        s.modified = dateAttr(QStringLiteral("modifiedDateTime"));
        while (toStart()) {
            if (is("Description"))
                s.description = text();
            else if (is("Coding"))
                s.codings.append(readCoding());
            else if (is("NoteRef")) {
                s.noteRefs.append(targetOf());
                skip();
            } else
                skip();
        }
        return s;
    }

    void readSources(RefiProjectData &p)
    {
        while (toStart()) {
            RefiSource s;
            s.guid = attr(QStringLiteral("guid"));
            s.name = attr(QStringLiteral("name"));
            s.creatingUser = attr(QStringLiteral("creatingUser"));
            s.created = dateAttr(QStringLiteral("creationDateTime"));
            s.modified = dateAttr(QStringLiteral("modifiedDateTime"));
            if (is("TextSource")) {
                s.kind = RefiSource::Kind::Text;
                s.plainTextPath = attr(QStringLiteral("plainTextPath"));
                s.richTextPath = attr(QStringLiteral("richTextPath"));
                readTextSourceBody(s);
            } else {
                if (is("PDFSource"))
                    s.kind = RefiSource::Kind::Pdf;
                else if (is("PictureSource"))
                    s.kind = RefiSource::Kind::Picture;
                else if (is("AudioSource"))
                    s.kind = RefiSource::Kind::Audio;
                else
                    s.kind = RefiSource::Kind::Video;
                s.path = attr(QStringLiteral("path"));
                skip();
            }
            p.sources.append(s);
        }
    }

    void readTextSourceBody(RefiSource &s)
    {
        while (toStart()) {
            if (is("Description"))
                s.description = text();
            else if (is("PlainTextContent")) {
                s.plainTextContent = text();
                s.hasPlainTextContent = true;
            } else if (is("PlainTextSelection"))
                s.selections.append(readSelection());
            else if (is("Coding")) {
                skip(); // codings of the whole source have no span; not imported
            } else if (is("NoteRef")) {
                s.noteRefs.append(targetOf());
                skip();
            } else if (is("VariableValue"))
                s.variables.append(readVariableValue());
            else
                skip();
        }
    }

    QXmlStreamReader m_xml;
    QString m_error;
};

} // namespace

std::optional<RefiProjectData> readRefiXml(const QByteArray &xml, QString *error)
{
    return Reader(xml).run(error);
}

std::optional<QString> docxPlainText(const QByteArray &docx, QString *error)
{
    ArchiveReader archive;
    if (!archive.openData(docx)) {
        *error = QStringLiteral("The .docx is not readable: ") + archive.error();
        return std::nullopt;
    }
    const auto body = archive.read(QStringLiteral("word/document.xml"));
    if (!body) {
        *error = QStringLiteral("The .docx has no readable word/document.xml: ") + archive.error();
        return std::nullopt;
    }
    QXmlStreamReader xml(*body);
    QStringList paragraphs;
    QString current;
    bool inParagraph = false;
    while (!xml.atEnd()) {
        if (!nextSafeToken(xml, error))
            return std::nullopt;
        if (xml.isStartElement()) {
            const auto name = xml.name();
            if (name == QLatin1String("p")) {
                inParagraph = true;
                current.clear();
            } else if (name == QLatin1String("t")) {
                current += xml.readElementText();
            } else if (name == QLatin1String("tab")) {
                current += u'\t';
            } else if (name == QLatin1String("br") || name == QLatin1String("cr")) {
                current += u'\n';
            }
        } else if (xml.isEndElement() && xml.name() == QLatin1String("p") && inParagraph) {
            paragraphs.append(current);
            inParagraph = false;
        }
    }
    return paragraphs.join(u'\n');
}

} // namespace newscoder::refi
