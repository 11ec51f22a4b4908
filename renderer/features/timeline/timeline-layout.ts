import { edtfSpan } from '../../../shared/chronology/edtf-span';

// The timeline picture's arithmetic, apart from React and the DOM so that it
// can be tested: a linear time scale, axis ticks that suit the zoom, each
// event's shape (a point for a day, a bar for anything longer, faded ends
// where the date is approximate, uncertain or open) and lanes that keep
// overlapping shapes apart.
//
// Pixel positions are in "zoom space", x = t / msPerPx, so that lanes do
// not depend on where the view has been panned to: panning moves a window
// over a layout that only changes when the zoom does. Dates are UTC
// throughout, as the EDTF spans are.

export const DAY_MS = 86_400_000;

/** x(t) = (t - start) / msPerPx: the visible part of the time line. */
export interface TimeScale {
  /** The instant at x = 0 (the left edge of the view). */
  start: number;
  /** Milliseconds per pixel: smaller is closer. */
  msPerPx: number;
}

export interface TimeExtent {
  start: number;
  end: number;
}

export interface ZoomLimits {
  /** Closest: the fewest ms a pixel can show. */
  minMsPerPx: number;
  /** Farthest. */
  maxMsPerPx: number;
}

export function toX(scale: TimeScale, t: number): number {
  return (t - scale.start) / scale.msPerPx;
}

export function toTime(scale: TimeScale, x: number): number {
  return scale.start + x * scale.msPerPx;
}

/**
 * Closest: a day over 480 px, enough to read the day's label and place a
 * time of day. Farthest: four times the events' whole stretch, and never
 * less than two years across, so a chronology of one week can still be seen
 * in its months.
 */
export function zoomLimits(extent: TimeExtent, width: number): ZoomLimits {
  const w = Math.max(width, 1);
  const span = Math.max(extent.end - extent.start, DAY_MS);
  return { minMsPerPx: DAY_MS / 480, maxMsPerPx: Math.max((span * 4) / w, (730 * DAY_MS) / w) };
}

export function clampMsPerPx(msPerPx: number, limits: ZoomLimits): number {
  return Math.min(Math.max(msPerPx, limits.minMsPerPx), limits.maxMsPerPx);
}

/** The whole extent in view, with a margin on each side. */
export function fitScale(extent: TimeExtent, width: number, limits: ZoomLimits, margin = 0.06): TimeScale {
  const w = Math.max(width, 1);
  const span = Math.max(extent.end - extent.start, DAY_MS);
  const msPerPx = clampMsPerPx((span * (1 + 2 * margin)) / w, limits);
  const middle = (extent.start + extent.end) / 2;
  return { msPerPx, start: middle - (w / 2) * msPerPx };
}

/** Zooms by `factor` (> 1 closer, < 1 farther) keeping the instant under `anchorX` where it is. */
export function zoomAt(scale: TimeScale, factor: number, anchorX: number, limits: ZoomLimits): TimeScale {
  const msPerPx = clampMsPerPx(scale.msPerPx / factor, limits);
  const anchor = toTime(scale, anchorX);
  return { msPerPx, start: anchor - anchorX * msPerPx };
}

export function panBy(scale: TimeScale, dx: number): TimeScale {
  return { ...scale, start: scale.start - dx * scale.msPerPx };
}

/** Puts instant t at the middle of a view `width` wide. */
export function centreOn(scale: TimeScale, t: number, width: number): TimeScale {
  return { ...scale, start: t - (width / 2) * scale.msPerPx };
}

// ---------------------------------------------------------------------------
// Ticks

export type TickUnit = 'day' | 'month' | 'year';

export interface TickStep {
  unit: TickUnit;
  count: number;
}

export interface Tick {
  time: number;
  label: string;
}

