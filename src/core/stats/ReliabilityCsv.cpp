#include "stats/ReliabilityCsv.h"

#include "stats/Csv.h"

#include <QHash>
#include <QLocale>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <numeric>

using namespace Qt::StringLiterals;

namespace newscoder::stats {

namespace {

std::optional<double> parseNumber(const QString &text)
{
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

QStringList trimmed(const QStringList &list)
{
    QStringList out;
    out.reserve(list.size());
    for (const QString &s : list)
        out << s.trimmed();
    return out;
}

// Labels -> category indices.
QString readLabels(const CsvTable &table, const QStringList &declared, ReliabilityData &data)
{
    QHash<QString, int> index;
    QStringList labels = declared;
    for (int k = 0; k < int(declared.size()); ++k)
        index.insert(declared[k], k);
    const int coders = data.coderCount();
    for (qsizetype r = 1; r < table.records.size(); ++r) {
        const QStringList &row = table.records[r];
        for (int c = 0; c < coders; ++c) {
            const QString value = row[c].trimmed();
            if (value.isEmpty())
                continue;
            auto it = index.constFind(value);
            if (it == index.cend()) {
                if (!declared.isEmpty())
                    return u"line %1, coder \"%2\": \"%3\" is not one of the declared categories"_s
                        .arg(table.lines[r])
                        .arg(data.coders()[c], value);
                it = index.insert(value, int(labels.size()));
                labels << value;
            }
            data.setCategory(r - 1, c, it.value());
        }
    }
    if (declared.isEmpty()) {
        // Numeric order if every label is a number.
        std::vector<double> numbers;
        for (const QString &label : std::as_const(labels)) {
            const auto v = parseNumber(label);
            if (!v)
                break;
            numbers.push_back(*v);
        }
        if (!labels.isEmpty() && numbers.size() == size_t(labels.size())) {
            std::vector<int> order(numbers.size());
            std::iota(order.begin(), order.end(), 0);
            std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return numbers[size_t(a)] < numbers[size_t(b)]; });
            std::vector<int> newIndex(order.size());
            QStringList sorted;
            for (int k = 0; k < int(order.size()); ++k) {
                newIndex[size_t(order[size_t(k)])] = k;
                sorted << labels[order[size_t(k)]];
            }
            for (qsizetype u = 0; u < data.unitCount(); ++u)
                for (int c = 0; c < coders; ++c)
                    if (const auto k = data.category(u, c))
                        data.setCategory(u, c, newIndex[size_t(*k)]);
            labels = sorted;
        }
    }
    data.setCategories(labels);
    return {};
}

QString readNumbers(const CsvTable &table, const QStringList &declared, ReliabilityData &data,
                    qsizetype &distinctCount)
{
    std::vector<double> allowed;
    for (const QString &d : declared) {
        const auto v = parseNumber(d);
        if (!v)
            return u"declared category \"%1\" is not a number"_s.arg(d);
        allowed.push_back(*v);
    }
    std::sort(allowed.begin(), allowed.end());
    std::vector<double> seen;
    const int coders = data.coderCount();
    for (qsizetype r = 1; r < table.records.size(); ++r) {
        const QStringList &row = table.records[r];
        for (int c = 0; c < coders; ++c) {
            const QString text = row[c].trimmed();
            if (text.isEmpty())
                continue;
            const auto v = parseNumber(text);
            if (!v)
                return u"line %1, coder \"%2\": \"%3\" is not a number"_s.arg(table.lines[r]).arg(data.coders()[c], text);
            if (!declared.isEmpty() && !std::binary_search(allowed.begin(), allowed.end(), *v))
                return u"line %1, coder \"%2\": %3 is not one of the declared categories"_s.arg(table.lines[r])
                    .arg(data.coders()[c], text);
            data.setValue(r - 1, c, *v);
            seen.push_back(*v);
        }
    }
    std::sort(seen.begin(), seen.end());
    seen.erase(std::unique(seen.begin(), seen.end()), seen.end());
    distinctCount = qsizetype(seen.size());
    if (!declared.isEmpty()) {
        data.setCategories(declared);
    } else if (seen.size() <= 1000) {
        QStringList labels;
        for (double v : seen)
            labels << shortestNumber(v);
        data.setCategories(labels);
    }
    return {};
}

} // namespace

