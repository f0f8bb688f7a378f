import type { ErrorCode } from './error-codes';

/**
 * Every API call answers with a Result instead of throwing across the process boundary
 * (Signal Desktop's pattern): the renderer can render an error without guessing at its shape.
 */
export const API_ERROR_CODES = [
  'unknown-method',
  'invalid-input',
  'forbidden-sender',
  'not-found',
  'conflict',
  'rule-violation',
  'unauthorized',
  'forbidden',
  'unavailable',
  'cancelled',
  'internal',
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

export interface ApiError {
  code: ApiErrorCode;
  /** English, for logs and the CLI; the screen words `reason` instead. */
  message: string;
  /** What was refused, as a stable code the screen words in the user's language. */
  reason?: ErrorCode;
  /** The figures `reason` names: amounts in minor units, dates as YYYY-MM-DD. */
  params?: Record<string, string | number>;
  /** The form field the refusal belongs beside, where it has one (`details.vin`). */
  field?: string;
  /** Machine-readable specifics, e.g. the list of invalid fields for `invalid-input`. */
  details?: unknown;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ApiErrorCode, message: string, details?: unknown): Result<never> => ({
  ok: false,
  error: details === undefined ? { code, message } : { code, message, details },
});

/** A field-level problem, named the way a form or an import preview can show it. */
export interface FieldIssue {
  field: string;
  /** English, for logs and the CLI; the screen words `reason` where it has one. */
  message: string;
  /** A stable code the screen words in the user's language, e.g. `payment.aboveDue`. */
  reason?: string;
  /** The figures `reason` names: amounts in minor units, dates as YYYY-MM-DD. */
  params?: Record<string, string | number>;
}
