import { useEffect, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useForm, useWatch } from 'react-hook-form';
import { useRefusals } from '../../app/error-text';
import { wordedResolver } from '../../components/worded-resolver';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { PRODUCTS, coded, isoDate, loanTermsSchema, ratePercent } from '../../../../shared/contract';
import { REPAYMENT_METHODS } from '../../../../shared/engine';
import { useApi, useApiMutation } from '../../api/hooks';
import { usePrefs } from '../../app/prefs';
import { ErrorPanel } from '../../app/ErrorBoundary';
import { Card, Page } from '../../components/Page';
import { FormDateField } from '../../components/DateField';
import { Field } from '../../components/form';
import { FormAmountField, FormPercentField } from '../../components/NumberField';
import { useDebounced } from '../../components/useDebounced';
import { parseMoneyInput } from '../../format/format';
import { BorrowerPicker } from '../borrowers/BorrowerPicker';
import { InstallmentTable } from './InstallmentTable';

const money = () => z.string().refine((v) => parseMoneyInput(v) !== null, coded('input.amount'));

/** What the clerk types: amounts as text (converted to minor units on submit), rates as typed. */
const formSchema = z.object({
  product: z.enum(PRODUCTS),
  principal: money().refine((v) => (parseMoneyInput(v) ?? 0) > 0, coded('input.positive')),
  annualRatePercent: ratePercent,
  months: z.coerce.number().int().min(1).max(600),
  method: z.enum(REPAYMENT_METHODS),
  startDate: isoDate,
  penaltyDailyRatePercent: ratePercent,
  graceDays: z.coerce.number().int().min(0).max(90),
  upfrontFee: money(),
  officer: z.string().max(80),
  activate: z.boolean(),
});
type FormValues = z.input<typeof formSchema>;

