import {
  errorTextEn,
  type ApiError,
  type ApiErrorCode,
  type ErrorCode,
  type FieldIssue,
  type ParamsArg,
} from '../../shared/contract';

type Params = Record<string, string | number>;

/**
 * An expected failure the user can act on. Services throw it; the dispatcher turns it into an
 * `{ok: false}` result. It always carries a code from shared/contract/error-codes.ts with its
 * figures, so the screen can word it in the user's language; `message` is the English sentence
 * for logs and the CLI. Anything else that escapes a service is a bug and is reported as
 * `internal` without leaking its stack.
 */
export class DomainError extends Error {
  readonly params: Params;
  constructor(
    readonly code: ApiErrorCode,
    readonly reason: ErrorCode,
    params: Params = {},
    readonly details?: unknown,
    readonly field?: string,
  ) {
    super(field === undefined ? errorTextEn(reason, params) : `${field}: ${errorTextEn(reason, params)}`);
    this.params = params;
  }

  /** The error as it crosses IPC. */
  toApiError(): ApiError {
    return {
      code: this.code,
      message: this.message,
      reason: this.reason,
      params: this.params,
      ...(this.field === undefined ? {} : { field: this.field }),
      ...(this.details === undefined ? {} : { details: this.details }),
    };
  }
}

/** A refusal of a given kind, with its code and (where the template names any) its figures. */
export const domainError = <C extends ErrorCode>(kind: ApiErrorCode, reason: C, ...params: ParamsArg<C>) =>
  new DomainError(kind, reason, (params[0] ?? {}) as Params);

/** Codes of the form `<record>.notFound` that name the record by `key`. */
type NotFoundCode = Extract<ErrorCode, `${string}.notFound`> &
  {
    [C in ErrorCode]: ParamsArg<C> extends [params: Record<'key', string | number>] ? C : never;
  }[ErrorCode];

export const notFound = (reason: NotFoundCode, key: string | number) =>
  new DomainError('not-found', reason, { key });

export const ruleViolation = <C extends ErrorCode>(reason: C, ...params: ParamsArg<C>) =>
  new DomainError('rule-violation', reason, (params[0] ?? {}) as Params);

/** A rule refusal that also carries machine-readable specifics for the screen's next step. */
export const ruleViolationWith = <C extends ErrorCode>(
  details: unknown,
  reason: C,
  ...params: ParamsArg<C>
) => new DomainError('rule-violation', reason, (params[0] ?? {}) as Params, details);

/**
 * A problem with one named field, shaped like the schema errors so forms show both alike: the
 * field, its code and figures, both on the error and in its one `details` issue.
 */
export const invalidField = <C extends ErrorCode>(field: string, reason: C, ...params: ParamsArg<C>) =>
  fieldRefusal(field, reason, (params[0] ?? {}) as Params);

/** A field refusal from an engine refusal (a plan, a prepayment) whose figures are already checked. */
export function fieldRefusal(field: string, reason: ErrorCode, params: Params): DomainError {
  const issue: FieldIssue = { field, message: errorTextEn(reason, params), reason, params };
  return new DomainError('invalid-input', reason, params, [issue], field);
}
