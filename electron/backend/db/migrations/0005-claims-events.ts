import type { Migration } from './migration';

// Claims and events as a researcher builds a chronology with them.
//
// A claim says what kind of assertion it is and who makes it (an actor from
// a managed list), may assert a date (an EDTF string the researcher
// accepted, with the words it was read from) and, for a quantity, a value
// with its comparator ("more than 110" is > 110), unit and "as of" date. Its
// evidence stays in claim_evidence: one or more passages, each with a
// stance. Outlets get an Admiralty reliability grade (A-F) and claims an
// information credibility (1-6).
//
// Events gain a rich-text description, time, time zone, place, actors and
// tags, and passages linked directly as evidence (beside claims). A passage
// that is evidence cannot be deleted from under its event (RESTRICT), as
// claims already protect theirs.
export const migration0005: Migration = {
  version: 5,
  name: 'claims-events',
  sql: `
CREATE TABLE actors (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0),
  created_at TEXT NOT NULL
);

ALTER TABLE claims ADD COLUMN kind TEXT NOT NULL DEFAULT 'other'
  CHECK (kind IN ('event', 'quantity', 'quote', 'allegation', 'denial', 'other'));
ALTER TABLE claims ADD COLUMN actor_id INTEGER REFERENCES actors(id) ON DELETE SET NULL;
ALTER TABLE claims ADD COLUMN date_edtf TEXT;
ALTER TABLE claims ADD COLUMN date_phrase TEXT;
ALTER TABLE claims ADD COLUMN quantity_value REAL;
ALTER TABLE claims ADD COLUMN quantity_comparator TEXT CHECK (quantity_comparator IN ('=', '>', '>=', '<', '<=', '~'));
ALTER TABLE claims ADD COLUMN quantity_unit TEXT;
ALTER TABLE claims ADD COLUMN quantity_as_of TEXT;
ALTER TABLE claims ADD COLUMN credibility INTEGER CHECK (credibility BETWEEN 1 AND 6);
ALTER TABLE claims ADD COLUMN updated_at TEXT;
CREATE INDEX claims_by_actor ON claims(actor_id);
-- Claims already in an event were made as evidence of what happened.
UPDATE claims SET kind = 'event' WHERE id IN (SELECT claim_id FROM event_evidence);

CREATE TABLE outlet_grades (
  outlet TEXT PRIMARY KEY COLLATE NOCASE,
  reliability TEXT NOT NULL CHECK (reliability IN ('A', 'B', 'C', 'D', 'E', 'F')),
  updated_at TEXT NOT NULL
) WITHOUT ROWID;

ALTER TABLE events ADD COLUMN description_doc TEXT;
ALTER TABLE events ADD COLUMN time TEXT;
ALTER TABLE events ADD COLUMN time_zone TEXT;
ALTER TABLE events ADD COLUMN place TEXT;
ALTER TABLE events ADD COLUMN updated_at TEXT;

CREATE TABLE event_actors (
  event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  actor_id INTEGER NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
  PRIMARY KEY (event_id, actor_id)
) WITHOUT ROWID;
CREATE INDEX event_actors_by_actor ON event_actors(actor_id);

CREATE TABLE event_tags (
  event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
  PRIMARY KEY (event_id, tag_id)
) WITHOUT ROWID;
CREATE INDEX event_tags_by_tag ON event_tags(tag_id);

CREATE TABLE event_passages (
  event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  highlight_id INTEGER NOT NULL REFERENCES highlights(id) ON DELETE RESTRICT,
  stance TEXT NOT NULL DEFAULT 'supports' CHECK (stance IN ('supports', 'disputes', 'qualifies')),
  position INTEGER NOT NULL,
  PRIMARY KEY (event_id, highlight_id)
) WITHOUT ROWID;
CREATE INDEX event_passages_by_highlight ON event_passages(highlight_id);
`,
};
