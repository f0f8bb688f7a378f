import { useTranslation } from 'react-i18next';
import type { AccountRole, Chart, TrialBalanceRow } from '../../../../shared/contract';
import { usePrefs } from '../../app/prefs';

/** An account as the accountant knows it: its code and its name in the screen's language. */
export function useAccountName(chart: Chart | undefined): (role: AccountRole) => string {
  const { t } = useTranslation();
  const { locale } = usePrefs();
  return (role) => {
    const account = chart?.[role];
    if (!account) return t(`ledger.roles.${role}`);
    return `${account.code} ${locale === 'en' ? account.nameEn : account.name}`;
  };
}

/** A balance the way a trial balance shows it: the amount, and the side it sits on (借/贷). */
export function useBalance() {
  const { t } = useTranslation();
  const { money } = usePrefs();
  return (signed: number) =>
    signed === 0
      ? t('ledger.sides.zero')
      : `${t(signed > 0 ? 'ledger.sides.debit' : 'ledger.sides.credit')} ${money(Math.abs(signed))}`;
}

export function TrialBalanceTable({ rows, chart }: { rows: TrialBalanceRow[]; chart: Chart }) {
  const { t } = useTranslation();
  const { money } = usePrefs();
  const name = useAccountName(chart);
  const balance = useBalance();
  const debit = rows.reduce((s, r) => s + r.debit, 0);
  const credit = rows.reduce((s, r) => s + r.credit, 0);
  return (
    <table className="grid compact" data-testid="trial-balance">
      <thead>
        <tr>
          <th>{t('ledger.columns.account')}</th>
          <th className="num">{t('ledger.columns.opening')}</th>
          <th className="num">{t('ledger.columns.debit')}</th>
          <th className="num">{t('ledger.columns.credit')}</th>
          <th className="num">{t('ledger.columns.closing')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.account} data-account={r.account}>
            <th>{name(r.account)}</th>
            <td className="num">{balance(r.opening)}</td>
            <td className="num">{money(r.debit)}</td>
            <td className="num">{money(r.credit)}</td>
            <td className="num">{balance(r.closing)}</td>
          </tr>
        ))}
        <tr>
          <th>{t('ledger.totals')}</th>
          <td />
          <td className="num">{money(debit)}</td>
          <td className="num">{money(credit)}</td>
          <td />
        </tr>
      </tbody>
    </table>
  );
}
