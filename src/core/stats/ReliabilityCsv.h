#pragma once

#include "stats/ReliabilityData.h"
#include "stats/UnitizingAlpha.h"

#include <QByteArrayView>

namespace newscoder::stats {

// Reliability data from CSV (see stats/Csv.h for the dialect): a header row of
// coder names, then one row per unit; an empty cell is a missing value.
struct ReliabilityCsvOptions
{
    // Labels: cells are category labels (nominal/ordinal data and the kappa
    // family) and become category indices. Numbers: cells are numbers
    // (interval/ratio data) and are stored as such.
    enum class Values
    {
        Labels,
        Numbers
    };
    Values values = Values::Labels;
    // Declared value set and order. Empty: the values seen, in numeric order
    // if all are numbers, else in order of first appearance. With Numbers the
    // declared entries must be numbers and restrict the allowed values.
    QStringList categories;
};

struct ReliabilityCsvResult
{
    ReliabilityData data;
    QString error; // empty on success
    qsizetype distinctValues = 0;
};

ReliabilityCsvResult readReliabilityCsv(QByteArrayView bytes, const ReliabilityCsvOptions &options);

// Spans from CSV with (at least) the columns coder, category, begin, length,
// in any order, for one continuum [begin, begin + length).
struct UnitizingCsvOptions
{
    qint64 begin = 0;
    qint64 length = 0;
    QStringList coders; // every coder, in order; empty: the coders in the file
};

struct UnitizingCsvResult
{
    UnitizingData data;
    QString error; // empty on success
};

UnitizingCsvResult readUnitizingCsv(QByteArrayView bytes, const UnitizingCsvOptions &options);

} // namespace newscoder::stats