export interface Axis {
  step: TickStep;
  /** Labelled ticks in view. */
  minor: Tick[];
  /**
   * The next unit up (months over days, years over months), beginning with
   * the one already running at the left edge, so its label can stay in view.
   */
  major: Tick[];
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const SHORT_MONTHS = MONTHS.map((m) => m.slice(0, 3));

// Tried closest first; the first whose ticks are far enough apart is used.
// Day steps fall on days of the month (1, 8, 15, 22), not every n days from
// an arbitrary origin, so the labels read as a calendar does.
const STEPS: TickStep[] = [
  { unit: 'day', count: 1 },
  { unit: 'day', count: 2 },
  { unit: 'day', count: 7 },
  { unit: 'day', count: 14 },
  { unit: 'month', count: 1 },
  { unit: 'month', count: 3 },
  { unit: 'month', count: 6 },
  ...[1, 2, 5, 10, 20, 50, 100, 200, 500, 1000].map((count) => ({ unit: 'year' as const, count })),
];

const APPROX_MS: Record<TickUnit, number> = { day: DAY_MS, month: 30.44 * DAY_MS, year: 365.25 * DAY_MS };
/** Room a label needs: "28", "Sep", "2025". */
const MIN_SPACING: Record<TickUnit, number> = { day: 30, month: 42, year: 52 };

function utc(year: number, monthIndex: number, day: number): number {
  // setUTCFullYear, not Date.UTC: Date.UTC reads years 0-99 as 1900-1999.
  return new Date(0).setUTCFullYear(year, monthIndex, day);
}

export function tickStep(msPerPx: number): TickStep {
  return STEPS.find((s) => (s.count * APPROX_MS[s.unit]) / msPerPx >= MIN_SPACING[s.unit]) ?? STEPS[STEPS.length - 1]!;
}

function dayTicks(from: number, to: number, count: number): Tick[] {
  const ticks: Tick[] = [];
  const first = new Date(from);
  let t = utc(first.getUTCFullYear(), first.getUTCMonth(), first.getUTCDate());
  for (; t <= to; t += DAY_MS) {
    const day = new Date(t).getUTCDate();
    // Every other day stops at the 29th, so that the 31st and the next 1st do not touch.
    const on = count === 1 || (count === 2 ? day % 2 === 1 && day <= 29 : (day - 1) % count === 0 && day <= 28);
    if (on && t >= from) ticks.push({ time: t, label: String(day) });
  }
  return ticks;
}

function monthTicks(from: number, to: number, count: number): Tick[] {
  const ticks: Tick[] = [];
  const first = new Date(from);
  let year = first.getUTCFullYear();
  let month = first.getUTCMonth() - (first.getUTCMonth() % count);
  for (let t = utc(year, month, 1); t <= to; t = utc(year, month, 1)) {
    if (t >= from) ticks.push({ time: t, label: SHORT_MONTHS[month]! });
    month += count;
    if (month >= 12) {
      year += Math.floor(month / 12);
      month %= 12;
    }
  }
  return ticks;
}

function yearTicks(from: number, to: number, count: number): Tick[] {
  const ticks: Tick[] = [];
  let year = new Date(from).getUTCFullYear();
  year -= ((year % count) + count) % count;
  for (let t = utc(year, 0, 1); t <= to; year += count, t = utc(year, 0, 1)) {
    if (t >= from) ticks.push({ time: t, label: String(year) });
  }
  return ticks;
}

/** Ticks between two instants for a zoom level. */
export function axisTicks(from: number, to: number, msPerPx: number): Axis {
  const step = tickStep(msPerPx);
  if (step.unit === 'day') {
    const first = new Date(from);
    const majorFrom = utc(first.getUTCFullYear(), first.getUTCMonth(), 1);
    const major = monthTicks(majorFrom, to, 1).map((t) => {
      const d = new Date(t.time);
      return { time: t.time, label: `${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}` };
    });
    return { step, minor: dayTicks(from, to, step.count), major };
  }
  if (step.unit === 'month') {
    const majorFrom = utc(new Date(from).getUTCFullYear(), 0, 1);
    return { step, minor: monthTicks(from, to, step.count), major: yearTicks(majorFrom, to, 1) };
  }
  return { step, minor: yearTicks(from, to, step.count), major: [] };
}

/**
 * A major tick's label for the room it has: "November 2025", else "Nov 2025",
 * else nothing (the label running in from the left edge gives way to the next).
 */
export function majorLabel(label: string, room: number, measure: (s: string) => number): string {
  if (measure(label) <= room) return label;
  const short = label.replace(/^(\p{L}{3})\p{L}+/u, '$1');
  return short !== label && measure(short) <= room ? short : '';
}

// ---------------------------------------------------------------------------
// Event shapes

export interface TimelineEventInput {
  id: number;
  /** EDTF */
  date: string;
  dateLabel: string;
  title: string;
  /** The evidence disagrees somewhere (dates, figures or stance). */
  conflict: boolean;
  sourceCount: number;
}

/** How one end of a shape is drawn: a clean edge, a fade (approximate or uncertain), or a fade to the view's edge (open). */
export type EndStyle = 'sharp' | 'fuzzy' | 'open';

export interface TimelineItem extends TimelineEventInput {
  /** Date order, 0 first. */
  order: number;
  /** A day is a point; a range, a month, a year is a bar. */
  kind: 'point' | 'bar';
  /** The stretch the date names as written; -Infinity / Infinity for an open end. */
  start: number;
  end: number;
  startStyle: EndStyle;
  endStyle: EndStyle;
  /** How far the fade reaches past start and end (ms); 0 for a sharp or open end. */
  fadeBefore: number;
  fadeAfter: number;
  /** Some part of the date carries a "?" (drawn with a dashed edge). */
  uncertain: boolean;
}

const QUALIFIER = /[~%?]/;
const isOpenSide = (side: string) => side === '..' || side === '';

/**
 * How far an approximate end reaches: the shared date rules widen "~" and
 * "%" (3 days for a day, a month for a month, a year for a year). An
 * uncertain "?" is not widened there (a disagreement with it is worth a
 * look), but in a picture it is as doubtful, so it fades by the same amount.
 */
function fade(side: string, core: { start: number; end: number }): { before: number; after: number } {
  if (!QUALIFIER.test(side)) return { before: 0, after: 0 };
  const wide = edtfSpan(side.replace(/\?/g, '~'), 'widen');
  if (!wide || !Number.isFinite(wide.start) || !Number.isFinite(wide.end)) return { before: 0, after: 0 };
  return { before: Math.max(0, core.start - wide.start), after: Math.max(0, wide.end - core.end) };
}

/** The shape of one event, or null when its date cannot be read. */
export function timelineItem(event: TimelineEventInput, order: number): TimelineItem | null {
  const date = event.date.trim();
  const core = edtfSpan(date, 'as-written');
  if (!core) return null;
  const slash = date.indexOf('/');
  const from = slash === -1 ? date : date.slice(0, slash);
  const to = slash === -1 ? date : date.slice(slash + 1);
  const openStart = slash !== -1 && isOpenSide(from);
  const openEnd = slash !== -1 && isOpenSide(to);
  const fromSpan = openStart ? null : slash === -1 ? core : edtfSpan(from, 'as-written');
  const toSpan = openEnd ? null : slash === -1 ? core : edtfSpan(to, 'as-written');
  const before = fromSpan ? fade(from, fromSpan).before : 0;
  const after = toSpan ? fade(to, toSpan).after : 0;
  const kind = slash === -1 && core.end - core.start < DAY_MS ? 'point' : 'bar';
  return {
    ...event,
    order,
    kind,
    start: core.start,
    end: core.end,
    startStyle: openStart ? 'open' : before > 0 ? 'fuzzy' : 'sharp',
    endStyle: openEnd ? 'open' : after > 0 ? 'fuzzy' : 'sharp',
    fadeBefore: before,
    fadeAfter: after,
    uncertain: date.includes('?'),
  };
}

export interface TimelineItems {
  /** In date order (the order given). */
  items: TimelineItem[];
  /** Events whose date could not be read (they are listed, not drawn). */
  unplaced: TimelineEventInput[];
  /** From the earliest to the latest bounded instant, fades included; null when nothing is bounded. */
  extent: TimeExtent | null;
}

export function timelineItems(events: readonly TimelineEventInput[]): TimelineItems {
  const items: TimelineItem[] = [];
  const unplaced: TimelineEventInput[] = [];
  let start = Infinity;
  let end = -Infinity;
  for (const event of events) {
    const item = timelineItem(event, items.length);
    if (!item) {
      unplaced.push(event);
      continue;
    }
    items.push(item);
    // An open end says nothing about where the view should stop: its known end stands for it.
    const lo = Number.isFinite(item.start) ? item.start - item.fadeBefore : item.end;
    const hi = Number.isFinite(item.end) ? item.end + item.fadeAfter : item.start;
    if (lo < start) start = lo;
    if (hi > end) end = hi;
  }
  return { items, unplaced, extent: start <= end ? { start, end } : null };
}

/** The instant a point is drawn at, or a bar's middle (its known end when open). */
export function itemCentre(item: TimelineItem): number {
  if (!Number.isFinite(item.start)) return item.end;
  if (!Number.isFinite(item.end)) return item.start;
  return (item.start + item.end) / 2;
}

// ---------------------------------------------------------------------------
// Lanes

export interface LaneOptions {
  /** A point's radius (px). */
  pointRadius: number;
  /** Space kept between neighbours in a lane (px). */
  gap: number;
  /** A bar is at least this wide (px), so a day-long range at a far zoom stays visible. */
  minBarWidth: number;
  /** The label's width (px) if labels are laid out under the marks; omit for marks only. */
  labelWidth?: (item: TimelineItem) => number;
  /** Give up (return null) beyond this many lanes. */
  maxLanes?: number;
}

export interface PlacedItem {
  item: TimelineItem;
  lane: number;
  /** The drawn core (zoom space, px): a point's centre is (x0 + x1) / 2. */
  x0: number;
  x1: number;
  /** The fades' outer edges (zoom space, px); ±Infinity for an open end. */
  outer0: number;
  outer1: number;
  /** Where the label starts (zoom space, px). */
  labelX: number;
  /** Room for the label before the next shape in the lane (px); Infinity when it is the last. */
  labelRoom: number;
}

export interface LaneLayout {
  placed: PlacedItem[];
  laneCount: number;
  msPerPx: number;
  labelled: boolean;
}

/** The drawn extent of an item at a zoom level, in zoom-space pixels. */
export function itemGeometry(item: TimelineItem, msPerPx: number, options: Pick<LaneOptions, 'pointRadius' | 'minBarWidth'>) {
  let x0: number;
  let x1: number;
  if (item.kind === 'point') {
    const c = itemCentre(item) / msPerPx;
    x0 = c - options.pointRadius;
    x1 = c + options.pointRadius;
  } else {
    x0 = item.start / msPerPx;
    x1 = item.end / msPerPx;
    if (Number.isFinite(x0) && Number.isFinite(x1) && x1 - x0 < options.minBarWidth) {
      const c = (x0 + x1) / 2;
      x0 = c - options.minBarWidth / 2;
      x1 = c + options.minBarWidth / 2;
    }
  }
  // A point is its dot, however wide its day is drawn; fades reach from the day's edges.
  const outer0 =
    item.startStyle === 'open' ? -Infinity : item.fadeBefore > 0 || item.kind === 'bar' ? Math.min(x0, (item.start - item.fadeBefore) / msPerPx) : x0;
  const outer1 = item.endStyle === 'open' ? Infinity : item.fadeAfter > 0 || item.kind === 'bar' ? Math.max(x1, (item.end + item.fadeAfter) / msPerPx) : x1;
  // An open start has its label after its known end; everything else under its start.
  const labelX = Number.isFinite(x0) ? x0 : x1 + 6;
  return { x0, x1, outer0, outer1, labelX };
}

/**
 * The lanes' right ends, with "the lowest lane free at x" answered in
 * O(log lanes) by a tree of minimums: a chronology of thousands of events
 * can need hundreds of lanes, and a scan of every lane for every event was
 * most of the time of a zoom step.
 */
class LaneEnds {
  private size = 1;
  private tree = [Infinity, Infinity];
  count = 0;

