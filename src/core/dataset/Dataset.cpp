#include "dataset/Dataset.h"

#include "dataset/Tables_p.h"
#include "storage/ProjectReader.h"
#include "storage/StoreError.h"

#include <algorithm>

namespace newscoder::dataset {

QString columnTypeName(ColumnType type)
{
    switch (type) {
    case ColumnType::Text:
        return QStringLiteral("string");
    case ColumnType::Integer:
        return QStringLiteral("integer");
    case ColumnType::Number:
        return QStringLiteral("number");
    case ColumnType::Date:
        return QStringLiteral("date");
    case ColumnType::DateTime:
        return QStringLiteral("datetime");
    }
    return {};
}

QString tableName(TableKind kind)
{
    switch (kind) {
    case TableKind::Segments:
        return QStringLiteral("segments");
    case TableKind::Articles:
        return QStringLiteral("articles");
    case TableKind::Links:
        return QStringLiteral("links");
    case TableKind::Actors:
        return QStringLiteral("actors");
    case TableKind::Outlets:
        return QStringLiteral("outlets");
    case TableKind::Codebook:
        return QStringLiteral("codebook");
    }
    return {};
}

QList<TableKind> allTables()
{
    return {TableKind::Segments, TableKind::Articles, TableKind::Links,
            TableKind::Actors,   TableKind::Outlets,  TableKind::Codebook};
}

std::optional<TableKind> tableFromName(const QString &name)
{
    for (TableKind kind : allTables()) {
        if (tableName(kind) == name)
            return kind;
    }
    return std::nullopt;
}

CodePointIndex::CodePointIndex(const QString &text) : m_text(text)
{
    for (const QChar c : text) {
        if (c.isHighSurrogate()) {
            m_plain = false;
            break;
        }
    }
    if (m_plain)
        return;
    m_before.resize(text.size() + 1);
    int pairs = 0;
    for (qsizetype i = 0; i <= text.size(); ++i) {
        m_before[i] = pairs;
        if (i < text.size() && text.at(i).isLowSurrogate() && i > 0 && text.at(i - 1).isHighSurrogate())
            ++pairs;
    }
}

int CodePointIndex::at(int utf16Offset) const
{
    if (m_plain || utf16Offset < 0 || utf16Offset >= m_before.size())
        return utf16Offset;
    // m_before[i] counts the pairs completed before unit i; a pair ends at its low surrogate.
    int pairs = m_before[utf16Offset];
    return utf16Offset - pairs;
}

QString contextBefore(const QString &text, int start, int characters)
{
    int from = qBound(0, start, int(text.size()));
    for (int n = 0; n < characters && from > 0; ++n) {
        --from;
        if (from > 0 && text.at(from).isLowSurrogate() && text.at(from - 1).isHighSurrogate())
            --from;
    }
    return text.mid(from, qBound(0, start, int(text.size())) - from);
}

QString contextAfter(const QString &text, int end, int characters)
{
    const int from = qBound(0, end, int(text.size()));
    int to = from;
    for (int n = 0; n < characters && to < text.size(); ++n) {
        if (text.at(to).isHighSurrogate() && to + 1 < text.size() && text.at(to + 1).isLowSurrogate())
            ++to;
        ++to;
    }
    return text.mid(from, to - from);
}

Dataset::Dataset(const ProjectReader &store, Filter filter, ArticleFilter articles)
    : m_store(store), m_filter(std::move(filter)), m_articles(std::move(articles))
{
    m_codes = m_store.codes();
    QHash<QUuid, const Code *> byId;
    for (const Code &c : m_codes) {
        byId.insert(c.id, &c);
        m_codeNames.insert(c.id, c.name);
    }
    for (const Code &c : m_codes) {
        QStringList path{c.name};
        QSet<QUuid> seen{c.id};
        for (const Code *p = byId.value(c.parentId); p && !seen.contains(p->id); p = byId.value(p->parentId)) {
            seen.insert(p->id);
            path.prepend(p->name);
        }
        m_codePaths.insert(c.id, path.join(u'/'));
    }
    for (const Coder &c : m_store.coders())
        m_coderNames.insert(c.id, c.name);
    m_actors = m_store.actors();
    m_outlets = m_store.outlets();

    for (const QString &name : m_filter.coders) {
        const auto it = std::find_if(m_coderNames.constBegin(), m_coderNames.constEnd(),
                                     [&](const QString &n) { return n == name.trimmed(); });
        if (it == m_coderNames.constEnd())
            throw StoreError(StoreError::Kind::Invalid, QStringLiteral("No coder named “%1”.").arg(name));
        m_query.coderIds.append(it.key());
    }
    QSet<QUuid> chosen;
    for (const QString &name : m_filter.codes) {
        const QString wanted = name.trimmed();
        const auto it = std::find_if(m_codes.constBegin(), m_codes.constEnd(), [&](const Code &c) {
            return c.name.compare(wanted, Qt::CaseInsensitive) == 0
                   || m_codePaths.value(c.id).compare(wanted, Qt::CaseInsensitive) == 0;
        });
        if (it == m_codes.constEnd())
            throw StoreError(StoreError::Kind::Invalid, QStringLiteral("No code named “%1”.").arg(name));
        chosen.insert(it->id);
        if (m_filter.withSubCodes) {
            for (const QUuid &id : codeDescendants(m_codes, it->id))
                chosen.insert(id);
        }
    }
    for (const Code &c : m_codes) {
        if (c.unit != CodeUnit::Span || (!chosen.isEmpty() && !chosen.contains(c.id)))
            continue;
        m_spanCodes.append(c);
        if (!chosen.isEmpty())
            m_query.codeIds.append(c.id);
    }
    if (!chosen.isEmpty() && m_query.codeIds.isEmpty())
        throw StoreError(StoreError::Kind::Invalid,
                         QStringLiteral("The chosen codes are variables, not span codes: no annotations to export."));
    m_query.documentIds = m_filter.documents;
    for (const QString &name : m_articles.outlets) {
        const QString wanted = name.trimmed();
        bool known = false;
        for (const Outlet &o : m_outlets) {
            if (o.name.compare(wanted, Qt::CaseInsensitive) == 0) {
                m_query.outletIds.append(o.id);
                known = true;
            }
        }
        if (!known && !m_store.hasImportedOutlet(wanted))
            throw StoreError(StoreError::Kind::Invalid, QStringLiteral("No outlet named “%1”.").arg(name));
        m_query.outletNames.append(wanted);
    }
    if (m_articles.from.isValid() && m_articles.to.isValid() && m_articles.from > m_articles.to)
        throw StoreError(StoreError::Kind::Invalid, QStringLiteral("The date range ends (%1) before it starts (%2).")
                                                        .arg(m_articles.to.toString(Qt::ISODate),
                                                             m_articles.from.toString(Qt::ISODate)));
    m_query.from = m_articles.from;
    m_query.to = m_articles.to;
    m_query.codedOnly = m_articles.codedOnly;
    m_query.includeSuggestions = m_filter.includeSuggestions;
}

QList<Code> Dataset::variableCodes(CodeUnit unit) const
{
    QList<Code> result;
    for (const Code &c : m_codes) {
        if (c.unit == unit)
            result.append(c);
    }
    return result;
}

QString Dataset::outletName(const QUuid &outletId, const QString &fallback) const
{
    for (const Outlet &o : m_outlets) {
        if (o.id == outletId)
            return o.name;
    }
    return fallback;
}

std::unique_ptr<Table> Dataset::table(TableKind kind) const
{
    switch (kind) {
    case TableKind::Segments:
        return detail::makeSegmentsTable(*this);
    case TableKind::Articles:
        return detail::makeArticlesTable(*this);
    case TableKind::Links:
        return detail::makeLinksTable(*this);
    case TableKind::Actors:
        return detail::makeActorsTable(*this);
    case TableKind::Outlets:
        return detail::makeOutletsTable(*this);
    case TableKind::Codebook:
        return detail::makeCodebookTable(*this);
    }
    return nullptr;
}

namespace detail {

Column textColumn(const QString &name, const QString &label)
{
    return Column{name, ColumnType::Text, label, {}, false, false};
}

Column intColumn(const QString &name, const QString &label)
{
    return Column{name, ColumnType::Integer, label, {}, false, false};
}

} // namespace detail

} // namespace newscoder::dataset
