import { useId } from 'react';
import { dateLabel } from '../../../shared/dates/event-date';
import { writtenSpans } from '../../../shared/chronology/edtf-span';
import {
  CREDIBILITY_WORDS,
  RELIABILITY_GRADES,
  RELIABILITY_WORDS,
  type ChronologyFilter,
  type FilterChoices,
  type Reliability,
} from './event-filtering';

// The filter bar above the list. Its state lives in the chronology view
// (not the address): a filter is a passing question, and the hash already
// names the chronology.

interface Props {
  filter: ChronologyFilter;
  onChange: (filter: ChronologyFilter) => void;
  choices: FilterChoices;
  problems: { from?: string; to?: string };
}

function Choice({ label, value, options, any, onChange }: { label: string; value: string; options: string[]; any: string; onChange: (v: string) => void }) {
  const id = useId();
  return (
    <div className="filter-field">
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <select id={id} className="input" value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{any}</option>
        {/* A value chosen before the list changed stays selectable, so the filter never silently drops it. */}
        {value && !options.includes(value) && <option value={value}>{value}</option>}
        {options.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>
    </div>
  );
}

function DateBox({ label, value, problem, onChange }: { label: string; value: string; problem?: string; onChange: (v: string) => void }) {
  const id = useId();
  const v = value.trim();
  const hint = v && writtenSpans.get(v) ? dateLabel(v) : '';
  return (
    <div className="filter-field filter-date">
      <div className="filter-label-row">
        <label htmlFor={id} className="field-label">
          {label}
        </label>
        <span id={`${id}-hint`} className={`filter-hint${problem ? ' is-problem' : ''}`} title={problem}>
          {problem ? 'not a date' : hint}
        </span>
      </div>
      <input
        id={id}
        className={`input input-mono${problem ? ' is-invalid' : ''}`}
        value={value}
        placeholder="2025-12-01"
        aria-invalid={problem ? true : undefined}
        aria-describedby={`${id}-hint`}
        title={problem}
        onChange={(e) => onChange(e.target.value)}
      />
      {problem && <span className="visually-hidden">{problem}</span>}
    </div>
  );
}

export function FilterBar({ filter, onChange, choices, problems }: Props) {
  const textId = useId();
  const reliabilityId = useId();
  const credibilityId = useId();
  const set = <K extends keyof ChronologyFilter>(key: K, value: ChronologyFilter[K]) => onChange({ ...filter, [key]: value });
  return (
    <search className="filter-bar" aria-label="Filter events">
      <div className="filter-field filter-text">
        <label htmlFor={textId} className="field-label">
          Search
        </label>
        <input
          id={textId}
          type="search"
          className="input"
          value={filter.text}
          placeholder="Words in title, description, place…"
          onChange={(e) => set('text', e.target.value)}
        />
      </div>
      <Choice label="Tag" value={filter.tag} options={choices.tags} any="Any tag" onChange={(v) => set('tag', v)} />
      <Choice label="Actor" value={filter.actor} options={choices.actors} any="Any actor" onChange={(v) => set('actor', v)} />
      <Choice label="Source" value={filter.outlet} options={choices.outlets} any="Any outlet" onChange={(v) => set('outlet', v)} />
      <div className="filter-field">
        <label htmlFor={reliabilityId} className="field-label">
          Source grade
        </label>
        <select
          id={reliabilityId}
          className="input"
          value={filter.minReliability}
          title="Keep events backed by evidence from an outlet graded at least this"
          onChange={(e) => set('minReliability', e.target.value as Reliability | '')}
        >
          <option value="">Any</option>
          {RELIABILITY_GRADES.map((g) => (
            <option key={g} value={g}>
              {g === 'A' ? 'A' : `${g} or better`} — {RELIABILITY_WORDS[g]}
            </option>
          ))}
        </select>
      </div>
      <div className="filter-field">
        <label htmlFor={credibilityId} className="field-label">
          Credibility
        </label>
        <select
          id={credibilityId}
          className="input"
          value={filter.maxCredibility}
          title="Keep events backed by a claim judged at least this credible"
          onChange={(e) => set('maxCredibility', Number(e.target.value))}
        >
          <option value={0}>Any</option>
          {CREDIBILITY_WORDS.map((words, i) => (
            <option key={words} value={i + 1}>
              {i === 0 ? '1' : `${i + 1} or better`} — {words}
            </option>
          ))}
        </select>
      </div>
      <DateBox label="From" value={filter.from} problem={problems.from} onChange={(v) => set('from', v)} />
      <DateBox label="To" value={filter.to} problem={problems.to} onChange={(v) => set('to', v)} />
    </search>
  );
}
