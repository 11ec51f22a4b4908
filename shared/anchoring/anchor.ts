// Re-attaching stored highlights to an article's (possibly changed) canonical
// text, after the Hypothesis client's anchoring (src/annotator/anchoring/
// match-quote.ts): trust the stored position if the quote is still there,
// else look for the quote exactly, else approximately, and score candidates
// on quote, prefix and suffix similarity and distance from the old position.
// Unlike Hypothesis, a candidate must also be *convincing* on its own: a
// highlight attached to the wrong words misquotes a source, while an orphaned
// one is visible and can be re-attached by hand, so in doubt we orphan.
import search from 'approx-string-match';
import { collapsedOffset, collapseWhiteSpace, type CollapsedText } from './whitespace-map';
import { prefixSimilarity, suffixSimilarity } from './context-similarity';
import type { TextPositionSelector, TextQuoteSelector } from './text-quote';

export type AnchorStatus = 'anchored' | 'moved' | 'fuzzy' | 'orphaned';

export interface AnchorResult {
  /** anchored: at its stored position; moved: the same words elsewhere; fuzzy: similar words; orphaned: not found convincingly. */
  status: AnchorStatus;
  /** UTF-16 offsets in the text, never inside a surrogate pair; absent when orphaned. */
  start?: number;
  end?: number;
  /** Normalised match score in [0, 1] (quote 50, prefix 20, suffix 20, position 2); absent when orphaned. */
  score?: number;
}

export interface StoredHighlight {
  quote: TextQuoteSelector;
  position: TextPositionSelector | null;
}

// Hypothesis's weights.
const QUOTE_WEIGHT = 50;
const PREFIX_WEIGHT = 20;
const SUFFIX_WEIGHT = 20;
const POSITION_WEIGHT = 2;
const MAX_SCORE = QUOTE_WEIGHT + PREFIX_WEIGHT + SUFFIX_WEIGHT + POSITION_WEIGHT;

// Calibrated with test/bench/anchoring.ts. Two unrelated 32-character
// stretches of English score about 0.3-0.45 against each other, a context
// that survived 5 % random edits about 0.9, so 0.6 separates the two.
const CONTEXT_MIN = 0.6;
// Short quotes occur by chance many times over; both sides of context together must vouch for them.
const SHORT_QUOTE = 16;
const SHORT_CONTEXT_MEAN_MIN = 0.7;
// A fuzzy match must keep at least this share of the quote (1 - errors / length).
const FUZZY_QUOTE_MIN = 0.75;
const FUZZY_SCORE_MIN = 0.8;
// A context the selector does not have (quote at the start or end of the text)
// counts as this when the candidate is not at the same edge: no evidence either way.
const NO_CONTEXT = 0.5;
// The stored position alone vouches for quotes at least this long.
const POSITION_ALONE_MIN = 16;
// A rival occurrence with this much context on one side makes the choice ambiguous…
const STRONG_CONTEXT = 0.8;
// …unless the rivals' context (prefix + suffix) is within this of the best one's, when the nearest wins.
const EQUAL_CONTEXT = 0.1;
// Fuzzy search looks near the old position first: this much either side, plus twice the quote.
const LOCAL_SLACK = 1024;
const FUZZY_ROUNDS = 3;
// How far from the old position an edited copy is looked for before a distant exact one is accepted.
const NEAR_SLACK = 64;
// Beyond this many exact occurrences (a short, common quote) only the most promising are scored in full.
const OCCURRENCES_SCORED = 48;

interface Selector {
  exact: string;
  prefix: string;
  suffix: string;
}

interface Candidate {
  start: number;
  end: number;
  score: number;
}

interface Scored extends Candidate {
  prefix: number;
  suffix: number;
}

const AMBIGUOUS = Symbol('ambiguous');

/** A text made ready for anchoring many highlights against it. */
class AnchorTarget {
  readonly collapsed: CollapsedText;

  constructor(readonly raw: string) {
    this.collapsed = collapseWhiteSpace(raw);
  }

