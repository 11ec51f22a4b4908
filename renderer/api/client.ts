// The renderer's one door to the back end. In the Electron app the preload
// script puts the bridge on window.annalist; in browser mode (`annalist
// serve`) the same contract is spoken over loopback HTTP with a per-launch
// token. Types only come from the contract, so zod is never bundled here.
import type { AnnalistBridge, Input, Method, Output } from '../../shared/api/contract';
import type { Result } from '../../shared/api/result';

declare global {
  interface Window {
    annalist?: AnnalistBridge;
  }
}

const TOKEN_KEY = 'annalist.token';

/**
 * Browser mode: the server prints a URL with ?token=...; keep the token for
 * this tab in sessionStorage and take it out of the address bar, so it does
 * not end up in history, bookmarks or screenshots.
 */
export function adoptTokenFromUrl(): void {
  const url = new URL(window.location.href);
  const token = url.searchParams.get('token');
  if (!token) return;
  try {
    sessionStorage.setItem(TOKEN_KEY, token);
  } catch {
    memoryToken = token;
  }
  url.searchParams.delete('token');
  window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash);
}

let memoryToken: string | null = null;

function token(): string {
  try {
    return sessionStorage.getItem(TOKEN_KEY) ?? memoryToken ?? '';
  } catch {
    return memoryToken ?? '';
  }
}

export function transportName(): 'ipc' | 'http' {
  return window.annalist ? 'ipc' : 'http';
}

function failure<T>(message: string): Result<T> {
  return { ok: false, error: { code: 'internal', message } };
}

function isResult(value: unknown): value is Result<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean';
}

async function overHttp<M extends Method>(method: M, input: Input<M>): Promise<Result<Output<M>>> {
  let response: Response;
  try {
    response = await fetch(`/api/${encodeURIComponent(method)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Annalist-Token': token() },
      body: JSON.stringify(input ?? {}),
      credentials: 'same-origin',
      cache: 'no-store',
    });
  } catch {
    return failure('Annalist’s server cannot be reached. Is `annalist serve` still running?');
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    return failure(`Annalist’s server sent an answer the page cannot read (HTTP ${response.status}).`);
  }
  if (!isResult(body)) return failure(`Annalist’s server sent an answer the page cannot read (HTTP ${response.status}).`);
  return body as Result<Output<M>>;
}

async function overIpc<M extends Method>(bridge: AnnalistBridge, method: M, input: Input<M>): Promise<Result<Output<M>>> {
  const fn = bridge[method] as unknown as (input: Input<M>) => Promise<Result<Output<M>>>;
  try {
    const result = await fn(input);
    return isResult(result) ? result : failure('Annalist’s back end sent an answer the window cannot read.');
  } catch (err) {
    return failure(`Annalist’s back end did not answer (${(err as Error)?.message ?? String(err)}).`);
  }
}

/** Calls one method of the contract. Never throws: every outcome is a Result. */
export function call<M extends Method>(method: M, input: Input<M>): Promise<Result<Output<M>>> {
  const bridge = window.annalist;
  return bridge ? overIpc(bridge, method, input) : overHttp(method, input);
}

export type { Input, Method, Output, Result };
