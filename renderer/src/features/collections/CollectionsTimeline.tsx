import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/hooks';
import { FRESH } from './fresh';
import { useOutcomeLabel } from './outcome-label';
import { usePrefs } from '../../app/prefs';
import { Card } from '../../components/Page';
import type { ContactChannel, LegalStage, PromiseStatus, TimelineEvent } from '../../../../shared/contract';

/** One timeline of contacts, payments, promises and visits, for a loan or for a borrower. */
export function CollectionsTimeline(scope: { loanId: number } | { borrowerId: number }) {
  const { t } = useTranslation();
  const prefs = usePrefs();
  const timeline = useApi('collections.timeline', scope, FRESH);
  const outcomeLabel = useOutcomeLabel();
  const events = timeline.data ?? [];
  const when = (e: TimelineEvent) => prefs.dateTime(e.localAt);
  // The summary's fields are set per kind by the service (account.query.ts): a contact has a
  // channel, a payment is posted or reversed, a visit planned or done, and so on.
  const what = (e: TimelineEvent) => {
    const s = e.summary;
    switch (e.kind) {
      case 'contact':
        return `${t(`collections.channels.${s.channel as ContactChannel}`)} · ${outcomeLabel(s.outcome ?? '')}${s.notes ? ` · ${s.notes}` : ''}`;
      case 'payment':
        return `${prefs.money(s.amount ?? 0)} · ${t(`collections.timeline.${s.status as 'posted' | 'reversed' | 'planned' | 'done'}`)}`;
      case 'promise':
        return `${prefs.money(s.amount ?? 0)} · ${t('collections.timeline.due', { date: prefs.date(s.date ?? '') })} · ${t(`collections.promise.statuses.${s.status as PromiseStatus}`)}`;
      case 'visit':
        return `${t(`collections.timeline.${s.status as 'posted' | 'reversed' | 'planned' | 'done'}`)} · ${s.notes}`;
      case 'legal':
        return `${t(`collections.legal.stages.${s.status as LegalStage}`)}${s.amount ? ` · ${prefs.money(s.amount)}` : ''}${s.notes ? ` · ${s.notes}` : ''}`;
    }
  };
  return (
    <Card title={t('collections.timeline.title')}>
      {events.length === 0 ? (
        <p className="muted">{t('collections.timeline.empty')}</p>
      ) : (
        <ol className="timeline" data-testid="collections-timeline">
          {events.map((e) => (
            <li key={`${e.kind}-${e.refId}`}>
              <span className="muted">{when(e)}</span>{' '}
              <strong>{t(`collections.timeline.kinds.${e.kind}`)}</strong>{' '}
              {'borrowerId' in scope && <Link to={`/collections/loans/${e.loanId}`}>{e.loanNumber}</Link>}{' '}
              {what(e)}
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
