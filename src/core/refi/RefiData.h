#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

namespace newscoder::refi {

// The parts of a REFI-QDA project (QDA-XML 1.0, urn:QDA-XML:project:1.0) or
// codebook (urn:QDA-XML:codebook:1.0) that Newscoder reads and writes. GUIDs
// are kept as written (braces and case included); compare them with
// guidKey().

struct RefiUser
{
    QString guid;
    QString name;
};

struct RefiCode
{
    QString guid;
    QString name;
    QString color; // "#rrggbb" as written (may be empty or unusual)
    bool isCodable = true;
    QString description;
    QStringList noteRefs;
    QList<RefiCode> children;
};

struct RefiCoding
{
    QString guid;
    QString codeRef;
    QString creatingUser;
    QDateTime created;
    QStringList noteRefs;
};

struct RefiSelection
{
    QString guid;
    QString name;
    qint64 start = 0;
    qint64 end = 0;
    QString description;
    QString creatingUser;
    QDateTime created;
    QDateTime modified;
    QList<RefiCoding> codings;
    QStringList noteRefs;
};

struct RefiVariableValue
{
    QString variableRef;
    QString kind; // "Text", "Boolean", "Integer", "Float", "Date", "DateTime"
    QString value;
};

// A source of the project. Only text sources are imported; the others are
// listed as skipped.
struct RefiSource
{
    enum class Kind { Text, Pdf, Picture, Audio, Video };
    Kind kind = Kind::Text;
    QString guid;
    QString name;
    QString plainTextPath;
    QString richTextPath;
    QString path; // non-text sources
    QString plainTextContent;
    bool hasPlainTextContent = false;
    QString description;
    QString creatingUser;
    QDateTime created;
    QDateTime modified;
    QList<RefiSelection> selections;
    QStringList noteRefs;
    QList<RefiVariableValue> variables;
};

struct RefiNote
{
    QString guid;
    QString name;
    QString text; // PlainTextContent, or the file behind plainTextPath
    QString plainTextPath;
    QString creatingUser;
    QDateTime created;
};

struct RefiVariable
{
    QString guid;
    QString name;
    QString type; // typeOfVariable
    QString description;
};

struct RefiCase
{
    QString guid;
    QString name;
    QString description;
    QList<RefiVariableValue> values;
    QStringList sourceRefs;
};

struct RefiSet
{
    QString guid;
    QString name;
    QString description;
    QStringList memberSources;
    QStringList memberCodes;
};

struct RefiProjectData
{
    QString name;
    QString origin;
    QString creatingUser;
    QDateTime created;
    QDateTime modified;
    QList<RefiUser> users;
    QList<RefiCode> codes; // the tree
    QList<RefiVariable> variables;
    QList<RefiCase> cases;
    QList<RefiSource> sources;
    QList<RefiNote> notes;
    QList<RefiSet> sets;
    QString description;
    bool isCodebookOnly = false; // read from a .qdc
};

// A GUID for comparisons: braces dropped, lower case.
QString guidKey(const QString &guid);

} // namespace newscoder::refi
