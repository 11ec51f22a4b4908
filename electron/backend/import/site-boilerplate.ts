import { type Block, type TextBlock } from '../../../shared/content/doc';
import { blockText, textBlocksOf } from '../../../shared/content/canonical-text';

// The furniture a web page puts after an article ("Related Articles", "Leave
// a Reply", "Subscribe now to keep reading", "Tags", share buttons, copyright
// lines) comes along when a page is saved as text. It is cut from the END of
// the article only, block by block, stopping at the first block that is not
// furniture, so the article's own text is never touched.

/** Patterns for a whole block of page furniture, tested on its lower-cased, trimmed text. */
const FURNITURE: RegExp[] = [
  /^related(\s+(articles?|posts?|stories|news|content|coverage|reading|topics|links))?\s*:?$/,
  /^related\s*:/,
  /^(you (may|might) also like|recommended( for you| stories| articles| reading)?|more (stories|articles|news)|most (read|popular|viewed|shared)|trending( now| stories)?|popular (posts|stories|articles)|latest (posts|stories|news)|what to read next|further reading)\s*:?$/,
  /^(read (more|next|also|this next)|see also|also read)\b/,
  /^(leave|post|add|write) a (reply|comment|response)/,
  /^(\d+\s+)?(comments?|responses?|replies)(\s*\(\d+\))?\s*:?$/,
  /^(join the (conversation|discussion)|(show|view|load|hide) comments|cancel reply)/,
  /^((back|scroll|go) to top|top)( button)?$/,
  /^discover more from\s/,
  /^subscribe\b/,
  /^(sign up|signup|register)\b.*\bnewsletters?\b/,
  /^(get|receive) (our|the) .*\bnewsletters?\b/,
  /^newsletters?( sign[- ]?up)?$/,
  /^(continue|keep) reading\b/,
  /^tags?\s*(:.*)?$/,
  /^(filed|posted) (under|in)\s*:?\s/,
  /^categor(y|ies)\s*:/,
  /^share(\s+(this|the))?(\s+(article|story|post|page|on|via))?(\s*:)?$/,
  /^share (this )?(on|via|with)\s/,
  /^(click|tap) (here )?to (share|print|email|tweet)/,
  /^((facebook|twitter|x|whatsapp|linkedin|telegram|e-?mail|print|pinterest|reddit|tumblr|pocket|copy link|share|messenger)[\s,|•·/]*)+$/,
  /^like this\s*:?$/,
  /^like( loading)?\s*(…|\.\.\.)?$/,
  /^(advertisement|advertising|sponsored( content)?|ad|promoted)$/,
  /^(story )?continues below( (the )?advertisement)?/,
  /\bfollow us (on|at|in|for)\b/,
  /^follow\s.*\bon (facebook|twitter|x|instagram|telegram|whatsapp|google news|linkedin|threads|bluesky)\b/,
  /^for more\s*:/,
  /^source of (the )?(information|news|images?|photos?)\b/,
  /^(copyright|©|\(c\)\s*\d{4})/,
  /\ball rights reserved\b/,
  /^(previous|next|older|newer) (article|post|story|entry)\b/,
  /^(print|email)( this)?( article| page| story)?$/,
  /^loading\s*(…|\.\.\.)?$/,
  /^(proudly )?powered by\s/,
  /^(we|this (site|website)|our (site|website)) uses? cookies\b/,
  /^(accept|manage|reject) (all )?cookies\b/,
  /^(report an? (error|typo|correction)|was this (article|story) helpful)/,
  /^((privacy( policy)?|terms( of (use|service))?|contact( us)?|about( us)?|cookie policy|sitemap|advertise( with us)?|home)[\s|•·,]*)+$/,
];

const MAX_WORDS = 30;
const MAX_CHARS = 250;

