import { useTranslation } from 'react-i18next';
import type { ContactRow, PromiseRow } from '../../../../shared/contract';
import { usePrefs } from '../../app/prefs';
import { useOutcomeLabel } from './outcome-label';

export function ContactList({
  contacts,
  onAmend,
}: {
  contacts: ContactRow[];
  onAmend?: (c: ContactRow) => void;
}) {
  const { t } = useTranslation();
  const prefs = usePrefs();
  const outcomeLabel = useOutcomeLabel();
  if (contacts.length === 0) return <p className="muted">{t('collections.contact.none')}</p>;
  return (
    <table className="grid" data-testid="contact-list">
      <tbody>
        {contacts.map((c) => (
          <tr key={c.id}>
            <td>#{c.id}</td>
            <td className="nowrap">{prefs.dateTime(c.localAt)}</td>
            <td>
              {t(`collections.channels.${c.channel}`)} · {t(`collections.parties.${c.party}`)} {c.partyName}
            </td>
            <td>{outcomeLabel(c.outcome)}</td>
            <td>
              {c.notes}
              {c.amendsContactId !== null && (
                <span className="muted"> ({t('collections.contact.amends', { id: c.amendsContactId })})</span>
              )}
              {c.amendedBy.length > 0 && (
                <span className="muted">
                  {' '}
                  ({t('collections.contact.amendedBy', { ids: c.amendedBy.join(', #') })})
                </span>
              )}
              {c.overrideReason && (
                <span className="badge badge-warn">
                  {t('collections.contact.override', { reason: c.overrideReason })}
                </span>
              )}
            </td>
            <td className="muted">{t('collections.contact.loggedBy', { name: c.loggedBy })}</td>
            {onAmend && (
              <td className="no-print">
                <button type="button" className="btn btn-small" onClick={() => onAmend(c)}>
                  {t('collections.contact.amend')}
                </button>
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const STATUS_TONE = { pending: '', kept: 'badge-ok', broken: 'badge-danger' } as const;

export function PromiseList({ promises }: { promises: PromiseRow[] }) {
  const { t } = useTranslation();
  const prefs = usePrefs();
  if (promises.length === 0) return <p className="muted">{t('collections.promise.none')}</p>;
  return (
    <table className="grid" data-testid="promise-list">
      <thead>
        <tr>
          <th>{t('collections.promise.madeOn')}</th>
          <th>{t('collections.promise.due')}</th>
          <th className="num">{t('collections.promise.amount')}</th>
          <th className="num">{t('collections.promise.paid')}</th>
          <th>{t('collections.promise.status')}</th>
        </tr>
      </thead>
      <tbody>
        {promises.map((p) => (
          <tr key={p.id}>
            <td>{prefs.date(p.madeOn)}</td>
            <td>{prefs.date(p.dueDate)}</td>
            <td className="num">{prefs.money(p.amount)}</td>
            <td className="num">{prefs.money(p.paidTowards)}</td>
            <td>
              <span className={`badge ${STATUS_TONE[p.status]}`} data-testid={`promise-status-${p.id}`}>
                {t(`collections.promise.statuses.${p.status}`)}
              </span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
