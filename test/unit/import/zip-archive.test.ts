import { describe, expect, it } from 'vitest';
import { expandArchive, isArchivePath, TOO_DEEP_REASON } from '../../../electron/backend/import/archive/expand-archive';
import { DEFAULT_ZIP_LIMITS, openZip, sizeInWords, unsafeEntryName, withZip } from '../../../electron/backend/import/archive/zip-entries';
import { readerFor } from '../../../electron/backend/import/readers';
import { fixture, rejection } from './document-fixtures';

// ZIP archives made with Info-ZIP and hostile ones crafted byte by byte
// (test/fixtures/office/make-fixtures.ts).

describe('expandArchive', () => {
  it('gives the supported files inside, named by the archive path and their path inside it', async () => {
    const archive = fixture('zip/articles.zip');
    const out = await expandArchive(archive);
    expect(out.files.map((f) => f.path)).toEqual([
      '/research/zip/articles.zip/inner/folder/news-article.docx',
      '/research/zip/articles.zip/inner/folder/news-article.epub',
      '/research/zip/articles.zip/inner/folder/no-title-property.odt',
      '/research/zip/articles.zip/inner/folder/notes.md',
      '/research/zip/articles.zip/phone-call.txt',
    ]);
    expect(out.skipped).toEqual(['/research/zip/articles.zip/inner/folder/figures.csv', '/research/zip/articles.zip/inner/folder/photo.png']);
    expect(out.failures).toEqual([]);
    // The bytes are the files' own: each reads as an article through the reader its name chooses.
    expect(out.files[0]!.bytes).toEqual(fixture('docx/news-article.docx').bytes);
    const titles = [];
    for (const file of out.files) titles.push((await readerFor(file.path)!.read(file)).title);
    expect(titles).toEqual([
      'Maduro Invites US Dialogue on Venezuela’s Drug Trafficking Issues',
      'Maduro Invites US Dialogue on Venezuela’s Drug Trafficking Issues',
      'CIA carries out first drone strike on Venezuelan soil targeting drug gangs',
      'US Conducts Military Action Against Venezuelan Drug Vessel',
      'Donald Trump and Nicolas Maduro spoke by phone last week',
    ]);
  });

  it('opens an archive inside the archive', async () => {
    const out = await expandArchive(fixture('zip/nested-1.zip'));
    expect(out.files.map((f) => f.path)).toEqual([
      '/research/zip/nested-1.zip/inner.zip/drone-strike.md',
      '/research/zip/nested-1.zip/inner.zip/maduro.txt',
      '/research/zip/nested-1.zip/outer.txt',
    ]);
    expect(out.failures).toEqual([]);
  });

  it('reports, and does not open, an archive nested two levels deep', async () => {
    const out = await expandArchive(fixture('zip/nested-2.zip'));
    expect(out.files.map((f) => f.path)).toEqual(['/research/zip/nested-2.zip/level-1.zip/drone-strike.md', '/research/zip/nested-2.zip/outer.txt']);
    expect(out.failures).toEqual([{ path: '/research/zip/nested-2.zip/level-1.zip/level-2.zip', reason: TOO_DEEP_REASON }]);
  });

  it('reports an inner archive that cannot be opened as that entry’s failure, and imports the rest', async () => {
    const out = await expandArchive(fixture('zip/nested-broken.zip'));
    expect(out.files.map((f) => f.path)).toEqual(['/research/zip/nested-broken.zip/outer.txt']);
    expect(out.failures).toEqual([
      {
        path: '/research/zip/nested-broken.zip/cut-short.zip',
        reason: 'the archive is incomplete: it was cut short (the directory at the end of the ZIP file is missing)',
      },
    ]);
  });

  it('counts the entries of nested archives against the one limit', async () => {
    const limits = { ...DEFAULT_ZIP_LIMITS, maxEntries: 3 };
    expect(await rejection(expandArchive(fixture('zip/nested-1.zip'), { limits }))).toBe(
      'the archive holds more than 3 entries, counting those of the archives inside it',
    );
  });

  it('refuses hostile and broken archives as a whole, with a sentence', async () => {
    const reason = (name: string) => rejection(expandArchive(fixture(`zip/${name}`)));
    expect(await reason('zip-slip.zip')).toBe('it holds an entry whose path (“../evil.txt”) climbs out of the archive\'s folder with “..”');
    expect(await reason('bomb-ratio.zip')).toBe('“zeros.txt” in the archive is compressed more than 100 to 1, a sign of a “zip bomb”');
    expect(await reason('bomb-declared.zip')).toBe('the archive would unpack to more than 1 GB');
    expect(await reason('bomb-lying.zip')).toBe('“small.txt” in the archive unpacks to more bytes than the archive says it holds');
    expect(await reason('too-many-entries.zip')).toBe('the archive holds more than 10,000 entries (60,000)');
    expect(await reason('encrypted.zip')).toBe('it is password-protected (“maduro.txt” is encrypted)');
    expect(await rejection(expandArchive({ ...fixture('docx/text-renamed.docx'), path: 'a.zip' }))).toBe('it is not a ZIP archive');
    expect(await rejection(expandArchive({ ...fixture('docx/truncated.docx'), path: 'a.zip' }))).toBe(
      'the archive is incomplete: it was cut short (the directory at the end of the ZIP file is missing)',
    );
    expect(await rejection(expandArchive({ path: 'a.zip', bytes: new Uint8Array() }))).toBe('the file is empty');
  });

  it('refuses an archive that holds nothing Annalist reads', async () => {
    const out = await rejection(expandArchive({ ...fixture('docx/news-article.docx'), path: 'parts.zip' }));
    expect(out).toMatch(/^the archive holds no \.txt, .*\.docx.* files \(only 9 files of other kinds\)$/);
  });

  it('counts the bytes actually unpacked, nested archives included, against one limit', async () => {
    // nested-1.zip declares about 8 KB at its top level; its inner archive unpacks 8 KB more.
    const limits = { ...DEFAULT_ZIP_LIMITS, maxTotalBytes: 12_000 };
    expect(await rejection(expandArchive(fixture('zip/nested-1.zip'), { limits }))).toBe('the archive would unpack to more than 11.7 KB');
  });

  it('knows archives by their extension', () => {
    expect(isArchivePath('/a/b/Inbox.ZIP')).toBe(true);
    expect(isArchivePath('/a/b.zip/c.txt')).toBe(false);
  });
});

