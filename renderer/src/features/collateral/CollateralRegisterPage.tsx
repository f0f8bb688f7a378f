import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import {
  ALERT_KINDS,
  COLLATERAL_KINDS,
  LOAN_STATUSES,
  type AlertKind,
  type CollateralKind,
  type CollateralRow,
  type LoanStatus,
} from '../../../../shared/contract';
import { call } from '../../api/client';
import { usePrefs } from '../../app/prefs';
import { Page } from '../../components/Page';
import { VirtualTable, type Column } from '../../components/VirtualTable';
import { useDebounced } from '../../components/useDebounced';
import { CollateralAlertsCard } from './AlertList';
import { AlertKindBadges, LtvBadge } from './shared-ui';
import './collateral.css';

/** Every item, filterable by kind, alert and loan status; the search box takes plate, VIN, certificate or address. */
/** Alerts listed under the register; the alert filter above reaches all of them. */
const REGISTER_ALERTS_SHOWN = 20;

export function CollateralRegisterPage() {
  const { t } = useTranslation();
  const prefs = usePrefs();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [query, setQuery] = useState('');
  const [kind, setKind] = useState<CollateralKind | ''>('');
  const [alert, setAlert] = useState<AlertKind | 'any' | ''>(
    (params.get('alert') as AlertKind | 'any' | null) ?? '',
  );
  const [loanStatus, setLoanStatus] = useState<LoanStatus | ''>('');
  const [count, setCount] = useState<number | null>(null);
  const q = useDebounced(query, 250);
  const filter = {
    query: q.trim(),
    ...(kind ? { kind } : {}),
    ...(alert ? { alert } : {}),
    ...(loanStatus ? { loanStatus } : {}),
  };

  const columns: Column<CollateralRow>[] = [
    { key: 'label', header: t('collateral.item'), cell: (r) => r.label, width: '2fr' },
    {
      key: 'kind',
      header: t('collateral.kind'),
      cell: (r) => t(`collateral.kinds.${r.kind}`),
      width: '90px',
    },
    { key: 'borrower', header: t('loans.borrower'), cell: (r) => r.borrowerName, width: '1fr' },
    {
      key: 'loans',
      header: t('collateral.loans'),
      cell: (r) => r.loans.map((l) => l.number).join(', ') || '—',
      width: '1.2fr',
    },
    {
      key: 'value',
      header: t('collateral.currentValue'),
      cell: (r) => prefs.money(r.currentValue),
      numeric: true,
      // Wide enough for CN¥999,999,999,999.99: an amount is never cut.
      width: 'minmax(160px, 1fr)',
    },
    {
      key: 'valued',
      header: t('collateral.valuedOn'),
      cell: (r) => (r.currentValuationDate ? prefs.date(r.currentValuationDate) : '—'),
      width: '110px',
    },
    {
      key: 'ltv',
      header: t('collateral.ltv'),
      cell: (r) => <LtvBadge basisPoints={r.worstLtvBasisPoints} alert={r.alertKinds.includes('ltv')} />,
      width: '90px',
    },
    {
      key: 'alerts',
      header: t('collateral.alerts'),
      cell: (r) => <AlertKindBadges kinds={r.alertKinds} />,
      width: '1.4fr',
    },
  ];

  return (
    <Page title={t('collateral.registerTitle')}>
      <div className="toolbar" role="search">
        <input
          aria-label={t('collateral.searchLabel')}
          placeholder={t('collateral.searchPlaceholder')}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <select
          aria-label={t('collateral.kind')}
          value={kind}
          onChange={(e) => setKind(e.target.value as CollateralKind | '')}
        >
          <option value="">{t('collateral.allKinds')}</option>
          {COLLATERAL_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`collateral.kinds.${k}`)}
            </option>
          ))}
        </select>
        <select
          aria-label={t('collateral.alerts')}
          value={alert}
          onChange={(e) => setAlert(e.target.value as AlertKind | 'any' | '')}
        >
          <option value="">{t('collateral.anyAlertState')}</option>
          <option value="any">{t('collateral.withAlerts')}</option>
          {ALERT_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`collateral.alertKinds.${k}`)}
            </option>
          ))}
        </select>
        <select
          aria-label={t('loans.status')}
          value={loanStatus}
          onChange={(e) => setLoanStatus(e.target.value as LoanStatus | '')}
        >
          <option value="">{t('collateral.anyLoanStatus')}</option>
          {LOAN_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`common.loanStatus.${s}`)}
            </option>
          ))}
        </select>
        {count !== null && (
          <span className="muted" data-testid="collateral-count">
            {t('collateral.registerCount', { count, formatted: prefs.number(count) })}
          </span>
        )}
      </div>
      <VirtualTable
        label={t('collateral.registerTitle')}
        columns={columns}
        source={{
          key: ['collateral.list', filter],
          fetch: (offset, limit) => call('collateral.list', { ...filter, offset, limit }),
        }}
        rowKey={(r) => r.id}
        onOpen={(r) => navigate(`/collateral/${r.id}`)}
        emptyText={t('collateral.registerEmpty')}
        height={420}
        onTotal={setCount}
      />
      <CollateralAlertsCard limit={REGISTER_ALERTS_SHOWN} onShowAll={() => setAlert('any')} />
    </Page>
  );
}
