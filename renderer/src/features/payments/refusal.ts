import type { TFunction } from 'i18next';
import type { Prefs } from '../../app/prefs';
import { fieldErrorsOf } from '../../app/error-text';

/**
 * A refused payment as the screen says it, beside its field: the service's code and figures,
 * worded by the `errors` resources with amounts and dates formatted by locale. Null when the error
 * names no field, so the caller falls back to the general error panel.
 */
export function paymentRefusal(
  error: unknown,
  t: TFunction,
  format: Pick<Prefs, 'money' | 'date' | 'percent'>,
): { field: string; text: string } | null {
  const [first] = Object.entries(fieldErrorsOf(error, t, format));
  return first ? { field: first[0], text: first[1] } : null;
}
