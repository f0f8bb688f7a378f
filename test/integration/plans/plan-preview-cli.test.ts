import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/main';
import type { CliIo } from '../../../electron/cli/command';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** The worked loan of the unit tests: 1,200.00, 12%, equal principal, installment 2 unpaid. */
const loanFile = (plan: unknown) => ({
  method: 'equal-principal',
  principal: '1200.00',
  annualRatePercent: '12',
  months: 12,
  startDate: '2026-01-15',
  penaltyDailyRatePercent: '0.1',
  payments: [{ date: '2026-02-15', amount: '112.00' }],
  plan,
});

async function preview(plan: unknown, asOf = '2026-04-15') {
  const dir = mkdtempSync(join(tmpdir(), 'pledgebook-plan-'));
  dirs.push(dir);
  const file = join(dir, 'loan.json');
  writeFileSync(file, JSON.stringify(loanFile(plan)));
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (t) => out.push(t), err: (t) => err.push(t), env: {} };
  const code = await runCli(['plan-preview', file, '--as-of', asOf], io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('plan-preview', () => {
  it('prints the extension schedule and comparison with two-decimal amounts', async () => {
    const { code, out, err } = await preview({ type: 'extension', months: 2 });
    expect(err).toBe('');
    expect(code).toBe(0);
    const result = JSON.parse(out) as {
      schedule: unknown[];
      comparison: Record<string, unknown>;
    };
    // 1,100.00 over 2 months with the loan's own method (equal principal): 550.00 each,
    // interest 11.00 then 5.50; the first due one month after the as-of date.
    expect(result.schedule).toEqual([
      { n: 1, dueDate: '2026-05-15', principal: '550.00', interest: '11.00', total: '561.00' },
      { n: 2, dueDate: '2026-06-15', principal: '550.00', interest: '5.50', total: '555.50' },
    ]);
    // 'keep' is the default: 11.00 overdue interest + 3.44 penalty stay due now.
    expect(result.comparison).toMatchObject({
      type: 'extension',
      dueNow: '14.44',
      totalToPay: '1130.94',
      endDate: '2026-06-15',
      installmentAmount: '561.00',
    });
  });

  it('spreads arrears instead of the regular installments with "regular": "suspend"', async () => {
    const { code, out, err } = await preview({
      type: 'arrears-installments',
      months: 3,
      waivePenaltyPercent: '50',
      regular: 'suspend',
    });
    expect(err).toBe('');
    expect(code).toBe(0);
    const result = JSON.parse(out) as { schedule: { dueDate: string; total: string }[] };
    // Installment 3 (due today) stays; 05–07 carry only the arrears (100.00 + 12.72 over 3);
    // installments 4–12 resume on 08-15, the last with 3 × 9.00 suspension interest added.
    expect(result.schedule.slice(0, 5).map((i) => [i.dueDate, i.total])).toEqual([
      ['2026-04-15', '110.00'],
      ['2026-05-15', '37.57'],
      ['2026-06-15', '37.57'],
      ['2026-07-15', '37.58'],
      ['2026-08-15', '109.00'],
    ]);
    expect(result.schedule.at(-1)).toMatchObject({ dueDate: '2027-04-15', total: '128.00' });
  });

  it('refuses an unknown "regular" option, naming the field', async () => {
    const { code, err } = await preview({ type: 'arrears-installments', months: 3, regular: 'skip' });
    expect(code).toBe(2);
    expect(err).toMatch(/^plan-preview: plan\.regular: /);
  });

  it('refuses a zero term, naming the field, and prints nothing', async () => {
    const { code, out, err } = await preview({ type: 'extension', months: 0 });
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(/^plan-preview: plan\.months: must be at least 1/);
  });

  it('refuses a settlement above the payoff', async () => {
    const { code, err } = await preview({ type: 'settlement', amount: '1124.45', payBy: '2026-05-15' });
    expect(code).toBe(2);
    expect(err).toBe('plan-preview: plan.amount: 1124.45 is more than the payoff of 1124.44 on 2026-04-15');
  });

  it('refuses a penalty waiver above 100%', async () => {
    const { code, err } = await preview({
      type: 'arrears-installments',
      months: 3,
      waivePenaltyPercent: '120',
    });
    expect(code).toBe(2);
    expect(err).toContain('plan.waivePenaltyPercent');
  });

  it('requires the plan object', async () => {
    const { code, err } = await preview(undefined);
    expect(code).toBe(2);
    expect(err).toBe('plan-preview: plan: is required');
  });
});
