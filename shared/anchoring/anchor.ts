// Re-attaching stored highlights to an article's (possibly changed) canonical
// text, after the Hypothesis client's anchoring (src/annotator/anchoring/
// match-quote.ts): trust the stored position if the quote is still there,
// else look for the quote exactly, else approximately, and score candidates
// on quote, prefix and suffix similarity and distance from the old position.
// Unlike Hypothesis, a candidate must also be *convincing* on its own: a
// highlight attached to the wrong words misquotes a source, while an orphaned
// one is visible and can be re-attached by hand, so in doubt we orphan.
//
// Doubt comes from repetition. Quote and context cannot tell identical
// copies apart (a repeated paragraph, a boilerplate sentence), and the old
// offset is a poor guide once text was inserted or removed before the
// highlight: a neighbouring copy may then sit exactly where the highlight
// was. So a candidate is taken only when position and content agree (the
// nearest copy that also reads best), or when content alone is beyond doubt
// (far from the old place only strong context will do, and an edited copy
// must be the only passage of its kind). When many highlights of one article
// are re-anchored together (anchorAll), those with one convincing place in the
// whole text are landmarks: they show how far each stretch of the text moved,
// and the others must land where their landmarks say their stretch went. A
// result that breaks the order of the rest is suspect, since inserting or
// removing text keeps the order of what remains.
import search from 'approx-string-match';
import { collapsedOffset, collapseWhiteSpace, type CollapsedText } from './whitespace-map';
import { prefixSimilarity, suffixSimilarity } from './context-similarity';
import { OccurrenceIndex } from './occurrences';
import { QUOTE_CONTEXT_LENGTH, type TextPositionSelector, type TextQuoteSelector } from './text-quote';

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
// A rival occurrence with this much context on one side is a real alternative.
const STRONG_CONTEXT = 0.8;
// Contexts (prefix + suffix) this close read alike: three or so characters edited.
const EQUAL_CONTEXT = 0.1;
// Context scores closer than this are the same reading (floating-point noise).
const CONTEXT_EPSILON = 1e-9;
// Fuzzy search looks near the old position first: this much either side, plus twice the quote.
const LOCAL_SLACK = 1024;
const FUZZY_ROUNDS = 3;
// How far from the old position an edited copy is looked for before a distant exact one is accepted.
const NEAR_SLACK = 64;
// Beyond this many exact occurrences (a short, common quote) only the most promising are scored in full.
const OCCURRENCES_SCORED = 48;
// Between two neighbours that anchored unambiguously, small edits (a word
// fixed, white space reflowed) make the local shift drift a little: this much,
// plus this share of the distance to the farther neighbour. Paragraph-sized
// jumps (an inserted or removed block) are far beyond it.
const SHIFT_SLACK = 32;
const SHIFT_DRIFT = 0.05;

interface Selector {
  exact: string;
  prefix: string;
  suffix: string;
  /** The prefix was cut short by the start of the text, the suffix by its end. */
  startCut: boolean;
  endCut: boolean;
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

/** The quote still at its stored offsets (in the original text's units). */
interface AtStoredPosition extends Scored {
  convincing: boolean;
  raw: { start: number; end: number };
}

type Outcome = { kind: 'exact'; c: Scored } | { kind: 'fuzzy'; c: Scored } | { kind: 'ambiguous' } | { kind: 'none' };

/** What one highlight's quote and context say on their own, before its neighbours are consulted. */
interface Analysis {
  sel: Selector;
  position: TextPositionSelector | null;
  /** The old start as a collapsed offset of the new text. */
  hint: number | null;
  stored: AtStoredPosition | null;
  /** Occurrences of the exact quote whose context vouches for them, best first. */
  exact: Scored[];
  /** Every exact occurrence as a span, so the fuzzy search can look past them. */
  occurrences: (readonly [number, number])[];
  outcome: Outcome;
  /** One convincing place in the whole text, with the exact words and strong context on both sides. */
  unique: boolean;
  /** An edited copy near the old position that made a distant exact one doubtful. */
  edited: Scored | null;
}

/**
 * Where the neighbours say a highlight's start must now be (collapsed offsets
 * of the new text): near where the landmark before it went, or near where the
 * one after it went. Two windows when a block was inserted or removed
 * between them, since the highlight is on one side of that edit or the other.
 */
interface Window {
  lo: number;
  hi: number;
  at: number;
  /** Landmarks on both sides agree: the stretch between them moved as one. */
  trusted: boolean;
}

/** What the article's other highlights say about where each one can be. */
interface Neighbours {
  /** Unique highlights in order with the rest: where a stretch of text went. */
  landmarks: Landmark[];
  /** Every result in order with the rest, sorted by old start. */
  chain: { old: number; now: number }[];
  inOrder: Set<Analysis>;
  /** Answers kept against a lone landmark, to be checked against everyone's final answers. */
  provisional: Set<Analysis>;
}

/** A unique highlight: it started at `old` and now starts `shift` later. */
interface Landmark {
  old: number;
  shift: number;
}

const NONE: Outcome = { kind: 'none' };
const AMBIGUOUS: Outcome = { kind: 'ambiguous' };

/** A text made ready for anchoring many highlights against it. */
class AnchorTarget {
  readonly collapsed: CollapsedText;
  private readonly index: OccurrenceIndex;

