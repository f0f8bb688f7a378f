import { useTranslation } from 'react-i18next';
import type { WorkProgress } from '../../../shared/contract';

/**
 * How far long work has got (an import, a backup, the month-end history), with a Cancel when the
 * user may stop it. Before the service knows the total, the bar runs without a figure.
 */
export function WorkProgressBar({
  progress,
  ariaLabel,
  describe,
  onCancel,
  testId,
}: {
  progress: WorkProgress | null;
  ariaLabel: string;
  /** The words beside the bar once the total is known, e.g. "Loans: 2,000 of 10,000 rows". */
  describe?: (progress: WorkProgress) => string;
  onCancel?: () => void;
  testId?: string;
}) {
  const { t } = useTranslation();
  const known = progress !== null && progress.total > 0;
  return (
    <div role="status" className="work-progress" data-testid={testId}>
      {known ? (
        <progress aria-label={ariaLabel} max={progress.total} value={progress.done} />
      ) : (
        <progress aria-label={ariaLabel} />
      )}
      {known && describe && <span>{describe(progress)}</span>}
      {onCancel && (
        <button type="button" className="btn" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      )}
    </div>
  );
}
