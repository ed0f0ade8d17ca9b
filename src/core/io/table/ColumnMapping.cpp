#include "io/table/ColumnMapping.h"

using namespace Qt::StringLiterals;

namespace newscoder::table {

namespace {

QString canonicalField(QString field)
{
    field = field.trimmed().toLower();
    if (field == u"external_id"_s || field == u"external-id"_s || field == u"externalid"_s)
        return u"id"_s;
    return mappableFields().contains(field) ? field : QString();
}

// The usual column names for each field, most specific first (compared lower-case, with
// spaces and hyphens read as underscores).
QStringList usualNames(const QString &field)
{
    if (field == u"text"_s)
        return {u"text"_s, u"body"_s, u"full_text"_s, u"fulltext"_s, u"article_text"_s, u"maintext"_s,
                u"main_text"_s, u"content"_s, u"article"_s, u"body_text"_s, u"story"_s};
    if (field == u"title"_s)
        return {u"title"_s, u"headline"_s, u"heading"_s, u"header"_s};
    if (field == u"date"_s)
        return {u"date"_s, u"published"_s, u"publication_date"_s, u"pub_date"_s, u"published_date"_s,
                u"date_publish"_s, u"published_at"_s, u"publish_date"_s, u"datetime"_s, u"timestamp"_s};
    if (field == u"url"_s)
        return {u"url"_s, u"link"_s, u"source_url"_s, u"permalink"_s, u"web_url"_s};
    if (field == u"outlet"_s)
        return {u"outlet"_s, u"source"_s, u"publication"_s, u"publisher"_s, u"site_name"_s, u"site"_s,
                u"newspaper"_s, u"medium"_s, u"media"_s, u"domain"_s, u"source_domain"_s};
    if (field == u"author"_s)
        return {u"author"_s, u"authors"_s, u"byline"_s, u"creator"_s, u"writer"_s};
    if (field == u"id"_s)
        return {u"id"_s, u"external_id"_s, u"doc_id"_s, u"document_id"_s, u"article_id"_s, u"guid"_s,
                u"uuid"_s, u"uid"_s, u"key"_s};
    return {};
}

QString normalised(QString name)
{
    name = name.trimmed().toLower();
    name.replace(u' ', u'_');
    name.replace(u'-', u'_');
    return name;
}

int &slot(ResolvedMapping &m, const QString &field)
{
    static int none = -1;
    if (field == u"text"_s) return m.text;
    if (field == u"title"_s) return m.title;
    if (field == u"date"_s) return m.date;
    if (field == u"url"_s) return m.url;
    if (field == u"outlet"_s) return m.outlet;
    if (field == u"author"_s) return m.author;
    if (field == u"id"_s) return m.id;
    none = -1;
    return none;
}

} // namespace

QStringList mappableFields()
{
    return {u"text"_s, u"title"_s, u"date"_s, u"url"_s, u"outlet"_s, u"author"_s, u"id"_s};
}

int ResolvedMapping::column(const QString &field) const
{
    return slot(const_cast<ResolvedMapping &>(*this), field);
}

QList<QPair<QString, QString>> parseColumnMap(const QStringList &specs, QString *error)
{
    QList<QPair<QString, QString>> out;
    for (const QString &spec : specs) {
        for (const QString &part : spec.split(u',', Qt::SkipEmptyParts)) {
            const qsizetype eq = part.indexOf(u'=');
            const QString field = canonicalField(eq < 0 ? part : part.left(eq));
            const QString column = eq < 0 ? QString() : part.mid(eq + 1).trimmed();
            if (field.isEmpty()) {
                *error = u"unknown field \"%1\" in --map (fields: %2)"_s.arg(
                    (eq < 0 ? part : part.left(eq)).trimmed(), mappableFields().join(u", "_s));
                return {};
            }
            if (column.isEmpty()) {
                *error = u"--map %1 names no column: write %1=COLUMN"_s.arg(field);
                return {};
            }
            for (const auto &[f, c] : std::as_const(out)) {
                if (f == field) {
                    *error = u"--map gives the field %1 twice (%2 and %3)"_s.arg(field, c, column);
                    return {};
                }
            }
            out.append({field, column});
        }
    }
    return out;
}

ResolvedMapping resolveMapping(const QStringList &columns, const QList<QPair<QString, QString>> &explicitMap)
{
    ResolvedMapping m;
    QList<bool> used(columns.size(), false);
    for (const auto &[field, column] : explicitMap) {
        int found = -1;
        for (int i = 0; i < columns.size() && found < 0; ++i) {
            if (columns[i].compare(column, Qt::CaseInsensitive) == 0)
                found = i;
        }
        if (found < 0) {
            m.error = u"no column \"%1\" (mapped to %2); the columns are: %3"_s.arg(column, field,
                                                                                      columns.join(u", "_s));
            return m;
        }
        slot(m, field) = found;
        used[found] = true;
    }
    for (const QString &field : mappableFields()) {
        if (slot(m, field) >= 0)
            continue;
        const QStringList names = usualNames(field);
        for (const QString &name : names) {
            for (int i = 0; i < columns.size() && slot(m, field) < 0; ++i) {
                if (!used[i] && normalised(columns[i]) == name) {
                    slot(m, field) = i;
                    used[i] = true;
                }
            }
            if (slot(m, field) >= 0)
                break;
        }
    }
    if (m.text < 0)
        m.error = u"no text column: name it with --map text=COLUMN (the columns are: %1)"_s.arg(columns.join(u", "_s));
    return m;
}

} // namespace newscoder::table
