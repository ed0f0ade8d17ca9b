#include "export/VariableNames.h"

#include <QStringList>

#include <algorithm>
#include <iterator>

namespace newscoder::exporting {

namespace {

bool reserved(NameRules rules, const QString &lower)
{
    static const char *const spss[] = {"all", "and", "by", "eq", "ge", "gt", "le", "lt", "ne", "not", "or", "to", "with"};
    static const char *const stata[] = {"_all", "_b", "byte", "_coef", "_cons", "double", "float", "if", "in", "int",
                                        "long", "_n", "_pi", "_pred", "_rc", "_skip", "strl", "using", "with", "str",
                                        "_se"};
    const auto listed = [&](const auto &words) {
        return std::any_of(std::begin(words), std::end(words),
                           [&](const char *w) { return lower == QLatin1StringView(w); });
    };
    if (rules == NameRules::Spss)
        return listed(spss);
    if (listed(stata))
        return true;
    // str1 … str2045
    if (lower.startsWith(QLatin1String("str"))) {
        bool ok = false;
        lower.mid(3).toInt(&ok);
        return ok;
    }
    return false;
}

} // namespace

QString VariableNames::legal(const QString &columnName)
{
    const qsizetype limit = m_rules == NameRules::Spss ? 64 : 32;
    // Letters lose their accents (é → e); anything else becomes "_".
    const QString decomposed = columnName.normalized(QString::NormalizationForm_KD);
    QString name;
    for (const QChar c : decomposed) {
        if (c.unicode() < 128 && (c.isLetterOrNumber() || c == u'_'))
            name += c;
        else if (c.category() == QChar::Mark_NonSpacing)
            continue;
        else if (!name.endsWith(u'_'))
            name += u'_';
    }
    while (name.endsWith(u'_') && name.size() > 1)
        name.chop(1);
    if (name.isEmpty() || !name.front().isLetter())
        name.prepend(QStringLiteral("v_"));
    name.truncate(limit);
    if (reserved(m_rules, name.toLower()))
        name = QString(name + QStringLiteral("_v")).left(limit);
    QString candidate = name;
    for (int n = 2; m_taken.contains(candidate.toLower()); ++n) {
        const QString suffix = u'_' + QString::number(n);
        candidate = name.left(limit - suffix.size()) + suffix;
    }
    m_taken.insert(candidate.toLower());
    return candidate;
}

QStringList legalNames(const QStringList &columnNames, NameRules rules)
{
    VariableNames names(rules);
    QStringList result;
    result.reserve(columnNames.size());
    for (const QString &name : columnNames)
        result.append(names.legal(name));
    return result;
}

} // namespace newscoder::exporting
