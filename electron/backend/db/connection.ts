import sqlite3 from 'sqlite3';

// One async sqlite3 connection per project file. Reads go straight to it;
// every write goes through one queue (write()) so that two transactions never
// interleave their statements on the shared connection. The handles are
// branded as Signal Desktop does: only code inside write() holds a WriteDb.
export type SqlValue = string | number | bigint | Buffer | Uint8Array | null;
export type Params = SqlValue[] | Record<string, SqlValue>;

export interface ReadDb {
  readonly path: string;
  get<T>(sql: string, params?: Params): Promise<T | undefined>;
  all<T>(sql: string, params?: Params): Promise<T[]>;
}

export interface WriteDb extends ReadDb {
  readonly __write: true;
  run(sql: string, params?: Params): Promise<{ lastID: number; changes: number }>;
  exec(sql: string): Promise<void>;
}

export class Database implements ReadDb {
  private queue: Promise<unknown> = Promise.resolve();
  // Writes repeat the same few statements thousands of times during an
  // import; preparing each once saves most of the per-row cost.
  private readonly prepared = new Map<string, sqlite3.Statement>();

  private constructor(
    private readonly raw: sqlite3.Database,
    readonly path: string,
  ) {}

  static open(path: string, mode = sqlite3.OPEN_READWRITE | sqlite3.OPEN_CREATE): Promise<Database> {
    return new Promise((resolve, reject) => {
      const raw = new sqlite3.Database(path, mode, (err) => {
        if (err) reject(err);
        else resolve(new Database(raw, path));
      });
    });
  }

  get<T>(sql: string, params: Params = []): Promise<T | undefined> {
    return new Promise((resolve, reject) => {
      this.raw.get(sql, params, (err: Error | null, row: T) => (err ? reject(err) : resolve(row)));
    });
  }

  all<T>(sql: string, params: Params = []): Promise<T[]> {
    return new Promise((resolve, reject) => {
      this.raw.all(sql, params, (err: Error | null, rows: T[]) => (err ? reject(err) : resolve(rows)));
    });
  }

  private statement(sql: string): sqlite3.Statement {
    let stmt = this.prepared.get(sql);
    if (!stmt) {
      stmt = this.raw.prepare(sql);
      this.prepared.set(sql, stmt);
    }
    return stmt;
  }

  private run(sql: string, params: Params = []): Promise<{ lastID: number; changes: number }> {
    return new Promise((resolve, reject) => {
      this.statement(sql).run(params, function (this: sqlite3.RunResult, err: Error | null) {
        if (err) reject(err);
        else resolve({ lastID: this.lastID, changes: this.changes });
      });
    });
  }

  private exec(sql: string): Promise<void> {
    return new Promise((resolve, reject) => {
      this.raw.exec(sql, (err: Error | null) => (err ? reject(err) : resolve()));
    });
  }

  private writer(): WriteDb {
    return {
      __write: true,
      path: this.path,
      get: (sql, params) => this.get(sql, params),
      all: (sql, params) => this.all(sql, params),
      run: (sql, params) => this.run(sql, params),
      exec: (sql) => this.exec(sql),
    };
  }

  /** Runs fn outside a transaction, still serialised with every other write (PRAGMAs, VACUUM). */
  async withWriter<T>(fn: (db: WriteDb) => Promise<T>): Promise<T> {
    return this.enqueue(() => fn(this.writer()));
  }

  /** Runs fn in one IMMEDIATE transaction, serialised with every other write. */
  write<T>(fn: (db: WriteDb) => Promise<T>): Promise<T> {
    return this.enqueue(async () => {
      await this.exec('BEGIN IMMEDIATE');
      try {
        const value = await fn(this.writer());
        await this.exec('COMMIT');
        return value;
      } catch (err) {
        await this.exec('ROLLBACK').catch(() => undefined);
        throw err;
      }
    });
  }

  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    const next = this.queue.then(task, task);
    this.queue = next.catch(() => undefined);
    return next;
  }

  close(): Promise<void> {
    return this.queue.then(async () => {
      for (const stmt of this.prepared.values()) await new Promise<void>((resolve) => stmt.finalize(() => resolve()));
      this.prepared.clear();
      await new Promise<void>((resolve, reject) => {
        this.raw.close((err) => (err ? reject(err) : resolve()));
      });
    });
  }
}
