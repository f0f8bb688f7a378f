import { useTranslation } from 'react-i18next';
import type { ScoreFactor } from '../../../../shared/contract';
import { usePrefs } from '../../app/prefs';

/** The reasons behind a score, one short phrase per factor, in the user's language. */
export function FactorList({ factors }: { factors: ScoreFactor[] }) {
  const { t } = useTranslation();
  const prefs = usePrefs();
  const texts = factors.map((f) =>
    t(`collections.factor.${f.code}`, {
      ...f.params,
      points: f.points,
      ...(f.params.amount !== undefined ? { amount: prefs.money(Number(f.params.amount)) } : {}),
    }),
  );
  return (
    <span className="reasons" title={texts.join('\n')}>
      {texts.join(' · ')}
    </span>
  );
}
