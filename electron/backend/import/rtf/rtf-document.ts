import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import iconv from 'iconv-lite';
import { Tokenize } from 'rtf-stream-parser';
import { ProcessTokens } from 'rtf-stream-parser/dist/src/ProcessTokens.js';
import type { ProcessTokensGlobalState, ProcessTokensGroupState } from 'rtf-stream-parser/dist/src/ProcessTokens.types.js';
import { checkVersion } from 'rtf-stream-parser/dist/src/features/checkVersion.js';
import { countTokens } from 'rtf-stream-parser/dist/src/features/countTokens.js';
import { handleCharacterSet } from 'rtf-stream-parser/dist/src/features/handleCharacterSet.js';
import { handleControlsAndDestinations } from 'rtf-stream-parser/dist/src/features/handleControlsAndDestinations.js';
import { handleFonts } from 'rtf-stream-parser/dist/src/features/handleFonts.js';
import { handleGroupState } from 'rtf-stream-parser/dist/src/features/handleGroupState.js';
import { handleOutput } from 'rtf-stream-parser/dist/src/features/handleOutput.js';
import { handleUnicodeSkip } from 'rtf-stream-parser/dist/src/features/handleUnicodeSkip.js';
import { handleTextEscapes } from 'rtf-stream-parser/dist/src/features/textEscapes.js';
import type { ControlHandlers, FeatureHandler } from 'rtf-stream-parser/dist/src/features/types.js';
import type { ControlToken, Token } from 'rtf-stream-parser/dist/src/tokenize.js';

// An RTF file as paragraphs of formatted runs plus its {\info} group.
//
// rtf-stream-parser tokenizes and does the hard, well-tested part: group
// state, destinations, \ansicpg and per-font \fcharset code pages, \'hh
// bytes decoded with iconv-lite, \uN with its \ucN fallback skipped. Its own
// ToPlainText flattens everything into one string, so this is a sibling of it
// built from the same feature handlers, plus one handler of ours that keeps
// what an article needs: paragraph ends, bold and italic, the paragraph's
// style and outline level (headings), list-number text (\listtext, \pntext),
// hyperlink fields, and the document information. Text of every other
// destination (font and colour tables, pictures, headers, footnotes,
// field instructions, \* extensions) never reaches the article.

export interface RtfRun {
  text: string;
  bold: boolean;
  italic: boolean;
  /** A web or mail address from a HYPERLINK field around the run. */
  href: string | null;
}

export interface RtfParagraph {
  runs: RtfRun[];
  /** The \sN paragraph style, resolved to its stylesheet name ("Heading 1"). */
  styleName: string | null;
  /** \outlinelevelN: 0 for a first-level heading. */
  outlineLevel: number | null;
  /** The text of the paragraph's \listtext or \pntext ("•\t", "2.\t"), when it is a list item. */
  listMarker: string | null;
  /** \lsN: which list the item belongs to. */
  listId: number | null;
}

export interface RtfCreationTime {
  year: number;
  month: number;
  day: number;
  hour: number | null;
  minute: number | null;
}

export interface RtfInfo {
  title: string | null;
  author: string | null;
  keywords: string | null;
  subject: string | null;
  created: RtfCreationTime | null;
}

export interface RtfDocument {
  paragraphs: RtfParagraph[];
  info: RtfInfo;
  /** False when the file ends before its groups are closed (a cut-short file). */
  complete: boolean;
}

const INFO_FIELDS = ['title', 'author', 'keywords', 'subject'] as const;
type InfoField = (typeof INFO_FIELDS)[number];

/** Destinations whose text is the article's body text. */
const BODY_DESTINATIONS = new Set(['rtf', 'field', 'fldrslt']);

/** What each group remembers: the library's state plus character formatting and where its text goes. */
interface GroupState extends ProcessTokensGroupState {
  bold?: boolean;
  italic?: boolean;
  hidden?: boolean;
  /** In the stylesheet: the \sN of the style being defined. */
  styleIndex?: number;
  /** The field this group is part of; shared (by reference) with its inner groups. */
  field?: { instruction: string };
}

type Route =
  | { to: 'body' }
  | { to: 'info'; field: InfoField }
  | { to: 'style'; index: number }
  | { to: 'list-marker' }
  | { to: 'field-instruction' }
  | { to: 'nowhere' };

const paramOr = (token: ControlToken, fallback: number) => (typeof token.param === 'number' ? token.param : fallback);
const on = (token: ControlToken) => token.param !== 0;

