#include "export/StudyFolder.h"

#include "dataset/FieldColumns.h"
#include "dataset/NetworkTables.h"
#include "export/Exporter.h"
#include "export/VariableNames.h"
#include "model/OptionLabel.h"
#include "storage/ProjectReader.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QTemporaryDir>

#include <vector>

namespace newscoder::exporting {

namespace {

QString rString(const QString &text)
{
    QString escaped = text;
    escaped.replace(u'\\', QStringLiteral("\\\\")).replace(u'"', QStringLiteral("\\\"")).replace(u'\n', QStringLiteral("\\n"));
    return u'"' + escaped + u'"';
}

QString rName(const QString &name)
{
    return u'`' + name + u'`';
}

QJsonObject columnJson(const dataset::Column &c)
{
    QJsonObject o{{QStringLiteral("name"), c.name},
                  {QStringLiteral("type"), dataset::columnTypeName(c.type)},
                  {QStringLiteral("label"), c.label}};
    if (!c.valueLabels.isEmpty()) {
        QJsonArray labels;
        for (const FieldOption &l : c.valueLabels)
            labels.append(QJsonObject{{QStringLiteral("value"), l.value}, {QStringLiteral("label"), l.label}});
        o.insert(QStringLiteral("value_labels"), labels);
        o.insert(QStringLiteral("categorical"), c.categorical);
        o.insert(QStringLiteral("ordered"), c.ordered);
    }
    return o;
}

bool writeText(const QString &path, const QByteArray &bytes, ExportResult &result)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        result.error = QStringLiteral("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

// reliability: one row per article × coder; per span code the count of the
// coder's annotations, then the article variables — shaped for tidycomm /
// irr (pivot wider by coder).
class ReliabilityTable final : public dataset::Table
{
public:
    explicit ReliabilityTable(const dataset::Dataset &dataset) : m_articles(dataset.table(dataset::TableKind::Articles))
    {
        const QList<dataset::Column> &all = m_articles->columns();
        for (qsizetype i = 0; i < all.size(); ++i) {
            const QString &n = all[i].name;
            if (n == QLatin1String("article_id") || n == QLatin1String("coder") || n.startsWith(QLatin1String("n."))
                || n.startsWith(QLatin1String("article."))) {
                m_keep.append(i);
                m_columns.append(all[i]);
            }
        }
    }
    dataset::TableKind kind() const override { return dataset::TableKind::Articles; }
    QString name() const override { return QStringLiteral("reliability"); }
    QString grain() const override { return QStringLiteral("one row per article (unit) and coder"); }
    bool mayBeNotGiven(qsizetype column) const override { return m_articles->mayBeNotGiven(m_keep.value(column)); }
    bool notGiven(const dataset::Row &row, qsizetype column) const override
    {
        return row.value(column).isNull() && mayBeNotGiven(column);
    }
    const QList<dataset::Column> &columns() const override { return m_columns; }
    void forEachRow(const dataset::RowVisitor &visit) const override
    {
        dataset::Row out(m_keep.size());
        m_articles->forEachRow([&](const dataset::Row &row) {
            for (qsizetype i = 0; i < m_keep.size(); ++i)
                out[i] = row[m_keep[i]];
            return visit(out);
        });
    }

private:
    std::unique_ptr<dataset::Table> m_articles;
    QList<qsizetype> m_keep;
    QList<dataset::Column> m_columns;
};

// A small table held in memory (the name-mapping table).
class RowsTable final : public dataset::Table
{
public:
    RowsTable(QString grain, QList<dataset::Column> columns, QList<dataset::Row> rows)
        : m_grain(std::move(grain)), m_columns(std::move(columns)), m_rows(std::move(rows))
    {
    }
    dataset::TableKind kind() const override { return dataset::TableKind::Codebook; }
    QString grain() const override { return m_grain; }
    const QList<dataset::Column> &columns() const override { return m_columns; }
    void forEachRow(const dataset::RowVisitor &visit) const override
    {
        for (const dataset::Row &row : m_rows) {
            if (!visit(row))
                return;
        }
    }

private:
    QString m_grain;
    QList<dataset::Column> m_columns;
    QList<dataset::Row> m_rows;
};

dataset::Column textColumn(const QString &name, const QString &label)
{
    return dataset::Column{name, dataset::ColumnType::Text, label, {}, false, false};
}

} // namespace

QString rImportCode(const QString &variable, const QString &csvFile, const QList<dataset::Column> &columns)
{
    QStringList types;
    for (const dataset::Column &c : columns) {
        QString t;
        switch (c.type) {
        case dataset::ColumnType::Text:
            t = QStringLiteral("col_character()");
            break;
        case dataset::ColumnType::Integer:
            t = QStringLiteral("col_integer()");
            break;
        case dataset::ColumnType::Number:
            t = QStringLiteral("col_double()");
            break;
        case dataset::ColumnType::Date:
            t = QStringLiteral("col_date()");
            break;
        case dataset::ColumnType::DateTime:
            t = QStringLiteral("col_datetime()");
            break;
        }
        types.append(QStringLiteral("  %1 = %2").arg(rName(c.name), t));
    }
    QString code = QStringLiteral("%1 <- read_csv(file.path(here, %2), na = \"\", col_types = cols(\n%3\n))\n")
                       .arg(variable, rString(csvFile), types.join(QStringLiteral(",\n")));
    for (const dataset::Column &c : columns) {
        if (c.valueLabels.isEmpty() || (!c.categorical && !c.ordered))
            continue;
        QStringList levels, labels;
        for (const FieldOption &o : c.valueLabels) {
            levels.append(c.type == dataset::ColumnType::Text ? rString(o.value) : o.value);
            labels.append(rString(optionLabel(o)));
        }
        code += QStringLiteral("%1$%2 <- factor(%1$%2, levels = c(%3), labels = c(%4)%5)\n")
                    .arg(variable, rName(c.name), levels.join(QStringLiteral(", ")), labels.join(QStringLiteral(", ")),
                         c.ordered ? QStringLiteral(", ordered = TRUE") : QString());
    }
    return code;
}

ExportResult exportStudyFolder(const dataset::Dataset &dataset, const QString &folder,
                               std::optional<Format> statistics, const ExportOptions &options,
                               const ExportProgress &progress)
{
    ExportResult result;
    const QFileInfo target(folder);
    const QDir parent = target.absoluteDir();
    if (!parent.exists()) {
        result.error = QStringLiteral("The folder %1 does not exist.").arg(parent.path());
        return result;
    }
    if (target.exists() && !target.isDir()) {
        result.error = QStringLiteral("%1 is a file, not a folder.").arg(folder);
        return result;
    }
    if (target.isDir()) {
        const QDir existing(target.absoluteFilePath());
        const bool empty = existing.isEmpty(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);
        if (!empty && !existing.exists(QStringLiteral("manifest.json"))) {
            result.error = QStringLiteral("%1 holds other files; choose an empty or new folder.").arg(folder);
            return result;
        }
    }
    QTemporaryDir scratch(parent.filePath(QStringLiteral(".") + target.fileName() + QStringLiteral(".partial-XXXXXX")));
    if (!scratch.isValid()) {
        result.error = QStringLiteral("Cannot write in %1: %2").arg(parent.path(), scratch.errorString());
        return result;
    }
    QJsonArray files;
    QString importR = QStringLiteral(
        "# Reads the Newscoder study folder this file sits in (readr column types; choices as factors,\n"
        "# ordinal scales as ordered factors with the codebook's labels).\n"
        "library(readr)\nhere <- if (sys.nframe() > 0 && !is.null(sys.frame(1)$ofile)) dirname(sys.frame(1)$ofile) else \".\"\n\n");
    std::vector<std::unique_ptr<dataset::Table>> tables;
    for (dataset::TableKind kind : dataset::allTables())
        tables.push_back(dataset.table(kind));
    tables.push_back(dataset::makeNodesTable(dataset));
    tables.push_back(dataset::makeEdgesTable(dataset));
    tables.push_back(std::make_unique<ReliabilityTable>(dataset));
    QStringList names;
    for (const auto &table : tables)
        names.append(table->name());
    qint64 total = 0;
    QList<dataset::Row> renamed; // table, file, column, variable
    for (size_t t = 0; t < tables.size(); ++t) {
        const dataset::Table &table = *tables[t];
        const QString csv = names[qsizetype(t)] + QStringLiteral(".csv");
        const ExportProgress tableProgress = [&](qint64 rows) { return !progress || progress(total + rows); };
        ExportResult one = exportTable(table, Format::Csv, scratch.filePath(csv), options, tableProgress);
        if (!one.ok)
            return one;
        result.warnings += one.warnings;
        QJsonArray columns;
        for (const dataset::Column &c : table.columns())
            columns.append(columnJson(c));
        QJsonObject entry{{QStringLiteral("file"), csv},
                          {QStringLiteral("table"), names[qsizetype(t)]},
                          {QStringLiteral("format"), QStringLiteral("csv")},
                          {QStringLiteral("grain"), table.grain()},
                          {QStringLiteral("rows"), one.rows},
                          {QStringLiteral("columns"), columns}};
        files.append(entry);
        total += one.rows;
        importR += rImportCode(names[qsizetype(t)], csv, table.columns()) + u'\n';
        if (statistics) {
            const QString stats = names[qsizetype(t)] + u'.' + formatName(*statistics);
            ExportResult s = exportTable(table, *statistics, scratch.filePath(stats), {}, tableProgress);
            if (!s.ok)
                return s;
            result.warnings += s.warnings;
            // The variable names SPSS/Stata got; the changed ones go to the name-mapping table.
            QStringList columnNames;
            for (const dataset::Column &c : table.columns())
                columnNames.append(c.name);
            const QStringList variables =
                legalNames(columnNames, *statistics == Format::Dta ? NameRules::Stata : NameRules::Spss);
            QJsonArray statsColumns;
            for (qsizetype c = 0; c < columnNames.size(); ++c) {
                QJsonObject column = columns[c].toObject();
                column.insert(QStringLiteral("variable"), variables[c]);
                statsColumns.append(column);
                if (variables[c] != columnNames[c])
                    renamed.append(dataset::Row{names[qsizetype(t)], stats, columnNames[c], variables[c]});
            }
            QJsonObject statsEntry = entry;
            statsEntry.insert(QStringLiteral("file"), stats);
            statsEntry.insert(QStringLiteral("format"), formatName(*statistics));
            statsEntry.insert(QStringLiteral("columns"), statsColumns);
            files.append(statsEntry);
        }
    }
    if (!renamed.isEmpty()) {
        const RowsTable mapping(QStringLiteral("one row per column whose name had to change for %1")
                                    .arg(*statistics == Format::Dta ? QStringLiteral("Stata") : QStringLiteral("SPSS")),
                                {textColumn(QStringLiteral("table"), QStringLiteral("Table")),
                                 textColumn(QStringLiteral("file"), QStringLiteral("File")),
                                 textColumn(QStringLiteral("column"), QStringLiteral("Column name (CSV)")),
                                 textColumn(QStringLiteral("variable"), QStringLiteral("Variable name in the file"))},
                                renamed);
        const QString csv = QStringLiteral("variable_names.csv");
        ExportResult one = exportTable(mapping, Format::Csv, scratch.filePath(csv), options);
        if (!one.ok)
            return one;
        QJsonArray columns;
        for (const dataset::Column &c : mapping.columns())
            columns.append(columnJson(c));
        files.append(QJsonObject{{QStringLiteral("file"), csv},
                                 {QStringLiteral("table"), QStringLiteral("variable_names")},
                                 {QStringLiteral("format"), QStringLiteral("csv")},
                                 {QStringLiteral("grain"), mapping.grain()},
                                 {QStringLiteral("rows"), one.rows},
                                 {QStringLiteral("columns"), columns}});
        result.warnings.append(QStringLiteral("%1 column name(s) changed for %2; the mapping is in %3.")
                                   .arg(renamed.size())
                                   .arg(formatName(*statistics), csv));
    }
    QJsonObject filters{{QStringLiteral("coders"), QJsonArray::fromStringList(dataset.filter().coders)},
                        {QStringLiteral("codes"), QJsonArray::fromStringList(dataset.filter().codes)},
                        {QStringLiteral("with_sub_codes"), dataset.filter().withSubCodes},
                        {QStringLiteral("include_suggestions"), dataset.filter().includeSuggestions},
                        {QStringLiteral("uncoded_articles"), dataset.filter().uncodedArticles},
                        {QStringLiteral("coded_only"), dataset.articleFilter().codedOnly},
                        {QStringLiteral("outlets"), QJsonArray::fromStringList(dataset.articleFilter().outlets)},
                        {QStringLiteral("from"), dataset.articleFilter().from.isValid()
                                                     ? QJsonValue(dataset.articleFilter().from.toString(Qt::ISODate))
                                                     : QJsonValue()},
                        {QStringLiteral("to"), dataset.articleFilter().to.isValid()
                                                   ? QJsonValue(dataset.articleFilter().to.toString(Qt::ISODate))
                                                   : QJsonValue()},
                        {QStringLiteral("context_characters"), dataset.filter().contextCharacters}};
    QJsonArray documents;
    for (const QUuid &id : dataset.filter().documents)
        documents.append(idString(id));
    filters.insert(QStringLiteral("documents"), documents);
    const QJsonObject manifest{
        {QStringLiteral("format"), QStringLiteral("newscoder-study-folder")},
        {QStringLiteral("format_version"), StudyFormatVersion},
        {QStringLiteral("newscoder_version"), QStringLiteral(NEWSCODER_VERSION)},
        {QStringLiteral("exported_at"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate)},
        {QStringLiteral("project"), QJsonObject{{QStringLiteral("file"), QFileInfo(dataset.reader().path()).fileName()},
                                                {QStringLiteral("id"), idString(dataset.reader().projectId())}}},
        {QStringLiteral("offsets"), QStringLiteral("start/end: UTF-16 code units; start_char/end_char: code points; "
                                                   "end exclusive")},
        {QStringLiteral("missing"),
         QStringLiteral("CSV: empty cell. SPSS/Stata: a field the row's code has but nobody filled is declared missing "
                        "'not given' (Stata .a; SPSS the user-missing code labelled 'not given'); a field that does "
                        "not apply to the row is system-missing")},
        {QStringLiteral("filters"), filters},
        {QStringLiteral("files"), files}};
    if (!writeText(scratch.filePath(QStringLiteral("manifest.json")), QJsonDocument(manifest).toJson(), result)
        || !writeText(scratch.filePath(QStringLiteral("import.R")), importR.toUtf8(), result))
        return result;
    // Move into place: the old study folder aside, the new one in, the old one gone.
    const QString finalPath = target.absoluteFilePath();
    QString aside;
    if (QFileInfo::exists(finalPath)) {
        aside = finalPath + QStringLiteral(".old-") + QString::number(QDateTime::currentMSecsSinceEpoch());
        if (!QDir().rename(finalPath, aside)) {
            result.error = QStringLiteral("Cannot replace %1.").arg(folder);
            return result;
        }
    }
    if (!QDir().rename(scratch.path(), finalPath)) {
        if (!aside.isEmpty())
            QDir().rename(aside, finalPath);
        result.error = QStringLiteral("Cannot create %1.").arg(folder);
        return result;
    }
    scratch.setAutoRemove(false);
    if (!aside.isEmpty())
        QDir(aside).removeRecursively();
    result.rows = total;
    result.ok = true;
    return result;
}

} // namespace newscoder::exporting