  anchor(quote: TextQuoteSelector, position: TextPositionSelector | null): AnchorResult {
    const sel = collapseSelector(quote);
    if (sel.exact.length === 0 || sel.exact === ' ') return { status: 'orphaned' };
    const text = this.collapsed.text;
    const hint = position ? collapsedOffset(this.collapsed, Math.min(Math.max(0, position.start), this.raw.length)) : null;

    // (a) The stored position, if the quote is still there.
    if (position && position.end > position.start && this.raw.slice(position.start, position.end) === quote.exact) {
      const start = collapsedOffset(this.collapsed, position.start);
      const end = collapsedOffset(this.collapsed, position.end - 1) + 1;
      const c = this.evaluate(sel, start, end, 1, hint);
      if (c || quote.exact.length >= POSITION_ALONE_MIN) {
        return { status: 'anchored', ...snapToCodePoints(this.raw, position.start, position.end), score: c?.score ?? this.score(sel, start, end, 1, hint) };
      }
    }

    // (b) Exact occurrences of the (white-space collapsed) quote.
    const occurrences: number[] = [];
    for (let at = text.indexOf(sel.exact); at !== -1; at = text.indexOf(sel.exact, at + 1)) occurrences.push(at);
    const rejected = occurrences.map((at) => [at, at + sel.exact.length] as const);
    const budget = Math.min(256, Math.ceil(sel.exact.length * (1 - FUZZY_QUOTE_MIN)));
    const slack = LOCAL_SLACK + 2 * sel.exact.length;
    const exact = this.bestExact(sel, occurrences, hint);
    if (exact === AMBIGUOUS) return { status: 'orphaned' };
    if (exact) {
      // In repetitive text the same words may sit far away with intact context
      // while the highlighted copy, near its old place, was edited: a
      // convincing match near the old position wins over a distant one.
      const distance = hint === null ? 0 : Math.abs(exact.start - hint);
      if (hint !== null && budget > 0 && distance > sel.exact.length) {
        const reach = Math.min(distance, NEAR_SLACK + (sel.exact.length >> 2));
        const near = this.bestFuzzy(sel, Math.max(0, hint - reach), Math.min(text.length, hint + sel.exact.length + reach), budget, hint, rejected, 1);
        if (near && Math.abs(near.start - hint) < distance) return this.result(near, position, 'fuzzy');
      }
      return this.result(exact, position, 'moved');
    }

    // (c) Approximate matches in widening windows around the old position,
    // then anywhere: Myers's search reports only the fewest-error matches in
    // its range, and in repetitive text a differently edited copy nearby can
    // beat the highlighted one, unless the range holds only the latter.
    if (budget === 0) return { status: 'orphaned' };
    if (hint !== null) {
      for (const reach of [NEAR_SLACK + (sel.exact.length >> 2), slack]) {
        const from = Math.max(0, hint - reach);
        const to = Math.min(text.length, hint + sel.exact.length + reach);
        const found = this.bestFuzzy(sel, from, to, budget, hint, rejected);
        if (found) return this.result(found, position, 'fuzzy');
        if (from === 0 && to === text.length) return { status: 'orphaned' };
      }
    }
    const global = this.bestFuzzy(sel, 0, text.length, budget, hint, rejected);
    return global ? this.result(global, position, 'fuzzy') : { status: 'orphaned' };
  }

  private bestExact(sel: Selector, occurrences: number[], hint: number | null): Scored | typeof AMBIGUOUS | null {
    let scored = occurrences;
    if (occurrences.length > OCCURRENCES_SCORED) {
      // Rank by how many context characters agree exactly at the boundary, then by nearness.
      const text = this.collapsed.text;
      const len = sel.exact.length;
      const keyed = occurrences.map((at) => ({
        at,
        agree: commonSuffix(sel.prefix, text, at) + commonPrefix(sel.suffix, text, at + len),
        distance: hint === null ? 0 : Math.abs(at - hint),
      }));
      keyed.sort((a, b) => b.agree - a.agree || a.distance - b.distance);
      scored = keyed.slice(0, OCCURRENCES_SCORED).map((k) => k.at);
    }
    const convincing: Scored[] = [];
    for (const at of scored) {
      const c = this.evaluate(sel, at, at + sel.exact.length, 1, hint);
      if (c) convincing.push(c);
    }
    if (convincing.length === 0) return null;
    convincing.sort((a, b) => b.score - a.score);
    const best = convincing[0] as Scored;
    // Two places both vouched for by context (repeated passages): if their
    // context is equally good only the old position can tell them apart;
    // if it differs, one may have been edited beside the quote, and we cannot
    // tell which, so we do not guess.
    const rivals = convincing.filter((c) => c !== best && Math.max(c.prefix, c.suffix) >= STRONG_CONTEXT);
    if (rivals.length === 0) return best;
    const contextOf = (c: Scored) => c.prefix + c.suffix;
    const equals = [best, ...rivals].filter((c) => contextOf(best) - contextOf(c) <= EQUAL_CONTEXT);
    if (equals.length < rivals.length + 1 || hint === null) return AMBIGUOUS;
    return equals.reduce((a, b) => (Math.abs(b.start - hint) < Math.abs(a.start - hint) ? b : a));
  }

  // Myers's search reports only the lowest-error matches in its range; when
  // those are rejected (wrong context), they are masked out and the search
  // repeated, so a true but more edited match behind them can still be found.
  private bestFuzzy(
    sel: Selector,
    from: number,
    to: number,
    budget: number,
    hint: number | null,
    rejected: (readonly [number, number])[],
    rounds = FUZZY_ROUNDS,
  ): Candidate | null {
    const text = this.collapsed.text;
    const masks = rejected.filter(([s, e]) => e > from && s < to);
    for (let round = 0; round < rounds; round++) {
      const window = mask(text, from, to, masks);
      const matches = search(window, sel.exact, budget);
      if (matches.length === 0) return null;
      let best: Candidate | null = null;
      for (const m of matches) {
        const start = from + m.start;
        const end = from + m.end;
        const quoteScore = 1 - m.errors / sel.exact.length;
        const c = quoteScore >= FUZZY_QUOTE_MIN ? this.evaluate(sel, start, end, quoteScore, hint) : null;
        if (c && c.score >= FUZZY_SCORE_MIN && (!best || c.score > best.score)) best = c;
        masks.push([start, end]);
      }
      if (best) return best;
    }
    return null;
  }

