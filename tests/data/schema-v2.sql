-- A Newscoder project as schema version 2 wrote it (before fields, actors and outlets).
-- tst_migrations builds an SQLite file from this script with QtSql and opens it.
-- One statement per block; a statement ends with a line ending in ';'.
-- The CREATE statements are exactly those of schema versions 1 and 2 (Schema.cpp version1(), version2()).
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

INSERT INTO meta (name, value) VALUES ('application', 'newscoder');
INSERT INTO meta (name, value) VALUES ('schema_version', '2');
INSERT INTO meta (name, value) VALUES ('project_id', '5b0f5c1e-3c1a-4d55-9a39-0d6f0e6a8a11');
INSERT INTO meta (name, value) VALUES ('created', '2024-05-02T09:30:00.000Z');

INSERT INTO coders (id, name) VALUES ('0c7d2b55-8f61-4a8e-a0b4-1f5d8b0e3c01', 'Alex Example');
INSERT INTO coders (id, name) VALUES ('0c7d2b55-8f61-4a8e-a0b4-1f5d8b0e3c02', 'Kim Beispiel');

INSERT INTO codes (id, parent_id, name, color, description, shortcut, position) VALUES ('8a1c6f0e-2b7d-4c1e-9f3a-6e5d4c3b2a01', NULL, 'Quote', '#e6a23c', 'Words attributed to a speaker.', '1', 0);
INSERT INTO codes (id, parent_id, name, color, description, shortcut, position) VALUES ('8a1c6f0e-2b7d-4c1e-9f3a-6e5d4c3b2a02', NULL, 'Speaker', '#409eff', '', '2', 1);
INSERT INTO codes (id, parent_id, name, color, description, shortcut, position) VALUES ('8a1c6f0e-2b7d-4c1e-9f3a-6e5d4c3b2a03', '8a1c6f0e-2b7d-4c1e-9f3a-6e5d4c3b2a01', 'Direct quote', '#67c23a', '', '', 0);

INSERT INTO documents (id, title, outlet, published, url, author, body, body_length, import_source, created) VALUES ('d0c00000-0000-4000-8000-000000000001', 'Harbour talks stall', 'harbourgazette.example', '2024-03-14', 'https://harbourgazette.example/talks', 'Ana Writer', 'Minister Ana Reyes said: "Talks are frozen until May." The port stayed closed.', 78, '/import/harbour.txt', '2024-05-02T09:31:00.000Z');
INSERT INTO documents (id, title, outlet, published, url, author, body, body_length, import_source, created) VALUES ('d0c00000-0000-4000-8000-000000000002', 'Festival in the square', '', NULL, '', '', 'Fans sang 𝄞 and waved 🇺🇦 flags.
The mayor called it "a day of joy".', 70, '', '2024-05-02T09:32:00.000Z');

INSERT INTO annotations (id, document_id, code_id, start_offset, end_offset, coder_id, memo, created, modified) VALUES ('a0000000-0000-4000-8000-000000000001', 'd0c00000-0000-4000-8000-000000000001', '8a1c6f0e-2b7d-4c1e-9f3a-6e5d4c3b2a02', 0, 18, '0c7d2b55-8f61-4a8e-a0b4-1f5d8b0e3c01', '', '2024-05-02T10:00:00.000Z', '2024-05-02T10:00:00.000Z');
INSERT INTO annotations (id, document_id, code_id, start_offset, end_offset, coder_id, memo, created, modified) VALUES ('a0000000-0000-4000-8000-000000000002', 'd0c00000-0000-4000-8000-000000000001', '8a1c6f0e-2b7d-4c1e-9f3a-6e5d4c3b2a03', 26, 53, '0c7d2b55-8f61-4a8e-a0b4-1f5d8b0e3c02', 'frozen, not ended', '2024-05-02T10:01:00.000Z', '2024-05-02T10:05:00.000Z');
INSERT INTO annotations (id, document_id, code_id, start_offset, end_offset, coder_id, memo, created, modified) VALUES ('a0000000-0000-4000-8000-000000000003', 'd0c00000-0000-4000-8000-000000000002', '8a1c6f0e-2b7d-4c1e-9f3a-6e5d4c3b2a01', 10, 12, '0c7d2b55-8f61-4a8e-a0b4-1f5d8b0e3c01', 'a clef 𝄞', '2024-05-02T10:02:00.000Z', '2024-05-02T10:02:00.000Z');

INSERT INTO document_metadata (document_id, position, name, value) VALUES ('d0c00000-0000-4000-8000-000000000001', 0, 'keywords', 'port, talks');
INSERT INTO document_metadata (document_id, position, name, value) VALUES ('d0c00000-0000-4000-8000-000000000001', 1, 'byline', 'By Ana Writer');
