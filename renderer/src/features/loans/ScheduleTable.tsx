import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScheduleVersionSummary } from '../../../../shared/contract';
import type { Statement } from '../../../../shared/engine';
import { useApi } from '../../api/hooks';
import { usePrefs } from '../../app/prefs';
import { Card } from '../../components/Page';
import { scheduleVersionLabel } from '../plans/RestructuredAging';

const STATUS_TONE = {
  paid: 'badge-ok',
  overdue: 'badge-danger',
  due: 'badge-warn',
  upcoming: '',
  settled: 'badge-ok',
} as const;

/**
 * The active schedule with what has been paid on each installment, as the engine computes it.
 * Earlier versions (before a repayment plan) stay viewable, read-only.
 */
export function ScheduleTable({
  loanId,
  statement,
  versions,
  activeVersion,
}: {
  loanId: number;
  statement: Statement;
  versions: ScheduleVersionSummary[];
  activeVersion: number;
}) {
  const { t } = useTranslation();
  const { money, date } = usePrefs();
  const [version, setVersion] = useState(activeVersion);
  const older = useApi('loans.scheduleVersion', { loanId, version }, { enabled: version !== activeVersion });

  return (
    <Card title={t('loans.schedule')}>
      {versions.length > 1 && (
        <select
          aria-label={t('loans.schedule')}
          value={version}
          onChange={(e) => setVersion(Number(e.target.value))}
        >
          {versions.map((v) => (
            <option key={v.version} value={v.version}>
              {t('loans.version', { version: v.version })} · {scheduleVersionLabel(t, v.name, v.reason, date)}
            </option>
          ))}
        </select>
      )}
      <table className="grid" aria-label={t('loans.schedule')}>
        <thead>
          <tr>
            <th>{t('loans.installment')}</th>
            <th>{t('loans.dueDate')}</th>
            <th className="num">{t('payments.principal')}</th>
            <th className="num">{t('loans.interest')}</th>
            <th className="num">{t('loans.total')}</th>
            {version === activeVersion && (
              <>
                <th className="num">{t('loans.paid')}</th>
                <th className="num">{t('loans.penaltyDue')}</th>
                <th>{t('loans.status')}</th>
              </>
            )}
          </tr>
        </thead>
        <tbody>
          {version === activeVersion
            ? statement.installments.map((i) => (
                <tr key={i.n} data-status={i.status}>
                  <td>{i.n}</td>
                  <td>{date(i.dueDate)}</td>
                  <td className="num">{money(i.principal)}</td>
                  <td className="num">{money(i.interest)}</td>
                  <td className="num">{money(i.total)}</td>
                  <td className="num">{money(i.paidPrincipal + i.paidInterest + i.paidPenalty)}</td>
                  <td className="num">{i.penaltyDue > 0 ? money(i.penaltyDue) : '—'}</td>
                  <td>
                    <span className={`badge ${STATUS_TONE[i.status]}`}>
                      {t(`common.installmentStatus.${i.status}`)}
                    </span>
                  </td>
                </tr>
              ))
            : (older.data ?? []).map((i) => (
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
    </Card>
  );
}
