import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { CollateralAlert } from '../../../../shared/contract';
import { useApi } from '../../api/hooks';
import { Card } from '../../components/Page';
import { useAlertText } from './shared-ui';

/** Alerts with their loan, item and reason; `showLoan` is off where the loan is the page itself. */
export function AlertList({ alerts, showLoan = true }: { alerts: CollateralAlert[]; showLoan?: boolean }) {
  const { t } = useTranslation();
  const text = useAlertText();
  if (alerts.length === 0) return <p className="muted">{t('collateral.noAlerts')}</p>;
  return (
    <ul className="collateral-alerts" data-testid="collateral-alerts">
      {alerts.map((a, i) => (
        <li key={`${a.loanId}-${a.itemId}-${a.code}-${i}`} data-kind={a.kind}>
          <span className="badge badge-warn">{t(`collateral.alertKinds.${a.kind}`)}</span>{' '}
          {showLoan && (
            <>
              <Link to={`/loans/${a.loanId}`}>{a.loanNumber}</Link> ·{' '}
            </>
          )}
          <Link to={`/collateral/${a.itemId}`}>{a.item}</Link> — {text(a)}
        </li>
      ))}
    </ul>
  );
}

/**
 * The book's collateral alerts as one card: the register shows it, and so can the dashboard.
 * Only the first `limit` are listed (a large book has thousands); the rest are reached through
 * the register's alert filter, which `onShowAll` sets when the card sits on the register itself.
 */
export function CollateralAlertsCard({ limit, onShowAll }: { limit: number; onShowAll?: () => void }) {
  const { t } = useTranslation();
  const alerts = useApi('collateral.alertSummary', { limit });
  if (alerts.error) throw alerts.error;
  if (!alerts.data) return null;
  const { total, first: shown } = alerts.data;
  return (
    <Card title={t('collateral.alertsTitle', { count: total })}>
      <AlertList alerts={shown} />
      {shown.length < total && (
        <p>
          {onShowAll ? (
            <button type="button" className="btn" onClick={onShowAll}>
              {t('collateral.allAlerts')}
            </button>
          ) : (
            <Link to="/collateral?alert=any">{t('collateral.allAlerts')}</Link>
          )}
        </p>
      )}
    </Card>
  );
}
