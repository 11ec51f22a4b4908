import { describe, expect, it } from 'vitest';
import { anchorAll, anchorHighlight, type AnchorResult, type StoredHighlight } from '../../../shared/anchoring/anchor';
import { quoteSelector, type TextPositionSelector } from '../../../shared/anchoring/text-quote';

const P1 = 'The ministry confirmed on Tuesday that five people were killed in the strike near the border crossing.';
const P2 = 'Witnesses said the convoy had stopped for fuel when the first missile hit, according to local reporters.';
const P3 = 'A spokesman declined to comment on whether the target had been identified in advance of the operation.';
const ARTICLE = [P1, P2, P3].join('\n\n');
// A paragraph that pages repeat (placeholder text, a boilerplate notice).
const LOREM = 'Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua.';

const blocks = (...ps: string[]) => ps.join('\n\n');

/** A highlight on the `nth` occurrence of `quote` in `text`, stored as the app stores it. */
function stored(text: string, quote: string, nth = 0): StoredHighlight & { position: TextPositionSelector } {
  let start = -1;
  for (let i = 0; i <= nth; i++) {
    start = text.indexOf(quote, start + 1);
    if (start < 0) throw new Error(`not in text (occurrence ${i}): ${quote}`);
  }
  return { quote: quoteSelector(text, start, start + quote.length), position: { type: 'TextPositionSelector', start, end: start + quote.length } };
}

/** Offset of the `nth` occurrence of `quote` in `text`. */
function nthIndex(text: string, quote: string, nth = 0): number {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(quote, at + 1);
  return at;
}

const span = (text: string, r: AnchorResult) => text.slice(r.start, r.end);

// What a user checks: the highlight is either marked orphaned, or sits on
// the words it was made on, at their place in the new text.
function expectOnOrOrphaned(r: AnchorResult, start: number, end: number): void {
  if (r.status === 'orphaned') return;
  expect(r.start).toBeGreaterThanOrEqual(start);
  expect(r.end).toBeLessThanOrEqual(end);
}

function expectWholeCodePoints(text: string, r: AnchorResult): void {
  const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;
  for (const at of [r.start as number, r.end as number]) {
    if (at > 0 && at < text.length) expect(isLow(text.charCodeAt(at))).toBe(false);
  }
  // No lone half of a pair anywhere in the span.
  expect(span(text, r)).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
}

