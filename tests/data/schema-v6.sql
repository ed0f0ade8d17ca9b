-- A Newscoder project as schema version 6 wrote it (coder roles, assignments, a reliability sample, decisions; no merge bases yet).
-- tst_migrations builds an SQLite file from this script with QtSql and opens it.
-- One statement per block; a statement ends with a line ending in ';'.
-- The CREATE and ALTER statements are exactly those of schema versions 1 to 6 (Schema.cpp version1() to version6()).
CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE coders (id TEXT PRIMARY KEY, name TEXT NOT NULL UNIQUE);
CREATE TABLE documents ( id TEXT PRIMARY KEY, title TEXT NOT NULL, outlet TEXT NOT NULL DEFAULT '', published TEXT, url TEXT NOT NULL DEFAULT '', author TEXT NOT NULL DEFAULT '', body TEXT NOT NULL, body_length INTEGER NOT NULL, import_source TEXT NOT NULL DEFAULT '', created TEXT NOT NULL);
CREATE TABLE codes ( id TEXT PRIMARY KEY, parent_id TEXT REFERENCES codes(id) ON DELETE CASCADE, name TEXT NOT NULL, color TEXT NOT NULL, description TEXT NOT NULL DEFAULT '', shortcut TEXT NOT NULL DEFAULT '', position INTEGER NOT NULL DEFAULT 0);
CREATE TABLE annotations ( id TEXT PRIMARY KEY, document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE, code_id TEXT NOT NULL REFERENCES codes(id) ON DELETE CASCADE, start_offset INTEGER NOT NULL, end_offset INTEGER NOT NULL, coder_id TEXT NOT NULL REFERENCES coders(id), memo TEXT NOT NULL DEFAULT '', created TEXT NOT NULL, modified TEXT NOT NULL, CHECK (start_offset >= 0 AND end_offset > start_offset));
CREATE INDEX annotations_by_document ON annotations(document_id, start_offset);
CREATE TABLE document_metadata ( document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE, position INTEGER NOT NULL, name TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY (document_id, position));
CREATE INDEX annotations_by_code ON annotations(code_id);
CREATE INDEX annotations_by_coder ON annotations(coder_id);
CREATE INDEX documents_by_outlet ON documents(outlet);
ALTER TABLE codes ADD COLUMN unit TEXT NOT NULL DEFAULT 'span';
ALTER TABLE codes ADD COLUMN use_when TEXT NOT NULL DEFAULT '';
ALTER TABLE codes ADD COLUMN avoid_when TEXT NOT NULL DEFAULT '';
ALTER TABLE codes ADD COLUMN example TEXT NOT NULL DEFAULT '';
ALTER TABLE codes ADD COLUMN memo TEXT NOT NULL DEFAULT '';
CREATE INDEX codes_by_parent ON codes(parent_id, position);
CREATE TABLE code_fields ( id TEXT PRIMARY KEY, code_id TEXT NOT NULL REFERENCES codes(id) ON DELETE CASCADE, position INTEGER NOT NULL, name TEXT NOT NULL, kind TEXT NOT NULL, required INTEGER NOT NULL DEFAULT 0, multiple INTEGER NOT NULL DEFAULT 0, options TEXT NOT NULL DEFAULT '[]', link_codes TEXT NOT NULL DEFAULT '[]', description TEXT NOT NULL DEFAULT '');
CREATE INDEX code_fields_by_code ON code_fields(code_id, position);
CREATE TABLE actors ( id TEXT PRIMARY KEY, name TEXT NOT NULL, aliases TEXT NOT NULL DEFAULT '[]', role TEXT NOT NULL DEFAULT '', affiliation TEXT NOT NULL DEFAULT '', country TEXT NOT NULL DEFAULT '', memo TEXT NOT NULL DEFAULT '', custom TEXT NOT NULL DEFAULT '[]');
CREATE TABLE outlets ( id TEXT PRIMARY KEY, name TEXT NOT NULL, domains TEXT NOT NULL DEFAULT '[]', country TEXT NOT NULL DEFAULT '', memo TEXT NOT NULL DEFAULT '');
ALTER TABLE documents ADD COLUMN outlet_id TEXT REFERENCES outlets(id) ON DELETE SET NULL;
ALTER TABLE documents ADD COLUMN memo TEXT NOT NULL DEFAULT '';
CREATE INDEX documents_by_outlet_id ON documents(outlet_id);
ALTER TABLE annotations ADD COLUMN status TEXT NOT NULL DEFAULT 'coded';
CREATE TABLE annotation_values ( annotation_id TEXT NOT NULL REFERENCES annotations(id) ON DELETE CASCADE, field_id TEXT NOT NULL REFERENCES code_fields(id) ON DELETE CASCADE, position INTEGER NOT NULL, value TEXT NOT NULL DEFAULT '', actor_id TEXT REFERENCES actors(id) ON DELETE CASCADE, target_id TEXT REFERENCES annotations(id) ON DELETE CASCADE, PRIMARY KEY (annotation_id, field_id, position));
CREATE INDEX annotation_values_by_target ON annotation_values(target_id);
CREATE INDEX annotation_values_by_actor ON annotation_values(actor_id);
CREATE INDEX annotation_values_by_field ON annotation_values(field_id);
CREATE TABLE document_values ( document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE, field_id TEXT NOT NULL REFERENCES code_fields(id) ON DELETE CASCADE, coder_id TEXT NOT NULL REFERENCES coders(id), position INTEGER NOT NULL, value TEXT NOT NULL DEFAULT '', actor_id TEXT REFERENCES actors(id) ON DELETE CASCADE, PRIMARY KEY (document_id, field_id, coder_id, position));
CREATE INDEX document_values_by_field ON document_values(field_id);
CREATE INDEX document_values_by_actor ON document_values(actor_id);
CREATE TABLE outlet_values ( outlet_id TEXT NOT NULL REFERENCES outlets(id) ON DELETE CASCADE, field_id TEXT NOT NULL REFERENCES code_fields(id) ON DELETE CASCADE, position INTEGER NOT NULL, value TEXT NOT NULL DEFAULT '', actor_id TEXT REFERENCES actors(id) ON DELETE CASCADE, PRIMARY KEY (outlet_id, field_id, position));
CREATE INDEX outlet_values_by_field ON outlet_values(field_id);

