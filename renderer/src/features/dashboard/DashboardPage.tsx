import { useTranslation } from 'react-i18next';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { useApiWithProgress } from '../../api/hooks';
import type { WorkProgress } from '../../../../shared/contract';
import { WorkProgressBar } from '../../components/WorkProgress';
import { usePrefs } from '../../app/prefs';
import { Card, Page } from '../../components/Page';
import { CollateralAlertsCard } from '../collateral/AlertList';
import { RemindersCard } from '../collections/RemindersCard';

// Charts take the width their card gives them (1366 or 1920 px alike) at a fixed, readable height.
const CHART_HEIGHT = 240;
const toPercent = (rate: string) => Number(rate) * 100;
/** Chart axes only: cents to whole currency units for scale; tables and tiles show exact cents. */
const toUnits = (minor: number) => Math.round(minor / 100);

/**
 * The first open of a book (or of a new month on a big one) builds month-end history once; the
 * dashboard waits for it, so say how far it has got rather than show an empty page.
 */
function HistoryProgress({ progress }: { progress: WorkProgress | null }) {
  const { t } = useTranslation();
  const prefs = usePrefs();
  if (!progress || progress.total === 0) return null;
  return (
    <Card>
      <WorkProgressBar
        progress={progress}
        ariaLabel={t('reports.dashboard.historyProgress')}
        describe={(p) =>
          t('reports.dashboard.buildingHistory', { done: prefs.number(p.done), total: prefs.number(p.total) })
        }
      />
    </Card>
  );
}

/** The stacked parts of a month's collections, bottom up, with their colours. */
const COLLECTED_PARTS = [
  ['principal', '#1f5fa8'],
  ['interest', '#5b9bd5'],
  ['penalty', '#f2a900'],
] as const;

export function DashboardPage() {
  const { t } = useTranslation();
  const prefs = usePrefs();
  const data = useApiWithProgress('reports.dashboard', {});
  if (data.error) throw data.error;
  const d = data.data;
  return (
    <Page title={t('dashboard.title')}>
      <HistoryProgress progress={data.progress} />
      <RemindersCard />
      {d && (
        <>
          <Card>
            <div className="stats" data-testid="dashboard-figures">
              <Figure label={t('reports.dashboard.outstanding')} value={prefs.money(d.outstanding)} />
              <Figure label={t('reports.dashboard.overdue')} value={prefs.money(d.overdueAmount)} />
              <Figure label={t('reports.dashboard.par30')} value={prefs.percent(Number(d.par30), 2)} />
              <Figure label={t('reports.dashboard.par90')} value={prefs.percent(Number(d.par90), 2)} />
              <Figure
                label={t('reports.dashboard.nplRatio')}
                value={d.nplRatio === null ? '—' : prefs.percent(Number(d.nplRatio), 2)}
              />
              <Figure
                label={t('reports.dashboard.coverage')}
                value={d.coverage === null ? '—' : prefs.percent(Number(d.coverage), 2)}
              />
              <Figure
                label={t('reports.dashboard.collectedThisMonth')}
                value={prefs.money(d.collectedThisMonth)}
              />
            </div>
            <p className="muted">
              {t('reports.dashboard.loans', { count: d.loansInBook, overdue: d.overdueLoans })}
            </p>
          </Card>
          <CollateralAlertsCard limit={8} />
          <div className="two-col">
            <Card title={t('reports.dashboard.aging')}>
              <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
                <BarChart
                  data={d.aging.map((a) => ({
                    name: t(`common.buckets.${a.bucket}`),
                    value: toUnits(a.outstanding),
                  }))}
                >
                  <CartesianGrid strokeDasharray="3 3" />
                  {/* Every bucket named, slanted to fit: at 1366 px Recharts dropped 逾期91-180天,
                      leaving the tallest bar without a name. */}
                  <XAxis dataKey="name" fontSize={11} interval={0} angle={-25} textAnchor="end" height={52} />
                  <YAxis fontSize={11} width={64} tickFormatter={(v: number) => prefs.compact(v)} />
                  <Tooltip />
                  <Bar
                    dataKey="value"
                    name={t('reports.fig.outstanding')}
                    fill="#1f5fa8"
                    isAnimationActive={false}
                  />
                </BarChart>
              </ResponsiveContainer>
            </Card>
            <Card title={t('reports.dashboard.collections12')}>
              <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
                <BarChart
                  data={d.collections12.map((m) => ({
                    month: m.month,
                    principal: toUnits(m.principal),
                    interest: toUnits(m.interest),
                    penalty: toUnits(m.penalty),
                  }))}
                >
                  <CartesianGrid strokeDasharray="3 3" />
                  <XAxis dataKey="month" fontSize={11} tickFormatter={(m: string) => prefs.month(m)} />
                  <YAxis fontSize={11} width={64} tickFormatter={(v: number) => prefs.compact(v)} />
                  <Tooltip labelFormatter={(m) => prefs.month(String(m))} />
                  <Legend />
                  {COLLECTED_PARTS.map(([part, fill]) => (
                    <Bar
                      key={part}
                      dataKey={part}
                      stackId="c"
                      name={t(`reports.fig.${part}`)}
                      fill={fill}
                      isAnimationActive={false}
                    />
                  ))}
                </BarChart>
              </ResponsiveContainer>
            </Card>
          </div>
          <Card title={t('reports.dashboard.parTrend')}>
            <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
              <LineChart
                data={d.parTrend12.map((m) => ({
                  month: m.month,
                  par30: toPercent(m.par30),
                  par90: toPercent(m.par90),
                }))}
              >
                <CartesianGrid strokeDasharray="3 3" />
                {/* Padded so the first month's label clears the axis's 0% instead of sitting on it. */}
                <XAxis
                  dataKey="month"
                  fontSize={11}
                  padding={{ left: 16, right: 16 }}
                  tickFormatter={(m: string) => prefs.month(m)}
                />
                <YAxis fontSize={11} unit="%" />
                <Tooltip labelFormatter={(m) => prefs.month(String(m))} />
                <Legend />
                <Line dataKey="par30" name="PAR30" stroke="#b54708" isAnimationActive={false} />
                <Line dataKey="par90" name="PAR90" stroke="#b42318" isAnimationActive={false} />
              </LineChart>
            </ResponsiveContainer>
          </Card>
        </>
      )}
    </Page>
  );
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <div className="stat">
      <span className="label">{label}</span>
      <span className="value">{value}</span>
    </div>
  );
}
