import { describe, expect, it } from 'vitest';
import { clampTextSize, parseReadingPosition, stepTextSize, TEXT_SIZE } from '../../../renderer/features/reader/reading-preferences';
import { parseThemeChoice } from '../../../renderer/app/theme';

// Settings come back from localStorage, which anyone (or an older version)
// may have written: every value read is checked and bounded.
describe('reader preferences', () => {
  it('keeps the text size within bounds, in whole pixels', () => {
    expect(clampTextSize(18)).toBe(18);
    expect(clampTextSize(3)).toBe(TEXT_SIZE.min);
    expect(clampTextSize(400)).toBe(TEXT_SIZE.max);
    expect(clampTextSize(17.6)).toBe(18);
    expect(clampTextSize(Number('large'))).toBe(TEXT_SIZE.initial);
    expect(stepTextSize(TEXT_SIZE.max, 1)).toBe(TEXT_SIZE.max);
    expect(stepTextSize(TEXT_SIZE.min, -1)).toBe(TEXT_SIZE.min);
    expect(stepTextSize(18, 1)).toBe(18 + TEXT_SIZE.step);
    expect(stepTextSize(18, -1)).toBe(18 - TEXT_SIZE.step);
  });

  it('reads a stored reading position, or nothing when it is not one', () => {
    expect(parseReadingPosition('{"offset":1234,"fraction":0.4}')).toEqual({ offset: 1234, fraction: 0.4 });
    expect(parseReadingPosition('{"offset":12.7,"fraction":7}')).toEqual({ offset: 12, fraction: 1 });
    expect(parseReadingPosition('{"offset":-1,"fraction":0.2}')).toBeNull();
    expect(parseReadingPosition('{"fraction":0.2}')).toBeNull();
    expect(parseReadingPosition('null')).toBeNull();
    expect(parseReadingPosition('not json')).toBeNull();
  });

  it('reads a stored theme choice, falling back to the system’s', () => {
    expect(parseThemeChoice('dark')).toBe('dark');
    expect(parseThemeChoice('light')).toBe('light');
    expect(parseThemeChoice('sepia')).toBe('system');
  });
});
