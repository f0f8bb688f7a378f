import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { OPEN_STATUSES, type LoanListRow } from '../../../../shared/contract';
import { usePrefs } from '../../app/prefs';
import { DpdBadge, StatusBadge } from '../../components/badges';
import type { Column } from '../../components/VirtualTable';

/** Columns shared by every list of loans, so the loan list and a borrower's loans read alike. */
export function useLoanColumns(): Column<LoanListRow>[] {
  const { t } = useTranslation();
  const { money, date } = usePrefs();
  return [
    { key: 'number', header: t('loans.number'), cell: (r) => r.number, width: '150px' },
    { key: 'borrower', header: t('loans.borrower'), cell: (r) => r.borrowerName, width: '1.4fr' },
    { key: 'product', header: t('loans.product'), cell: (r) => t(`common.products.${r.product}`) },
    { key: 'status', header: t('loans.status'), cell: (r) => <StatusBadge status={r.status} /> },
    {
      key: 'outstanding',
      header: t('loans.outstanding'),
      cell: (r) => money(r.outstandingPrincipal),
      numeric: true,
      // Amount columns hold CN¥999,999,999,999.99: an amount is never cut.
      width: 'minmax(160px, 1.2fr)',
    },
    {
      key: 'dpd',
      header: t('loans.dpd'),
      cell: (r) =>
        OPEN_STATUSES.includes(r.status) ? <DpdBadge dpd={r.daysPastDue} bucket={r.bucket} /> : '—',
      width: '100px',
    },
    {
      key: 'overdue',
      header: t('loans.overdueAmount'),
      cell: (r) => (r.overdueAmount > 0 ? money(r.overdueAmount) : '—'),
      numeric: true,
      width: 'minmax(160px, 1fr)',
    },
    {
      key: 'next',
      header: t('loans.nextDue'),
      cell: (r) => (r.nextDueDate ? date(r.nextDueDate) : '—'),
      width: '110px',
    },
  ];
}

/** A short, non-virtual table for a handful of loans (a borrower's own). */
export function SmallLoanTable({ rows }: { rows: LoanListRow[] }) {
  const columns = useLoanColumns();
  return (
    <table className="grid">
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c.key} className={c.numeric ? 'num' : ''}>
              {c.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id}>
            {columns.map((c) => (
              <td key={c.key} className={c.numeric ? 'num' : ''}>
                {c.key === 'number' ? <Link to={`/loans/${r.id}`}>{r.number}</Link> : c.cell(r)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
