import {
  useCallback,
  useEffect,
  useEffectEvent,
  useId,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent as ReactKeyboardEvent,
  type MouseEvent as ReactMouseEvent,
  type PointerEvent as ReactPointerEvent,
  type ReactNode,
} from 'react';
import type { ChronologyDetail } from '../../../shared/api/types';
import { plural } from '../../app/format';
import { measureText } from './text-measure';
import {
  axisTicks,
  centreOn,
  clampMsPerPx,
  fitScale,
  fitText,
  itemCentre,
  layoutLanes,
  majorLabel,
  MAX_LABEL_WIDTH,
  panBy,
  timelineItems,
  toTime,
  visiblePlaced,
  zoomAt,
  zoomLimits,
  type LaneLayout,
  type PlacedItem,
  type TimelineEventInput,
  type TimelineItem,
  type TimeScale,
} from './timeline-layout';
import { useElementSize } from './use-element-size';

// The chronology as a picture: time runs left to right, each event a point
// (a day) or a bar (a range, a month, a year), approximate and uncertain
// ends fading, open ends fading out to the edge of the view. Only what is in
// view is drawn (a chronology may hold thousands of events): the shapes are
// laid out once per zoom level in lanes, and a window a little wider than
// the view is rendered and moved as the view pans; it is redrawn only when
// the view leaves it.

interface Props {
  chronology: ChronologyDetail;
  onSelectEvent?: (id: number) => void;
}

const AXIS_HEIGHT = 44;
/** The lanes area is never shorter than this (px), so a chronology of one event still looks like a timeline. */
const MIN_LANES_HEIGHT = 160;
const POINT_RADIUS = 5;
const GAP = 8;
const MIN_BAR_WIDTH = 4;
const BAR_HEIGHT = 10;
const MAX_LABELLED_LANES = 40;
const ZOOM_STEP = 1.6;
const LANE = { labelled: 38, compact: 18 } as const;
const LABEL_PX = { labelled: 12, compact: 11 } as const;
/** Pointer travel (px) before a press becomes a pan rather than a click. */
const DRAG_THRESHOLD = 4;

const rangeFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

function eventInputs(chronology: ChronologyDetail): TimelineEventInput[] {
  return chronology.events.map((e) => ({
    id: e.id,
    date: e.date,
    dateLabel: e.dateLabel,
    title: e.title,
    conflict: e.corroboration.conflicts.length > 0,
    sourceCount: e.corroboration.sourceCount,
  }));
}

function describe(item: TimelineEventInput): string {
  const parts = [`${item.dateLabel}: ${item.title}`, plural(item.sourceCount, 'independent source')];
  if (item.conflict) parts.push('the evidence disagrees');
  return parts.join('. ');
}

interface Gradients {
  fadeIn: string;
  fadeOut: string;
  fadeInConflict: string;
  fadeOutConflict: string;
}

function Defs({ ids }: { ids: Gradients }) {
  const stops = (from: number, to: number, variable: string) => (
    <>
      <stop offset="0" style={{ stopColor: `var(${variable})`, stopOpacity: from }} />
      <stop offset="1" style={{ stopColor: `var(${variable})`, stopOpacity: to }} />
    </>
  );
  return (
    <defs>
      <linearGradient id={ids.fadeIn}>{stops(0, 0.85, '--tl-mark')}</linearGradient>
      <linearGradient id={ids.fadeOut}>{stops(0.85, 0, '--tl-mark')}</linearGradient>
      <linearGradient id={ids.fadeInConflict}>{stops(0, 0.85, '--tl-conflict')}</linearGradient>
      <linearGradient id={ids.fadeOutConflict}>{stops(0.85, 0, '--tl-conflict')}</linearGradient>
    </defs>
  );
}

interface DrawOptions {
  /** Zoom-space x of the drawing's x = 0. */
  originX: number;
  /** Where drawing stops on each side (open ends reach to these). */
  clipX0: number;
  clipX1: number;
  laneHeight: number;
  labelled: boolean;
  font: string;
  ids: Gradients;
  focusId: number | null;
  selectedId: number | null;
}

