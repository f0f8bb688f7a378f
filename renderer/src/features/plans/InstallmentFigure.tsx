import { useTranslation } from 'react-i18next';
import type { PlanComparison } from '../../../../shared/engine/plans/types';
import { usePrefs } from '../../app/prefs';

/**
 * "New installment": what the borrower pays a month under the plan, and for an arrears plan the
 * regular and arrears parts beside it. Plans stored before the split existed have none to show.
 */
export function InstallmentFigure({ comparison: c }: { comparison: PlanComparison }) {
  const { t } = useTranslation();
  const prefs = usePrefs();
  if (c.installmentAmount === null) return <>—</>;
  return (
    <>
      {prefs.money(c.installmentAmount)}
      {c.installmentSplit && (
        <span className="muted installment-split">
          {' '}
          {t('plans.figures.installmentSplit', {
            regular: prefs.money(c.installmentSplit.regular),
            arrears: prefs.money(c.installmentSplit.arrears),
          })}
        </span>
      )}
    </>
  );
}
