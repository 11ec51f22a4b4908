import type * as PdfJsModule from 'pdfjs-dist/legacy/build/pdf.mjs';
import { FileRejected } from '../article-reader';
import type { PdfPageText, PdfTextItem } from './pdf-lines';
import type { XmpProperties } from './pdf-metadata';

// The only module that talks to pdf.js. It opens a PDF from bytes and
// returns plain data: each page's text runs with their positions, the
// document information dictionary and the XMP properties. Everything a
// researcher can meet (not a PDF, damaged, password, too big) comes out as
// FileRejected with a sentence.
//
// pdf.js runs in this thread: its worker module is imported here and handed
// over as globalThis.pdfjsWorker, so nothing is fetched from a path or the
// network, in Node as in a bundle. Evaluation of code from the file is off
// (isEvalSupported: false), fonts are neither loaded nor looked up on the
// system, and pdf.js reports errors only (no warnings on the console). The
// document is destroyed after reading, so nothing keeps the process alive.

export const REASONS = {
  empty: 'the file is empty',
  notPdf: 'it is not a PDF file (it does not start with %PDF)',
  damaged: 'the PDF is damaged and cannot be read',
  password: 'the PDF is password-protected',
  noText: 'this PDF has no text layer (scanned image); OCR is not supported',
} as const;

export interface PdfLimits {
  /** Files larger than this are refused before they are parsed. */
  maxBytes: number;
  /** Documents with more pages are refused (after the page count is read). */
  maxPages: number;
}

export const DEFAULT_PDF_LIMITS: PdfLimits = { maxBytes: 200 * 1024 * 1024, maxPages: 2000 };

export interface PdfContent {
  pages: PdfPageText[];
  info: Record<string, unknown>;
  xmp: XmpProperties | null;
}

const PDF_SIGNATURE = [0x25, 0x50, 0x44, 0x46]; // %PDF
const EOF_MARKER = [0x25, 0x25, 0x45, 0x4f, 0x46]; // %%EOF
/** pdf.js's VerbosityLevel.ERRORS. */
const ERRORS_ONLY = 0;

function indexOfBytes(bytes: Uint8Array, pattern: number[], from: number, to: number): number {
  outer: for (let i = from; i <= to - pattern.length; i++) {
    for (let j = 0; j < pattern.length; j++) if (bytes[i + j] !== pattern[j]) continue outer;
    return i;
  }
  return -1;
}

function lastIndexOfBytes(bytes: Uint8Array, pattern: number[]): number {
  outer: for (let i = bytes.length - pattern.length; i >= 0; i--) {
    for (let j = 0; j < pattern.length; j++) if (bytes[i + j] !== pattern[j]) continue outer;
    return i;
  }
  return -1;
}

const formatCount = (n: number) => n.toLocaleString('en-US');

/** "46 KB", "3.4 MB", "200 MB": sizes as a researcher reads them. */
export function formatSize(bytes: number): string {
  const kb = bytes / 1024;
  if (kb < 1024) return `${Math.max(1, Math.round(kb)).toLocaleString('en-US')} KB`;
  const mb = kb / 1024;
  return `${(mb < 10 ? Math.round(mb * 10) / 10 : Math.round(mb)).toLocaleString('en-US')} MB`;
}

/**
 * The checks made on the bytes alone, before pdf.js sees them: something
 * there, small enough, "%PDF" within the first kilobyte (as readers accept
 * it), and an end-of-file marker (a file cut short has none).
 */
export function checkPdfBytes(bytes: Uint8Array, limits: PdfLimits = DEFAULT_PDF_LIMITS): void {
  if (bytes.length === 0) throw new FileRejected(REASONS.empty);
  if (bytes.length > limits.maxBytes) {
    throw new FileRejected(`the PDF is ${formatSize(bytes.length)}, more than the ${formatSize(limits.maxBytes)} Annalist can import`);
  }
  if (indexOfBytes(bytes, PDF_SIGNATURE, 0, Math.min(bytes.length, 1024 + PDF_SIGNATURE.length)) < 0) {
    throw new FileRejected(REASONS.notPdf);
  }
  if (lastIndexOfBytes(bytes, EOF_MARKER) < 0) throw new FileRejected(REASONS.damaged);
}

