import { formatAmount } from '../../../shared/money';
import { AGING_BUCKETS, type AgingBucket } from '../../../shared/engine';
import { ROLL_COLUMNS, type RollColumn } from '../../../shared/reports/monthly';
import type { Locale, MonthlyReport, RiskGrade } from '../../../shared/contract';
import { translator } from '../../../shared/i18n/translator';
import { inReadersOrder } from '../../../shared/reports/name-order';

export interface SectionTable {
  name: string;
  header: string[];
  rows: (string | number)[][];
}

const isAgingBucket = (c: RollColumn): c is AgingBucket => (AGING_BUCKETS as readonly string[]).includes(c);

/**
 * The report as plain tables, one per section, for XLSX (a sheet each) and CSV, with sheet names,
 * headers and row labels in the export's language (the same words as the report screen). Amounts
 * are decimal strings with two places and rates with four, exactly as the CLI prints them.
 */
export function reportSections(report: MonthlyReport, language: Locale = 'en'): SectionTable[] {
  const r = inReadersOrder(report, language);
  const t = translator(language);
  const m = formatAmount;
  const products = ['all', 'mortgage', 'car-title', 'other-secured'] as const;
  const product = (p: (typeof products)[number]) =>
    p === 'all' ? t('reports.fig.all') : t(`common.products.${p}`);
  const column = (c: RollColumn) => (isAgingBucket(c) ? t(`common.buckets.${c}`) : t(`reports.roll.${c}`));
  const countAndPrincipal = (name: string) => [
    t('reports.export.loansIn', { column: name }),
    t('reports.export.principalIn', { column: name }),
  ];
  const par = (days: 1 | 30 | 60 | 90) => t('reports.export.par', { days });
  const figureValue = [t('reports.export.figure'), t('reports.export.value')];
  return [
    {
      name: t('reports.export.sheets.summary'),
      header: figureValue,
      rows: [
        [t('reports.export.month'), r.month],
        [t('reports.fig.loansInBook'), r.summary.loansInBook],
        [t('reports.fig.outstanding'), m(r.summary.outstanding)],
        [t('reports.fig.overdueLoans'), r.summary.overdueLoans],
        [t('reports.fig.overdueAmount'), m(r.summary.overdueAmount)],
        [par(1), r.summary.par.par1],
        [par(30), r.summary.par.par30],
        [par(60), r.summary.par.par60],
        [par(90), r.summary.par.par90],
        [t('reports.export.lateEntries'), r.lateEntries],
      ],
    },
    {
      name: t('reports.export.sheets.collections'),
      header: [
        t('reports.fig.penalty'),
        t('reports.fig.interest'),
        t('reports.fig.principal'),
        t('reports.fig.fees'),
        t('reports.fig.total'),
        t('reports.fig.payments'),
        t('reports.export.recoveriesCount'),
        t('reports.export.recoveriesAmount'),
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
      name: t('reports.export.sheets.recovery'),
      header: figureValue,
      rows: [
        [t('reports.fig.overdueAtStart'), m(r.recovery.overdueAtStart)],
        [t('reports.fig.recovered'), m(r.recovery.recoveredFromStartOverdue)],
        [t('reports.fig.recoveryRate'), r.recovery.recoveryRate],
        [t('reports.fig.overdueLoansAtStart'), r.recovery.overdueLoansAtStart],
        [t('reports.fig.curedLoans'), r.recovery.curedLoans],
        [t('reports.fig.cureRate'), r.recovery.cureRate],
        [t('reports.fig.newDelinquencies'), r.recovery.newDelinquencies],
      ],
    },
    {
      name: t('reports.export.sheets.roll'),
      header: [t('reports.fig.from'), ...ROLL_COLUMNS.flatMap((c) => countAndPrincipal(column(c)))],
      rows: r.rollRate.map((row) => [
        t(`common.buckets.${row.from}`),
        ...ROLL_COLUMNS.flatMap((c) => [row.to[c].count, m(row.to[c].outstanding)]),
      ]),
    },
    {
      name: t('reports.export.sheets.aging'),
      header: [
        t('reports.fig.product'),
        ...AGING_BUCKETS.flatMap((b) => countAndPrincipal(t(`common.buckets.${b}`))),
        t('reports.fig.outstanding'),
        par(1),
        par(30),
        par(60),
        par(90),
      ],
      rows: products.map((p) => {
        const a = r.aging[p];
        return [
          product(p),
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
      name: t('reports.export.sheets.top'),
      header: [
        t('reports.fig.loan'),
        t('reports.fig.borrower'),
        t('reports.fig.idNumber'),
        t('reports.fig.dpd'),
        t('reports.export.bucket'),
        t('reports.fig.outstanding'),
        t('reports.fig.exposure'),
      ],
      rows: r.topOverdue.map((o) => [
        o.loanNumber,
        o.borrower,
        o.borrowerIdMasked,
        o.daysPastDue,
        t(`common.buckets.${o.bucket}`),
        m(o.outstanding),
        m(o.exposure),
      ]),
    },
    {
      name: t('reports.export.sheets.concentration'),
      header: [
        t('reports.fig.borrower'),
        t('reports.fig.idNumber'),
        t('reports.fig.outstanding'),
        t('reports.fig.share'),
      ],
      rows: [
        ...r.concentration.top.map((c) => [c.borrower, c.borrowerIdMasked, m(c.outstanding), c.share]),
        [t('reports.fig.topShare'), '', '', r.concentration.topShare],
      ],
    },
    ...classificationTables(r, language),
    ...activityTables(r, language),
  ];
}

/** Classification and provisions: one sheet of grades, ratios and movement; one of migration. */
function classificationTables(r: MonthlyReport, language: Locale): SectionTable[] {
  const t = translator(language);
  const c = r.classification;
  const m = formatAmount;
  const word = (g: string) =>
    g === 'new' || g === 'closed' || g === 'written-off'
      ? t(`reports.risk.moves.${g}`)
      : t(`loans.risk.grades.${g as RiskGrade}`);
  return [
    {
      name: t('reports.risk.export.sheet'),
      header: [
        t('reports.risk.grade'),
        t('reports.risk.loans'),
        t('reports.risk.outstanding'),
        t('reports.risk.provision'),
      ],
      rows: [
        ...c.grades.map((g) => [word(g.grade), g.loans, m(g.outstanding), m(g.provision)]),
        [t('reports.fig.all'), c.loans, m(c.outstanding), m(c.provision)],
        ...c.products.map((p) => [
          t(`common.products.${p.product}`),
          p.loans,
          m(p.outstanding),
          m(p.provision),
        ]),
        [t('reports.risk.nonPerforming'), '', m(c.nonPerforming), ''],
        [t('reports.risk.nplRatio'), c.nplRatio ?? '', '', ''],
        [t('reports.risk.coverage'), c.coverage ?? '', '', ''],
        [t('reports.risk.opening'), '', '', m(c.movement.opening)],
        [t('reports.risk.charge'), '', '', m(c.movement.charge)],
        [t('reports.risk.release'), '', '', m(c.movement.release)],
        [t('reports.risk.used'), '', '', m(c.movement.usedByWriteOffs)],
        [t('reports.risk.closing'), '', '', m(c.movement.closing)],
      ],
    },
    {
      name: t('reports.risk.export.migrationSheet'),
      header: [
        t('reports.risk.export.from'),
        t('reports.risk.export.to'),
        t('reports.risk.loans'),
        t('reports.risk.outstanding'),
      ],
      rows: c.migration.map((cell) => [word(cell.from), word(cell.to), cell.loans, m(cell.outstanding)]),
    },
  ];
}

function activityTables(r: MonthlyReport, language: Locale): SectionTable[] {
  const t = translator(language);
  const a = r.activity;
  const m = formatAmount;
  const pairs = (name: string, rows: [string, string | number][]): SectionTable => ({
    name,
    header: [t('reports.export.figure'), t('reports.export.value')],
    rows,
  });
  return [
    pairs(t('reports.export.sheets.collateral'), [
      [t('reports.act.overdueExposure'), m(a.collateral.overdueExposure)],
      [t('reports.act.overdueCollateral'), m(a.collateral.overdueCollateralValue)],
      [t('reports.act.coverage'), a.collateral.coverage],
      [t('reports.act.ltvBreaches'), a.collateral.ltvBreaches],
      [t('reports.act.possessed'), a.collateral.possessed],
      [t('reports.act.sold'), a.collateral.sold],
      [t('reports.act.gross'), m(a.collateral.grossProceeds)],
      [t('reports.act.sellingCosts'), m(a.collateral.sellingCosts)],
      [t('reports.act.applied'), m(a.collateral.proceedsApplied)],
    ]),
    pairs(t('reports.export.sheets.promises'), [
      [t('reports.act.made'), a.promises.made],
      [t('reports.act.madeAmount'), m(a.promises.madeAmount)],
      [t('reports.act.due'), a.promises.due],
      [t('reports.act.kept'), a.promises.kept],
      [t('reports.act.broken'), a.promises.broken],
      [t('reports.act.pending'), a.promises.pending],
    ]),
    pairs(t('reports.export.sheets.plans'), [
      [t('reports.act.approved'), a.plans.approved],
      [t('reports.act.rejected'), a.plans.rejected],
      [t('reports.act.active'), a.plans.active],
      [t('reports.act.broken'), a.plans.broken],
      [t('reports.act.completed'), a.plans.completed],
      [t('reports.act.penaltyWaived'), m(a.plans.penaltyWaived)],
    ]),
    pairs(t('reports.export.sheets.legal'), [
      [t('reports.act.opened'), a.legal.opened],
      [t('reports.act.closed'), a.legal.closed],
      [t('reports.act.open'), a.legal.open],
      [t('reports.act.costs'), m(a.legal.costs)],
      [t('reports.export.chargedToLoans'), m(a.legal.chargedToLoans)],
    ]),
    pairs(t('reports.export.sheets.contactGuards'), [
      [t('reports.act.overrides'), a.contactGuards.overrides],
    ]),
    {
      name: t('reports.export.sheets.collectors'),
      header: [
        t('reports.act.collector'),
        t('reports.act.contacts'),
        t('reports.export.promisesDue'),
        t('reports.act.kept'),
        t('reports.act.broken'),
      ],
      rows: a.collectors.map((c) => [c.collector, c.contacts, c.promisesDue, c.kept, c.broken]),
    },
  ];
}