/** One event's shape, fades, conflict badge and label, in the drawing's coordinates. */
function drawItem(p: PlacedItem, o: DrawOptions): ReactNode {
  const { item } = p;
  const at = (x: number) => Math.min(Math.max(x - o.originX, o.clipX0), o.clipX1);
  const top = p.lane * o.laneHeight + (o.labelled ? 8 : 4);
  const mid = top + BAR_HEIGHT / 2;
  const x0 = at(p.x0);
  const x1 = at(p.x1);
  const fadeIn = item.conflict ? o.ids.fadeInConflict : o.ids.fadeIn;
  const fadeOut = item.conflict ? o.ids.fadeOutConflict : o.ids.fadeOut;
  const parts: ReactNode[] = [];
  const fadeHeight = item.kind === 'point' ? 6 : BAR_HEIGHT;
  const fadeTop = mid - fadeHeight / 2;
  // A point's fades start at its centre, under the dot; a bar's at its ends.
  const innerStart = item.kind === 'point' ? (x0 + x1) / 2 : x0;
  const innerEnd = item.kind === 'point' ? (x0 + x1) / 2 : x1;
  const fade = (key: string, from: number, to: number, fill: string) =>
    to - from > 0.5 && <rect key={key} className="tl-fade" x={from} y={fadeTop} width={to - from} height={fadeHeight} fill={`url(#${fill})`} />;
  if (item.startStyle === 'open') {
    // Open: no known start, the bar fades away towards the edge of the view from its known end.
    parts.push(fade('fi', o.clipX0, x1, fadeIn));
  } else if (item.startStyle === 'fuzzy') {
    parts.push(fade('fi', at(p.outer0), innerStart, fadeIn));
  }
  if (item.endStyle === 'open') {
    parts.push(fade('fo', x0, o.clipX1, fadeOut));
  } else if (item.endStyle === 'fuzzy') {
    parts.push(fade('fo', innerEnd, at(p.outer1), fadeOut));
  }
  const open = item.startStyle === 'open' || item.endStyle === 'open';
  if (item.kind === 'point' && !item.conflict) {
    parts.push(<circle key="c" className="tl-core" cx={(x0 + x1) / 2} cy={mid} r={POINT_RADIUS} />);
  } else if (item.kind === 'bar' && x1 > x0 && !open) {
    parts.push(<rect key="c" className="tl-core" x={x0} y={top} width={x1 - x0} height={BAR_HEIGHT} rx={2} />);
  } else if (open) {
    // The known end is drawn as a firm edge, so the fade reads as "until here", not as a blur.
    const edge = item.startStyle === 'open' ? x1 : x0;
    parts.push(<rect key="c" className="tl-core" x={edge - 1.5} y={top - 2} width={3} height={BAR_HEIGHT + 4} rx={1} />);
  }
  if (item.conflict) {
    // Not by colour alone: a "!" badge, which is the dot itself for a day.
    const bx = item.kind === 'point' ? (x0 + x1) / 2 : Math.max(x0, o.clipX0) + 6;
    parts.push(
      <g key="b" className="tl-badge">
        <circle cx={bx} cy={mid} r={POINT_RADIUS + 1.5} />
        <text x={bx} y={mid + 3.5} textAnchor="middle">
          !
        </text>
      </g>,
    );
  }
  const size = o.labelled ? LABEL_PX.labelled : LABEL_PX.compact;
  const font = `${size}px ${o.font}`;
  // The whole mark and its title answer the pointer, not only the painted pixels.
  const hit = (from: number, to: number, y: number, height: number) =>
    parts.unshift(<rect key="hit" className="tl-hit" x={from} y={y} width={Math.max(0, to - from)} height={height} />);
  if (o.labelled) {
    const labelX = Math.max(at(p.labelX), o.clipX0);
    const text = fitText(item.title, Math.min(MAX_LABEL_WIDTH, p.labelRoom), (s) => measureText(s, font));
    hit(Math.min(x0, labelX) - 2, Math.max(x1, labelX + (text ? measureText(text, font) : 0)) + 2, top - 6, 36);
    if (text) {
      parts.push(
        <text key="l" className="tl-label" x={labelX} y={top + 26} style={{ fontSize: size }}>
          {text}
        </text>,
      );
    }
  } else {
    // Marks only: a title shows beside its mark where the lane leaves room.
    const labelX = x1 + (item.conflict ? 8 : 5);
    const room = p.labelRoom - (p.x1 - p.labelX) - 5;
    const text = room > 36 ? fitText(item.title, Math.min(MAX_LABEL_WIDTH, room), (s) => measureText(s, font)) : '';
    // Marks only, and many of them: no hit area beyond the mark and its title, to keep the drawing light.
    if (text) {
      parts.push(
        <text key="l" className="tl-label" x={labelX} y={mid + 4} style={{ fontSize: size }}>
          {text}
        </text>,
      );
    }
  }
  const classes = ['tl-item', `tl-${item.kind}`];
  if (item.conflict) classes.push('is-conflict');
  if (item.uncertain) classes.push('is-uncertain');
  if (item.id === o.selectedId) classes.push('is-selected');
  return (
    <g
      key={item.id}
      className={classes.join(' ')}
      data-event-id={item.id}
      role="button"
      tabIndex={item.id === o.focusId ? 0 : -1}
      aria-label={describe(item)}
    >
      {parts}
    </g>
  );
}

