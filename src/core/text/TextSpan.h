#pragma once

namespace newscoder {

// A half-open range [start, end) of UTF-16 code units (QString indices) of a
// document's stored text.
struct TextSpan
{
    int start = 0;
    int end = 0;

    int length() const { return end - start; }
    bool isEmpty() const { return end <= start; }
    bool contains(int position) const { return position >= start && position < end; }
    friend bool operator==(const TextSpan &, const TextSpan &) = default;
};

} // namespace newscoder
