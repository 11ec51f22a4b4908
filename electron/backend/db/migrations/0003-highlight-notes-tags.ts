import type { Migration } from './migration';

// Highlights get a rich-text note and tags, and deletion becomes undoable.
//
// The note is Tiptap JSON (as article content is), with its plain text
// beside it for search and export. Tags belong to the project: one name
// (case-insensitively unique) and colour, shared by every highlight that
// carries it, so renaming or merging a tag reaches all of them at once.
// A deleted highlight is only marked (deleted_at) so that Undo can bring
// it back with its note, tags and id; marked ones are removed for good
// when the project is next opened (open-project.ts).
export const migration0003: Migration = {
  version: 3,
  name: 'highlight-notes-tags',
  sql: `
ALTER TABLE highlights ADD COLUMN note TEXT;
ALTER TABLE highlights ADD COLUMN note_text TEXT NOT NULL DEFAULT '';
ALTER TABLE highlights ADD COLUMN deleted_at TEXT;

CREATE TABLE tags (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0),
  color TEXT NOT NULL,
  created_at TEXT NOT NULL
);

CREATE TABLE highlight_tags (
  highlight_id INTEGER NOT NULL REFERENCES highlights(id) ON DELETE CASCADE,
  tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
  PRIMARY KEY (highlight_id, tag_id)
) WITHOUT ROWID;
CREATE INDEX highlight_tags_by_tag ON highlight_tags(tag_id);
`,
};
