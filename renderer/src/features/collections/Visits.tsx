import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { usePrefs } from '../../app/prefs';
import {
  VISIT_ADDRESS_KINDS,
  type CollectionAccount,
  type GuardViolation,
  type VisitAddressKind,
  type VisitOutcome,
  type VisitRow,
} from '../../../../shared/contract';
import { ApiCallError } from '../../api/client';
import { useApiMutation } from '../../api/hooks';
import { ErrorPanel } from '../../app/ErrorBoundary';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/form';
import { DateTimeField } from '../../components/DateField';

const lines = (text: string) =>
  text
    .split('\n')
    .map((s) => s.trim())
    .filter((s) => s !== '');

export function PlanVisitForm({ account, onDone }: { account: CollectionAccount; onDone: () => void }) {
  const { t } = useTranslation();
  const plan = useApiMutation('collections.planVisit', ['collections.']);
  const [v, setV] = useState({
    localTime: '',
    addressKind: 'home' as VisitAddressKind,
    address: account.borrower.address,
    team: '',
    purpose: '',
    talkingPoints: '',
    overrideReason: '',
  });
  const [blocked, setBlocked] = useState<GuardViolation[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const set = (k: keyof typeof v) => (e: { target: { value: string } }) =>
    setV({ ...v, [k]: e.target.value });

  const [whenMissing, setWhenMissing] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    // A visit needs its day and hour: said beside the field, before anything is sent.
    const incomplete = v.localTime === '' || v.localTime.endsWith('T');
    setWhenMissing(incomplete);
    if (incomplete) return;
    try {
      await plan.mutateAsync({
        loanId: account.loanId,
        localTime: v.localTime,
        addressKind: v.addressKind,
        address: v.address,
        team: lines(v.team),
        purpose: v.purpose,
        talkingPoints: v.talkingPoints,
        overrideReason: blocked ? v.overrideReason : '',
      });
      onDone();
    } catch (err) {
      const details =
        err instanceof ApiCallError ? (err.error.details as { violations?: GuardViolation[] }) : undefined;
      if (
        err instanceof ApiCallError &&
        err.error.code === 'rule-violation' &&
        details?.violations &&
        !blocked
      ) {
        setBlocked(details.violations);
      } else setError(err);
    }
  };

  return (
    <form
      className="form-grid"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-label={t('collections.visit.plan')}
    >
      <Field
        label={t('collections.visit.when')}
        htmlFor="v-when"
        error={whenMissing ? t('collections.visit.whenMissing') : undefined}
      >
        <DateTimeField
          id="v-when"
          value={v.localTime}
          invalid={whenMissing}
          onChange={(localTime) => setV({ ...v, localTime })}
        />
      </Field>
      <Field label={t('collections.visit.addressKind')} htmlFor="v-kind">
        <select id="v-kind" value={v.addressKind} onChange={set('addressKind')}>
          {VISIT_ADDRESS_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`collections.visit.addressKinds.${k}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('collections.visit.address')} htmlFor="v-address">
        <input id="v-address" value={v.address} onChange={set('address')} />
      </Field>
      <Field label={t('collections.visit.team')} htmlFor="v-team">
        <textarea id="v-team" rows={2} value={v.team} onChange={set('team')} />
      </Field>
      <Field label={t('collections.visit.purpose')} htmlFor="v-purpose">
        <input id="v-purpose" value={v.purpose} onChange={set('purpose')} />
      </Field>
      <Field label={t('collections.visit.talkingPoints')} htmlFor="v-points">
        <textarea id="v-points" rows={3} value={v.talkingPoints} onChange={set('talkingPoints')} />
      </Field>
      {blocked && (
        <div className="guard-blocked form-actions" role="alert">
          <strong>{t('collections.contact.blocked')}</strong>
          <ul>
            {blocked.map((b) => (
              <li key={b.rule}>{t(`collections.rules.${b.rule}`, b.params)}</li>
            ))}
          </ul>
          <Field label={t('collections.contact.overrideReason')} htmlFor="v-override">
            <input id="v-override" value={v.overrideReason} onChange={set('overrideReason')} />
          </Field>
        </div>
      )}
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={plan.isPending}>
          {blocked ? t('collections.contact.saveWithOverride') : t('collections.visit.save')}
        </button>
        <button type="button" className="btn" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </div>
      {error !== null && <ErrorPanel error={error} />}
    </form>
  );
}

function OutcomeForm({ visit, onDone }: { visit: VisitRow; onDone: () => void }) {
  const { t } = useTranslation();
  const record = useApiMutation('collections.recordVisitOutcome', ['collections.']);
  const [v, setV] = useState({
    met: '',
    situation: '',
    ability: 'partly-able' as VisitOutcome['ability'],
    willingness: 'willing' as VisitOutcome['willingness'],
    proposal: '',
    photos: '',
    nextStep: '',
  });
  const set = (k: keyof typeof v) => (e: { target: { value: string } }) =>
    setV({ ...v, [k]: e.target.value });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    await record.mutateAsync({ visitId: visit.id, ...v, photos: lines(v.photos) });
    onDone();
  };
  return (
    <form className="form-grid" onSubmit={(e) => void submit(e).catch(() => undefined)} noValidate>
      <Field label={t('collections.visit.met')} htmlFor="o-met">
        <input id="o-met" value={v.met} onChange={set('met')} />
      </Field>
      <Field label={t('collections.visit.ability')} htmlFor="o-ability">
        <select id="o-ability" value={v.ability} onChange={set('ability')}>
          {(['able', 'partly-able', 'unable'] as const).map((a) => (
            <option key={a} value={a}>
              {t(`collections.visit.abilities.${a}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('collections.visit.willingness')} htmlFor="o-willingness">
        <select id="o-willingness" value={v.willingness} onChange={set('willingness')}>
          {(['willing', 'reluctant', 'refuses'] as const).map((a) => (
            <option key={a} value={a}>
              {t(`collections.visit.willingnesses.${a}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('collections.visit.situation')} htmlFor="o-situation">
        <textarea id="o-situation" rows={2} value={v.situation} onChange={set('situation')} />
      </Field>
      <Field label={t('collections.visit.proposal')} htmlFor="o-proposal">
        <textarea id="o-proposal" rows={2} value={v.proposal} onChange={set('proposal')} />
      </Field>
      <Field label={t('collections.visit.photos')} htmlFor="o-photos">
        <textarea id="o-photos" rows={2} value={v.photos} onChange={set('photos')} />
      </Field>
      <Field label={t('collections.visit.nextStep')} htmlFor="o-next">
        <input id="o-next" value={v.nextStep} onChange={set('nextStep')} />
      </Field>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={record.isPending}>
          {t('collections.visit.saveOutcome')}
        </button>
      </div>
      {record.error && <ErrorPanel error={record.error} />}
    </form>
  );
}

export function VisitList({ visits }: { visits: VisitRow[] }) {
  const { t } = useTranslation();
  const prefs = usePrefs();
  const [recording, setRecording] = useState<VisitRow | null>(null);
  if (visits.length === 0) return <p className="muted">{t('collections.visit.none')}</p>;
  return (
    <>
      <table className="grid" data-testid="visit-list">
        <tbody>
          {visits.map((v) => (
            <tr key={v.id}>
              <td>{prefs.dateTime(v.localAt)}</td>
              <td>{t(`collections.visit.addressKinds.${v.addressKind}`)}</td>
              <td>{v.team.join(', ')}</td>
              <td>{v.purpose}</td>
              <td>
                <span className={`badge ${v.outcome ? 'badge-ok' : ''}`}>
                  {v.outcome ? t('collections.visit.done') : t('collections.visit.planned')}
                </span>
              </td>
              <td className="no-print">
                <Link to={`/collections/visits/${v.id}/dossier`}>{t('collections.visit.dossier')}</Link>
                {!v.outcome && (
                  <>
                    {' · '}
                    <button type="button" className="btn btn-small" onClick={() => setRecording(v)}>
                      {t('collections.visit.recordOutcome')}
                    </button>
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Dialog
        open={recording !== null}
        title={t('collections.visit.recordOutcome')}
        onClose={() => setRecording(null)}
      >
        {recording && <OutcomeForm visit={recording} onDone={() => setRecording(null)} />}
      </Dialog>
    </>
  );
}
