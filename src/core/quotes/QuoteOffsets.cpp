#include "quotes/QuoteOffsets.h"

#include <algorithm>
#include <numeric>

namespace newscoder::quotes {

QList<int> codePointOffsets(const QString &text, const QList<int> &utf16)
{
    QList<int> order(utf16.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&utf16](int a, int b) { return utf16.at(a) < utf16.at(b); });
    QList<int> result(utf16.size(), 0);
    int unit = 0;
    int points = 0;
    const int n = int(text.size());
    for (int index : std::as_const(order)) {
        const int target = std::clamp(utf16.at(index), 0, n);
        while (unit < target) {
            // A surrogate pair is one code point (counted at its high half).
            if (!(text.at(unit).isLowSurrogate() && unit > 0 && text.at(unit - 1).isHighSurrogate()))
                ++points;
            ++unit;
        }
        result[index] = points;
    }
    return result;
}

} // namespace newscoder::quotes
