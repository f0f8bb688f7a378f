import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/hooks';
import { usePrefs } from '../../app/prefs';
import { Card } from '../../components/Page';
import { Dialog } from '../../components/Dialog';
import { AlertList } from './AlertList';
import { ItemForm } from './ItemForm';
import { AlertKindBadges, LtvBadge } from './shared-ui';

/** The loan page's collateral: what secures it, what that is worth today, LTV and alerts. */
export function LoanCollateralCard({ loanId, today }: { loanId: number; today: string }) {
  const { t } = useTranslation();
  const prefs = usePrefs();
  const coverage = useApi('collateral.forLoan', { loanId });
  const [adding, setAdding] = useState(false);
  const [warnings, setWarnings] = useState<string[]>([]);
  if (coverage.error) throw coverage.error;
  const c = coverage.data;
  if (!c) return null;
  const ltvAlert = c.alerts.some((a) => a.kind === 'ltv');
  return (
    <Card title={t('collateral.title')} className="loan-collateral">
      <div className="stats">
        <div className="stat" data-testid="stat-collateral-value">
          <span className="label">{t('collateral.value')}</span>
          <span className="value">{prefs.money(c.value)}</span>
        </div>
        <div className="stat" data-testid="stat-exposure">
          <span className="label">{t('collateral.exposure')}</span>
          <span className="value">{prefs.money(c.exposure)}</span>
        </div>
        <div className="stat" data-testid="stat-ltv">
          <span className="label">{t('collateral.ltv')}</span>
          <span className="value">
            <LtvBadge basisPoints={c.ltvBasisPoints} alert={ltvAlert} />
          </span>
        </div>
      </div>
      {c.items.length === 0 ? (
        <p className="muted">{t('collateral.noneOnLoan')}</p>
      ) : (
        <table className="grid">
          <thead>
            <tr>
              <th>{t('collateral.item')}</th>
              <th>{t('collateral.kind')}</th>
              <th className="num">{t('collateral.currentValue')}</th>
              <th className="num">{t('collateral.share')}</th>
              <th>{t('collateral.valuedOn')}</th>
              <th>{t('collateral.alerts')}</th>
            </tr>
          </thead>
          <tbody>
            {c.items.map((i) => (
              <tr key={i.id}>
                <td>
                  <Link to={`/collateral/${i.id}`}>{i.label}</Link>
                  {i.status !== 'active' && (
                    <span className="badge">{t(`collateral.statuses.${i.status}`)}</span>
                  )}
                </td>
                <td>{t(`collateral.kinds.${i.kind}`)}</td>
                <td className="num">{prefs.money(i.currentValue)}</td>
                <td className="num">{prefs.money(i.share)}</td>
                <td>{i.currentValuationDate ? prefs.date(i.currentValuationDate) : '—'}</td>
                <td>
                  <AlertKindBadges kinds={i.alertKinds} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>{t('collateral.alerts')}</h3>
      <AlertList alerts={c.alerts} showLoan={false} />
      {warnings.map((w) => (
        <p key={w} className="field-hint" role="status">
          ⚠ {w}
        </p>
      ))}
      <div className="toolbar">
        <button type="button" className="btn" onClick={() => setAdding(true)}>
          {t('collateral.add')}
        </button>
      </div>
      <Dialog open={adding} title={t('collateral.add')} onClose={() => setAdding(false)} wide>
        <ItemForm
          loanIds={[loanId]}
          today={today}
          onDone={(r) => {
            setWarnings(r.warnings);
            setAdding(false);
          }}
        />
      </Dialog>
    </Card>
  );
}

/** A borrower's secured position across all their open loans. */
export function BorrowerCoverage({ borrowerId }: { borrowerId: number }) {
  const { t } = useTranslation();
  const prefs = usePrefs();
  const coverage = useApi('collateral.forBorrower', { borrowerId });
  const c = coverage.data;
  if (!c || c.items === 0) return null;
  return (
    <Card title={t('collateral.title')}>
      <div className="stats">
        <div className="stat">
          <span className="label">{t('collateral.value')}</span>
          <span className="value">{prefs.money(c.value)}</span>
        </div>
        <div className="stat">
          <span className="label">{t('collateral.exposure')}</span>
          <span className="value">{prefs.money(c.exposure)}</span>
        </div>
        <div className="stat" data-testid="borrower-ltv">
          <span className="label">{t('collateral.ltv')}</span>
          <span className="value">
            <LtvBadge basisPoints={c.ltvBasisPoints} />
          </span>
        </div>
        <div className="stat">
          <span className="label">{t('collateral.items')}</span>
          <span className="value">{c.items}</span>
        </div>
      </div>
    </Card>
  );
}
