import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { failedImport } from '../../../shared/api/import-outcome';
import type { WorkerReply, WorkerRequest } from './import-worker';
import type { PrepareTask, Prepared } from './prepare-article';

// Worker threads that read and parse import files (import-worker.ts). The
// main thread keeps only the database work, so a bulk import leaves
// Electron's main thread (and the UI it serves) responsive, and parsing the
// next batch overlaps with writing this one.
//
// A file that crashes its worker (a parser running out of memory) or keeps
// it busy too long fails alone with a sentence; the worker is replaced and
// the other files go on.

export interface PoolOptions {
  /** Worker threads; default: one fewer than the cores, at least 1, at most 4. */
  size?: number;
  /** A file taking longer than this fails ("reading it took longer than ..."). */
  taskTimeoutMs?: number;
  /**
   * Heap limit per worker: a runaway parser ends its worker, not the app.
   * Best effort: V8 can still abort the whole process for some allocation
   * shapes (nodejs/node#47224), so readers also bound their input sizes.
   */
  maxHeapMb?: number;
  /** Ends the workers after this long without work (they are started again on the next file). */
  idleCloseMs?: number;
}

const DEFAULT_TIMEOUT_MS = 120_000;
const OUT_OF_MEMORY = 'reading it needed more memory than Annalist allows for one file';
// 1 GB: a 200 MB PDF still fits, and V8 collects a worker with this limit
// early enough that importing 1,000 saved pages peaks at about 450 MB for
// the whole process (2 GB let it peak at about 730 MB for the same work).
const DEFAULT_MAX_HEAP_MB = 1024;

/**
 * Where the worker's code is. Built, it is out/main/import-worker.js, beside
 * the entry that bundles this module or one folder up from the chunk that
 * does; run from source (tests, the benchmark), it is the .ts file beside
 * this one, loaded through tsx.
 */
/** tsx's ESM API entry, found from here (the worker's own working folder may be anywhere). */
function tsxEsmApi(): string {
  const manifest = createRequire(import.meta.url).resolve('tsx/package.json');
  const pkg = JSON.parse(readFileSync(manifest, 'utf8')) as { exports: Record<string, { import: { default: string } }> };
  return new URL(pkg.exports['./esm/api']!.import.default, pathToFileURL(manifest)).href;
}

function workerScript(): { script: URL | string; eval: boolean } {
  for (const rel of ['./import-worker.js', '../import-worker.js']) {
    const url = new URL(rel, import.meta.url);
    if (existsSync(fileURLToPath(url))) return { script: url, eval: false };
  }
  const source = new URL('./import-worker.ts', import.meta.url);
  if (existsSync(fileURLToPath(source))) {
    // tsx's loader hooks, registered inside the worker before the source is imported.
    const tsx = tsxEsmApi();
    const boot = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(source.href)}); })`;
    return { script: boot, eval: true };
  }
  throw new Error(`the import worker is missing beside ${fileURLToPath(import.meta.url)}; run \`npm run build\``);
}

function duration(ms: number): string {
  if (ms < 1000) return `${ms} ms`;
  const s = Math.round(ms / 1000);
  return s === 1 ? '1 second' : `${s} seconds`;
}

export function defaultPoolSize(): number {
  return Math.max(1, Math.min(4, availableParallelism() - 1));
}

interface Job {
  id: number;
  /** Several small files travel in one message: per-message costs dominate for them. */
  tasks: PrepareTask[];
  resolve: (prepared: Prepared[][]) => void;
}

interface Slot {
  worker: Worker;
  job: Job | null;
  timer: NodeJS.Timeout | null;
}

const closedBeforeRead = (task: PrepareTask): Prepared[] => [
  { kind: 'failed', outcome: failedImport(task.path, 'the import was closed before it was read') },
];

export class PreparePool {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private readonly script = workerScript();
  private readonly timeoutMs: number;
  private readonly maxHeapMb: number;
  private readonly idleCloseMs: number | null;
  private idleTimer: NodeJS.Timeout | null = null;
  /** Imports using the pool: it is not idle while one is, even between its batches. */
  private users = 0;
  private nextId = 1;
  private closed = false;

  constructor(options: PoolOptions = {}) {
    this.timeoutMs = options.taskTimeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.maxHeapMb = options.maxHeapMb ?? DEFAULT_MAX_HEAP_MB;
    this.idleCloseMs = options.idleCloseMs ?? null;
    const size = options.size ?? defaultPoolSize();
    for (let i = 0; i < size; i++) this.slots.push(this.spawn());
  }

