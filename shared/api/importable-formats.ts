// The file formats Annalist imports, as the UI names and filters them. The
// back end's readers are the truth (electron/backend/import/readers); a
// test keeps this list equal to theirs, so the picker and the drop zone
// never offer less or more than the importer reads.

export interface ImportableFormat {
  label: string;
  extensions: readonly string[];
}

export const IMPORTABLE_FORMATS: readonly ImportableFormat[] = [
  { label: 'plain text', extensions: ['txt'] },
  { label: 'Markdown', extensions: ['md', 'markdown'] },
  { label: 'PDF', extensions: ['pdf'] },
  { label: 'Word', extensions: ['docx'] },
  { label: 'OpenDocument', extensions: ['odt'] },
  { label: 'EPUB', extensions: ['epub'] },
  { label: 'RTF', extensions: ['rtf'] },
  { label: 'saved web pages', extensions: ['html', 'htm', 'xhtml', 'mhtml', 'mht'] },
  { label: 'e-mail', extensions: ['eml'] },
  { label: 'ZIP archives of these', extensions: ['zip'] },
];

export const IMPORTABLE_EXTENSIONS: readonly string[] = IMPORTABLE_FORMATS.flatMap((f) => f.extensions);

/** For a file input's accept attribute. */
export const IMPORTABLE_ACCEPT = IMPORTABLE_EXTENSIONS.map((e) => `.${e}`).join(',');

/** Whether a file name has an extension Annalist imports. */
export function isImportableName(name: string): boolean {
  const dot = name.lastIndexOf('.');
  return dot > 0 && IMPORTABLE_EXTENSIONS.includes(name.slice(dot + 1).toLowerCase());
}

/** "plain text, Markdown, … or ZIP archives of these": for sentences in the UI. */
export function importableFormatsSentence(): string {
  const labels = IMPORTABLE_FORMATS.map((f) => f.label);
  return `${labels.slice(0, -1).join(', ')} or ${labels[labels.length - 1]}`;
}
