import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { RestructuredAging, ScheduleVersionName } from '../../../../shared/contract';
import { usePrefs } from '../../app/prefs';

/** True when the restructured-loan policy, not the schedule, is what sets the loan's DPD. */
export const holdsDelinquency = (aging: RestructuredAging | null): boolean =>
  aging?.kind === 'held' || aging?.kind === 'broken';

/** "Restructured on 20/11/2026; held in 181+ days until 3 plan installments are kept (1 kept)." */
export function RestructuredAgingText({ aging }: { aging: RestructuredAging }) {
  const { t } = useTranslation();
  const prefs = usePrefs();
  const date = prefs.date(aging.restructuredOn);
  switch (aging.kind) {
    case 'held':
      return (
        <>
          {t('plans.restructured.held', {
            date,
            bucket: t(`common.buckets.${aging.bucket}`),
            count: aging.required,
            kept: aging.kept,
            since: prefs.date(aging.heldSince),
          })}
        </>
      );
    case 'broken':
      return (
        <>
          {t('plans.restructured.broken', {
            date,
            brokenOn: prefs.date(aging.brokenOn),
            bucket: t(`common.buckets.${aging.bucket}`),
            since: prefs.date(aging.heldSince),
          })}
        </>
      );
    case 'cured':
      return <>{t('plans.restructured.cured', { date, count: aging.kept })}</>;
    case 'reset':
    case 'current':
      return <>{t(`plans.restructured.${aging.kind}`, { date })}</>;
  }
}

/** A schedule version as listed: its name in the UI language, or its stored reason if it has none. */
export function scheduleVersionLabel(
  t: TFunction,
  name: ScheduleVersionName | null,
  reason: string,
  date: (iso: string) => string = (iso) => iso,
): string {
  if (!name) return reason;
  switch (name.kind) {
    case 'contract':
    case 'import':
      return t(`plans.versionName.${name.kind}`);
    case 'plan':
      return t(`plans.versionName.plan.${name.planType}`, { id: name.planId, count: name.installments });
    case 'plan-broken':
      return t('plans.versionName.planBroken', { id: name.planId });
    case 'plan-lapsed':
      return t('plans.versionName.planLapsed', { id: name.planId });
    case 'prepayment':
      return t(`plans.versionName.prepayment.${name.mode}`, { date });
  }
}