export function NewLoanPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const prefs = usePrefs();
  const [params] = useSearchParams();
  const today = useApi('system.info', {}).data?.today ?? '';
  const preset = Number(params.get('borrower')) || null;
  const presetBorrower = useApi('borrowers.get', { id: preset ?? 0 }, { enabled: preset !== null });
  const [borrower, setBorrower] = useState<{ id: number; name: string } | null>(null);
  const [guarantors, setGuarantors] = useState<{ id: number; name: string }[]>([]);
  const chosen =
    borrower ?? (presetBorrower.data ? { id: presetBorrower.data.id, name: presetBorrower.data.name } : null);
  const [borrowerError, setBorrowerError] = useState(false);
  const create = useApiMutation('loans.create', ['loans.', 'borrowers.', 'search.']);

  const form = useForm<FormValues>({
    resolver: wordedResolver(formSchema),
    defaultValues: {
      product: 'car-title',
      principal: '',
      annualRatePercent: '12',
      months: 12,
      method: 'annuity',
      startDate: today,
      penaltyDailyRatePercent: '0.05',
      graceDays: 3,
      upfrontFee: '0',
      officer: '',
      activate: true,
    },
  });
  // Today comes from the services (the injected clock) after the first render: a form still
  // without a disbursement date starts on it, as the clerk most often disburses the same day.
  useEffect(() => {
    if (today && !form.getValues('startDate')) form.setValue('startDate', today);
  }, [today, form]);
  const errors = form.formState.errors;
  // A refusal from the service is shown beside the field it names, as the form's own checks are;
  // the service names the terms' fields under `terms.`, the form holds them flat.
  const refused = useRefusals().fieldErrors(create.error);
  const onForm = (field: string) => field.replace(/^terms\./, '');
  const errorOf = (name: keyof FormValues) => errors[name] ?? refused[name] ?? refused[`terms.${name}`];
  const unplaced = Object.keys(refused).some(
    (f) => f !== 'borrowerId' && !Object.hasOwn(formSchema.shape, onForm(f)),
  );
  const watched = useWatch({ control: form.control });
  const terms = useDebounced(
    {
      method: watched.method,
      principal: parseMoneyInput(watched.principal ?? '') ?? 0,
      annualRatePercent: watched.annualRatePercent ?? '',
      months: Number(watched.months),
      startDate: watched.startDate || today,
    },
    250,
  );
  const termsValid = loanTermsSchema.safeParse(terms).success;
  const preview = useApi('loans.previewSchedule', terms as z.input<typeof loanTermsSchema>, {
    enabled: termsValid,
  });

  const onSubmit = form.handleSubmit(async (v) => {
    if (!chosen) {
      setBorrowerError(true);
      return;
    }
    const created = await create.mutateAsync({
      borrowerId: chosen.id,
      product: v.product,
      terms: {
        method: v.method,
        principal: parseMoneyInput(v.principal) ?? 0,
        annualRatePercent: v.annualRatePercent,
        months: Number(v.months),
        startDate: v.startDate,
      },
      penaltyDailyRatePercent: v.penaltyDailyRatePercent,
      graceDays: Number(v.graceDays),
      upfrontFee: parseMoneyInput(v.upfrontFee) ?? 0,
      officer: v.officer,
      guarantorIds: guarantors.map((g) => g.id),
      activate: v.activate,
    });
    navigate(`/loans/${created.id}`);
  });

  return (
    <Page title={t('loans.new')}>
      <Card title={t('loans.terms')}>
        <form className="form-grid" onSubmit={onSubmit} noValidate aria-label={t('loans.new')}>
          <Field
            label={t('loans.borrower')}
            htmlFor="l-borrower"
            error={borrowerError && !chosen ? t('common.errors.codes.invalid-input') : refused['borrowerId']}
          >
            <BorrowerPicker
              id="l-borrower"
              value={chosen}
              onChange={(b) => {
                setBorrower(b);
                setBorrowerError(false);
              }}
            />
          </Field>
          <Field label={t('loans.product')} htmlFor="l-product" error={errorOf('product')}>
            <select id="l-product" {...form.register('product')}>
              {PRODUCTS.map((p) => (
                <option key={p} value={p}>
                  {t(`common.products.${p}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('loans.principal')} htmlFor="l-principal" error={errorOf('principal')}>
            <FormAmountField id="l-principal" control={form.control} name="principal" />
          </Field>
          <Field label={t('loans.annualRate')} htmlFor="l-rate" error={errorOf('annualRatePercent')}>
            <FormPercentField id="l-rate" control={form.control} name="annualRatePercent" />
          </Field>
          <Field label={t('loans.months')} htmlFor="l-months" error={errorOf('months')}>
            <input id="l-months" inputMode="numeric" {...form.register('months')} />
          </Field>
          <Field label={t('loans.method')} htmlFor="l-method" error={errorOf('method')}>
            <select id="l-method" {...form.register('method')}>
              {REPAYMENT_METHODS.map((m) => (
                <option key={m} value={m}>
                  {t(`common.methods.${m}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('loans.startDate')} htmlFor="l-start" error={errorOf('startDate')}>
            <FormDateField id="l-start" control={form.control} name="startDate" />
          </Field>
          <Field
            label={t('loans.penaltyRate')}
            htmlFor="l-penalty"
            error={errorOf('penaltyDailyRatePercent')}
          >
            <FormPercentField id="l-penalty" control={form.control} name="penaltyDailyRatePercent" />
          </Field>
          <Field label={t('loans.graceDays')} htmlFor="l-grace" error={errorOf('graceDays')}>
            <input id="l-grace" inputMode="numeric" {...form.register('graceDays')} />
          </Field>
          <Field label={t('loans.upfrontFee')} htmlFor="l-fee" error={errorOf('upfrontFee')}>
            <FormAmountField id="l-fee" control={form.control} name="upfrontFee" />
          </Field>
          <Field label={t('loans.officer')} htmlFor="l-officer" error={errorOf('officer')}>
            <input id="l-officer" {...form.register('officer')} />
          </Field>
          <Field label={t('loans.guarantors')} htmlFor="l-guarantor">
            <div>
              {guarantors.map((g) => (
                <div key={g.id}>
                  {g.name}{' '}
                  <button
                    type="button"
                    className="btn btn-small"
                    onClick={() => setGuarantors(guarantors.filter((x) => x.id !== g.id))}
                  >
                    {t('common.cancel')}
                  </button>
                </div>
              ))}
              <BorrowerPicker
                id="l-guarantor"
                value={null}
                exclude={[...(chosen ? [chosen.id] : []), ...guarantors.map((g) => g.id)]}
                onChange={(g) => g && setGuarantors([...guarantors, g])}
              />
            </div>
          </Field>
          <label className="check">
            <input type="checkbox" {...form.register('activate')} /> {t('loans.activate')}
          </label>
          <div className="form-actions">
            <button type="submit" className="btn btn-primary" disabled={form.formState.isSubmitting}>
              {t('loans.create')}
            </button>
          </div>
          {create.error && (Object.keys(refused).length === 0 || unplaced) && (
            <ErrorPanel error={create.error} />
          )}
        </form>
      </Card>
      <Card title={t('loans.schedulePreview')}>
        {preview.data && termsValid ? (
          <>
            <div className="stats">
              <div className="stat">
                <span className="label">{t('loans.totalInterest')}</span>
                <span className="value">{prefs.money(preview.data.totalInterest)}</span>
              </div>
              <div className="stat">
                <span className="label">{t('loans.totalPayable')}</span>
                <span className="value">{prefs.money(preview.data.totalPayable)}</span>
              </div>
            </div>
            <InstallmentTable label={t('loans.schedulePreview')} installments={preview.data.installments} />
          </>
        ) : (
          <p className="muted">{t('payments.previewHint')}</p>
        )}
      </Card>
    </Page>
  );
}
