// Names of the model enums as stored in the project file and JSON, and the
// small helpers of the model structs.
#include "model/Annotation.h"
#include "model/Code.h"
#include "model/CodeField.h"
#include "model/OptionLabel.h"
#include "model/Outlet.h"
#include "model/StoredValue.h"

#include <QDate>
#include <QLocale>

#include <array>
#include <utility>

namespace newscoder {

namespace {

constexpr std::array FieldKindNames{
    std::pair{FieldKind::Text, u"text"},
    std::pair{FieldKind::SingleChoice, u"choice"},
    std::pair{FieldKind::MultipleChoice, u"multi-choice"},
    std::pair{FieldKind::Ordinal, u"ordinal"},
    std::pair{FieldKind::Number, u"number"},
    std::pair{FieldKind::Boolean, u"boolean"},
    std::pair{FieldKind::Date, u"date"},
    std::pair{FieldKind::AnnotationLink, u"annotation-link"},
    std::pair{FieldKind::ActorLink, u"actor-link"},
};

constexpr std::array CodeUnitNames{
    std::pair{CodeUnit::Span, u"span"},
    std::pair{CodeUnit::Article, u"article"},
    std::pair{CodeUnit::Outlet, u"outlet"},
};

constexpr std::array CoderRoleNames{
    std::pair{CoderRole::Coder, u"coder"},
    std::pair{CoderRole::Lead, u"lead"},
    std::pair{CoderRole::Consensus, u"consensus"},
};

template <typename Enum, std::size_t N>
QString nameOf(const std::array<std::pair<Enum, const char16_t *>, N> &names, Enum value)
{
    for (const auto &[v, name] : names) {
        if (v == value)
            return QString::fromUtf16(name);
    }
    return {};
}

template <typename Enum, std::size_t N>
std::optional<Enum> valueOf(const std::array<std::pair<Enum, const char16_t *>, N> &names, const QString &text)
{
    for (const auto &[v, name] : names) {
        if (text == QStringView(name))
            return v;
    }
    return std::nullopt;
}

} // namespace

QString fieldKindName(FieldKind kind)
{
    return nameOf(FieldKindNames, kind);
}

std::optional<FieldKind> fieldKindFromName(const QString &name)
{
    return valueOf(FieldKindNames, name);
}

QString fieldLevel(FieldKind kind)
{
    switch (kind) {
    case FieldKind::SingleChoice:
    case FieldKind::MultipleChoice:
    case FieldKind::Boolean:
    case FieldKind::AnnotationLink:
    case FieldKind::ActorLink:
        return QStringLiteral("nominal");
    case FieldKind::Ordinal:
        return QStringLiteral("ordinal");
    case FieldKind::Number:
        return QStringLiteral("interval");
    case FieldKind::Text:
    case FieldKind::Date:
        break;
    }
    return {};
}

QString codeUnitName(CodeUnit unit)
{
    return nameOf(CodeUnitNames, unit);
}

std::optional<CodeUnit> codeUnitFromName(const QString &name)
{
    return valueOf(CodeUnitNames, name);
}

QString coderRoleName(CoderRole role)
{
    return nameOf(CoderRoleNames, role);
}

std::optional<CoderRole> coderRoleFromName(const QString &name)
{
    return valueOf(CoderRoleNames, name);
}

QString annotationStatusName(AnnotationStatus status)
{
    switch (status) {
    case AnnotationStatus::Suggested:
        return QStringLiteral("suggested");
    case AnnotationStatus::Review:
        return QStringLiteral("review");
    case AnnotationStatus::Coded:
        break;
    }
    return QStringLiteral("coded");
}

AnnotationStatus annotationStatusFromName(const QString &name)
{
    if (name == u"suggested")
        return AnnotationStatus::Suggested;
    if (name == u"review")
        return AnnotationStatus::Review;
    return AnnotationStatus::Coded;
}

const CodeField *Code::field(const QUuid &fieldId) const
{
    for (const CodeField &f : fields) {
        if (f.id == fieldId)
            return &f;
    }
    return nullptr;
}

const CodeField *Code::fieldByName(const QString &name) const
{
    for (const CodeField &f : fields) {
        if (f.name.compare(name, Qt::CaseInsensitive) == 0)
            return &f;
    }
    return nullptr;
}

QString CodeField::labelFor(const QString &value) const
{
    return optionLabel(*this, value, OptionLabelStyle::Label);
}

bool CodeField::accepts(const QString &value, QString *error) const
{
    const auto refuse = [&](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    switch (kind) {
    case FieldKind::Text:
        return true;
    case FieldKind::SingleChoice:
    case FieldKind::MultipleChoice:
    case FieldKind::Ordinal:
        for (const FieldOption &o : options) {
            if (o.value == value)
                return true;
        }
        return refuse(QStringLiteral("“%1” is not one of the values of “%2”.").arg(value, name));
    case FieldKind::Number: {
        bool ok = false;
        QLocale::c().toDouble(value, &ok);
        return ok ? true : refuse(QStringLiteral("“%1” is not a number (field “%2”).").arg(value, name));
    }
    case FieldKind::Boolean:
        return value == u"true" || value == u"false"
                   ? true
                   : refuse(QStringLiteral("“%1” must be true or false.").arg(name));
    case FieldKind::Date:
        return QDate::fromString(value, Qt::ISODate).isValid()
                   ? true
                   : refuse(QStringLiteral("“%1” is not a date as YYYY-MM-DD (field “%2”).").arg(value, name));
    case FieldKind::AnnotationLink:
    case FieldKind::ActorLink:
        return refuse(QStringLiteral("“%1” links to an annotation or actor, not to a value.").arg(name));
    }
    return false;
}

bool Outlet::matchesHost(const QString &host) const
{
    QString h = host.toLower();
    if (h.startsWith(u"www."))
        h.remove(0, 4);
    for (const QString &domain : domains) {
        const QString d = domain.toLower();
        if (!d.isEmpty() && (h == d || h.endsWith(u'.' + d)))
            return true;
    }
    return false;
}

QString memoKindName(MemoRecord::Kind kind)
{
    switch (kind) {
    case MemoRecord::Kind::Annotation:
        return QStringLiteral("annotation");
    case MemoRecord::Kind::Document:
        return QStringLiteral("article");
    case MemoRecord::Kind::Code:
        return QStringLiteral("code");
    case MemoRecord::Kind::Actor:
        return QStringLiteral("actor");
    case MemoRecord::Kind::Outlet:
        return QStringLiteral("outlet");
    }
    return {};
}

} // namespace newscoder