  /** The lowest lane whose end is at most `limit`, or -1. */
  firstFree(limit: number): number {
    if (this.count === 0 || !(this.tree[1]! <= limit)) return -1;
    let node = 1;
    while (node < this.size) node = this.tree[2 * node]! <= limit ? 2 * node : 2 * node + 1;
    return node - this.size;
  }

  set(lane: number, end: number): void {
    if (lane >= this.size) this.grow();
    let node = lane + this.size;
    this.tree[node] = end;
    for (node >>= 1; node >= 1; node >>= 1) this.tree[node] = Math.min(this.tree[2 * node]!, this.tree[2 * node + 1]!);
  }

  add(end: number): number {
    const lane = this.count++;
    this.set(lane, end);
    return lane;
  }

  private grow(): void {
    const ends = this.tree.slice(this.size, this.size + this.count);
    this.size *= 2;
    this.tree = new Array<number>(2 * this.size).fill(Infinity);
    ends.forEach((end, i) => (this.tree[this.size + i] = end));
    for (let node = this.size - 1; node >= 1; node--) this.tree[node] = Math.min(this.tree[2 * node]!, this.tree[2 * node + 1]!);
  }
}

/**
 * First-fit lanes: shapes (and their labels, when given) sorted by their
 * left edge each go to the lowest lane that is free there. Earlier events
 * stay in the upper lanes, and a lane reads left to right in date order.
 */
export function packLanes(items: readonly TimelineItem[], msPerPx: number, options: LaneOptions): LaneLayout | null {
  const geometry = items.map((item) => {
    const g = itemGeometry(item, msPerPx, options) as ReturnType<typeof itemGeometry> & { item: TimelineItem; right: number };
    g.item = item;
    g.right = options.labelWidth ? Math.max(g.outer1, g.labelX + options.labelWidth(item)) : g.outer1;
    return g;
  });
  // Items come in date order, so this sort has little to do; open starts (-Infinity) tie and keep that order.
  geometry.sort((a, b) => (a.outer0 === b.outer0 ? a.item.order - b.item.order : a.outer0 - b.outer0));
  const ends = new LaneEnds();
  const laneLast: PlacedItem[] = [];
  const placed: PlacedItem[] = [];
  for (const g of geometry) {
    let lane = ends.firstFree(g.outer0 - options.gap);
    if (lane === -1) {
      if (options.maxLanes !== undefined && ends.count >= options.maxLanes) return null;
      lane = ends.add(g.right);
    } else {
      const previous = laneLast[lane]!;
      previous.labelRoom = Math.max(0, g.outer0 - options.gap - previous.labelX);
      ends.set(lane, g.right);
    }
    const p: PlacedItem = { item: g.item, lane, x0: g.x0, x1: g.x1, outer0: g.outer0, outer1: g.outer1, labelX: g.labelX, labelRoom: Infinity };
    laneLast[lane] = p;
    placed.push(p);
  }
  return { placed, laneCount: ends.count, msPerPx, labelled: options.labelWidth !== undefined };
}

/**
 * Whether titles could fit in `maxLanes` lanes at all: the labels' total
 * width over the stretch they share is a floor for the lanes any packing
 * needs. Far out, with thousands of events, this saves a packing that
 * would only be thrown away.
 */
function labelsCanFit(items: readonly TimelineItem[], msPerPx: number, labelWidth: (item: TimelineItem) => number, gap: number, maxLanes: number): boolean {
  let total = 0;
  let lo = Infinity;
  let hi = -Infinity;
  for (const item of items) {
    total += labelWidth(item) + gap;
    const c = itemCentre(item) / msPerPx;
    if (c < lo) lo = c;
    if (c > hi) hi = c;
  }
  const span = hi - lo + MAX_LABEL_WIDTH + gap;
  return total / span <= maxLanes;
}

/**
 * Lanes with room for each title under its shape when that takes at most
 * `maxLabelledLanes`; otherwise marks only, packed tightly (titles then
 * show where they happen to fit, and on hover).
 */
export function layoutLanes(
  items: readonly TimelineItem[],
  msPerPx: number,
  options: Omit<LaneOptions, 'maxLanes'> & { maxLabelledLanes: number },
): LaneLayout {
  const { maxLabelledLanes, labelWidth, ...rest } = options;
  if (labelWidth && labelsCanFit(items, msPerPx, labelWidth, rest.gap, maxLabelledLanes)) {
    const labelled = packLanes(items, msPerPx, { ...rest, labelWidth, maxLanes: maxLabelledLanes });
    if (labelled) return labelled;
  }
  return packLanes(items, msPerPx, rest)!;
}

/** The widest a title is drawn (px); longer ones are cut with an ellipsis. */
export const MAX_LABEL_WIDTH = 260;

/** The placed items that meet a window of zoom-space x and of lanes. */
export function visiblePlaced(layout: LaneLayout, x0: number, x1: number, laneFrom: number, laneTo: number): PlacedItem[] {
  return layout.placed.filter(
    (p) => p.lane >= laneFrom && p.lane <= laneTo && p.outer0 <= x1 && (p.outer1 >= x0 || p.labelX + Math.min(p.labelRoom, MAX_LABEL_WIDTH) >= x0),
  );
}

/**
 * The longest start of `text` that fits `room` px, with an ellipsis when cut;
 * "" when not even one letter and the ellipsis fit.
 */
export function fitText(text: string, room: number, measure: (s: string) => number): string {
  if (measure(text) <= room) return text;
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (measure(`${text.slice(0, mid).trimEnd()}…`) <= room) lo = mid;
    else hi = mid - 1;
  }
  return lo === 0 ? '' : `${text.slice(0, lo).trimEnd()}…`;
}