type PdfJs = typeof PdfJsModule;
let pdfjsLoading: Promise<PdfJs> | null = null;

/** pdf.js and its worker code, loaded once, on the first PDF (they take a while to load). */
function loadPdfJs(): Promise<PdfJs> {
  pdfjsLoading ??= (async () => {
    const worker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    const global = globalThis as { pdfjsWorker?: unknown };
    global.pdfjsWorker ??= worker;
    return import('pdfjs-dist/legacy/build/pdf.mjs');
  })();
  pdfjsLoading.catch(() => {
    pdfjsLoading = null;
  });
  return pdfjsLoading;
}

function errorName(error: unknown): string {
  return error && typeof error === 'object' && 'name' in error ? String(error.name) : '';
}

type PdfPage = Awaited<ReturnType<Awaited<ReturnType<PdfJs['getDocument']>['promise']>['getPage']>>;

/** A page's horizontal text runs, in page coordinates from the top-left corner. */
async function pageText(pdfjs: PdfJs, page: PdfPage): Promise<PdfPageText> {
  const viewport = page.getViewport({ scale: 1 });
  const content = await page.getTextContent();
  const items: PdfTextItem[] = [];
  for (const item of content.items) {
    if (!('str' in item) || item.str === '') continue;
    const [a, b, c, d, x, y] = pdfjs.Util.transform(viewport.transform, item.transform) as number[];
    // Rotated, vertical or mirrored text (a stamp in the margin) is not part of the running text.
    // A shear (c) is kept: it is how slanted "italic" is often made.
    if (Math.abs(b!) > 0.05 * Math.abs(a!) || a! <= 0) continue;
    const fontSize = Math.abs(d!) || Math.hypot(c!, d!);
    items.push({ text: item.str, x: x!, y: y!, width: item.width * (a! / Math.hypot(item.transform[0], item.transform[1]) || 1), fontSize });
  }
  return { pageNumber: page.pageNumber, width: viewport.width, height: viewport.height, items };
}

/** Opens the PDF and reads every page's text and the metadata. Rejects with FileRejected. */
export async function readPdfContent(bytes: Uint8Array, limits: PdfLimits = DEFAULT_PDF_LIMITS): Promise<PdfContent> {
  checkPdfBytes(bytes, limits);
  const pdfjs = await loadPdfJs();
  // pdf.js takes ownership of (detaches) the buffer it is given: the caller's bytes are hashed and stored later.
  const data = new Uint8Array(bytes);
  const task = pdfjs.getDocument({
    data,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    disableAutoFetch: true,
    disableStream: true,
    verbosity: ERRORS_ONLY,
    enableXfa: false,
    stopAtErrors: false,
  });
  try {
    let doc: Awaited<typeof task.promise>;
    try {
      doc = await task.promise;
    } catch (error) {
      if (errorName(error) === 'PasswordException') throw new FileRejected(REASONS.password);
      throw new FileRejected(REASONS.damaged);
    }
    if (doc.numPages > limits.maxPages) {
      throw new FileRejected(`the PDF has ${formatCount(doc.numPages)} pages, more than the ${formatCount(limits.maxPages)} Annalist can import`);
    }
    try {
      const pages: PdfPageText[] = [];
      for (let n = 1; n <= doc.numPages; n++) {
        const page = await doc.getPage(n);
        pages.push(await pageText(pdfjs, page));
        page.cleanup();
      }
      // Broken metadata does not make the text unreadable: the article is read without it.
      const { info, metadata } = await doc.getMetadata().catch(() => ({ info: {}, metadata: null }));
      const xmp: XmpProperties | null = metadata ? Object.fromEntries(metadata as Iterable<[string, string | string[]]>) : null;
      return { pages, info: info as Record<string, unknown>, xmp };
    } catch (error) {
      if (error instanceof FileRejected) throw error;
      throw new FileRejected(REASONS.damaged);
    }
  } finally {
    await task.destroy().catch(() => undefined);
  }
}
