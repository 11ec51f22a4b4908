import type { Migration } from './migration';

// Story clusters: near-copies of one story (the same wire text under several
// outlets, a page saved twice with different chrome) share a story, so that
// independent sources can be counted later. Each article belongs to exactly
// one story; an article alone in its story is its own source.
//
// Existing articles each get a story of their own (story id = article id).
// Their MinHash signatures are not computed here (SQL cannot); the import
// service's backfillSignatures() computes them when the project is opened,
// so later imports find their near-copies among them. Backfilled articles are
// not re-clustered among themselves: their stories stay as this migration
// made them until a researcher joins them.
export const migration0002: Migration = {
  version: 2,
  name: 'story-clusters',
  sql: `
CREATE TABLE stories (
  id INTEGER PRIMARY KEY,
  created_at TEXT NOT NULL,
  label TEXT,
  -- 1 once a researcher has joined or split it: imports never undo that.
  manual INTEGER NOT NULL DEFAULT 0 CHECK (manual IN (0, 1))
);

ALTER TABLE articles ADD COLUMN story_id INTEGER REFERENCES stories(id);
CREATE INDEX articles_by_story ON articles(story_id);

INSERT INTO stories (id, created_at) SELECT id, imported_at FROM articles;
UPDATE articles SET story_id = id;

-- MinHash signature of the article's first text (shared/similarity/minhash.ts):
-- 128 unsigned 32-bit values, little-endian.
CREATE TABLE article_signatures (
  article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
  signature BLOB NOT NULL
);

-- LSH band keys of the signature: candidates for near-copies share a key.
-- The primary key is the lookup index (by band_key). There is no index by
-- article_id: every index row costs import time, and nothing deletes
-- articles yet (a cascade from articles would scan this table; add the
-- index, or delete by the signature's keys, when deletion arrives).
CREATE TABLE article_bands (
  band_key INTEGER NOT NULL,
  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  PRIMARY KEY (band_key, article_id)
) WITHOUT ROWID;

-- The import stays one statement per file: the view gains the story and
-- the signature, and the trigger writes them with the rest, creating the
-- story when it is new. Band keys are derived data, like the full-text
-- index: they are written per batch, sorted (repositories/stories.ts
-- indexBands), because random-key inserts one file at a time cost a fifth
-- of the import time.
DROP TRIGGER article_imports_insert;
DROP VIEW article_imports;

CREATE VIEW article_imports AS
  SELECT a.id, a.title, a.title_inferred, a.subtitle, a.outlet, a.author, a.published_at, a.url,
         a.section, a.language, a.field_sources, a.imported_at, a.story_id,
         o.sha256, o.bytes, o.source_path, o.media_type,
         t.content, t.text, t.text_sha256, t.word_count,
         (SELECT json_group_array(tag) FROM article_tags WHERE article_id = a.id) AS tags,
         s.signature
    FROM articles a
    JOIN originals o ON o.article_id = a.id
    JOIN article_texts t ON t.article_id = a.id AND t.version = 1
    LEFT JOIN article_signatures s ON s.article_id = a.id;

CREATE TRIGGER article_imports_insert INSTEAD OF INSERT ON article_imports BEGIN
  INSERT OR IGNORE INTO stories (id, created_at) SELECT new.story_id, new.imported_at WHERE new.story_id IS NOT NULL;
  INSERT INTO articles (id, title, title_inferred, subtitle, outlet, author, published_at, url,
                        section, language, field_sources, imported_at, story_id)
    VALUES (new.id, new.title, new.title_inferred, new.subtitle, new.outlet, new.author, new.published_at, new.url,
            new.section, new.language, new.field_sources, new.imported_at, new.story_id);
  INSERT INTO originals (article_id, sha256, bytes, size, source_path, media_type)
    VALUES (new.id, new.sha256, new.bytes, length(new.bytes), new.source_path, new.media_type);
  INSERT INTO article_texts (article_id, version, content, text, text_sha256, word_count, created_at)
    VALUES (new.id, 1, new.content, new.text, new.text_sha256, new.word_count, new.imported_at);
  INSERT OR IGNORE INTO article_tags (article_id, tag, position)
    SELECT new.id, value, key FROM json_each(new.tags);
  INSERT INTO article_signatures (article_id, signature)
    SELECT new.id, new.signature WHERE new.signature IS NOT NULL;
END;
`,
};
