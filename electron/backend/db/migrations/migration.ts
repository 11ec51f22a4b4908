export interface Migration {
  /** Becomes PRAGMA user_version once applied. Consecutive from 1. */
  version: number;
  name: string;
  sql: string;
}