/** iconv-lite for the code pages RTF names ("cp1252", "cp10000"); Latin-1 (never a throw) for the rest. */
function decodeCodePage(buf: Buffer, encoding: string): string {
  if (iconv.encodingExists(encoding)) return iconv.decode(buf, encoding);
  if (encoding === 'cp10000') return iconv.decode(buf, 'macintosh');
  return buf.toString('latin1');
}

class RtfStructure extends ProcessTokens {
  readonly paragraphs: RtfParagraph[] = [];
  readonly info: RtfInfo = { title: null, author: null, keywords: null, subject: null, created: null };
  readonly warnings: string[] = [];
  private readonly styleNames = new Map<number, string>();
  private paragraph: RtfParagraph = RtfStructure.emptyParagraph();
  private infoText: Partial<Record<InfoField, string>> = {};

  // ProcessTokens reads this list for every token; ours comes before the
  // library's text escapes so that \par, \line and \tab are ours.
  override readonly _featureHandlers: FeatureHandler<ProcessTokensGlobalState>[];

  constructor() {
    super({ decode: decodeCodePage, replaceSymbolFontChars: true, warn: (message) => this.warnings.push(message) });
    this._featureHandlers = [
      countTokens,
      checkVersion,
      handleGroupState,
      handleUnicodeSkip,
      handleControlsAndDestinations,
      this.oldCharacterSets(),
      handleCharacterSet,
      handleFonts,
      handleOutput,
      this.structure(),
      handleTextEscapes,
      // Text going nowhere is dropped before it is decoded.
      { outputDataFilter: () => (this.route().to === 'nowhere' ? true : undefined) },
    ];
  }

  private static emptyParagraph(from?: RtfParagraph): RtfParagraph {
    return {
      runs: [],
      styleName: from?.styleName ?? null,
      outlineLevel: from?.outlineLevel ?? null,
      listMarker: null,
      listId: from?.listId ?? null,
    };
  }

  private get group(): GroupState {
    return this._state as GroupState;
  }

  private destinations(): Set<string> {
    const all = new Set<string>();
    // The library chains each group's set to its parent's by prototype.
    for (const name in this.group.allDestinations ?? {}) all.add(name);
    return all;
  }

  /** Where text in the current group belongs. */
  private route(): Route {
    const dests = this.destinations();
    // {\upr{ANSI text}{\*\ud{Unicode text}}}: the same text twice; keep the Unicode one.
    if (dests.has('upr') && !dests.has('ud')) return { to: 'nowhere' };
    dests.delete('upr');
    dests.delete('ud');
    if (dests.has('info')) {
      const field = INFO_FIELDS.find((name) => dests.has(name));
      return field ? { to: 'info', field } : { to: 'nowhere' };
    }
    if (dests.has('stylesheet')) return this.group.styleIndex !== undefined ? { to: 'style', index: this.group.styleIndex } : { to: 'nowhere' };
    if (dests.has('listtext') || dests.has('pntext')) return { to: 'list-marker' };
    if (dests.has('fldinst')) return this.group.field ? { to: 'field-instruction' } : { to: 'nowhere' };
    for (const name of dests) if (!BODY_DESTINATIONS.has(name)) return { to: 'nowhere' };
    return this.group.hidden ? { to: 'nowhere' } : { to: 'body' };
  }

  /** Whether the current group is part of the body (paragraph controls apply), hidden text included. */
  private inBody(): boolean {
    for (const name in this.group.allDestinations ?? {}) if (!BODY_DESTINATIONS.has(name)) return false;
    return true;
  }

  /** Where decoded text arrives (the library would push it down the stream). */
  override _pushOutputData(text: string): void {
    const route = this.route();
    switch (route.to) {
      case 'body': {
        const href = this.group.field ? hyperlinkTarget(this.group.field.instruction) : null;
        this.paragraph.runs.push({ text, bold: this.group.bold === true, italic: this.group.italic === true, href });
        break;
      }
      case 'info':
        this.infoText[route.field] = (this.infoText[route.field] ?? '') + text;
        break;
      case 'style':
        this.styleNames.set(route.index, (this.styleNames.get(route.index) ?? '') + text);
        break;
      case 'list-marker':
        this.paragraph.listMarker = (this.paragraph.listMarker ?? '') + text;
        break;
      case 'field-instruction':
        this.group.field!.instruction += text;
        break;
      case 'nowhere':
        break;
    }
  }

