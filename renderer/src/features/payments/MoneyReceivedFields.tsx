import type { UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { PAYMENT_METHODS, coded, isoDate } from '../../../../shared/contract';
import { FormDateField } from '../../components/DateField';
import { Field } from '../../components/form';
import { FormAmountField } from '../../components/NumberField';
import { parseMoneyInput } from '../../format/format';

/** Money received on a loan, as a payment or as a recovery after write-off: the fields both forms share. */
export const moneyReceivedSchema = z.object({
  date: isoDate,
  amount: z.string().refine((v) => (parseMoneyInput(v) ?? 0) > 0, coded('input.positive')),
  method: z.enum(PAYMENT_METHODS),
  reference: z.string().max(80),
});
export type MoneyReceivedValues = z.input<typeof moneyReceivedSchema>;

/** Date, amount, method and reference; `idPrefix` keeps label ids unique when two forms coexist. */
export function MoneyReceivedFields<T extends MoneyReceivedValues>({
  form,
  today,
  idPrefix,
  refused = {},
}: {
  form: UseFormReturn<T>;
  today: string;
  idPrefix: string;
  /** The service's refusals by field, already worded: shown beside the field they name. */
  refused?: Record<string, string>;
}) {
  const { t } = useTranslation();
  // The four fields exist on every T; react-hook-form's path types cannot see that through a generic.
  const f = form as unknown as UseFormReturn<MoneyReceivedValues>;
  const errors = f.formState.errors;
  return (
    <>
      <Field label={t('payments.date')} htmlFor={`${idPrefix}-date`} error={errors.date ?? refused.date}>
        <FormDateField id={`${idPrefix}-date`} control={f.control} name="date" latest={today} />
      </Field>
      <Field
        label={t('payments.amount')}
        htmlFor={`${idPrefix}-amount`}
        error={errors.amount ?? refused.amount}
      >
        <FormAmountField id={`${idPrefix}-amount`} autoFocus control={f.control} name="amount" />
      </Field>
      <Field
        label={t('payments.method')}
        htmlFor={`${idPrefix}-method`}
        error={errors.method ?? refused.method}
      >
        <select id={`${idPrefix}-method`} {...f.register('method')}>
          {PAYMENT_METHODS.map((m) => (
            <option key={m} value={m}>
              {t(`common.paymentMethods.${m}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field
        label={t('payments.reference')}
        htmlFor={`${idPrefix}-reference`}
        error={errors.reference ?? refused.reference}
      >
        <input id={`${idPrefix}-reference`} {...f.register('reference')} />
      </Field>
    </>
  );
}
