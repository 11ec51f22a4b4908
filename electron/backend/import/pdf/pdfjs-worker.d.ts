// pdf.js ships no types for its worker module; the PDF reader only hands
// the module to pdf.js (as globalThis.pdfjsWorker) so that it runs the
// worker's code in this thread instead of loading it from a path.
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}
