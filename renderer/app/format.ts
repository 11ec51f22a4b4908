import { dateLabel } from '../../shared/dates/event-date';

const dayFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });
const timeFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/** A publication date (YYYY-MM-DD) in words: "2 January 2026". */
export function publishedLabel(date: string | null): string {
  return date ? dateLabel(date) : 'Undated';
}

/** An instant Annalist recorded (ISO timestamp), short: "2 Jan 2026, 14:03". */
export function recordedAt(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : timeFormat.format(d);
}

export function recordedDay(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : dayFormat.format(d);
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;
}

export function fileName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}
