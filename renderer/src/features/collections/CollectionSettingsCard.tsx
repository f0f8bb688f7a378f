import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CONTACT_PROFILES, type CollectionSettings } from '../../../../shared/contract';
import { useApi, useApiMutation } from '../../api/hooks';
import { ErrorPanel } from '../../app/ErrorBoundary';
import { Card } from '../../components/Page';
import { CodeSelect, Field } from '../../components/form';
import { OutcomesCard } from './OutcomesCard';

const toHhmm = (m: number) =>
  `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
const toMinutes = (s: string) => {
  const [h, m] = s.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};
const limit = (s: string) => (s.trim() === '' ? null : Number(s));
const show = (n: number | null) => (n === null ? '' : String(n));

/**
 * Settings → Collections: which contact profile guards every contact, the promise tolerance, the
 * contact outcome list (the letter templates have their own section).
 */
export function CollectionSettingsCard() {
  const current = useApi('collections.settings', {});
  return (
    <>
      {current.data && <SettingsForm initial={current.data} />}
      <OutcomesCard />
    </>
  );
}

function SettingsForm({ initial }: { initial: CollectionSettings }) {
  const { t } = useTranslation();
  const save = useApiMutation('collections.updateSettings', ['collections.']);
  const [s, setS] = useState<CollectionSettings>(initial);
  const c = s.custom;
  const setCustom = (patch: Partial<CollectionSettings['custom']>) =>
    setS({ ...s, custom: { ...c, ...patch } });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(s);
  };
  return (
    <Card title={t('collections.settings.title')}>
      <form className="form-grid" onSubmit={submit} noValidate>
        <Field
          label={t('collections.settings.profile')}
          htmlFor="cs-profile"
          hint={t('collections.settings.profileHelp')}
        >
          <CodeSelect
            id="cs-profile"
            value={s.profile}
            codes={CONTACT_PROFILES}
            label={(p) => t(`collections.profiles.${p}`)}
            onChange={(profile) => setS({ ...s, profile })}
          />
        </Field>
        <Field label={t('collections.settings.tolerance')} htmlFor="cs-tolerance">
          <input
            id="cs-tolerance"
            type="number"
            min={0}
            max={30}
            value={s.promiseToleranceDays}
            onChange={(e) => setS({ ...s, promiseToleranceDays: Number(e.target.value) })}
          />
        </Field>
        {s.profile === 'custom' && (
          <>
            <Field label={t('collections.settings.start')} htmlFor="cs-start">
              <input
                id="cs-start"
                type="time"
                value={toHhmm(c.startMinutes)}
                onChange={(e) => setCustom({ startMinutes: toMinutes(e.target.value) })}
              />
            </Field>
            <Field label={t('collections.settings.end')} htmlFor="cs-end">
              <input
                id="cs-end"
                type="time"
                value={toHhmm(c.endMinutes)}
                onChange={(e) => setCustom({ endMinutes: toMinutes(e.target.value) })}
              />
            </Field>
            <Field label={t('collections.settings.maxConnected')} htmlFor="cs-connected">
              <input
                id="cs-connected"
                inputMode="numeric"
                value={show(c.maxConnectedCallsPerDay)}
                onChange={(e) => setCustom({ maxConnectedCallsPerDay: limit(e.target.value) })}
              />
            </Field>
            <Field label={t('collections.settings.maxAttempts')} htmlFor="cs-attempts">
              <input
                id="cs-attempts"
                inputMode="numeric"
                value={show(c.maxCallAttemptsPer7Days)}
                onChange={(e) => setCustom({ maxCallAttemptsPer7Days: limit(e.target.value) })}
              />
            </Field>
            <Field label={t('collections.settings.quietDays')} htmlFor="cs-quiet">
              <input
                id="cs-quiet"
                inputMode="numeric"
                value={show(c.quietDaysAfterConversation)}
                onChange={(e) => setCustom({ quietDaysAfterConversation: limit(e.target.value) })}
              />
            </Field>
            <label className="check">
              <input
                type="checkbox"
                checked={c.thirdPartyOnlyIfUnreachable}
                onChange={(e) => setCustom({ thirdPartyOnlyIfUnreachable: e.target.checked })}
              />
              {t('collections.settings.thirdParty')}
            </label>
          </>
        )}
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={save.isPending}>
            {t('collections.settings.save')}
          </button>
          {save.isSuccess && <span role="status">{t('collections.settings.saved')}</span>}
        </div>
        {save.error && <ErrorPanel error={save.error} />}
      </form>
    </Card>
  );
}