  constructor(readonly raw: string) {
    this.collapsed = collapseWhiteSpace(raw);
    this.index = new OccurrenceIndex(this.collapsed.text);
  }

  analyse(quote: TextQuoteSelector, position: TextPositionSelector | null): Analysis {
    const sel = collapseSelector(quote);
    const hint = position ? collapsedOffset(this.collapsed, Math.min(Math.max(0, position.start), this.raw.length)) : null;
    const analysis: Analysis = { sel, position, hint, stored: null, exact: [], occurrences: [], outcome: NONE, unique: false, edited: null };
    if (sel.exact.length === 0 || sel.exact === ' ') return analysis;

    if (position && position.end > position.start && this.raw.slice(position.start, position.end) === quote.exact) {
      const start = collapsedOffset(this.collapsed, position.start);
      const end = collapsedOffset(this.collapsed, position.end - 1) + 1;
      const parts = this.parts(sel, start, end, 1, hint);
      const convincing = this.convincing(sel, parts.prefix, parts.suffix);
      if (convincing || quote.exact.length >= POSITION_ALONE_MIN) {
        analysis.stored = { start, end, ...parts, convincing, raw: { start: position.start, end: position.end } };
      }
    }

    const occurrences = this.index.find(sel.exact);
    analysis.occurrences = occurrences.map((at) => [at, at + sel.exact.length] as const);
    analysis.exact = this.convincingOccurrences(sel, occurrences, hint);
    analysis.outcome = this.decideAlone(analysis);

    const { outcome, exact } = analysis;
    analysis.unique =
      outcome.kind === 'exact' &&
      exact.length === 1 &&
      exact[0]?.start === outcome.c.start &&
      Math.min(outcome.c.prefix, outcome.c.suffix) >= STRONG_CONTEXT;
    return analysis;
  }

