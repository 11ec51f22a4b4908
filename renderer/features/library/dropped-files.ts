import { isImportableName } from '../../../shared/api/importable-formats';

// What a researcher drops on the library: files, and folders whose files
// are collected recursively (through the File System entries API, the one
// way a browser or Electron window gives a dropped folder's contents).
// Files dropped one by one are all passed on, so that an unsupported one
// gets its sentence; inside folders only importable files are taken, as a
// folder import on disk does.

/** readEntries returns a directory's entries in pages; an empty page ends it. */
async function readAllEntries(dir: FileSystemDirectoryEntry): Promise<FileSystemEntry[]> {
  const reader = dir.createReader();
  const all: FileSystemEntry[] = [];
  for (;;) {
    const page = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (page.length === 0) return all;
    all.push(...page);
  }
}

function fileOf(entry: FileSystemFileEntry): Promise<File> {
  return new Promise((resolve, reject) => entry.file(resolve, reject));
}

async function collect(entry: FileSystemEntry, inFolder: boolean, out: File[]): Promise<void> {
  if (entry.isFile) {
    if (!inFolder || isImportableName(entry.name)) out.push(await fileOf(entry as FileSystemFileEntry));
    return;
  }
  if (!entry.isDirectory) return;
  const children = await readAllEntries(entry as FileSystemDirectoryEntry);
  children.sort((a, b) => a.name.localeCompare(b.name));
  for (const child of children) {
    if (!child.name.startsWith('.')) await collect(child, true, out);
  }
}

/** The files of a drop, folders expanded, in a stable order. */
export async function droppedFiles(data: DataTransfer): Promise<File[]> {
  const entries = Array.from(data.items)
    .filter((item) => item.kind === 'file')
    .map((item) => item.webkitGetAsEntry());
  if (entries.length === 0 || entries.some((e) => e === null)) return Array.from(data.files);
  const out: File[] = [];
  for (const entry of entries) await collect(entry!, false, out);
  return out;
}

/** Whether a drag carries files (and not, say, selected text). */
export function carriesFiles(data: DataTransfer | null): boolean {
  return !!data && Array.from(data.types).includes('Files');
}
