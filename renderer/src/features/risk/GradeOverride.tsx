import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { GRADES_OF, type LoanGrade, type RiskGrade } from '../../../../shared/contract';
import { useApiMutation } from '../../api/hooks';
import { usePrefs } from '../../app/prefs';
import { ErrorPanel } from '../../app/ErrorBoundary';
import { Dialog } from '../../components/Dialog';
import { ReasonDialog } from '../../components/ReasonDialog';
import { CodeSelect, Field } from '../../components/form';
import { useCurrentUser } from '../access/current-user';

const INVALIDATES = ['loans.', 'approvals.', 'reports.', 'audit.'];

/**
 * A manager's override of the grade, on the loan page: what waits for a second manager, what is in
 * force and since when, and the buttons to ask for one or remove it (managers only; the service
 * refuses everyone else and the asker's own approval).
 */
export function GradeOverride({ grade: g }: { grade: LoanGrade }) {
  const { t } = useTranslation();
  const prefs = usePrefs();
  const { may } = useCurrentUser();
  const [asking, setAsking] = useState(false);
  const [removing, setRemoving] = useState(false);
  const remove = useApiMutation('loans.removeGradeOverride', INVALIDATES);
  const word = (grade: RiskGrade) => t(`loans.risk.grades.${grade}`);
  const manager = may('approvals.decide');
  return (
    <>
      {g.pendingOverride && (
        <span className="muted" data-testid="override-pending">
          {t('loans.risk.overridePending', {
            grade: word(g.pendingOverride.grade),
            by: g.pendingOverride.requestedBy,
            reason: g.pendingOverride.reason,
          })}{' '}
        </span>
      )}
      {g.override && (
        <span className="muted">
          {t('loans.risk.overrideInForce', {
            date: prefs.date(g.override.effectiveFrom ?? g.asOf),
            by: g.override.decidedBy ?? '',
          })}{' '}
        </span>
      )}
      {manager && !g.pendingOverride && (
        <button type="button" className="btn btn-small" onClick={() => setAsking(true)}>
          {t('loans.risk.override')}
        </button>
      )}{' '}
      {manager && g.override && (
        <button
          type="button"
          className="btn btn-small"
          onClick={() => {
            remove.reset();
            setRemoving(true);
          }}
        >
          {t('loans.risk.removeOverride')}
        </button>
      )}
      <Dialog open={asking} title={t('loans.risk.overrideTitle')} onClose={() => setAsking(false)}>
        <OverrideForm grade={g} onDone={() => setAsking(false)} />
      </Dialog>
      <ReasonDialog
        open={removing}
        title={t('loans.risk.removeOverride')}
        question={t('loans.risk.removeQuestion')}
        pending={remove.isPending}
        error={remove.error}
        onConfirm={(reason) =>
          g.override &&
          remove.mutate({ overrideId: g.override.id, reason }, { onSuccess: () => setRemoving(false) })
        }
        onClose={() => setRemoving(false)}
      />
    </>
  );
}

function OverrideForm({ grade: g, onDone }: { grade: LoanGrade; onDone: () => void }) {
  const { t } = useTranslation();
  const ask = useApiMutation('loans.requestGradeOverride', INVALIDATES);
  const grades = GRADES_OF[g.profile];
  const [grade, setGrade] = useState<RiskGrade>(grades.find((x) => x !== g.grade) ?? g.grade);
  const [reason, setReason] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (reason.trim() !== '')
      ask.mutate({ loanId: g.loanId, grade, reason: reason.trim() }, { onSuccess: onDone });
  };
  return (
    <form className="form-grid" onSubmit={submit} noValidate>
      <Field label={t('loans.risk.overrideGrade')} htmlFor="override-grade">
        <CodeSelect
          id="override-grade"
          value={grade}
          codes={grades}
          label={(x) => t(`loans.risk.grades.${x}`)}
          onChange={setGrade}
        />
      </Field>
      <Field label={t('loans.risk.overrideReason')} htmlFor="override-reason">
        <input
          id="override-reason"
          value={reason}
          maxLength={500}
          onChange={(e) => setReason(e.target.value)}
        />
      </Field>
      {ask.error && <ErrorPanel error={ask.error} />}
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={ask.isPending || reason.trim() === ''}>
          {t('loans.risk.overrideAsk')}
        </button>
      </div>
    </form>
  );
}
