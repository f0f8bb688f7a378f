import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ACCOUNT_ROLES,
  ENTRY_KINDS,
  VOUCHER_PRESETS,
  type AccountingBasis,
  type AccountRole,
  type EntryKind,
  type VoucherPreset,
} from '../../../../shared/contract';
import { addMonthsClamped, monthOf } from '../../../../shared/dates';
import { call } from '../../api/client';
import { useApi, useApiWithProgress } from '../../api/hooks';
import { ErrorPanel } from '../../app/ErrorBoundary';
import { usePrefs } from '../../app/prefs';
import { CodeSelect, Field } from '../../components/form';
import { download, recentMonths } from '../../components/files';
import { Page } from '../../components/Page';
import { PrintButton } from '../../components/PrintButton';
import { MonthEndsProgress, Section } from '../reports/report-parts';
import { installPrintHeader } from '../reports/print-header';
import { Letterhead } from '../../components/Letterhead';
import { CustomColumns, useCustomColumns } from './CustomColumns';
import { JournalTable } from './JournalTable';
import { TiesPanel } from './TiesPanel';
import { TrialBalanceTable, useAccountName } from './TrialBalanceTable';

const PAGE = 100;

/**
 * The Ledger page: a month that has ended, its trial balance with the ties that prove it (any
 * difference in red, with the loans behind it), the journal with filters, and the vouchers as the
 * accountant's package imports them. Nothing here is typed: the service generates it all.
 */
