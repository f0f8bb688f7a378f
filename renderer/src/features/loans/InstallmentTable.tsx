import { useTranslation } from 'react-i18next';
import type { ScheduledInstallment } from '../../../../shared/engine';
import { usePrefs } from '../../app/prefs';

/** A plain schedule — number, due date, principal, interest, total — as previews and agreements show it. */
export function InstallmentTable({
  label,
  installments,
}: {
  label: string;
  installments: readonly ScheduledInstallment[];
}) {
  const { t } = useTranslation();
  const { money, date } = usePrefs();
  return (
    <table className="grid" aria-label={label}>
      <thead>
        <tr>
          <th>{t('loans.installment')}</th>
          <th>{t('loans.dueDate')}</th>
          <th className="num">{t('payments.principal')}</th>
          <th className="num">{t('loans.interest')}</th>
          <th className="num">{t('loans.total')}</th>
        </tr>
      </thead>
      <tbody>
        {installments.map((i) => (
          <tr key={i.n}>
            <td>{i.n}</td>
            <td>{date(i.dueDate)}</td>
            <td className="num">{money(i.principal)}</td>
            <td className="num">{money(i.interest)}</td>
            <td className="num">{money(i.principal + i.interest)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
