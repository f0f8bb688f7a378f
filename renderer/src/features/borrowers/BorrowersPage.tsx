import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { BorrowerRow } from '../../../../shared/contract';
import { call } from '../../api/client';
import { Page } from '../../components/Page';
import { Dialog } from '../../components/Dialog';
import { VirtualTable, type Column } from '../../components/VirtualTable';
import { useDebounced } from '../../components/useDebounced';
import { BorrowerForm } from './BorrowerForm';
import { usePrefs } from '../../app/prefs';

export function BorrowersPage() {
  const { t } = useTranslation();
  const prefs = usePrefs();
  const navigate = useNavigate();
  const [query, setQuery] = useState('');
  const [creating, setCreating] = useState(false);
  const debounced = useDebounced(query, 200);

  const columns: Column<BorrowerRow>[] = [
    { key: 'name', header: t('borrowers.name'), cell: (r) => r.name, width: '2fr' },
    { key: 'kind', header: t('borrowers.kind'), cell: (r) => t(`common.borrowerKinds.${r.kind}`) },
    {
      key: 'id',
      header: t('borrowers.idNumber'),
      cell: (r) => <code>{r.idNumberMasked}</code>,
      width: '1.6fr',
    },
    { key: 'phone', header: t('borrowers.phone'), cell: (r) => r.phone },
    { key: 'loans', header: t('borrowers.loans'), cell: (r) => r.loanCount, numeric: true, width: '80px' },
    {
      key: 'dpd',
      header: t('borrowers.worstDpd'),
      cell: (r) => r.worstDaysPastDue,
      numeric: true,
      width: '110px',
    },
  ];

  return (
    <Page
      title={t('borrowers.title')}
      actions={
        <button type="button" className="btn btn-primary" onClick={() => setCreating(true)}>
          {t('borrowers.new')}
        </button>
      }
    >
      <div className="toolbar">
        <input
          type="search"
          aria-label={t('common.search')}
          placeholder={t('borrowers.searchPlaceholder')}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
      </div>
      <VirtualTable
        label={t('borrowers.title')}
        columns={columns}
        source={{
          key: ['borrowers.list', debounced, prefs.locale],
          fetch: (offset, limit) =>
            call('borrowers.list', { query: debounced, offset, limit, locale: prefs.locale }),
        }}
        rowKey={(r) => r.id}
        onOpen={(r) => navigate(`/borrowers/${r.id}`)}
        emptyText={t('borrowers.empty')}
      />
      <Dialog open={creating} title={t('borrowers.new')} onClose={() => setCreating(false)} wide>
        <BorrowerForm onCancel={() => setCreating(false)} onSaved={(id) => navigate(`/borrowers/${id}`)} />
      </Dialog>
    </Page>
  );
}