  // With nothing but the highlight's own selectors: the stored position if
  // nothing else reads better there, else the one convincing exact copy (or
  // the nearest of equally good ones, as Hypothesis does), else a fuzzy match
  // near the old position, then farther away. The farther from its old place
  // a candidate is, the less its position vouches for it, so away from it
  // only strong context will do, and an edited copy must also be the only
  // one of its kind.
  private decideAlone(a: Analysis): Outcome {
    const { sel, stored, hint } = a;
    const text = this.collapsed.text;
    if (stored?.convincing && !a.exact.some((c) => context(c) > context(stored) + CONTEXT_EPSILON)) {
      // Context edited beside the highlight, or another copy of a repeated passage slid into its place?
      return perfect(stored) || !this.hasRival(sel, stored, false) ? { kind: 'exact', c: stored } : AMBIGUOUS;
    }

    const reach = nearReach(sel);
    const exact = a.exact.filter((c) => this.near(a, c) || strong(c));
    const best = this.bestExact(exact, hint);
    if (best === 'ambiguous') return AMBIGUOUS;
    const budget = fuzzyBudget(sel);
    if (best) {
      // In repetitive text the same words may sit far away with intact
      // context while the highlighted copy, near its old place, was edited; or
      // text was inserted and the edited-looking copy near the old place is
      // another passage. Only the neighbours can say which (see anchorAll).
      const distance = hint === null ? 0 : Math.abs(best.start - hint);
      if (hint !== null && budget > 0 && distance > 0) {
        const from = Math.max(0, hint - Math.min(distance, reach));
        const to = Math.min(text.length, hint + sel.exact.length + Math.min(distance, reach));
        const near = this.bestFuzzy(sel, from, to, budget, hint, a.occurrences);
        if (near && Math.abs(near.start - hint) < distance) {
          a.edited = near;
          return AMBIGUOUS;
        }
      }
      // Far from its old place with some of its context changed: only if nothing else reads like it.
      if (distance > reach && !perfect(best) && this.hasRival(sel, best, false)) return AMBIGUOUS;
      return { kind: 'exact', c: best };
    }
    // A long quote still at its old place, whatever became of its context, unless other passages read like it.
    if (stored) return perfect(stored) || !this.hasRival(sel, stored, false) ? { kind: 'exact', c: stored } : AMBIGUOUS;

    // Approximate matches in widening windows around the old position, then
    // anywhere: Myers's search reports only the fewest-error matches in its
    // range, and in repetitive text a differently edited copy nearby can beat
    // the highlighted one, unless the range holds only the latter.
    if (budget === 0) return NONE;
    if (hint !== null) {
      const found = this.bestFuzzy(sel, Math.max(0, hint - reach), Math.min(text.length, hint + sel.exact.length + reach), budget, hint, a.occurrences);
      if (found) return { kind: 'fuzzy', c: found };
    }
    const windows: [number, number][] = [[0, text.length]];
    if (hint !== null) {
      const wide = LOCAL_SLACK + 2 * sel.exact.length;
      windows.unshift([Math.max(0, hint - wide), Math.min(text.length, hint + sel.exact.length + wide)]);
    }
    for (const [from, to] of windows) {
      const found = this.bestFuzzy(sel, from, to, budget, hint, a.occurrences, FUZZY_ROUNDS, strong);
      if (!found) continue;
      // Any other passage as close to the quote, whatever its context, makes this one a guess.
      return a.occurrences.length > 0 || this.hasRival(sel, found, true) ? AMBIGUOUS : { kind: 'fuzzy', c: found };
    }
    return NONE;
  }

  // The same choice confined to where the neighbours put the highlight's
  // stretch of text. Several equally good copies there, or none, orphan it.
  decideWithin(a: Analysis, windows: readonly Window[], neighbours: Neighbours): Outcome {
    const { sel, stored } = a;
    // Only landmarks on both sides that agree pin the highlight down; one
    // landmark, or two that disagree, may have an edit between them and it,
    // and then a better reading elsewhere outweighs them.
    const trusted = windows.length === 1 && (windows[0] as Window).trusted;
    const windowOf = (c: Candidate) => windows.findIndex((w) => c.start >= w.lo && c.start <= w.hi);
    const distance = (c: Candidate) => Math.abs(c.start - (windows[windowOf(c)] as Window).at);
    // A lone landmark cannot see an edit between it and the highlight: it
    // does not overrule an answer found at the old place that nothing else in
    // the text could be taken for, as long as that answer keeps its order
    // with the other highlights' answers (which no edit changes).
    const own = a.outcome;
    if (
      !trusted &&
      (own.kind === 'exact' || own.kind === 'fuzzy') &&
      windowOf(own.c) === -1 &&
      this.near(a, own.c) &&
      a.position &&
      fitsOrder(neighbours.chain, a.position.start, this.rawStart(own.c)) &&
      !this.hasRival(sel, own.c, true)
    ) {
      neighbours.provisional.add(a);
      return own;
    }
    const pool = a.exact.filter((c) => windowOf(c) !== -1);
    if (stored && windowOf(stored) !== -1 && !pool.some((c) => c.start === stored.start)) pool.push(stored);
    if (pool.length > 0) {
      pool.sort((x, y) => distance(x) - distance(y));
      const first = pool[0] as Scored;
      for (const c of pool.slice(1)) {
        // A copy that reads better, or as well and about as near (or on the other side of an inserted block).
        if (context(c) > context(first) + CONTEXT_EPSILON) return AMBIGUOUS;
        const asGood = context(first) - context(c) <= EQUAL_CONTEXT;
        if (asGood && (windowOf(c) !== windowOf(first) || distance(c) - distance(first) <= SHIFT_SLACK)) return AMBIGUOUS;
      }
      if (!trusted && a.exact.some((c) => context(c) > context(first) + CONTEXT_EPSILON)) return AMBIGUOUS;
      // Where a lone landmark points, away from the old place, with some context changed: as in decideAlone.
      if (!trusted && !this.near(a, first) && !perfect(first) && this.hasRival(sel, first, false)) return AMBIGUOUS;
      // The edited copy near the old position, if the neighbours allow it too: only they can choose, and only if they agree.
      const edited = a.edited;
      if (edited && windowOf(edited) !== -1) {
        if (!trusted) return AMBIGUOUS;
        if (distance(first) + SHIFT_SLACK < distance(edited)) return { kind: 'exact', c: first };
        return distance(edited) + SHIFT_SLACK < distance(first) ? { kind: 'fuzzy', c: edited } : AMBIGUOUS;
      }
      return { kind: 'exact', c: stored && first.start === stored.start ? stored : first };
    }
    // Edited words here against the exact words elsewhere.
    if (!trusted && a.exact.length > 0) return AMBIGUOUS;
    const budget = fuzzyBudget(sel);
    if (budget === 0) return NONE;
    const text = this.collapsed.text;
    const found: Scored[] = [];
    for (const w of windows) {
      const kept = a.outcome.kind === 'fuzzy' && windowOf(a.outcome.c) !== -1 && windows[windowOf(a.outcome.c)] === w ? a.outcome.c : null;
      // From well before the window, so a match that starts before it is seen whole (and refused), not cut to fit.
      const from = Math.max(0, w.lo - sel.exact.length - budget);
      const to = Math.min(text.length, w.hi + sel.exact.length + budget);
      const c = kept ?? (to > from ? this.bestFuzzy(sel, from, to, budget, w.at, a.occurrences, FUZZY_ROUNDS, (c) => c.start >= w.lo && c.start <= w.hi) : null);
      if (c) found.push(c);
    }
    const [only, other] = found;
    if (!only || other) return other ? AMBIGUOUS : NONE;
    // Edited words where a lone landmark points, away from the old place: as doubtful as edited words far away.
    if (!trusted && !this.near(a, only) && (!strong(only) || this.hasRival(sel, only, true))) return AMBIGUOUS;
    return { kind: 'fuzzy', c: only };
  }

