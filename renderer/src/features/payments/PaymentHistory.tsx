import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { PaymentRow } from '../../../../shared/contract';
import { useApiMutation } from '../../api/hooks';
import { usePrefs } from '../../app/prefs';
import { ErrorPanel } from '../../app/ErrorBoundary';
import { Dialog } from '../../components/Dialog';
import { Card } from '../../components/Page';

/** Every payment and reversal, oldest first; nothing is ever deleted, a reversal is its own line. */
export function PaymentHistory({ payments }: { payments: PaymentRow[] }) {
  const { t } = useTranslation();
  const { money, date } = usePrefs();
  const [reversing, setReversing] = useState<PaymentRow | null>(null);
  const [reason, setReason] = useState('');
  const reverse = useApiMutation('payments.reverse', ['loans.', 'borrowers.', 'payments.', 'collections.']);
  const byId = new Map(payments.map((p) => [p.id, p]));
  // The column appears only on loans where a payment went to charges (legal costs).
  const withCharges = payments.some((p) => p.split?.charges !== undefined);

  return (
    <Card title={t('payments.title')}>
      {payments.length === 0 ? (
        <p className="muted">{t('payments.none')}</p>
      ) : (
        <table className="grid" aria-label={t('payments.title')}>
          <thead>
            <tr>
              <th>{t('payments.receiptNo')}</th>
              <th>{t('payments.date')}</th>
              <th className="num">{t('payments.amount')}</th>
              <th>{t('payments.method')}</th>
              <th className="num">{t('payments.penalty')}</th>
              <th className="num">{t('payments.interest')}</th>
              <th className="num">{t('payments.principal')}</th>
              {withCharges && <th className="num">{t('collections.charges.column')}</th>}
              <th />
            </tr>
          </thead>
          <tbody>
            {payments.map((p) => (
              <tr key={p.id}>
                <td>
                  {p.reversesPaymentId
                    ? t('payments.reversal', { receipt: byId.get(p.reversesPaymentId)?.receiptNumber ?? '' })
                    : p.receiptNumber}
                </td>
                <td>{date(p.date)}</td>
                <td className="num">{p.reversesPaymentId ? `−${money(p.amount)}` : money(p.amount)}</td>
                <td>{t(`common.paymentMethods.${p.method}`)}</td>
                <td className="num">{p.split ? money(p.split.penalty) : '—'}</td>
                <td className="num">{p.split ? money(p.split.interest) : '—'}</td>
                <td className="num">{p.split ? money(p.split.principal) : '—'}</td>
                {withCharges && <td className="num">{p.split ? money(p.split.charges ?? 0) : '—'}</td>}
                <td>
                  {!p.reversesPaymentId && (
                    <>
                      <Link to={`/payments/${p.id}/receipt?copy=1`}>{t('payments.receipt')}</Link>{' '}
                      {p.reversedBy ? (
                        <span className="badge badge-warn">{t('payments.reversed')}</span>
                      ) : (
                        <button type="button" className="btn btn-small" onClick={() => setReversing(p)}>
                          {t('payments.reverse')}
                        </button>
                      )}
                    </>
                  )}
                  {p.reversalReason && <span className="muted"> {p.reversalReason}</span>}
                  {p.receiptSplit && (
                    <div className="muted" data-testid="receipt-differs">
                      {t('payments.receiptDiffers', {
                        interest: money(p.receiptSplit.interest),
                        principal: money(p.receiptSplit.principal),
                      })}
                    </div>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Dialog
        open={reversing !== null}
        title={t('payments.reverseTitle', { receipt: reversing?.receiptNumber ?? '' })}
        onClose={() => setReversing(null)}
      >
        <form
          className="form-grid"
          onSubmit={(e) => {
            e.preventDefault();
            if (!reversing) return;
            reverse.mutate(
              { paymentId: reversing.id, reason },
              {
                onSuccess: () => {
                  setReversing(null);
                  setReason('');
                },
              },
            );
          }}
        >
          <div className="field">
            <label htmlFor="rev-reason">{t('payments.reverseReason')}</label>
            <input id="rev-reason" value={reason} onChange={(e) => setReason(e.target.value)} autoFocus />
          </div>
          <div className="form-actions">
            <button type="submit" className="btn btn-danger">
              {t('payments.reverse')}
            </button>
            <button type="button" className="btn" onClick={() => setReversing(null)}>
              {t('common.cancel')}
            </button>
          </div>
          {reverse.error && <ErrorPanel error={reverse.error} />}
        </form>
      </Dialog>
    </Card>
  );
}
