import { useMemo, useRef, useState, type ReactNode } from 'react';
import type { QuantityMark, QuantitySeries } from '../../../shared/chronology/quantity-series';
import { plural } from '../../app/format';
import {
  asOfText,
  dodge,
  figureText,
  markEncoding,
  markTime,
  measureHeading,
  placeable,
  scaleValue,
  sourceColours,
  timeDomain,
  valueDomain,
  valueTicks,
  type LinearScale,
} from './quantity-chart-layout';
import { axisTicks, DAY_MS, majorLabel } from './timeline-layout';
import { measureText } from './text-measure';
import { useElementSize } from './use-element-size';

// Each measure's figures over time, one small chart per measure ("killed",
// "strikes"), all on one time axis so they can be read against each other.
// One mark per independent source per claim, in the source's colour; the
// mark's shape says what kind of figure it is. The chart is a picture
// (role="img" with a summary); the figures are also a table below it, which
// is the way in for the keyboard and for screen readers.

interface Props {
  series: QuantitySeries[];
  onSelectEvent?: (id: number) => void;
}

const HEIGHT = 210;
const MARGIN = { top: 16, right: 18, bottom: 40, left: 48 };
const DOT = 4.5;
const ARROW = 24;
const DODGE = 10;

const dayFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

function summary(series: QuantitySeries, placed: QuantityMark[]): string {
  const heading = measureHeading(series.unit);
  const sources = new Set(series.marks.map((m) => m.sourceName)).size;
  const parts = [`${heading}: ${plural(series.marks.length, 'figure')} from ${plural(sources, 'source')}`];
  if (placed.length > 0) {
    const first = placed[0]!;
    const last = placed[placed.length - 1]!;
    parts.push(`from ${dayFormat.format(new Date(markTime(first)))} to ${dayFormat.format(new Date(markTime(last)))}`);
    parts.push(`latest: ${figureText(last)} (${last.sourceName})`);
  }
  const undated = series.marks.length - placed.length;
  if (undated > 0) parts.push(`${undated} undated, listed below the chart`);
  return `${parts.join('; ')}.`;
}

interface Tip {
  mark: QuantityMark;
  x: number;
  y: number;
}

/** One mark's drawing, centred on (x, y), with the scale for bands and bars. */
function MarkShape({ mark, x, y, y0, y1, top, bottom, spanX }: { mark: QuantityMark; x: number; y: number; y0: number | null; y1: number | null; top: number; bottom: number; spanX: [number, number] | null }) {
  const e = markEncoding(mark);
  const parts: ReactNode[] = [];
  if (spanX) parts.push(<line key="s" className="qc-asof" x1={spanX[0]} x2={spanX[1]} y1={y} y2={y} />);
  if (e.shape === 'at-least' || e.shape === 'at-most') {
    // An open range: the whisker points the way the true figure may lie, with no end.
    const up = e.shape === 'at-least';
    const length = Math.max(8, Math.min(ARROW, up ? y - top : bottom - y));
    const tip = up ? y - length : y + length;
    parts.push(<line key="w" className="qc-line" x1={x} x2={x} y1={up ? y - DOT : y + DOT} y2={tip} />);
    const head = up ? `${x - 4},${tip + 5} ${x},${tip - 1} ${x + 4},${tip + 5}` : `${x - 4},${tip - 5} ${x},${tip + 1} ${x + 4},${tip - 5}`;
    parts.push(<polyline key="h" className="qc-line" points={head} />);
  } else if (e.shape === 'about' && y0 !== null && y1 !== null) {
    parts.push(<line key="w" className="qc-line" x1={x} x2={x} y1={y0} y2={y1} />);
    parts.push(<line key="c0" className="qc-line" x1={x - 4} x2={x + 4} y1={y0} y2={y0} />);
    parts.push(<line key="c1" className="qc-line" x1={x - 4} x2={x + 4} y1={y1} y2={y1} />);
  } else if (e.shape === 'range' && y0 !== null && y1 !== null) {
    parts.push(<rect key="r" className="qc-band qc-line" x={x - 4} y={Math.min(y0, y1)} width={8} height={Math.abs(y1 - y0)} rx={2} />);
  }
  parts.push(<circle key="d" className={`qc-dot${e.hollow ? ' is-hollow' : ''}`} cx={x} cy={y} r={DOT} />);
  return <>{parts}</>;
}

