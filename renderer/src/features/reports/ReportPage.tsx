import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AGING_BUCKETS, type AgingBucket } from '../../../../shared/engine';
import { ROLL_COLUMNS, type RollColumn } from '../../../../shared/reports/monthly';
import type { MonthlyReport } from '../../../../shared/contract';
import type { Resources } from '../../../../shared/i18n/resources';
import { call } from '../../api/client';
import { useApi, useApiWithProgress } from '../../api/hooks';
import { usePrefs } from '../../app/prefs';
import { ErrorPanel } from '../../app/ErrorBoundary';
import { Page } from '../../components/Page';
import { PrintButton } from '../../components/PrintButton';
import { AgingChart } from './AgingChart';
import { CountCell, KeyValues, MonthEndsProgress, Section } from './report-parts';
import { ClassificationSection } from '../risk/ClassificationSection';
import { installPrintHeader } from './print-header';
import { Letterhead } from '../../components/Letterhead';
import { inReadersOrder } from '../../../../shared/reports/name-order';
import { addMonthsClamped, monthOf } from '../../../../shared/dates';
import { download, recentMonths } from '../../components/files';

export function ReportPage() {
  const { t } = useTranslation();
  const prefs = usePrefs();
  const info = useApi('system.info', {});
  const [month, setMonth] = useState('');
  const chosen = month || (info.data ? monthOf(addMonthsClamped(info.data.today, -1)) : '');
  const report = useApiWithProgress('reports.monthly', { month: chosen }, { enabled: chosen !== '' });
  const [exportError, setExportError] = useState<unknown>(null);
  const exportAs = (format: 'xlsx' | 'csv') =>
    call('reports.export', { month: chosen, format, language: prefs.locale }).then(download, setExportError);

  return (
    <Page
      title={t('reports.title')}
      printTitle={false}
      actions={
        report.data && (
          <>
            <button type="button" className="btn" onClick={() => void exportAs('xlsx')}>
              {t('reports.exportXlsx')}
            </button>
            <button type="button" className="btn" onClick={() => void exportAs('csv')}>
              {t('reports.exportCsv')}
            </button>
            <PrintButton suggestedName={`recovery-report-${chosen}`} label={t('reports.print')} />
          </>
        )
      }
    >
      <div className="toolbar no-print">
        <div className="field">
          <label htmlFor="report-month">{t('reports.month')}</label>
          <select id="report-month" value={chosen} onChange={(e) => setMonth(e.target.value)}>
            {info.data &&
              recentMonths(info.data.today).map((m) => (
                <option key={m} value={m}>
                  {prefs.month(m)}
                </option>
              ))}
          </select>
        </div>
      </div>
      <MonthEndsProgress progress={report.progress} />
      {report.error && <ErrorPanel error={report.error} />}
      {exportError !== null && <ErrorPanel error={exportError} />}
      {report.data && <ReportDocument report={inReadersOrder(report.data, prefs.locale)} />}
    </Page>
  );
}

