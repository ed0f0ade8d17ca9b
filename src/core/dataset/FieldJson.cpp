#include "dataset/FieldJson.h"

#include "dataset/FieldColumns.h"
#include "storage/ProjectReader.h"

#include <QJsonArray>
#include <QJsonObject>

namespace newscoder::dataset {

QJsonValue fieldValueJson(const CodeField &field, const QList<FieldValue> &values,
                          const std::function<QString(const QUuid &)> &actorName)
{
    if (values.isEmpty())
        return QJsonValue::Null;
    const FieldValue &first = values.first();
    switch (field.kind) {
    case FieldKind::Text:
    case FieldKind::SingleChoice:
        return first.text;
    case FieldKind::MultipleChoice: {
        QJsonArray array;
        for (const FieldValue &v : values)
            array.append(v.text);
        return array;
    }
    case FieldKind::Ordinal:
    case FieldKind::Number:
        if (const auto n = numericValue(first.text))
            return *n;
        return first.text;
    case FieldKind::Boolean:
        return first.text == QLatin1String("true") || first.text == QLatin1String("1");
    case FieldKind::Date:
        return first.text;
    case FieldKind::AnnotationLink: {
        QJsonArray array;
        for (const FieldValue &v : values)
            array.append(idString(v.annotationId));
        return field.multiple ? QJsonValue(array) : array.first();
    }
    case FieldKind::ActorLink: {
        QJsonArray array;
        for (const FieldValue &v : values)
            array.append(QJsonObject{{QStringLiteral("actor"), idString(v.actorId)},
                                     {QStringLiteral("name"), actorName(v.actorId)}});
        return field.multiple ? QJsonValue(array) : array.first();
    }
    }
    return QJsonValue::Null;
}

} // namespace newscoder::dataset
