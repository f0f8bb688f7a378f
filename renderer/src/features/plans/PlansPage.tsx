import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PLAN_STATUSES, requestReference, type PlanRow, type PlanStatus } from '../../../../shared/contract';
import { DecisionButtons } from '../access/DecisionButtons';
import { useApi, useApiMutation } from '../../api/hooks';
import { usePrefs } from '../../app/prefs';
import { Card, Page } from '../../components/Page';
import { useCurrentUser } from '../access/current-user';
import { InstallmentFigure } from './InstallmentFigure';
import './plans.css';

const STATUS_TONE: Record<PlanStatus, string> = {
  proposed: 'badge-warn',
  rejected: '',
  active: 'badge-ok',
  broken: 'badge-danger',
  completed: 'badge-ok',
  lapsed: '',
};

/** Plans by status; approvers decide proposals here (never their own: the service refuses it). */
export function PlansPage() {
  const { t } = useTranslation();
  const { user, may } = useCurrentUser();
  const decider = { userId: user?.userId ?? null, mayDecide: may('approvals.decide') };
  const [status, setStatus] = useState<PlanStatus | ''>('');
  const plans = useApi('plans.list', status ? { status } : {});
  if (plans.error) throw plans.error;
  return (
    <Page title={t('plans.title')}>
      <div className="toolbar" role="group" aria-label={t('plans.title')}>
        {(['', ...PLAN_STATUSES] as const).map((s) => (
          <button
            key={s || 'all'}
            type="button"
            className={`btn ${status === s ? 'btn-primary' : ''}`}
            aria-pressed={status === s}
            onClick={() => setStatus(s)}
          >
            {s ? t(`plans.status.${s}`) : t('plans.all')}
          </button>
        ))}
      </div>
      <Card>
        {plans.data?.length === 0 && <p className="muted">{t('plans.none')}</p>}
        {plans.data && plans.data.length > 0 && (
          <table className="grid" aria-label={t('plans.title')}>
            <thead>
              <tr>
                <th>#</th>
                <th>{t('plans.loan')}</th>
                <th>{t('plans.borrower')}</th>
                <th>{t('plans.type')}</th>
                <th className="num">{t('plans.figures.installmentAmount')}</th>
                <th className="num">{t('plans.figures.totalToPay')}</th>
                <th>{t('plans.proposedBy')}</th>
                <th>{t('plans.decidedBy')}</th>
                <th>{t('loans.status')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {plans.data.map((p) => (
                <PlanListRow key={p.id} plan={p} decider={decider} />
              ))}
            </tbody>
          </table>
        )}
      </Card>
    </Page>
  );
}

/** Whether the signed-in user may decide proposals, and who they are (nobody decides their own). */
interface Decider {
  userId: number | null;
  mayDecide: boolean;
}

function PlanListRow({ plan: p, decider }: { plan: PlanRow; decider: Decider }) {
  const { t } = useTranslation();
  const prefs = usePrefs();
  const c = p.comparison;
  return (
    <>
      <tr data-testid={`plan-row-${p.id}`}>
        <td>{requestReference('plan', p.id)}</td>
        <td>
          <Link to={`/loans/${p.loanId}`}>{p.loanNumber}</Link>
        </td>
        <td>{p.borrowerName}</td>
        <td>{t(`plans.types.${p.type}`)}</td>
        <td className="num" data-testid={`plan-installment-${p.id}`}>
          <InstallmentFigure comparison={c} />
        </td>
        <td className="num">{prefs.money(c.totalToPay)}</td>
        <td>{p.proposedBy}</td>
        <td>
          {p.decidedBy ?? '—'}
          {p.decisionNote ? ` · ${p.decisionNote}` : ''}
        </td>
        <td>
          <span className={`badge ${STATUS_TONE[p.status]}`} data-testid={`plan-status-${p.id}`}>
            {t(`plans.status.${p.status}`)}
          </span>
          {p.status === 'broken' && p.endedOn && (
            <div className="muted">{t('plans.brokenHint', { date: prefs.date(p.endedOn) })}</div>
          )}
        </td>
        <td>
          <Link to={`/plans/${p.id}/agreement`}>{t('plans.agreement')}</Link>
        </td>
      </tr>
      {p.status === 'proposed' && (
        <tr>
          <td colSpan={10}>
            <PlanDecision plan={p} decider={decider} />
          </td>
        </tr>
      )}
    </>
  );
}

/**
 * Approve/Reject for a proposal. A user without approval rights sees why there is nothing to press;
 * the proposer sees the buttons disabled with the reason, so maker-checker is visible, not a surprise.
 */
function PlanDecision({ plan: p, decider }: { plan: PlanRow; decider: Decider }) {
  const { t } = useTranslation();
  const decide = useApiMutation('plans.decide', ['plans.', 'loans.']);
  const [note, setNote] = useState('');
  if (!decider.mayDecide) {
    return <p className="muted">{t('plans.noApprovalRight')}</p>;
  }
  const own = decider.userId === p.proposedByUserId;
  const reference = requestReference('plan', p.id);
  // What approving gives away: the penalty waived and any settlement discount written off.
  const givesAway = p.comparison.penaltyWaived + p.comparison.writtenOff;
  return (
    <>
      <input
        aria-label={t('plans.comment')}
        placeholder={t('plans.comment')}
        value={note}
        disabled={own}
        onChange={(e) => setNote(e.target.value)}
      />{' '}
      <span data-testid={own ? `plan-own-${p.id}` : undefined}>
        <DecisionButtons
          reference={reference}
          what={`${t(`plans.types.${p.type}`)} · ${p.loanNumber}`}
          givesAway={givesAway > 0 ? givesAway : null}
          own={own}
          ownReason={t('plans.ownProposal')}
          pending={decide.isPending}
          error={decide.error}
          onDecide={(approve, reason) =>
            decide.mutate({
              planId: p.id,
              decision: approve ? 'approve' : 'reject',
              note: [note.trim(), reason].filter(Boolean).join(' · '),
            })
          }
        />
      </span>
    </>
  );
}