  /** Within reach of the old position: there, the position itself vouches for a candidate. */
  private near(a: Analysis, c: Candidate): boolean {
    return a.hint !== null && Math.abs(c.start - a.hint) <= nearReach(a.sel);
  }

  /** Whether another passage reads like the quote closely enough to be taken for it (with context that vouches for it, unless `anyContext`). */
  private hasRival(sel: Selector, c: Candidate, anyContext: boolean): boolean {
    const text = this.collapsed.text;
    const budget = fuzzyBudget(sel);
    const masks: (readonly [number, number])[] = [[c.start, c.end]];
    for (let round = 0; round < FUZZY_ROUNDS; round++) {
      const matches = search(mask(text, 0, text.length, masks), sel.exact, budget);
      if (matches.length === 0) return false;
      for (const m of matches) {
        if (anyContext) return true;
        const { prefix, suffix } = this.parts(sel, m.start, m.end, 1, null);
        if (this.convincing(sel, prefix, suffix)) return true;
        masks.push([m.start, m.end]);
      }
    }
    return false;
  }

  /** Exact occurrences whose context vouches for them, best score first. */
  private convincingOccurrences(sel: Selector, occurrences: number[], hint: number | null): Scored[] {
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
    return convincing.sort((a, b) => b.score - a.score);
  }

  private bestExact(convincing: Scored[], hint: number | null): Scored | 'ambiguous' | null {
    const best = convincing[0];
    if (!best) return null;
    // Several places vouched for by context (repeated passages). Identical
    // copies can only be told apart by the old position, so the nearest wins;
    // but if a farther copy reads better, either the near one's context was
    // edited or the text shifted and another copy now sits at the old place,
    // and position and context disagree: we do not guess.
    const rivals = convincing.filter((c) => c !== best && Math.max(c.prefix, c.suffix) >= STRONG_CONTEXT);
    if (rivals.length === 0) return best;
    if (hint === null) return 'ambiguous';
    const all = [best, ...rivals];
    const top = Math.max(...all.map(context));
    const nearest = all.reduce((a, b) => (Math.abs(b.start - hint) < Math.abs(a.start - hint) ? b : a));
    return context(nearest) < top - CONTEXT_EPSILON ? 'ambiguous' : nearest;
  }

