import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { wordedResolver } from '../../components/worded-resolver';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { z } from 'zod';
import { isoDate } from '../../../../shared/contract';
import { PREPAY_MODES, type PrepayMode } from '../../../../shared/engine';
import { useApi, useApiMutation } from '../../api/hooks';
import { usePrefs } from '../../app/prefs';
import { ErrorPanel } from '../../app/ErrorBoundary';
import { DpdBadge } from '../../components/badges';
import { Field } from '../../components/form';
import { MoneyReceivedFields, moneyReceivedSchema } from './MoneyReceivedFields';
import { useDebounced } from '../../components/useDebounced';
import { parseMoneyInput } from '../../format/format';
import { useRefusals } from '../../app/error-text';
import { notifyDone } from '../../components/notify';

const schema = moneyReceivedSchema.extend({ receivedBy: z.string().max(80) });
type FormValues = z.input<typeof schema>;

/** A cashier posts payment after payment the same way: the method and receiver are remembered on this PC. */
const REMEMBERED = 'pledgebook.payment.receipt';
const rememberedShape = schema.pick({ method: true, receivedBy: true });
function rememberedReceipt(): z.infer<typeof rememberedShape> {
  const fallback = { method: 'cash' as const, receivedBy: '' };
  try {
    const parsed = rememberedShape.safeParse(JSON.parse(localStorage.getItem(REMEMBERED) ?? 'null'));
    return parsed.success ? parsed.data : fallback;
  } catch {
    return fallback;
  }
}
const rememberReceipt = (value: z.infer<typeof rememberedShape>) =>
  localStorage.setItem(REMEMBERED, JSON.stringify(value));

/**
 * Records a payment. Before anything is posted the engine previews exactly how the money will
 * be split (penalty, interest, principal, installment by installment) and what DPD becomes.
 */

/** The fields MoneyReceivedFields draws; a refusal naming one of them shows beside it. */
const MONEY_FIELDS = new Set(['date', 'amount', 'method', 'reference']);

