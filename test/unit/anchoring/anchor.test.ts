import { describe, expect, it } from 'vitest';
import { anchorAll, anchorHighlight, type AnchorResult } from '../../../shared/anchoring/anchor';
import { quoteSelector, type TextPositionSelector } from '../../../shared/anchoring/text-quote';

const P1 = 'The ministry confirmed on Tuesday that five people were killed in the strike near the border crossing.';
const P2 = 'Witnesses said the convoy had stopped for fuel when the first missile hit, according to local reporters.';
const P3 = 'A spokesman declined to comment on whether the target had been identified in advance of the operation.';
const ARTICLE = [P1, P2, P3].join('\n\n');

function stored(text: string, quote: string, from = 0) {
  const start = text.indexOf(quote, from);
  if (start < 0) throw new Error(`not in text: ${quote}`);
  const position: TextPositionSelector = { type: 'TextPositionSelector', start, end: start + quote.length };
  return { quote: quoteSelector(text, start, start + quote.length), position };
}

const span = (text: string, r: AnchorResult) => text.slice(r.start, r.end);

describe('anchorHighlight', () => {
  it('anchors at the stored position when the text is unchanged', () => {
    const h = stored(ARTICLE, 'five people were killed');
    expect(anchorHighlight(ARTICLE, h.quote, h.position)).toMatchObject({ status: 'anchored', start: h.position.start, end: h.position.end });
  });

  it('anchors two overlapping highlights that share words', () => {
    const a = stored(ARTICLE, 'five people were killed in the strike');
    const b = stored(ARTICLE, 'killed in the strike near the border');
    const [ra, rb] = anchorAll(ARTICLE, [a, b]);
    expect(ra).toMatchObject({ status: 'anchored', start: a.position.start });
    expect(rb).toMatchObject({ status: 'anchored', start: b.position.start });
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
    const edited = [P1, 'An update was published at noon with new figures from the hospital.', P2, P3].join('\n\n');
    const r = anchorHighlight(edited, h.quote, h.position);
    expect(r.status).toBe('moved');
    expect(span(edited, r)).toBe('the convoy had stopped for fuel');
  });

  it('picks the right one of repeated words by their context, even after text was inserted before both', () => {
    const text = 'Officials said the attack was planned. Later, residents said the attack was unexpected and sudden.';
    const second = text.lastIndexOf('the attack was');
    const h = { quote: quoteSelector(text, second, second + 14), position: { type: 'TextPositionSelector' as const, start: second, end: second + 14 } };
    // Shift both occurrences so that the first now sits where the second was.
    const edited = `${'x'.repeat(second - text.indexOf('the attack was'))} ${text}`.slice(1);
    const r = anchorHighlight(edited, h.quote, h.position);
    expect(r.status).toBe('moved');
    expect(r.start).toBe(edited.lastIndexOf('the attack was'));
  });

  it('finds a very short quote by its context, not its first occurrence', () => {
    const text = 'He said no. She said no. They all said no to the plan in the end.';
    const at = text.indexOf('no to');
    const h = { quote: quoteSelector(text, at, at + 2), position: { type: 'TextPositionSelector' as const, start: at, end: at + 2 } };
    const edited = `Update: ${text}`;
    const r = anchorHighlight(edited, h.quote, h.position);
    expect(r.start).toBe(edited.indexOf('no to'));
    expect(r.end).toBe(edited.indexOf('no to') + 2);
  });

  it('never starts or ends a result inside a surrogate pair', () => {
    const text = `Protesters carried signs 🇺🇸 and 😀 chanted 𝐁𝐨𝐥𝐝 slogans in the square for hours.`;
    const h = stored(text, '😀 chanted 𝐁𝐨𝐥𝐝');
    const edited = text.replace('chanted', 'chantted').replace('square', 'main square');
    const r = anchorHighlight(edited, h.quote, h.position);
    expect(r.status).not.toBe('orphaned');
    for (const at of [r.start as number, r.end as number]) {
      const c = edited.charCodeAt(at);
      expect(c >= 0xdc00 && c <= 0xdfff).toBe(false);
    }
    expect(span(edited, r)).toContain('𝐁𝐨𝐥𝐝');
  });

  it('ignores white-space-only differences and maps back to the changed text', () => {
    const h = stored(ARTICLE, 'strike near the border crossing.\n\nWitnesses said');
    const edited = ARTICLE.replace(/ /g, '  ').replace('\n\n', '\n \n\n');
    const r = anchorHighlight(edited, h.quote, h.position);
    expect(r.status).toBe('moved');
    expect(span(edited, r).replace(/\s+/g, ' ')).toBe('strike near the border crossing. Witnesses said');
  });

  it('anchors fuzzily after small edits inside the quote', () => {
    const h = stored(ARTICLE, 'the convoy had stopped for fuel when the first missile hit');
    const edited = ARTICLE.replace('had stopped for fuel', 'had halted for fuel');
    const r = anchorHighlight(edited, h.quote, h.position);
    expect(r.status).toBe('fuzzy');
    expect(span(edited, r)).toBe('the convoy had halted for fuel when the first missile hit');
  });

  it('orphans a quote whose paragraph was deleted, rather than attaching it elsewhere', () => {
    const h = stored(ARTICLE, 'declined to comment on whether the target');
    const edited = [P1, P2].join('\n\n');
    expect(anchorHighlight(edited, h.quote, h.position)).toEqual({ status: 'orphaned' });
  });

  it('orphans a quote whose words now appear only in a different context', () => {
    const h = stored(ARTICLE, 'the strike');
    const edited = [P2, 'Analysts expect the strike to be debated in parliament next week, sources said.', P3].join('\n\n');
    expect(anchorHighlight(edited, h.quote, h.position)).toEqual({ status: 'orphaned' });
  });
});

describe('anchorAll', () => {
  it('returns one result per highlight, in order', () => {
    const hs = [stored(ARTICLE, 'five people'), stored(ARTICLE, 'first missile'), stored(ARTICLE, 'declined to comment')];
    const results = anchorAll(`Intro.\n\n${ARTICLE}`, hs);
    expect(results.map((r) => r.status)).toEqual(['moved', 'moved', 'moved']);
    expect(results.map((r) => span(`Intro.\n\n${ARTICLE}`, r))).toEqual(['five people', 'first missile', 'declined to comment']);
  });
});