interface Tip {
  id: number;
  x: number;
  y: number;
}

export function TimelineView({ chronology, onSelectEvent }: Props) {
  const uid = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  const ids: Gradients = useMemo(
    () => ({ fadeIn: `${uid}-fi`, fadeOut: `${uid}-fo`, fadeInConflict: `${uid}-fic`, fadeOutConflict: `${uid}-foc` }),
    [uid],
  );
  const helpId = `${uid}-help`;
  const stageRef = useRef<HTMLDivElement>(null);
  const scrollerRef = useRef<HTMLDivElement>(null);
  const [attachStage, stage] = useElementSize(stageRef);
  const [attachScroller, scroller] = useElementSize(scrollerRef);
  // The wheel listener goes on the stage once it exists.
  const [stageEl, setStageEl] = useState<HTMLDivElement | null>(null);
  const stageCallbackRef = useCallback(
    (node: HTMLDivElement | null) => {
      attachStage(node);
      setStageEl(node);
    },
    [attachStage],
  );
  const width = stage.width;

  const inputs = useMemo(() => eventInputs(chronology), [chronology]);
  const { items, unplaced, extent } = useMemo(() => timelineItems(inputs), [inputs]);
  const byId = useMemo(() => new Map(items.map((i) => [i.id, i])), [items]);

  const limits = useMemo(() => (extent && width > 0 ? zoomLimits(extent, width) : null), [extent, width]);
  const fitted = useMemo(() => (extent && limits ? fitScale(extent, width, limits) : null), [extent, limits, width]);
  // The researcher's own zoom and pan, for this chronology; until then the whole chronology fits.
  const [view, setView] = useState<{ chronologyId: number; scale: TimeScale } | null>(null);
  const scale: TimeScale | null = useMemo(
    () =>
      view && view.chronologyId === chronology.id && limits
        ? { start: view.scale.start, msPerPx: clampMsPerPx(view.scale.msPerPx, limits) }
        : fitted,
    [view, chronology.id, limits, fitted],
  );
  const setScale = (next: TimeScale) => setView({ chronologyId: chronology.id, scale: next });

  const [scrollTop, setScrollTop] = useState(0);
  const [focusId, setFocusId] = useState<number | null>(null);
  const [focusRequest, setFocusRequest] = useState(0);
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [tip, setTip] = useState<Tip | null>(null);

  const msPerPx = scale?.msPerPx ?? null;
  const font = stage.fontFamily;
  const layout: LaneLayout | null = useMemo(() => {
    if (msPerPx === null) return null;
    const labelFont = `${LABEL_PX.labelled}px ${font}`;
    return layoutLanes(items, msPerPx, {
      pointRadius: POINT_RADIUS,
      gap: GAP,
      minBarWidth: MIN_BAR_WIDTH,
      maxLabelledLanes: MAX_LABELLED_LANES,
      labelWidth: (item) => Math.min(MAX_LABEL_WIDTH, measureText(item.title, labelFont)) + (item.conflict ? 4 : 0),
    });
  }, [items, msPerPx, font]);

  const laneHeight = layout?.labelled === false ? LANE.compact : LANE.labelled;
  const viewX0 = scale ? scale.start / scale.msPerPx : 0;
  // The rendered window moves in quarter-view steps and reaches a quarter view past each side, so a pan
  // redraws only when it crosses a step; vertically, in half-view steps with half a view to spare.
  const chunk = Math.max(width / 4, 60);
  const renderX0 = (Math.floor(viewX0 / chunk) - 1) * chunk;
  const renderX1 = renderX0 + width + 2 * chunk;
  const halfLanes = Math.max(1, Math.ceil((scroller.height || 300) / laneHeight / 2));
  const laneBlock = Math.floor(scrollTop / laneHeight / halfLanes);
  const laneFrom = Math.max(0, (laneBlock - 1) * halfLanes);
  const laneTo = (laneBlock + 3) * halfLanes;

  const visible = useMemo(
    () => (layout ? visiblePlaced(layout, renderX0, renderX1, laneFrom, laneTo) : []),
    [layout, renderX0, renderX1, laneFrom, laneTo],
  );
  // Shapes with an open end reach to the view's edge, so they move with every pan; there are few.
  const bounded = useMemo(() => visible.filter((p) => p.item.startStyle !== 'open' && p.item.endStyle !== 'open'), [visible]);
  const open = useMemo(() => visible.filter((p) => p.item.startStyle === 'open' || p.item.endStyle === 'open'), [visible]);

  const focusable = focusId !== null && byId.has(focusId) ? focusId : (items[0]?.id ?? null);
  const labelled = layout?.labelled ?? true;
  const drawnBounded = useMemo(
    () =>
      bounded.map((p) =>
        drawItem(p, {
          originX: renderX0,
          // Far enough off-screen to be unseen, near enough for SVG's single-precision coordinates.
          clipX0: -2 * width,
          clipX1: 4 * width,
          laneHeight,
          labelled,
          font,
          ids,
          focusId: focusable,
          selectedId,
        }),
      ),
    [bounded, renderX0, width, laneHeight, labelled, font, ids, focusable, selectedId],
  );
  const drawnOpen = open.map((p) =>
    drawItem(p, { originX: viewX0, clipX0: -2, clipX1: width + 2, laneHeight, labelled, font, ids, focusId: focusable, selectedId }),
  );

  const axis = useMemo(() => {
    if (!scale || width <= 0) return null;
    return axisTicks(scale.start, toTime(scale, width), scale.msPerPx);
  }, [scale, width]);

  // Keep keyboard focus on the event that arrow keys moved to, once it is drawn.
  useEffect(() => {
    if (focusRequest === 0 || focusId === null) return;
    stageRef.current?.querySelector<SVGGElement>(`[data-event-id="${focusId}"]`)?.focus({ preventScroll: true });
  }, [focusRequest, focusId, drawnBounded]);

  // ---- interaction ------------------------------------------------------

  const zoomBy = (factor: number, anchorX = width / 2) => {
    if (scale && limits) setScale(zoomAt(scale, factor, anchorX, limits));
  };
  const fit = () => setView(null);

  function select(id: number) {
    setSelectedId(id);
    setFocusId(id);
    onSelectEvent?.(id);
  }

  /** Brings an event into view (time and lane) and gives it keyboard focus. */
  function goTo(item: TimelineItem) {
    if (!scale || !layout) return;
    const c = itemCentre(item);
    const x = (c - scale.start) / scale.msPerPx;
    if (x < width * 0.1 || x > width * 0.9) setScale(centreOn(scale, c, width));
    const placed = layout.placed.find((p) => p.item.id === item.id);
    const el = scrollerRef.current;
    if (placed && el) {
      const y = placed.lane * laneHeight;
      if (y < el.scrollTop || y + laneHeight > el.scrollTop + el.clientHeight) el.scrollTop = Math.max(0, y - el.clientHeight / 2);
    }
    setFocusId(item.id);
    setFocusRequest((n) => n + 1);
  }

  const onWheel = useEffectEvent((e: WheelEvent) => {
    if (!scale || !limits) return;
    const unit = e.deltaMode === 1 ? 16 : e.deltaMode === 2 ? width : 1;
    const box = stageRef.current!.getBoundingClientRect();
    if (e.ctrlKey || e.metaKey) {
      // Ctrl+wheel, and a trackpad's pinch, which Chromium reports as Ctrl+wheel.
      e.preventDefault();
      setScale(zoomAt(scale, Math.exp(-e.deltaY * unit * 0.002), e.clientX - box.left, limits));
      return;
    }
    const dx = e.shiftKey && e.deltaX === 0 ? e.deltaY : e.deltaX;
    if (Math.abs(dx) > Math.abs(e.deltaY) || (e.shiftKey && dx !== 0)) {
      e.preventDefault();
      setScale(panBy(scale, -dx * unit));
    }
    // A plain vertical wheel scrolls the lanes (natively).
  });

  useEffect(() => {
    if (!stageEl) return;
    // React's wheel listener is passive; zooming must stop the page from scrolling.
    const listener = (e: WheelEvent) => onWheel(e);
    stageEl.addEventListener('wheel', listener, { passive: false });
    return () => stageEl.removeEventListener('wheel', listener);
  }, [stageEl]);

  // Pointers: one drags (pans in time and across lanes), two pinch.
  const pointers = useRef(new Map<number, { x: number; y: number }>());
  const drag = useRef<{ x: number; y: number; moved: boolean; scale: TimeScale; scrollTop: number } | null>(null);
  const pinch = useRef<{ distance: number; scale: TimeScale } | null>(null);
  const suppressClick = useRef(false);

  function onPointerDown(e: ReactPointerEvent<HTMLDivElement>) {
    if (!scale || (e.pointerType === 'mouse' && e.button !== 0)) return;
    if ((e.target as Element).closest('button, a, input, select')) return;
    pointers.current.set(e.pointerId, { x: e.clientX, y: e.clientY });
    suppressClick.current = false;
    if (pointers.current.size === 2) {
      const [a, b] = [...pointers.current.values()];
      pinch.current = { distance: Math.hypot(a!.x - b!.x, a!.y - b!.y), scale };
      drag.current = null;
    } else {
      drag.current = { x: e.clientX, y: e.clientY, moved: false, scale, scrollTop: scrollerRef.current?.scrollTop ?? 0 };
    }
  }

  function onPointerMove(e: ReactPointerEvent<HTMLDivElement>) {
    if (!pointers.current.has(e.pointerId)) return;
    pointers.current.set(e.pointerId, { x: e.clientX, y: e.clientY });
    const box = stageRef.current!.getBoundingClientRect();
    if (pinch.current && pointers.current.size === 2 && limits) {
      const [a, b] = [...pointers.current.values()];
      const distance = Math.hypot(a!.x - b!.x, a!.y - b!.y);
      if (pinch.current.distance > 0) {
        setScale(zoomAt(pinch.current.scale, distance / pinch.current.distance, (a!.x + b!.x) / 2 - box.left, limits));
      }
      return;
    }
    const d = drag.current;
    if (!d) return;
    const dx = e.clientX - d.x;
    const dy = e.clientY - d.y;
    if (!d.moved && Math.hypot(dx, dy) < DRAG_THRESHOLD) return;
    if (!d.moved) {
      d.moved = true;
      suppressClick.current = true;
      setTip(null);
      e.currentTarget.setPointerCapture(e.pointerId);
    }
    setScale(panBy(d.scale, dx));
    if (scrollerRef.current) scrollerRef.current.scrollTop = d.scrollTop - dy;
  }

  function onPointerEnd(e: ReactPointerEvent<HTMLDivElement>) {
    pointers.current.delete(e.pointerId);
    if (pointers.current.size < 2) pinch.current = null;
    if (pointers.current.size === 0) drag.current = null;
  }

  function eventIdAt(target: EventTarget | null): number | null {
    const el = target instanceof Element ? target.closest('[data-event-id]') : null;
    const id = el ? Number(el.getAttribute('data-event-id')) : NaN;
    return Number.isInteger(id) && byId.has(id) ? id : null;
  }

  function onClick(e: ReactMouseEvent) {
    if (suppressClick.current) {
      suppressClick.current = false;
      return;
    }
    const id = eventIdAt(e.target);
    if (id !== null) select(id);
  }

  function showTip(target: EventTarget | null, clientX?: number, clientY?: number) {
    const id = eventIdAt(target);
    const box = stageRef.current?.getBoundingClientRect();
    if (id === null || !box || drag.current?.moved) {
      setTip(null);
      return;
    }
    let x = clientX;
    let y = clientY;
    if (x === undefined || y === undefined) {
      const r = (target as Element).closest('[data-event-id]')!.getBoundingClientRect();
      x = r.left + Math.min(r.width, 40) / 2;
      y = r.bottom;
    }
    setTip({ id, x: x - box.left, y: y - box.top });
  }

  function onKeyDown(e: ReactKeyboardEvent<HTMLDivElement>) {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const onEvent = eventIdAt(e.target);
    const current = onEvent !== null ? byId.get(onEvent) : undefined;
    const key = e.key;
    if (key === '+' || key === '=') zoomBy(ZOOM_STEP, current && scale ? (itemCentre(current) - scale.start) / scale.msPerPx : undefined);
    else if (key === '-' || key === '_') zoomBy(1 / ZOOM_STEP);
    else if (key === '0') fit();
    else if (current && (key === 'ArrowRight' || key === 'ArrowLeft')) {
      const next = items[current.order + (key === 'ArrowRight' ? 1 : -1)];
      if (next) goTo(next);
    } else if (current && (key === 'Home' || key === 'End')) {
      const next = key === 'Home' ? items[0] : items[items.length - 1];
      if (next) goTo(next);
    } else if (current && (key === 'Enter' || key === ' ')) select(current.id);
    else if (!current && scale && (key === 'ArrowRight' || key === 'ArrowLeft')) setScale(panBy(scale, (key === 'ArrowRight' ? -1 : 1) * width * 0.2));
    else if (!current && scrollerRef.current && (key === 'ArrowDown' || key === 'ArrowUp')) scrollerRef.current.scrollTop += (key === 'ArrowDown' ? 3 : -3) * laneHeight;
    else return;
    e.preventDefault();
  }

  // ---- drawing ----------------------------------------------------------

  if (items.length === 0) {
    return (
      <section className="tl" aria-label="Timeline">
        <p className="panel-empty">{chronology.events.length === 0 ? 'No events to draw yet.' : 'No event has a date the timeline can place.'}</p>
        <Unplaced events={unplaced} />
      </section>
    );
  }

  const tipItem = tip ? byId.get(tip.id) : undefined;
  // The stage grows with its lanes up to a maximum (CSS), then scrolls; the grid fills at least its minimum.
  const contentHeight = (layout?.laneCount ?? 0) * laneHeight + 12;
  const gridHeight = Math.max(contentHeight, MIN_LANES_HEIGHT);
  const shift = renderX0 - viewX0;
  const rangeText = scale && width > 0 ? `${rangeFormat.format(new Date(scale.start))} – ${rangeFormat.format(new Date(toTime(scale, width)))}` : '';
  const x = (t: number) => (scale ? (t - scale.start) / scale.msPerPx : 0);

  return (
    <section className="tl" aria-label={`Timeline of ${chronology.name}`}>
      <div className="tl-toolbar">
        <div className="tl-zoom" role="group" aria-label="Zoom">
          <button type="button" className="btn btn-secondary btn-small btn-icon" onClick={() => zoomBy(1 / ZOOM_STEP)} aria-label="Zoom out" title="Zoom out (−)">
            −
          </button>
          <button type="button" className="btn btn-secondary btn-small btn-icon" onClick={() => zoomBy(ZOOM_STEP)} aria-label="Zoom in" title="Zoom in (+)">
            +
          </button>
          <button type="button" className="btn btn-secondary btn-small" onClick={fit} title="Show every event (0)">
            Fit
          </button>
        </div>
        <span className="tl-range" data-testid="timeline-range">
          {rangeText}
        </span>
        <span className="tl-count">{plural(items.length, 'event')}</span>
      </div>
      <p id={helpId} className="visually-hidden">
        Drag or scroll to move along the timeline; Ctrl and the wheel, or plus and minus, zoom; 0 shows every event. On an event, the left and right arrow keys go to the previous or next event, Enter opens it.
      </p>
      <div
        className="tl-stage"
        ref={stageCallbackRef}
        tabIndex={0}
        role="group"
        aria-label={`Timeline, ${plural(items.length, 'event')}${rangeText ? `, showing ${rangeText}` : ''}`}
        aria-describedby={helpId}
        onKeyDown={onKeyDown}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerEnd}
        onPointerCancel={onPointerEnd}
        onClick={onClick}
        onPointerOver={(e) => showTip(e.target, e.clientX, e.clientY)}
        onPointerLeave={() => setTip(null)}
        onFocus={(e) => showTip(e.target)}
        onBlur={() => setTip(null)}
      >
        <svg className="tl-axis" width={width} height={AXIS_HEIGHT} aria-hidden="true">
          {axis?.major.map((t, i) => {
            const next = axis.major[i + 1];
            const left = Math.max(x(t.time), 0);
            const right = next ? x(next.time) : width;
            const label = majorLabel(t.label, right - left - 12, (s) => measureText(s, `650 12px ${font}`));
            return (
              <g key={t.time}>
                {x(t.time) >= 0 && <line className="tl-major-tick" x1={x(t.time)} x2={x(t.time)} y1={0} y2={AXIS_HEIGHT} />}
                {label && (
                  <text className="tl-major-label" x={left + 6} y={16}>
                    {label}
                  </text>
                )}
              </g>
            );
          })}
          {axis?.minor.map((t) => (
            <g key={t.time}>
              <line className="tl-minor-tick" x1={x(t.time)} x2={x(t.time)} y1={AXIS_HEIGHT - 8} y2={AXIS_HEIGHT} />
              <text className="tl-minor-label" x={x(t.time) + 3} y={AXIS_HEIGHT - 12}>
                {t.label}
              </text>
            </g>
          ))}
          <line className="tl-axis-line" x1={0} x2={width} y1={AXIS_HEIGHT - 0.5} y2={AXIS_HEIGHT - 0.5} />
        </svg>
        <div className="tl-scroller" ref={attachScroller} onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}>
          <svg className="tl-lanes" width={width} height={gridHeight}>
            <Defs ids={ids} />
            <g aria-hidden="true">
              {axis?.minor.map((t) => (
                <line key={t.time} className="tl-grid" x1={x(t.time)} x2={x(t.time)} y1={0} y2={gridHeight} />
              ))}
              {axis?.major.map((t) => x(t.time) >= 0 && <line key={t.time} className="tl-grid tl-grid-major" x1={x(t.time)} x2={x(t.time)} y1={0} y2={gridHeight} />)}
            </g>
            <g transform={`translate(${shift} 0)`}>{drawnBounded}</g>
            <g>{drawnOpen}</g>
          </svg>
        </div>
        {tipItem && tip && (
          <div
            className="tl-tip"
            role="tooltip"
            style={{ left: Math.min(Math.max(tip.x, 8), Math.max(8, width - 280)), top: Math.min(tip.y + 14, (stage.height || 400) - 70) }}
          >
            <span className="tl-tip-date">{tipItem.dateLabel}</span>
            <span className="tl-tip-title">{tipItem.title}</span>
            <span className="tl-tip-meta">
              {plural(tipItem.sourceCount, 'independent source')}
              {tipItem.conflict && <strong className="tl-tip-conflict"> · the evidence disagrees</strong>}
            </span>
          </div>
        )}
      </div>
      <TimelineKey />
      <Unplaced events={unplaced} />
    </section>
  );
}

