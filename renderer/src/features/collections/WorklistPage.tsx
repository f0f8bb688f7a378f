import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PRODUCTS, type Product, type WorklistRow } from '../../../../shared/contract';
import { AGING_BUCKETS, type AgingBucket } from '../../../../shared/engine';
import { useApi, useApiMutation } from '../../api/hooks';
import { ErrorPanel } from '../../app/ErrorBoundary';
import { FRESH } from './fresh';
import { usePrefs } from '../../app/prefs';
import { LoanStandingBadges } from '../../components/badges';
import { Page } from '../../components/Page';
import {
  VirtualTable,
  VIRTUAL_TABLE_PAGE as WORKLIST_PAGE,
  type Column,
} from '../../components/VirtualTable';
import { useDebounced } from '../../components/useDebounced';
import { KeyHint, useAltShortcut } from '../../components/shortcuts';
import { FactorList } from './FactorList';
import { RiskGradeBadge } from '../risk/RiskGradeLine';
import { markVisited, useNextAccount } from './next-account';
import { call } from '../../api/client';
import { RemindersCard } from './RemindersCard';
import { CollectorsChoice } from './CollectorPicker';
import { CollectorPromiseStats } from './PromiseStats';
import './collections.css';

export function useWorklistFilter() {
  const [bucket, setBucket] = useState<AgingBucket | ''>('');
  const [product, setProduct] = useState<Product | ''>('');
  const [officer, setOfficer] = useState('');
  const [collector, setCollector] = useState('');
  const o = useDebounced(officer, 250);
  const c = useDebounced(collector, 250);
  const filter = {
    ...(bucket ? { bucket } : {}),
    ...(product ? { product } : {}),
    ...(o.trim() ? { officer: o.trim() } : {}),
    ...(c.trim() ? { collector: c.trim() } : {}),
  };
  return { filter, bucket, setBucket, product, setProduct, officer, setOfficer, collector, setCollector };
}

