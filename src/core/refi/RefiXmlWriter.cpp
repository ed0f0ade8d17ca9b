#include "refi/RefiXml.h"

#include <QXmlStreamWriter>

namespace newscoder::refi {

namespace {

const QString ProjectNs = QStringLiteral("urn:QDA-XML:project:1.0");
const QString CodebookNs = QStringLiteral("urn:QDA-XML:codebook:1.0");

class Writer
{
public:
    explicit Writer(QByteArray *out) : m_xml(out) { m_xml.setAutoFormatting(true); m_xml.setAutoFormattingIndent(1); }

    QXmlStreamWriter &xml() { return m_xml; }

    void optionalAttr(const QString &name, const QString &value)
    {
        if (!value.isEmpty())
            m_xml.writeAttribute(name, value);
    }
    void dateAttr(const QString &name, const QDateTime &value)
    {
        if (value.isValid())
            m_xml.writeAttribute(name, value.toUTC().toString(Qt::ISODateWithMs));
    }
    void textElement(const QString &name, const QString &value, bool always = false)
    {
        if (always || !value.isEmpty())
            m_xml.writeTextElement(name, value);
    }
    void refs(const QString &element, const QStringList &guids)
    {
        for (const QString &g : guids) {
            m_xml.writeEmptyElement(element);
            m_xml.writeAttribute(QStringLiteral("targetGUID"), g);
        }
    }

    void code(const RefiCode &c, bool withNoteRefs)
    {
        m_xml.writeStartElement(QStringLiteral("Code"));
        m_xml.writeAttribute(QStringLiteral("guid"), c.guid);
        m_xml.writeAttribute(QStringLiteral("name"), c.name);
        m_xml.writeAttribute(QStringLiteral("isCodable"), c.isCodable ? QStringLiteral("true") : QStringLiteral("false"));
        optionalAttr(QStringLiteral("color"), c.color);
        textElement(QStringLiteral("Description"), c.description);
        if (withNoteRefs)
            refs(QStringLiteral("NoteRef"), c.noteRefs);
        for (const RefiCode &child : c.children)
            code(child, withNoteRefs);
        m_xml.writeEndElement();
    }

    void codes(const QList<RefiCode> &list, bool withNoteRefs)
    {
        if (list.isEmpty())
            return;
        m_xml.writeStartElement(QStringLiteral("Codes"));
        for (const RefiCode &c : list)
            code(c, withNoteRefs);
        m_xml.writeEndElement();
    }

    void variableValue(const RefiVariableValue &v)
    {
        m_xml.writeStartElement(QStringLiteral("VariableValue"));
        m_xml.writeEmptyElement(QStringLiteral("VariableRef"));
        m_xml.writeAttribute(QStringLiteral("targetGUID"), v.variableRef);
        m_xml.writeTextElement(v.kind + QStringLiteral("Value"), v.value);
        m_xml.writeEndElement();
    }

    void selection(const RefiSelection &s)
    {
        m_xml.writeStartElement(QStringLiteral("PlainTextSelection"));
        m_xml.writeAttribute(QStringLiteral("guid"), s.guid);
        optionalAttr(QStringLiteral("name"), s.name);
        m_xml.writeAttribute(QStringLiteral("startPosition"), QString::number(s.start));
        m_xml.writeAttribute(QStringLiteral("endPosition"), QString::number(s.end));
        optionalAttr(QStringLiteral("creatingUser"), s.creatingUser);
        dateAttr(QStringLiteral("creationDateTime"), s.created);
        optionalAttr(QStringLiteral("modifyingUser"), s.creatingUser.isEmpty() || !s.modified.isValid() ? QString() : s.creatingUser);
        dateAttr(QStringLiteral("modifiedDateTime"), s.modified);
        textElement(QStringLiteral("Description"), s.description);
        for (const RefiCoding &c : s.codings) {
            m_xml.writeStartElement(QStringLiteral("Coding"));
            m_xml.writeAttribute(QStringLiteral("guid"), c.guid);
            optionalAttr(QStringLiteral("creatingUser"), c.creatingUser);
            dateAttr(QStringLiteral("creationDateTime"), c.created);
            m_xml.writeEmptyElement(QStringLiteral("CodeRef"));
            m_xml.writeAttribute(QStringLiteral("targetGUID"), c.codeRef);
            refs(QStringLiteral("NoteRef"), c.noteRefs);
            m_xml.writeEndElement();
        }
        refs(QStringLiteral("NoteRef"), s.noteRefs);
        m_xml.writeEndElement();
    }

