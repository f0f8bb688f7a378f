import { useTranslation } from 'react-i18next';
import { useApi, useApiMutation } from '../../api/hooks';
import { ErrorPanel } from '../../app/ErrorBoundary';
import { Card } from '../../components/Page';
import { WriteOffApprovalRow } from '../plans/WriteOffs';
import { usePrefs } from '../../app/prefs';
import { useCurrentUser } from './current-user';
import { DecisionButtons } from './DecisionButtons';
import { RISK_GRADES, type ApprovalRow } from '../../../../shared/contract';
import { PLAN_TYPES } from '../../../../shared/engine/plans/types';

/** Maker-checker requests waiting for a second user. The services refuse self-approval. */
export function ApprovalsCard() {
  const { t } = useTranslation();
  const prefs = usePrefs();
  const { user } = useCurrentUser();
  const pending = useApi('approvals.list', { status: 'pending' });
  const writeOffs = useApi('writeOffs.list', {});
  const waitingWriteOffs = writeOffs.data?.filter((w) => w.status === 'proposed') ?? [];
  const count = pending.data ? pending.data.length + waitingWriteOffs.length : null;
  const invalidates = ['approvals.', 'loans.', 'payments.', 'borrowers.', 'audit.', 'plans.'];
  const decideRequest = useApiMutation('approvals.decide', invalidates);
  // Plans (penalty waivers, settlement discounts) are decided by the plans service itself.
  const decidePlan = useApiMutation('plans.decide', invalidates);
  // A grade override is decided by the classification's own method.
  const decideOverride = useApiMutation('loans.decideGradeOverride', [...invalidates, 'reports.']);
  const busy = decideRequest.isPending || decidePlan.isPending || decideOverride.isPending;
  // A back-dated payment's reason is the service's own English ("payment dated 2026-06-21"): it is
  // worded here from the payment's date, in the reader's language and date format.
  const reasonOf = (r: ApprovalRow) => {
    if (r.entity === 'plan' && r.reason === '') return planTypeOf(r);
    if (r.kind === 'grade-override') {
      const grade = RISK_GRADES.find((g) => g === r.summary);
      return grade
        ? t('loans.risk.approvalWhat', { grade: t(`loans.risk.grades.${grade}`), reason: r.reason })
        : r.reason;
    }
    if (r.kind !== 'backdated-payment') return r.reason;
    const { date } = JSON.parse(r.summary) as { date?: string };
    return date ? t('access.backdatedReason', { date: prefs.date(date) }) : r.reason;
  };
  // A plan proposed without a note: its type, from the plan's own terms.
  const planTypeOf = (r: ApprovalRow) => {
    const { type } = JSON.parse(r.summary) as { type?: string };
    const known = PLAN_TYPES.find((p) => p === type);
    return known ? t(`plans.types.${known}`) : '';
  };
  const decide = (r: ApprovalRow, approve: boolean, note: string) => {
    const decision = approve ? 'approve' : 'reject';
    if (r.entity === 'plan') decidePlan.mutate({ planId: r.id, decision, note });
    else if (r.entity === 'grade-override') decideOverride.mutate({ overrideId: r.id, decision, note });
    else decideRequest.mutate({ id: r.id, approve, note });
  };
  const errorOf = (r: ApprovalRow) =>
    r.entity === 'plan'
      ? decidePlan.error
      : r.entity === 'grade-override'
        ? decideOverride.error
        : decideRequest.error;

  return (
    <Card title={t('access.approvalsTitle')}>
      {pending.error && <ErrorPanel error={pending.error} />}
      {writeOffs.error && <ErrorPanel error={writeOffs.error} />}
      {count === 0 && <p className="muted">{t('access.approvalsNone')}</p>}
      {pending.data && count !== null && count > 0 && (
        <table className="grid" aria-label={t('access.approvalsTitle')}>
          <thead>
            <tr>
              <th>#</th>
              <th>{t('access.approvalKind')}</th>
              <th>{t('access.approvalBy')}</th>
              <th>{t('access.approvalReason')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {pending.data.map((r) => {
              // No one approves their own request; the services refuse it too.
              const own = user !== null && r.requestedByUserId === user.userId;
              const what = `${t(`access.kinds.${r.kind}`)} · ${t(`access.entities.${r.entity}`, r.entity)} ${r.entityId}`;
              return (
                <tr key={`${r.entity}-${r.id}`}>
                  <td className="num">{r.reference}</td>
                  <td>
                    {t(`access.kinds.${r.kind}`)}
                    {r.amount ? ` ${prefs.money(r.amount)}` : ''} ·{' '}
                    {t(`access.entities.${r.entity}`, r.entity)} {r.entityId}
                  </td>
                  <td>{r.requestedBy}</td>
                  <td>{reasonOf(r)}</td>
                  <td>
                    <DecisionButtons
                      reference={r.reference}
                      what={what}
                      givesAway={r.amount ?? null}
                      own={own}
                      ownReason={t('access.ownRequest')}
                      pending={busy}
                      error={errorOf(r)}
                      onDecide={(approve, note) => decide(r, approve, note)}
                    />
                  </td>
                </tr>
              );
            })}
            {waitingWriteOffs.map((w) => (
              <WriteOffApprovalRow key={`write-off-${w.id}`} writeOff={w} />
            ))}
          </tbody>
        </table>
      )}
    </Card>
  );
}