describe('anchorHighlight', () => {
  it('anchors at the stored position when the text is unchanged', () => {
    const h = stored(ARTICLE, 'five people were killed');
    expect(anchorHighlight(ARTICLE, h.quote, h.position)).toMatchObject({ status: 'anchored', start: h.position.start, end: h.position.end });
  });

  it('anchors a quote that spans two paragraphs', () => {
    const h = stored(ARTICLE, 'border crossing.\n\nWitnesses said');
    const edited = `Breaking news.\n\n${ARTICLE}`;
    const r = anchorHighlight(edited, h.quote, h.position);
    expect(r.status).toBe('moved');
    expect(span(edited, r)).toBe('border crossing.\n\nWitnesses said');
  });

  it('reports a quote as moved after a paragraph is inserted before it', () => {
    const h = stored(ARTICLE, 'the convoy had stopped for fuel');
    const edited = blocks(P1, 'An update was published at noon with new figures from the hospital.', P2, P3);
    const r = anchorHighlight(edited, h.quote, h.position);
    expect(r.status).toBe('moved');
    expect(span(edited, r)).toBe('the convoy had stopped for fuel');
  });

  it('picks the right one of repeated words by their context, even after text was inserted before both', () => {
    const text = 'Officials said the attack was planned. Later, residents said the attack was unexpected and sudden.';
    const h = stored(text, 'the attack was', 1);
    // Shift both occurrences so that the first now sits where the second was.
    const edited = `${'x'.repeat(h.position.start - text.indexOf('the attack was'))} ${text}`.slice(1);
    const r = anchorHighlight(edited, h.quote, h.position);
    expect(r.status).toBe('moved');
    expect(r.start).toBe(edited.lastIndexOf('the attack was'));
  });

  it('finds a very short quote by its context, not its first occurrence', () => {
    const text = 'He said no. She said no. They all said no to the plan in the end.';
    const h = stored(text, 'no', 2);
    const edited = `Update: ${text}`;
    const r = anchorHighlight(edited, h.quote, h.position);
    expect(r.start).toBe(edited.indexOf('no to'));
    expect(r.end).toBe(edited.indexOf('no to') + 2);
  });

  it('anchors fuzzily after small edits inside the quote', () => {
    const h = stored(ARTICLE, 'the convoy had stopped for fuel when the first missile hit');
    const edited = ARTICLE.replace('had stopped for fuel', 'had halted for fuel');
    const r = anchorHighlight(edited, h.quote, h.position);
    expect(r.status).toBe('fuzzy');
    expect(span(edited, r)).toBe('the convoy had halted for fuel when the first missile hit');
  });

  it('keeps a highlight whose following sentence was corrected', () => {
    const h = stored(ARTICLE, 'the strike near the border crossing.');
    const edited = ARTICLE.replace('Witnesses said', 'Two witnesses told reporters');
    expect(anchorHighlight(edited, h.quote, h.position)).toMatchObject({ status: 'anchored', start: h.position.start, end: h.position.end });
  });

  it('orphans a quote whose paragraph was deleted, rather than attaching it elsewhere', () => {
    const h = stored(ARTICLE, 'declined to comment on whether the target');
    expect(anchorHighlight(blocks(P1, P2), h.quote, h.position)).toEqual({ status: 'orphaned' });
  });

  it('orphans a quote whose words now appear only in a different context', () => {
    const h = stored(ARTICLE, 'the strike');
    const edited = blocks(P2, 'Analysts expect the strike to be debated in parliament next week, sources said.', P3);
    expect(anchorHighlight(edited, h.quote, h.position)).toEqual({ status: 'orphaned' });
  });

  it('orphans an empty or blank quote', () => {
    const at = ARTICLE.indexOf(' ');
    const position: TextPositionSelector = { type: 'TextPositionSelector', start: at, end: at + 1 };
    expect(anchorHighlight(ARTICLE, quoteSelector(ARTICLE, at, at + 1), position)).toEqual({ status: 'orphaned' });
    expect(anchorHighlight(ARTICLE, quoteSelector(ARTICLE, at, at), { ...position, end: at })).toEqual({ status: 'orphaned' });
  });

  it('anchors by quote and context alone when the highlight has no stored position', () => {
    const h = stored(ARTICLE, 'declined to comment');
    const edited = `Preface.\n\n${ARTICLE}`;
    const r = anchorHighlight(edited, h.quote, null);
    expect(r.status).toBe('moved');
    expect(span(edited, r)).toBe('declined to comment');
  });
});

describe('overlapping highlights', () => {
  it('anchors two overlapping highlights that share words', () => {
    const a = stored(ARTICLE, 'five people were killed in the strike');
    const b = stored(ARTICLE, 'killed in the strike near the border');
    const [ra, rb] = anchorAll(ARTICLE, [a, b]);
    expect(ra).toMatchObject({ status: 'anchored', start: a.position.start });
    expect(rb).toMatchObject({ status: 'anchored', start: b.position.start });
  });

  it('moves overlapping and nested highlights together, keeping how they overlap', () => {
    const outer = stored(ARTICLE, 'the convoy had stopped for fuel when the first missile hit');
    const inner = stored(ARTICLE, 'stopped for fuel');
    const crossing = stored(ARTICLE, 'first missile hit, according to local reporters.\n\nA spokesman');
    const edited = blocks('Correction appended on Friday.', P1, P2, P3);
    const [ro, ri, rc] = anchorAll(edited, [outer, inner, crossing]) as [AnchorResult, AnchorResult, AnchorResult];
    for (const r of [ro, ri, rc]) expect(r.status).toBe('moved');
    expect(span(edited, ro)).toBe(outer.quote.exact);
    expect(span(edited, ri)).toBe('stopped for fuel');
    expect(span(edited, rc)).toBe(crossing.quote.exact);
    expect((ri.start as number) - (ro.start as number)).toBe(inner.position.start - outer.position.start);
    expect((rc.start as number) - (ro.start as number)).toBe(crossing.position.start - outer.position.start);
  });

  it('anchors highlights that start at the same offset', () => {
    const short = stored(ARTICLE, 'Witnesses said');
    const long = stored(ARTICLE, 'Witnesses said the convoy had stopped');
    const edited = ARTICLE.replace('The ministry', 'The defence ministry');
    const [rs, rl] = anchorAll(edited, [short, long]);
    expect(rs).toMatchObject({ status: 'moved', start: edited.indexOf('Witnesses said') });
    expect(rl).toMatchObject({ status: 'moved', start: edited.indexOf('Witnesses said'), end: edited.indexOf('stopped') + 'stopped'.length });
  });
});

