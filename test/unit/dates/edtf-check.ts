import { parse } from 'edtf';
import { expect } from 'vitest';
import type { DateMention } from '../../../shared/dates/date-mentions';
import { parseEventDate } from '../../../shared/dates/event-date';

/** Every value must be EDTF for the edtf package and an event date Annalist can sort and label. */
export function expectValidEdtf(mentions: DateMention[]) {
  for (const m of mentions) {
    expect(m.reason).not.toBe('not-representable');
    if (m.edtf === null) continue;
    expect(() => parse(m.edtf!), `${m.edtf} (from “${m.text}”)`).not.toThrow();
    expect(() => parseEventDate(m.edtf!), `${m.edtf} (from “${m.text}”)`).not.toThrow();
  }
}

/** The fields a researcher checks: the words, where they are, the date they give. */
export function shown(mentions: DateMention[]) {
  return mentions.map(({ text, start, end, edtf }) => ({ text, start, end, edtf }));
}
