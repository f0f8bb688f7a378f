import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AccountRole, JournalEntry } from '../../../../shared/contract';
import { usePrefs } from '../../app/prefs';

/** The journal: each entry's day, kind, loan and receipt beside its lines (debits first). */
export function JournalTable({
  entries,
  accountName,
}: {
  entries: JournalEntry[];
  accountName: (role: AccountRole) => string;
}) {
  const { t } = useTranslation();
  const { money, date } = usePrefs();
  if (entries.length === 0) return <p className="muted">{t('ledger.empty')}</p>;
  return (
    <table className="grid compact journal" data-testid="journal">
      <thead>
        <tr>
          <th>{t('ledger.columns.date')}</th>
          <th>{t('ledger.columns.kind')}</th>
          <th>{t('ledger.columns.loan')}</th>
          <th>{t('ledger.columns.account')}</th>
          <th className="num">{t('ledger.columns.debit')}</th>
          <th className="num">{t('ledger.columns.credit')}</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((e) => (
          <Fragment key={e.key}>
            {e.lines.map((l, i) => (
              <tr key={`${e.key}-${l.account}-${i}`} className={i === 0 ? 'entry-first' : undefined}>
                {i === 0 && (
                  <>
                    <td rowSpan={e.lines.length}>{date(e.date)}</td>
                    <td rowSpan={e.lines.length}>{t(`ledger.kinds.${e.kind}`)}</td>
                    <td rowSpan={e.lines.length}>
                      {e.loanId !== null && <Link to={`/loans/${e.loanId}`}>{e.loanNumber}</Link>}
                      {e.reference && <div className="muted">{e.reference}</div>}
                    </td>
                  </>
                )}
                <td className={l.credit > 0 ? 'credit-line' : undefined}>{accountName(l.account)}</td>
                <td className="num">{l.debit > 0 ? money(l.debit) : ''}</td>
                <td className="num">{l.credit > 0 ? money(l.credit) : ''}</td>
              </tr>
            ))}
          </Fragment>
        ))}
      </tbody>
    </table>
  );
}
