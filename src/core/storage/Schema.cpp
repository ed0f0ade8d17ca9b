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

// Version 3: the rich coding model. Codes gain a unit (span, article or
// outlet variable), coder-facing description parts, a memo and typed fields;
// annotations a status; articles an outlet and a memo. Field values of
// annotations, articles (per coder) and outlets; the actor and outlet registries.
QStringList version3()
{
    const QString valueColumns = QStringLiteral(
        " position INTEGER NOT NULL,"
        " value TEXT NOT NULL DEFAULT '',"
        " actor_id TEXT REFERENCES actors(id) ON DELETE CASCADE,");
    return {
        QStringLiteral("ALTER TABLE codes ADD COLUMN unit TEXT NOT NULL DEFAULT 'span'"),
        QStringLiteral("ALTER TABLE codes ADD COLUMN use_when TEXT NOT NULL DEFAULT ''"),
        QStringLiteral("ALTER TABLE codes ADD COLUMN avoid_when TEXT NOT NULL DEFAULT ''"),
        QStringLiteral("ALTER TABLE codes ADD COLUMN example TEXT NOT NULL DEFAULT ''"),
        QStringLiteral("ALTER TABLE codes ADD COLUMN memo TEXT NOT NULL DEFAULT ''"),
        QStringLiteral("CREATE INDEX codes_by_parent ON codes(parent_id, position)"),
        QStringLiteral("CREATE TABLE code_fields ("
                       " id TEXT PRIMARY KEY,"
                       " code_id TEXT NOT NULL REFERENCES codes(id) ON DELETE CASCADE,"
                       " position INTEGER NOT NULL,"
                       " name TEXT NOT NULL,"
                       " kind TEXT NOT NULL,"
                       " required INTEGER NOT NULL DEFAULT 0,"
                       " multiple INTEGER NOT NULL DEFAULT 0,"
                       " options TEXT NOT NULL DEFAULT '[]',"
                       " link_codes TEXT NOT NULL DEFAULT '[]',"
                       " description TEXT NOT NULL DEFAULT '')"),
        QStringLiteral("CREATE INDEX code_fields_by_code ON code_fields(code_id, position)"),
        QStringLiteral("CREATE TABLE actors ("
                       " id TEXT PRIMARY KEY,"
                       " name TEXT NOT NULL,"
                       " aliases TEXT NOT NULL DEFAULT '[]',"
                       " role TEXT NOT NULL DEFAULT '',"
                       " affiliation TEXT NOT NULL DEFAULT '',"
                       " country TEXT NOT NULL DEFAULT '',"
                       " memo TEXT NOT NULL DEFAULT '',"
                       " custom TEXT NOT NULL DEFAULT '[]')"),
        QStringLiteral("CREATE TABLE outlets ("
                       " id TEXT PRIMARY KEY,"
                       " name TEXT NOT NULL,"
                       " domains TEXT NOT NULL DEFAULT '[]',"
                       " country TEXT NOT NULL DEFAULT '',"
                       " memo TEXT NOT NULL DEFAULT '')"),
        QStringLiteral("ALTER TABLE documents ADD COLUMN outlet_id TEXT REFERENCES outlets(id) ON DELETE SET NULL"),
        QStringLiteral("ALTER TABLE documents ADD COLUMN memo TEXT NOT NULL DEFAULT ''"),
        QStringLiteral("CREATE INDEX documents_by_outlet_id ON documents(outlet_id)"),
        QStringLiteral("ALTER TABLE annotations ADD COLUMN status TEXT NOT NULL DEFAULT 'coded'"),
        QStringLiteral("CREATE TABLE annotation_values ("
                       " annotation_id TEXT NOT NULL REFERENCES annotations(id) ON DELETE CASCADE,"
                       " field_id TEXT NOT NULL REFERENCES code_fields(id) ON DELETE CASCADE,")
            + valueColumns
            + QStringLiteral(" target_id TEXT REFERENCES annotations(id) ON DELETE CASCADE,"
                             " PRIMARY KEY (annotation_id, field_id, position))"),
        QStringLiteral("CREATE INDEX annotation_values_by_target ON annotation_values(target_id)"),
        QStringLiteral("CREATE INDEX annotation_values_by_actor ON annotation_values(actor_id)"),
        QStringLiteral("CREATE INDEX annotation_values_by_field ON annotation_values(field_id)"),
        QStringLiteral("CREATE TABLE document_values ("
                       " document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,"
                       " field_id TEXT NOT NULL REFERENCES code_fields(id) ON DELETE CASCADE,"
                       " coder_id TEXT NOT NULL REFERENCES coders(id),")
            + valueColumns
            + QStringLiteral(" PRIMARY KEY (document_id, field_id, coder_id, position))"),
        QStringLiteral("CREATE INDEX document_values_by_field ON document_values(field_id)"),
        QStringLiteral("CREATE INDEX document_values_by_actor ON document_values(actor_id)"),
        QStringLiteral("CREATE TABLE outlet_values ("
                       " outlet_id TEXT NOT NULL REFERENCES outlets(id) ON DELETE CASCADE,"
                       " field_id TEXT NOT NULL REFERENCES code_fields(id) ON DELETE CASCADE,")
            + valueColumns
            + QStringLiteral(" PRIMARY KEY (outlet_id, field_id, position))"),
        QStringLiteral("CREATE INDEX outlet_values_by_field ON outlet_values(field_id)"),
    };
}