describe('highlights across paragraphs', () => {
  const ACROSS = 'five people were killed in the strike near the border crossing.\n\nWitnesses said';

  it('keeps the larger part, marked fuzzy, when a paragraph is inserted inside the highlight', () => {
    const h = stored(ARTICLE, ACROSS);
    const edited = blocks(P1, 'Officials later revised the figure.', P2, P3);
    const r = anchorHighlight(edited, h.quote, h.position);
    expect(r.status).toBe('fuzzy');
    expect(span(edited, r)).toBe('five people were killed in the strike near the border crossing.');
  });

  it('keeps the surviving larger part when the paragraph with the smaller one is removed', () => {
    const h = stored(ARTICLE, ACROSS);
    const edited = blocks(P1, P3);
    const r = anchorHighlight(edited, h.quote, h.position);
    expect(r.status).toBe('fuzzy');
    expect(span(edited, r)).toBe('five people were killed in the strike near the border crossing.');
  });

  it('orphans the highlight when less than half of it survives', () => {
    const h = stored(ARTICLE, 'border crossing.\n\nWitnesses said the convoy had stopped for fuel');
    expect(anchorHighlight(blocks(P1, P3), h.quote, h.position)).toEqual({ status: 'orphaned' });
  });

  it('follows a highlight across three paragraphs when the text before it changes', () => {
    const h = stored(ARTICLE, 'crossing.\n\nWitnesses said the convoy had stopped for fuel when the first missile hit, according to local reporters.\n\nA spokesman');
    const edited = ARTICLE.replace('on Tuesday', 'late on Tuesday');
    const r = anchorHighlight(edited, h.quote, h.position);
    expect(r.status).toBe('moved');
    expect(span(edited, r)).toBe(h.quote.exact);
  });
});

describe('repeated passages', () => {
  const PAGE = blocks('Sample page', LOREM, 'First figure', LOREM, 'Second figure', LOREM, 'The end of the sample.');

  it('keeps every highlight on its own copy of a repeated paragraph when nothing changed', () => {
    const hs = [0, 1, 2].map((n) => stored(PAGE, 'tempor incididunt ut labore', n));
    const results = anchorAll(PAGE, hs);
    results.forEach((r, n) => expect(r).toMatchObject({ status: 'anchored', start: nthIndex(PAGE, 'tempor incididunt ut labore', n) }));
  });

  it('moves each highlight to its own copy when a paragraph is inserted before them', () => {
    const hs = [0, 1, 2].map((n) => stored(PAGE, 'tempor incididunt ut labore', n));
    const edited = PAGE.replace('Sample page', 'Sample page\n\nA short note.');
    const results = anchorAll(edited, hs);
    results.forEach((r, n) => expect(r).toMatchObject({ status: 'moved', start: nthIndex(edited, 'tempor incididunt ut labore', n) }));
  });

  it('uses the highlights that anchor unambiguously to place those in repeated paragraphs', () => {
    // The inserted paragraph is as long as a repeat, so the first copy now sits
    // where the second one was; only the neighbours tell which copy is which.
    const hs = [stored(PAGE, 'Sample page\n\nLorem'), stored(PAGE, 'tempor incididunt ut labore', 1), stored(PAGE, 'aliqua.\n\nThe end')];
    const filler = 'x'.repeat(nthIndex(PAGE, 'First figure') - nthIndex(PAGE, 'Sample page') - 2);
    const edited = PAGE.replace('Sample page', `Sample page\n\n${filler}`);
    const [, r] = anchorAll(edited, hs) as [AnchorResult, AnchorResult];
    expectOnOrOrphaned(r, nthIndex(edited, 'tempor incididunt ut labore', 1), nthIndex(edited, 'tempor incididunt ut labore', 1) + 27);
    expect(r.status).toBe('moved');
  });
});