ReliabilityCsvResult readReliabilityCsv(QByteArrayView bytes, const ReliabilityCsvOptions &options)
{
    ReliabilityCsvResult result;
    CsvTable table;
    if (!parseCsv(bytes, table, &result.error))
        return result;
    if (table.records.isEmpty()) {
        result.error = u"the file is empty: expected a header row of coder names"_s;
        return result;
    }
    const QStringList header = trimmed(table.records.first());
    result.error = checkHeader(header);
    if (!result.error.isEmpty())
        return result;
    for (qsizetype r = 1; r < table.records.size(); ++r) {
        if (table.records[r].size() != header.size()) {
            result.error = u"line %1 has %2 field(s) but the header names %3 coder(s)"_s.arg(table.lines[r])
                               .arg(table.records[r].size())
                               .arg(header.size());
            return result;
        }
    }
    result.data = ReliabilityData(header, table.records.size() - 1);
    const QStringList declared = trimmed(options.categories);
    if (options.values == ReliabilityCsvOptions::Values::Labels) {
        result.error = readLabels(table, declared, result.data);
        result.distinctValues = result.data.categoryCount();
    } else {
        result.error = readNumbers(table, declared, result.data, result.distinctValues);
    }
    return result;
}

UnitizingCsvResult readUnitizingCsv(QByteArrayView bytes, const UnitizingCsvOptions &options)
{
    UnitizingCsvResult result;
    CsvTable table;
    if (!parseCsv(bytes, table, &result.error))
        return result;
    if (table.records.isEmpty()) {
        result.error = u"the file is empty: expected a header row naming coder, category, begin, length"_s;
        return result;
    }
    const QStringList header = trimmed(table.records.first());
    int column[4];
    const char *names[4] = {"coder", "category", "begin", "length"};
    for (int i = 0; i < 4; ++i) {
        column[i] = -1;
        for (int c = 0; c < int(header.size()); ++c)
            if (header[c].compare(QLatin1StringView(names[i]), Qt::CaseInsensitive) == 0)
                column[i] = c;
        if (column[i] < 0) {
            result.error = u"line 1: the header must name the columns coder, category, begin and length"_s;
            return result;
        }
    }
    QStringList coders = trimmed(options.coders);
    const bool fixedCoders = !coders.isEmpty();
    UnitizingDocument doc;
    doc.begin = options.begin;
    doc.length = options.length;
    doc.spansByCoder.resize(coders.size());
    for (qsizetype r = 1; r < table.records.size(); ++r) {
        const QStringList &row = table.records[r];
        const qsizetype line = table.lines[r];
        auto fail = [&](const QString &message) {
            result.error = u"line %1: %2"_s.arg(line).arg(message);
            return result;
        };
        if (row.size() != header.size())
            return fail(u"%1 field(s) but the header has %2"_s.arg(row.size()).arg(header.size()));
        const QString coder = row[column[0]].trimmed();
        const QString category = row[column[1]].trimmed();
        bool okBegin = false, okLength = false;
        const qint64 begin = row[column[2]].trimmed().toLongLong(&okBegin);
        const qint64 length = row[column[3]].trimmed().toLongLong(&okLength);
        if (coder.isEmpty() || category.isEmpty())
            return fail(u"the coder and the category must not be empty"_s);
        if (!okBegin || !okLength)
            return fail(u"begin and length must be integers"_s);
        if (length <= 0)
            return fail(u"the length must be positive"_s);
        const bool inside = length <= options.length && begin >= options.begin
                         && quint64(begin) - quint64(options.begin) <= quint64(options.length - length);
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
    }
    result.data.coders = coders;
    result.data.documents = {doc};
    return result;
}

} // namespace newscoder::stats
