// The colours a highlight or a tag can have: the contract validates them,
// the UI offers them (this module has no zod, so the UI can import it).
export const HIGHLIGHT_COLORS = ['yellow', 'green', 'blue', 'pink', 'orange'] as const;
export const TAG_COLORS = ['gray', 'red', 'orange', 'yellow', 'green', 'teal', 'blue', 'purple', 'pink'] as const;
