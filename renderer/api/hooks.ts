import { useCallback, useEffect, useState } from 'react';
import type { Input, Method, Output } from '../../shared/api/contract';
import type { ApiError, Result } from '../../shared/api/result';
import { call } from './client';
import { useDataVersion } from '../app/data-version';

export interface Query<T> {
  /** The latest value for this input (kept while a reload is under way). */
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  reload: () => void;
}

interface Settled<T> {
  inputKey: string;
  requestKey: string;
  result: Result<T>;
}

/**
 * Reads one method's output and keeps it fresh: it reloads when the input
 * changes, when reload() is called, and whenever any part of the UI reports
 * that the project's data changed. Pass null as input to wait.
 */
export function useQuery<M extends Method>(method: M, input: Input<M> | null): Query<Output<M>> {
  const { version } = useDataVersion();
  const [nonce, setNonce] = useState(0);
  const [settled, setSettled] = useState<Settled<Output<M>> | null>(null);
  const inputKey = input === null ? null : `${method}:${JSON.stringify(input)}`;
  const requestKey = `${inputKey}#${version}.${nonce}`;

  useEffect(() => {
    if (inputKey === null) return;
    let live = true;
    const parsed = JSON.parse(inputKey.slice(method.length + 1)) as Input<M>;
    void call(method, parsed).then((result) => {
      if (live) setSettled({ inputKey, requestKey, result });
    });
    return () => {
      live = false;
    };
  }, [method, inputKey, requestKey]);

  const reload = useCallback(() => setNonce((n) => n + 1), []);
  const same = settled !== null && settled.inputKey === inputKey;
  return {
    data: same && settled.result.ok ? settled.result.value : undefined,
    error: same && !settled.result.ok ? settled.result.error : undefined,
    loading: inputKey !== null && (!same || settled.requestKey !== requestKey),
    reload,
  };
}
