#include "stats/ReliabilityCsv.h"

#include "stats/Csv.h"

#include <QHash>
#include <QLocale>
#include <algorithm>
#include <charconv>
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
        return k;
    }
    const QStringList &labels() const { return m_labels; }

private:
    QStringList m_labels;
    QHash<QString, int> m_hash;
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
    for (qsizetype u = 0; u < data.unitCount(); ++u)
        for (int c = 0; c < data.coderCount(); ++c)
            if (const auto k = data.category(u, c))
                data.setCategory(u, c, newIndex[size_t(*k)]);
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

UnitizingCsvResult readUnitizingCsv(QByteArrayView bytes, const UnitizingCsvOptions &options)
{
    UnitizingCsvResult result;
    QStringList coders;
    for (const QString &c : options.coders)
        coders << c.trimmed();
    const bool fixedCoders = !coders.isEmpty();
    UnitizingDocument doc;
    doc.begin = options.begin;
    doc.length = options.length;
    doc.spansByCoder.resize(coders.size());
    int column[4] = {-1, -1, -1, -1}; // coder, category, begin, length
    qsizetype columns = -1;
    QString &error = result.error;
    auto onRecord = [&](const QList<QStringView> &fields, qsizetype line) {
        if (columns < 0) {
            const char *names[4] = {"coder", "category", "begin", "length"};
            columns = fields.size();
            for (int i = 0; i < 4; ++i) {
                for (int c = 0; c < int(fields.size()); ++c)
                    if (fields[c].trimmed().compare(QLatin1StringView(names[i]), Qt::CaseInsensitive) == 0)
                        column[i] = c;
                if (column[i] < 0) {
                    error = u"line 1: the header must name the columns coder, category, begin and length"_s;
                    return false;
                }
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
        bool okBegin = false, okLength = false;
        const qint64 begin = fields[column[2]].trimmed().toLongLong(&okBegin);
        const qint64 length = fields[column[3]].trimmed().toLongLong(&okLength);
        if (coder.isEmpty() || category.isEmpty())
            return fail(u"the coder and the category must not be empty"_s);
        if (!okBegin || !okLength)
            return fail(u"begin and length must be integers"_s);
        if (length <= 0)
            return fail(u"the length must be positive"_s);
        const bool inside = length <= options.length && begin >= options.begin &&
                            quint64(begin) - quint64(options.begin) <= quint64(options.length - length);
        if (!inside)
            return fail(u"span [%1, %1 + %2) lies outside the continuum [%3, %3 + %4)"_s.arg(begin)
                            .arg(length)
                            .arg(options.begin)
                            .arg(options.length));
        qsizetype index = coders.indexOf(coder);
        if (index < 0) {
            if (fixedCoders)
                return fail(u"coder \"%1\" is not one of the named coders"_s.arg(coder));
            index = coders.size();
            coders << coder;
            doc.spansByCoder.resize(coders.size());
        }
        doc.spansByCoder[index].append({category, begin, length});
        return true;
    };
    if (!parseCsv(bytes, onRecord, &error))
        return result;
    if (columns < 0) {
        error = u"the file is empty: expected a header row naming coder, category, begin, length"_s;
        return result;
    }
    result.data.coders = coders;
    result.data.documents = {doc};
    return result;
}

} // namespace newscoder::stats
