import type { ReactNode } from 'react';
import { NavLink, useParams } from 'react-router';
import { useForm } from 'react-hook-form';
import { wordedResolver } from '../../components/worded-resolver';
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
import { ImportSettingsCard } from '../import/ImportSettingsCard';
import { LetterTemplatesCard } from '../collections/LetterTemplatesCard';
import { ApprovalsCard } from '../access/ApprovalsCard';
import { AuditCard } from '../access/AuditCard';
import { BackupCard } from '../access/BackupCard';
import { UsersCard } from '../access/UsersCard';
import { useCurrentUser } from '../access/current-user';
import type { Resources } from '../../../../shared/i18n/resources';
import { CompanyForm } from './CompanyForm';
import { RiskSettingsCard } from '../risk/RiskSettingsCard';
import { LedgerSettingsCard } from '../ledger/LedgerSettingsCard';

const CURRENCIES = ['CNY', 'HKD', 'TWD', 'MOP', 'SGD', 'USD'];

// This form saves only its own keys, so it never overwrites what another card saved meanwhile.
const generalSchema = settingsSchema.pick({
  currency: true,
  locale: true,
  loanNumberPrefix: true,
});
type GeneralSettings = z.infer<typeof generalSchema>;

/**
 * Settings as sections with their own navigation (Settings → Company, → Users …), each at its own
 * address so a link or a test can open one directly; a section shows only to whom may use it.
 */
const SECTIONS: {
  id: keyof Resources['settings']['sections'];
  permission?: string;
  render: () => ReactNode;
}[] = [
  { id: 'general', render: () => <GeneralSection /> },
  { id: 'company', permission: 'settings.manage', render: () => <CompanySection /> },
  {
    id: 'loans',
    render: () => (
      <>
        <LoanSettingsCard />
        <PlanSettingsCard />
        <ImportSettingsCard />
      </>
    ),
  },
  { id: 'collections', render: () => <CollectionSettingsCard /> },
  { id: 'letters', render: () => <LetterTemplatesCard /> },
  { id: 'collateral', render: () => <CollateralSettingsCard /> },
  {
    id: 'accounting',
    render: () => (
      <>
        <LedgerSettingsCard />
        <RiskSettingsCard />
      </>
    ),
  },
  { id: 'approvals', permission: 'approvals.decide', render: () => <ApprovalsCard /> },
  { id: 'users', permission: 'users.manage', render: () => <UsersCard /> },
  { id: 'backups', permission: 'backups.manage', render: () => <BackupCard /> },
  { id: 'audit', permission: 'audit.read', render: () => <AuditCard /> },
];

export function SettingsPage() {
  const { t } = useTranslation();
  const { may } = useCurrentUser();
  const visible = SECTIONS.filter((s) => !s.permission || may(s.permission));
  const wanted = useParams().section ?? 'general';
  const section = visible.find((s) => s.id === wanted) ?? visible[0]!;
  return (
    <Page title={t('settings.title')}>
      <div className="settings-layout">
        <nav className="settings-nav" aria-label={t('settings.sectionsLabel')}>
          {visible.map((s) => (
            <NavLink
              key={s.id}
              to={`/settings/${s.id}`}
              className={() => (s.id === section.id ? 'active' : '')}
              aria-current={s.id === section.id ? 'page' : undefined}
            >
              {t(`settings.sections.${s.id}`)}
            </NavLink>
          ))}
        </nav>
        <div className="settings-section" data-testid={`settings-${section.id}`}>
          {section.render()}
        </div>
      </div>
    </Page>
  );
}

function CompanySection() {
  const { t } = useTranslation();
  return (
    <Card title={t('settings.company.title')}>
      <p className="muted">{t('settings.company.hint')}</p>
      <CompanyForm submitLabel={t('common.save')} />
    </Card>
  );
}

function GeneralSection() {
  const { t } = useTranslation();
  const { settings } = usePrefs();
  const info = useApi('system.info', {});
  const save = useApiMutation('settings.update', ['settings.', 'system.']);
  const form = useForm<GeneralSettings>({ resolver: wordedResolver(generalSchema), defaultValues: settings });
  const errors = form.formState.errors;

  const onSubmit = form.handleSubmit(async (values) => {
    const saved = await save.mutateAsync(values);
    await switchLocale(saved.locale || systemLocale());
    form.reset(saved);
  });

  return (
    <>
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
              [
                t(info.data.engine === 'postgres' ? 'settings.serverVersion' : 'settings.sqliteVersion'),
                info.data.sqliteVersion,
              ],
              [t('settings.schemaVersion'), info.data.schemaVersion],
              [
                t(info.data.engine === 'postgres' ? 'settings.serverBook' : 'settings.databasePath'),
                <code key="p">{info.data.databasePath}</code>,
              ],
            ]}
          />
        )}
      </Card>
    </>
  );
}
