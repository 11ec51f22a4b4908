import { BrowserWindow } from 'electron';
import type { PdfRenderer } from '../backend/export/pdf-renderer';

// In the desktop app the chronology is printed by Electron's own Chromium:
// a hidden, sandboxed window with JavaScript off and no network.
const PDF_PARTITION = 'annalist-pdf';
export class ElectronPdfRenderer implements PdfRenderer {
  async render(html: string): Promise<Uint8Array> {
    const win = new BrowserWindow({
      show: false,
      webPreferences: {
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
        javascript: false,
        disableBlinkFeatures: 'Auxclick',
        // Its own in-memory session, so blocking the network here does not
        // touch the app window's session.
        partition: PDF_PARTITION,
      },
    });
    try {
      win.webContents.session.webRequest.onBeforeRequest((details, callback) =>
        callback({ cancel: !details.url.startsWith('data:') }),
      );
      await win.loadURL(`data:text/html;charset=utf-8;base64,${Buffer.from(html, 'utf8').toString('base64')}`);
      const pdf = await win.webContents.printToPDF({
        pageSize: 'A4',
        printBackground: true,
        displayHeaderFooter: true,
        headerTemplate: '<span></span>',
        footerTemplate:
          '<div style="font-size:8px;width:100%;text-align:center;color:#666">page <span class="pageNumber"></span> of <span class="totalPages"></span></div>',
      });
      return new Uint8Array(pdf);
    } finally {
      win.destroy();
    }
  }
}