function TimelineKey() {
  return (
    <ul className="tl-key" aria-label="How to read the timeline">
      <li>
        <svg width="16" height="12" aria-hidden="true">
          <circle className="tl-key-core" cx="8" cy="6" r="4.5" />
        </svg>
        a day
      </li>
      <li>
        <svg width="28" height="12" aria-hidden="true">
          <rect className="tl-key-core" x="2" y="1" width="24" height="10" rx="2" />
        </svg>
        a range, month or year
      </li>
      <li>
        <svg width="36" height="12" aria-hidden="true">
          <rect className="tl-key-fade-in" x="0" y="1" width="12" height="10" />
          <rect className="tl-key-core" x="12" y="1" width="12" height="10" />
          <rect className="tl-key-fade-out" x="24" y="1" width="12" height="10" />
        </svg>
        approximate or uncertain (faded ends); open ends fade to the edge
      </li>
      <li>
        <svg width="16" height="14" aria-hidden="true" className="tl-key-badge">
          <circle cx="8" cy="7" r="5.5" />
          <text x="8" y="10.5" textAnchor="middle">
            !
          </text>
        </svg>
        the evidence disagrees
      </li>
    </ul>
  );
}

function Unplaced({ events }: { events: TimelineEventInput[] }) {
  if (events.length === 0) return null;
  return (
    <div className="tl-unplaced">
      <p className="meta">Not on the timeline (their dates cannot be read):</p>
      <ul>
        {events.map((e) => (
          <li key={e.id}>
            <span className="mono">{e.date}</span> {e.title}
          </li>
        ))}
      </ul>
    </div>
  );
}
