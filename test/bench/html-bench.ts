// The saved-page part of `npm run bench`: the HTML quality report over the
// Readability test corpus, then the 1,000-page import benchmark in a
// process of its own (so that its peak RSS is its own, not that of the
// benchmarks before it).
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { printHtmlQuality } from './html-quality';

/** Runs both; returns false when a target is not met. */
export async function runHtmlBenchmarks(): Promise<boolean> {
  console.log('\n— Saved web pages: extraction quality —');
  const qualityMet = await printHtmlQuality();
  console.log('\n— Saved web pages: import speed —');
  const script = resolve(import.meta.dirname, 'html-import.ts');
  const child = spawnSync(process.execPath, ['--import', 'tsx', script], { stdio: 'inherit', env: process.env });
  return qualityMet && child.status === 0;
}
