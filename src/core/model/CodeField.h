#pragma once

#include <QList>
#include <QString>
#include <QUuid>

#include <optional>

namespace newscoder {

// The type of a field a code declares. Annotations of a span code, and the
// articles or outlets a variable code applies to, carry values for them.
enum class FieldKind {
    Text,
    SingleChoice,
    MultipleChoice,
    Ordinal,        // an ordered scale; options give the points in order (e.g. −3 … +3)
    Number,
    Boolean,
    Date,
    AnnotationLink, // to another annotation (of `linkCodes`, any code when empty)
    ActorLink,      // to an actor of the registry
};

QString fieldKindName(FieldKind kind); // "text", "choice", "multi-choice", "ordinal", …
std::optional<FieldKind> fieldKindFromName(const QString &name);
// The level of measurement agreement statistics use for a field's values.
QString fieldLevel(FieldKind kind); // "nominal", "ordinal", "interval" or "" (not comparable)

// One point of a choice list or an ordinal scale: the stored value and the
// label coders see ("-3" / "strongly against").
struct FieldOption
{
    QString value;
    QString label;
    friend bool operator==(const FieldOption &, const FieldOption &) = default;
};

struct CodeField
{
    QUuid id;
    QUuid codeId;
    QString name;
    FieldKind kind = FieldKind::Text;
    bool required = false;
    bool multiple = false;      // links: several targets allowed (multiple choice always is)
    QList<FieldOption> options; // choices / ordinal scale points, in order
    QList<QUuid> linkCodes;     // AnnotationLink: allowed target codes (empty: any)
    QString description;
    int position = 0;

    bool isLink() const { return kind == FieldKind::AnnotationLink || kind == FieldKind::ActorLink; }
    bool allowsSeveral() const { return kind == FieldKind::MultipleChoice || (isLink() && multiple); }
    // The option label for a stored value (the value itself when it has none).
    QString labelFor(const QString &value) const;
    // Whether `value` is acceptable for this field (scalar kinds); sets `error`.
    bool accepts(const QString &value, QString *error = nullptr) const;

    friend bool operator==(const CodeField &, const CodeField &) = default;
};

// One value of a field. Scalar kinds use `text` (numbers as C-locale text,
// dates as yyyy-MM-dd, booleans as "true"/"false", choices as the option
// value); a multiple choice has one value per chosen option. Links use
// `annotationId` or `actorId`.
struct FieldValue
{
    QUuid fieldId;
    QString text;
    QUuid annotationId;
    QUuid actorId;
    friend bool operator==(const FieldValue &, const FieldValue &) = default;
};

} // namespace newscoder
