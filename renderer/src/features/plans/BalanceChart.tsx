import { useTranslation } from 'react-i18next';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { usePrefs } from '../../app/prefs';
import type { BalancePoint } from '../../../../shared/engine/plans/types';

const COLOURS = ['#1f5fa8', '#b54708', '#067647', '#7a2e8e'];

/**
 * Remaining principal per plan over time. Each plan's balance is a step: it holds its last value
 * until its next due date. The axis is in whole currency units; the table carries the cents.
 */
export function BalanceChart({ plans }: { plans: { label: string; balances: BalancePoint[] }[] }) {
  const { t } = useTranslation();
  const prefs = usePrefs();
  const dates = [...new Set(plans.flatMap((p) => p.balances.map((b) => b.date)))].sort();
  const data = dates.map((date) => {
    const row: Record<string, string | number> = { date };
    plans.forEach((p, i) => {
      const last = p.balances.filter((b) => b.date <= date).at(-1);
      if (last) row[`p${i}`] = Math.round(last.balance / 100);
    });
    return row;
  });
  return (
    <figure aria-label={t('plans.balanceChart')} data-testid="balance-chart">
      <figcaption>{t('plans.balanceChart')}</figcaption>
      {/* As wide as the page gives it; the height stays readable at 768 px. */}
      <ResponsiveContainer width="100%" height={260}>
        <LineChart data={data}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="date" fontSize={10} tickFormatter={(d: string) => prefs.date(d)} />
          <YAxis fontSize={10} width={64} tickFormatter={(v: number) => prefs.compact(v)} />
          <Tooltip labelFormatter={(d) => prefs.date(String(d))} />
          <Legend />
          {plans.map((p, i) => (
            <Line
              key={i}
              type="stepAfter"
              dataKey={`p${i}`}
              name={p.label}
              stroke={COLOURS[i % COLOURS.length]}
              dot={false}
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </figure>
  );
}