  // Myers's search reports only the lowest-error matches in its range; when
  // those are rejected (wrong context, or outside the neighbours' range), they
  // are masked out and the search repeated, so a true but more edited match
  // behind them can still be found.
  private bestFuzzy(
    sel: Selector,
    from: number,
    to: number,
    budget: number,
    hint: number | null,
    rejected: readonly (readonly [number, number])[],
    rounds = FUZZY_ROUNDS,
    accept: (c: Scored) => boolean = () => true,
  ): Scored | null {
    const text = this.collapsed.text;
    const masks = rejected.filter(([s, e]) => e > from && s < to);
    for (let round = 0; round < rounds; round++) {
      const window = mask(text, from, to, masks);
      const matches = search(window, sel.exact, budget);
      if (matches.length === 0) return null;
      let best: Scored | null = null;
      for (const m of matches) {
        const start = from + m.start;
        const end = from + m.end;
        const quoteScore = 1 - m.errors / sel.exact.length;
        const c = quoteScore >= FUZZY_QUOTE_MIN ? this.evaluate(sel, start, end, quoteScore, hint) : null;
        if (c && c.score >= FUZZY_SCORE_MIN && accept(c) && (!best || c.score > best.score)) best = c;
        masks.push([start, end]);
      }
      if (best) return best;
    }
    return null;
  }

  private parts(sel: Selector, start: number, end: number, quoteScore: number, hint: number | null) {
    const text = this.collapsed.text;
    const prefix = sel.prefix.length > 0 ? prefixSimilarity(sel.prefix, text, start, sel.startCut) : start === 0 ? 1 : NO_CONTEXT;
    const suffix = sel.suffix.length > 0 ? suffixSimilarity(sel.suffix, text, end, sel.endCut) : end === text.length ? 1 : NO_CONTEXT;
    const position = hint === null || text.length === 0 ? 1 : 1 - Math.min(1, Math.abs(start - hint) / text.length);
    const score = (QUOTE_WEIGHT * quoteScore + PREFIX_WEIGHT * prefix + SUFFIX_WEIGHT * suffix + POSITION_WEIGHT * position) / MAX_SCORE;
    return { prefix, suffix, score };
  }

  private convincing(sel: Selector, prefix: number, suffix: number): boolean {
    const wholeText = sel.prefix.length === 0 && sel.suffix.length === 0;
    if (!wholeText && Math.max(prefix, suffix) < CONTEXT_MIN) return false;
    return sel.exact.length >= SHORT_QUOTE || (prefix + suffix) / 2 >= SHORT_CONTEXT_MEAN_MIN;
  }

  /** The candidate with its score, or null when its context does not vouch for it. */
  private evaluate(sel: Selector, start: number, end: number, quoteScore: number, hint: number | null): Scored | null {
    const { prefix, suffix, score } = this.parts(sel, start, end, quoteScore, hint);
    return this.convincing(sel, prefix, suffix) ? { start, end, score, prefix, suffix } : null;
  }

  /** Where a candidate starts in the text's own units (for the neighbours' shifts). */
  rawStart(c: Candidate): number {
    return isStored(c) ? c.raw.start : (this.collapsed.rawStart[c.start] as number);
  }

  result(a: Analysis, outcome: Outcome): AnchorResult {
    if (outcome.kind === 'none' || outcome.kind === 'ambiguous') return { status: 'orphaned' };
    const c = outcome.c;
    // At the stored offsets themselves: no round trip through the collapsed text, which may end a white-space run elsewhere.
    if (isStored(c)) return { status: 'anchored', ...snapToCodePoints(this.raw, c.raw.start, c.raw.end), score: c.score };
    const { rawStart } = this.collapsed;
    const span = snapToCodePoints(this.raw, rawStart[c.start] as number, rawStart[c.end] as number);
    const { position } = a;
    const same = outcome.kind === 'exact' && position !== null && span.start === position.start && span.end === position.end;
    return { status: same ? 'anchored' : outcome.kind === 'exact' ? 'moved' : 'fuzzy', ...span, score: c.score };
  }