ALTER TABLE annotations ADD COLUMN review_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE annotations ADD COLUMN review_edit TEXT NOT NULL DEFAULT '';
CREATE INDEX annotations_by_review ON annotations(review_reason);

-- version 5: offsets move to annotation_anchors
CREATE TEMP TABLE annotations_v4 AS SELECT * FROM annotations;
DROP TABLE annotations;
CREATE TABLE annotations ( id TEXT PRIMARY KEY, document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE, code_id TEXT NOT NULL REFERENCES codes(id) ON DELETE CASCADE, coder_id TEXT NOT NULL REFERENCES coders(id), memo TEXT NOT NULL DEFAULT '', created TEXT NOT NULL, modified TEXT NOT NULL, status TEXT NOT NULL DEFAULT 'coded', review_reason TEXT NOT NULL DEFAULT '', review_edit TEXT NOT NULL DEFAULT '', UNIQUE (document_id, id));
CREATE TABLE annotation_anchors ( document_id TEXT NOT NULL, id TEXT NOT NULL, start_offset INTEGER NOT NULL, end_offset INTEGER NOT NULL, PRIMARY KEY (document_id, id), FOREIGN KEY (document_id, id) REFERENCES annotations(document_id, id) ON DELETE CASCADE, CHECK (start_offset >= 0 AND end_offset > start_offset)) WITHOUT ROWID;
INSERT INTO annotations (id, document_id, code_id, coder_id, memo, created, modified, status, review_reason, review_edit) SELECT id, document_id, code_id, coder_id, memo, created, modified, status, review_reason, review_edit FROM temp.annotations_v4;
INSERT INTO annotation_anchors (document_id, id, start_offset, end_offset) SELECT document_id, id, start_offset, end_offset FROM temp.annotations_v4;
DROP TABLE temp.annotations_v4;
CREATE INDEX annotations_by_code ON annotations(code_id);
CREATE INDEX annotations_by_coder ON annotations(coder_id);
CREATE INDEX annotations_by_review ON annotations(review_reason);

