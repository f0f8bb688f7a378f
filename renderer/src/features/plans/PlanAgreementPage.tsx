import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/hooks';
import { usePrefs } from '../../app/prefs';
import { Page } from '../../components/Page';
import { PrintButton } from '../../components/PrintButton';
import type { PlanSpecInput } from '../../../../shared/contract';
import { InstallmentFigure } from './InstallmentFigure';
import './plans.css';
import { InstallmentTable } from '../loans/InstallmentTable';
import { AmountWithCapitals, Letterhead } from '../../components/Letterhead';
import { requestReference } from '../../../../shared/contract';

/** The plan's terms in words, from the plan as proposed. */
function PlanTerms({ spec }: { spec: PlanSpecInput }) {
  const { t } = useTranslation();
  const prefs = usePrefs();
  const items: [string, string][] = [[t('plans.type'), t(`plans.types.${spec.type}`)]];
  if ('months' in spec) items.push([t('plans.months'), String(spec.months)]);
  if (spec.type === 'arrears-installments') {
    items.push([t('plans.waivePenaltyPercent'), `${spec.waivePenaltyPercent ?? '0'}%`]);
    items.push([
      t('plans.regular'),
      t(spec.regular === 'suspend' ? 'plans.regularSuspend' : 'plans.regularKeep'),
    ]);
  }
  if ((spec.type === 'extension' || spec.type === 'rate-change') && spec.annualRatePercent)
    items.push([t('plans.annualRatePercent'), `${spec.annualRatePercent}%`]);
  if (spec.type === 'extension')
    items.push([
      t('plans.arrears'),
      t(spec.arrears === 'capitalize' ? 'plans.arrearsCapitalize' : 'plans.arrearsKeep'),
    ]);
  if (spec.type === 'holiday')
    items.push([
      t('plans.holidayInterest'),
      t(spec.interest === 'capitalize' ? 'plans.interestCapitalize' : 'plans.interestDefer'),
    ]);
  if (spec.type === 'settlement') {
    items.push([t('plans.payBy'), prefs.date(spec.payBy)]);
  }
  return (
    <>
      {items.map(([k, v]) => (
        <tr key={k}>
          <th>{k}</th>
          <td>{v}</td>
        </tr>
      ))}
    </>
  );
}

/** The plan agreement on A4: parties, loan, terms, the new schedule and signature lines. */
export function PlanAgreementPage() {
  const { t } = useTranslation();
  const prefs = usePrefs();
  const planId = Number(useParams().id);
  const agreement = useApi('plans.get', { planId });
  if (agreement.error) throw agreement.error;
  const a = agreement.data;
  if (!a) return null;
  const c = a.plan.comparison;
  return (
    <Page
      title={t('plans.agreementTitle')}
      printTitle={false}
      actions={<PrintButton suggestedName={`${a.loan.number}-plan-${a.plan.id}`} />}
    >
      <article className="plan-agreement" aria-label={t('plans.agreementTitle')}>
        <Letterhead />
        <h1>{t('plans.agreementTitle')}</h1>
        <h2>{t('plans.parties')}</h2>
        <table className="split-table">
          <tbody>
            <tr>
              <th>{t('plans.lender')}</th>
              <td>{a.companyName || t('app.name')}</td>
            </tr>
            <tr>
              <th>{t('plans.borrower')}</th>
              <td>
                {a.borrower.name} · {t('plans.idNumber')} {a.borrower.idNumberMasked}
              </td>
            </tr>
            {a.guarantors.map((g) => (
              <tr key={g.name}>
                <th>{t('plans.guarantor')}</th>
                <td>
                  {g.name} · {t('plans.idNumber')} {g.idNumberMasked}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <h2>{t('plans.theLoan')}</h2>
        <table className="split-table">
          <tbody>
            <tr>
              <th>{t('plans.loanNumber')}</th>
              <td>{a.loan.number}</td>
            </tr>
            <tr>
              <th>{t('plans.principal')}</th>
              <td>
                <AmountWithCapitals minor={a.loan.principal} />
              </td>
            </tr>
            <tr>
              <th>{t('plans.contractRate')}</th>
              <td>{a.loan.annualRatePercent}%</td>
            </tr>
            <tr>
              <th>{t('plans.startDate')}</th>
              <td>{prefs.date(a.loan.startDate)}</td>
            </tr>
          </tbody>
        </table>
        <h2>{t('plans.terms')}</h2>
        <table className="split-table">
          <tbody>
            <tr>
              <th>{t('plans.planNumber')}</th>
              <td>{requestReference('plan', a.plan.id)}</td>
            </tr>
            <PlanTerms spec={a.plan.spec} />
            <tr>
              <th>{t('plans.figures.installmentAmount')}</th>
              <td data-testid="agreement-installment">
                <InstallmentFigure comparison={c} />
              </td>
            </tr>
            <tr>
              <th>{t('plans.figures.dueNow')}</th>
              <td>{prefs.money(c.dueNow)}</td>
            </tr>
            <tr>
              <th>{t('plans.figures.totalToPay')}</th>
              <td data-testid="agreement-total">{prefs.money(c.totalToPay)}</td>
            </tr>
            <tr>
              <th>{t('plans.figures.penaltyWaived')}</th>
              <td>{prefs.money(c.penaltyWaived)}</td>
            </tr>
            {c.writtenOff > 0 && (
              <tr>
                <th>{t('plans.figures.writtenOff')}</th>
                <td>{prefs.money(c.writtenOff)}</td>
              </tr>
            )}
            {a.plan.decidedAt && a.plan.status !== 'rejected' && (
              <tr>
                <th>{t('plans.approvedOn')}</th>
                <td>{prefs.date(a.plan.decidedAt.slice(0, 10))}</td>
              </tr>
            )}
          </tbody>
        </table>
        <h2>{t('plans.newSchedule')}</h2>
        <InstallmentTable label={t('plans.newSchedule')} installments={a.installments} />
        <p>{t('plans.clause')}</p>
        <h2>{t('plans.signatures')}</h2>
        <div className="signatures">
          {[
            t('plans.signBorrower'),
            ...a.guarantors.map(() => t('plans.signGuarantor')),
            t('plans.signLender'),
          ].map((who, i) => (
            <div key={i}>
              <div className="signature-line" />
              <div>
                {who} · {t('plans.date')}
              </div>
            </div>
          ))}
        </div>
      </article>
    </Page>
  );
}
