#include "search/TextSearch.h"

#include "text/Sentences.h"

#include <algorithm>

namespace newscoder {

namespace {

const QString WordChar = QStringLiteral("[\\p{L}\\p{N}\\p{M}_]");

QString plainToRegex(const QString &pattern)
{
    // Escape literal runs as a whole: escaping char by char would split surrogate pairs.
    QString out;
    qsizetype runStart = 0;
    for (qsizetype i = 0; i <= pattern.size(); ++i) {
        const bool apostrophe = i < pattern.size()
                                && (pattern.at(i) == u'\'' || pattern.at(i) == QChar(0x2019) || pattern.at(i) == QChar(0x2018));
        if (i < pattern.size() && !apostrophe)
            continue;
        out += QRegularExpression::escape(QStringView(pattern).sliced(runStart, i - runStart));
        if (apostrophe)
            out += QStringLiteral("['\u2018\u2019]");
        runStart = i + 1;
    }
    return out;
}

// Also fixes a bound that would fall inside a surrogate pair.
int snapOutward(const QString &text, int position, bool isStart)
{
    if (position <= 0 || position >= text.size())
        return position;
    if (text.at(position).isLowSurrogate() && text.at(position - 1).isHighSurrogate())
        return isStart ? position - 1 : position + 1;
    return position;
}

QString flattenLineBreaks(QString s)
{
    for (QChar &c : s) {
        if (c == u'\n' || c == u'\r' || c == u'\t' || c == QChar(0x2028) || c == QChar(0x2029))
            c = u' ';
    }
    return s;
}

QList<TextSpan> expandToSentences(const QString &text, const QList<TextSpan> &hits)
{
    const QList<TextSpan> sentences = sentenceSpans(text);
    QList<TextSpan> out;
    qsizetype first = 0; // hits are in order: never look back
    for (const TextSpan &hit : hits) {
        while (first < sentences.size() && sentences.at(first).end <= hit.start)
            ++first;
        TextSpan merged{-1, -1};
        for (qsizetype i = first; i < sentences.size() && sentences.at(i).start < hit.end; ++i) {
            if (merged.start < 0)
                merged.start = sentences.at(i).start;
            merged.end = sentences.at(i).end;
        }
        if (merged.start < 0)
            continue; // only whitespace between sentences
        if (!out.isEmpty() && out.last().end > merged.start)
            out.last().end = std::max(out.last().end, merged.end);
        else
            out.append(merged);
    }
    return out;
}

} // namespace

TextSearcher::TextSearcher(const SearchOptions &options)
    : m_options(options)
{
    if (options.pattern.isEmpty()) {
        m_error = QStringLiteral("Enter something to search for.");
        return;
    }
    QRegularExpression::PatternOptions flags = QRegularExpression::UseUnicodePropertiesOption;
    if (options.mode == SearchMode::Regex)
        flags |= QRegularExpression::MultilineOption;
    if (!options.caseSensitive)
        flags |= QRegularExpression::CaseInsensitiveOption;
    const QString source = options.mode == SearchMode::Regex ? options.pattern : plainToRegex(options.pattern);
    m_expression = QRegularExpression(source, flags);
    if (!m_expression.isValid()) { // checked before wrapping, so positions refer to what the user typed
        m_error = QStringLiteral("Invalid regular expression at position %1: %2")
                      .arg(m_expression.patternErrorOffset())
                      .arg(m_expression.errorString());
        return;
    }
    if (options.wholeWord) {
        m_expression.setPattern(QStringLiteral("(?<!") + WordChar + QStringLiteral(")(?:") + source
                                + QStringLiteral(")(?!") + WordChar + u')');
        if (!m_expression.isValid()) { // e.g. an (?x) comment swallowing the wrapper
            m_error = QStringLiteral("This regular expression cannot be used with whole words: %1")
                          .arg(m_expression.errorString());
            return;
        }
    }
    if (options.mode == SearchMode::Plain && options.captureGroup != 0) {
        m_error = QStringLiteral("Capture groups need a regular expression.");
        return;
    }
    if (options.captureGroup < 0 || options.captureGroup > m_expression.captureCount()) {
        m_error = QStringLiteral("The expression has no group %1 (it has %2).")
                      .arg(options.captureGroup)
                      .arg(m_expression.captureCount());
        return;
    }
    m_expression.optimize();
}

QList<TextSpan> TextSearcher::findSpans(const QString &text) const
{
    QList<TextSpan> spans;
    if (!isValid())
        return spans;
    const int group = m_options.captureGroup;
    QRegularExpressionMatchIterator it = m_expression.globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        const qsizetype start = match.capturedStart(group);
        const qsizetype end = match.capturedEnd(group);
        if (start < 0 || end <= start)
            continue; // group did not take part, or an empty match
        spans.append({int(start), int(end)});
    }
    if (m_options.expandToSentence)
        spans = expandToSentences(text, spans);
    return spans;
}

SearchHit TextSearcher::makeHit(const QString &text, const TextSpan &span) const
{
    SearchHit hit;
    hit.start = span.start;
    hit.end = span.end;
    hit.text = text.mid(span.start, span.length());
    const int context = std::max(0, m_options.contextChars);
    const int from = snapOutward(text, std::max(0, span.start - context), true);
    const int to = snapOutward(text, int(std::min<qsizetype>(text.size(), qsizetype(span.end) + context)), false);
    const QString ellipsis(QChar(0x2026));
    const QString lead = from > 0 ? ellipsis : QString();
    hit.snippet = lead + flattenLineBreaks(text.mid(from, to - from)) + (to < text.size() ? ellipsis : QString());
    hit.snippetHitStart = int(lead.size()) + span.start - from;
    hit.snippetHitEnd = hit.snippetHitStart + span.length();
    return hit;
}

QList<SearchHit> TextSearcher::find(const QString &text, int maxHits) const
{
    QList<SearchHit> hits;
    const QList<TextSpan> spans = findSpans(text);
    const qsizetype count = maxHits > 0 ? std::min<qsizetype>(maxHits, spans.size()) : spans.size();
    hits.reserve(count);
    for (qsizetype i = 0; i < count; ++i)
        hits.append(makeHit(text, spans.at(i)));
    return hits;
}

QList<SearchHit> findInText(const QString &text, const SearchOptions &options, QString *error)
{
    const TextSearcher searcher(options);
    if (error)
        *error = searcher.error();
    return searcher.find(text);
}

} // namespace newscoder
