import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/hooks';
import { FRESH } from './fresh';
import { usePrefs } from '../../app/prefs';
import { Card } from '../../components/Page';

/** Today's promises, visits and follow-ups: on the worklist and the dashboard. */
export function RemindersCard() {
  const { t } = useTranslation();
  const prefs = usePrefs();
  const reminders = useApi('collections.reminders', {}, FRESH);
  const items = reminders.data ?? [];
  return (
    <Card title={t('collections.reminders.title')}>
      {items.length === 0 ? (
        <p className="muted">{t('collections.reminders.none')}</p>
      ) : (
        <ul className="reminders" data-testid="reminders">
          {items.map((r) => (
            <li key={`${r.kind}-${r.loanId}-${r.date}`}>
              <strong>{t(`collections.reminders.kinds.${r.kind}`)}</strong>{' '}
              <Link to={`/collections/loans/${r.loanId}`}>{r.loanNumber}</Link> · {r.borrower}
              {r.amount !== null && ` · ${prefs.money(r.amount)}`}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
