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

/** 12,000.00 at 12% over 12 months (annuity) from 2026-01-15, installment 1 paid on time. */
async function prepayPreview(prepay: unknown, extra: object = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'pledgebook-prepay-'));
  dirs.push(dir);
  const file = join(dir, 'loan.json');
  writeFileSync(
    file,
    JSON.stringify({
      method: 'annuity',
      principal: '12000.00',
      annualRatePercent: '12',
      months: 12,
      startDate: '2026-01-15',
      payments: [{ date: '2026-02-15', amount: '1066.19' }],
      prepay,
      ...extra,
    }),
  );
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (t) => out.push(t), err: (t) => err.push(t), env: {} };
  const code = await runCli(['prepay-preview', file, '--as-of', '2026-03-01'], io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('prepay-preview', () => {
  it("prints the new schedule in plan-preview's format", async () => {
    // 2,055.27 on Mar 1: installment 2's 14 days of interest (55.27), then 2,000.00 of principal.
    const { code, out, err } = await prepayPreview({ amount: '2055.27', mode: 'shorten-term' });
    expect([code, err]).toEqual([0, '']);
    const printed = JSON.parse(out) as {
      schedule: { n: number; dueDate: string; principal: string; interest: string; total: string }[];
      prepayment: Record<string, unknown>;
    };
    expect(printed.schedule[1]).toEqual({
      n: 2,
      dueDate: '2026-03-01',
      principal: '2000.00',
      interest: '55.27',
      total: '2055.27',
    });
    expect(printed.prepayment).toMatchObject({
      asOf: '2026-03-01',
      amount: '2055.27',
      mode: 'shorten-term',
      prepaidPrincipal: '2000.00',
      interestToDate: '55.27',
      installmentAmount: '1066.19',
    });
    expect(printed.prepayment['installmentCount']).toBeLessThan(11);
  });

  it('refuses bad input with exit 2 and one line naming the field', async () => {
    const cases: [unknown, object, RegExp][] = [
      [undefined, {}, /^prepay-preview: prepay: is required/],
      [
        { amount: 'lots', mode: 'shorten-term' },
        {},
        /^prepay-preview: prepay\.amount: must be a decimal amount/,
      ],
      [{ amount: '100.00', mode: 'sooner' }, {}, /^prepay-preview: prepay\.mode: must be one of/],
      [
        { amount: '30.00', mode: 'shorten-term' },
        {},
        /^prepay-preview: amount: nothing is left to repay principal early/,
      ],
      [
        { amount: '1000.00', mode: 'shorten-term' },
        { method: 'bullet' },
        /^prepay-preview: prepay\.mode: a bullet loan/,
      ],
      [
        { amount: '100.00', mode: 'shorten-term' },
        { prepayment: { feePercent: '101' } },
        /prepayment\.feePercent/,
      ],
    ];
    for (const [prepay, extra, message] of cases) {
      const { code, out, err } = await prepayPreview(prepay, extra);
      expect([code, out]).toEqual([2, '']);
      expect(err).toMatch(message);
    }
  });
});
