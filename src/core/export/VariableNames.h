// Legal, unique variable names for SPSS (≤ 64 bytes) and Stata (≤ 32
// characters): ASCII letters, digits and "_", starting with a letter, no
// reserved word, unique without regard to case.
#pragma once

#include <QSet>
#include <QString>
#include <QStringList>

namespace newscoder::exporting {

enum class NameRules { Spss, Stata };

class VariableNames
{
public:
    explicit VariableNames(NameRules rules) : m_rules(rules) {}
    // A legal name for `columnName` that no earlier call returned.
    QString legal(const QString &columnName);

private:
    NameRules m_rules;
    QSet<QString> m_taken; // lower case
};

// The names a table's columns get in SPSS or Stata, in column order (what
// the writer uses; the study folder's name-mapping table lists the changes).
QStringList legalNames(const QStringList &columnNames, NameRules rules);

} // namespace newscoder::exporting