export function LedgerPage() {
  const { t } = useTranslation();
  const prefs = usePrefs();
  const info = useApi('system.info', {});
  const [month, setMonth] = useState('');
  const [kind, setKind] = useState<EntryKind | 'all'>('all');
  const [account, setAccount] = useState<AccountRole | 'all'>('all');
  const [loan, setLoan] = useState('');
  const [shown, setShown] = useState(PAGE);
  const [preset, setPreset] = useState<VoucherPreset>('kingdee');
  const [columns, setColumns] = useCustomColumns();
  const [exportError, setExportError] = useState<unknown>(null);
  const chosen = month || (info.data ? monthOf(addMonthsClamped(info.data.today, -1)) : '');
  const filters = {
    month: chosen,
    ...(kind === 'all' ? {} : { kind }),
    ...(account === 'all' ? {} : { account }),
    ...(loan.trim() ? { loan: loan.trim() } : {}),
  };
  const ledger = useApiWithProgress(
    'ledger.month',
    { ...filters, offset: 0, limit: Math.min(shown, 1000) },
    { enabled: chosen !== '', placeholderData: (previous) => previous },
  );
  const accountName = useAccountName(ledger.data?.chart);
  const exportAs = (format: 'xlsx' | 'csv') =>
    call('ledger.export', {
      month: chosen,
      format,
      preset,
      ...(preset === 'custom' ? { columns } : {}),
      language: prefs.locale,
    }).then(download, setExportError);
  const reset = () => setShown(PAGE);

  return (
    <Page
      title={t('ledger.title')}
      printTitle={false}
      actions={ledger.data && <PrintButton suggestedName={`ledger-${chosen}`} label={t('ledger.print')} />}
    >
      <p className="muted no-print">{t('ledger.intro')}</p>
      <div className="toolbar no-print">
        <Field label={t('ledger.month')} htmlFor="ledger-month">
          <select
            id="ledger-month"
            value={chosen}
            onChange={(e) => {
              setMonth(e.target.value);
              reset();
            }}
          >
            {info.data &&
              recentMonths(info.data.today, 1).map((m) => (
                <option key={m} value={m}>
                  {prefs.month(m)}
                </option>
              ))}
          </select>
        </Field>
        {ledger.data && (
          <p className="muted">
            {t(`ledger.basis.${ledger.data.basis}`)} ·{' '}
            {t('ledger.entriesOfMonth', { count: ledger.data.totals.entries })}
          </p>
        )}
      </div>
      <MonthEndsProgress progress={ledger.progress} />
      {ledger.error && <ErrorPanel error={ledger.error} />}
      {ledger.data && (
        <article className="report ledger" aria-label={t('ledger.title')}>
          <LedgerHead month={chosen} basis={ledger.data.basis} />
          <Section title={t('ledger.ties.title')}>
            <TiesPanel ties={ledger.data.ties} />
          </Section>
          <Section title={t('ledger.trialBalance')}>
            <TrialBalanceTable rows={ledger.data.trialBalance} chart={ledger.data.chart} />
          </Section>
          <Section title={t('ledger.journal')}>
            <div className="toolbar no-print">
              <Field label={t('ledger.filters.kind')} htmlFor="ledger-kind">
                <CodeSelect
                  id="ledger-kind"
                  value={kind}
                  codes={['all', ...ENTRY_KINDS] as const}
                  label={(k) => (k === 'all' ? t('ledger.filters.all') : t(`ledger.kinds.${k}`))}
                  onChange={(k) => {
                    setKind(k);
                    reset();
                  }}
                />
              </Field>
              <Field label={t('ledger.filters.account')} htmlFor="ledger-account">
                <CodeSelect
                  id="ledger-account"
                  value={account}
                  codes={['all', ...ACCOUNT_ROLES] as const}
                  label={(a) => (a === 'all' ? t('ledger.filters.all') : accountName(a))}
                  onChange={(a) => {
                    setAccount(a);
                    reset();
                  }}
                />
              </Field>
              <Field label={t('ledger.filters.loan')} htmlFor="ledger-loan">
                <input
                  id="ledger-loan"
                  value={loan}
                  onChange={(e) => {
                    setLoan(e.target.value);
                    reset();
                  }}
                />
              </Field>
            </div>
            <p className="muted" data-testid="ledger-matching">
              {t('ledger.matching', {
                count: prefs.number(ledger.data.entries.length),
                total: prefs.number(ledger.data.matching),
              })}
            </p>
            <JournalTable entries={ledger.data.entries} accountName={accountName} />
            {ledger.data.entries.length < ledger.data.matching && shown < 1000 && (
              <button type="button" className="btn no-print" onClick={() => setShown(shown + PAGE)}>
                {t('ledger.more')}
              </button>
            )}
          </Section>
          <Section title={t('ledger.export.title')} className="no-print">
            <div className="toolbar">
              <Field label={t('ledger.export.preset')} htmlFor="ledger-preset">
                <CodeSelect
                  id="ledger-preset"
                  value={preset}
                  codes={VOUCHER_PRESETS}
                  label={(p) => t(`ledger.export.presets.${p}`)}
                  onChange={setPreset}
                />
              </Field>
              <button type="button" className="btn" onClick={() => void exportAs('xlsx')}>
                {t('ledger.export.xlsx')}
              </button>
              <button type="button" className="btn" onClick={() => void exportAs('csv')}>
                {t('ledger.export.csv')}
              </button>
            </div>
            {preset === 'custom' && <CustomColumns columns={columns} onChange={setColumns} />}
            {exportError !== null && <ErrorPanel error={exportError} />}
          </Section>
        </article>
      )}
    </Page>
  );
}

/** The printed ledger's heading, and a running header with page numbers on every A4 page. */
function LedgerHead({ month, basis }: { month: string; basis: AccountingBasis }) {
  const { t } = useTranslation();
  const prefs = usePrefs();
  const title = `${t('ledger.title')} · ${prefs.month(month, 'long')} · ${t(`ledger.basis.${basis}`)}`;
  useEffect(
    () => installPrintHeader(title, t('reports.pageOf', { page: '{{page}}', pages: '{{pages}}' })),
    [title, t],
  );
  return (
    <header className="report-head">
      <Letterhead />
      <h2>{title}</h2>
    </header>
  );
}
