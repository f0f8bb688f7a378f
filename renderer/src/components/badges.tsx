import { useTranslation } from 'react-i18next';
import type { AgingBucket } from '../../../shared/engine';
import { OPEN_STATUSES, type LoanStatus } from '../../../shared/contract';

/**
 * One colour per state, on every screen (loan list, loan page, borrower page, worklist, account).
 * Green means "nothing owed late" and is kept for a current open loan: a loan's status never
 * borrows it, so a closed, written-off or legal loan can never look like a healthy one.
 */
export const BUCKET_TONE: Record<AgingBucket, string> = {
  current: 'badge-ok',
  '1-30': 'badge-warn',
  '31-60': 'badge-warn',
  '61-90': 'badge-danger',
  '91-180': 'badge-danger',
  '181+': 'badge-danger',
};

export const STATUS_TONE: Record<LoanStatus, string> = {
  draft: 'badge-neutral',
  // Active says nothing about lateness; the DPD badge beside it carries the colour.
  active: 'badge-info',
  restructured: 'badge-warn',
  legal: 'badge-danger',
  repossessed: 'badge-danger',
  'written-off': 'badge-loss',
  closed: 'badge-neutral',
};

export type StandingBadge =
  | { kind: 'status'; status: LoanStatus; tone: string }
  | { kind: 'dpd'; dpd: number; bucket: AgingBucket; tone: string };

/**
 * What a loan's standing shows, status first: an active loan is told by its DPD bucket alone; a
 * restructured, legal or repossessed loan by its status and, while it still owes, its DPD; a
 * draft, closed or written-off loan by its status only (it cannot be current or late).
 */
export function loanStanding(status: LoanStatus, dpd: number, bucket: AgingBucket): StandingBadge[] {
  const late: StandingBadge = { kind: 'dpd', dpd, bucket, tone: BUCKET_TONE[bucket] };
  if (status === 'active') return [late];
  const own: StandingBadge = { kind: 'status', status, tone: STATUS_TONE[status] };
  return OPEN_STATUSES.includes(status) ? [own, late] : [own];
}

/** Overdue at a glance: the bucket's colour, with the days past due spelled out. */
export function DpdBadge({ dpd, bucket }: { dpd: number; bucket: AgingBucket }) {
  const { t } = useTranslation();
  return (
    <span
      className={`badge ${BUCKET_TONE[bucket]}`}
      title={t(`common.buckets.${bucket}`)}
      data-bucket={bucket}
    >
      {dpd > 0 ? t('loans.dpdShort', { count: dpd }) : t('common.buckets.current')}
    </span>
  );
}

export function StatusBadge({ status }: { status: LoanStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`badge ${STATUS_TONE[status]}`} data-status={status}>
      {t(`common.loanStatus.${status}`)}
    </span>
  );
}

/** A loan's standing as `loanStanding` decides it; the one badge group for a loan's state. */
export function LoanStandingBadges({
  status,
  dpd,
  bucket,
}: {
  status: LoanStatus;
  dpd: number;
  bucket: AgingBucket;
}) {
  return (
    <span className="badges" data-testid="loan-standing">
      {loanStanding(status, dpd, bucket).map((b) =>
        b.kind === 'status' ? (
          <StatusBadge key="status" status={b.status} />
        ) : (
          <DpdBadge key="dpd" dpd={b.dpd} bucket={b.bucket} />
        ),
      )}
    </span>
  );
}