describe('text outside the Basic Multilingual Plane', () => {
  it('never starts or ends a result inside a surrogate pair', () => {
    const text = `Protesters carried signs 🇺🇸 and 😀 chanted 𝐁𝐨𝐥𝐝 slogans in the square for hours.`;
    const h = stored(text, '😀 chanted 𝐁𝐨𝐥𝐝');
    const edited = text.replace('chanted', 'chantted').replace('square', 'main square');
    const r = anchorHighlight(edited, h.quote, h.position);
    expect(r.status).not.toBe('orphaned');
    expectWholeCodePoints(edited, r);
    expect(span(edited, r)).toContain('𝐁𝐨𝐥𝐝');
  });

  it('keeps whole emoji when the emoji at the edge of a highlight was swapped for another', () => {
    // 😀 and 😃 share their first UTF-16 unit, so a match could end between the two units.
    const text = 'At the rally the crowd waved and smiled 😀 for the cameras, then dispersed quietly before nightfall.';
    const h = stored(text, 'waved and smiled 😀');
    const edited = text.replace('😀', '😃');
    const r = anchorHighlight(edited, h.quote, h.position);
    expect(r.status).toBe('fuzzy');
    expectWholeCodePoints(edited, r);
    expect(span(edited, r)).toBe('waved and smiled 😃');
  });

  it('counts offsets in UTF-16 units when emoji and supplementary characters are inserted before a highlight', () => {
    const text = blocks('家族 𠮷野家 👨‍👩‍👧 report', ARTICLE);
    const h = stored(text, 'the first missile hit');
    const edited = text.replace('report', '🇯🇵 report 🎉🎉');
    const r = anchorHighlight(edited, h.quote, h.position);
    expect(r).toMatchObject({ status: 'moved', start: edited.indexOf('the first missile hit') });
    expect(r.start! - h.position.start).toBe('🇯🇵 '.length + ' 🎉🎉'.length);
  });

  it('anchors a highlight made of non-BMP characters only', () => {
    const text = 'Heading 𝔄𝔫𝔫𝔞𝔩𝔦𝔰𝔱 then ordinary text follows here, and more of it after.';
    const h = stored(text, '𝔄𝔫𝔫𝔞𝔩𝔦𝔰𝔱');
    const edited = `New first line.\n\n${text}`;
    const r = anchorHighlight(edited, h.quote, h.position);
    expect(r).toMatchObject({ status: 'moved' });
    expect(span(edited, r)).toBe('𝔄𝔫𝔫𝔞𝔩𝔦𝔰𝔱');
  });
});

describe('white space', () => {
  it('ignores white-space-only differences and maps back to the changed text', () => {
    const h = stored(ARTICLE, 'strike near the border crossing.\n\nWitnesses said');
    const edited = ARTICLE.replace(/ /g, '  ').replace('\n\n', '\n \n\n');
    const r = anchorHighlight(edited, h.quote, h.position);
    expect(r.status).toBe('moved');
    expect(span(edited, r).replace(/\s+/g, ' ')).toBe('strike near the border crossing. Witnesses said');
  });

  it('treats tabs, line breaks and no-break spaces as the spaces they replace', () => {
    const h = stored(ARTICLE, 'confirmed on Tuesday that five people');
    const edited = ARTICLE.replace('confirmed on', 'confirmed\ton').replace('Tuesday that', 'Tuesday\u00a0that').replace('five people', 'five\npeople');
    // Each replacement is one character for one, so the highlight is still at its offsets.
    expect(anchorHighlight(edited, h.quote, h.position)).toMatchObject({ status: 'anchored', start: h.position.start, end: h.position.end });
  });

  it('keeps a highlight across paragraphs when the paragraph break is reflowed to one line break', () => {
    const h = stored(ARTICLE, 'crossing.\n\nWitnesses');
    const edited = ARTICLE.replace('crossing.\n\n', 'crossing.\n');
    const r = anchorHighlight(edited, h.quote, h.position);
    expect(r.status).toBe('moved');
    expect(span(edited, r)).toBe('crossing.\nWitnesses');
  });

  it('does not include white space around the quote that was not highlighted', () => {
    const h = stored(ARTICLE, 'Witnesses said');
    const edited = ARTICLE.replace('\n\nWitnesses', '\n\n\n   Witnesses');
    const r = anchorHighlight(edited, h.quote, h.position);
    expect(span(edited, r)).toBe('Witnesses said');
  });
});

