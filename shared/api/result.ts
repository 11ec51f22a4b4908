// Every call across the API returns a Result: errors a researcher can meet
// carry a code and a sentence written for them, never a stack trace.
export type ErrorCode =
  | 'invalid_input'
  | 'not_found'
  | 'import_failed'
  | 'invalid_date'
  | 'conflict'
  | 'pdf_unavailable'
  | 'project_newer'
  | 'project_unreadable'
  | 'forbidden'
  | 'internal';

export interface ApiError {
  code: ErrorCode;
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail(code: ErrorCode, message: string): { ok: false; error: ApiError } {
  return { ok: false, error: { code, message } };
}

/** Thrown inside the back end for errors meant for the researcher. */
export class UserError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'UserError';
  }
}
