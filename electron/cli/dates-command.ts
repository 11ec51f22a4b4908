import { parseCalendarDay } from '../../shared/dates/calendar-day';
import { findDateMentions } from '../../shared/dates/date-mentions';
import { dateLabel } from '../../shared/dates/event-date';
import { jsonOption, parse, printJson, UsageError } from './cli-args';

// `annalist dates`: the date suggestions of the evidence panel, for scripts
// and for checking a reading by hand. It needs no project: it reads text only.

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  // TextDecoder drops a byte-order mark, so offsets count the text itself.
  return new TextDecoder('utf-8').decode(Buffer.concat(chunks));
}

export async function datesCommand(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, { ...jsonOption, ref: { type: 'string' } });
  if (values.ref === undefined) {
    throw new UsageError('dates needs --ref YYYY-MM-DD: the publication date that "on Wednesday" or "last July" are counted from.');
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(values.ref) || !parseCalendarDay(values.ref)) {
    throw new UsageError(`--ref ${values.ref} is not a date; write the publication date as YYYY-MM-DD, for example 2026-01-02.`);
  }
  if (positionals.length > 1) throw new UsageError('dates takes one TEXT (in quotes) or - to read the text from standard input.');
  const [source] = positionals;
  if (source === undefined && process.stdin.isTTY) {
    throw new UsageError('dates needs a TEXT (in quotes) or - to read the text from standard input.');
  }
  const text = source === undefined || source === '-' ? await readStdin() : source;
  const mentions = findDateMentions(text, values.ref);
  if (values.json) {
    printJson(mentions.map(({ text, start, end, edtf }) => ({ text, start, end, edtf })));
    return 0;
  }
  if (mentions.length === 0) console.error('No date expressions found.');
  for (const m of mentions) {
    // The phrase is written as a JSON string so a line break inside it cannot split the line.
    const value = m.edtf === null ? `-\t(${m.reason})` : `${m.edtf}\t${dateLabel(m.edtf)}`;
    console.log(`${m.start}-${m.end}\t${JSON.stringify(m.text)}\t${value}`);
  }
  return 0;
}
