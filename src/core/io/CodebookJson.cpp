#include "io/CodebookJson.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace newscoder {

namespace {

constexpr int MaxDepth = 16;
constexpr int MaxCodes = 10000;

bool readCodes(const QJsonArray &array, const QUuid &parent, int depth, QList<Code> &out, QString &error)
{
    if (depth > MaxDepth) {
        error = QStringLiteral("Codes are nested more than %1 levels deep.").arg(MaxDepth);
        return false;
    }
    int position = 0;
    for (const QJsonValue &value : array) {
        if (!value.isObject()) {
            error = QStringLiteral("Every entry of \"codes\" must be an object.");
            return false;
        }
        const QJsonObject object = value.toObject();
        Code code;
        code.id = QUuid::createUuid();
        code.parentId = parent;
        code.name = object.value(u"name").toString().trimmed();
        if (code.name.isEmpty()) {
            error = QStringLiteral("A code without a name (entry %1).").arg(out.size() + 1);
            return false;
        }
        const QString color = object.value(u"color").toString();
        code.color = color.isEmpty() ? QColor(0x88, 0x88, 0x88) : QColor::fromString(color);
        if (!code.color.isValid()) {
            error = QStringLiteral("The code “%1” has an invalid color “%2”.").arg(code.name, color);
            return false;
        }
        code.description = object.value(u"description").toString();
        code.shortcut = object.value(u"shortcut").toString();
        code.position = position++;
        out.append(code);
        if (out.size() > MaxCodes) {
            error = QStringLiteral("More than %1 codes.").arg(MaxCodes);
            return false;
        }
        if (!readCodes(object.value(u"children").toArray(), code.id, depth + 1, out, error))
            return false;
    }
    return true;
}

QJsonArray writeCodes(const QList<Code> &codes, const QUuid &parent)
{
    QJsonArray array;
    for (const Code &code : codes) {
        if (code.parentId != parent)
            continue;
        QJsonObject object{{QStringLiteral("name"), code.name}, {QStringLiteral("color"), code.color.name(QColor::HexRgb)}};
        if (!code.shortcut.isEmpty())
            object.insert(u"shortcut", code.shortcut);
        if (!code.description.isEmpty())
            object.insert(u"description", code.description);
        const QJsonArray children = writeCodes(codes, code.id);
        if (!children.isEmpty())
            object.insert(u"children", children);
        array.append(object);
    }
    return array;
}

} // namespace

CodebookReadResult readCodebookJson(const QByteArray &json)
{
    CodebookReadResult result;
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        result.error = QStringLiteral("Not valid JSON: %1 (at byte %2).")
                           .arg(parseError.errorString())
                           .arg(parseError.offset);
        return result;
    }
    const QJsonObject root = doc.object();
    if (root.value(u"format").toString() != QLatin1String("newscoder-codebook")) {
        result.error = QStringLiteral("Not a Newscoder codebook (\"format\" is not \"newscoder-codebook\").");
        return result;
    }
    const int version = root.value(u"version").toInt(0);
    if (version < 1 || version > kCodebookJsonVersion) {
        result.error = QStringLiteral("Codebook format version %1 is not supported (this Newscoder reads up to %2).")
                           .arg(version)
                           .arg(kCodebookJsonVersion);
        return result;
    }
    if (!readCodes(root.value(u"codes").toArray(), QUuid(), 0, result.codes, result.error))
        result.codes.clear();
    return result;
}

QByteArray writeCodebookJson(const QList<Code> &codes, const QString &name)
{
    QJsonObject root{{QStringLiteral("format"), QStringLiteral("newscoder-codebook")}, {QStringLiteral("version"), kCodebookJsonVersion}};
    if (!name.isEmpty())
        root.insert(u"name", name);
    root.insert(u"codes", writeCodes(codes, QUuid()));
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

QList<Code> defaultNewsCodebook()
{
    QFile file(QStringLiteral(":/codebooks/news-default.json"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return readCodebookJson(file.readAll()).codes;
}

} // namespace newscoder
