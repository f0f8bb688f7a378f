import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { z } from 'zod';
import { useTranslation } from 'react-i18next';
import { SUPPORTED_LOCALES, settingsSchema } from '../../../../shared/contract';
import { useApi, useApiMutation } from '../../api/hooks';
import { usePrefs } from '../../app/prefs';
import { Card, Facts, Page } from '../../components/Page';
import { Field } from '../../components/form';
import { ErrorPanel } from '../../app/ErrorBoundary';
import { switchLocale, systemLocale } from '../../i18n';
import { CollectionSettingsCard } from '../collections/CollectionSettingsCard';
import { CollateralSettingsCard } from '../collateral/CollateralSettingsCard';
import { PlanSettingsCard } from '../plans/PlanSettingsCard';
import { LoanSettingsCard } from '../loans/LoanSettingsCard';
import { AccessSettingsCards } from '../access/AccessSettingsCards';

const CURRENCIES = ['CNY', 'HKD', 'TWD', 'MOP', 'SGD', 'USD'];

// This form saves only its own keys, so it never overwrites what another card saved meanwhile.
const generalSchema = settingsSchema.pick({
  companyName: true,
  currency: true,
  locale: true,
  loanNumberPrefix: true,
});
type GeneralSettings = z.infer<typeof generalSchema>;

export function SettingsPage() {
  const { t } = useTranslation();
  const { settings } = usePrefs();
  const info = useApi('system.info', {});
  const save = useApiMutation('settings.update', ['settings.', 'system.']);
  const form = useForm<GeneralSettings>({ resolver: zodResolver(generalSchema), defaultValues: settings });
  const errors = form.formState.errors;

  const onSubmit = form.handleSubmit(async (values) => {
    const saved = await save.mutateAsync(values);
    await switchLocale(saved.locale || systemLocale());
    form.reset(saved);
  });

  return (
    <Page title={t('settings.title')}>
      <Card title={t('settings.general')}>
        <form className="form-grid" onSubmit={onSubmit} noValidate>
          <Field label={t('settings.language')} htmlFor="locale" error={errors.locale}>
            <select id="locale" {...form.register('locale')}>
              <option value="">{t('settings.languageSystem')}</option>
              {SUPPORTED_LOCALES.map((l) => (
                <option key={l} value={l}>
                  {t(`app.languages.${l}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('settings.currency')} htmlFor="currency" error={errors.currency}>
            <select id="currency" {...form.register('currency')}>
              {CURRENCIES.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('settings.companyName')} htmlFor="companyName" error={errors.companyName}>
            <input id="companyName" {...form.register('companyName')} />
          </Field>
          <Field
            label={t('settings.loanNumberPrefix')}
            htmlFor="loanNumberPrefix"
            error={errors.loanNumberPrefix}
          >
            <input id="loanNumberPrefix" {...form.register('loanNumberPrefix')} />
          </Field>
          <div className="form-actions">
            <button type="submit" className="btn btn-primary" disabled={form.formState.isSubmitting}>
              {t('common.save')}
            </button>
            {save.isSuccess && !form.formState.isDirty && <span className="muted">{t('common.saved')}</span>}
          </div>
          {save.error && <ErrorPanel error={save.error} />}
        </form>
      </Card>
      <Card title={t('settings.about')}>
        {info.data && (
          <Facts
            items={[
              [t('settings.version'), info.data.version],
              [t('settings.sqliteVersion'), info.data.sqliteVersion],
              [t('settings.schemaVersion'), info.data.schemaVersion],
              [t('settings.databasePath'), <code key="p">{info.data.databasePath}</code>],
            ]}
          />
        )}
      </Card>
      <LoanSettingsCard />
      <CollectionSettingsCard />
      <CollateralSettingsCard />
      <PlanSettingsCard />
      <AccessSettingsCards />
    </Page>
  );
}