  /** The final answer for one highlight, its neighbours consulted when there are any. */
  settle(h: StoredHighlight, a: Analysis, neighbours: Neighbours | null): AnchorResult {
    const outcome = this.locate(a, neighbours);
    if (outcome.kind !== 'none') return this.result(a, outcome);
    return this.largestBlock(h, a, neighbours) ?? { status: 'orphaned' };
  }

  private locate(a: Analysis, neighbours: Neighbours | null): Outcome {
    if (!neighbours || !a.position) return a.outcome;
    if (a.unique && neighbours.inOrder.has(a)) return a.outcome;
    if (neighbours.landmarks.length > 0) {
      const windows = this.expectation(a.position.start, neighbours.landmarks);
      // No window inside the text: the stretch the highlight was in is gone.
      return windows.length > 0 ? this.decideWithin(a, windows, neighbours) : NONE;
    }
    // No landmarks: the highlights' own guesses, as long as they keep their order.
    if (a.outcome.kind !== 'exact' && a.outcome.kind !== 'fuzzy') return a.outcome;
    if (neighbours.inOrder.has(a) || fitsOrder(neighbours.chain, a.position.start, this.rawStart(a.outcome.c))) return a.outcome;
    return AMBIGUOUS;
  }

  // A highlight across paragraphs is split when a paragraph is inserted
  // between them and cut short when one of them is removed; neither touches
  // the words of the other paragraphs. If one block of the quote holds at
  // least half of it, that block alone is anchored (as its own highlight,
  // with the quote's neighbouring words as context) and reported as fuzzy.
  // A smaller remainder is not the highlight any more: it is orphaned.
  private largestBlock(h: StoredHighlight, whole: Analysis, neighbours: Neighbours | null): AnchorResult | null {
    const { quote, position } = h;
    const piece = largestPiece(quote.exact);
    if (!piece || 2 * (piece.to - piece.from) < quote.exact.length) return null;
    const part: TextQuoteSelector = {
      type: 'TextQuoteSelector',
      exact: quote.exact.slice(piece.from, piece.to),
      prefix: (quote.prefix + quote.exact.slice(0, piece.from)).slice(-Math.max(QUOTE_CONTEXT_LENGTH, quote.prefix.length)),
      suffix: (quote.exact.slice(piece.to) + quote.suffix).slice(0, Math.max(QUOTE_CONTEXT_LENGTH, quote.suffix.length)),
    };
    const at: TextPositionSelector | null = position && { type: 'TextPositionSelector', start: position.start + piece.from, end: position.start + piece.to };
    const a = this.analyse(part, at);
    const outcome = this.locate(a, neighbours);
    if (outcome.kind === 'none' || outcome.kind === 'ambiguous') return null;
    if (neighbours?.provisional.has(a)) neighbours.provisional.add(whole);
    const r = this.result(a, outcome);
    const lost = (QUOTE_WEIGHT * (1 - (piece.to - piece.from) / quote.exact.length)) / MAX_SCORE;
    return { ...r, status: 'fuzzy', score: Math.max(0, (r.score ?? 0) - lost) };
  }

  /** The neighbours' verdict on where a highlight that started at raw offset `old` must now start. */
  expectation(old: number, landmarks: readonly Landmark[]): Window[] {
    // The last landmark starting at or before `old`, and the first at or after it.
    let lo = 0;
    let hi = landmarks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((landmarks[mid] as Landmark).old <= old) lo = mid + 1;
      else hi = mid;
    }
    const before = lo > 0 ? landmarks[lo - 1] : undefined;
    const after = before && before.old === old ? before : landmarks[lo];
    const toCollapsed = (raw: number) => collapsedOffset(this.collapsed, Math.min(Math.max(0, Math.round(raw)), this.raw.length));
    const windows: Window[] = [];
    for (const l of [before, after]) {
      if (!l) continue;
      const slack = SHIFT_SLACK + SHIFT_DRIFT * Math.abs(old - l.old);
      const at = old + l.shift;
      // A window wholly outside the text: that side was cut away.
      if (at + slack < 0 || at - slack > this.raw.length) continue;
      const w = { lo: toCollapsed(at - slack), hi: toCollapsed(at + slack), at: toCollapsed(at), trusted: l.old === old };
      const overlapping = windows.find((v) => w.lo <= v.hi && v.lo <= w.hi);
      if (!overlapping) windows.push(w);
      else {
        // The neighbours agree (up to drift): one window, centred between them.
        overlapping.lo = Math.min(overlapping.lo, w.lo);
        overlapping.hi = Math.max(overlapping.hi, w.hi);
        overlapping.at = Math.round((overlapping.at + w.at) / 2);
        overlapping.trusted = true;
      }
    }
    // Landmarks on both sides, one of whose windows fell outside the text, do not agree.
    if (before && after && before !== after && windows.length === 1) (windows[0] as Window).trusted = false;
    return windows;
  }
}

