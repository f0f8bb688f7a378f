import { useState } from 'react';
import { OPEN_STATUSES } from '../../../../shared/contract';
import { ReasonDialog } from '../../components/ReasonDialog';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useApi, useApiMutation } from '../../api/hooks';
import { usePrefs } from '../../app/prefs';
import { ErrorPanel } from '../../app/ErrorBoundary';
import { DpdBadge, StatusBadge } from '../../components/badges';
import { Dialog } from '../../components/Dialog';
import { Card, Facts, Page } from '../../components/Page';
import { PrintButton } from '../../components/PrintButton';
import { RecordPaymentDialog } from '../payments/RecordPaymentDialog';
import { PaymentHistory } from '../payments/PaymentHistory';
import { CollectionsTimeline } from '../collections/CollectionsTimeline';
import { ScheduleTable } from './ScheduleTable';
import { LoanCollateralCard } from '../collateral/LoanCollateralCard';
import { NegotiatePlanLink } from '../plans/NegotiatePlanLink';
import { WriteOffActions, WriteOffCard } from '../plans/WriteOffs';
import { holdsDelinquency, RestructuredAgingText } from '../plans/RestructuredAging';
import { RiskGradeLine } from '../risk/RiskGradeLine';

export function LoanDetailPage() {
  const { t } = useTranslation();
  const prefs = usePrefs();
  const id = Number(useParams().id);
  const loan = useApi('loans.get', { id });
  const info = useApi('system.info', {});
  const setStatus = useApiMutation('loans.setStatus', ['loans.', 'borrowers.']);
  const referLegal = useApiMutation('collections.openLegalCase', ['loans.', 'borrowers.', 'collections.']);
  const [paying, setPaying] = useState(false);
  const [referring, setReferring] = useState(false);
  if (loan.error) throw loan.error;
  const l = loan.data;
  if (!l || !info.data) return null;
  const s = l.statement;
  const takesPayments = OPEN_STATUSES.includes(l.status);

  return (
    <Page
      title={
        <>
          {l.number} <StatusBadge status={l.status} />{' '}
          {/* Only a loan that still owes can be current or late; a closed one is just closed. */}
          {OPEN_STATUSES.includes(l.status) && <DpdBadge dpd={s.daysPastDue} bucket={s.bucket} />}
        </>
      }
      actions={
        <>
          {l.status === 'draft' && (
            <button type="button" className="btn" onClick={() => setStatus.mutate({ id, status: 'active' })}>
              {t('loans.markActive')}
            </button>
          )}
          {(l.status === 'active' || l.status === 'restructured') && (
            <button
              type="button"
              className="btn"
              onClick={() => {
                referLegal.reset();
                setReferring(true);
              }}
            >
              {t('loans.markLegal')}
            </button>
          )}
          <NegotiatePlanLink loanId={l.id} open={takesPayments} />
          <WriteOffActions loan={l} today={info.data.today} />
          <PrintButton suggestedName={l.number} />
          {takesPayments && (
            <button type="button" className="btn btn-primary" onClick={() => setPaying(true)}>
              {t('payments.record')}
            </button>
          )}
        </>
      }
    >
      {setStatus.error && <ErrorPanel error={setStatus.error} />}
      {/* One path to legal: referring the loan opens its case, as escalating from collections does. */}
      <ReasonDialog
        open={referring}
        title={t('loans.markLegal')}
        question={t('loans.referLegalQuestion')}
        pending={referLegal.isPending}
        error={referLegal.error}
        onConfirm={(note) =>
          referLegal.mutate(
            { loanId: id, date: info.data!.today, note },
            { onSuccess: () => setReferring(false) },
          )
        }
        onClose={() => setReferring(false)}
      />
      <p className="explain" data-testid="dpd-explanation">
        {l.restructured && (
          <>
            <RestructuredAgingText aging={l.restructured} />{' '}
          </>
        )}
        {/* A held restructured loan's DPD comes from the policy, which the text above explains. */}
        {!holdsDelinquency(l.restructured) &&
          (s.dpdReason
            ? t('loans.dpdExplain', {
                n: s.dpdReason.installment,
                date: prefs.date(s.dpdReason.dueDate),
                count: s.dpdReason.daysPastDue,
              })
            : t('loans.dpdCurrent'))}{' '}
        <span className="muted">({t(`common.buckets.${s.bucket}`)})</span>
      </p>
      <RiskGradeLine loanId={id} />
      <div className="two-col">
        <Card title={t('loans.terms')}>
          <Facts
            items={[
              [
                t('loans.borrower'),
                <Link key="b" to={`/borrowers/${l.borrower.id}`}>
                  {l.borrower.name}
                </Link>,
              ],
              [t('borrowers.idNumber'), <code key="id">{l.borrower.idNumberMasked}</code>],
              [t('loans.product'), t(`common.products.${l.product}`)],
              [t('loans.principal'), prefs.money(l.principal)],
              [t('loans.annualRate'), `${l.annualRatePercent}%`],
              [t('loans.months'), l.months],
              [t('loans.method'), t(`common.methods.${l.method}`)],
              [t('loans.startDate'), prefs.date(l.startDate)],
              [t('loans.penaltyRate'), `${l.penaltyDailyRatePercent}%`],
              [t('loans.graceDays'), l.graceDays],
              [t('loans.upfrontFee'), prefs.money(l.upfrontFee)],
              [t('loans.officer'), l.officer || '—'],
              ...(l.notes ? [[t('loans.notes'), l.notes] as [string, string]] : []),
            ]}
          />
        </Card>
        <Card title={t('loans.balances')}>
          <div className="stats">
            {(
              [
                ['outstanding', t('loans.outstanding'), s.outstandingPrincipal],
                ['overdue-principal', t('loans.overduePrincipal'), s.overdue.principal],
                ['overdue-interest', t('loans.overdueInterest'), s.overdue.interest],
                ['penalty', t('loans.penaltyDue'), s.overdue.penalty],
                // Only loans with legal costs charged to them show the line.
                ...(s.chargesOutstanding > 0
                  ? ([['charges', t('collections.charges.line'), s.chargesOutstanding]] as const)
                  : []),
                ['payoff', t('loans.payoff'), l.payoff],
              ] as const
            ).map(([key, label, value]) => (
              <div className="stat" key={key} data-testid={`stat-${key}`}>
                <span className="label">{label}</span>
                <span className="value">{prefs.money(value)}</span>
              </div>
            ))}
            <div className="stat">
              <span className="label">{t('loans.dpd')}</span>
              <span className="value" data-testid="stat-dpd">
                {s.daysPastDue}
              </span>
            </div>
          </div>
          {l.payoff > 0 && (
            <p className="muted" data-testid="payoff-breakdown">
              {t('loans.payoffBreakdown', {
                principal: prefs.money(s.payoff.principal),
                due: prefs.money(s.payoff.interestDue),
                accrued: prefs.money(s.payoff.interestAccrued),
                credit: prefs.money(s.payoff.interestCredit),
                penalty: prefs.money(s.payoff.penalty),
                charges: prefs.money(s.payoff.charges),
                fee: prefs.money(s.payoff.fee),
              })}
            </p>
          )}
        </Card>
      </div>
      <Card title={t('loans.parties')}>
        {l.parties.length === 0 ? (
          <p className="muted">{t('loans.noParties')}</p>
        ) : (
          <ul>
            {l.parties.map((p) => (
              <li key={`${p.borrowerId}-${p.role}`}>
                <Link to={`/borrowers/${p.borrowerId}`}>{p.name}</Link> · {t(`borrowers.role.${p.role}`)} ·{' '}
                <code>{p.idNumberMasked}</code>
                {p.relationship ? ` · ${p.relationship}` : ''}
              </li>
            ))}
          </ul>
        )}
      </Card>
      <LoanCollateralCard loanId={l.id} today={info.data.today} />
      <ScheduleTable loanId={l.id} statement={s} versions={l.versions} activeVersion={l.activeVersion} />
      <WriteOffCard loanId={l.id} />
      <PaymentHistory payments={l.payments} />
      <CollectionsTimeline loanId={l.id} />
      <Dialog
        open={paying}
        title={`${t('payments.record')} · ${l.number}`}
        onClose={() => setPaying(false)}
        wide
      >
        <RecordPaymentDialog loanId={l.id} today={info.data.today} onDone={() => setPaying(false)} />
      </Dialog>
    </Page>
  );
}
