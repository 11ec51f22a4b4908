import type { BackendContext } from '../../electron/backend/api/backend-context';
import { dispatch } from '../../electron/backend/api/dispatch';
import type { Input, Method, Output } from '../../shared/api/contract';
import type { Result } from '../../shared/api/result';

// Contract calls through dispatch() (what both transports call), for tests
// that set up a fresh context per test: the context is read at call time.

export function contractCalls(context: () => BackendContext) {
  async function call<M extends Method>(method: M, input: Input<M>): Promise<Result<Output<M>>> {
    return (await dispatch(context(), method, input)) as Result<Output<M>>;
  }
  /** The value of a call that must succeed. */
  async function value<M extends Method>(method: M, input: Input<M>): Promise<Output<M>> {
    const r = await call(method, input);
    if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
    return r.value;
  }
  return { call, value };
}