function ReportDocument({ report: r }: { report: MonthlyReport }) {
  const { t } = useTranslation();
  const { money, date, month } = usePrefs();
  const title = t('reports.reportFor', { month: month(r.month, 'long') });
  const header = `${r.companyName || t('app.name')} · ${title} · ${t('reports.generated', { date: date(r.generatedOn) })}`;
  useEffect(
    () => installPrintHeader(header, t('reports.pageOf', { page: '{{page}}', pages: '{{pages}}' })),
    [header, t],
  );
  const rate = (s: string) => `${(Number(s) * 100).toFixed(2)}%`;
  const products = ['all', 'mortgage', 'car-title'] as const;

  return (
    <article className="report" aria-label={t('reports.title')}>
      <header className="report-head">
        <Letterhead />
        <h2>{title}</h2>
        <p className="muted">{t('reports.generated', { date: date(r.generatedOn) })}</p>
        {r.lateEntries > 0 && <p className="explain">{t('reports.lateEntries', { count: r.lateEntries })}</p>}
      </header>

      <Section title={t('reports.sections.summary')}>
        <KeyValues
          rows={[
            [t('reports.fig.loansInBook'), String(r.summary.loansInBook)],
            [t('reports.fig.outstanding'), money(r.summary.outstanding)],
            [t('reports.fig.overdueLoans'), String(r.summary.overdueLoans)],
            [t('reports.fig.overdueAmount'), money(r.summary.overdueAmount)],
            [
              'PAR1 / PAR30 / PAR60 / PAR90',
              [r.summary.par.par1, r.summary.par.par30, r.summary.par.par60, r.summary.par.par90]
                .map(rate)
                .join(' / '),
            ],
          ]}
        />
      </Section>

      <Section title={t('reports.sections.collections')}>
        <table className="grid">
          <thead>
            <tr>
              {(['penalty', 'interest', 'principal', 'fees', 'total'] as const).map((k) => (
                <th key={k} className="num">
                  {t(`reports.fig.${k}`)}
                </th>
              ))}
              <th className="num">{t('reports.fig.saleProceeds')}</th>
              <th className="num">{t('reports.fig.recoveriesAfterWriteOff')}</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              {(['penalty', 'interest', 'principal', 'fees', 'total'] as const).map((k) => (
                <td key={k} className="num" data-testid={`collected-${k}`}>
                  {money(r.collections[k])}
                </td>
              ))}
              <td className="num" data-testid="collected-sales">
                {money(r.activity.collateral.proceedsApplied)}
              </td>
              <td className="num" data-testid="collected-recoveries">
                {t('reports.fig.recoveriesValue', {
                  amount: money(r.collections.recoveriesAfterWriteOff.amount),
                  count: r.collections.recoveriesAfterWriteOff.count,
                })}
              </td>
            </tr>
          </tbody>
        </table>
      </Section>

      <Section title={t('reports.sections.recovery')}>
        <KeyValues
          rows={[
            [t('reports.fig.overdueAtStart'), money(r.recovery.overdueAtStart)],
            [t('reports.fig.recovered'), money(r.recovery.recoveredFromStartOverdue)],
            [t('reports.fig.recoveryRate'), rate(r.recovery.recoveryRate)],
            [t('reports.fig.overdueLoansAtStart'), String(r.recovery.overdueLoansAtStart)],
            [t('reports.fig.curedLoans'), String(r.recovery.curedLoans)],
            [t('reports.fig.cureRate'), rate(r.recovery.cureRate)],
            [t('reports.fig.newDelinquencies'), String(r.recovery.newDelinquencies)],
          ]}
        />
      </Section>

      <Section title={t('reports.sections.roll')}>
        <table className="grid compact">
          <thead>
            <tr>
              <th>{t('reports.fig.from')}</th>
              {ROLL_COLUMNS.map((c) => (
                <th key={c} className="num">
                  {isAgingBucket(c) ? t(`common.buckets.${c}`) : t(`reports.roll.${c}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {r.rollRate.map((row) => (
              <tr key={row.from}>
                <th>{t(`common.buckets.${row.from}`)}</th>
                {ROLL_COLUMNS.map((c) => (
                  <CountCell key={c} loans={row.to[c].count} amount={row.to[c].outstanding} money={money} />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </Section>

      <Section title={t('reports.sections.aging')}>
        <table className="grid compact">
          <thead>
            <tr>
              <th>{t('reports.fig.product')}</th>
              {AGING_BUCKETS.map((b) => (
                <th key={b} className="num">
                  {t(`common.buckets.${b}`)}
                </th>
              ))}
              <th className="num">PAR30</th>
              <th className="num">PAR90</th>
            </tr>
          </thead>
          <tbody>
            {products.map((p) => (
              <tr key={p}>
                <th>{p === 'all' ? t('reports.fig.all') : t(`common.products.${p}`)}</th>
                {AGING_BUCKETS.map((b) => (
                  <td key={b} className="num">
                    {money(r.aging[p].buckets[b].outstanding)}
                  </td>
                ))}
                <td className="num">{rate(r.aging[p].par.par30)}</td>
                <td className="num">{rate(r.aging[p].par.par90)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <AgingChart aging={r.aging.all} />
      </Section>

      <Section title={t('reports.sections.top')}>
        <table className="grid">
          <thead>
            <tr>
              <th>{t('reports.fig.loan')}</th>
              <th>{t('reports.fig.borrower')}</th>
              <th>{t('reports.fig.idNumber')}</th>
              <th className="num">{t('reports.fig.dpd')}</th>
              <th className="num">{t('reports.fig.outstanding')}</th>
              <th className="num">{t('reports.fig.exposure')}</th>
            </tr>
          </thead>
          <tbody>
            {r.topOverdue.map((x) => (
              <tr key={x.loanNumber}>
                <td>{x.loanNumber}</td>
                <td>{x.borrower}</td>
                <td>
                  <code>{x.borrowerIdMasked}</code>
                </td>
                <td className="num">{x.daysPastDue}</td>
                <td className="num">{money(x.outstanding)}</td>
                <td className="num">{money(x.exposure)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Section>

      <Section title={t('reports.sections.concentration')}>
        <table className="grid">
          <thead>
            <tr>
              <th>{t('reports.fig.borrower')}</th>
              <th>{t('reports.fig.idNumber')}</th>
              <th className="num">{t('reports.fig.outstanding')}</th>
              <th className="num">{t('reports.fig.share')}</th>
            </tr>
          </thead>
          <tbody>
            {r.concentration.top.map((x) => (
              <tr key={`${x.borrower}-${x.borrowerIdMasked}`}>
                <td>{x.borrower}</td>
                <td>
                  <code>{x.borrowerIdMasked}</code>
                </td>
                <td className="num">{money(x.outstanding)}</td>
                <td className="num">{rate(x.share)}</td>
              </tr>
            ))}
            <tr>
              <th colSpan={3}>{t('reports.fig.topShare')}</th>
              <th className="num">{rate(r.concentration.topShare)}</th>
            </tr>
          </tbody>
        </table>
      </Section>

      <ClassificationSection c={r.classification} />

      <ActivitySections report={r} />

      <Section title={t('reports.sections.notes')} className="report-notes">
        <ol>
          {(t('reports.definitions', { returnObjects: true }) as string[]).map((d) => (
            <li key={d}>{d}</li>
          ))}
        </ol>
      </Section>
    </article>
  );
}

/** Promises, collectors, guard overrides, plans, legal cases and collateral for the month. */
function ActivitySections({ report: r }: { report: MonthlyReport }) {
  const { t } = useTranslation();
  const { money } = usePrefs();
  const a = r.activity;
  const rate = (s: string) => `${(Number(s) * 100).toFixed(2)}%`;
  const kv = (rows: [keyof Resources['reports']['act'], string | number][]) => (
    <KeyValues rows={rows.map(([k, v]) => [t(`reports.act.${k}`), String(v)])} />
  );
  return (
    <>
      <Section title={t('reports.sections.collateral')}>
        {kv([
          ['overdueExposure', money(a.collateral.overdueExposure)],
          ['overdueCollateral', money(a.collateral.overdueCollateralValue)],
          ['coverage', rate(a.collateral.coverage)],
          ['ltvBreaches', a.collateral.ltvBreaches],
          ['possessed', a.collateral.possessed],
          ['sold', a.collateral.sold],
          ['gross', money(a.collateral.grossProceeds)],
          ['sellingCosts', money(a.collateral.sellingCosts)],
          ['applied', money(a.collateral.proceedsApplied)],
        ])}
      </Section>
      <Section title={t('reports.sections.promises')}>
        {kv([
          ['made', a.promises.made],
          ['madeAmount', money(a.promises.madeAmount)],
          ['due', a.promises.due],
          ['kept', a.promises.kept],
          ['broken', a.promises.broken],
          ['pending', a.promises.pending],
        ])}
      </Section>
      <Section title={t('reports.sections.plans')}>
        {kv([
          ['approved', a.plans.approved],
          ['rejected', a.plans.rejected],
          ['active', a.plans.active],
          ['broken', a.plans.broken],
          ['completed', a.plans.completed],
          ['penaltyWaived', money(a.plans.penaltyWaived)],
        ])}
      </Section>
      <Section title={t('reports.sections.legal')}>
        {kv([
          ['opened', a.legal.opened],
          ['closed', a.legal.closed],
          ['open', a.legal.open],
          ['costs', money(a.legal.costs)],
          ['charged', money(a.legal.chargedToLoans)],
        ])}
      </Section>
      <Section title={t('reports.sections.contactGuards')}>
        {kv([['overrides', a.contactGuards.overrides]])}
      </Section>
      <Section title={t('reports.sections.collectors')}>
        <table className="grid">
          <thead>
            <tr>
              <th>{t('reports.act.collector')}</th>
              <th className="num">{t('reports.act.contacts')}</th>
              <th className="num">{t('reports.act.due')}</th>
              <th className="num">{t('reports.act.kept')}</th>
              <th className="num">{t('reports.act.broken')}</th>
            </tr>
          </thead>
          <tbody>
            {a.collectors.map((c) => (
              <tr key={c.collector}>
                <td>{c.collector}</td>
                <td className="num">{c.contacts}</td>
                <td className="num">{c.promisesDue}</td>
                <td className="num">{c.kept}</td>
                <td className="num">{c.broken}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Section>
    </>
  );
}

const isAgingBucket = (c: RollColumn): c is AgingBucket => (AGING_BUCKETS as readonly string[]).includes(c);
