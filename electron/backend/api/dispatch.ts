import type { z } from 'zod';
import { contract, isMethod, type Method } from '../../../shared/api/contract';
import { fail, ok, type Result, UserError } from '../../../shared/api/result';
import type { BackendContext } from './backend-context';
import { handlers } from './handlers';

function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}

/**
 * The single entry point both transports call: validates the input against
 * the contract, runs the handler, and turns every outcome into a Result.
 */
export async function dispatch(ctx: BackendContext, method: string, rawInput: unknown): Promise<Result<unknown>> {
  if (!isMethod(method)) return fail('invalid_input', `Annalist has no method called “${method}”.`);
  const parsed = contract[method].input.safeParse(rawInput ?? {});
  if (!parsed.success) return fail('invalid_input', describeIssues(parsed.error));
  try {
    const handler = handlers[method] as (ctx: BackendContext, input: unknown) => Promise<unknown>;
    return ok(await handler(ctx, parsed.data));
  } catch (err) {
    if (err instanceof UserError) return fail(err.code, err.message);
    console.error(`annalist: ${method} failed`, err);
    return fail('internal', `Something went wrong in Annalist (${(err as Error).message ?? String(err)}). Your project was not changed by the failed step.`);
  }
}

export type { Method };
