import type { ImportProgress } from '../backend/services/import-service';

/**
 * A one-line progress bar on a terminal's stderr, so stdout stays clean for
 * --json and pipes. Draws at most ten times a second.
 */
export function progressBar(stream: NodeJS.WriteStream = process.stderr): { update(p: ImportProgress): void; done(): void } {
  if (!stream.isTTY) return { update: () => undefined, done: () => undefined };
  let last = 0;
  let drawn = false;
  const width = () => Math.max(20, (stream.columns || 80) - 1);
  return {
    update(p) {
      const now = Date.now();
      if (now - last < 100 && p.done < p.total) return;
      last = now;
      const barWidth = 24;
      const filled = p.total === 0 ? barWidth : Math.round((p.done / p.total) * barWidth);
      const head = `[${'#'.repeat(filled)}${'.'.repeat(barWidth - filled)}] ${p.done}/${p.total} `;
      const room = width() - head.length;
      const name = p.path.length > room ? '…' + p.path.slice(p.path.length - room + 1) : p.path;
      stream.write(`\r${(head + name).padEnd(width())}`);
      drawn = true;
    },
    done() {
      if (drawn) stream.write(`\r${' '.repeat(width())}\r`);
    },
  };
}