  get size(): number {
    return this.slots.length;
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /**
   * Reads and parses tasks in a worker: one result list per task, in order.
   * Never rejects: a file that cannot be read is a failed outcome.
   */
  prepare(tasks: PrepareTask[]): Promise<Prepared[][]> {
    if (this.closed) return Promise.resolve(tasks.map(closedBeforeRead));
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    return new Promise((resolve) => {
      this.queue.push({ id: this.nextId++, tasks, resolve });
      this.pump();
    });
  }

  /**
   * Marks the pool in use until the returned function is called, so that it
   * does not end for idleness while an import writes a batch and has no file
   * in the workers.
   */
  acquire(): () => void {
    this.users++;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.users--;
      this.settle();
    };
  }

  /** Ends the workers; tasks still queued fail. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    for (const job of this.queue.splice(0)) job.resolve(job.tasks.map(closedBeforeRead));
    await Promise.all(this.slots.map((slot) => slot.worker.terminate()));
  }

  private spawn(): Slot {
    const worker = new Worker(this.script.script, {
      eval: this.script.eval,
      resourceLimits: { maxOldGenerationSizeMb: this.maxHeapMb },
    });
    const slot: Slot = { worker, job: null, timer: null };
    worker.on('message', (reply: WorkerReply) => {
      const job = slot.job;
      if (!job || job.id !== reply.id) return;
      if ('prepared' in reply) this.finish(slot, reply.prepared);
      else this.abandon(slot, `reading it failed unexpectedly (${reply.crashed})`, false);
    });
    worker.on('error', (err: NodeJS.ErrnoException) =>
      this.abandon(slot, err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? OUT_OF_MEMORY : `reading it failed unexpectedly (${err.message})`, true),
    );
    worker.on('exit', () => this.abandon(slot, 'reading it stopped the reader unexpectedly', true));
    // An idle worker does not keep the process alive (the CLI ends when its
    // import does). After the listeners: adding one refs the worker's port again.
    worker.unref();
    return slot;
  }

  private finish(slot: Slot, prepared: Prepared[][]) {
    const job = slot.job;
    if (slot.timer) clearTimeout(slot.timer);
    slot.job = null;
    slot.timer = null;
    job?.resolve(prepared);
    this.pump();
  }

  /** After pump(): idle workers let the process go, and an idle pool ends after idleCloseMs. */
  private settle() {
    for (const slot of this.slots) if (!slot.job) slot.worker.unref();
    if (this.closed || this.idleCloseMs === null || this.users > 0 || this.queue.length > 0 || this.slots.some((slot) => slot.job) || this.idleTimer) return;
    this.idleTimer = setTimeout(() => void this.close(), this.idleCloseMs);
    this.idleTimer.unref();
  }

  /**
   * A job whose worker failed, died or hung. Several files: each is tried
   * again alone, so that only the one to blame fails. One file: it fails
   * with the reason. A worker that died or hung is replaced.
   */
  private abandon(slot: Slot, reason: string, replaceWorker: boolean) {
    if (this.closed) return;
    const index = this.slots.indexOf(slot);
    if (index < 0) return;
    const job = slot.job;
    if (slot.timer) clearTimeout(slot.timer);
    slot.job = null;
    slot.timer = null;
    if (replaceWorker) {
      slot.worker.removeAllListeners();
      void slot.worker.terminate();
      this.slots[index] = this.spawn();
    }
    if (job && job.tasks.length > 1) {
      const singles = job.tasks.map((task) => new Promise<Prepared[][]>((resolve) => this.queue.unshift({ id: this.nextId++, tasks: [task], resolve })));
      void Promise.all(singles).then((results) => job.resolve(results.map((r) => r[0]!)));
    } else if (job) {
      job.resolve(job.tasks.map((task) => [{ kind: 'failed', outcome: failedImport(task.path, reason) }]));
    }
    this.pump();
  }

  private pump() {
    for (const slot of this.slots) {
      if (slot.job || this.queue.length === 0) continue;
      const job = this.queue.shift()!;
      slot.job = job;
      slot.timer = setTimeout(() => this.abandon(slot, `reading it took longer than ${duration(this.timeoutMs)}`, true), this.timeoutMs);
      const request: WorkerRequest = { id: job.id, tasks: job.tasks };
      slot.worker.ref();
      slot.worker.postMessage(request);
    }
    this.settle();
  }
}

let shared: PreparePool | null = null;

/**
 * The pool imports use unless they ask for their own: kept between imports
 * (the app imports a drop of files in several calls, and starting a worker
 * and loading its parsers costs a few hundred milliseconds), ended after a
 * minute without work to give back the parsers' memory.
 */
export function sharedPreparePool(): PreparePool {
  if (!shared || shared.isClosed) shared = new PreparePool({ idleCloseMs: 60_000 });
  return shared;
}
