#include "dataset/FieldColumns.h"

#include "model/OptionLabel.h"
#include "storage/ProjectReader.h"

namespace newscoder::dataset {

QString snakeName(const QString &text)
{
    QString result;
    result.reserve(text.size());
    bool gap = false;
    for (const QChar c : text) {
        if (c.isLetterOrNumber()) {
            if (gap && !result.isEmpty())
                result += u'_';
            gap = false;
            result += c.toLower();
        } else {
            gap = true;
        }
    }
    return result.isEmpty() ? QStringLiteral("x") : result;
}

QString ColumnNames::unique(const QString &wanted)
{
    QString name = wanted;
    for (int n = 2; m_taken.contains(name); ++n)
        name = wanted + u'_' + QString::number(n);
    m_taken.insert(name);
    return name;
}

std::optional<double> numericValue(const QString &text)
{
    bool ok = false;
    const double value = QString(text).replace(QChar(0x2212), u'-').trimmed().toDouble(&ok);
    return ok ? std::optional<double>(value) : std::nullopt;
}

namespace {

bool numericScale(const CodeField &field)
{
    if (field.options.isEmpty())
        return false;
    for (const FieldOption &o : field.options) {
        if (!numericValue(o.value))
            return false;
    }
    return true;
}

} // namespace

FieldColumns::FieldColumns(const QList<Code> &codes, ColumnNames &names, QHash<QUuid, QString> codeNames,
                           bool inheritedFlags)
    : m_codeNames(std::move(codeNames))
{
    for (const Code &code : codes) {
        for (const CodeField &field : code.fields) {
            Spec spec{field, m_columns.size(), -1};
            const QString base = snakeName(code.name) + u'.' + snakeName(field.name);
            const QString label = code.name + QStringLiteral(": ") + field.name;
            auto add = [&](const QString &name, ColumnType type, const QString &columnLabel) -> Column & {
                m_columns.append(Column{names.unique(name), type, columnLabel, {}, false, false});
                m_columnCodes.append(code.id);
                return m_columns.last();
            };
            switch (field.kind) {
            case FieldKind::Text:
                add(base, ColumnType::Text, label);
                break;
            case FieldKind::SingleChoice: {
                Column &c = add(base, ColumnType::Text, label);
                c.valueLabels = field.options;
                c.categorical = true;
                break;
            }
            case FieldKind::MultipleChoice:
                add(base, ColumnType::Text, label + QStringLiteral(" (chosen values, ; separated)"));
                for (const FieldOption &o : field.options) {
                    Column &c = add(base + u'.' + snakeName(o.value), ColumnType::Integer,
                                    label + QStringLiteral(" = ") + optionLabel(o));
                    c.valueLabels = {{QStringLiteral("0"), QStringLiteral("not chosen")},
                                     {QStringLiteral("1"), QStringLiteral("chosen")}};
                }
                break;
            case FieldKind::Ordinal: {
                const bool numeric = numericScale(field);
                Column &c = add(base, numeric ? ColumnType::Number : ColumnType::Text, label);
                c.valueLabels = field.options;
                c.categorical = !numeric;
                c.ordered = true;
                break;
            }
            case FieldKind::Number:
                add(base, ColumnType::Number, label);
                break;
            case FieldKind::Boolean: {
                Column &c = add(base, ColumnType::Integer, label);
                c.valueLabels = {{QStringLiteral("0"), QStringLiteral("no")}, {QStringLiteral("1"), QStringLiteral("yes")}};
                break;
            }
            case FieldKind::Date:
                add(base, ColumnType::Date, label);
                break;
            case FieldKind::AnnotationLink:
                add(base, ColumnType::Text, label + QStringLiteral(" (linked annotation id)"));
                add(base + QStringLiteral("_text"), ColumnType::Text, label + QStringLiteral(" (linked text)"));
                add(base + QStringLiteral("_code"), ColumnType::Text, label + QStringLiteral(" (linked code)"));
                break;
            case FieldKind::ActorLink:
                add(base, ColumnType::Text, label + QStringLiteral(" (actor id)"));
                add(base + QStringLiteral("_name"), ColumnType::Text, label + QStringLiteral(" (actor name)"));
                break;
            }
            if (inheritedFlags) {
                spec.inherited = m_columns.size();
                Column &c = add(base + QStringLiteral("_inherited"), ColumnType::Integer,
                                label + QStringLiteral(" (1 = inherited from the outlet)"));
                c.valueLabels = {{QStringLiteral("0"), QStringLiteral("set for the article")},
                                 {QStringLiteral("1"), QStringLiteral("inherited")}};
            }
            m_specs.insert(field.id, spec);
        }
    }
}

void FieldColumns::fill(Row &row, qsizetype offset, const QList<DatasetValue> &values) const
{
    // Values arrive grouped by field (store order); gather each field's run.
    qsizetype i = 0;
    QList<const DatasetValue *> run;
    while (i < values.size()) {
        const QUuid fieldId = values[i].fieldId;
        run.clear();
        while (i < values.size() && values[i].fieldId == fieldId)
            run.append(&values[i++]);
        const auto spec = m_specs.constFind(fieldId);
        if (spec != m_specs.constEnd())
            fillField(row, offset, *spec, run);
    }
}

void FieldColumns::fillField(Row &row, qsizetype offset, const Spec &spec,
                             const QList<const DatasetValue *> &values) const
{
    const CodeField &field = spec.field;
    const qsizetype at = offset + spec.first;
    if (values.isEmpty())
        return;
    const DatasetValue &first = *values.first();
    switch (field.kind) {
    case FieldKind::Text:
    case FieldKind::SingleChoice:
        row[at] = first.text;
        break;
    case FieldKind::MultipleChoice: {
        QStringList chosen;
        for (const DatasetValue *v : values)
            chosen.append(v->text);
        row[at] = chosen.join(u';');
        for (qsizetype o = 0; o < field.options.size(); ++o)
            row[at + 1 + o] = qint64(chosen.contains(field.options[o].value) ? 1 : 0);
        break;
    }
    case FieldKind::Ordinal:
        if (numericScale(field)) {
            if (const auto n = numericValue(first.text))
                row[at] = *n;
        } else {
            row[at] = first.text;
        }
        break;
    case FieldKind::Number:
        if (const auto n = numericValue(first.text))
            row[at] = *n;
        break;
    case FieldKind::Boolean:
        if (first.text == QLatin1String("true") || first.text == QLatin1String("1"))
            row[at] = qint64(1);
        else if (first.text == QLatin1String("false") || first.text == QLatin1String("0"))
            row[at] = qint64(0);
        break;
    case FieldKind::Date: {
        const QDate date = QDate::fromString(first.text, Qt::ISODate);
        if (date.isValid())
            row[at] = date;
        break;
    }
    case FieldKind::AnnotationLink: {
        QStringList ids, texts, codes;
        for (const DatasetValue *v : values) {
            if (v->targetId.isNull())
                continue;
            ids.append(idString(v->targetId));
            texts.append(v->targetText);
            codes.append(m_codeNames.value(v->targetCodeId));
        }
        if (!ids.isEmpty()) {
            row[at] = ids.join(u';');
            row[at + 1] = texts.join(u';');
            row[at + 2] = codes.join(u';');
        }
        break;
    }
    case FieldKind::ActorLink: {
        QStringList ids, names;
        for (const DatasetValue *v : values) {
            if (v->actorId.isNull())
                continue;
            ids.append(idString(v->actorId));
            names.append(v->actorName);
        }
        if (!ids.isEmpty()) {
            row[at] = ids.join(u';');
            row[at + 1] = names.join(u';');
        }
        break;
    }
    }
}

void FieldColumns::markInherited(Row &row, qsizetype offset, const QSet<QUuid> &inheritedFields,
                                 const QSet<QUuid> &givenFields) const
{
    for (auto it = m_specs.constBegin(); it != m_specs.constEnd(); ++it) {
        if (it->inherited < 0)
            continue;
        if (givenFields.contains(it.key()))
            row[offset + it->inherited] = qint64(0);
        else if (inheritedFields.contains(it.key()))
            row[offset + it->inherited] = qint64(1);
    }
}

} // namespace newscoder::dataset
