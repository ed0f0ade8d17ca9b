#pragma once

#include <QString>
#include <QtGlobal>
#include <optional>

namespace newscoder::stats {

// A bootstrap percentile interval (see stats/Bootstrap.h).
struct ConfidenceInterval
{
    double lower = 0.0;
    double upper = 0.0;
    double level = 0.95; // coverage of the interval
    int draws = 0;       // bootstrap samples requested
    int usableDraws = 0; // samples whose coefficient was defined
    quint64 seed = 0;
};

// The outcome of one reliability coefficient.
//
// `value` is empty when the coefficient is undefined for the data (for example
// when nothing varies, so that the expected disagreement is zero, or when no
// unit carries two values); `note` then says why. It is never a silent 1.0.
//
// `observed`/`expected` are the components the coefficient is made of:
//   - Krippendorff's alpha (both forms): observed and expected disagreement
//     D_o and D_e, value = 1 - D_o / D_e;
//   - the kappa family: observed and chance agreement A_o and A_e,
//     value = (A_o - A_e) / (1 - A_e);
//   - percent agreement: observed = value, expected empty.
//
// `units` counts the units that entered the computation (for alpha and the
// multi-coder coefficients: units with at least two values; for the
// two-coder coefficients: units both coders coded; for unitizing alpha: the
// units the coders marked). `pairableValues` counts the values in those units
// (for unitizing alpha: coders x continuum length, the n of its D_e).
//
// `error` is set instead of a value when the input does not fit the
// coefficient at all (fewer than two coders, Cohen's kappa with three coders,
// a value outside the declared categories, a span outside its continuum...).
struct AgreementResult
{
    std::optional<double> value;
    std::optional<double> observed;
    std::optional<double> expected;
    qint64 units = 0;
    qint64 pairableValues = 0;
    QString note;
    QString error;
    std::optional<ConfidenceInterval> ci;

    bool isValid() const { return error.isEmpty(); }

    // Appends a sentence to `note`.
    void addNote(const QString &sentence)
    {
        if (!note.isEmpty())
            note += QLatin1Char(' ');
        note += sentence;
    }

    static AgreementResult failure(const QString &message)
    {
        AgreementResult r;
        r.error = message;
        return r;
    }
};

} // namespace newscoder::stats
