// Turning the chronology's HTML into PDF bytes is a port with two adapters:
// Electron's webContents.printToPDF in the app (electron/main), and a system
// Chromium driven by playwright-core in the CLI, the local server and tests
// (chromium-pdf-renderer.ts). Both print A4 with a "page X of Y" footer.
export interface PdfRenderer {
  /** Prints a complete, self-contained HTML document; resolves to the PDF's bytes. */
  render(html: string): Promise<Uint8Array>;
  /** Releases whatever the renderer holds (a browser, a temp folder). */
  close?(): Promise<void>;
}
