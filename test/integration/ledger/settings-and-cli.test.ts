/**
 * The chart of accounts and basis as settings (refusals, and changes that never reach a closed
 * month), and `ledger --month --json`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CHART, DEFAULT_LEDGER, type LedgerSettings } from '../../../shared/ledger/chart';
import { cliRun } from '../../support/cli-run';
import { openTestApp, WANG_FANG, type TestApp } from '../../support/test-app';

const TODAY = '2026-06-15';

async function givenAPaidLoan(app: TestApp) {
  const borrower = await app.call('borrowers.create', WANG_FANG);
  const loan = await app.call('loans.create', {
    borrowerId: borrower.id,
    product: 'mortgage',
    terms: {
      method: 'equal-principal',
      principal: 1_200_000,
      annualRatePercent: '12',
      months: 12,
      startDate: '2026-03-10',
    },
  });
  await app.call('payments.record', { loanId: loan.id, date: '2026-04-10', amount: 112_000, method: 'cash' });
  return loan.id;
}

const recoded = (patch: Partial<Record<keyof LedgerSettings['chart'], string>>): LedgerSettings => ({
  ...DEFAULT_LEDGER,
  chart: Object.fromEntries(
    Object.entries(DEFAULT_CHART).map(([role, a]) => [
      role,
      { ...a, code: patch[role as keyof typeof patch] ?? a.code },
    ]),
  ) as LedgerSettings['chart'],
});

describe('the ledger settings', () => {
  let app: TestApp;
  beforeEach(async () => {
    app = await openTestApp(TODAY);
    await givenAPaidLoan(app);
  });
  afterEach(async () => app.dispose());

  it('refuse a code used twice, naming both accounts, and write nothing', async () => {
    const refused = await app.attempt('settings.update', { ledger: recoded({ feeIncome: '1303' }) });
    expect(refused).toMatchObject({
      ok: false,
      error: {
        reason: 'ledger.codeUsedTwice',
        params: { code: '1303', first: 'loans', account: 'feeIncome' },
      },
    });
    expect((await app.call('settings.get', {})).ledger).toEqual(DEFAULT_LEDGER);
  });

  it('refuse a code that meant another account in a closed month', async () => {
    // April is closed and has entries: 6011 was interest income then.
    const refused = await app.attempt('settings.update', {
      ledger: recoded({ interestIncome: '6011.01', penaltyIncome: '6011' }),
    });
    expect(refused).toMatchObject({
      ok: false,
      error: {
        reason: 'ledger.codeMeantOther',
        params: { code: '6011', other: 'interestIncome', account: 'penaltyIncome' },
      },
    });
  });

  it('apply a new chart and basis from this month on: a closed month keeps its own', async () => {
    const april = await app.call('ledger.month', { month: '2026-04', offset: 0, limit: 100 });
    await app.call('settings.update', {
      ledger: { ...recoded({ interestIncome: '6011.01' }), basis: 'accrual' },
    });
    const again = await app.call('ledger.month', { month: '2026-04', offset: 0, limit: 100 });
    expect(again.basis).toBe('cash');
    expect(again.chart.interestIncome.code).toBe('6011');
    expect(again.entries).toEqual(april.entries);
    const file = await app.call('ledger.export', {
      month: '2026-04',
      format: 'csv',
      preset: 'yonyou',
      language: 'zh-CN',
    });
    const csv = Buffer.from(file.base64, 'base64').toString('utf8');
    expect(csv).toContain('6011,利息收入');
    expect(csv).not.toContain('6011.01');
    expect(csv.split('\r\n')[0]).toBe('\uFEFF制单日期,凭证类别,凭证号,摘要,科目编码,科目名称,借方,贷方');
  });
});

describe('ledger --month --json', () => {
  let dir: string;
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints the entries, the trial balance and the ties of a seeded month', async () => {
    dir = mkdtempSync(join(tmpdir(), 'pledgebook-ledger-'));
    const db = join(dir, 'book.db');
    const seeded = await cliRun([
      'seed',
      '--loans',
      '200',
      '--seed',
      '3',
      '--db',
      db,
      '--as-of',
      '2026-06-20',
    ]);
    expect(seeded.code, seeded.stderr).toBe(0);
    const run = await cliRun(['ledger', '--month', '2026-05', '--as-of', '2026-06-20', '--db', db, '--json']);
    expect(run.code, run.stderr).toBe(0);
    const ledger = JSON.parse(run.stdout) as {
      month: string;
      entries: { lines: { code: string; debit: number; credit: number }[] }[];
      trialBalance: { code: string; closing: number }[];
      ties: { name: string; difference: number }[];
    };
    expect(ledger.month).toBe('2026-05');
    expect(ledger.entries.length).toBeGreaterThan(100);
    for (const e of ledger.entries) {
      expect(e.lines.reduce((s, l) => s + l.debit - l.credit, 0)).toBe(0);
    }
    expect(ledger.trialBalance.map((r) => r.code)).toContain('1303');
    expect(ledger.trialBalance.reduce((s, r) => s + r.closing, 0)).toBe(0);
    expect(ledger.ties.map((t) => [t.name, t.difference])).toEqual([
      ['balanced', 0],
      ['loans', 0],
      ['foreclosed', 0],
      ['provision', 0],
      ['interestIncome', 0],
    ]);

    const usage = await cliRun(['ledger', '--month', 'May', '--db', db]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('--month must be YYYY-MM');
  }, 120_000);
});
