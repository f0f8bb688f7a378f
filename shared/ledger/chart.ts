/**
 * The chart of accounts the journal posts to. The app posts by role (what the money is); the
 * lender's accountant decides which of their accounts each role is, so the codes and names are a
 * setting. The defaults follow Chinese small-loan-company practice (小额贷款公司会计科目).
 */
export const ACCOUNT_ROLES = [
  'bank',
  'loans',
  'foreclosed',
  'interestReceivable',
  'otherReceivables',
  'provision',
  'otherPayables',
  'retainedEarnings',
  'interestIncome',
  'penaltyIncome',
  'feeIncome',
  'impairmentLoss',
  'adminExpense',
] as const;
export type AccountRole = (typeof ACCOUNT_ROLES)[number];

/** Income and expense accounts: each month's trial balance opens them at zero. */
export const PROFIT_AND_LOSS: readonly AccountRole[] = [
  'interestIncome',
  'penaltyIncome',
  'feeIncome',
  'impairmentLoss',
  'adminExpense',
];

export interface Account {
  code: string;
  /** The name the accountant's books use (Chinese by default); vouchers carry this one. */
  name: string;
  /** The English name, for an English-speaking user's screens. */
  nameEn: string;
}

export type Chart = Record<AccountRole, Account>;

export const DEFAULT_CHART: Chart = {
  bank: { code: '1002', name: '银行存款', nameEn: 'Bank deposits' },
  loans: { code: '1303', name: '贷款', nameEn: 'Loans receivable' },
  foreclosed: { code: '1441', name: '抵债资产', nameEn: 'Repossessed collateral' },
  interestReceivable: { code: '1132', name: '应收利息', nameEn: 'Interest receivable' },
  otherReceivables: { code: '1221', name: '其他应收款', nameEn: 'Other receivables' },
  provision: { code: '1304', name: '贷款损失准备', nameEn: 'Loan loss provision' },
  otherPayables: { code: '2241', name: '其他应付款', nameEn: 'Other payables' },
  retainedEarnings: { code: '4104', name: '利润分配', nameEn: 'Retained earnings' },
  interestIncome: { code: '6011', name: '利息收入', nameEn: 'Interest income' },
  penaltyIncome: { code: '6051', name: '其他业务收入', nameEn: 'Other operating income' },
  feeIncome: { code: '6021', name: '手续费及佣金收入', nameEn: 'Fee and commission income' },
  impairmentLoss: { code: '6701', name: '资产减值损失', nameEn: 'Impairment losses' },
  adminExpense: { code: '6602', name: '管理费用', nameEn: 'Administrative expenses' },
};

export const ACCOUNTING_BASES = ['cash', 'accrual'] as const;
export type AccountingBasis = (typeof ACCOUNTING_BASES)[number];

/** How the export groups entries into vouchers (凭证): one per day and kind, or one per entry. */
export const VOUCHER_GROUPINGS = ['day-kind', 'transaction'] as const;
export type VoucherGrouping = (typeof VOUCHER_GROUPINGS)[number];

export interface LedgerSettings {
  basis: AccountingBasis;
  vouchers: VoucherGrouping;
  /** The voucher word (凭证字) the export writes: 记 by default. */
  voucherWord: string;
  chart: Chart;
}

export const DEFAULT_LEDGER: LedgerSettings = {
  basis: 'cash',
  vouchers: 'day-kind',
  voucherWord: '记',
  chart: DEFAULT_CHART,
};

export interface ChartProblem {
  code: string;
  role: AccountRole;
  params: Record<string, string>;
}

/** Account codes as accounting packages take them: digits, optionally in dotted levels. */
const CODE = /^[0-9]{1,12}(\.[0-9]{1,6}){0,4}$/;

/**
 * What is wrong with a chart a person typed, first problem per account: a code the accountant's
 * package could not take, a name left empty, or a code given to two accounts (their balances
 * would merge, and no tie could be checked).
 */
export function checkChart(chart: Chart): ChartProblem[] {
  const problems: ChartProblem[] = [];
  const seen = new Map<string, AccountRole>();
  for (const role of ACCOUNT_ROLES) {
    const { code, name, nameEn } = chart[role];
    if (!CODE.test(code)) {
      problems.push({ code: 'ledger.accountCode', role, params: { code } });
    } else if (seen.has(code)) {
      problems.push({ code: 'ledger.codeUsedTwice', role, params: { code, first: seen.get(code)! } });
    } else if (name.trim() === '' || nameEn.trim() === '') {
      problems.push({ code: 'ledger.accountName', role, params: { code } });
    }
    seen.set(code, seen.get(code) ?? role);
  }
  return problems;
}

/**
 * A code that meant another account in a month already closed: the accountant's books would read
 * two different things under one code. A new or recoded account is fine; it applies from the
 * open month on.
 */
export function codeReusedAcrossMonths(
  closedCharts: readonly { month: string; chart: Chart }[],
  next: Chart,
): ChartProblem | null {
  for (const role of ACCOUNT_ROLES) {
    const code = next[role].code;
    for (const { month, chart } of closedCharts) {
      const other = ACCOUNT_ROLES.find((r) => r !== role && chart[r].code === code);
      if (other) return { code: 'ledger.codeMeantOther', role, params: { code, month, other } };
    }
  }
  return null;
}
