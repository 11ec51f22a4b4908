import { migration0001 } from './0001-initial';
import { migration0002 } from './0002-story-clusters';
import { migration0003 } from './0003-highlight-notes-tags';
import { migration0004 } from './0004-text-corrections';
import { migration0005 } from './0005-claims-events';
import type { Migration } from './migration';

// One file per migration, listed in order. Never edit a released migration:
// add the next number.
export const migrations: readonly Migration[] = [migration0001, migration0002, migration0003, migration0004, migration0005];

export const LATEST_SCHEMA_VERSION = migrations.length;