export function RecordPaymentDialog({
  loanId,
  today,
  onDone,
  onRecorded,
}: {
  loanId: number;
  today: string;
  onDone: () => void;
  /** What follows a posted payment; by default its receipt opens. A collector stays on the account. */
  onRecorded?: (paymentId: number) => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const prefs = usePrefs();
  const record = useApiMutation('payments.record', ['loans.', 'borrowers.', 'payments.', 'collections.']);
  const form = useForm<FormValues>({
    resolver: wordedResolver(schema),
    defaultValues: { date: today, amount: '', reference: '', ...rememberedReceipt() },
  });
  const watched = useWatch({ control: form.control });
  const amount = parseMoneyInput(watched.amount ?? '') ?? 0;
  // What money beyond what is due does: the next installments (the default), or re-plan the loan.
  const [mode, setMode] = useState<'next' | PrepayMode>('next');
  const prepay = mode === 'next' ? {} : { prepay: { mode } };
  const request = useDebounced({ loanId, date: watched.date ?? today, amount, ...prepay }, 250);
  const canPreview = request.amount > 0 && isoDate.safeParse(request.date).success;
  const preview = useApi('payments.preview', request, { enabled: canPreview });
  const errors = form.formState.errors;
  // A refusal of the preview or of the post is shown once, beside the field it names.
  const refusals = useRefusals();
  const refusedFields = refusals.fieldErrors(record.error ?? (canPreview ? preview.error : null));
  const besideFields = new Set(Object.keys(refusedFields).filter((f) => MONEY_FIELDS.has(f)));
  const elsewhere = Object.entries(refusedFields).filter(([f]) => !besideFields.has(f));
  const refused = elsewhere[0] ? { field: elsewhere[0][0], text: elsewhere[0][1] } : null;

  const onSubmit = form.handleSubmit(async (v) => {
    const posted = parseMoneyInput(v.amount) ?? 0;
    const saved = await record.mutateAsync({
      loanId,
      date: v.date,
      amount: posted,
      method: v.method,
      reference: v.reference,
      receivedBy: v.receivedBy,
      ...prepay,
    });
    rememberReceipt({ method: v.method, receivedBy: v.receivedBy });
    notifyDone(t('payments.recordedNotice', { amount: prefs.money(posted) }));
    onDone();
    if (onRecorded) onRecorded(saved.id);
    else navigate(`/payments/${saved.id}/receipt`);
  });

  const p = canPreview ? preview.data : undefined;
  return (
    <form className="form-grid" onSubmit={onSubmit} noValidate>
      <MoneyReceivedFields form={form} today={today} idPrefix="p" refused={refusedFields} />
      <Field label={t('payments.receivedBy')} htmlFor="p-receivedBy" error={errors.receivedBy}>
        <input id="p-receivedBy" {...form.register('receivedBy')} />
      </Field>
      <section className="form-actions" aria-label={t('payments.preview')} style={{ display: 'block' }}>
        <h3>{t('payments.preview')}</h3>
        {refused && (
          <p className="field-error" role="alert" data-testid="payment-refused">
            {refused.text}
          </p>
        )}
        {canPreview && preview.error && Object.keys(refusedFields).length === 0 && (
          <ErrorPanel error={preview.error} />
        )}
        {!p && !preview.error && <p className="muted">{t('payments.previewHint')}</p>}
        {p && (
          <div data-testid="payment-preview">
            <table className="split-table">
              <thead>
                <tr>
                  <th>{t('loans.installment')}</th>
                  <th className="num">{t('payments.penalty')}</th>
                  <th className="num">{t('payments.interest')}</th>
                  <th className="num">{t('payments.principal')}</th>
                </tr>
              </thead>
              <tbody>
                {p.byInstallment.map((i) => (
                  <tr key={i.n}>
                    <td>
                      {i.n} · {prefs.date(i.dueDate)}
                    </td>
                    <td className="num">{prefs.money(i.penalty)}</td>
                    <td className="num">{prefs.money(i.interest)}</td>
                    <td className="num">{prefs.money(i.principal)}</td>
                  </tr>
                ))}
                <tr>
                  <th>{t('loans.total')}</th>
                  <th className="num" data-testid="split-penalty">
                    {prefs.money(p.split.penalty)}
                  </th>
                  <th className="num" data-testid="split-interest">
                    {prefs.money(p.split.interest)}
                  </th>
                  <th className="num" data-testid="split-principal">
                    {prefs.money(p.split.principal)}
                  </th>
                </tr>
              </tbody>
            </table>
            {p.split.charges !== undefined && (
              <p data-testid="split-charges">
                {t('collections.charges.paidNow', { amount: prefs.money(p.split.charges) })}
              </p>
            )}
            {p.split.fee !== undefined && (
              <p data-testid="split-fee">
                {t('payments.feeLine')}: {prefs.money(p.split.fee)}
              </p>
            )}
            {p.settlement && (
              <p className="badge badge-ok" data-testid="payment-settles">
                {t('payments.settlesLoan')}
              </p>
            )}
            {p.split.unapplied > 0 && (
              <p data-testid="split-refund">
                {t('payments.refundDue')}: {prefs.money(p.split.unapplied)}
              </p>
            )}
            {p.prepay && (
              <p data-testid="prepay-outcome">
                {t('payments.prepayOutcome', {
                  principal: prefs.money(p.prepay.prepaidPrincipal),
                  interest: prefs.money(p.prepay.interestToDate),
                  installment: prefs.money(p.prepay.newInstallment),
                  count: p.prepay.installmentsLeft,
                  end: prefs.date(p.prepay.endDate),
                })}
              </p>
            )}
            <p>
              {t('payments.before')}: <DpdBadge dpd={p.before.daysPastDue} bucket={p.before.bucket} /> →{' '}
              {t('payments.after')}: <DpdBadge dpd={p.after.daysPastDue} bucket={p.after.bucket} />
            </p>
            <p className="muted">
              {t('payments.payoffHint', { date: prefs.date(request.date), amount: prefs.money(p.payoff) })}
            </p>
          </div>
        )}
        {((p && !p.settlement && request.amount > p.dueNow) || mode !== 'next') && (
          <fieldset data-testid="prepay-choice">
            <legend>{t('payments.prepayTitle')}</legend>
            {p && !p.settlement && (
              <p className="muted">
                {t('payments.dueNow', {
                  date: prefs.date(request.date),
                  amount: prefs.money(p.dueNow),
                  extra: prefs.money(request.amount - p.dueNow),
                })}
              </p>
            )}
            {(['next', ...PREPAY_MODES] as const).map((m) => (
              <label key={m} className="radio">
                <input
                  type="radio"
                  name="prepay-mode"
                  value={m}
                  checked={mode === m}
                  onChange={() => setMode(m)}
                />{' '}
                {t(`payments.prepayModes.${m}`)}
              </label>
            ))}
          </fieldset>
        )}
      </section>
      <div className="form-actions">
        <button
          type="submit"
          className="btn btn-primary"
          disabled={form.formState.isSubmitting || !p}
          title={p ? undefined : t('payments.postWaits')}
          aria-describedby={p ? undefined : 'p-post-waits'}
        >
          {t('payments.post')}
        </button>
        <button type="button" className="btn" onClick={onDone}>
          {t('common.cancel')}
        </button>
        {!p && (
          <span id="p-post-waits" className="muted">
            {t('payments.postWaits')}
          </span>
        )}
      </div>
      {record.error && Object.keys(refusedFields).length === 0 && <ErrorPanel error={record.error} />}
    </form>
  );
}
