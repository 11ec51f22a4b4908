// Joining the lines of a paragraph back into running text, and undoing the
// hyphenation a typesetter added at line ends: "inter-" + "national" is
// "international", but "non-" + "state" stays "non-state".
//
// A hyphen at a line end is either the typesetter's (the word was split) or
// the word's own (a compound that happened to break there). Which one is
// decided, cheaply, in this order:
//   1. a soft hyphen (U+00AD) is always the typesetter's;
//   2. the next line starts with a capital or a digit, or the part before the
//      hyphen has a digit or is one letter, or the part after is at most two
//      letters: the word's own ("anti-American", "COVID-19", "e-mail",
//      "follow-up"); hyphenation leaves longer pieces than that;
//   3. the document itself settles it: if it writes "non-state" elsewhere and
//      never "nonstate", the hyphen stays; if it writes "international", it goes;
//   4. a short list of prefixes that news writing joins with a hyphen ("non",
//      "self", "anti", "narco", ...) and of second parts ("-based", "-led",
//      "-year") keeps it;
//   5. otherwise the next line starting in lower case means a split word: joined.
// Pure: strings in, strings out.

/** Words of a document with how often each occurs, lower-cased; hyphenated compounds are counted whole. */
export type Vocabulary = Map<string, number>;

const WORD = /[\p{L}\p{M}\p{N}]+(?:[-‐‑][\p{L}\p{M}\p{N}]+)*/gu;
/** A hyphen that can end a line: hyphen-minus, the hyphen U+2010, the soft hyphen. */
const LINE_END_HYPHEN = /([\p{L}\p{M}\p{N}])([-‐\u00ad])$/u;

const COMPOUND_PREFIXES = new Set(['non', 'self', 'anti', 'well', 'half', 'cross', 'quasi', 'vice', 'narco', 'all', 'ill']);
const COMPOUND_SECOND_PARTS = new Set(
  (
    'based led run owned backed funded linked related style like term year years old long wide free made born ' +
    'controlled affiliated aligned allied friendly level scale day week month time called known'
  ).split(' '),
);

/** Counts the words of the given lines: the raw material for telling split words from compounds. */
export function vocabularyOf(lines: Iterable<string>): Vocabulary {
  const vocab: Vocabulary = new Map();
  for (const line of lines) {
    // The last word of a line that ends in a hyphen is a fragment: not a word of the document.
    const text = LINE_END_HYPHEN.test(line) ? line.replace(/\S+$/u, '') : line;
    for (const m of text.matchAll(WORD)) {
      const word = m[0].toLocaleLowerCase().replace(/[‐‑]/g, '-');
      vocab.set(word, (vocab.get(word) ?? 0) + 1);
    }
  }
  return vocab;
}

/**
 * Whether a hyphen that ends `before` belongs to the word ("keep") or was
 * added to split it ("join"); null when `before` does not end with a hyphen
 * after a letter or digit.
 */
export function lineEndHyphen(before: string, after: string, vocab: Vocabulary = new Map()): 'keep' | 'join' | null {
  const end = LINE_END_HYPHEN.exec(before);
  if (!end) return null;
  if (end[2] === '\u00ad') return 'join';
  const stem = /([\p{L}\p{M}\p{N}]+)[-‐]$/u.exec(before)?.[1] ?? '';
  const tail = /^[\p{L}\p{M}\p{N}]+/u.exec(after)?.[0] ?? '';
  if (!tail || !/^\p{Ll}/u.test(tail)) return 'keep';
  if (/\p{N}/u.test(stem) || [...stem].length === 1 || [...tail].length <= 2) return 'keep';

  const joined = vocab.get(`${stem}${tail}`.toLocaleLowerCase()) ?? 0;
  const hyphenated = vocab.get(`${stem}-${tail}`.toLocaleLowerCase()) ?? 0;
  if (hyphenated > joined) return 'keep';
  if (joined > 0) return 'join';

  if (COMPOUND_PREFIXES.has(stem.toLocaleLowerCase())) return 'keep';
  if (COMPOUND_SECOND_PARTS.has(tail.toLocaleLowerCase())) return 'keep';
  return 'join';
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

/**
 * `before` and `after`, two consecutive lines of one paragraph, as running
 * text: joined by a space, or with no space across a split word, a kept
 * compound hyphen, a dash written without spaces, or between CJK characters.
 */
export function joinLines(before: string, after: string, vocab: Vocabulary = new Map()): string {
  if (!before) return after;
  if (!after) return before;
  const hyphen = lineEndHyphen(before, after, vocab);
  if (hyphen === 'join') return before.slice(0, -1) + after;
  if (hyphen === 'keep') return `${before.slice(0, -1)}-${after}`;
  if (/\S[—–/]$/u.test(before)) return before + after;
  if (CJK.test(before.slice(-1)) && CJK.test(after[0]!)) return before + after;
  return `${before} ${after}`;
}