/** Re-anchor one highlight in `text`. */
export function anchorHighlight(text: string, quote: TextQuoteSelector, position: TextPositionSelector | null): AnchorResult {
  const target = new AnchorTarget(text);
  return target.settle({ quote, position }, target.analyse(quote, position), null);
}

/** Re-anchor many highlights in one text; results in the same order. The text is prepared once. */
export function anchorAll(text: string, highlights: readonly StoredHighlight[]): AnchorResult[] {
  const target = new AnchorTarget(text);
  const analyses = highlights.map((h) => target.analyse(h.quote, h.position));
  const neighbours = inOrder(target, analyses);
  const results = analyses.map((a, i) => target.settle(highlights[i] as StoredHighlight, a, neighbours));
  if (neighbours.provisional.size === 0) return results;
  // An answer kept against a lone landmark must still keep its order with
  // where the others finally went (they may have moved past it since), and
  // stay clear of those it did not overlap: deleting the text between two
  // highlights can bring them together, never make them overlap.
  const settled: { old: number; oldEnd: number; now: number; nowEnd: number }[] = [];
  analyses.forEach((a, i) => {
    const r = results[i] as AnchorResult;
    if (a.position && r.start !== undefined && r.end !== undefined && !neighbours.provisional.has(a)) {
      settled.push({ old: a.position.start, oldEnd: a.position.end, now: r.start, nowEnd: r.end });
    }
  });
  settled.sort((x, y) => x.old - y.old || x.now - y.now);
  return results.map((r, i) => {
    const a = analyses[i] as Analysis;
    if (!neighbours.provisional.has(a) || !a.position || r.start === undefined || r.end === undefined) return r;
    const { start, end } = a.position;
    const clear = settled.every((x) => (x.oldEnd > start || x.nowEnd <= (r.start as number) + SHIFT_SLACK) && (x.old < end || x.now >= (r.end as number) - SHIFT_SLACK));
    return clear && fitsOrder(settled, start, r.start) ? r : { status: 'orphaned' };
  });
}

// Text inserted or removed keeps the order of what remains, so the
// highlights' first answers (old start → new start) should rise together.
// Those that break the order are copies found elsewhere (the true place was
// mangled) or sit in a moved paragraph; either way they are suspect. The
// largest set in order is kept, where only unique highlights are evidence of
// where the text went: the others are the nearest of several copies, a guess
// from the old position, and however many of them agree they outweigh no
// unique one. Where several such sets tie, the answers on which they
// disagree are all suspect.
function inOrder(target: AnchorTarget, analyses: readonly Analysis[]): Neighbours {
  const points: { a: Analysis; old: number; now: number; weight: number }[] = [];
  for (const a of analyses) {
    if (!a.position || (a.outcome.kind !== 'exact' && a.outcome.kind !== 'fuzzy')) continue;
    points.push({ a, old: a.position.start, now: target.rawStart(a.outcome.c), weight: a.unique ? analyses.length + 1 : 1 });
  }
  points.sort((x, y) => x.old - y.old || x.now - y.now);
  const ranks = [...new Set(points.map((p) => p.now))].sort((x, y) => x - y);
  const rankOf = new Map(ranks.map((now, i) => [now, i]));
  // Heaviest chain ending at each point (new starts non-decreasing), and starting at it.
  const ending = heaviestChains(points.map((p) => rankOf.get(p.now) as number), points.map((p) => p.weight), ranks.length);
  const reversed = [...points].reverse();
  const starting = heaviestChains(
    reversed.map((p) => ranks.length - 1 - (rankOf.get(p.now) as number)),
    reversed.map((p) => p.weight),
    ranks.length,
  ).reverse();
  const best = Math.max(0, ...ending);
  const onSome = points.filter((p, i) => (ending[i] as number) + (starting[i] as number) - p.weight === best);
  // Points on different best chains that contradict each other.
  const kept: typeof onSome = [];
  const suffixMin = new Array<number>(onSome.length + 1).fill(Infinity);
  for (let i = onSome.length - 1; i >= 0; i--) suffixMin[i] = Math.min(suffixMin[i + 1] as number, (onSome[i] as (typeof onSome)[number]).now);
  let prefixMax = -Infinity;
  for (const [i, p] of onSome.entries()) {
    if (prefixMax <= p.now && (suffixMin[i + 1] as number) >= p.now) kept.push(p);
    prefixMax = Math.max(prefixMax, p.now);
  }
  return {
    landmarks: kept.filter((p) => p.a.unique).map((p) => ({ old: p.old, shift: p.now - p.old })),
    chain: kept.map((p) => ({ old: p.old, now: p.now })),
    inOrder: new Set(kept.map((p) => p.a)),
    provisional: new Set(),
  };
}

