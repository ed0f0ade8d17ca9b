#pragma once

#include <QString>

namespace newscoder {

// Whose annotations a view shows: every coder's, the current coder's ("my
// tags", following a change of coder name) or one named coder's. The views
// keep coders apart with it: the article view, the annotation table and the
// article list's counts apply the same filter.
struct CoderFilter
{
    enum class Kind { AllCoders, CurrentCoder, OneCoder };
    Kind kind = Kind::AllCoders;
    QString coderName; // OneCoder only

    static CoderFilter all() { return {}; }
    static CoderFilter mine() { return {Kind::CurrentCoder, {}}; }
    static CoderFilter only(const QString &name) { return {Kind::OneCoder, name}; }

    bool isAll() const { return kind == Kind::AllCoders; }
    // The coder whose annotations pass (empty for all coders).
    QString effectiveCoder(const QString &currentCoder) const
    {
        return kind == Kind::AllCoders ? QString() : kind == Kind::CurrentCoder ? currentCoder : coderName;
    }
    bool accepts(const QString &annotationCoder, const QString &currentCoder) const
    {
        return kind == Kind::AllCoders || annotationCoder == effectiveCoder(currentCoder);
    }
    friend bool operator==(const CoderFilter &, const CoderFilter &) = default;
};

} // namespace newscoder
