import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { RESTRUCTURED_DPD_POLICIES, type PlanSettings } from '../../../../shared/contract';
import { useApi, useApiMutation } from '../../api/hooks';
import { ErrorPanel } from '../../app/ErrorBoundary';
import { Card } from '../../components/Page';
import { CodeSelect, Field } from '../../components/form';

/** Settings → Repayment plans: how restructured loans are aged, and when a plan is broken. */
export function PlanSettingsCard() {
  const current = useApi('settings.get', {});
  return current.data ? (
    <PlanSettingsForm
      initial={{
        restructuredDpdPolicy: current.data.restructuredDpdPolicy,
        cureInstallments: current.data.cureInstallments,
        planToleranceDays: current.data.planToleranceDays,
      }}
    />
  ) : null;
}

function PlanSettingsForm({ initial }: { initial: PlanSettings }) {
  const { t } = useTranslation();
  const save = useApiMutation('settings.update', ['settings.', 'loans.', 'plans.']);
  const [s, setS] = useState(initial);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(s);
  };
  return (
    <Card title={t('plans.settings.title')}>
      <form className="form-grid" onSubmit={submit} noValidate>
        <Field label={t('plans.settings.policy')} htmlFor="ps-policy" hint={t('plans.settings.policyHelp')}>
          <CodeSelect
            id="ps-policy"
            value={s.restructuredDpdPolicy}
            codes={RESTRUCTURED_DPD_POLICIES}
            label={(p) => t(`plans.settings.policies.${p}`)}
            onChange={(restructuredDpdPolicy) => setS({ ...s, restructuredDpdPolicy })}
          />
        </Field>
        <Field label={t('plans.settings.cureInstallments')} htmlFor="ps-cure">
          <input
            id="ps-cure"
            type="number"
            min={1}
            max={24}
            value={s.cureInstallments}
            onChange={(e) => setS({ ...s, cureInstallments: Number(e.target.value) })}
          />
        </Field>
        <Field label={t('plans.settings.toleranceDays')} htmlFor="ps-tolerance">
          <input
            id="ps-tolerance"
            type="number"
            min={0}
            max={90}
            value={s.planToleranceDays}
            onChange={(e) => setS({ ...s, planToleranceDays: Number(e.target.value) })}
          />
        </Field>
        {save.error && <ErrorPanel error={save.error} />}
        <div>
          <button type="submit" className="btn btn-primary" disabled={save.isPending}>
            {t('plans.settings.save')}
          </button>
        </div>
      </form>
    </Card>
  );
}
