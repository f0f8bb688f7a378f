import { useTranslation } from 'react-i18next';
import type { PlanSpecInput } from '../../../../shared/contract';
import { PLAN_TYPES, type PlanType } from '../../../../shared/engine/plans/types';
import { REPAYMENT_METHODS } from '../../../../shared/engine/schedule';
import { Field } from '../../components/form';
import { AmountField, PercentField } from '../../components/NumberField';
import { DateField } from '../../components/DateField';

/** A sensible first draft of each kind of plan, for the lender to adjust. */
export function defaultSpec(type: PlanType, today: string): PlanSpecInput {
  switch (type) {
    case 'arrears-installments':
      return { type, months: 6, waivePenaltyPercent: '0', regular: 'keep' };
    case 'extension':
      return { type, months: 24, arrears: 'keep' };
    case 'holiday':
      return { type, months: 3, interest: 'capitalize' };
    case 'rate-change':
      return { type, annualRatePercent: '6' };
    case 'settlement':
      return { type, amount: '1.00', payBy: today };
  }
}

/** The fields of one candidate plan; every change is previewed at once by the comparison. */
export function CandidateEditor({
  index,
  spec,
  today,
  onChange,
  refused = {},
}: {
  index: number;
  spec: PlanSpecInput;
  today: string;
  onChange: (spec: PlanSpecInput) => void;
  /** Worded refusals by the spec's field name, shown beside that field. */
  refused?: Record<string, string>;
}) {
  const { t } = useTranslation();
  const id = (field: string) => `plan-${index}-${field}`;
  const set = (patch: Record<string, unknown>) => onChange({ ...spec, ...patch } as PlanSpecInput);
  const months = 'months' in spec && (
    <Field label={t('plans.months')} htmlFor={id('months')} error={refused['months']}>
      <input
        id={id('months')}
        type="number"
        min={1}
        value={spec.months}
        onChange={(e) => set({ months: Number(e.target.value) })}
      />
    </Field>
  );
  return (
    <div className="plan-candidate" data-testid={`candidate-${index}`}>
      <Field label={t('plans.type')} htmlFor={id('type')} error={refused['type']}>
        <select
          id={id('type')}
          value={spec.type}
          onChange={(e) => onChange(defaultSpec(e.target.value as PlanType, today))}
        >
          {PLAN_TYPES.map((type) => (
            <option key={type} value={type}>
              {t(`plans.types.${type}`)}
            </option>
          ))}
        </select>
      </Field>
      {months}
      {spec.type === 'arrears-installments' && (
        <Field
          label={t('plans.waivePenaltyPercent')}
          htmlFor={id('waive')}
          error={refused['waivePenaltyPercent']}
        >
          <PercentField
            id={id('waive')}
            value={spec.waivePenaltyPercent ?? '0'}
            onChange={(waivePenaltyPercent) => set({ waivePenaltyPercent })}
          />
        </Field>
      )}
      {spec.type === 'arrears-installments' && (
        <Field label={t('plans.regular')} htmlFor={id('regular')} error={refused['regular']}>
          <select
            id={id('regular')}
            value={spec.regular ?? 'keep'}
            onChange={(e) => set({ regular: e.target.value })}
          >
            <option value="keep">{t('plans.regularKeep')}</option>
            <option value="suspend">{t('plans.regularSuspend')}</option>
          </select>
        </Field>
      )}
      {(spec.type === 'extension' || spec.type === 'rate-change') && (
        <Field
          label={t('plans.annualRatePercent')}
          htmlFor={id('rate')}
          error={refused['annualRatePercent']}
          hint={spec.type === 'extension' ? t('plans.sameRate') : undefined}
        >
          <PercentField
            id={id('rate')}
            value={spec.annualRatePercent ?? ''}
            onChange={(rate) =>
              set({ annualRatePercent: rate === '' && spec.type === 'extension' ? undefined : rate })
            }
          />
        </Field>
      )}
      {spec.type === 'extension' && (
        <>
          <Field label={t('plans.method')} htmlFor={id('method')} error={refused['method']}>
            <select
              id={id('method')}
              value={spec.method ?? ''}
              onChange={(e) => set({ method: e.target.value || undefined })}
            >
              <option value="">{t('plans.sameMethod')}</option>
              {REPAYMENT_METHODS.map((m) => (
                <option key={m} value={m}>
                  {t(`common.methods.${m}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('plans.arrears')} htmlFor={id('arrears')} error={refused['arrears']}>
            <select
              id={id('arrears')}
              value={spec.arrears ?? 'keep'}
              onChange={(e) => set({ arrears: e.target.value })}
            >
              <option value="keep">{t('plans.arrearsKeep')}</option>
              <option value="capitalize">{t('plans.arrearsCapitalize')}</option>
            </select>
          </Field>
        </>
      )}
      {spec.type === 'holiday' && (
        <Field label={t('plans.holidayInterest')} htmlFor={id('interest')} error={refused['interest']}>
          <select
            id={id('interest')}
            value={spec.interest}
            onChange={(e) => set({ interest: e.target.value })}
          >
            <option value="capitalize">{t('plans.interestCapitalize')}</option>
            <option value="defer">{t('plans.interestDefer')}</option>
          </select>
        </Field>
      )}
      {spec.type === 'settlement' && (
        <>
          <Field label={t('plans.amount')} htmlFor={id('amount')} error={refused['amount']}>
            <AmountField id={id('amount')} value={spec.amount} onChange={(amount) => set({ amount })} />
          </Field>
          <Field label={t('plans.payBy')} htmlFor={id('payBy')} error={refused['payBy']}>
            <DateField id={id('payBy')} value={spec.payBy} onChange={(payBy) => set({ payBy })} />
          </Field>
        </>
      )}
    </div>
  );
}
