import { describe, expect, it } from 'vitest';
import { FileRejected } from '../../../electron/backend/import/article-reader';
import { extensionOf, readerFor, readers, SUPPORTED_EXTENSIONS } from '../../../electron/backend/import/readers';
import { readAs } from './read-seed';

describe('readers', () => {
  it('lists the supported extensions in order', () => {
    expect(SUPPORTED_EXTENSIONS.slice(0, 4)).toEqual(['txt', 'md', 'markdown', 'pdf']);
    expect(readers.map((r) => r.mediaType).slice(0, 3)).toEqual(['text/plain', 'text/markdown', 'application/pdf']);
    // Readers for more formats are added by their own modules; each extension belongs to one reader.
    expect(SUPPORTED_EXTENSIONS).toEqual(expect.arrayContaining(['docx', 'odt', 'epub']));
    expect(new Set(SUPPORTED_EXTENSIONS).size).toBe(SUPPORTED_EXTENSIONS.length);
  });

  it('chooses a reader by extension, in any case, on any path style', () => {
    expect(readerFor('/a/b/story.TXT')?.mediaType).toBe('text/plain');
    expect(readerFor('C:\\notes\\story.Md')?.mediaType).toBe('text/markdown');
    expect(readerFor('story.markdown')?.mediaType).toBe('text/markdown');
    expect(readerFor('report.PDF')?.mediaType).toBe('application/pdf');
    expect(readerFor('report.DOCX')?.mediaType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(readerFor('/books/strike.epub')?.mediaType).toBe('application/epub+zip');
    expect(readerFor('notes.odt')?.mediaType).toBe('application/vnd.oasis.opendocument.text');
    expect(readerFor('report.xlsx')).toBeUndefined();
    expect(readerFor('articles.zip')).toBeUndefined();
    expect(readerFor('README')).toBeUndefined();
    expect(readerFor('/a.txt/README')).toBeUndefined();
    expect(readerFor('.md')).toBeUndefined();
    expect(extensionOf('archive.tar.gz')).toBe('gz');
  });

  it('rejects with reasons that complete "Could not import NAME: ..."', () => {
    const reason = (name: string, bytes: Uint8Array) => {
      try {
        readAs(name, bytes);
      } catch (err) {
        return err instanceof FileRejected ? err.reason : `unexpected: ${String(err)}`;
      }
      return 'accepted';
    };
    expect(reason('a.txt', new Uint8Array())).toBe('the file is empty');
    expect(reason('a.md', new TextEncoder().encode('\n\n  \n'))).toBe('the file is empty');
    expect(reason('a.txt', Uint8Array.from([0, 159, 146, 150, 0, 1, 2, 3]))).toBe('it contains binary data, not text');
    expect(reason('a.md', new TextEncoder().encode('![only an image](x.png)\n\n---\n'))).toBe('it holds no article text');
    expect(reason('a.txt', new TextEncoder().encode('Related Articles\n\nLeave a Reply'))).toBe('it holds no article text');
  });

  it('reads a short file whose only line is its title', () => {
    const a = readAs('note.txt', 'Call Maria about the dock strike');
    expect(a.title).toBe('Call Maria about the dock strike');
    expect(a.content.content).toHaveLength(1);
  });
});
