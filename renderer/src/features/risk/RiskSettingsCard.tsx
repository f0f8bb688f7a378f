import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CLASSIFICATION_PROFILES,
  DEFAULT_RULES,
  GRADES_OF,
  type ClassificationProfile,
  type RiskGrade,
  type Settings,
} from '../../../../shared/contract';
import { useApi, useApiMutation } from '../../api/hooks';
import { ErrorPanel } from '../../app/ErrorBoundary';
import { Card } from '../../components/Page';
import { CodeSelect, Field } from '../../components/form';

type Rules = Settings['riskRules'];

/**
 * Settings → Accounting: how loans are classified and what is set aside against each grade. The
 * whole set is saved at once, and the service refuses it whole when the ranges overlap or leave a
 * gap, or a rate is outside 0–100%; a change applies from this month, never to a reported one.
 */
export function RiskSettingsCard() {
  const current = useApi('settings.get', {});
  return current.data ? <RiskSettingsForm initial={current.data.riskRules} /> : null;
}

function RiskSettingsForm({ initial }: { initial: Rules }) {
  const { t } = useTranslation();
  const save = useApiMutation('settings.update', ['settings.', 'loans.', 'reports.']);
  const [rules, setRules] = useState<Rules>(initial);
  const grades = GRADES_OF[rules.profile];
  const grade = (g: RiskGrade) => t(`loans.risk.grades.${g}`);
  const setBand = (i: number, toDays: number | null) => {
    const bands = rules.bands.map((b) => ({ ...b }));
    bands[i]!.toDays = toDays;
    // The next range starts the day after this one ends, so a gap cannot be typed by accident.
    if (toDays !== null && bands[i + 1]) bands[i + 1]!.fromDays = toDays + 1;
    setRules({ ...rules, bands });
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate({ riskRules: rules });
  };
  return (
    <Card title={t('settings.risk.title')}>
      <p className="muted">{t('settings.risk.hint')}</p>
      <form onSubmit={submit} noValidate>
        <div className="form-grid">
          <Field label={t('settings.risk.profile')} htmlFor="risk-profile">
            <CodeSelect
              id="risk-profile"
              value={rules.profile}
              codes={CLASSIFICATION_PROFILES}
              label={(p: ClassificationProfile) => t(`loans.risk.profile.${p}`)}
              // Each profile has its own grades: switching starts from that profile's defaults.
              onChange={(profile) => setRules(DEFAULT_RULES[profile])}
            />
          </Field>
        </div>
        <table className="grid compact" data-testid="risk-bands">
          <thead>
            <tr>
              <th>{t('reports.risk.grade')}</th>
              <th className="num">{t('settings.risk.fromDays')}</th>
              <th className="num">{t('settings.risk.toDays')}</th>
              <th className="num">{t('settings.risk.rate')}</th>
            </tr>
          </thead>
          <tbody>
            {rules.bands.map((b, i) => (
              <tr key={b.grade}>
                <th>{grade(b.grade)}</th>
                <td className="num">{b.fromDays}</td>
                <td className="num">
                  {i === rules.bands.length - 1 ? (
                    t('settings.risk.noUpperEnd')
                  ) : (
                    <input
                      type="number"
                      min={b.fromDays}
                      aria-label={t('settings.risk.toDaysOf', { grade: grade(b.grade) })}
                      value={b.toDays ?? ''}
                      onChange={(e) => setBand(i, e.target.value === '' ? null : Number(e.target.value))}
                    />
                  )}
                </td>
                <td className="num">
                  <input
                    inputMode="decimal"
                    aria-label={t('settings.risk.rateOf', { grade: grade(b.grade) })}
                    value={rules.provisionPercent[b.grade] ?? ''}
                    onChange={(e) =>
                      setRules({
                        ...rules,
                        provisionPercent: { ...rules.provisionPercent, [b.grade]: e.target.value.trim() },
                      })
                    }
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="form-grid">
          <Field label={t('settings.risk.restructuredFloor')} htmlFor="risk-restructured">
            <CodeSelect
              id="risk-restructured"
              value={rules.restructuredFloor}
              codes={grades}
              label={grade}
              onChange={(restructuredFloor) => setRules({ ...rules, restructuredFloor })}
            />
          </Field>
          <Field label={t('settings.risk.observationMonths')} htmlFor="risk-observation">
            <input
              id="risk-observation"
              type="number"
              min={0}
              max={60}
              value={rules.observationMonths}
              onChange={(e) => setRules({ ...rules, observationMonths: Number(e.target.value) })}
            />
          </Field>
          <Field label={t('settings.risk.legalFloor')} htmlFor="risk-legal">
            <CodeSelect
              id="risk-legal"
              value={rules.legalFloor ?? 'none'}
              codes={[...grades, 'none'] as const}
              label={(g) => (g === 'none' ? t('settings.risk.noFloor') : grade(g))}
              onChange={(g) => setRules({ ...rules, legalFloor: g === 'none' ? null : g })}
            />
          </Field>
          <label className="check">
            <input
              type="checkbox"
              checked={rules.provisionOnInterest}
              onChange={(e) => setRules({ ...rules, provisionOnInterest: e.target.checked })}
            />{' '}
            {t('settings.risk.provisionOnInterest')}
          </label>
        </div>
        {save.error && <ErrorPanel error={save.error} />}
        {save.isSuccess && !save.isPending && <p className="muted">{t('settings.risk.saved')}</p>}
        <div>
          <button type="submit" className="btn btn-primary" disabled={save.isPending}>
            {t('settings.risk.save')}
          </button>
        </div>
      </form>
    </Card>
  );
}
