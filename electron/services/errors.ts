import type { ApiErrorCode, FieldIssue } from '../../shared/contract';

/**
 * An expected failure the user can act on. Services throw it; the dispatcher turns it into an
 * `{ok: false}` result. Anything else that escapes a service is a bug and is reported as
 * `internal` without leaking its stack.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export const notFound = (what: string, key: string | number) =>
  new DomainError('not-found', `${what} ${key} does not exist`);

export const ruleViolation = (message: string, details?: unknown) =>
  new DomainError('rule-violation', message, details);

/**
 * A problem with one named field, shaped like the schema errors so forms show both alike; with a
 * `reason` code and its figures where the screen words it in the user's language.
 */
export const invalidField = (
  field: string,
  message: string,
  reason?: Required<Pick<FieldIssue, 'reason' | 'params'>>,
) =>
  new DomainError('invalid-input', `${field}: ${message}`, [
    { field, message, ...reason } satisfies FieldIssue,
  ]);
