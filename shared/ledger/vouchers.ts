/**
 * The journal as vouchers (记账凭证) in the layout accounting packages import: one row per voucher
 * line — date, voucher word, voucher number, summary, account code and name, debit, credit. The
 * presets name the columns as the Kingdee and Yonyou import templates do; 'custom' takes any
 * headers and order the accountant's package wants.
 */
import type { IsoDate } from '../dates/civil';
import type { Minor } from '../money/amount';
import { ACCOUNT_ROLES, type Chart, type VoucherGrouping } from './chart';
import { ENTRY_KINDS, type EntryKind, type JournalEntry } from './journal';

export const VOUCHER_FIELDS = [
  'date',
  'word',
  'number',
  'summary',
  'accountCode',
  'accountName',
  'debit',
  'credit',
  'loan',
] as const;
export type VoucherField = (typeof VOUCHER_FIELDS)[number];

export const VOUCHER_PRESETS = ['kingdee', 'yonyou', 'custom'] as const;
export type VoucherPreset = (typeof VOUCHER_PRESETS)[number];

export interface VoucherColumn {
  field: VoucherField;
  header: string;
}

/** The import templates' own column names: fixed Chinese, whatever the screen's language. */
export const PRESET_COLUMNS: Record<Exclude<VoucherPreset, 'custom'>, VoucherColumn[]> = {
  kingdee: [
    { field: 'date', header: '日期' },
    { field: 'word', header: '凭证字' },
    { field: 'number', header: '凭证号' },
    { field: 'summary', header: '摘要' },
    { field: 'accountCode', header: '科目代码' },
    { field: 'accountName', header: '科目名称' },
    { field: 'debit', header: '借方金额' },
    { field: 'credit', header: '贷方金额' },
  ],
  yonyou: [
    { field: 'date', header: '制单日期' },
    { field: 'word', header: '凭证类别' },
    { field: 'number', header: '凭证号' },
    { field: 'summary', header: '摘要' },
    { field: 'accountCode', header: '科目编码' },
    { field: 'accountName', header: '科目名称' },
    { field: 'debit', header: '借方' },
    { field: 'credit', header: '贷方' },
  ],
};

export interface VoucherLine {
  date: IsoDate;
  word: string;
  number: number;
  summary: string;
  accountCode: string;
  accountName: string;
  debit: Minor;
  credit: Minor;
  loan: string;
}

/** How a voucher's summary (摘要) is worded: by kind, for one entry or for a day's entries. */
export type Summarize = (kind: EntryKind, entries: readonly JournalEntry[]) => string;

const kindOrder = (k: EntryKind) => ENTRY_KINDS.indexOf(k);
const accountOrder = (a: string) => ACCOUNT_ROLES.indexOf(a as (typeof ACCOUNT_ROLES)[number]);

/**
 * The month's vouchers, numbered from 1 in date order. Grouped by day and kind, a voucher adds
 * its entries' lines up per account and side (debits first), so a day of 3,000 payments is one
 * voucher of a few lines; per transaction, each entry is its own voucher.
 */
export function voucherLines(
  entries: readonly JournalEntry[],
  chart: Chart,
  grouping: VoucherGrouping,
  word: string,
  summarize: Summarize,
): VoucherLine[] {
  const groups = new Map<string, JournalEntry[]>();
  const ordered = [...entries].sort((a, b) =>
    a.date < b.date ? -1 : a.date > b.date ? 1 : kindOrder(a.kind) - kindOrder(b.kind),
  );
  for (const e of ordered) {
    const key = grouping === 'transaction' ? `${e.date}|${e.key}` : `${e.date}|${e.kind}`;
    const group = groups.get(key);
    if (group) group.push(e);
    else groups.set(key, [e]);
  }
  const out: VoucherLine[] = [];
  let number = 0;
  for (const group of groups.values()) {
    number += 1;
    const first = group[0]!;
    const sums = new Map<string, { account: string; debit: Minor; credit: Minor }>();
    for (const e of group) {
      for (const l of e.lines) {
        const side = l.debit !== 0 ? 'd' : 'c';
        const key = `${side}|${l.account}`;
        const sum = sums.get(key) ?? { account: l.account, debit: 0, credit: 0 };
        sum.debit += l.debit;
        sum.credit += l.credit;
        sums.set(key, sum);
      }
    }
    const lines = [...sums.entries()]
      .sort(([a], [b]) =>
        a[0] === b[0] ? accountOrder(a.slice(2)) - accountOrder(b.slice(2)) : a[0] === 'd' ? -1 : 1,
      )
      .map(([, s]) => s);
    const summary = summarize(first.kind, group);
    const loan = grouping === 'transaction' ? (first.loanNumber ?? '') : '';
    for (const s of lines) {
      const account = chart[s.account as keyof Chart];
      out.push({
        date: first.date,
        word,
        number,
        summary,
        accountCode: account.code,
        accountName: account.name,
        debit: s.debit,
        credit: s.credit,
        loan,
      });
    }
  }
  return out;
}
