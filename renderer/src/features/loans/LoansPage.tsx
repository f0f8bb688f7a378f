import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import {
  LOAN_LIST_SORTS,
  LOAN_STATUSES,
  PRODUCTS,
  type LoanListRow,
  type LoanListSort,
  type LoanStatus,
  type Product,
} from '../../../../shared/contract';
import { AGING_BUCKETS, type AgingBucket } from '../../../../shared/engine';
import { call } from '../../api/client';
import { Page } from '../../components/Page';
import { VirtualTable } from '../../components/VirtualTable';
import { useDebounced } from '../../components/useDebounced';
import { useLoanColumns } from './LoanTable';
import { usePrefs } from '../../app/prefs';

export function LoansPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const columns = useLoanColumns();
  const prefs = usePrefs();
  const [query, setQuery] = useState('');
  const [status, setStatus] = useState<LoanStatus | ''>('');
  const [product, setProduct] = useState<Product | ''>('');
  const [bucket, setBucket] = useState<AgingBucket | ''>('');
  const [sort, setSort] = useState<LoanListSort>('number');
  const debounced = useDebounced(query, 200);
  const filter = {
    query: debounced,
    sort,
    locale: prefs.locale,
    ...(status ? { status } : {}),
    ...(product ? { product } : {}),
    ...(bucket ? { bucket } : {}),
  };
  const [total, setTotal] = useState<number | null>(null);

  return (
    <Page
      title={t('loans.title')}
      actions={
        <button type="button" className="btn btn-primary" onClick={() => navigate('/loans/new')}>
          {t('loans.new')}
        </button>
      }
    >
      <div className="toolbar">
        <input
          type="search"
          aria-label={t('common.search')}
          placeholder={t('loans.searchPlaceholder')}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <select
          aria-label={t('loans.status')}
          value={status}
          onChange={(e) => setStatus(e.target.value as LoanStatus | '')}
        >
          <option value="">{t('loans.allStatuses')}</option>
          {LOAN_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`common.loanStatus.${s}`)}
            </option>
          ))}
        </select>
        <select
          aria-label={t('loans.product')}
          value={product}
          onChange={(e) => setProduct(e.target.value as Product | '')}
        >
          <option value="">{t('loans.allProducts')}</option>
          {PRODUCTS.map((p) => (
            <option key={p} value={p}>
              {t(`common.products.${p}`)}
            </option>
          ))}
        </select>
        <select
          aria-label={t('loans.bucket')}
          value={bucket}
          onChange={(e) => setBucket(e.target.value as AgingBucket | '')}
        >
          <option value="">{t('loans.allBuckets')}</option>
          {AGING_BUCKETS.map((b) => (
            <option key={b} value={b}>
              {t(`common.buckets.${b}`)}
            </option>
          ))}
        </select>
        <select
          aria-label={t('loans.sortBy')}
          value={sort}
          onChange={(e) => setSort(e.target.value as LoanListSort)}
        >
          {LOAN_LIST_SORTS.map((s) => (
            <option key={s} value={s}>
              {t(`loans.sort.${s}`)}
            </option>
          ))}
        </select>
        {total !== null && (
          <span className="muted" data-testid="loan-count">
            {t('loans.count', { count: total, formatted: prefs.number(total) })}
          </span>
        )}
      </div>
      <VirtualTable<LoanListRow>
        label={t('loans.title')}
        columns={columns}
        source={{
          key: ['loans.list', filter],
          fetch: async (offset, limit) => {
            const page = await call('loans.list', { ...filter, offset, limit });
            setTotal(page.total);
            return page;
          },
        }}
        rowKey={(r) => r.id}
        onOpen={(r) => navigate(`/loans/${r.id}`)}
        emptyText={t('loans.empty')}
      />
    </Page>
  );
}
