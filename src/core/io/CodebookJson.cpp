#include "io/CodebookJson.h"

#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace newscoder {

namespace {

constexpr int MaxDepth = 16;
constexpr int MaxCodes = 10000;
constexpr int MaxFields = 100;
constexpr int MaxOptions = 1000;

// Link targets are named in the file; they are resolved once every code is read.
struct PendingLinks
{
    QUuid codeId;
    int fieldIndex;
    QStringList codeNames;
};

bool readFields(const QJsonArray &array, Code &code, QList<PendingLinks> &links, QString &error)
{
    if (array.size() > MaxFields) {
        error = QStringLiteral("The code “%1” has more than %2 fields.").arg(code.name).arg(MaxFields);
        return false;
    }
    for (const QJsonValue &value : array) {
        const QJsonObject object = value.toObject();
        CodeField field;
        field.id = QUuid::createUuid();
        field.codeId = code.id;
        field.name = object.value(u"name").toString().trimmed();
        if (!value.isObject() || field.name.isEmpty()) {
            error = QStringLiteral("A field of “%1” has no name.").arg(code.name);
            return false;
        }
        const QString kind = object.value(u"kind").toString(QStringLiteral("text"));
        const auto parsedKind = fieldKindFromName(kind);
        if (!parsedKind) {
            error = QStringLiteral("The field “%1” of “%2” has an unknown kind “%3”.").arg(field.name, code.name, kind);
            return false;
        }
        field.kind = *parsedKind;
        field.required = object.value(u"required").toBool(false);
        field.multiple = object.value(u"multiple").toBool(false);
        field.description = object.value(u"description").toString();
        field.position = int(code.fields.size());
        const QJsonArray options = object.value(u"options").toArray();
        if (options.size() > MaxOptions) {
            error = QStringLiteral("The field “%1” has more than %2 options.").arg(field.name).arg(MaxOptions);
            return false;
        }
        for (const QJsonValue &option : options) {
            // An option is {"value", "label"} or just a string (value = label).
            FieldOption o = option.isString() ? FieldOption{option.toString(), {}}
                                              : FieldOption{option[u"value"].isDouble()
                                                                ? QString::number(option[u"value"].toDouble())
                                                                : option[u"value"].toString(),
                                                            option[u"label"].toString()};
            if (o.value.isEmpty()) {
                error = QStringLiteral("The field “%1” has an option without a value.").arg(field.name);
                return false;
            }
            field.options.append(o);
        }
        const bool needsOptions = field.kind == FieldKind::SingleChoice || field.kind == FieldKind::MultipleChoice
                                  || field.kind == FieldKind::Ordinal;
        if (needsOptions && field.options.isEmpty()) {
            error = QStringLiteral("The field “%1” of “%2” needs options.").arg(field.name, code.name);
            return false;
        }
        QStringList targets;
        const QJsonArray linkCodes = object.value(u"link_codes").toArray();
        if (linkCodes.size() > MaxCodes) {
            error = QStringLiteral("The field “%1” links to more than %2 codes.").arg(field.name).arg(MaxCodes);
            return false;
        }
        for (const QJsonValue &target : linkCodes) {
            if (!targets.contains(target.toString(), Qt::CaseInsensitive))
                targets.append(target.toString());
        }
        if (!targets.isEmpty())
            links.append({code.id, int(code.fields.size()), targets});
        code.fields.append(field);
    }
    return true;
}

bool readCodes(const QJsonArray &array, const QUuid &parent, int depth, QList<Code> &out,
               QList<PendingLinks> &links, QString &error)
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
        code.useWhen = object.value(u"use_when").toString();
        code.avoidWhen = object.value(u"avoid_when").toString();
        code.example = object.value(u"example").toString();
        code.memo = object.value(u"memo").toString();
        const QString unit = object.value(u"unit").toString(QStringLiteral("span"));
        const auto parsedUnit = codeUnitFromName(unit);
        if (!parsedUnit) {
            error = QStringLiteral("The code “%1” has an unknown unit “%2” (span, article or outlet).").arg(code.name, unit);
            return false;
        }
        code.unit = *parsedUnit;
        code.position = position++;
        if (!readFields(object.value(u"fields").toArray(), code, links, error))
            return false;
        out.append(code);
        if (out.size() > MaxCodes) {
            error = QStringLiteral("More than %1 codes.").arg(MaxCodes);
            return false;
        }
        if (!readCodes(object.value(u"children").toArray(), code.id, depth + 1, out, links, error))
            return false;
    }
    return true;
}