describe('anchorAll', () => {
  it('returns one result per highlight, in order', () => {
    const hs = [stored(ARTICLE, 'five people'), stored(ARTICLE, 'first missile'), stored(ARTICLE, 'declined to comment')];
    const results = anchorAll(`Intro.\n\n${ARTICLE}`, hs);
    expect(results.map((r) => r.status)).toEqual(['moved', 'moved', 'moved']);
    expect(results.map((r) => span(`Intro.\n\n${ARTICLE}`, r))).toEqual(['five people', 'first missile', 'declined to comment']);
  });

  it('gives the same answer as anchorHighlight for a lone highlight', () => {
    const h = stored(ARTICLE, 'the convoy had stopped');
    const edited = ARTICLE.replace('Witnesses said', 'Witnesses told us');
    expect(anchorAll(edited, [h])).toEqual([anchorHighlight(edited, h.quote, h.position)]);
  });

  it('re-anchors a correction that restores a paragraph at the top, drops one and fixes a slip inside a highlight', () => {
    const paras = [
      P1,
      P2,
      P3,
      'The Independent has requested comment from the ministry, the army and the office of the prime minister.',
      'Aid groups said the road had been used by civilians fleeing the fighting for most of the past month.',
      'Officials are facing growing legal and political scrutiny into the deadly campaign and its legal basis.',
    ];
    const text = blocks(...paras);
    const hs = [stored(text, 'the convoy had stopped for fuel'), stored(text, 'declined to comment'), stored(text, 'growing legal and political scrutiny into the deadly campaign')];
    const edited = blocks('Editor’s note: restored.', ...paras.filter((p) => !p.startsWith('The Independent')).map((p) => p.replace('political', 'politcal')));
    const results = anchorAll(edited, hs);
    expect(results.map((r) => r.status)).toEqual(['moved', 'moved', 'fuzzy']);
    expect(results.map((r) => span(edited, r))).toEqual(['the convoy had stopped for fuel', 'declined to comment', 'growing legal and politcal scrutiny into the deadly campaign']);
  });

  it('returns an empty list for no highlights', () => {
    expect(anchorAll(ARTICLE, [])).toEqual([]);
  });
});

