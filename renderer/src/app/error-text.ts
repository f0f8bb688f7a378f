import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import {
  ERROR_TEXT_EN,
  placeholdersOf,
  type ApiError,
  type ErrorCode,
  type FieldIssue,
  type LoanStatus,
  LOAN_STATUSES,
} from '../../../shared/contract';
import { formatAmount } from '../../../shared/money/amount';
import { ApiCallError } from '../api/client';
import { useContext } from 'react';
import { PrefsContext, usePrefs, type Prefs } from './prefs';

type Formats = Pick<Prefs, 'money' | 'date' | 'percent'>;

const isErrorCode = (reason: unknown): reason is ErrorCode =>
  typeof reason === 'string' && Object.hasOwn(ERROR_TEXT_EN, reason);

/**
 * The figures of a code as the locale writes them. The registry's template says which parameter is
 * an amount, a date or a percentage, so the screen never guesses from a parameter's name.
 */
const LOAN_STATUS_PARAMS = new Set(['status', 'target']);
const isLoanStatus = (value: unknown): value is LoanStatus =>
  (LOAN_STATUSES as readonly unknown[]).includes(value);

export function formatParams(
  code: ErrorCode,
  params: Record<string, string | number> | undefined,
  fmt: Formats,
  t: TFunction,
): Record<string, string | number> {
  const out: Record<string, string | number> = { ...params };
  for (const { name, format } of placeholdersOf(ERROR_TEXT_EN[code])) {
    const value = params?.[name];
    if (value === undefined) continue;
    if (format === 'money' && typeof value === 'number') out[name] = fmt.money(value);
    else if (format === 'date') out[name] = fmt.date(String(value));
    else if (format === 'percent' && typeof value === 'number') out[name] = fmt.percent(value);
    // A loan's status is a word the lender's language already has.
    else if (LOAN_STATUS_PARAMS.has(name) && isLoanStatus(value)) out[name] = t(`common.loanStatus.${value}`);
  }
  return out;
}

/** One refusal in the UI language; the English text only when it carries no code (a bug to fix). */
export function wordRefusal(
  reason: unknown,
  params: Record<string, string | number> | undefined,
  english: string,
  t: TFunction,
  fmt: Formats,
): string {
  if (!isErrorCode(reason)) return english;
  return t(`errors.${reason}` as never, formatParams(reason, params, fmt, t) as never) as unknown as string;
}

const issuesOf = (error: ApiError): FieldIssue[] =>
  Array.isArray(error.details)
    ? (error.details as FieldIssue[]).filter((d) => typeof d?.field === 'string')
    : [];

/** The refused fields of an error, each worded for showing beside its input. */
export function fieldErrorsOf(error: unknown, t: TFunction, fmt: Formats): Record<string, string> {
  if (!(error instanceof ApiCallError)) return {};
  const out: Record<string, string> = {};
  for (const issue of issuesOf(error.error))
    out[issue.field] ??= wordRefusal(issue.reason, issue.params, issue.message, t, fmt);
  return out;
}

/** An error that belongs to no field, worded; null when it is an unexpected fault for the panel. */
export function refusalText(error: unknown, t: TFunction, fmt: Formats): string | null {
  if (!(error instanceof ApiCallError)) return null;
  const { reason, params, message } = error.error;
  return isErrorCode(reason) ? wordRefusal(reason, params, message, t, fmt) : null;
}

/**
 * The worded refusal of an error, or null; usable outside the prefs provider (the top-level error
 * boundary), where it words the code with figures left as they came.
 */
export function useOptionalRefusalText(error: unknown): string | null {
  const { t } = useTranslation();
  const prefs = useContext(PrefsContext);
  const plain: Formats = { money: formatAmount, date: String, percent: String };
  return refusalText(error, t, prefs ?? plain);
}

/** The words of the service's refusals, bound to the current language and the book's currency. */
export function useRefusals() {
  const { t } = useTranslation();
  const prefs = usePrefs();
  return {
    fieldErrors: (error: unknown) => fieldErrorsOf(error, t, prefs),
    text: (error: unknown) => refusalText(error, t, prefs),
  };
}