-- version 6: coders of a study, assignments, reliability samples, decisions
ALTER TABLE coders ADD COLUMN colour TEXT NOT NULL DEFAULT '';
ALTER TABLE coders ADD COLUMN role TEXT NOT NULL DEFAULT 'coder' CHECK (role IN ('coder', 'lead', 'consensus'));
CREATE TABLE reliability_samples ( id TEXT PRIMARY KEY, created TEXT NOT NULL, seed TEXT NOT NULL, spec TEXT NOT NULL, description TEXT NOT NULL);
CREATE TABLE assignments ( document_id TEXT NOT NULL, coder_id TEXT NOT NULL REFERENCES coders(id), sample_id TEXT REFERENCES reliability_samples(id), assigned TEXT NOT NULL, done TEXT, PRIMARY KEY (document_id, coder_id));
CREATE INDEX assignments_by_coder ON assignments(coder_id);
CREATE TABLE decisions ( id TEXT PRIMARY KEY, document_id TEXT NOT NULL, item TEXT NOT NULL, kind TEXT NOT NULL, decision TEXT NOT NULL, fingerprint TEXT NOT NULL, decided_by TEXT NOT NULL, decided TEXT NOT NULL, sources TEXT NOT NULL, results TEXT NOT NULL, memo TEXT NOT NULL DEFAULT '');
CREATE INDEX decisions_by_item ON decisions(document_id, item);

INSERT INTO meta (name, value) VALUES ('application', 'newscoder');
INSERT INTO meta (name, value) VALUES ('schema_version', '6');
INSERT INTO meta (name, value) VALUES ('project_id', '6c1f5c1e-3c1a-4d55-9a39-0d6f0e6a8a16');
INSERT INTO meta (name, value) VALUES ('created', '2026-11-02T09:30:00.000Z');

INSERT INTO coders (id, name) VALUES ('0c7d2b55-8f61-4a8e-a0b4-1f5d8b0e3c01', 'Alex Example');

INSERT INTO codes (id, parent_id, name, color, description, shortcut, position, unit) VALUES ('8a1c6f0e-2b7d-4c1e-9f3a-6e5d4c3b2a01', NULL, 'Quote', '#e6a23c', 'Words attributed to a speaker.', '1', 0, 'span');
INSERT INTO codes (id, parent_id, name, color, description, shortcut, position, unit) VALUES ('8a1c6f0e-2b7d-4c1e-9f3a-6e5d4c3b2a02', NULL, 'Speaker', '#409eff', '', '2', 1, 'span');
INSERT INTO code_fields (id, code_id, position, name, kind, options, link_codes) VALUES ('f1e1d000-0000-4000-8000-000000000001', '8a1c6f0e-2b7d-4c1e-9f3a-6e5d4c3b2a01', 0, 'speaker', 'annotation-link', '[]', '["8a1c6f0e-2b7d-4c1e-9f3a-6e5d4c3b2a02"]');
INSERT INTO code_fields (id, code_id, position, name, kind, options, link_codes) VALUES ('f1e1d000-0000-4000-8000-000000000002', '8a1c6f0e-2b7d-4c1e-9f3a-6e5d4c3b2a01', 1, 'tone', 'text', '[]', '[]');

INSERT INTO documents (id, title, outlet, published, url, author, body, body_length, import_source, created, memo) VALUES ('d0c00000-0000-4000-8000-000000000001', 'Harbour talks stall', 'harbourgazette.example', '2024-03-14', 'https://harbourgazette.example/talks', 'Ana Writer', 'Minister Ana Reyes said: "Talks are frozen until May." The port stayed closed.', 78, '/import/harbour.txt', '2026-11-02T09:31:00.000Z', '');

