#pragma once

#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

namespace newscoder::table {

// The article fields a table column can fill; every other column becomes metadata.
// "id" is the external id (kept as metadata "external_id" so results join back to the source).
QStringList mappableFields(); // text, title, date, url, outlet, author, id

// Parses "--map" values: "text=body,title=headline" (several values add up). Field names are
// case-insensitive; "external_id" and "external-id" mean "id". Returns (field, column) pairs,
// or sets *error (unknown field, a field given twice, a missing column name).
QList<QPair<QString, QString>> parseColumnMap(const QStringList &specs, QString *error);

// Which column (index into `columns`, -1 for none) fills each field.
struct ResolvedMapping
{
    int text = -1, title = -1, date = -1, url = -1, outlet = -1, author = -1, id = -1;
    QString error; // a mapped column that is not in the file, or no text column at all
    int column(const QString &field) const;
};

// Explicit (field, column) pairs first (column names case-insensitive; an absent column is an
// error naming the columns there are), then the usual names for the fields left: text/body/
// content/article/full_text…, title/headline…, date/published/pub_date…, url/link…,
// outlet/source/publication/publisher/site_name…, author/byline/authors…, id/external_id/
// doc_id/article_id/guid…. No text column is an error that says how to name one.
ResolvedMapping resolveMapping(const QStringList &columns, const QList<QPair<QString, QString>> &explicitMap);

} // namespace newscoder::table
