import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CONTACT_CHANNELS,
  CONTACT_PARTIES,
  type CollectionAccount,
  type ContactChannel,
  type ContactParty,
  type ContactRow,
  type GuardViolation,
} from '../../../../shared/contract';
import { ApiCallError } from '../../api/client';
import { useApiMutation } from '../../api/hooks';
import { ErrorPanel } from '../../app/ErrorBoundary';
import { Field } from '../../components/form';
import { AmountField } from '../../components/NumberField';
import { DateField, DateTimeField } from '../../components/DateField';
import { parseMoneyInput } from '../../format/format';
import { outcomeText } from './outcome-label';
import { notifyDone } from '../../components/notify';

const blank = {
  channel: 'call-out' as ContactChannel,
  party: 'borrower' as ContactParty,
  partyBorrowerId: '',
  localTime: '',
  minutes: '',
  outcome: '',
  notes: '',
  followUpOn: '',
  promiseAmount: '',
  promiseDate: '',
  overrideReason: '',
};

/**
 * Logs a contact (or an amendment of one). A contact the profile forbids comes back blocked
 * with the rules it breaks; the collector can then give an override reason and save anyway.
 */
export function ContactForm({
  account,
  amending,
  onAmended,
}: {
  account: CollectionAccount;
  amending: ContactRow | null;
  onAmended: () => void;
}) {
  const { t } = useTranslation();
  const log = useApiMutation('collections.logContact', ['collections.', 'loans.']);
  // Starts on the first outcome still offered (the list is configurable in Settings).
  const fresh = { ...blank, outcome: account.outcomes[0]?.code ?? '' };
  const [v, setV] = useState(fresh);
  const [blocked, setBlocked] = useState<GuardViolation[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const set = (k: keyof typeof blank) => (e: { target: { value: string } }) =>
    setV({ ...v, [k]: e.target.value });
  const partyChoices = account.parties.filter((p) => p.role === v.party);

  const [timeMissing, setTimeMissing] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    // A day given without its hour is not sent: the form says what is missing beside the field.
    setTimeMissing(v.localTime.endsWith('T'));
    if (v.localTime.endsWith('T')) return;
    const promiseAmount = parseMoneyInput(v.promiseAmount);
    try {
      await log.mutateAsync({
        loanId: account.loanId,
        channel: v.channel,
        party: v.party,
        ...(v.party !== 'borrower' && v.partyBorrowerId
          ? { partyBorrowerId: Number(v.partyBorrowerId) }
          : {}),
        ...(v.localTime ? { localTime: v.localTime } : {}),
        durationSeconds: Math.round(Number(v.minutes || '0') * 60),
        outcome: v.outcome,
        notes: v.notes,
        ...(v.followUpOn ? { followUpOn: v.followUpOn } : {}),
        ...(v.promiseAmount || v.promiseDate
          ? { promise: { amount: promiseAmount ?? 0, dueDate: v.promiseDate } }
          : {}),
        ...(amending ? { amendsContactId: amending.id } : {}),
        overrideReason: blocked ? v.overrideReason : '',
      });
      setV(fresh);
      setBlocked(null);
      notifyDone(t('collections.contact.logged'));
      onAmended();
    } catch (err) {
      const details =
        err instanceof ApiCallError ? (err.error.details as { violations?: GuardViolation[] }) : undefined;
      if (err instanceof ApiCallError && err.error.code === 'rule-violation' && details?.violations) {
        if (blocked) setError(err);
        setBlocked(details.violations);
      } else setError(err);
    }
  };

  return (
    <form
      className="form-grid"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-label={t('collections.contact.log')}
    >
      {amending && <p className="explain">{t('collections.contact.amending', { id: amending.id })}</p>}
      <Field label={t('collections.contact.channel')} htmlFor="c-channel">
        <select id="c-channel" value={v.channel} onChange={set('channel')}>
          {CONTACT_CHANNELS.map((c) => (
            <option key={c} value={c}>
              {t(`collections.channels.${c}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('collections.contact.party')} htmlFor="c-party">
        <select id="c-party" value={v.party} onChange={set('party')}>
          {CONTACT_PARTIES.map((p) => (
            <option key={p} value={p}>
              {t(`collections.parties.${p}`)}
            </option>
          ))}
        </select>
      </Field>
      {v.party !== 'borrower' && (
        <Field label={t('collections.contact.who')} htmlFor="c-who">
          <select id="c-who" value={v.partyBorrowerId} onChange={set('partyBorrowerId')}>
            <option value="" />
            {partyChoices.map((p) => (
              <option key={p.borrowerId} value={p.borrowerId}>
                {p.name} {p.phone}
              </option>
            ))}
          </select>
        </Field>
      )}
      <Field
        label={t('collections.contact.time')}
        htmlFor="c-time"
        hint={t('collections.contact.timeHint')}
        error={timeMissing ? t('collections.contact.timeMissing') : undefined}
      >
        <DateTimeField
          id="c-time"
          value={v.localTime}
          invalid={timeMissing}
          onChange={(localTime) => setV({ ...v, localTime })}
        />
      </Field>
      <Field label={t('collections.contact.duration')} htmlFor="c-minutes">
        <input id="c-minutes" inputMode="decimal" value={v.minutes} onChange={set('minutes')} />
      </Field>
      <Field label={t('collections.contact.outcome')} htmlFor="c-outcome">
        <select id="c-outcome" value={v.outcome} onChange={set('outcome')}>
          {account.outcomes.map((o) => (
            <option key={o.code} value={o.code}>
              {outcomeText(t, o.code, o)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('collections.contact.promiseAmount')} htmlFor="c-promise-amount">
        <AmountField
          id="c-promise-amount"
          value={v.promiseAmount}
          onChange={(promiseAmount) => setV({ ...v, promiseAmount })}
        />
      </Field>
      <Field label={t('collections.contact.promiseDate')} htmlFor="c-promise-date">
        <DateField
          id="c-promise-date"
          optional
          value={v.promiseDate}
          onChange={(promiseDate) => setV({ ...v, promiseDate })}
        />
      </Field>
      <Field label={t('collections.contact.followUp')} htmlFor="c-follow-up">
        <DateField
          id="c-follow-up"
          optional
          value={v.followUpOn}
          onChange={(followUpOn) => setV({ ...v, followUpOn })}
        />
      </Field>
      <Field label={t('collections.contact.notes')} htmlFor="c-notes">
        <textarea id="c-notes" rows={2} value={v.notes} onChange={set('notes')} />
      </Field>
      {blocked && (
        <div className="guard-blocked form-actions" role="alert" data-testid="guard-blocked">
          <strong>{t('collections.contact.blocked')}</strong>
          <ul>
            {blocked.map((b) => (
              <li key={b.rule}>{t(`collections.rules.${b.rule}`, b.params)}</li>
            ))}
          </ul>
          <Field
            label={t('collections.contact.overrideReason')}
            htmlFor="c-override"
            hint={t('collections.contact.overrideHint')}
          >
            <input id="c-override" value={v.overrideReason} onChange={set('overrideReason')} />
          </Field>
        </div>
      )}
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={log.isPending}>
          {blocked ? t('collections.contact.saveWithOverride') : t('collections.contact.save')}
        </button>
        {(amending || blocked) && (
          <button
            type="button"
            className="btn"
            onClick={() => {
              setBlocked(null);
              setV(fresh);
              onAmended();
            }}
          >
            {t('common.cancel')}
          </button>
        )}
      </div>
      {error !== null && <ErrorPanel error={error} />}
    </form>
  );
}
