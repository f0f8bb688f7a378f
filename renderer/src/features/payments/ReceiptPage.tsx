import { useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/hooks';
import { usePrefs } from '../../app/prefs';
import { Page } from '../../components/Page';
import { PrintButton } from '../../components/PrintButton';
import { AmountWithCapitals, Letterhead } from '../../components/Letterhead';

/** A receipt that prints on A4 and can be reprinted at any time from the payment history. */
export function ReceiptPage() {
  const { t } = useTranslation();
  const prefs = usePrefs();
  const paymentId = Number(useParams().id);
  // Opened from the payment history, it is a reprint: the same figures, marked as a copy.
  const copy = useSearchParams()[0].get('copy') === '1';
  const receipt = useApi('payments.receipt', { paymentId, copy });
  if (receipt.error) throw receipt.error;
  const r = receipt.data;
  if (!r) return null;
  return (
    <Page
      title={t('payments.receiptPage.title')}
      printTitle={false}
      actions={<PrintButton suggestedName={`${r.receiptNumber}`} label={t('payments.receiptPage.reprint')} />}
    >
      <article className="receipt" aria-label={t('payments.receiptPage.title')}>
        <Letterhead />
        <h2>{t('payments.receiptPage.title')}</h2>
        {r.copy && (
          <p className="stamp" data-testid="receipt-copy">
            {t('payments.receiptPage.copyStamp')}
          </p>
        )}
        {r.reversed && <p className="stamp">{t('payments.receiptPage.reversedStamp')}</p>}
        <table className="split-table">
          <tbody>
            <tr>
              <th>{t('payments.receiptNo')}</th>
              <td>{r.receiptNumber}</td>
            </tr>
            <tr>
              <th>{t('payments.receiptPage.loan')}</th>
              <td>{r.loanNumber}</td>
            </tr>
            <tr>
              <th>{t('payments.receiptPage.borrower')}</th>
              <td>{r.borrowerName}</td>
            </tr>
            <tr>
              <th>{t('payments.receiptPage.idNumber')}</th>
              <td>{r.borrowerIdMasked}</td>
            </tr>
            <tr>
              <th>{t('payments.date')}</th>
              <td>{prefs.date(r.date)}</td>
            </tr>
            <tr>
              <th>{t('payments.amount')}</th>
              <td data-testid="receipt-amount">
                <AmountWithCapitals minor={r.amount} />
              </td>
            </tr>
            <tr>
              <th>{t('payments.method')}</th>
              <td>
                {t(`common.paymentMethods.${r.method}`)}
                {r.reference ? ` · ${r.reference}` : ''}
              </td>
            </tr>
          </tbody>
        </table>
        <h3>{t('payments.receiptPage.appliedTo')}</h3>
        <table className="split-table">
          <tbody>
            <tr>
              <th>{t('payments.penalty')}</th>
              <td className="num">{prefs.money(r.split.penalty)}</td>
            </tr>
            <tr>
              <th>{t('payments.interest')}</th>
              <td className="num">{prefs.money(r.split.interest)}</td>
            </tr>
            <tr>
              <th>{t('payments.principal')}</th>
              <td className="num">{prefs.money(r.split.principal)}</td>
            </tr>
            {r.split.charges !== undefined && (
              <tr>
                <th>{t('collections.charges.line')}</th>
                <td className="num">{prefs.money(r.split.charges)}</td>
              </tr>
            )}
            {r.split.fee !== undefined && (
              <tr>
                <th>{t('payments.feeLine')}</th>
                <td className="num">{prefs.money(r.split.fee)}</td>
              </tr>
            )}
            {r.split.unapplied > 0 && (
              <tr>
                <th>{t('payments.refundDue')}</th>
                <td className="num">{prefs.money(r.split.unapplied)}</td>
              </tr>
            )}
            <tr>
              <th>{t('payments.receiptPage.outstandingAfter')}</th>
              <td className="num">{prefs.money(r.outstandingPrincipalAfter)}</td>
            </tr>
          </tbody>
        </table>
        {r.settledLoan && <p data-testid="receipt-settled">{t('payments.receiptPage.settledLoan')}</p>}
        <p>
          {t('payments.receiptPage.signature')}: {r.receivedBy} ____________________
        </p>
        <p className="muted">{t('payments.receiptPage.printedOn', { date: prefs.date(r.printedOn) })}</p>
      </article>
    </Page>
  );
}
