#include "io/table/TableArticleReader.h"

#include "io/ArticleTextParser.h" // outletFromUrl
#include "io/NewsDate.h"
#include "io/table/ColumnMapping.h"
#include "io/table/TableRows.h"
#include "io/table/XlsxRows.h"

#include <QFileInfo>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace newscoder {

namespace {

constexpr int kMaxDerivedTitle = 120;

QString normalisedText(QString text)
{
    text.replace(u"\r\n"_s, u"\n"_s);
    text.replace(u'\r', u'\n');
    while (!text.isEmpty() && text.back().isSpace())
        text.chop(1);
    return text;
}

QString titleFromText(const QString &text)
{
    const QString first = text.trimmed().section(u'\n', 0, 0).simplified();
    if (first.size() <= kMaxDerivedTitle)
        return first;
    QString cut = first.left(kMaxDerivedTitle);
    const qsizetype space = cut.lastIndexOf(u' ');
    if (space > kMaxDerivedTitle / 2)
        cut.truncate(space);
    return cut + u'\u2026';
}

} // namespace

QString tableFormatOf(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == u"csv"_s)
        return u"csv"_s;
    if (suffix == u"tsv"_s || suffix == u"tab"_s)
        return u"tsv"_s;
    if (suffix == u"jsonl"_s || suffix == u"ndjson"_s)
        return u"jsonl"_s;
    if (suffix == u"xlsx"_s)
        return u"xlsx"_s;
    return {};
}

ArticleBatch readTableArticles(const QByteArray &bytes, const QString &fileName, const QString &format,
                               const QString &encoding, const QList<QPair<QString, QString>> &columnMap)
{
    ArticleBatch batch;
    batch.format = format;
    if (bytes.size() > kMaxTableFileBytes) {
        batch.error = u"larger than %1 MiB"_s.arg(kMaxTableFileBytes >> 20);
        return batch;
    }
    if (bytes.trimmed().isEmpty()) {
        batch.error = u"the file is empty"_s;
        return batch;
    }
    table::TableRows rows;
    if (format == u"xlsx"_s) {
        batch.encoding = u"UTF-8"_s; // the XML inside is Unicode
        rows = table::parseXlsx(bytes);
    } else {
        DecodedText decoded = decodeText(bytes, encoding);
        if (!decoded.error.isEmpty()) {
            batch.error = decoded.error;
            return batch;
        }
        batch.encoding = decoded.encoding;
        batch.encodingSource = decoded.source;
        batch.warnings = decoded.warnings;
        rows = format == u"jsonl"_s ? table::parseJsonLines(decoded.text)
                                    : table::parseDelimited(decoded.text, format == u"tsv"_s
                                                                              ? QChar(u'\t')
                                                                              : table::sniffDelimiter(decoded.text));
    }
    if (!rows.error.isEmpty()) {
        batch.error = rows.error;
        return batch;
    }
    const table::ResolvedMapping map = table::resolveMapping(rows.columns, columnMap);
    if (!map.error.isEmpty()) {
        batch.error = map.error;
        return batch;
    }
    const QString unit = format == u"jsonl"_s ? u"line"_s : u"row"_s;
    QList<bool> fieldColumn(rows.columns.size(), false);
    for (const QString &field : table::mappableFields()) {
        if (map.column(field) >= 0)
            fieldColumn[map.column(field)] = true;
    }
    for (const table::TableRow &row : rows.rows) {
        const QString where = u"%1 %2"_s.arg(unit).arg(row.number);
        if (!row.error.isEmpty()) {
            batch.rejected.append({where, row.error});
            continue;
        }
        bool empty = true;
        for (const QString &cell : row.cells)
            empty = empty && cell.trimmed().isEmpty();
        if (empty) {
            batch.rejected.append({where, u"empty row"_s});
            continue;
        }
        const QString text = normalisedText(row.cells.value(map.text));
        if (text.trimmed().isEmpty()) {
            batch.rejected.append({where, u"the text column \"%1\" is empty"_s.arg(rows.columns[map.text])});
            continue;
        }
        if (batch.documents.size() >= kMaxArticlesPerFile) {
            batch.rejected.append({where, u"more than %1 articles in one file; the rest is not read"_s.arg(
                                              kMaxArticlesPerFile)});
            break;
        }
        const auto cell = [&row](int column) { return column >= 0 ? row.cells.value(column).trimmed() : QString(); };
        Document doc;
        doc.importSource = fileName;
        doc.text = text;
        doc.title = cell(map.title).simplified();
        if (doc.title.isEmpty())
            doc.title = titleFromText(text);
        doc.url = cell(map.url);
        doc.outlet = cell(map.outlet);
        if (doc.outlet.isEmpty() && !doc.url.isEmpty())
            doc.outlet = outletFromUrl(QUrl(doc.url));
        doc.author = cell(map.author);
        doc.metadata.append({u"source_file"_s, fileName});
        doc.metadata.append({u"format"_s, format});
        doc.metadata.append({unit, QString::number(row.number)});
        if (const QString id = cell(map.id); !id.isEmpty()) {
            doc.metadata.append({u"external_id"_s, id});
            doc.metadata.append({u"external_id_column"_s, rows.columns[map.id]});
        }
        if (const QString date = cell(map.date); !date.isEmpty()) {
            const NewsDate parsed = parseNewsDate(date);
            doc.metadata.append({u"published"_s, date});
            if (parsed.isValid()) {
                doc.date = parsed.date;
                doc.metadata.append({u"published_iso"_s, parsed.toIso()});
            } else {
                batch.warnings.append(
                    u"%1: the date \"%2\" was not understood; it is kept as metadata \"published\""_s.arg(where, date));
            }
        }
        for (int c = 0; c < rows.columns.size(); ++c) {
            if (!fieldColumn[c] && !row.cells.value(c).trimmed().isEmpty())
                doc.metadata.append({rows.columns[c], row.cells.value(c)});
        }
        batch.documents.append(std::move(doc));
    }
    if (batch.documents.isEmpty() && batch.rejected.isEmpty())
        batch.error = u"the table has no rows"_s;
    return batch;
}

} // namespace newscoder