/** Whether a block's text is page furniture (short, and matching a known pattern). */
export function isSiteBoilerplate(text: string): boolean {
  if (text.length > MAX_CHARS + 20) return false;
  const t = text
    .trim()
    .replace(/^[-*•◦▪‣·]\s*/u, '')
    .replace(/[\s.!…]+$/u, '')
    .toLocaleLowerCase();
  if (!t || t.length > MAX_CHARS || t.split(/\s+/).length > MAX_WORDS) return false;
  return FURNITURE.some((pattern) => pattern.test(t));
}

/** "Discover more from Elrisala" → "Elrisala". */
export function siteNameFrom(text: string): string | null {
  const m = /^discover more from\s+(.+?)[\s.!:…]*$/iu.exec(text.trim());
  return m?.[1] ?? null;
}

export interface TrailingBoilerplate {
  blocks: Block[];
  /** The site's name when the furniture gives it ("Discover more from X"). */
  siteName: string | null;
  /** The texts that were cut, in document order. */
  removed: string[];
}

function texts(block: Block): string[] {
  return textBlocksOf({ type: 'doc', content: [block] }).map((b: TextBlock) => blockText(b));
}

/**
 * Cuts page furniture from the end of an article: whole blocks, and the
 * trailing items of a final list, for as long as they match. Never looks
 * past the first block (from the end) that is real text.
 */
export function stripTrailingBoilerplate(blocks: Block[]): TrailingBoilerplate {
  const kept = [...blocks];
  const removed: string[] = [];
  let siteName: string | null = null;
  const note = (text: string) => {
    removed.unshift(text);
    siteName ??= siteNameFrom(text);
  };
  while (kept.length > 0) {
    const last = kept[kept.length - 1]!;
    if (last.type === 'bulletList' || last.type === 'orderedList') {
      const items = [...last.content];
      while (items.length > 0) {
        const itemTexts = texts({ type: 'blockquote', content: items[items.length - 1]!.content });
        if (!itemTexts.every(isSiteBoilerplate)) break;
        itemTexts.reverse().forEach(note);
        items.pop();
      }
      if (items.length > 0) {
        kept[kept.length - 1] = { ...last, content: items } as Block;
        break;
      }
      kept.pop();
      continue;
    }
    const blockTexts = texts(last);
    if (blockTexts.length === 0 || !blockTexts.every(isSiteBoilerplate)) break;
    blockTexts.reverse().forEach(note);
    kept.pop();
  }
  return { blocks: kept, siteName, removed };
}

/**
 * Page chrome a saved page puts BEFORE the article: skip links, a menu of
 * sections, "Advertisement", "Listen to this article". Tested like
 * FURNITURE on the lower-cased, trimmed text of a whole block.
 */
const LEADING_CHROME: RegExp[] = [
  /^(skip|jump) to (the )?(main )?(content|navigation|article|menu|search)$/,
  /^(advertisement|advertising|sponsored( content)?|ad|promoted)$/,
  /^(listen to (this )?(article|story)|play audio)( \d+ min(utes)?)?$/,
  /^(menu|search|sign in|log in|subscribe|home)$/,
];

/** "World | Americas | Business | Opinion": a menu of three or more short items. */
function isMenuLine(text: string): boolean {
  const items = text.split(/\s+[|•·]\s+/u);
  return items.length >= 3 && items.every((item) => item.length > 0 && item.split(/\s+/).length <= 3);
}

/**
 * Cuts page chrome from the start of an article, whole blocks only, and
 * stops at the first block that is not chrome: a section label ("USA") or
 * the title stays for the title finder.
 */
export function stripLeadingChrome(blocks: Block[]): Block[] {
  let start = 0;
  for (; start < blocks.length; start++) {
    const block = blocks[start]!;
    if (block.type !== 'paragraph' && block.type !== 'heading') break;
    const text = blockText(block).trim();
    const t = text.replace(/[\s.!…:]+$/u, '').toLocaleLowerCase();
    if (!t || !(LEADING_CHROME.some((pattern) => pattern.test(t)) || isMenuLine(text))) break;
  }
  return start === blocks.length ? blocks : blocks.slice(start);
}