function SeriesChart({
  series,
  colours,
  domain,
  onSelectEvent,
}: {
  series: QuantitySeries;
  colours: Map<string, number>;
  domain: [number, number] | null;
  onSelectEvent?: (id: number) => void;
}) {
  const plotRef = useRef<HTMLDivElement>(null);
  const [attachPlot, { width: measured, fontFamily }] = useElementSize(plotRef);
  const width = Math.max(measured, 320);
  const [tip, setTip] = useState<Tip | null>(null);
  const headingId = `qc-${series.measure.replace(/[^a-z0-9]+/gi, '-')}`;
  const placed = useMemo(() => series.marks.filter(placeable), [series.marks]);
  const undated = useMemo(() => series.marks.filter((m) => !placeable(m)), [series.marks]);
  const sources = useMemo(() => [...new Set(series.marks.map((m) => m.sourceName))], [series.marks]);

  const [v0, v1] = valueDomain(series.marks);
  const yScale: LinearScale = { domain: [v0, v1], range: [HEIGHT - MARGIN.bottom, MARGIN.top] };
  const xScale: LinearScale | null = domain ? { domain, range: [MARGIN.left, width - MARGIN.right] } : null;
  const y = (v: number) => scaleValue(yScale, v);
  const x = (t: number) => (xScale ? scaleValue(xScale, t) : MARGIN.left);
  const plotWidth = width - MARGIN.left - MARGIN.right;
  // Ticks a little sparser than the timeline's: the chart is narrower and its labels sit under each other.
  const axis = domain ? axisTicks(domain[0], domain[1], ((domain[1] - domain[0]) / Math.max(plotWidth, 1)) * 1.5) : null;
  const yTicks = valueTicks(v0, v1);

  const xs = placed.map((m) => x(markTime(m)));
  const ys = placed.map((m) => y(m.value));
  const offsets = dodge(xs, ys, DODGE);
  const top = MARGIN.top;
  const bottom = HEIGHT - MARGIN.bottom;

  return (
    <figure className="qc-chart" aria-labelledby={headingId}>
      <h3 id={headingId}>{measureHeading(series.unit)}</h3>
      <p className="qc-sub">
        {plural(series.marks.length, 'figure')} from {plural(sources.length, 'source')}
      </p>
      <div className="qc-plot" ref={attachPlot}>
        <svg className="qc-svg" width={width} height={HEIGHT} role="img" aria-label={summary(series, placed)} onPointerLeave={() => setTip(null)}>
          {yTicks.map((v) => (
            <g key={v}>
              <line className="qc-gridline" x1={MARGIN.left} x2={width - MARGIN.right} y1={y(v)} y2={y(v)} />
              <text className="qc-tick-label" x={MARGIN.left - 8} y={y(v) + 4} textAnchor="end">
                {v.toLocaleString('en-GB')}
              </text>
            </g>
          ))}
          <line className="qc-axis-line" x1={MARGIN.left} x2={width - MARGIN.right} y1={bottom} y2={bottom} />
          {axis?.minor.map((t) => (
            <g key={t.time}>
              <line className="qc-axis-line" x1={x(t.time)} x2={x(t.time)} y1={bottom} y2={bottom + 5} />
              <text className="qc-tick-label" x={x(t.time)} y={bottom + 17} textAnchor="middle">
                {t.label}
              </text>
            </g>
          ))}
          {axis?.major.map((t, i) => {
            const left = Math.max(x(t.time), MARGIN.left);
            const next = axis.major[i + 1];
            const right = next ? x(next.time) : width - MARGIN.right;
            const label = majorLabel(t.label, right - left - 10, (s) => measureText(s, `650 11px ${fontFamily}`));
            return label ? (
              <text key={t.time} className="qc-tick-label" x={left} y={bottom + 33} style={{ fontWeight: 650 }}>
                {label}
              </text>
            ) : null;
          })}
          {placed.map((m, i) => {
            const cx = xs[i]! + offsets[i]!;
            const cy = ys[i]!;
            const e = markEncoding(m);
            const wide = m.asOfStart !== null && m.asOfEnd !== null && m.asOfEnd - m.asOfStart > 2 * DAY_MS;
            return (
              <g
                key={`${m.claimId ?? `h${m.highlightId}`}-${m.sourceName}-${i}`}
                className={`qc-mark src-${colours.get(m.sourceName) ?? 0}${m.datedBy === 'publication' ? ' is-publication' : ''}`}
                data-event-id={m.eventId}
                data-figure={figureText(m)}
                onClick={() => onSelectEvent?.(m.eventId)}
                onPointerEnter={() => setTip({ mark: m, x: cx, y: cy })}
              >
                <MarkShape
                  mark={m}
                  x={cx}
                  y={cy}
                  y0={e.low !== null ? y(e.low) : null}
                  y1={e.high !== null ? y(e.high) : null}
                  top={top}
                  bottom={bottom}
                  spanX={wide ? [x(m.asOfStart!), x(m.asOfEnd!)] : null}
                />
              </g>
            );
          })}
        </svg>
        {tip && (
          <div
            className="qc-tip"
            // Above the mark and its arrow (below when there is no room), so it hides the marks beside it as little as it can.
            style={{ left: Math.min(Math.max(tip.x - 120, 0), width - 250), top: tip.y - 96 >= -MARGIN.top ? tip.y - 96 : tip.y + 14 }}
          >
            <strong>
              {figureText(tip.mark)} {series.unit}
            </strong>
            <br />
            {tip.mark.sourceName} · {asOfText(tip.mark)}
          </div>
        )}
      </div>
      <ul className="qc-legend" aria-label={`Sources of the ${series.unit} figures`}>
        {sources.map((name) => (
          <li key={name}>
            <span className={`qc-legend-swatch src-${colours.get(name) ?? 0}`} aria-hidden="true" />
            {name}
          </li>
        ))}
      </ul>
      {undated.length > 0 && (
        <div className="qc-undated">
          <p className="meta">Not on the chart (no date is known for {undated.length === 1 ? 'this figure' : 'these figures'}):</p>
          <ul>
            {undated.map((m, i) => (
              <li key={`${m.claimId}-${m.sourceName}-${i}`}>
                {figureText(m)} — {m.sourceName}
              </li>
            ))}
          </ul>
        </div>
      )}
      <details className="qc-table-toggle">
        <summary>The {plural(series.marks.length, 'figure')} as a table</summary>
        <table className="qc-table">
          <caption className="visually-hidden">{measureHeading(series.unit)}: every figure, earliest first</caption>
          <thead>
            <tr>
              <th scope="col">As of</th>
              <th scope="col">Figure</th>
              <th scope="col">Source</th>
              {onSelectEvent && <th scope="col">Event</th>}
            </tr>
          </thead>
          <tbody>
            {series.marks.map((m, i) => (
              <tr key={`${m.claimId ?? `h${m.highlightId}`}-${m.sourceName}-${i}`}>
                <td>{asOfText(m)}</td>
                <td>
                  {figureText(m)} {series.unit}
                </td>
                <td>{m.sourceName}</td>
                {onSelectEvent && (
                  <td>
                    <button type="button" className="btn btn-link btn-small" onClick={() => onSelectEvent(m.eventId)}>
                      Show event
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

function ShapeKey() {
  const item = (label: string, drawing: ReactNode, width = 22) => (
    <li>
      <svg width={width} height="22" aria-hidden="true" className="qc-mark src-7">
        {drawing}
      </svg>
      {label}
    </li>
  );
  return (
    <ul className="qc-legend qc-shapes" aria-label="How to read the figures">
      {item('exact figure', <circle className="qc-dot" cx="11" cy="11" r={DOT} />)}
      {item(
        'more than (open above)',
        <>
          <line className="qc-line" x1="11" x2="11" y1="11" y2="2" />
          <polyline className="qc-line" points="7,7 11,1 15,7" />
          <circle className="qc-dot is-hollow" cx="11" cy="15" r={DOT} />
        </>,
      )}
      {item(
        'about (± 10 %)',
        <>
          <line className="qc-line" x1="11" x2="11" y1="3" y2="19" />
          <line className="qc-line" x1="7" x2="15" y1="3" y2="3" />
          <line className="qc-line" x1="7" x2="15" y1="19" y2="19" />
          <circle className="qc-dot" cx="11" cy="11" r={DOT} />
        </>,
      )}
      {item('a range', <rect className="qc-band qc-line" x="7" y="3" width="8" height="16" rx="2" />)}
      {item(
        'dated by publication (no as-of date given)',
        <g className="is-publication">
          <circle className="qc-dot is-hollow" cx="11" cy="11" r={DOT} strokeDasharray="3 2" strokeWidth={1.5} />
        </g>,
      )}
    </ul>
  );
}

export function QuantityChart({ series, onSelectEvent }: Props) {
  const colours = useMemo(() => sourceColours(series), [series]);
  const domain = useMemo(() => timeDomain(series), [series]);
  if (series.length === 0) {
    return (
      <section className="qc" aria-label="Figures over time">
        <p className="panel-empty">
          No figures yet. Make a claim with a quantity (a death toll, a number of strikes) and link it to an event: each measure gets a chart of its figures over time, one mark per source.
        </p>
      </section>
    );
  }
  return (
    <section className="qc" aria-label="Figures over time">
      {series.map((s) => (
        <SeriesChart key={s.measure} series={s} colours={colours} domain={domain} onSelectEvent={onSelectEvent} />
      ))}
      <ShapeKey />
    </section>
  );
}