  private endParagraph(): void {
    if (this.paragraph.runs.some((r) => r.text.trim() !== '')) this.paragraphs.push(this.paragraph);
    this.paragraph = RtfStructure.emptyParagraph(this.paragraph);
  }

  /** Old Mac and DOS RTF name their character set with a word the library refuses. */
  private oldCharacterSets(): FeatureHandler<ProcessTokensGlobalState> {
    const set = (codePage: number) => () => {
      if (!this._ansicpg) this._cpg = codePage;
      return true as const;
    };
    return { controlHandlers: { mac: set(10000), pc: set(437), pca: set(850) } };
  }

  private structure(): FeatureHandler<ProcessTokensGlobalState> {
    const bodyOnly = (fn: (token: ControlToken) => void) => (_: unknown, token: ControlToken) => {
      if (this.inBody()) fn(token);
    };
    const creation = (part: keyof RtfCreationTime) => (_: unknown, token: ControlToken) => {
      if (this.group.destination !== 'creatim') return;
      this.info.created ??= { year: 0, month: 0, day: 0, hour: null, minute: null };
      this.info.created[part] = paramOr(token, 0);
    };
    const breakParagraph = () => {
      if (this.inBody()) this.endParagraph();
      return true as const;
    };
    const space = () => {
      this._pushOutput(' ');
      return true as const;
    };
    const handlers: ControlHandlers<ProcessTokensGlobalState> = {
      b: (_, token) => void (this.group.bold = on(token)),
      i: (_, token) => void (this.group.italic = on(token)),
      v: (_, token) => void (this.group.hidden = on(token)),
      plain: () => {
        this.group.bold = false;
        this.group.italic = false;
        this.group.hidden = false;
      },
      par: breakParagraph,
      page: breakParagraph,
      sect: breakParagraph,
      cell: breakParagraph,
      row: breakParagraph,
      line: space,
      tab: space,
      pard: bodyOnly(() => {
        this.paragraph.styleName = null;
        this.paragraph.outlineLevel = null;
        this.paragraph.listId = null;
      }),
      s: (_, token) => {
        if (this.group.destination === 'stylesheet') this.group.styleIndex = paramOr(token, 0);
        else if (this.inBody()) this.paragraph.styleName = this.styleNames.get(paramOr(token, 0))?.replace(/;\s*$/, '').trim() ?? null;
      },
      outlinelevel: bodyOnly((token) => (this.paragraph.outlineLevel = paramOr(token, 0))),
      ls: bodyOnly((token) => (this.paragraph.listId = paramOr(token, 0))),
      field: () => void (this.group.field = { instruction: '' }),
      yr: creation('year'),
      mo: creation('month'),
      dy: creation('day'),
      hr: creation('hour'),
      min: creation('minute'),
    };
    return { controlHandlers: handlers };
  }

  finish(): void {
    this.endParagraph();
    for (const field of INFO_FIELDS) {
      const text = this.infoText[field]?.replace(/\s+/g, ' ').trim();
      this.info[field] = text ? text : null;
    }
  }

  /** ProcessTokens is a stream; these let a pipeline drive it without reading its (empty) output. */
  override _transform(token: Token, _encoding: string | undefined, done: (error?: unknown) => void): void {
    done(this._handleToken(token));
  }
}

/** The address of a HYPERLINK field instruction (HYPERLINK "https://…"), or null. */
function hyperlinkTarget(instruction: string): string | null {
  const m = /^\s*HYPERLINK\s+(?:\\l\s+)?"?([^"\s]+)"?/i.exec(instruction);
  return m ? m[1]! : null;
}

/** Whether the bytes open as RTF does: "{\rtf", after a byte-order mark or white space at most. */
export function looksLikeRtf(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 64)).toString('latin1');
  return /^(?:\uFEFF|\u00EF\u00BB\u00BF)?\s*\{\\rtf/.test(head);
}

/** Reads an RTF file's paragraphs and document information. Rejects when the RTF cannot be tokenized. */
export async function readRtfDocument(bytes: Uint8Array): Promise<RtfDocument> {
  const structure = new RtfStructure();
  const discard = new Writable({ objectMode: true, write: (_chunk, _enc, next) => next() });
  await pipeline(Readable.from([Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)]), new Tokenize(), structure, discard);
  structure.finish();
  const complete = !structure.warnings.some((w) => /closing bracket/i.test(w));
  return { paragraphs: structure.paragraphs, info: structure.info, complete };
}
