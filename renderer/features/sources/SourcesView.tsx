import { useState } from 'react';
import type { Source } from '../../../shared/api/types';
import { call } from '../../api/client';
import { useQuery } from '../../api/hooks';
import { useDataVersion } from '../../app/data-version';
import { plural } from '../../app/format';
import { ErrorNote, Loading } from '../../app/ui';
import { RELIABILITY_GRADES, reliabilityMeaning, type ReliabilityGrade } from './admiralty';

// The outlets the project's articles come from, each graded on the
// Admiralty (NATO) scale of source reliability. The grade travels with the
// outlet's passages as evidence; the meaning of each letter is always in view,
// because "C" alone says little to a reader who does not use the scale daily.

function GradeBadge({ grade }: { grade: string | null }) {
  return (
    <span className={`grade-badge${grade ? ` grade-${grade}` : ''}`} aria-hidden="true">
      {grade ?? '–'}
    </span>
  );
}

function SourceRow({ source, onGrade }: { source: Source; onGrade: (grade: ReliabilityGrade | null) => void }) {
  return (
    <tr data-outlet={source.outlet}>
      <th scope="row" className="outlet-name">
        {source.outlet}
      </th>
      <td className="num">{source.articleCount.toLocaleString('en-GB')}</td>
      <td>
        <span className="grade-cell">
          <GradeBadge grade={source.reliability} />
          <select
            aria-label={`Reliability of ${source.outlet}`}
            value={source.reliability ?? ''}
            onChange={(e) => onGrade((e.currentTarget.value || null) as ReliabilityGrade | null)}
          >
            <option value="">Not graded</option>
            {RELIABILITY_GRADES.map((g) => (
              <option key={g.grade} value={g.grade}>
                {g.grade} — {g.meaning}
              </option>
            ))}
          </select>
        </span>
      </td>
    </tr>
  );
}

export function SourcesView() {
  const { changed } = useDataVersion();
  const sources = useQuery('sources.list', {});
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  // The list the grade call answers with, shown until the reloaded list arrives, so a select never jumps back meanwhile.
  const [answered, setAnswered] = useState<{ before: Source[] | undefined; list: Source[] } | null>(null);

  async function grade(outlet: string, reliability: ReliabilityGrade | null) {
    setError(null);
    setDone(null);
    const before = sources.data;
    const result = await call('sources.grade', { outlet, reliability });
    if (!result.ok) setError(result.error.message);
    else {
      setAnswered({ before, list: result.value });
      setDone(reliability ? `${outlet}: ${reliability}, ${reliabilityMeaning(reliability)!.toLowerCase()}.` : `${outlet}: grade cleared.`);
    }
    changed();
  }

  const list = (answered && answered.before === sources.data ? answered.list : sources.data) ?? [];
  const graded = list.filter((s) => s.reliability !== null).length;
  return (
    <div className="view managed-view sources-view">
      <header className="view-header">
        <div>
          <h1>Sources</h1>
          <p className="view-sub">{sources.data ? `${plural(list.length, 'outlet')}, ${graded.toLocaleString('en-GB')} graded` : '\u00a0'}</p>
        </div>
      </header>
      <p className="managed-intro">
        The outlets your articles come from. Grade how reliable each has proved (the Admiralty scale); a claim’s own credibility, 1 to 6, is graded on
        the claim.
      </p>
      <section className="grade-scale" aria-labelledby="grade-scale-heading">
        <h2 id="grade-scale-heading">Source reliability (Admiralty scale)</h2>
        <dl>
          {RELIABILITY_GRADES.map((g) => (
            <div key={g.grade}>
              <dt>{g.grade}</dt>
              <dd>
                <strong>{g.meaning}</strong>: {g.detail}
              </dd>
            </div>
          ))}
        </dl>
      </section>
      <ErrorNote>{error ?? sources.error?.message}</ErrorNote>
      {done && (
        <p className="notice notice-ok" role="status">
          {done}
        </p>
      )}
      {sources.data === undefined && !sources.error && <Loading />}
      {sources.data?.length === 0 && <p className="muted">No outlets yet: articles whose outlet is known are listed here once imported.</p>}
      {list.length > 0 && (
        <div className="table-wrap managed-table">
          <table className="article-table">
            <thead>
              <tr>
                <th scope="col">Outlet</th>
                <th scope="col" className="num">
                  Articles
                </th>
                <th scope="col">Reliability</th>
              </tr>
            </thead>
            <tbody>
              {list.map((s) => (
                <SourceRow key={s.outlet} source={s} onGrade={(g) => void grade(s.outlet, g)} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
