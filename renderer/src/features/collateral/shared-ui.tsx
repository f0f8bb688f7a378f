import type { DetailField } from '../../../../shared/collateral/alerts';
import { useTranslation } from 'react-i18next';
import type { AlertKind, CollateralAlert, MethodName } from '../../../../shared/contract';
import { useRefusals } from '../../app/error-text';
import { useApiMutation } from '../../api/hooks';
import { usePrefs } from '../../app/prefs';

/** Every collateral write can move coverage, alerts, the loan and the borrower pages. */
export const COLLATERAL_READS = [
  'collateral.',
  'attachments.',
  'loans.',
  'borrowers.',
  'search.',
  'reports.',
  'collections.',
];

export function useCollateralMutation<M extends MethodName>(method: M) {
  return useApiMutation(method, COLLATERAL_READS);
}

/**
 * The service names the field of each refusal ("details.vin"); forms show it beside the input,
 * worded in the UI language with figures formatted by locale.
 */
export function useFieldErrors(error: unknown): Record<string, string> {
  return useRefusals().fieldErrors(error);
}

/** LTV in basis points as a percentage, coloured against the alert state. */
export function LtvBadge({ basisPoints, alert }: { basisPoints: number | null; alert?: boolean }) {
  const { t } = useTranslation();
  const prefs = usePrefs();
  if (basisPoints === null) return <span className="muted">{t('collateral.ltvUnknown')}</span>;
  return (
    <span className={`badge ${alert ? 'badge-danger' : 'badge-ok'}`} data-testid="ltv">
      {prefs.percent(basisPoints / 10_000, 2)}
    </span>
  );
}

export function AlertKindBadges({ kinds }: { kinds: AlertKind[] }) {
  const { t } = useTranslation();
  if (kinds.length === 0) return <span className="muted">—</span>;
  return (
    <>
      {kinds.map((k) => (
        <span key={k} className="badge badge-warn">
          {t(`collateral.alertKinds.${k}`)}
        </span>
      ))}
    </>
  );
}

/** An alert's reason in the reader's language, built from its code and parameters. */
export function useAlertText() {
  const { t } = useTranslation();
  const prefs = usePrefs();
  return (a: Pick<CollateralAlert, 'code' | 'params'>) =>
    t(`collateral.alertCodes.${a.code}`, {
      ...a.params,
      // Days ahead choose the plural form ("in 1 day", "in 15 days").
      ...(typeof a.params.days === 'number' ? { count: a.params.days } : {}),
      ...(typeof a.params.date === 'string' ? { date: prefs.date(a.params.date) } : {}),
      ...(typeof a.params.missing === 'string'
        ? {
            missing: a.params.missing
              .split(',')
              .map((f) => t(`collateral.detailFields.${f as DetailField}`))
              .join(t('collateral.listSeparator')),
          }
        : {}),
    });
}
