#include "storage/Schema.h"

namespace newscoder::schema {

namespace {

// Version 1: documents, codes, coders and annotations.
QStringList version1()
{
    return {
        QStringLiteral("CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT NOT NULL)"),
        QStringLiteral("CREATE TABLE coders (id TEXT PRIMARY KEY, name TEXT NOT NULL UNIQUE)"),
        QStringLiteral("CREATE TABLE documents ("
                       " id TEXT PRIMARY KEY,"
                       " title TEXT NOT NULL,"
                       " outlet TEXT NOT NULL DEFAULT '',"
                       " published TEXT,"
                       " url TEXT NOT NULL DEFAULT '',"
                       " author TEXT NOT NULL DEFAULT '',"
                       " body TEXT NOT NULL,"
                       " body_length INTEGER NOT NULL,"
                       " import_source TEXT NOT NULL DEFAULT '',"
                       " created TEXT NOT NULL)"),
        QStringLiteral("CREATE TABLE codes ("
                       " id TEXT PRIMARY KEY,"
                       " parent_id TEXT REFERENCES codes(id) ON DELETE CASCADE,"
                       " name TEXT NOT NULL,"
                       " color TEXT NOT NULL,"
                       " description TEXT NOT NULL DEFAULT '',"
                       " shortcut TEXT NOT NULL DEFAULT '',"
                       " position INTEGER NOT NULL DEFAULT 0)"),
        QStringLiteral("CREATE TABLE annotations ("
                       " id TEXT PRIMARY KEY,"
                       " document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,"
                       " code_id TEXT NOT NULL REFERENCES codes(id) ON DELETE CASCADE,"
                       " start_offset INTEGER NOT NULL,"
                       " end_offset INTEGER NOT NULL,"
                       " coder_id TEXT NOT NULL REFERENCES coders(id),"
                       " memo TEXT NOT NULL DEFAULT '',"
                       " created TEXT NOT NULL,"
                       " modified TEXT NOT NULL,"
                       " CHECK (start_offset >= 0 AND end_offset > start_offset))"),
        QStringLiteral("CREATE INDEX annotations_by_document ON annotations(document_id, start_offset)"),
    };
}

// Version 2: free-form article metadata, and indexes for per-code/per-coder queries.
QStringList version2()
{
    return {
        QStringLiteral("CREATE TABLE document_metadata ("
                       " document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,"
                       " position INTEGER NOT NULL,"
                       " name TEXT NOT NULL,"
                       " value TEXT NOT NULL,"
                       " PRIMARY KEY (document_id, position))"),
        QStringLiteral("CREATE INDEX annotations_by_code ON annotations(code_id)"),
        QStringLiteral("CREATE INDEX annotations_by_coder ON annotations(coder_id)"),
        QStringLiteral("CREATE INDEX documents_by_outlet ON documents(outlet)"),
    };
}

} // namespace

int currentVersion()
{
    return 2;
}

QStringList requiredTables()
{
    return {QStringLiteral("meta"), QStringLiteral("coders"), QStringLiteral("documents"),
            QStringLiteral("codes"), QStringLiteral("annotations"), QStringLiteral("document_metadata")};
}

QStringList migrationStatements(int version)
{
    switch (version) {
    case 1:
        return version1();
    case 2:
        return version2();
    default:
        return {};
    }
}

} // namespace newscoder::schema
