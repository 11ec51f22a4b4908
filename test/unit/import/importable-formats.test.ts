import { describe, expect, it } from 'vitest';
import { ARCHIVE_EXTENSIONS, SUPPORTED_EXTENSIONS } from '../../../electron/backend/import/readers';
import { IMPORTABLE_EXTENSIONS, isImportableName } from '../../../shared/api/importable-formats';

describe('the formats the UI offers', () => {
  it('are exactly the formats the importer reads', () => {
    expect([...IMPORTABLE_EXTENSIONS].sort()).toEqual([...SUPPORTED_EXTENSIONS, ...ARCHIVE_EXTENSIONS].sort());
  });

  it('recognise importable names whatever the case, and nothing else', () => {
    expect(isImportableName('Report.PDF')).toBe(true);
    expect(isImportableName('saved page.mhtml')).toBe(true);
    expect(isImportableName('budget.xlsx')).toBe(false);
    expect(isImportableName('README')).toBe(false);
    expect(isImportableName('.md')).toBe(false);
  });
});
