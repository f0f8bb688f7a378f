import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ACCOUNT_ROLES,
  ACCOUNTING_BASES,
  VOUCHER_GROUPINGS,
  type AccountRole,
  type LedgerSettings,
} from '../../../../shared/contract';
import { useApi, useApiMutation } from '../../api/hooks';
import { ErrorPanel } from '../../app/ErrorBoundary';
import { Card } from '../../components/Page';
import { CodeSelect, Field } from '../../components/form';

/**
 * Settings → Accounting: the chart of accounts the journal posts to, the basis, and how vouchers
 * are exported. Saved whole; the service refuses a code used twice, or one that meant another
 * account in a closed month. A change applies from this month on: a closed month keeps its own.
 */
export function LedgerSettingsCard() {
  const current = useApi('settings.get', {});
  return current.data ? <LedgerSettingsForm initial={current.data.ledger} /> : null;
}

function LedgerSettingsForm({ initial }: { initial: LedgerSettings }) {
  const { t } = useTranslation();
  const save = useApiMutation('settings.update', ['settings.', 'ledger.']);
  const [ledger, setLedger] = useState<LedgerSettings>(initial);
  const setAccount = (role: AccountRole, field: 'code' | 'name' | 'nameEn', value: string) =>
    setLedger({ ...ledger, chart: { ...ledger.chart, [role]: { ...ledger.chart[role], [field]: value } } });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate({ ledger });
  };
  return (
    <Card title={t('ledger.settings.title')}>
      <p className="muted">{t('ledger.settings.hint')}</p>
      <form onSubmit={submit} noValidate>
        <div className="form-grid">
          <Field label={t('ledger.settings.basis')} htmlFor="ledger-basis">
            <CodeSelect
              id="ledger-basis"
              value={ledger.basis}
              codes={ACCOUNTING_BASES}
              label={(b) => t(`ledger.basis.${b}`)}
              onChange={(basis) => setLedger({ ...ledger, basis })}
            />
          </Field>
          <Field label={t('ledger.settings.vouchers')} htmlFor="ledger-vouchers">
            <CodeSelect
              id="ledger-vouchers"
              value={ledger.vouchers}
              codes={VOUCHER_GROUPINGS}
              label={(v) => t(`ledger.vouchers.${v}`)}
              onChange={(vouchers) => setLedger({ ...ledger, vouchers })}
            />
          </Field>
          <Field label={t('ledger.settings.voucherWord')} htmlFor="ledger-word">
            <input
              id="ledger-word"
              value={ledger.voucherWord}
              maxLength={4}
              onChange={(e) => setLedger({ ...ledger, voucherWord: e.target.value })}
            />
          </Field>
        </div>
        <table className="grid compact chart-of-accounts" data-testid="chart-of-accounts">
          <thead>
            <tr>
              <th>{t('ledger.settings.role')}</th>
              <th>{t('ledger.settings.code')}</th>
              <th>{t('ledger.settings.name')}</th>
              <th>{t('ledger.settings.nameEn')}</th>
            </tr>
          </thead>
          <tbody>
            {ACCOUNT_ROLES.map((role) => (
              <tr key={role} data-role={role}>
                <th>{t(`ledger.roles.${role}`)}</th>
                {(['code', 'name', 'nameEn'] as const).map((field) => (
                  <td key={field}>
                    <input
                      aria-label={t(`ledger.settings.${field}Of`, { account: t(`ledger.roles.${role}`) })}
                      value={ledger.chart[role][field]}
                      maxLength={field === 'code' ? 40 : 60}
                      onChange={(e) => setAccount(role, field, e.target.value)}
                    />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        {save.error && <ErrorPanel error={save.error} />}
        {save.isSuccess && !save.isPending && <p className="muted">{t('ledger.settings.saved')}</p>}
        <div>
          <button type="submit" className="btn btn-primary" disabled={save.isPending}>
            {t('ledger.settings.save')}
          </button>
        </div>
      </form>
    </Card>
  );
}
