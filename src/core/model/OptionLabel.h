// How an option of a choice list or a scale reads: the one place that formats
// option labels, for the window's lists and cells, the CLI and the exports.
#pragma once

#include "model/CodeField.h"

#include <QString>

namespace newscoder {

enum class OptionLabelStyle {
    // What a coder sees for a value: its label, the value when it has none
    // ("strongly against"). Table cells, the CLI's labels, value labels.
    Label,
    // An entry of a list or combo to choose from: the label, but a scale
    // point whose label does not say its value gets it in front
    // ("2  against the target"; never "−1 (-1)": a typographic minus counts
    // as the value's "-", a leading "+" is ignored).
    ListEntry,
    // The value with its label, for hints of what may be typed
    // ("-3 = strongly against"; the value alone when the label is empty or
    // the value itself).
    ValueAndLabel,
};

// `kind` is the kind of the option's field (ListEntry treats a scale, Ordinal, apart).
QString optionLabel(const FieldOption &option, OptionLabelStyle style = OptionLabelStyle::Label,
                    FieldKind kind = FieldKind::SingleChoice);
// The label of a stored value of `field` (the value itself when no option has it).
QString optionLabel(const CodeField &field, const QString &value, OptionLabelStyle style = OptionLabelStyle::Label);

} // namespace newscoder
