/**
 * One loan through the books on the accrual basis: accrued each month, paid once, past 90 days
 * (non-accrual), written off, then money recovered. Every entry is checked against figures
 * worked by hand from the schedule, and every month's ties hold.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LEDGER } from '../../../shared/ledger/chart';
import type { JournalEntry } from '../../../shared/ledger/journal';
import { CHEN_OWNER, ZHANG_MANAGER } from '../../support/grades';
import { openTestAppWithClock, WANG_FANG, type TestApp } from '../../support/test-app';

let today = '2026-01-10';
let app: TestApp;
let loanId: number;

const ledger = (month: string) => app.call('ledger.month', { month, limit: 1000, offset: 0 });
const entriesOf = async (month: string, kind?: JournalEntry['kind']) =>
  (await ledger(month)).entries.filter((e) => e.loanId === loanId && (!kind || e.kind === kind));
const lines = (e: JournalEntry | undefined) => e?.lines.map((l) => [l.account, l.debit, l.credit]);

beforeAll(async () => {
  app = await openTestAppWithClock({ today: () => today, now: () => `${today}T09:00:00.000Z` });
  // Accrual from this month on; the loan is made after.
  await app.call('settings.update', { ledger: { ...DEFAULT_LEDGER, basis: 'accrual' } });
  const borrower = await app.call('borrowers.create', WANG_FANG);
  today = '2026-01-15';
  // 12,000.00 at 12% a year, equal principal over 12 months: 1,000.00 of principal a month and
  // 1% a month of what is still owed (120.00, then 110.00, …).
  loanId = (
    await app.call('loans.create', {
      borrowerId: borrower.id,
      product: 'car-title',
      terms: {
        method: 'equal-principal',
        principal: 1_200_000,
        annualRatePercent: '12',
        months: 12,
        startDate: '2026-01-15',
      },
    })
  ).id;
  today = '2026-02-15';
  await app.call('payments.record', { loanId, date: '2026-02-15', amount: 112_000, method: 'cash' });
  // Nothing more is paid: installment 2 (due 15 March) is 107 days late on 30 June.
  today = '2026-07-20';
  app.session.signIn(ZHANG_MANAGER);
  const requested = await app.call('writeOffs.request', { loanId, reason: 'borrower absconded' });
  app.session.signIn(CHEN_OWNER);
  await app.call('writeOffs.decide', { writeOffId: requested.id, decision: 'approve', note: '' });
  today = '2026-08-10';
  await app.call('recoveries.record', { loanId, date: '2026-08-10', amount: 50_000, method: 'cash' });
  today = '2026-09-05';
}, 60_000);
afterAll(async () => app.dispose());

describe('a loan on the accrual basis', () => {
  it('is lent, and accrues 16 of its first period’s 31 days in January', async () => {
    const jan = await entriesOf('2026-01');
    expect(jan.map((e) => e.kind)).toEqual(['disbursement', 'accrual']);
    expect(lines(jan[0])).toEqual([
      ['loans', 1_200_000, 0],
      ['bank', 0, 1_200_000],
    ]);
    // 12,000 × 16 / 31 = 6,193.55 → 6,194.
    expect(lines(jan[1])).toEqual([
      ['interestReceivable', 6_194, 0],
      ['interestIncome', 0, 6_194],
    ]);
  });

  it('pays the receivable in February, and accrues the rest of the month', async () => {
    const feb = await entriesOf('2026-02');
    expect(lines(feb.find((e) => e.kind === 'payment'))).toEqual([
      ['bank', 112_000, 0],
      ['loans', 0, 100_000],
      ['interestReceivable', 0, 12_000],
    ]);
    // Earned in February: the first period's last 15 days (12,000 − 6,194 = 5,806) and 13 of the
    // second period's 28 days on 1,100,000 (11,000 × 13 / 28 = 5,107.14 → 5,107): 10,913.
    expect(lines(feb.find((e) => e.kind === 'accrual'))).toEqual([
      ['interestReceivable', 10_913, 0],
      ['interestIncome', 0, 10_913],
    ]);
  });

  it('stops accruing past 90 days and reverses what it accrued and was never paid', async () => {
    const may = await ledger('2026-05');
    const receivableAtMayEnd = may.trialBalance.find((r) => r.account === 'interestReceivable')!.closing;
    // Installments 2–4 due and unpaid (11,000 + 10,000 + 9,000), and 16 of the 31 days of
    // installment 5's period (8,000 × 16 / 31 = 4,129.03 → 4,129): 34,129.
    expect(receivableAtMayEnd).toBe(34_129);
    const june = await entriesOf('2026-06');
    expect(june.map((e) => e.kind)).toEqual(['nonAccrual']);
    expect(lines(june[0])).toEqual([
      ['interestReceivable', 0, 34_129],
      ['interestIncome', 34_129, 0],
    ]);
  });

  it('is written off whole against the provision, which the month end tops up again', async () => {
    const july = await ledger('2026-07');
    const off = july.entries.find((e) => e.loanId === loanId && e.kind === 'writeOff')!;
    expect(off.date).toBe('2026-07-20');
    expect(lines(off)).toEqual([
      ['provision', 1_100_000, 0],
      ['loans', 0, 1_100_000],
    ]);
    // June's required provision: substandard (107 days) at 25% of 1,100,000 = 275,000. After the
    // write-off used 1,100,000 the account is 825,000 short of July's requirement (nothing).
    const june = await ledger('2026-06');
    expect(-june.trialBalance.find((r) => r.account === 'provision')!.closing).toBe(275_000);
    expect(lines(july.entries.find((e) => e.kind === 'provision'))).toEqual([
      ['impairmentLoss', 825_000, 0],
      ['provision', 0, 825_000],
    ]);
  });

  it('takes a recovery back into the provision, and releases it at the month end', async () => {
    const aug = await ledger('2026-08');
    expect(lines(aug.entries.find((e) => e.kind === 'recovery'))).toEqual([
      ['bank', 50_000, 0],
      ['provision', 0, 50_000],
    ]);
    expect(lines(aug.entries.find((e) => e.kind === 'provision'))).toEqual([
      ['impairmentLoss', 0, 50_000],
      ['provision', 50_000, 0],
    ]);
    const closing = Object.fromEntries(aug.trialBalance.map((r) => [r.account, r.closing]));
    expect(closing).toMatchObject({ loans: 0, interestReceivable: 0, provision: 0 });
    // Cash: −1,200,000 lent, +112,000 paid, +50,000 recovered.
    expect(closing.bank).toBe(-1_038_000);
  });

  it('ties every month, January to August', async () => {
    for (const month of [
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
      '2026-05',
      '2026-06',
      '2026-07',
      '2026-08',
    ]) {
      const m = await ledger(month);
      expect({ month, ties: m.ties.filter((t) => t.difference !== 0) }).toEqual({ month, ties: [] });
    }
  });

  it('refuses the journal of a month still running', async () => {
    const refused = await app.attempt('ledger.month', { month: '2026-09' });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', reason: 'ledger.monthNotEnded' },
    });
  });
});