    void source(const RefiSource &s)
    {
        m_xml.writeStartElement(QStringLiteral("TextSource"));
        m_xml.writeAttribute(QStringLiteral("guid"), s.guid);
        optionalAttr(QStringLiteral("name"), s.name);
        optionalAttr(QStringLiteral("plainTextPath"), s.plainTextPath);
        optionalAttr(QStringLiteral("creatingUser"), s.creatingUser);
        dateAttr(QStringLiteral("creationDateTime"), s.created);
        textElement(QStringLiteral("Description"), s.description);
        for (const RefiSelection &sel : s.selections)
            selection(sel);
        refs(QStringLiteral("NoteRef"), s.noteRefs);
        for (const RefiVariableValue &v : s.variables)
            variableValue(v);
        m_xml.writeEndElement();
    }

private:
    QXmlStreamWriter m_xml;
};

} // namespace

QByteArray writeProjectXml(const RefiProjectData &p)
{
    QByteArray out;
    Writer w(&out);
    auto &x = w.xml();
    x.writeStartDocument();
    x.writeDefaultNamespace(ProjectNs);
    x.writeStartElement(ProjectNs, QStringLiteral("Project"));
    x.writeAttribute(QStringLiteral("name"), p.name);
    w.optionalAttr(QStringLiteral("origin"), p.origin);
    w.optionalAttr(QStringLiteral("creatingUserGUID"), p.creatingUser);
    w.dateAttr(QStringLiteral("creationDateTime"), p.created);
    w.dateAttr(QStringLiteral("modifiedDateTime"), p.modified);
    if (!p.users.isEmpty()) {
        x.writeStartElement(QStringLiteral("Users"));
        for (const RefiUser &u : p.users) {
            x.writeEmptyElement(QStringLiteral("User"));
            x.writeAttribute(QStringLiteral("guid"), u.guid);
            x.writeAttribute(QStringLiteral("name"), u.name);
        }
        x.writeEndElement();
    }
    if (!p.codes.isEmpty()) {
        x.writeStartElement(QStringLiteral("CodeBook"));
        w.codes(p.codes, true);
        x.writeEndElement();
    }
    if (!p.variables.isEmpty()) {
        x.writeStartElement(QStringLiteral("Variables"));
        for (const RefiVariable &v : p.variables) {
            x.writeStartElement(QStringLiteral("Variable"));
            x.writeAttribute(QStringLiteral("guid"), v.guid);
            x.writeAttribute(QStringLiteral("name"), v.name);
            x.writeAttribute(QStringLiteral("typeOfVariable"), v.type);
            w.textElement(QStringLiteral("Description"), v.description);
            x.writeEndElement();
        }
        x.writeEndElement();
    }
    if (!p.cases.isEmpty()) {
        x.writeStartElement(QStringLiteral("Cases"));
        for (const RefiCase &c : p.cases) {
            x.writeStartElement(QStringLiteral("Case"));
            x.writeAttribute(QStringLiteral("guid"), c.guid);
            w.optionalAttr(QStringLiteral("name"), c.name);
            w.textElement(QStringLiteral("Description"), c.description);
            for (const RefiVariableValue &v : c.values)
                w.variableValue(v);
            w.refs(QStringLiteral("SourceRef"), c.sourceRefs);
            x.writeEndElement();
        }
        x.writeEndElement();
    }
    if (!p.sources.isEmpty()) {
        x.writeStartElement(QStringLiteral("Sources"));
        for (const RefiSource &s : p.sources)
            w.source(s);
        x.writeEndElement();
    }
    if (!p.notes.isEmpty()) {
        x.writeStartElement(QStringLiteral("Notes"));
        for (const RefiNote &n : p.notes) {
            x.writeStartElement(QStringLiteral("Note"));
            x.writeAttribute(QStringLiteral("guid"), n.guid);
            w.optionalAttr(QStringLiteral("name"), n.name);
            w.optionalAttr(QStringLiteral("creatingUser"), n.creatingUser);
            w.dateAttr(QStringLiteral("creationDateTime"), n.created);
            x.writeTextElement(QStringLiteral("PlainTextContent"), n.text);
            x.writeEndElement();
        }
        x.writeEndElement();
    }
    if (!p.sets.isEmpty()) {
        x.writeStartElement(QStringLiteral("Sets"));
        for (const RefiSet &s : p.sets) {
            x.writeStartElement(QStringLiteral("Set"));
            x.writeAttribute(QStringLiteral("guid"), s.guid);
            x.writeAttribute(QStringLiteral("name"), s.name);
            w.textElement(QStringLiteral("Description"), s.description);
            w.refs(QStringLiteral("MemberCode"), s.memberCodes);
            w.refs(QStringLiteral("MemberSource"), s.memberSources);
            x.writeEndElement();
        }
        x.writeEndElement();
    }
    w.textElement(QStringLiteral("Description"), p.description);
    x.writeEndElement();
    x.writeEndDocument();
    return out;
}

QByteArray writeCodebookXml(const RefiProjectData &p)
{
    QByteArray out;
    Writer w(&out);
    auto &x = w.xml();
    x.writeStartDocument();
    x.writeDefaultNamespace(CodebookNs);
    x.writeStartElement(CodebookNs, QStringLiteral("CodeBook"));
    w.optionalAttr(QStringLiteral("origin"), p.origin);
    x.writeStartElement(QStringLiteral("Codes"));
    for (const RefiCode &c : p.codes)
        w.code(c, false);
    x.writeEndElement();
    x.writeEndElement();
    x.writeEndDocument();
    return out;
}

} // namespace newscoder::refi
