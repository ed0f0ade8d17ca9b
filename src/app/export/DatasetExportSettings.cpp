#include "export/DatasetExportSettings.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>

namespace newscoder {

namespace {

const QString Group = QStringLiteral("export/dataset");
const QString AllTables = QStringLiteral("all");

} // namespace

QString loadDatasetExportChoices(DatasetExportSpec &spec)
{
    QSettings settings;
    settings.beginGroup(Group);
    if (settings.contains(QStringLiteral("table"))) {
        const QString table = settings.value(QStringLiteral("table")).toString();
        if (table == AllTables)
            spec.table.reset();
        else if (const auto kind = dataset::tableFromName(table))
            spec.table = kind;
    }
    if (const auto format = exporting::formatFromName(settings.value(QStringLiteral("format")).toString()))
        spec.format = *format;
    const QString delimiter = settings.value(QStringLiteral("delimiter")).toString();
    if (delimiter == QLatin1String(",") || delimiter == QLatin1String(";"))
        spec.options.delimiter = delimiter.front();
    spec.options.byteOrderMark = settings.value(QStringLiteral("bom"), spec.options.byteOrderMark).toBool();
    spec.options.neutraliseFormulas =
        settings.value(QStringLiteral("neutraliseFormulas"), spec.options.neutraliseFormulas).toBool();
    bool ok = false;
    const int context = settings.value(QStringLiteral("context")).toInt(&ok);
    if (ok && context >= 0 && context <= 100000)
        spec.filter.contextCharacters = context;
    spec.filter.includeSuggestions =
        settings.value(QStringLiteral("suggestions"), spec.filter.includeSuggestions).toBool();
    spec.filter.uncodedArticles = settings.value(QStringLiteral("uncoded"), spec.filter.uncodedArticles).toBool();
    spec.filter.withSubCodes = settings.value(QStringLiteral("subCodes"), spec.filter.withSubCodes).toBool();
    return settings.value(QStringLiteral("folder")).toString();
}

void saveDatasetExportChoices(const DatasetExportSpec &spec)
{
    QSettings settings;
    settings.beginGroup(Group);
    settings.setValue(QStringLiteral("table"), spec.table ? dataset::tableName(*spec.table) : AllTables);
    settings.setValue(QStringLiteral("format"), exporting::formatName(spec.format));
    settings.setValue(QStringLiteral("delimiter"), QString(spec.options.delimiter));
    settings.setValue(QStringLiteral("bom"), spec.options.byteOrderMark);
    settings.setValue(QStringLiteral("neutraliseFormulas"), spec.options.neutraliseFormulas);
    settings.setValue(QStringLiteral("context"), spec.filter.contextCharacters);
    settings.setValue(QStringLiteral("suggestions"), spec.filter.includeSuggestions);
    settings.setValue(QStringLiteral("uncoded"), spec.filter.uncodedArticles);
    settings.setValue(QStringLiteral("subCodes"), spec.filter.withSubCodes);
    if (!spec.target.isEmpty())
        settings.setValue(QStringLiteral("folder"), QFileInfo(spec.target).absolutePath());
}

QString suggestedExportTarget(const QString &folder, const QString &projectPath, const DatasetExportSpec &spec)
{
    const QString base = QFileInfo(projectPath).completeBaseName();
    const QString dir = folder.isEmpty() || !QFileInfo(folder).isDir() ? QFileInfo(projectPath).absolutePath() : folder;
    QString name;
    switch (spec.output()) {
    case DatasetExportSpec::Output::TableFile:
        name = base + u'-' + dataset::tableName(*spec.table) + u'.' + spec.suffix();
        break;
    case DatasetExportSpec::Output::Workbook:
    case DatasetExportSpec::Output::Jsonl:
        name = base + u'.' + spec.suffix();
        break;
    case DatasetExportSpec::Output::StudyFolder:
        name = base + QStringLiteral("-dataset");
        break;
    }
    return QDir(dir).filePath(name);
}

} // namespace newscoder
