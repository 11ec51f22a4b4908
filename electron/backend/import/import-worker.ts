import { parentPort } from 'node:worker_threads';
import { type PrepareTask, prepareTask, type Prepared } from './prepare-article';

// The import worker thread: reads and parses files (prepare-article.ts) so
// that neither Electron's main thread nor the UI waits on a parser. One request
// (a few files) at a time; the pool (prepare-pool.ts) decides what is in flight.

export interface WorkerRequest {
  id: number;
  tasks: PrepareTask[];
}

/** One result list per task, in order; or why the whole request failed. */
export type WorkerReply = { id: number; prepared: Prepared[][] } | { id: number; crashed: string };

/** The original bytes go back without a copy when they own their whole buffer. */
function transferable(prepared: Prepared[]): ArrayBuffer[] {
  const out: ArrayBuffer[] = [];
  for (const p of prepared) {
    if (p.kind !== 'ready') continue;
    const { bytes } = p.file;
    if (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer && !out.includes(bytes.buffer)) {
      out.push(bytes.buffer);
    }
  }
  return out;
}

async function prepareAll(tasks: PrepareTask[]): Promise<Prepared[][]> {
  const out: Prepared[][] = [];
  for (const task of tasks) out.push(await prepareTask(task));
  return out;
}

parentPort?.on('message', (request: WorkerRequest) => {
  prepareAll(request.tasks).then(
    (prepared) => {
      const reply: WorkerReply = { id: request.id, prepared };
      parentPort!.postMessage(reply, transferable(prepared.flat()));
    },
    (err: unknown) => {
      const reply: WorkerReply = { id: request.id, crashed: err instanceof Error ? err.message : String(err) };
      parentPort!.postMessage(reply);
    },
  );
});
