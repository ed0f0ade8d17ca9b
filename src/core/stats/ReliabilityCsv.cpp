#include "stats/ReliabilityCsv.h"

#include "stats/Csv.h"

#include <QHash>
#include <QLocale>
#include <QSet>
#include <algorithm>
#include <array>
#include <charconv>
#include <limits>
#include <cmath>
#include <numeric>
#include <set>

using namespace Qt::StringLiterals;

namespace newscoder::stats {

namespace {

constexpr qsizetype MaxListedValues = 1000;

std::optional<double> parseNumber(QStringView text)
{
    // Fast path: short ASCII text through std::from_chars (whole text only).
    if (text.size() < 64) {
        char ascii[64];
        qsizetype n = 0;
        for (QChar ch : text) {
            if (ch.unicode() > 0x7f)
                break;
            ascii[n++] = char(ch.unicode());
        }
        if (n == text.size() && n > 0) {
            const char *first = ascii[0] == '+' ? ascii + 1 : ascii;
            double v = 0;
            const auto r = std::from_chars(first, ascii + n, v);
            if (r.ec == std::errc() && r.ptr == ascii + n)
                return std::isfinite(v) ? std::optional<double>(v) : std::nullopt;
        }
    }
    bool ok = false;
    const double v = QLocale::c().toDouble(text, &ok);
    if (!ok || !std::isfinite(v))
        return std::nullopt;
    return v;
}

QString shortestNumber(double v)
{
    char buffer[32];
    const auto r = std::to_chars(buffer, buffer + sizeof buffer, v);
    return QString::fromLatin1(buffer, r.ptr - buffer);
}

QStringList trimmed(const QList<QStringView> &fields)
{
    QStringList out;
    out.reserve(fields.size());
    for (QStringView f : fields)
        out << f.trimmed().toString();
    return out;
}

QString checkHeader(const QStringList &header)
{
    for (qsizetype c = 0; c < header.size(); ++c) {
        if (header[c].isEmpty())
            return u"line 1: the name of coder %1 is empty"_s.arg(c + 1);
        if (header.indexOf(header[c]) != c)
            return u"line 1: coder \"%1\" is named twice"_s.arg(header[c]);
    }
    return {};
}

// Label -> category index; a linear scan while there are few labels, which
// is the usual case and needs no allocation per lookup.
class LabelIndex
{
public:
    int find(QStringView label) const
    {
        if (label.size() == 1 && label.front().unicode() < 128) // "1", "y": the commonest labels, one look-up
            return m_single[label.front().unicode()];
        if (m_labels.size() <= 16) {
            for (int k = 0; k < int(m_labels.size()); ++k)
                if (m_labels[k] == label)
                    return k;
            return -1;
        }
        return m_hash.value(label.toString(), -1);
    }
    int add(QStringView label)
    {
        const int k = int(m_labels.size());
        m_labels << label.toString();
        m_hash.insert(m_labels.back(), k);
        if (label.size() == 1 && label.front().unicode() < 128)
            m_single[label.front().unicode()] = k;
        return k;
    }
    const QStringList &labels() const { return m_labels; }

private:
    QStringList m_labels;
    QHash<QString, int> m_hash;
    std::array<int, 128> m_single = filledWith(-1); // one-character ASCII labels
    static std::array<int, 128> filledWith(int v)
    {
        std::array<int, 128> a;
        a.fill(v);
        return a;
    }
};

// Reorders derived labels numerically when every label is a number.
void sortNumericLabels(QStringList &labels, ReliabilityData &data)
{
    std::vector<double> numbers;
    for (const QString &label : std::as_const(labels)) {
        const auto v = parseNumber(label);
        if (!v)
            return;
        numbers.push_back(*v);
    }
    std::vector<int> order(numbers.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [&](int a, int b) { return numbers[size_t(a)] < numbers[size_t(b)]; });
    std::vector<int> newIndex(order.size());
    QStringList sorted;
    for (int k = 0; k < int(order.size()); ++k) {
        newIndex[size_t(order[size_t(k)])] = k;
        sorted << labels[order[size_t(k)]];
    }
    if (!std::is_sorted(order.begin(), order.end())) // already in numeric order: nothing to renumber
        data.renumberCategories(newIndex);
    labels = sorted;
}

} // namespace

ReliabilityCsvResult readReliabilityCsv(QByteArrayView bytes, const ReliabilityCsvOptions &options)
{
    ReliabilityCsvResult result;
    const bool numbers = options.values == ReliabilityCsvOptions::Values::Numbers;
    QStringList declared;
    for (const QString &d : options.categories)
        declared << d.trimmed();
    std::vector<double> allowed;
    LabelIndex index;
    for (const QString &d : std::as_const(declared)) {
        if (numbers) {
            const auto v = parseNumber(d);
            if (!v) {
                result.error = u"declared category \"%1\" is not a number"_s.arg(d);
                return result;
            }
            allowed.push_back(*v);
        } else {
            index.add(d);
        }
    }
    std::sort(allowed.begin(), allowed.end());
    std::set<double> seen; // distinct numbers, counted up to MaxListedValues + 1
    bool haveHeader = false;
    QString &error = result.error;
    ReliabilityData &data = result.data;
    auto onRecord = [&](const QList<QStringView> &fields, qsizetype line) {
        if (!haveHeader) {
            const QStringList header = trimmed(fields);
            error = checkHeader(header);
            data = ReliabilityData(header, 0);
            data.reserveUnits(bytes.count('\n')); // one unit per line at most: no regrowth while reading
            haveHeader = true;
            return error.isEmpty();
        }
        const int coders = data.coderCount();
        if (fields.size() != coders) {
            error = u"line %1 has %2 field(s) but the header names %3 coder(s)"_s.arg(line)
                        .arg(fields.size())
                        .arg(coders);
            return false;
        }
        const qsizetype u = data.addUnit();
        for (int c = 0; c < coders; ++c) {
            const QStringView value = fields[c].trimmed();
            if (value.isEmpty())
                continue;
            if (!numbers) {
                int k = index.find(value);
                if (k < 0) {
                    if (!declared.isEmpty()) {
                        error = u"line %1, coder \"%2\": \"%3\" is not one of the declared categories"_s.arg(
                            QString::number(line), data.coders()[c], value.toString());
                        return false;
                    }
                    k = index.add(value);
                }
                data.setCategory(u, c, k);
                continue;
            }
            const auto v = parseNumber(value);
            if (!v) {
                error = u"line %1, coder \"%2\": \"%3\" is not a number"_s.arg(
                    QString::number(line), data.coders()[c], value.toString());
                return false;
            }
            if (!declared.isEmpty() && !std::binary_search(allowed.begin(), allowed.end(), *v)) {
                error = u"line %1, coder \"%2\": %3 is not one of the declared categories"_s.arg(
                    QString::number(line), data.coders()[c], value.toString());
                return false;
            }
            data.setValue(u, c, *v);
            if (qsizetype(seen.size()) <= MaxListedValues)
                seen.insert(*v);
        }
        return true;
    };
    if (!parseCsv(bytes, onRecord, &error))
        return result;
    if (!haveHeader) {
        error = u"the file is empty: expected a header row of coder names"_s;
        return result;
    }
    if (!numbers) {
        QStringList labels = index.labels();
        if (declared.isEmpty())
            sortNumericLabels(labels, data);
        data.setCategories(labels);
        result.distinctValues = labels.size();
    } else {
        result.distinctValues = qsizetype(seen.size());
        if (!declared.isEmpty()) {
            data.setCategories(declared);
        } else if (qsizetype(seen.size()) <= MaxListedValues) {
            QStringList labels;
            for (double v : seen)
                labels << shortestNumber(v);
            data.setCategories(labels);
        }
    }
    return result;
}

namespace {

// One article of a pooled units file.
struct CsvArticle
{
    QString name;
    qint64 begin = 0;
    qint64 length = 0;
    qsizetype line = 0; // of its first extent row
    QSet<int> coders;   // who coded it (rows with an empty category)
    struct Pending
    {
        int coder;
        UnitizingSpan span;
        qsizetype line;
    };
    QList<Pending> spans;
};

bool fitsIn(qint64 begin, qint64 length, qint64 outerBegin, qint64 outerLength)
{
    return length >= 0 && length <= outerLength && begin >= outerBegin &&
           quint64(begin) - quint64(outerBegin) <= quint64(outerLength - length);
}

// Pooled articles: checks what only the whole file can show and lays out the documents.
QString finishArticles(std::vector<CsvArticle> &articles, const QStringList &coders,
                       const UnitizingCsvOptions &options, UnitizingCsvResult &result)
{
    for (const CsvArticle &a : articles) {
        if (a.line == 0) {
            return u"line %1: article \"%2\" has no row with an empty category giving its begin and length"_s
                .arg(a.spans.first().line)
                .arg(a.name);
        }
        for (int c = 0; c < int(coders.size()); ++c) {
            if (!a.coders.contains(c))
                return u"coder \"%1\" has no row (with an empty category) for article \"%2\": unitizing alpha "
                       "needs every coder to have coded every article"_s.arg(coders[c], a.name);
        }
    }
    std::stable_sort(articles.begin(), articles.end(),
                     [](const CsvArticle &a, const CsvArticle &b) { return a.begin < b.begin; });
    for (size_t i = 1; i < articles.size(); ++i) {
        const CsvArticle &prev = articles[i - 1], &next = articles[i];
        if (next.begin < prev.begin + prev.length)
            return u"articles \"%1\" [%2, %2 + %3) and \"%4\" [%5, %5 + %6) overlap"_s.arg(
                prev.name, QString::number(prev.begin), QString::number(prev.length), next.name,
                QString::number(next.begin), QString::number(next.length));
    }
    if (options.length >= 0) {
        qint64 pos = options.begin;
        for (const CsvArticle &a : articles) {
            if (a.begin != pos)
                break;
            pos += a.length;
        }
        if (pos != options.begin + options.length || (!articles.empty() && articles.front().begin != options.begin))
            return u"the articles do not cover the continuum [%1, %1 + %2) end to end"_s.arg(options.begin).arg(
                options.length);
    }
    for (const CsvArticle &a : articles) {
        UnitizingDocument doc{a.begin, a.length, {}};
        doc.spansByCoder.resize(coders.size());
        for (const CsvArticle::Pending &p : a.spans) {
            if (!fitsIn(p.span.begin, p.span.length, a.begin, a.length))
                return u"line %1: span [%2, %2 + %3) lies outside its article \"%4\" [%5, %5 + %6)"_s.arg(
                    QString::number(p.line), QString::number(p.span.begin), QString::number(p.span.length),
                    a.name, QString::number(a.begin), QString::number(a.length));
            doc.spansByCoder[p.coder].append(p.span);
        }
        result.data.documents.append(doc);
        result.articles << a.name;
    }
    return {};
}

} // namespace

UnitizingCsvResult readUnitizingCsv(QByteArrayView bytes, const UnitizingCsvOptions &options)
{
    UnitizingCsvResult result;
    QStringList coders;
    for (const QString &c : options.coders)
        coders << c.trimmed();
    const bool fixedCoders = !coders.isEmpty();
    const bool haveContinuum = options.length >= 0;
    UnitizingDocument doc;
    doc.begin = options.begin;
    doc.length = options.length;
    doc.spansByCoder.resize(coders.size());
    std::vector<CsvArticle> articles;
    QHash<QString, size_t> articleIndex;
    int column[5] = {-1, -1, -1, -1, -1}; // coder, category, begin, length, article (optional)
    qsizetype columns = -1;
    QString &error = result.error;
    auto onRecord = [&](const QList<QStringView> &fields, qsizetype line) {
        if (columns < 0) {
            const char *names[5] = {"coder", "category", "begin", "length", "article"};
            columns = fields.size();
            for (int i = 0; i < 5; ++i) {
                for (int c = 0; c < int(fields.size()); ++c)
                    if (fields[c].trimmed().compare(QLatin1StringView(names[i]), Qt::CaseInsensitive) == 0)
                        column[i] = c;
                if (column[i] < 0 && i < 4) {
                    error = u"line 1: the header must name the columns coder, category, begin and length"_s;
                    return false;
                }
            }
            if (column[4] < 0 && !haveContinuum) {
                error = u"no continuum: give its begin and length, or an article column with each "
                        "article's extent"_s;
                result.needsContinuum = true;
                return false;
            }
            return true;
        }
        auto fail = [&](const QString &message) {
            error = u"line %1: %2"_s.arg(line).arg(message);
            return false;
        };
        if (fields.size() != columns)
            return fail(u"%1 field(s) but the header has %2"_s.arg(fields.size()).arg(columns));
        const QString coder = fields[column[0]].trimmed().toString();
        const QString category = fields[column[1]].trimmed().toString();
        const QString article = column[4] >= 0 ? fields[column[4]].trimmed().toString() : QString();
        bool okBegin = false, okLength = false;
        const qint64 begin = fields[column[2]].trimmed().toLongLong(&okBegin);
        const qint64 length = fields[column[3]].trimmed().toLongLong(&okLength);
        if (coder.isEmpty())
            return fail(u"the coder must not be empty"_s);
        if (category.isEmpty() && column[4] < 0)
            return fail(u"the category must not be empty"_s);
        if (column[4] >= 0 && article.isEmpty())
            return fail(u"the article must not be empty"_s);
        if (!okBegin || !okLength)
            return fail(u"begin and length must be integers"_s);
        if (length < 0)
            return fail(u"the length must not be negative"_s);
        if (begin > std::numeric_limits<qint64>::max() - length)
            return fail(u"begin + length is too large"_s);
        qsizetype index = coders.indexOf(coder);
        if (index < 0) {
            if (fixedCoders)
                return fail(u"coder \"%1\" is not one of the named coders"_s.arg(coder));
            index = coders.size();
            coders << coder;
            doc.spansByCoder.resize(coders.size());
        }
        if (column[4] < 0) { // one continuum
            if (!fitsIn(begin, length, options.begin, options.length))
                return fail(u"span [%1, %1 + %2) lies outside the continuum [%3, %3 + %4)"_s.arg(begin)
                                .arg(length)
                                .arg(options.begin)
                                .arg(options.length));
            doc.spansByCoder[index].append({category, begin, length});
            return true;
        }
        auto found = articleIndex.constFind(article);
        if (found == articleIndex.cend()) {
            found = articleIndex.insert(article, articles.size());
            articles.push_back({});
            articles.back().name = article;
        }
        CsvArticle &a = articles[*found];
        if (!category.isEmpty()) {
            a.spans.append({int(index), {category, begin, length}, line});
            return true;
        }
        if (a.line == 0) {
            a.begin = begin;
            a.length = length;
            a.line = line;
        } else if (a.begin != begin || a.length != length) {
            return fail(u"article \"%1\" is [%2, %2 + %3) here but [%4, %4 + %5) on line %6"_s.arg(
                article, QString::number(begin), QString::number(length), QString::number(a.begin),
                QString::number(a.length), QString::number(a.line)));
        }
        a.coders.insert(int(index));
        return true;
    };
    if (!parseCsv(bytes, onRecord, &error))
        return result;
    if (columns < 0) {
        error = u"the file is empty: expected a header row naming coder, category, begin, length"_s;
        return result;
    }
    result.data.coders = coders;
    if (column[4] < 0) {
        result.data.documents = {doc};
        return result;
    }
    error = finishArticles(articles, coders, options, result);
    if (!error.isEmpty())
        result.data.documents.clear();
    return result;
}

} // namespace newscoder::stats
