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

-- rowid = articles.id; holds the current text version.
CREATE VIRTUAL TABLE article_search USING fts5(title, text, tokenize = 'unicode61 remove_diacritics 2');

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
