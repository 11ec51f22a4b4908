import type { Database } from '../db/connection';
import type { PdfRenderer } from '../export/pdf-renderer';

/** What every handler gets: the open project and the shell's capabilities. */
export interface BackendContext {
  db: Database;
  projectPath: string;
  /** The folder holding samples/ and print/ (resources/ in the repo). */
  resourcesDir: string;
  /** printToPDF in the Electron app, headless Chromium in the CLI and browser mode. */
  pdf: PdfRenderer;
  transport: 'ipc' | 'http';
}
