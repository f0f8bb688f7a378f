import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/hooks';
import { Card } from '../../components/Page';
import { FRESH } from './fresh';

/** Promises to pay once their date and tolerance have passed: kept or broken (pending ones are left out). */
function usePromiseStats() {
  return useApi('collections.promiseStats', {}, FRESH);
}

/** "Promises: kept N, broken M" for one borrower, across all their loans. */
export function BorrowerPromiseStats({ borrowerId }: { borrowerId: number }) {
  const { t } = useTranslation();
  const stats = usePromiseStats();
  if (!stats.data) return null;
  const mine = stats.data.byBorrower.find((b) => b.borrowerId === borrowerId);
  return (
    <p data-testid="borrower-promise-stats">
      {t('collections.promiseStats.borrower', { kept: mine?.kept ?? 0, broken: mine?.broken ?? 0 })}
    </p>
  );
}

/** Each collector's kept and broken promises: who gets commitments that hold. */
export function CollectorPromiseStats() {
  const { t } = useTranslation();
  const stats = usePromiseStats();
  const rows = stats.data?.byCollector ?? [];
  return (
    <Card title={t('collections.promiseStats.title')}>
      {rows.length === 0 ? (
        <p className="muted">{t('collections.promiseStats.none')}</p>
      ) : (
        <table className="grid" data-testid="collector-promise-stats">
          <thead>
            <tr>
              <th>{t('collections.collector')}</th>
              <th className="num">{t('collections.promiseStats.kept')}</th>
              <th className="num">{t('collections.promiseStats.broken')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.collector}>
                <td>{r.collector}</td>
                <td className="num">{r.kept}</td>
                <td className="num">{r.broken}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Card>
  );
}
