#pragma once

#include "stats/AgreementResult.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace newscoder::stats {

// One unit a coder marked: [begin, begin + length) on the continuum. A unit
// of length 0 (a point, e.g. an annotation whose text was edited away) is a
// valid unit, as in DKPro Statistics.
struct UnitizingSpan
{
    QString category;
    qint64 begin = 0;
    qint64 length = 0;
};

// One continuum [begin, begin + length) (e.g. one document's text, in UTF-16
// code units) and what every coder marked on it. spansByCoder[i] belongs to
// UnitizingData::coders[i]; a coder with no entry (or an empty list) marked
// nothing, which still counts.
struct UnitizingDocument
{
    qint64 begin = 0;
    qint64 length = 0;
    QList<QList<UnitizingSpan>> spansByCoder;
};

// Several documents are pooled as if laid end to end on one continuum of the
// summed length, except that a gap never runs across a document boundary.
// A document may be empty (length 0) when the summed length is positive.
struct UnitizingData
{
    QStringList coders;
    QList<UnitizingDocument> documents;
};

struct CategoryAgreement
{
    QString category;
    AgreementResult result;
};

// Overlapping units of one coder and category that became one unit.
struct UnitizingMerge
{
    QString category;
    int coder = 0;          // index into UnitizingData::coders
    qsizetype document = 0; // index into UnitizingData::documents
    QList<UnitizingSpan> spans; // as given, in order of begin (at least two)
    qint64 begin = 0;       // the unit they became
    qint64 length = 0;
};

struct UnitizingResult
{
    // Over all categories: alpha_u = 1 - mean_c D_o(c) / mean_c D_e(c);
    // observed/expected are those means over the categories marked (as DKPro
    // Statistics reports them; the ratio, so alpha_u, equals that of the
    // sums). Carries the error if the data are invalid.
    AgreementResult overall;
    QList<CategoryAgreement> categories; // sorted by category name
    QList<UnitizingMerge> merges;         // in order of category, then document, coder and begin
};

// Krippendorff's unitizing alpha (alpha_u; Krippendorff 1995, "On the
// reliability of unitizing continuous data", Sociological Methodology 25;
// 2004, Content Analysis, 2nd ed., and "Measuring the reliability of
// qualitative text analysis data", Quality & Quantity 38). For a category c
// every coder's continuum is a sequence of c-units (v = 1) and the gaps between
// them (v = 0); units of other categories are gaps. With m coders, continuum
// length L and delta^2 of two segments
//     (b_g - b_h)^2 + (e_g - e_h)^2   both units and overlapping,
//     l_g^2                           unit g inside gap h (and symmetrically),
//     0                               otherwise,
//   D_o = sum_{i != j} sum_{g of i, h of j} delta^2 / (m (m - 1) L^2)
//   D_e = 2/L * sum_{c-units g} [ (N_c - 1)/3 (2 l_g^3 - 3 l_g^2 + l_g)
//                                 + l_g^2 sum_{gaps h, l_h >= l_g} (l_h - l_g + 1) ]
//         / (m L (m L - 1) - sum_{c-units g} l_g (l_g - 1))
// where N_c counts the c-units of all coders, and alpha_u(c) = 1 - D_o / D_e.
// Positions are integers (discrete continuum). Two units of one coder and
// category overlap when each begins before the other ends; overlapping units
// are merged into one (with a note, listed in UnitizingResult::merges).
// Touching units ([20,40) and [40,60)) stay two units, and so do units of
// length 0 unless they lie strictly inside another unit. Two units of
// different coders are compared (the first delta^2 case) only when they
// overlap in that sense, which for units of length 0 means lying strictly
// inside the other unit (as in DKPro Statistics).
//
// Results: units = number of units after merging, pairableValues = m * L.
// Errors: fewer than two coders, negative lengths, an empty continuum (L = 0),
// spans outside their continuum.
// Cost: O(S log S) for S spans, O(S * m) for the coder pairs.
UnitizingResult unitizingAlpha(const UnitizingData &data);

// alpha_u for one category (null with a note if nobody marked it).
AgreementResult unitizingAlpha(const UnitizingData &data, const QString &category);

// The entry for `category` in a computed result (as the function above).
AgreementResult categoryResult(const UnitizingResult &result, const QString &category);

} // namespace newscoder::stats