// Version 4: why a text edit flagged an annotation for review, and that
// edit (JSON); annotations flagged before keep "text-deleted" without the edit.
QStringList version4()
{
    return {
        QStringLiteral("ALTER TABLE annotations ADD COLUMN review_reason TEXT NOT NULL DEFAULT ''"),
        QStringLiteral("ALTER TABLE annotations ADD COLUMN review_edit TEXT NOT NULL DEFAULT ''"),
        QStringLiteral("UPDATE annotations SET review_reason = 'text-deleted' WHERE status = 'review'"),
        QStringLiteral("CREATE INDEX annotations_by_review ON annotations(review_reason)"),
    };
}

// Version 5: an annotation's offsets move to their own narrow table,
// clustered by article (annotation_anchors, keyed by article and annotation).
// A text edit moves every anchor after it; with the offsets in the wide
// annotations row and in an index, that rewrote most of the article's rows
// and index entries (50 ms for 12,000 annotations); now it rewrites only the
// small anchor rows of that one article. Run with foreign keys off (the
// annotations table is rebuilt; its dependants keep their rows).
QStringList version5()
{
    return {
        QStringLiteral("CREATE TEMP TABLE annotations_v4 AS SELECT * FROM annotations"),
        QStringLiteral("DROP TABLE annotations"),
        QStringLiteral("CREATE TABLE annotations ("
                       " id TEXT PRIMARY KEY,"
                       " document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,"
                       " code_id TEXT NOT NULL REFERENCES codes(id) ON DELETE CASCADE,"
                       " coder_id TEXT NOT NULL REFERENCES coders(id),"
                       " memo TEXT NOT NULL DEFAULT '',"
                       " created TEXT NOT NULL,"
                       " modified TEXT NOT NULL,"
                       " status TEXT NOT NULL DEFAULT 'coded',"
                       " review_reason TEXT NOT NULL DEFAULT '',"
                       " review_edit TEXT NOT NULL DEFAULT '',"
                       " UNIQUE (document_id, id))"),
        QStringLiteral("CREATE TABLE annotation_anchors ("
                       " document_id TEXT NOT NULL,"
                       " id TEXT NOT NULL,"
                       " start_offset INTEGER NOT NULL,"
                       " end_offset INTEGER NOT NULL,"
                       " PRIMARY KEY (document_id, id),"
                       " FOREIGN KEY (document_id, id) REFERENCES annotations(document_id, id) ON DELETE CASCADE,"
                       " CHECK (start_offset >= 0 AND end_offset > start_offset)) WITHOUT ROWID"),
        QStringLiteral("INSERT INTO annotations (id, document_id, code_id, coder_id, memo, created, modified, status,"
                       " review_reason, review_edit) SELECT id, document_id, code_id, coder_id, memo, created, modified,"
                       " status, review_reason, review_edit FROM temp.annotations_v4"),
        QStringLiteral("INSERT INTO annotation_anchors (document_id, id, start_offset, end_offset)"
                       " SELECT document_id, id, start_offset, end_offset FROM temp.annotations_v4"),
        QStringLiteral("DROP TABLE temp.annotations_v4"),
        QStringLiteral("CREATE INDEX annotations_by_code ON annotations(code_id)"),
        QStringLiteral("CREATE INDEX annotations_by_coder ON annotations(coder_id)"),
        QStringLiteral("CREATE INDEX annotations_by_review ON annotations(review_reason)"),
    };
}

