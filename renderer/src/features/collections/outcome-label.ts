import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { useApi } from '../../api/hooks';

/**
 * An outcome as staff see it: in their own language while it keeps the app's wording, as the
 * lender typed it once renamed (one label for every language), and its code when it is unknown.
 */
export function outcomeText(t: TFunction, code: string, o?: { label: string; translated: boolean }): string {
  if (o && !o.translated) return o.label;
  return t(`collections.outcomes.${code}`, { defaultValue: o?.label ?? code });
}

/** Labels for outcome codes on recorded contacts, retired outcomes included. */
export function useOutcomeLabel(): (code: string) => string {
  const { t } = useTranslation();
  const outcomes = useApi('collections.outcomes', {});
  const byCode = new Map((outcomes.data ?? []).map((o) => [o.code, o]));
  return (code) => outcomeText(t, code, byCode.get(code));
}
