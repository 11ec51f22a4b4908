import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { PdfFile } from '../../../shared/api/types';
import type { ReadDb } from '../db/connection';
import { renderChronologyHtml } from '../export/chronology-html';
import type { PdfRenderer } from '../export/pdf-renderer';
import { chronologyDetail } from './chronology-service';

/** A file name a researcher can keep: the chronology's name, tamed. */
export function pdfFileName(name: string): string {
  const stem = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase();
  return `${stem || 'chronology'}.pdf`;
}

export async function chronologyPdf(
  db: ReadDb,
  renderer: PdfRenderer,
  options: { chronologyId: number; resourcesDir: string; projectPath: string; now?: Date },
): Promise<{ fileName: string; bytes: Uint8Array }> {
  const chronology = await chronologyDetail(db, options.chronologyId);
  const printCss = await readFile(join(options.resourcesDir, 'print', 'chronology.css'), 'utf8');
  const html = renderChronologyHtml(chronology, {
    generatedAt: options.now ?? new Date(),
    projectName: basename(options.projectPath).replace(/\.annalist$/i, ''),
    printCss,
  });
  return { fileName: pdfFileName(chronology.name), bytes: await renderer.render(html) };
}

export function asPdfFile(pdf: { fileName: string; bytes: Uint8Array }): PdfFile {
  return { fileName: pdf.fileName, base64: Buffer.from(pdf.bytes).toString('base64') };
}
