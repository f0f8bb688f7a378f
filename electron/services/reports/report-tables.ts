import { formatAmount } from '../../../shared/money';
import { AGING_BUCKETS } from '../../../shared/engine';
import { ROLL_COLUMNS } from '../../../shared/reports/monthly';
import type { MonthlyReport } from '../../../shared/contract';

export interface SectionTable {
  name: string;
  header: string[];
  rows: (string | number)[][];
}

/**
 * The report as plain tables, one per section, for XLSX (a sheet each) and CSV. Amounts are
 * decimal strings with two places and rates with four, exactly as the CLI prints them.
 */
export function reportSections(r: MonthlyReport): SectionTable[] {
  const m = formatAmount;
  const products = ['all', 'mortgage', 'car-title', 'other-secured'] as const;
  return [
    {
      name: 'Summary',
      header: ['figure', 'value'],
      rows: [
        ['month', r.month],
        ['loansInBook', r.summary.loansInBook],
        ['outstanding', m(r.summary.outstanding)],
        ['overdueLoans', r.summary.overdueLoans],
        ['overdueAmount', m(r.summary.overdueAmount)],
        ['par1', r.summary.par.par1],
        ['par30', r.summary.par.par30],
        ['par60', r.summary.par.par60],
        ['par90', r.summary.par.par90],
        ['lateEntries', r.lateEntries],
      ],
    },
    {
      name: 'Collections',
      header: [
        'penalty',
        'interest',
        'principal',
        'fees',
        'total',
        'payments',
        'recoveriesAfterWriteOff count',
        'recoveriesAfterWriteOff amount',
      ],
      rows: [
        [
          m(r.collections.penalty),
          m(r.collections.interest),
          m(r.collections.principal),
          m(r.collections.fees),
          m(r.collections.total),
          r.collections.payments,
          r.collections.recoveriesAfterWriteOff.count,
          m(r.collections.recoveriesAfterWriteOff.amount),
        ],
      ],
    },
    {
      name: 'Recovery',
      header: ['figure', 'value'],
      rows: [
        ['overdueAtStart', m(r.recovery.overdueAtStart)],
        ['recoveredFromStartOverdue', m(r.recovery.recoveredFromStartOverdue)],
        ['recoveryRate', r.recovery.recoveryRate],
        ['overdueLoansAtStart', r.recovery.overdueLoansAtStart],
        ['curedLoans', r.recovery.curedLoans],
        ['cureRate', r.recovery.cureRate],
        ['newDelinquencies', r.recovery.newDelinquencies],
      ],
    },
    {
      name: 'Roll rate',
      header: ['from', ...ROLL_COLUMNS.flatMap((c) => [`${c} count`, `${c} principal`])],
      rows: r.rollRate.map((row) => [
        row.from,
        ...ROLL_COLUMNS.flatMap((c) => [row.to[c].count, m(row.to[c].outstanding)]),
      ]),
    },
    {
      name: 'Aging',
      header: [
        'product',
        ...AGING_BUCKETS.flatMap((b) => [`${b} count`, `${b} principal`]),
        'outstanding',
        'par1',
        'par30',
        'par60',
        'par90',
      ],
      rows: products.map((p) => {
        const a = r.aging[p];
        return [
          p,
          ...AGING_BUCKETS.flatMap((b) => [a.buckets[b].count, m(a.buckets[b].outstanding)]),
          m(a.outstanding),
          a.par.par1,
          a.par.par30,
          a.par.par60,
          a.par.par90,
        ];
      }),
    },
    {
      name: 'Top overdue',
      header: ['loan', 'borrower', 'idNumber', 'daysPastDue', 'bucket', 'outstanding', 'exposure'],
      rows: r.topOverdue.map((t) => [
        t.loanNumber,
        t.borrower,
        t.borrowerIdMasked,
        t.daysPastDue,
        t.bucket,
        m(t.outstanding),
        m(t.exposure),
      ]),
    },
    {
      name: 'Concentration',
      header: ['borrower', 'idNumber', 'outstanding', 'share'],
      rows: [
        ...r.concentration.top.map((t) => [t.borrower, t.borrowerIdMasked, m(t.outstanding), t.share]),
        ['top 10', '', '', r.concentration.topShare],
      ],
    },
    ...activityTables(r),
  ];
}

function activityTables(r: MonthlyReport): SectionTable[] {
  const a = r.activity;
  const m = formatAmount;
  const pairs = (name: string, rows: [string, string | number][]): SectionTable => ({
    name,
    header: ['figure', 'value'],
    rows,
  });
  return [
    pairs('Collateral', [
      ['overdueExposure', m(a.collateral.overdueExposure)],
      ['overdueCollateralValue', m(a.collateral.overdueCollateralValue)],
      ['coverage', a.collateral.coverage],
      ['ltvBreaches', a.collateral.ltvBreaches],
      ['possessed', a.collateral.possessed],
      ['sold', a.collateral.sold],
      ['grossProceeds', m(a.collateral.grossProceeds)],
      ['sellingCosts', m(a.collateral.sellingCosts)],
      ['proceedsApplied', m(a.collateral.proceedsApplied)],
    ]),
    pairs(
      'Promises',
      Object.entries(a.promises).map(([k, v]) => [k, k === 'madeAmount' ? m(v) : v]),
    ),
    pairs(
      'Plans',
      Object.entries(a.plans).map(([k, v]) => [k, k === 'penaltyWaived' ? m(v) : v]),
    ),
    pairs(
      'Legal',
      Object.entries(a.legal).map(([k, v]) => [k, k === 'costs' || k === 'chargedToLoans' ? m(v) : v]),
    ),
    pairs('Contact guards', [['overrides', a.contactGuards.overrides]]),
    {
      name: 'Collectors',
      header: ['collector', 'contacts', 'promisesDue', 'kept', 'broken'],
      rows: a.collectors.map((c) => [c.collector, c.contacts, c.promisesDue, c.kept, c.broken]),
    },
  ];
}