QJsonArray writeFields(const QList<Code> &codes, const Code &code, const CodebookJsonWriteOptions &options)
{
    QJsonArray array;
    for (const CodeField &f : code.fields) {
        QJsonObject object{{QStringLiteral("name"), f.name}, {QStringLiteral("kind"), fieldKindName(f.kind)}};
        if (options.includeIds)
            object.insert(u"id", f.id.toString(QUuid::WithoutBraces));
        if (f.required)
            object.insert(u"required", true);
        if (f.multiple)
            object.insert(u"multiple", true);
        if (!f.description.isEmpty())
            object.insert(u"description", f.description);
        if (!f.options.isEmpty()) {
            QJsonArray optionArray;
            for (const FieldOption &o : f.options)
                optionArray.append(QJsonObject{{QStringLiteral("value"), o.value}, {QStringLiteral("label"), o.label}});
            object.insert(u"options", optionArray);
        }
        QJsonArray targets;
        for (const QUuid &id : f.linkCodes) {
            for (const Code &c : codes) {
                if (c.id == id)
                    targets.append(c.name);
            }
        }
        if (!targets.isEmpty())
            object.insert(u"link_codes", targets);
        array.append(object);
    }
    return array;
}

QJsonArray writeCodes(const QList<Code> &codes, const QUuid &parent, const CodebookJsonWriteOptions &options)
{
    QJsonArray array;
    for (const Code &code : codes) {
        if (code.parentId != parent)
            continue;
        QJsonObject object{{QStringLiteral("name"), code.name}, {QStringLiteral("color"), code.color.name(QColor::HexRgb)}};
        if (options.includeIds)
            object.insert(u"id", code.id.toString(QUuid::WithoutBraces));
        if (options.includeCounts)
            object.insert(u"annotations", options.annotationCounts.value(code.id));
        if (!code.shortcut.isEmpty())
            object.insert(u"shortcut", code.shortcut);
        if (!code.description.isEmpty())
            object.insert(u"description", code.description);
        if (code.unit != CodeUnit::Span)
            object.insert(u"unit", codeUnitName(code.unit));
        for (const auto &[key, text] : {std::pair{u"use_when", &code.useWhen}, std::pair{u"avoid_when", &code.avoidWhen},
                                        std::pair{u"example", &code.example}, std::pair{u"memo", &code.memo}}) {
            if (!text->isEmpty())
                object.insert(QStringView(key), *text);
        }
        if (!code.fields.isEmpty())
            object.insert(u"fields", writeFields(codes, code, options));
        const QJsonArray children = writeCodes(codes, code.id, options);
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
    QList<PendingLinks> links;
    if (!readCodes(root.value(u"codes").toArray(), QUuid(), 0, result.codes, links, result.error)) {
        result.codes.clear();
        return result;
    }
    // Codes by id and by case-folded name (the first of a name wins), built once.
    QHash<QUuid, qsizetype> indexById;
    QHash<QString, QUuid> idByName;
    for (qsizetype i = 0; i < result.codes.size(); ++i) {
        indexById.insert(result.codes[i].id, i);
        const QString key = result.codes[i].name.toCaseFolded();
        if (!idByName.contains(key))
            idByName.insert(key, result.codes[i].id);
    }
    for (const PendingLinks &pending : links) {
        Code *owner = &result.codes[indexById.value(pending.codeId)];
        CodeField &field = owner->fields[pending.fieldIndex];
        for (const QString &name : pending.codeNames) {
            const auto target = idByName.constFind(name.toCaseFolded());
            if (target == idByName.cend()) {
                result.error = QStringLiteral("The field “%1” of “%2” links to an unknown code “%3”.")
                                   .arg(field.name, owner->name, name);
                result.codes.clear();
                return result;
            }
            field.linkCodes.append(*target);
        }
    }
    return result;
}

QByteArray writeCodebookJson(const QList<Code> &codes, const QString &name, const CodebookJsonWriteOptions &options)
{
    QJsonObject root{{QStringLiteral("format"), QStringLiteral("newscoder-codebook")}, {QStringLiteral("version"), kCodebookJsonVersion}};
    if (!name.isEmpty())
        root.insert(u"name", name);
    root.insert(u"codes", writeCodes(codes, QUuid(), options));
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
