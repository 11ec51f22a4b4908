import { type Block } from '../../../shared/content/doc';
import { blockText, textBlocksOf } from '../../../shared/content/canonical-text';

// Finding an article's title among its first blocks, and taking it out of
// the body so that it is not shown twice.
//
// In order: a title the file states (front matter); a leading "# H1" in
// Markdown; the first line when it reads like a title (short, no closing full
// stop), after a one- or two-word section label such as "USA" if there is
// one; otherwise a title made from the first sentence, marked as inferred.
// Lines that repeat the title right after it (saved web pages often carry the
// headline twice) are dropped too.

export const TITLE_INFERRED_SOURCE = 'inferred from the text';

export interface TitleChoice {
  title: string;
  titleInferred: boolean;
  /** Where the title came from, for fieldSources. */
  titleSource: string;
  section: string | null;
  /** The article's blocks without the title, the section label and repeats of the title. */
  blocks: Block[];
}

export interface TitleOptions {
  /** A title the file states outright (front matter). */
  statedTitle?: string;
  statedTitleSource?: string;
  /** Markdown: a first-level heading at the top is the title. */
  leadingH1IsTitle?: boolean;
}

const INFERRED_MAX = 90;
const DANGLING = new Set('a an the of in on at to for and or but nor with by from as into than that which who'.split(' '));
const CUT_AT = 80;

function wordsIn(text: string): string[] {
  return text.split(/\s+/).filter(Boolean);
}

/** Text for comparing titles: case, quotes, punctuation and spacing ignored. */
function titleKey(text: string): string {
  return text
    .normalize('NFKC')
    .toLocaleLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export function sameTitle(a: string, b: string): boolean {
  const key = titleKey(a);
  return key !== '' && key === titleKey(b);
}

/** A line that can be a headline: short, a phrase rather than a sentence with a closing full stop. */
export function isTitleLike(text: string): boolean {
  if (text.length > 200 || wordsIn(text).length > 30) return false;
  if (!/\p{L}/u.test(text)) return false;
  return !/[.,;:]["”’»)\]]*$/u.test(text) || /\.\.\.$|…$/u.test(text);
}

/** A section label above a headline: one or two words ("USA", "World news"), or up to three in capitals. */
export function isSectionLabel(text: string): boolean {
  const words = wordsIn(text);
  const allCaps = text === text.toLocaleUpperCase() && text !== text.toLocaleLowerCase();
  if (text.length > 30 || words.length === 0 || words.length > (allCaps ? 3 : 2)) return false;
  return /^\p{L}/u.test(text) && !/[.!?,;:…]$/u.test(text);
}

function textOf(block: Block | undefined): string | null {
  return block && (block.type === 'paragraph' || block.type === 'heading') ? blockText(block) : null;
}

function dropRepeats(blocks: Block[], title: string): Block[] {
  let i = 0;
  while (i < blocks.length && sameTitle(textOf(blocks[i]) ?? '', title)) i++;
  return blocks.slice(i);
}

const ABBREVIATIONS = new Set(
  (
    'mr mrs ms dr prof st sen rep gov gen col lt sgt capt cmdr adm maj pres jr sr inc co corp ltd no nos vs ' +
    'etc approx dept est fig jan feb mar apr jun jul aug sep sept oct nov dec mt ft'
  ).split(' '),
);

function isAbbreviation(word: string): boolean {
  const w = word.replace(/^["“‘'([]+/u, '');
  if (/^\p{L}$/u.test(w)) return true; // an initial: "J. Smith"
  if (/^(\p{L}\.)+\p{L}$/u.test(w)) return true; // "U.S", "e.g"
  return ABBREVIATIONS.has(w.toLocaleLowerCase());
}

/** The first sentence of a paragraph (the whole paragraph when it has one sentence). */
export function firstSentence(text: string): string {
  const end = /[.!?…]+["”’»)\]]*(?=\s+["“‘'([]?[\p{Lu}\p{N}])/gu;
  for (const m of text.matchAll(end)) {
    const before = text.slice(0, m.index);
    const word = /(\S+)$/u.exec(before)?.[1] ?? '';
    if (m[0].startsWith('.') && m[0].length === 1 && isAbbreviation(word)) continue;
    return text.slice(0, m.index + m[0].length).trim();
  }
  return text.trim();
}

/**
 * A short title made from an article's opening: its first sentence without
 * the full stop when that is at most 90 characters, else the sentence's first
 * words up to 80 characters, cut between words (not after "in", "the"...),
 * with "…".
 */
export function inferTitle(text: string): string {
  const sentence = firstSentence(text);
  if (sentence.length <= INFERRED_MAX) return sentence.replace(/(?<!\.)\.$/u, '');
  let cut = sentence.slice(0, CUT_AT + 1);
  const space = cut.lastIndexOf(' ');
  cut = space > CUT_AT / 2 ? cut.slice(0, space) : sentence.slice(0, CUT_AT);
  // A cut title ends on a word that carries meaning: "…on a dock…", not "…on a dock in…".
  let words = cut.replace(/[\s,;:.\-–—(“"'‘]+$/u, '').split(' ');
  while (words.length > 3 && DANGLING.has(words[words.length - 1]!.toLocaleLowerCase())) words = words.slice(0, -1);
  return `${words.join(' ').replace(/[\s,;:.\-–—(“"'‘]+$/u, '')}…`;
}

/** Chooses the title and returns the blocks the body keeps. */
export function chooseTitle(blocks: Block[], options: TitleOptions = {}): TitleChoice {
  const withoutTitle = (rest: Block[]) => (rest.length > 0 ? rest : blocks);
  const [first, second] = [textOf(blocks[0]), textOf(blocks[1])];

  if (options.statedTitle) {
    const title = options.statedTitle;
    const source = options.statedTitleSource ?? 'front matter';
    if (first !== null && second !== null && isSectionLabel(first) && sameTitle(second, title)) {
      return { title, titleInferred: false, titleSource: source, section: first, blocks: withoutTitle(dropRepeats(blocks.slice(2), title)) };
    }
    return { title, titleInferred: false, titleSource: source, section: null, blocks: withoutTitle(dropRepeats(blocks, title)) };
  }

  const lead = blocks[0];
  if (options.leadingH1IsTitle && lead?.type === 'heading' && lead.attrs.level === 1 && first) {
    return { title: first, titleInferred: false, titleSource: 'first heading', section: null, blocks: withoutTitle(dropRepeats(blocks.slice(1), first)) };
  }

  if (first !== null && second !== null && blocks.length > 2 && isSectionLabel(first) && isTitleLike(second) && !isSectionLabel(second)) {
    return { title: second, titleInferred: false, titleSource: 'first line', section: first, blocks: withoutTitle(dropRepeats(blocks.slice(2), second)) };
  }

  if (first !== null && blocks.length > 1 && isTitleLike(first)) {
    const source = lead?.type === 'heading' && options.leadingH1IsTitle ? 'first heading' : 'first line';
    return { title: first, titleInferred: false, titleSource: source, section: null, blocks: withoutTitle(dropRepeats(blocks.slice(1), first)) };
  }

  const opening = textBlocksOf({ type: 'doc', content: blocks })[0];
  const title = opening ? inferTitle(blockText(opening)) : '';
  return { title, titleInferred: true, titleSource: TITLE_INFERRED_SOURCE, section: null, blocks };
}
