// The columns of code fields (`code.field`, one or more per field kind) and
// how a field's stored values become their cells.
#pragma once

#include "dataset/DatasetRecords.h"
#include "dataset/DatasetTable.h"
#include "model/Code.h"

#include <QHash>
#include <QSet>

namespace newscoder::dataset {

// A snake_case identifier: lower case, runs of anything but letters and
// digits become one "_" ("Bias indicator" → "bias_indicator").
QString snakeName(const QString &text);

// Column names made unique in a table: a taken name gets "_2", "_3", …
class ColumnNames
{
public:
    QString unique(const QString &wanted);

private:
    QSet<QString> m_taken;
};

// Columns for the fields of a list of codes, in codebook order:
//   text → text; choice → its value (labels as value labels); multiple
//   choice → the chosen values joined by ";" plus one 0/1 column per option;
//   ordinal → number (or the value with labels when the scale is not
//   numeric); number → number; date → date; boolean → 0/1; link to an
//   annotation → target id(s) plus `_text` and `_code`; link to an actor →
//   actor id(s) plus `_name`.
class FieldColumns
{
public:
    FieldColumns() = default;
    // `codeNames` names link targets' codes. `suffix` is added to every
    // column name of a field after its own columns (e.g. "_inherited" flag).
    FieldColumns(const QList<Code> &codes, ColumnNames &names, QHash<QUuid, QString> codeNames,
                 bool inheritedFlags = false);

    const QList<Column> &columns() const { return m_columns; }
    // The code whose field each column holds (same order as columns()).
    const QList<QUuid> &columnCodes() const { return m_columnCodes; }
    // Writes the cells of `values` (any order, several fields) into `row`
    // from `offset`. A field with no value leaves its cells missing.
    void fill(Row &row, qsizetype offset, const QList<DatasetValue> &values) const;
    // Sets the `_inherited` flag cells (inheritedFlags) of the fields in `fieldIds`.
    void markInherited(Row &row, qsizetype offset, const QSet<QUuid> &inheritedFields,
                       const QSet<QUuid> &givenFields) const;

private:
    struct Spec
    {
        CodeField field;
        qsizetype first = 0;     // index of its first column
        qsizetype inherited = -1; // index of its `_inherited` column
    };
    void fillField(Row &row, qsizetype offset, const Spec &spec, const QList<const DatasetValue *> &values) const;

    QList<Column> m_columns;
    QList<QUuid> m_columnCodes;
    QHash<QUuid, Spec> m_specs;
    QHash<QUuid, QString> m_codeNames;
};

// The value a numeric ordinal point stands for ("-3" → -3); nullopt when the
// scale's values are not all numbers.
std::optional<double> numericValue(const QString &text);

} // namespace newscoder::dataset