export function WorklistPage() {
  const { t } = useTranslation();
  const prefs = usePrefs();
  const navigate = useNavigate();
  const f = useWorklistFilter();
  // The first page comes with the count; the table fetches further pages as they scroll in.
  const worklist = useApi('collections.worklist', { ...f.filter, offset: 0, limit: WORKLIST_PAGE }, FRESH);
  const [done, setDone] = useState(false);
  const openAccount = (loanId: number) => {
    markVisited(loanId);
    navigate(`/collections/loans/${loanId}`);
  };
  const next = useNextAccount(openAccount, () => setDone(true));
  const head = worklist.data;
  const workNext = () => next.find(f.filter);
  useAltShortcut('n', workNext, Boolean(head) && !next.pending);
  if (worklist.error) throw worklist.error;

  const columns: Column<WorklistRow>[] = [
    {
      key: 'score',
      header: t('collections.columns.score'),
      cell: (r) => <strong>{r.score}</strong>,
      width: '70px',
      numeric: true,
    },
    { key: 'loan', header: t('collections.columns.loan'), cell: (r) => r.loanNumber, width: '150px' },
    { key: 'borrower', header: t('collections.columns.borrower'), cell: (r) => r.borrower, width: '120px' },
    {
      key: 'dpd',
      header: t('collections.columns.dpd'),
      cell: (r) => <LoanStandingBadges status={r.status} dpd={r.daysPastDue} bucket={r.bucket} />,
      width: '150px',
    },
    {
      key: 'grade',
      header: t('loans.risk.title'),
      cell: (r) => (r.grade ? <RiskGradeBadge grade={r.grade} /> : '—'),
      // Wide enough for "Special mention" in one badge.
      width: '130px',
    },
    {
      key: 'overdue',
      header: t('collections.columns.overdue'),
      cell: (r) => prefs.money(r.overdueAmount),
      // Wide enough for CN¥999,999,999,999.99: an amount is never cut.
      width: '160px',
      numeric: true,
    },
    {
      key: 'collector',
      header: t('collections.collector'),
      cell: (r) => r.collector ?? t('collections.unassigned'),
      width: '100px',
    },
    { key: 'why', header: t('collections.columns.why'), cell: (r) => <FactorList factors={r.factors} /> },
  ];

  return (
    <Page
      title={t('collections.title')}
      actions={
        <>
          <Link to="/collections/legal">{t('collections.legal.open')}</Link>
          <button
            type="button"
            className="btn btn-primary"
            onClick={workNext}
            disabled={!head || next.pending}
            aria-keyshortcuts="Alt+N"
          >
            {t('collections.workNext')}
            <KeyHint letter="n" />
          </button>
        </>
      }
    >
      <RemindersCard />
      <div className="toolbar">
        <select
          aria-label={t('loans.bucket')}
          value={f.bucket}
          onChange={(e) => f.setBucket(e.target.value as AgingBucket | '')}
        >
          <option value="">{t('loans.allBuckets')}</option>
          {AGING_BUCKETS.filter((b) => b !== 'current').map((b) => (
            <option key={b} value={b}>
              {t(`common.buckets.${b}`)}
            </option>
          ))}
        </select>
        <select
          aria-label={t('loans.product')}
          value={f.product}
          onChange={(e) => f.setProduct(e.target.value as Product | '')}
        >
          <option value="">{t('loans.allProducts')}</option>
          {PRODUCTS.map((p) => (
            <option key={p} value={p}>
              {t(`common.products.${p}`)}
            </option>
          ))}
        </select>
        <input
          aria-label={t('collections.officer')}
          placeholder={t('collections.officer')}
          value={f.officer}
          onChange={(e) => f.setOfficer(e.target.value)}
        />
        <input
          aria-label={t('collections.collector')}
          placeholder={t('collections.collector')}
          value={f.collector}
          onChange={(e) => f.setCollector(e.target.value)}
        />
        {head && (
          <span className="muted" data-testid="worklist-count">
            {t('collections.count', { count: head.total })} ·{' '}
            {t('collections.asOf', { date: prefs.date(head.asOf) })}
          </span>
        )}
      </div>
      {f.bucket && f.bucket !== 'current' && <RoundRobin bucket={f.bucket} />}
      {next.error && <ErrorPanel error={next.error} />}
      {done && (
        <p className="explain" role="status">
          {t('collections.allDone')}
        </p>
      )}
      <p className="muted">
        {t('collections.scoreHelp')} {t('collections.worklistKeys')}
      </p>
      {head && (
        <VirtualTable<WorklistRow>
          label={t('collections.title')}
          columns={columns}
          source={{
            // Pages belong to the first page's reading: a refreshed list starts them again.
            key: ['collections.worklist', f.filter, worklist.dataUpdatedAt],
            fetch: async (offset, limit) =>
              offset === 0 && limit === WORKLIST_PAGE
                ? head
                : call('collections.worklist', { ...f.filter, offset, limit }),
          }}
          rowKey={(r) => r.loanId}
          onOpen={(r) => openAccount(r.loanId)}
          emptyText={t('collections.empty')}
        />
      )}
      <CollectorPromiseStats />
    </Page>
  );
}

/** Hands the bucket's unassigned accounts to the chosen collectors in turn, highest score first. */
function RoundRobin({ bucket }: { bucket: Exclude<AgingBucket, 'current'> }) {
  const { t } = useTranslation();
  const assign = useApiMutation('collections.assignRoundRobin', ['collections.']);
  const [collectors, setCollectors] = useState<string[]>([]);
  return (
    <div className="toolbar">
      <CollectorsChoice value={collectors} onChange={setCollectors} />
      <button
        type="button"
        className="btn"
        disabled={collectors.length === 0 || assign.isPending}
        onClick={() => assign.mutate({ bucket, collectors })}
      >
        {t('collections.assignRoundRobin')}
      </button>
      {assign.data && (
        <span role="status">{t('collections.assignedCount', { count: assign.data.assigned.length })}</span>
      )}
      {assign.error && <ErrorPanel error={assign.error} />}
    </div>
  );
}