  private score(sel: Selector, start: number, end: number, quoteScore: number, hint: number | null): number {
    return this.parts(sel, start, end, quoteScore, hint).score;
  }

  private parts(sel: Selector, start: number, end: number, quoteScore: number, hint: number | null) {
    const text = this.collapsed.text;
    const prefix = sel.prefix.length > 0 ? prefixSimilarity(sel.prefix, text, start) : start === 0 ? 1 : NO_CONTEXT;
    const suffix = sel.suffix.length > 0 ? suffixSimilarity(sel.suffix, text, end) : end === text.length ? 1 : NO_CONTEXT;
    const position = hint === null || text.length === 0 ? 1 : 1 - Math.min(1, Math.abs(start - hint) / text.length);
    const score = (QUOTE_WEIGHT * quoteScore + PREFIX_WEIGHT * prefix + SUFFIX_WEIGHT * suffix + POSITION_WEIGHT * position) / MAX_SCORE;
    return { prefix, suffix, score };
  }

  /** The candidate with its score, or null when its context does not vouch for it. */
  private evaluate(sel: Selector, start: number, end: number, quoteScore: number, hint: number | null): Scored | null {
    const { prefix, suffix, score } = this.parts(sel, start, end, quoteScore, hint);
    const wholeText = sel.prefix.length === 0 && sel.suffix.length === 0;
    if (!wholeText && Math.max(prefix, suffix) < CONTEXT_MIN) return null;
    if (sel.exact.length < SHORT_QUOTE && (prefix + suffix) / 2 < SHORT_CONTEXT_MEAN_MIN) return null;
    return { start, end, score, prefix, suffix };
  }

  private result(c: Candidate, position: TextPositionSelector | null, status: 'moved' | 'fuzzy'): AnchorResult {
    const { rawStart } = this.collapsed;
    const span = snapToCodePoints(this.raw, rawStart[c.start] as number, rawStart[c.end] as number);
    const same = status === 'moved' && position !== null && span.start === position.start && span.end === position.end;
    return { status: same ? 'anchored' : status, ...span, score: c.score };
  }
}

/** Re-anchor one highlight in `text`. */
export function anchorHighlight(text: string, quote: TextQuoteSelector, position: TextPositionSelector | null): AnchorResult {
  return new AnchorTarget(text).anchor(quote, position);
}

/** Re-anchor many highlights in one text; results in the same order. The text is prepared once. */
export function anchorAll(text: string, highlights: readonly StoredHighlight[]): AnchorResult[] {
  const target = new AnchorTarget(text);
  return highlights.map((h) => target.anchor(h.quote, h.position));
}

// Collapse prefix, quote and suffix together, so a white-space run that
// straddles a boundary collapses exactly as it does in the text.
function collapseSelector(quote: TextQuoteSelector): Selector {
  const whole = collapseWhiteSpace(quote.prefix + quote.exact + quote.suffix);
  const start = collapsedOffset(whole, quote.prefix.length);
  const end = quote.exact.length === 0 ? start : collapsedOffset(whole, quote.prefix.length + quote.exact.length - 1) + 1;
  return { prefix: whole.text.slice(0, start), exact: whole.text.slice(start, end), suffix: whole.text.slice(end) };
}

function mask(text: string, from: number, to: number, masks: (readonly [number, number])[]): string {
  if (masks.length === 0) return text.slice(from, to);
  const sorted = [...masks].sort((a, b) => a[0] - b[0]);
  const parts: string[] = [];
  let at = from;
  for (const [s, e] of sorted) {
    const ms = Math.max(s, at);
    const me = Math.min(e, to);
    if (me <= ms) continue;
    parts.push(text.slice(at, ms), '\uFFFF'.repeat(me - ms));
    at = me;
  }
  parts.push(text.slice(at, to));
  return parts.join('');
}

function commonSuffix(expected: string, text: string, at: number): number {
  let n = 0;
  while (n < expected.length && n < at && expected.charCodeAt(expected.length - 1 - n) === text.charCodeAt(at - 1 - n)) n++;
  return n;
}

function commonPrefix(expected: string, text: string, at: number): number {
  let n = 0;
  while (n < expected.length && at + n < text.length && expected.charCodeAt(n) === text.charCodeAt(at + n)) n++;
  return n;
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

// Widen a span that would cut a surrogate pair, so it never starts or ends mid-character.
function snapToCodePoints(text: string, start: number, end: number): { start: number; end: number } {
  if (start > 0 && isLow(text.charCodeAt(start)) && isHigh(text.charCodeAt(start - 1))) start--;
  if (end > 0 && end < text.length && isHigh(text.charCodeAt(end - 1)) && isLow(text.charCodeAt(end))) end++;
  return { start, end };
}