/** For each item in turn, the heaviest chain of items so far with rank ≤ its own that ends with it (a Fenwick tree of maxima). */
function heaviestChains(ranks: readonly number[], weights: readonly number[], size: number): number[] {
  const tree = new Float64Array(size + 1);
  return ranks.map((rank, i) => {
    let best = 0;
    for (let k = rank + 1; k > 0; k -= k & -k) best = Math.max(best, tree[k] as number);
    const total = best + (weights[i] as number);
    for (let k = rank + 1; k <= size; k += k & -k) tree[k] = Math.max(tree[k] as number, total);
    return total;
  });
}

/** Whether a highlight that started at `old` may now start at `now` without crossing the chain. */
function fitsOrder(chain: readonly { old: number; now: number }[], old: number, now: number): boolean {
  let lo = 0;
  let hi = chain.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((chain[mid] as { old: number }).old <= old) lo = mid + 1;
    else hi = mid;
  }
  const before = chain[lo - 1];
  const after = chain[lo];
  return (!before || before.now <= now) && (!after || after.now >= now);
}

const isStored = (c: Candidate): c is AtStoredPosition => 'raw' in c;
const context = (c: Scored) => c.prefix + c.suffix;
const strong = (c: Scored) => Math.max(c.prefix, c.suffix) >= STRONG_CONTEXT;
const perfect = (c: Scored) => context(c) >= 2 - CONTEXT_EPSILON;

// A blank line ends a block (the canonical text separates paragraphs with one).
const BLOCK_BREAK = /\n[^\S\n]*\n\s*/g;

/** The longest block of a quote that spans several, as offsets in the quote. */
function largestPiece(exact: string): { from: number; to: number } | null {
  let best: { from: number; to: number } | null = null;
  let from = 0;
  let pieces = 0;
  const consider = (to: number) => {
    pieces++;
    if (!best || to - from > best.to - best.from) best = { from, to };
  };
  for (const m of exact.matchAll(BLOCK_BREAK)) {
    consider(m.index);
    from = m.index + m[0].length;
  }
  consider(exact.length);
  return pieces > 1 ? best : null;
}

// How far from its old place a candidate still counts as there: some slack, more for long quotes.
const nearReach = (sel: Selector) => NEAR_SLACK + (sel.exact.length >> 2);

// Up to a quarter of the quote may be wrong in a fuzzy match (capped, as Myers's search slows with the budget).
const fuzzyBudget = (sel: Selector) => Math.min(256, Math.ceil(sel.exact.length * (1 - FUZZY_QUOTE_MIN)));

// Collapse prefix, quote and suffix together, so a white-space run that
// straddles a boundary collapses exactly as it does in the text.
function collapseSelector(quote: TextQuoteSelector): Selector {
  const whole = collapseWhiteSpace(quote.prefix + quote.exact + quote.suffix);
  const start = collapsedOffset(whole, quote.prefix.length);
  const end = quote.exact.length === 0 ? start : collapsedOffset(whole, quote.prefix.length + quote.exact.length - 1) + 1;
  // Contexts are taken at the same length on both sides, so the shorter one ran into an edge of the text.
  const startCut = quote.prefix.length > 0 && quote.prefix.length < quote.suffix.length;
  const endCut = quote.suffix.length > 0 && quote.suffix.length < quote.prefix.length;
  return { prefix: whole.text.slice(0, start), exact: whole.text.slice(start, end), suffix: whole.text.slice(end), startCut, endCut };
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