// Version 6: a study with several coders. Coders get a colour and a role
// (coder, lead, or the consensus layer adjudication writes to); articles are
// assigned to coders, some through a recorded reliability sample; the lead's
// adjudication decisions form a log. Assignments and decisions name their
// article by id without a foreign key: removing an article (undoable) keeps
// them, and they apply again when the article comes back.
QStringList version6()
{
    return {
        QStringLiteral("ALTER TABLE coders ADD COLUMN colour TEXT NOT NULL DEFAULT ''"),
        QStringLiteral("ALTER TABLE coders ADD COLUMN role TEXT NOT NULL DEFAULT 'coder'"
                       " CHECK (role IN ('coder', 'lead', 'consensus'))"),
        QStringLiteral("CREATE TABLE reliability_samples ("
                       " id TEXT PRIMARY KEY,"
                       " created TEXT NOT NULL,"
                       " seed TEXT NOT NULL,"
                       " spec TEXT NOT NULL,"
                       " description TEXT NOT NULL)"),
        QStringLiteral("CREATE TABLE assignments ("
                       " document_id TEXT NOT NULL,"
                       " coder_id TEXT NOT NULL REFERENCES coders(id),"
                       " sample_id TEXT REFERENCES reliability_samples(id),"
                       " assigned TEXT NOT NULL,"
                       " done TEXT,"
                       " PRIMARY KEY (document_id, coder_id))"),
        QStringLiteral("CREATE INDEX assignments_by_coder ON assignments(coder_id)"),
        QStringLiteral("CREATE TABLE decisions ("
                       " id TEXT PRIMARY KEY,"
                       " document_id TEXT NOT NULL,"
                       " item TEXT NOT NULL,"
                       " kind TEXT NOT NULL,"
                       " decision TEXT NOT NULL,"
                       " fingerprint TEXT NOT NULL,"
                       " decided_by TEXT NOT NULL,"
                       " decided TEXT NOT NULL,"
                       " sources TEXT NOT NULL,"
                       " results TEXT NOT NULL,"
                       " memo TEXT NOT NULL DEFAULT '')"),
        QStringLiteral("CREATE INDEX decisions_by_item ON decisions(document_id, item)"),
    };
}

// Version 7: merging coder packages and projects of one study. A merge base
// is what one source (a coder package or another project) looked like when
// it was last merged or packaged: one fingerprint per merge unit (an
// annotation with its values, a coder's variables of an article, an actor,
// an article's text). A three-way comparison against it tells a row the
// coder changed from one the master changed (study/MergePlan.h).
QStringList version7()
{
    return {
        QStringLiteral("CREATE TABLE merge_bases ("
                       " source_id TEXT NOT NULL,"
                       " unit TEXT NOT NULL,"
                       " fingerprint TEXT NOT NULL,"
                       " PRIMARY KEY (source_id, unit)) WITHOUT ROWID"),
    };
}

} // namespace

int currentVersion()
{
    return 7;
}

QStringList requiredTables()
{
    return {QStringLiteral("meta"), QStringLiteral("coders"), QStringLiteral("documents"),
            QStringLiteral("codes"), QStringLiteral("annotations"), QStringLiteral("annotation_anchors"),
            QStringLiteral("document_metadata"),
            QStringLiteral("code_fields"), QStringLiteral("actors"), QStringLiteral("outlets"),
            QStringLiteral("annotation_values"), QStringLiteral("document_values"), QStringLiteral("outlet_values"),
            QStringLiteral("reliability_samples"), QStringLiteral("assignments"), QStringLiteral("decisions"),
            QStringLiteral("merge_bases")};
}

QStringList migrationStatements(int version)
{
    switch (version) {
    case 1:
        return version1();
    case 2:
        return version2();
    case 3:
        return version3();
    case 4:
        return version4();
    case 5:
        return version5();
    case 6:
        return version6();
    case 7:
        return version7();
    default:
        return {};
    }
}

} // namespace newscoder::schema