// Each reproduces a way the benchmark (test/bench/anchoring.ts) once caught
// the engine attaching a highlight to the wrong words. They assert what a
// user would check: the highlight is on the words it was made on, or it is
// visibly orphaned.
describe('regressions: never the wrong words', () => {
  it('does not take a copy followed by more text for a highlight that ended near the end of the text', () => {
    // The stored suffix is cut short by the end of the text; a paragraph
    // inserted before the middle copy brought that copy to the old offset.
    const text = blocks('Intro', LOREM, 'Header one', LOREM, 'Header two', LOREM);
    const h = stored(text, 'tempor incididunt ut labore', 2);
    const edited = blocks('Intro', LOREM, 'Header one', 'An inserted paragraph, long enough to bring the middle copy to where the last one was.', LOREM, 'Header two', LOREM);
    const want = edited.lastIndexOf('tempor incididunt ut labore');
    expectOnOrOrphaned(anchorHighlight(edited, h.quote, h.position), want, want + 27);
  });

  it('does not stay at the stored offsets when the context there says another copy slid in', () => {
    // Identical paragraphs, the first removed: the stored offsets now show
    // the last copy, after which the text ends, though more text followed.
    const text = blocks('Sample', LOREM, LOREM, LOREM, LOREM);
    const h = stored(text, 'et dolore magna aliqua.', 2);
    const edited = blocks('Sample', LOREM, LOREM, LOREM);
    const want = nthIndex(edited, 'et dolore magna aliqua.', 1);
    expectOnOrOrphaned(anchorHighlight(edited, h.quote, h.position), want, want + 23);
    expectOnOrOrphaned(anchorAll(edited, [stored(text, 'Sample\n\nLorem ipsum'), h])[1] as AnchorResult, want, want + 23);
  });

  it('does not attach a highlight in a removed paragraph to the next, nearly identical one', () => {
    const item = (n: string) => `Regarding item# ${n}, under sufficiently extreme conditions, quarks may become deconfined and exist as free particles.`;
    const text = blocks(item('11111'), item('22222'), item('33333'));
    const h = stored(text, 'under sufficiently extreme conditions, quarks may become deconfined');
    expect(anchorHighlight(blocks(item('22222'), item('33333')), h.quote, h.position)).toEqual({ status: 'orphaned' });
  });

  it('does not jump to a distant copy with weaker context when the highlighted words were edited', () => {
    const text = 'Both interfaces have a flag that says whether it is safe to read.\n\nvar res = new Response("one time use"); console.log(res.bodyUsed); // false res.text().then(function(v) { console.log(res.bodyUsed); // true }); console.log(res.bodyUsed); // true res.text().catch(function(e) { console.log("Tried to read a used Response"); });';
    const h = stored(text, 'console.log(res.bodyUsed);');
    const edited = text
      .replace('console.log(res.bodyUsed); // false res.text().then(', ' on olte.log(res.bodysed); // false mres.text()i.then(')
      .replace('console.log(res.bodyUsed); // true })', 'console.log(res.bodyUsed) // truer })')
      .replace('console.log(res.bodyUsed); // true res.text().catch(function', 'console.log(res.bodyUsed); // tyve res.text().catch( untioon');
    const r = anchorHighlight(edited, h.quote, h.position);
    const truth = edited.indexOf('on olte.log');
    expectOnOrOrphaned(r, truth - 2, truth + 26);
  });

  it('does not take an edited-looking passage near the old offset over the exact words that moved with the text', () => {
    // A removed opening paragraph as long as one repeat brings a similar
    // boundary (another caption) to where the highlighted one was.
    const H1 = 'Single figure\n\nCaption of the figure';
    const H2 = 'Single image\n\nCaption of the image';
    const opening = 'An opening paragraph that the new version drops. '.repeat(4).slice(0, LOREM.length + H1.length + 2);
    const text = blocks(opening, LOREM, H1, LOREM, H2, LOREM);
    const quote = 'ut labore et dolore magna aliqua.\n\nSingle figure\n\nCaption of the figure\n\nLorem ipsum dolor sit amet,';
    const hs = [stored(text, 'Lorem ipsum dolor sit amet, consectetur', 1), stored(text, quote), stored(text, 'aliqua.\n\nSingle image')];
    const edited = blocks(LOREM, H1, LOREM, H2, LOREM);
    const want = edited.indexOf(quote);
    expectOnOrOrphaned(anchorHighlight(edited, hs[1]!.quote, hs[1]!.position), want, want + quote.length);
    expect(anchorAll(edited, hs)[1]).toMatchObject({ status: 'moved', start: want, end: want + quote.length });
  });

  it('does not attach a highlight split by an inserted paragraph to a similar passage elsewhere', () => {
    const text = blocks(LOREM, 'Single image', LOREM, 'Single figure', LOREM, 'The end of the story.');
    const quote = 'dolore magna aliqua.\n\nSingle figure\n\nLorem ipsum dolor sit amet, consectetur';
    const hs = [stored(text, 'aliqua.\n\nSingle image'), stored(text, quote), stored(text, 'aliqua.\n\nThe end')];
    const edited = blocks(LOREM, 'Single image', LOREM, 'Single figure', 'A new paragraph was inserted right here by the editor.', LOREM, 'The end of the story.');
    const [before, r, after] = anchorAll(edited, hs) as [AnchorResult, AnchorResult, AnchorResult];
    const from = edited.indexOf('dolore magna aliqua.\n\nSingle figure');
    expectOnOrOrphaned(r, from, edited.indexOf('consectetur', from) + 'consectetur'.length);
    expect(r.start === undefined || !span(edited, r).includes('A new paragraph')).toBe(true);
    expect(before).toMatchObject({ status: 'anchored' });
    expect(after).toMatchObject({ status: 'moved', start: edited.indexOf('aliqua.\n\nThe end') });
  });

  it('moves neighbours in a repeated paragraph only onto copies that read exactly like their highlights', () => {
    // The highlight across "Secondary header" was split by an inserted
    // paragraph; a verbatim copy of it sits at the next header. Whether it and
    // its neighbours stay or follow that copy, each must read exactly as it
    // did, words and 32 characters either side.
    const head = 'Secondary header';
    const text = blocks(LOREM, head, LOREM, head, LOREM);
    const hs = [stored(text, 'sed do eiusmod tempor'), stored(text, 'magna aliqua.\n\nSecondary header\n\nLorem ipsum'), stored(text, 'sed do eiusmod tempor', 1)];
    const edited = blocks(LOREM, 'Short note.', head, LOREM, head, LOREM);
    const around = (t: string, start: number, end: number) => t.slice(Math.max(0, start - 32), end + 32);
    anchorAll(edited, hs).forEach((r, i) => {
      const h = hs[i]!;
      if (r.status === 'orphaned') return;
      expect(around(edited, r.start!, r.end!)).toBe(around(text, h.position.start, h.position.end));
    });
  });
});