-- a speaker, a quote linked to it with a text field, and a quote a text edit flagged
INSERT INTO annotations (id, document_id, code_id, coder_id, memo, created, modified, status, review_reason, review_edit) VALUES ('a0000000-0000-4000-8000-000000000001', 'd0c00000-0000-4000-8000-000000000001', '8a1c6f0e-2b7d-4c1e-9f3a-6e5d4c3b2a02', '0c7d2b55-8f61-4a8e-a0b4-1f5d8b0e3c01', '', '2026-11-02T10:00:00.000Z', '2026-11-02T10:00:00.000Z', 'coded', '', '');
INSERT INTO annotation_anchors (document_id, id, start_offset, end_offset) VALUES ('d0c00000-0000-4000-8000-000000000001', 'a0000000-0000-4000-8000-000000000001', 9, 18);
INSERT INTO annotations (id, document_id, code_id, coder_id, memo, created, modified, status, review_reason, review_edit) VALUES ('a0000000-0000-4000-8000-000000000002', 'd0c00000-0000-4000-8000-000000000001', '8a1c6f0e-2b7d-4c1e-9f3a-6e5d4c3b2a01', '0c7d2b55-8f61-4a8e-a0b4-1f5d8b0e3c01', 'the minister''s words', '2026-11-02T10:01:00.000Z', '2026-11-02T10:01:00.000Z', 'coded', '', '');
INSERT INTO annotation_anchors (document_id, id, start_offset, end_offset) VALUES ('d0c00000-0000-4000-8000-000000000001', 'a0000000-0000-4000-8000-000000000002', 25, 54);
INSERT INTO annotations (id, document_id, code_id, coder_id, memo, created, modified, status, review_reason, review_edit) VALUES ('a0000000-0000-4000-8000-000000000003', 'd0c00000-0000-4000-8000-000000000001', '8a1c6f0e-2b7d-4c1e-9f3a-6e5d4c3b2a01', '0c7d2b55-8f61-4a8e-a0b4-1f5d8b0e3c01', '', '2026-11-02T10:02:00.000Z', '2026-11-02T10:06:00.000Z', 'review', 'text-deleted', '{"at":54,"removed":"The port","inserted":"","was":"The port","when":"2026-11-02T10:06:00.000Z"}');
INSERT INTO annotation_anchors (document_id, id, start_offset, end_offset) VALUES ('d0c00000-0000-4000-8000-000000000001', 'a0000000-0000-4000-8000-000000000003', 55, 56);

INSERT INTO annotation_values (annotation_id, field_id, position, value, actor_id, target_id) VALUES ('a0000000-0000-4000-8000-000000000002', 'f1e1d000-0000-4000-8000-000000000001', 0, '', NULL, 'a0000000-0000-4000-8000-000000000001');
INSERT INTO annotation_values (annotation_id, field_id, position, value, actor_id, target_id) VALUES ('a0000000-0000-4000-8000-000000000002', 'f1e1d000-0000-4000-8000-000000000002', 0, 'firm', NULL, NULL);

-- the study: a lead, the coder as a coder with a colour, one sampled assignment done, one decision
INSERT INTO coders (id, name, colour, role) VALUES ('0c7d2b55-8f61-4a8e-a0b4-1f5d8b0e3c02', 'Lee Lead', '#884ea0', 'lead');
UPDATE coders SET colour = '#1f77b4' WHERE id = '0c7d2b55-8f61-4a8e-a0b4-1f5d8b0e3c01';
INSERT INTO reliability_samples (id, created, seed, spec, description) VALUES ('5a000000-0000-4000-8000-000000000001', '2026-12-01T10:00:00.000Z', '7', '{"size":1,"coders":["Alex Example"],"seed":7}', '1 article coded by Alex Example, seed 7.');
INSERT INTO assignments (document_id, coder_id, sample_id, assigned, done) VALUES ('d0c00000-0000-4000-8000-000000000001', '0c7d2b55-8f61-4a8e-a0b4-1f5d8b0e3c01', '5a000000-0000-4000-8000-000000000001', '2026-12-01T10:00:00.000Z', '2026-12-02T10:00:00.000Z');
INSERT INTO decisions (id, document_id, item, kind, decision, fingerprint, decided_by, decided, sources, results, memo) VALUES ('de000000-0000-4000-8000-000000000001', 'd0c00000-0000-4000-8000-000000000001', '0123456789ab', 'only-one', 'reject', 'f0', 'Lee Lead', '2026-12-03T10:00:00.000Z', '[]', '[]', 'not a quote');
