import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { type LoanSettings } from '../../../../shared/contract';
import { PREPAYMENT_INTEREST_RULES } from '../../../../shared/engine';
import { useApi, useApiMutation } from '../../api/hooks';
import { ErrorPanel } from '../../app/ErrorBoundary';
import { Card } from '../../components/Page';
import { CodeSelect, Field } from '../../components/form';
import { PercentField } from '../../components/NumberField';

/** Settings → Loans: the product defaults for early settlement that a new loan copies. */
export function LoanSettingsCard() {
  const current = useApi('settings.get', {});
  return current.data ? (
    <LoanSettingsForm
      initial={{
        prepaymentInterest: current.data.prepaymentInterest,
        prepaymentFeePercent: current.data.prepaymentFeePercent,
      }}
    />
  ) : null;
}

function LoanSettingsForm({ initial }: { initial: LoanSettings }) {
  const { t } = useTranslation();
  const save = useApiMutation('settings.update', ['settings.']);
  const [s, setS] = useState(initial);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(s);
  };
  return (
    <Card title={t('settings.loanSettings.title')}>
      <form className="form-grid" onSubmit={submit} noValidate>
        <Field
          label={t('settings.loanSettings.prepaymentInterest')}
          htmlFor="ls-interest"
          hint={t('settings.loanSettings.prepaymentInterestHelp')}
        >
          <CodeSelect
            id="ls-interest"
            value={s.prepaymentInterest}
            codes={PREPAYMENT_INTEREST_RULES}
            label={(r) => t(`settings.loanSettings.rules.${r}`)}
            onChange={(prepaymentInterest) => setS({ ...s, prepaymentInterest })}
          />
        </Field>
        <Field label={t('settings.loanSettings.prepaymentFeePercent')} htmlFor="ls-fee">
          <PercentField
            id="ls-fee"
            value={s.prepaymentFeePercent}
            onChange={(prepaymentFeePercent) => setS({ ...s, prepaymentFeePercent })}
          />
        </Field>
        {save.error && <ErrorPanel error={save.error} />}
        <div>
          <button type="submit" className="btn btn-primary" disabled={save.isPending}>
            {t('settings.loanSettings.save')}
          </button>
        </div>
      </form>
    </Card>
  );
}
