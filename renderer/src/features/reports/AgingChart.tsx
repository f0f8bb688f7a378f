import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, XAxis, YAxis } from 'recharts';
import { AGING_BUCKETS } from '../../../../shared/engine';
import type { AgingTable } from '../../../../shared/reports/monthly';
import { usePrefs } from '../../app/prefs';

/** Fixed size so the chart renders the same on screen and on the printed A4 page. */
export function AgingChart({ aging }: { aging: AgingTable }) {
  const { t } = useTranslation();
  const prefs = usePrefs();
  // Axis scale only: whole currency units; the table above carries the exact cents.
  const data = AGING_BUCKETS.map((b) => ({
    name: t(`common.buckets.${b}`),
    value: Math.round(aging.buckets[b].outstanding / 100),
  }));
  return (
    <BarChart width={640} height={200} data={data} className="report-chart">
      <CartesianGrid strokeDasharray="3 3" />
      <XAxis dataKey="name" fontSize={10} />
      <YAxis fontSize={10} width={64} tickFormatter={(v: number) => prefs.compact(v)} />
      <Bar dataKey="value" fill="#1f5fa8" isAnimationActive={false} />
    </BarChart>
  );
}
