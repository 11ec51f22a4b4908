// The UI's own settings (theme, text size, reading places) live in the
// page's localStorage: they belong to this reader on this machine, not to the
// project file a researcher may hand to a colleague. Storage can be missing
// or full (private windows, quota); a setting then simply is not remembered.

export function readStored<T>(key: string, parse: (raw: string) => T, fallback: T): T {
  try {
    const raw = window.localStorage.getItem(key);
    return raw === null ? fallback : parse(raw);
  } catch {
    return fallback;
  }
}

export function writeStored(key: string, value: string): void {
  try {
    window.localStorage.setItem(key, value);
  } catch {
    // Not remembered this time; the reader still works.
  }
}
