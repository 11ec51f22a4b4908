// Deterministic news-like articles for benchmarks: the same seed gives the
// same files on every machine, so runs compare.
const WORDS = (
  'the of and to in a said on for that with was as by at from his it an were are which this be has have had ' +
  'government military officials president strike vessel boats drug trafficking navy coast guard minister ' +
  'reported according statement sources killed people attack operation forces country international waters ' +
  'Caribbean Pacific Venezuela Colombia Washington Caracas tanker oil sanctions congress senator defense ' +
  'secretary evidence investigation journalists witnesses week month Monday Tuesday Wednesday Thursday Friday ' +
  'spokesperson agency confirmed denied announced carried out targeted campaign region security council'
).split(' ');

export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function sentence(next: () => number): string {
  const n = 8 + Math.floor(next() * 18);
  const words: string[] = [];
  for (let i = 0; i < n; i++) words.push(WORDS[Math.floor(next() * WORDS.length)]!);
  const s = words.join(' ');
  return s[0]!.toUpperCase() + s.slice(1) + '.';
}

/** One article of about `bytes` bytes: a title line, then paragraphs. */
export function generateArticle(index: number, bytes = 5000): { title: string; body: string; file: string } {
  const next = rng(index + 1);
  const title = `Report ${index}: ${sentence(next).replace(/\.$/, '')}`.slice(0, 90);
  const paragraphs: string[] = [];
  let size = title.length;
  while (size < bytes) {
    const p = Array.from({ length: 3 + Math.floor(next() * 3) }, () => sentence(next)).join(' ');
    paragraphs.push(p);
    size += p.length + 2;
  }
  const body = paragraphs.join('\n\n');
  return { title, body, file: `${title}\n\n${body}\n` };
}