describe('zip entries', () => {
  it('refuses names that could point outside the archive', () => {
    expect(unsafeEntryName('folder/a.txt')).toBeNull();
    expect(unsafeEntryName('a..b.txt')).toBeNull();
    expect(unsafeEntryName('../evil.txt')).toMatch(/climbs out/);
    expect(unsafeEntryName('a/../../evil.txt')).toMatch(/climbs out/);
    expect(unsafeEntryName('/etc/passwd')).toMatch(/absolute path/);
    expect(unsafeEntryName('C:/Windows/evil.dll')).toMatch(/absolute path/);
    expect(unsafeEntryName('..\\evil.txt')).toMatch(/backslashes/);
    expect(unsafeEntryName('a\u0000.txt')).toMatch(/control characters/);
  });

  it('lists entries and reads them, with a per-entry limit', async () => {
    const text = await withZip(fixture('zip/nested-1.zip').bytes, {}, async (zip) => {
      expect(zip.entries.map((e) => e.name)).toEqual(['outer.txt', 'inner.zip']);
      expect(await rejection(zip.read('outer.txt', { maxBytes: 100 }))).toBe('“outer.txt” in the archive would unpack to more than 100 bytes');
      await zip.verify();
      return zip.readText('outer.txt');
    });
    expect(text).toMatch(/^---\nlayout: post/);
  });

  it('finds OOXML part names regardless of case when asked', async () => {
    const zip = await openZip(fixture('docx/news-article.docx').bytes);
    try {
      expect(zip.find('WORD/document.xml')).toBeUndefined();
      expect(zip.find('WORD/document.xml', { ignoreCase: true })?.name).toBe('word/document.xml');
    } finally {
      zip.close();
    }
  });

  it('writes sizes in words', () => {
    expect(sizeInWords(1024 ** 3)).toBe('1 GB');
    expect(sizeInWords(64 * 1024 * 1024)).toBe('64 MB');
    expect(sizeInWords(1536)).toBe('1.5 KB');
    expect(sizeInWords(100)).toBe('100 bytes');
  });
});
