import { useTranslation } from 'react-i18next';
import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { CollateralDetail } from '../../../../shared/contract';
import { usePrefs } from '../../app/prefs';

/**
 * Valuation history (voided ones left out), with the depreciated estimate for vehicles as its own
 * dashed series from the appraisal to today. The axis is whole currency units; the table has cents.
 */
export function ValuationChart({ item, today }: { item: CollateralDetail; today: string }) {
  const { t } = useTranslation();
  const prefs = usePrefs();
  const points = new Map<string, { date: string; value?: number; estimate?: number }>();
  for (const v of item.valuations.filter((x) => !x.voided)) {
    points.set(v.date, { date: v.date, value: Math.round(v.value / 100) });
  }
  if (item.estimate) {
    const from = points.get(item.estimate.fromDate) ?? { date: item.estimate.fromDate };
    points.set(from.date, { ...from, estimate: Math.round(item.estimate.fromValue / 100) });
    const end = points.get(today) ?? { date: today };
    points.set(today, { ...end, estimate: Math.round(item.estimate.value / 100) });
  }
  const data = [...points.values()].sort((a, b) => a.date.localeCompare(b.date));
  if (data.length === 0) return <p className="muted">{t('collateral.valuation.none')}</p>;
  return (
    <figure aria-label={t('collateral.valuation.chart')} data-testid="valuation-chart">
      <figcaption className="muted">{t('collateral.valuation.chart')}</figcaption>
      <LineChart width={720} height={220} data={data}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="date" fontSize={10} tickFormatter={(d: string) => prefs.date(d)} />
        <YAxis fontSize={10} width={64} tickFormatter={(v: number) => prefs.compact(v)} />
        <Tooltip labelFormatter={(d) => prefs.date(String(d))} />
        <Legend />
        <Line
          type="stepAfter"
          dataKey="value"
          name={t('collateral.valuation.series')}
          stroke="#1f5fa8"
          connectNulls
          isAnimationActive={false}
        />
        {item.estimate && (
          <Line
            type="linear"
            dataKey="estimate"
            name={t('collateral.estimate.series')}
            stroke="#b54708"
            strokeDasharray="5 4"
            connectNulls
            isAnimationActive={false}
          />
        )}
      </LineChart>
    </figure>
  );
}
