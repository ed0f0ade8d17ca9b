#include "stats/KrippendorffAlpha.h"

#include "stats/AlphaEngine_p.h"

using namespace Qt::StringLiterals;

namespace newscoder::stats {

AgreementResult krippendorffAlpha(const ReliabilityData &data, Level level)
{
    const detail::AlphaEngine engine(data, level);
    if (!engine.error().isEmpty())
        return AgreementResult::failure(engine.error());
    AgreementResult result;
    result.units = engine.pairableUnits();
    if (engine.pairableUnits() == 0) {
        result.addNote(u"No unit has two or more values, so alpha is undefined."_s);
        return result;
    }
    const auto c = engine.evaluate();
    result.pairableValues = qint64(c.n);
    result.observed = double(c.observed);
    result.expected = double(c.expected);
    if (!c.varies) {
        result.addNote(u"Every pairable value is the same (nothing varies), so the expected "
                       "disagreement is 0 and alpha is undefined."_s);
        return result;
    }
    result.value = double(1.0L - c.observed / c.expected);
    return result;
}

} // namespace newscoder::stats
