import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { isErrorCode, type ApiError, type ErrorCode, type FieldIssue } from '../../../shared/contract';
import { wordRefusal, type ErrorFormats } from '../../../shared/i18n/error-words';
import { formatAmount } from '../../../shared/money/amount';
import { ApiCallError } from '../api/client';
import { useContext } from 'react';
import { PrefsContext, usePrefs } from './prefs';

type Formats = ErrorFormats;

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
  const { reason, params, message, details } = error.error;
  return isErrorCode(reason) ? wordRefusal(reason, params, message, t, fmt, details) : null;
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
    /** A refusal that comes as a value (a plan candidate the engine refused), not as an error. */
    word: (reason: ErrorCode, params: Record<string, string | number>, english: string) =>
      wordRefusal(reason, params, english, t, prefs),
  };
}
