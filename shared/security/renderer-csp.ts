// The Content-Security-Policy of the UI, the same in the Electron window and
// in browser mode: only our own scripts, no remote content of any kind.
export const RENDERER_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  // Tiptap and React set element styles at run time.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
