import { useTranslation } from 'react-i18next';
import type { AgingBucket } from '../../../shared/engine';
import type { LoanStatus } from '../../../shared/contract';

const BUCKET_TONE: Record<AgingBucket, string> = {
  current: 'badge-ok',
  '1-30': 'badge-warn',
  '31-60': 'badge-warn',
  '61-90': 'badge-danger',
  '91-180': 'badge-danger',
  '181+': 'badge-danger',
};

/** Overdue at a glance: the bucket's colour, with the days past due spelled out. */
export function DpdBadge({ dpd, bucket }: { dpd: number; bucket: AgingBucket }) {
  const { t } = useTranslation();
  return (
    <span className={`badge ${BUCKET_TONE[bucket]}`} title={t(`common.buckets.${bucket}`)}>
      {dpd > 0 ? t('loans.dpdShort', { count: dpd }) : t('common.buckets.current')}
    </span>
  );
}

export function StatusBadge({ status }: { status: LoanStatus }) {
  const { t } = useTranslation();
  const tone =
    status === 'active' ? 'badge-ok' : status === 'closed' || status === 'draft' ? '' : 'badge-warn';
  return <span className={`badge ${tone}`}>{t(`common.loanStatus.${status}`)}</span>;
}
