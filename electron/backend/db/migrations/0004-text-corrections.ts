import type { Migration } from './migration';

// Corrected texts and honest anchors.
//
// A correction adds a version to article_texts (the original file and
// version 1 are never touched) with the researcher's word on what was
// corrected. Every highlight is then re-anchored against the new text and
// keeps the outcome: anchored (same place), moved (same words elsewhere),
// fuzzy (similar words; original_exact keeps the words it was made on) or
// orphaned (not found convincingly: its offsets and text_version still name
// where it was, and it waits to be re-attached by hand). A highlight made or
// re-attached by hand is anchored.
export const migration0004: Migration = {
  version: 4,
  name: 'text-corrections',
  sql: `
ALTER TABLE article_texts ADD COLUMN correction_note TEXT;

ALTER TABLE highlights ADD COLUMN anchor_status TEXT NOT NULL DEFAULT 'anchored'
  CHECK (anchor_status IN ('anchored', 'moved', 'fuzzy', 'orphaned'));
ALTER TABLE highlights ADD COLUMN original_exact TEXT;
`,
};
