import { useTranslation } from 'react-i18next';
import type { GradeReason, LoanGrade, RiskGrade } from '../../../../shared/contract';
import { useApi } from '../../api/hooks';
import { usePrefs } from '../../app/prefs';
import { GradeOverride } from './GradeOverride';

/** One tone per grade: performing grades calm, non-performing ones alarming (badges.tsx tones). */
const GRADE_TONE: Record<RiskGrade, string> = {
  normal: 'badge-ok',
  'special-mention': 'badge-warn',
  substandard: 'badge-danger',
  doubtful: 'badge-danger',
  loss: 'badge-loss',
  'stage-1': 'badge-ok',
  'stage-2': 'badge-warn',
  'stage-3': 'badge-danger',
};

export function RiskGradeBadge({ grade }: { grade: RiskGrade }) {
  const { t } = useTranslation();
  return (
    <span className={`badge ${GRADE_TONE[grade]}`} data-testid="risk-grade">
      {t(`loans.risk.grades.${grade}`)}
    </span>
  );
}

function ReasonText({ reason }: { reason: GradeReason }) {
  const { t } = useTranslation();
  const prefs = usePrefs();
  const grade = t(`loans.risk.grades.${reason.grade}`);
  switch (reason.kind) {
    case 'days':
      return <>{t('loans.risk.reasons.days', { count: reason.days, days: reason.days, grade })}</>;
    case 'restructured':
      return (
        <>
          {t('loans.risk.reasons.restructured', {
            on: prefs.date(reason.on),
            until: prefs.date(reason.until),
            grade,
          })}
        </>
      );
    case 'legal':
      return <>{t('loans.risk.reasons.legal', { grade })}</>;
    case 'override':
      return <>{t('loans.risk.reasons.override', { grade, reason: reason.reason })}</>;
  }
}

/**
 * The loan page's "which class, and why": the grade today, each rule that set or raised it, and
 * the provision the grade requires. A loan off the book (closed, written off) has none.
 */
export function RiskGradeLine({ loanId }: { loanId: number }) {
  const { t } = useTranslation();
  const prefs = usePrefs();
  const grade = useApi('loans.grade', { loanId });
  const history = useApi('loans.gradeHistory', { loanId });
  const g: LoanGrade | null | undefined = grade.data;
  if (!g) return null;
  const changes = history.data ?? [];
  return (
    <p className="explain" data-testid="risk-explanation">
      <span className="muted">{t('loans.risk.title')}</span> <RiskGradeBadge grade={g.grade} />{' '}
      {g.reasons.map((r, i) => (
        <span key={i}>
          <ReasonText reason={r} />
          {t('loans.risk.separator')}
        </span>
      ))}
      {t('loans.risk.provision', {
        percent: `${g.provisionPercent}%`,
        base: prefs.money(g.base),
        amount: prefs.money(g.provision),
      })}{' '}
      <GradeOverride grade={g} />
      {changes.length > 0 && (
        <span className="muted" data-testid="grade-history">
          <br />
          {t('loans.risk.history', {
            changes: changes
              .map((c) => `${prefs.month(c.month)} ${t(`loans.risk.grades.${c.grade}`)}`)
              .join(' → '),
          })}
        </span>
      )}
    </p>
  );
}
