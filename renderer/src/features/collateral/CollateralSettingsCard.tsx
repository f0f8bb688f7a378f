import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../../shared/contract';
import { useApiMutation } from '../../api/hooks';
import { usePrefs } from '../../app/prefs';
import { ErrorPanel } from '../../app/ErrorBoundary';
import { Card } from '../../components/Page';
import { Field } from '../../components/form';
import { useFieldErrors } from './shared-ui';

type CollateralSettings = Pick<
  Settings,
  | 'ltvThresholdPropertyPercent'
  | 'ltvThresholdVehiclePercent'
  | 'staleValuationMonthsProperty'
  | 'staleValuationMonthsVehicle'
  | 'insuranceWarningDays'
  | 'vehicleDepreciationPercent'
>;

const FIELDS: [keyof CollateralSettings, 'percent' | 'whole'][] = [
  ['ltvThresholdPropertyPercent', 'percent'],
  ['ltvThresholdVehiclePercent', 'percent'],
  ['staleValuationMonthsProperty', 'whole'],
  ['staleValuationMonthsVehicle', 'whole'],
  ['insuranceWarningDays', 'whole'],
  ['vehicleDepreciationPercent', 'percent'],
];

/** Settings → Collateral: LTV thresholds, when a valuation goes stale, insurance warning, depreciation. */
export function CollateralSettingsCard() {
  const { t } = useTranslation();
  const { settings } = usePrefs();
  const save = useApiMutation('settings.update', ['settings.', 'collateral.', 'loans.']);
  const [form, setForm] = useState<Record<keyof CollateralSettings, string>>(
    () =>
      Object.fromEntries(FIELDS.map(([k]) => [k, String(settings[k])])) as Record<
        keyof CollateralSettings,
        string
      >,
  );
  const errors = useFieldErrors(save.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const patch = Object.fromEntries(
      FIELDS.map(([k, type]) => [k, type === 'whole' ? Number(form[k]) : form[k].trim()]),
    ) as CollateralSettings;
    save.mutate(patch);
  };
  return (
    <Card title={t('collateral.settings.title')}>
      <form className="form-grid" onSubmit={submit} noValidate>
        {FIELDS.map(([k, type]) => (
          <Field key={k} label={t(`collateral.settings.${k}`)} htmlFor={`cs-${k}`} error={errors[k]}>
            <input
              id={`cs-${k}`}
              inputMode={type === 'percent' ? 'decimal' : 'numeric'}
              value={form[k]}
              onChange={(e) => setForm({ ...form, [k]: e.target.value })}
            />
          </Field>
        ))}
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={save.isPending}>
            {t('collateral.settings.save')}
          </button>
          {save.isSuccess && <span className="muted">{t('common.saved')}</span>}
        </div>
        {save.error && Object.keys(errors).length === 0 && <ErrorPanel error={save.error} />}
      </form>
    </Card>
  );
}
