// The coded dataset of a project as tidy tables (segments, articles, links,
// actors, outlets, codebook), read-only and streamed from the store. Used by
// the CLI, the window and every exporter.
#pragma once

#include "dataset/DatasetRecords.h"
#include "dataset/DatasetTable.h"
#include "model/Actor.h"
#include "model/Code.h"
#include "model/Outlet.h"

#include <QDate>
#include <QHash>
#include <QStringList>

#include <memory>

namespace newscoder {
class ProjectReader;
}

namespace newscoder::dataset {

// Which part of the project goes out. Empty lists mean "all".
struct Filter
{
    QStringList coders;          // coder names
    QStringList codes;           // code names (or Parent/Child paths)
    bool withSubCodes = true;    // a named code brings its sub-codes
    QList<QUuid> documents;      // article ids
    bool includeSuggestions = false;
    bool uncodedArticles = false; // articles table: also articles nobody coded
    int contextCharacters = 100;  // segments: characters of context each side
};

// Which articles go out beyond Filter::documents (all must hold).
struct ArticleFilter
{
    QStringList outlets;    // outlet names (registry or as imported, case-insensitive)
    QDate from, to;         // publication date range, inclusive; invalid: open
    bool codedOnly = false; // only articles with at least one (matching) annotation
};

// Code point offsets (what R's substr and Python slicing count) of UTF-16
// offsets into `text`.
class CodePointIndex
{
public:
    explicit CodePointIndex(const QString &text);
    int at(int utf16Offset) const;

private:
    const QString &m_text;
    bool m_plain = true; // no surrogate pairs: both units agree
    QList<int> m_before; // surrogate pairs before each UTF-16 offset (when not plain)
};

// Up to `characters` code points of `text` before `start` / after `end`.
QString contextBefore(const QString &text, int start, int characters);
QString contextAfter(const QString &text, int end, int characters);

class Dataset
{
public:
    // Resolves the filter's names; throws StoreError (Invalid) naming an
    // unknown coder or code.
    Dataset(const ProjectReader &store, Filter filter, ArticleFilter articles = {});

    std::unique_ptr<Table> table(TableKind kind) const;

    const ProjectReader &reader() const { return m_store; }
    const Filter &filter() const { return m_filter; }
    const ArticleFilter &articleFilter() const { return m_articles; }
    const QList<Code> &codes() const { return m_codes; }       // the whole codebook, tree order
    const QList<Code> &spanCodes() const { return m_spanCodes; } // span codes the filter selects
    QList<Code> variableCodes(CodeUnit unit) const;             // article or outlet variables
    DatasetQuery query() const { return m_query; }
    QString codeName(const QUuid &id) const { return m_codeNames.value(id); }
    QString codePath(const QUuid &id) const { return m_codePaths.value(id); }
    QString coderName(const QUuid &id) const { return m_coderNames.value(id); }
    QString outletName(const QUuid &outletId, const QString &fallback) const;
    const QHash<QUuid, QString> &codeNames() const { return m_codeNames; }
    const QList<Actor> &actors() const { return m_actors; }
    const QList<Outlet> &outlets() const { return m_outlets; }

private:
    const ProjectReader &m_store;
    Filter m_filter;
    ArticleFilter m_articles;
    DatasetQuery m_query;
    QList<Code> m_codes;
    QList<Code> m_spanCodes;
    QHash<QUuid, QString> m_codeNames;
    QHash<QUuid, QString> m_codePaths;
    QHash<QUuid, QString> m_coderNames;
    QList<Actor> m_actors;
    QList<Outlet> m_outlets;
};

} // namespace newscoder::dataset
