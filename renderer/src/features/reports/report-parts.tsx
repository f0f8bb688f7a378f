import { useTranslation } from 'react-i18next';
import type { WorkProgress } from '../../../../shared/contract';
import { usePrefs } from '../../app/prefs';
import { WorkProgressBar } from '../../components/WorkProgress';

/** The report's building blocks, shared by its sections (the report page, the classification). */
export function Section({
  title,
  children,
  className,
}: {
  title: string;
  children: React.ReactNode;
  className?: string;
}) {
  return (
    <section className={`report-section ${className ?? ''}`}>
      <h3>{title}</h3>
      {children}
    </section>
  );
}

export function KeyValues({ rows }: { rows: [string, string][] }) {
  return (
    <table className="split-table">
      <tbody>
        {rows.map(([k, v]) => (
          <tr key={k}>
            <th>{k}</th>
            <td className="num">{v}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A matrix cell (roll rates, migration between grades): loans, and their balance below; a dash for none. */
export function CountCell({
  loans,
  amount,
  money,
}: {
  loans: number;
  amount: number;
  money: (minor: number) => string;
}) {
  return (
    <td className="num">
      {loans > 0 ? (
        <>
          {loans}
          <br />
          <span className="muted">{money(amount)}</span>
        </>
      ) : (
        '—'
      )}
    </td>
  );
}

/** How far the month-end history a report or ledger waits on has got (none once it is built). */
export function MonthEndsProgress({ progress }: { progress: WorkProgress | null }) {
  const { t } = useTranslation();
  const prefs = usePrefs();
  if (!progress || progress.total <= 0) return null;
  return (
    <WorkProgressBar
      progress={progress}
      ariaLabel={t('reports.reportProgressLabel')}
      describe={(p) =>
        t('reports.reportProgress', { done: prefs.number(p.done), total: prefs.number(p.total) })
      }
    />
  );
}
