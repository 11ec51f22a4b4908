import { useEffect, useMemo, useState } from 'react';
import type { ChronologyDetail, ChronologyEvent } from '../../../shared/api/types';
import { useQuery } from '../../api/hooks';
import { call } from '../../api/client';
import { useDataVersion } from '../../app/data-version';

export interface EventRef {
  chronology: ChronologyDetail;
  event: ChronologyEvent;
}

/**
 * Every chronology with its events (projects hold a handful), so the reader
 * can show which events a claim already supports and offer them for linking.
 */
export function useChronologyDetails(): { details: ChronologyDetail[] | undefined; error: string | undefined } {
  const list = useQuery('chronology.list', {});
  const { version } = useDataVersion();
  const ids = list.data ? list.data.map((c) => c.id).join(',') : null;
  const key = ids === null ? null : `${ids}#${version}`;
  const [state, setState] = useState<{ key: string; details: ChronologyDetail[]; error?: string } | null>(null);

  useEffect(() => {
    if (key === null) return;
    let live = true;
    const wanted = key.split('#')[0]!.split(',').filter(Boolean).map(Number);
    void Promise.all(wanted.map((id) => call('chronology.get', { id }))).then((results) => {
      if (!live) return;
      const failed = results.find((r) => !r.ok);
      setState({
        key,
        details: results.flatMap((r) => (r.ok ? [r.value] : [])),
        error: failed && !failed.ok ? failed.error.message : undefined,
      });
    });
    return () => {
      live = false;
    };
  }, [key]);

  return { details: state?.details, error: list.error?.message ?? state?.error };
}

/** claim id → the events it is evidence for. */
export function useEventsByClaim(details: ChronologyDetail[] | undefined): Map<number, EventRef[]> {
  return useMemo(() => {
    const map = new Map<number, EventRef[]>();
    for (const chronology of details ?? []) {
      for (const event of chronology.events) {
        for (const claim of event.claims) {
          const list = map.get(claim.id) ?? [];
          list.push({ chronology, event });
          map.set(claim.id, list);
        }
      }
    }
    return map;
  }, [details]);
}
