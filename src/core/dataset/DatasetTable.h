// The tables of the coded dataset as the exporters see them: typed columns
// and rows streamed one at a time.
#pragma once

#include "model/CodeField.h"

#include <QList>
#include <QString>
#include <QVariant>

#include <functional>
#include <optional>

namespace newscoder::dataset {

// How a column's cells are typed. Cells are QVariant: QString (Text), qint64
// (Integer), double (Number), QDate (Date), QDateTime in UTC (DateTime); a
// null QVariant is a missing value — never a made-up one.
enum class ColumnType { Text, Integer, Number, Date, DateTime };

QString columnTypeName(ColumnType type); // "string", "integer", "number", "date", "datetime"

struct Column
{
    QString name;  // snake_case; `code.field` for field columns
    ColumnType type = ColumnType::Text;
    QString label; // a human-readable description (variable label)
    // Value labels: choices, ordinal scale points, booleans. For a Text
    // column with `categorical` set, statistics formats store integer codes
    // (1, 2, … in option order) with these labels.
    QList<FieldOption> valueLabels;
    bool categorical = false;
    bool ordered = false; // an ordinal scale (ordered factor in R)
};

using Row = QVariantList;
using RowVisitor = std::function<bool(const Row &)>; // return false to stop

enum class TableKind { Segments, Articles, Links, Actors, Outlets, Codebook };

QString tableName(TableKind kind); // "segments", …
std::optional<TableKind> tableFromName(const QString &name);
QList<TableKind> allTables();

// One table: a fixed header and rows streamed from the project.
class Table
{
public:
    virtual ~Table() = default;
    virtual TableKind kind() const = 0;
    virtual QString name() const { return tableName(kind()); } // "nodes" / "edges" derive from links
    virtual QString grain() const = 0; // "one row per …"
    virtual const QList<Column> &columns() const = 0;
    // Streams the rows; throws StoreError when the project cannot be read.
    virtual void forEachRow(const RowVisitor &visit) const = 0;
    // Two kinds of missing cell, told apart in SPSS/Stata (declared missing
    // "not given" vs system-missing): whether a missing cell of `column` can
    // be a value the row's code asks for but nobody gave (a field left empty,
    // or added after the annotation was coded) …
    virtual bool mayBeNotGiven(qsizetype column) const
    {
        Q_UNUSED(column);
        return false;
    }
    // … and whether the missing cell of `row` is one (otherwise the field does
    // not apply to the row, e.g. another code's field).
    virtual bool notGiven(const Row &row, qsizetype column) const
    {
        Q_UNUSED(row);
        Q_UNUSED(column);
        return false;
    }
};

} // namespace newscoder::dataset
