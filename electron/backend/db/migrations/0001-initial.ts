import type { Migration } from './migration';

// The first schema: articles with their original bytes (chain of custody),
// versioned texts, full-text search, highlights, claims and chronologies.
export const migration0001: Migration = {
  version: 1,
  name: 'initial',
  sql: `
CREATE TABLE articles (
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL,
  title_inferred INTEGER NOT NULL DEFAULT 0 CHECK (title_inferred IN (0, 1)),
  subtitle TEXT,
  outlet TEXT,
  author TEXT,
  published_at TEXT,                      -- ISO 8601 as the source gave it
  url TEXT,
  section TEXT,
  language TEXT,
  field_sources TEXT NOT NULL DEFAULT '{}', -- JSON: field -> where it came from
  imported_at TEXT NOT NULL
);

-- The file exactly as it was imported, never modified.
CREATE TABLE originals (
  article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
  sha256 TEXT NOT NULL UNIQUE,
  bytes BLOB NOT NULL,
  size INTEGER NOT NULL,
  source_path TEXT NOT NULL,
  media_type TEXT NOT NULL
);

-- Version 1 is derived from the original; corrections add versions.
CREATE TABLE article_texts (
  id INTEGER PRIMARY KEY,
  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  version INTEGER NOT NULL,
  content TEXT NOT NULL,                  -- Tiptap/ProseMirror JSON
  text TEXT NOT NULL,                     -- canonical plain text of content
  text_sha256 TEXT NOT NULL,
  word_count INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  UNIQUE (article_id, version)
);
CREATE INDEX article_texts_by_hash ON article_texts(text_sha256);

CREATE TABLE article_tags (
  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  tag TEXT NOT NULL,
  position INTEGER NOT NULL,
  PRIMARY KEY (article_id, tag)
) WITHOUT ROWID;

-- rowid = articles.id; holds the current text version. New texts are
-- indexed per import batch (repositories/articles.ts indexArticles): one
-- statement per batch instead of an FTS flush per file. Renames and
-- deletions follow by trigger.
CREATE VIRTUAL TABLE article_search USING fts5(title, text, tokenize = 'unicode61 remove_diacritics 2');
CREATE TRIGGER article_search_on_title AFTER UPDATE OF title ON articles BEGIN
  UPDATE article_search SET title = new.title WHERE rowid = new.id;
END;
CREATE TRIGGER article_search_on_delete AFTER DELETE ON articles BEGIN
  DELETE FROM article_search WHERE rowid = old.id;
END;

-- Importing an article is one INSERT into this view: the trigger writes the
-- article, its original and its first text (and tags) as one statement, so
-- a failure backs out all of it (SQLite undoes a failed statement whole)
-- without a savepoint per file.
CREATE VIEW article_imports AS
  SELECT a.id, a.title, a.title_inferred, a.subtitle, a.outlet, a.author, a.published_at, a.url,
         a.section, a.language, a.field_sources, a.imported_at,
         o.sha256, o.bytes, o.source_path, o.media_type,
         t.content, t.text, t.text_sha256, t.word_count,
         (SELECT json_group_array(tag) FROM article_tags WHERE article_id = a.id) AS tags
    FROM articles a
    JOIN originals o ON o.article_id = a.id
    JOIN article_texts t ON t.article_id = a.id AND t.version = 1;

CREATE TRIGGER article_imports_insert INSTEAD OF INSERT ON article_imports BEGIN
  INSERT INTO articles (id, title, title_inferred, subtitle, outlet, author, published_at, url,
                        section, language, field_sources, imported_at)
    VALUES (new.id, new.title, new.title_inferred, new.subtitle, new.outlet, new.author, new.published_at, new.url,
            new.section, new.language, new.field_sources, new.imported_at);
  INSERT INTO originals (article_id, sha256, bytes, size, source_path, media_type)
    VALUES (new.id, new.sha256, new.bytes, length(new.bytes), new.source_path, new.media_type);
  INSERT INTO article_texts (article_id, version, content, text, text_sha256, word_count, created_at)
    VALUES (new.id, 1, new.content, new.text, new.text_sha256, new.word_count, new.imported_at);
  INSERT OR IGNORE INTO article_tags (article_id, tag, position)
    SELECT new.id, value, key FROM json_each(new.tags);
END;

CREATE TABLE highlights (
  id INTEGER PRIMARY KEY,
  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  text_version INTEGER NOT NULL,
  start_offset INTEGER NOT NULL,          -- UTF-16 code units of the canonical text
  end_offset INTEGER NOT NULL,
  exact TEXT NOT NULL,
  prefix TEXT NOT NULL,
  suffix TEXT NOT NULL,
  color TEXT NOT NULL,
  created_at TEXT NOT NULL,
  CHECK (end_offset > start_offset AND start_offset >= 0)
);
CREATE INDEX highlights_by_article ON highlights(article_id, start_offset);

CREATE TABLE claims (
  id INTEGER PRIMARY KEY,
  statement TEXT NOT NULL,
  created_at TEXT NOT NULL
);

-- A highlight that is evidence cannot be deleted out from under its claim.
CREATE TABLE claim_evidence (
  claim_id INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
  highlight_id INTEGER NOT NULL REFERENCES highlights(id) ON DELETE RESTRICT,
  stance TEXT NOT NULL DEFAULT 'supports' CHECK (stance IN ('supports', 'disputes', 'qualifies')),
  PRIMARY KEY (claim_id, highlight_id)
) WITHOUT ROWID;
CREATE INDEX claim_evidence_by_highlight ON claim_evidence(highlight_id);

CREATE TABLE chronologies (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE,
  created_at TEXT NOT NULL
);

CREATE TABLE events (
  id INTEGER PRIMARY KEY,
  chronology_id INTEGER NOT NULL REFERENCES chronologies(id) ON DELETE CASCADE,
  title TEXT NOT NULL,
  date_edtf TEXT NOT NULL,
  sort_start INTEGER NOT NULL,            -- ms since epoch, earliest the date can mean
  sort_end INTEGER NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL
);
CREATE INDEX events_in_order ON events(chronology_id, sort_start, sort_end, id);

CREATE TABLE event_evidence (
  event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  claim_id INTEGER NOT NULL REFERENCES claims(id) ON DELETE RESTRICT,
  stance TEXT NOT NULL DEFAULT 'supports' CHECK (stance IN ('supports', 'disputes', 'qualifies')),
  position INTEGER NOT NULL,
  PRIMARY KEY (event_id, claim_id)
) WITHOUT ROWID;
CREATE INDEX event_evidence_by_claim ON event_evidence(claim_id);
`,
};
