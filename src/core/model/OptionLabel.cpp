#include "model/OptionLabel.h"

namespace newscoder {

namespace {

// A scale point's text as compared with its value: "−1" and "-1" and "+1" and "1" agree.
QString comparable(QString text)
{
    text.replace(QChar(0x2212), u'-'); // − → -
    if (text.startsWith(u'+'))
        text.remove(0, 1);
    return text.trimmed();
}

} // namespace

QString optionLabel(const FieldOption &option, OptionLabelStyle style, FieldKind kind)
{
    if (option.label.isEmpty())
        return option.value;
    switch (style) {
    case OptionLabelStyle::Label:
        return option.label;
    case OptionLabelStyle::ListEntry: {
        if (kind != FieldKind::Ordinal)
            return option.label;
        const QString label = comparable(option.label);
        const QString value = comparable(option.value);
        if (label == value || label.contains(value))
            return option.label;
        return QStringLiteral("%1  %2").arg(option.value, option.label);
    }
    case OptionLabelStyle::ValueAndLabel:
        return option.label == option.value ? option.value : QStringLiteral("%1 = %2").arg(option.value, option.label);
    }
    return option.label;
}

QString optionLabel(const CodeField &field, const QString &value, OptionLabelStyle style)
{
    for (const FieldOption &o : field.options) {
        if (o.value == value)
            return optionLabel(o, style, field.kind);
    }
    return value;
}

} // namespace newscoder
