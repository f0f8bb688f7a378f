import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type PledgebookApp } from '../../../electron/services/app';
import type { Clock } from '../../../electron/services/clock';
import ExcelJS from 'exceljs';
import { SYSTEM_ACTOR, type Actor } from '../../../electron/services/auth/actor';
import { reportToCsv, reportToXlsx } from '../../../electron/services/reports/report-export';
import { reportToJson } from '../../../shared/reports/json';
import type { MethodInput, MethodName, MethodOutput, MonthlyReport } from '../../../shared/contract';

/**
 * A hand-built book of 12 loans with payments from February to May 2026, reported for May.
 * Every expected figure below is worked out by hand from the definitions in the README.
 *
 * All loans start 2026-01-15 unless noted; most are 12,000.00 at 0% over 12 months, equal
 * principal (1,000.00 due on the 15th from 2026-02-15), no penalty — so the arithmetic is plain.
 * May: start 05-01, "start of month" figures are as of 04-30, end figures as of 05-31.
 *
 *  L1  car-title  borrower A  pays every installment on its due date, through May 15
 *  L2  car-title  borrower A  pays Feb, Mar; misses Apr; pays 2,000 on 05-20        → cured
 *  L3  mortgage   B           pays Feb only                                        → 31-60 → 61-90
 *  L4  mortgage   C           pays nothing, then 500 on 05-10                      → 61-90 → 91-180
 *  L5  car-title  D           pays Feb-Apr, misses May                             → new delinquency
 *  L6  car-title  E           disbursed 05-05 with an up-front fee of 300.00       → fees
 *  L7  mortgage   F  24,000   pays Feb, Mar (2,000 each); referred to legal 04-20  → 1-30 → 31-60
 *  L8  car-title  G           pays Feb-Apr, then all 9,000 left on 05-10           → paid off
 *  L9  car-title  H           pays nothing; repossessed 05-12                      → repossessed
 *  L10 mortgage   I  12% a year, penalty 0.05% a day, no grace; interest 120, 110, 100, 90…
 *                 pays Feb (1,120) and Mar (1,110), misses Apr, pays 1,200 on 05-20
 *  L11 draft (never in the book); L12 disbursed 06-01 (after May).
 *  L13 car-title  K           pays nothing; written off 04-25 (Zhang asks, Chen approves), so it is
 *                 in neither May's book nor its roll rate; recoveries of 300.00 on 05-18 and 150.00
 *                 on 05-25 count in May, 100.00 on 06-02 does not          → 2 recoveries, 450.00
 *
 * L10 by hand: at 04-30 the Apr installment (1,100) has accrued 15 days × 1,100 × 0.05% = 8.25.
 * On 05-20: Apr accrued 35 days → 19.25; May (1,090, due 05-15) accrued 5 days → 2.725 → 2.73.
 * The 1,200 pays Apr 19.25 + 100 + 1,000 (1,119.25), then of the 80.75 left: May penalty 2.73 and
 * 78.02 of its 90 interest. At 05-31 May still owes 1,000 + 11.98; penalty accrued
 * 2.725 + 11 × 1,011.98 × 0.05% = 8.29089 → 8.29, minus 2.73 paid = 5.56 due. DPD 16.
 */
class MovableClock implements Clock {
  constructor(public date: string) {}
  today = () => this.date;
  now = () => `${this.date}T09:00:00.000Z`;
}

const ZHANG: Actor = { userId: 2, username: 'zhang', displayName: 'Zhang Wei', role: 'manager' };
const CHEN: Actor = { userId: 3, username: 'chen', displayName: 'Chen Jie', role: 'owner' };

const ZERO_RATE = { method: 'equal-principal', annualRatePercent: '0', months: 12 } as const;

describe('the monthly recovery report on a hand-built book', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pledgebook-report-'));
  const clock = new MovableClock('2026-01-15');
  let app: PledgebookApp;
  let report: MonthlyReport;
  const ids: Record<string, number> = {};

  async function call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
    const result = await app.dispatch(method, input);
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
    return result.value as MethodOutput<M>;
  }
  const pay = async (loan: string, date: string, amount: number) => {
    clock.date = date;
    await call('payments.record', { loanId: ids[loan]!, date, amount, method: 'bank-transfer' });
  };

  beforeAll(async () => {
    app = await openApp({ databasePath: join(dir, 'book.db'), clock });
    const borrower = async (name: string, tail: string) =>
      (
        await call('borrowers.create', {
          kind: 'person',
          name,
          idType: 'resident-id',
          idNumber: `11010119800101${tail}`,
        })
      ).id;
    const b: Record<string, number> = {};
    for (const [name, tail] of Object.entries({
      A: '0011',
      B: '0022',
      C: '0033',
      D: '0044',
      E: '0055',
      F: '0066',
      G: '0077',
      H: '0088',
      I: '0099',
      J: '0100',
      K: '0111',
    })) {
      b[name] = await borrower(`Borrower ${name}`, tail);
    }
    const loan = async (
      key: string,
      borrowerId: number,
      product: 'mortgage' | 'car-title',
      extra: Partial<MethodInput<'loans.create'>> = {},
      principal = 1_200_000,
      startDate = '2026-01-15',
    ) => {
      clock.date = startDate;
      ids[key] = (
        await call('loans.create', {
          borrowerId,
          product,
          terms: { ...ZERO_RATE, principal, startDate },
          ...extra,
        })
      ).id;
    };
    await loan('L1', b.A!, 'car-title');
    await loan('L2', b.A!, 'car-title');
    await loan('L3', b.B!, 'mortgage');
    await loan('L4', b.C!, 'mortgage');
    await loan('L5', b.D!, 'car-title');
    await loan('L7', b.F!, 'mortgage', {}, 2_400_000);
    await loan('L8', b.G!, 'car-title');
    await loan('L9', b.H!, 'car-title');
    await loan('L13', b.K!, 'car-title');
    clock.date = '2026-01-15';
    ids.L10 = (
      await call('loans.create', {
        borrowerId: b.I!,
        product: 'mortgage',
        terms: {
          method: 'equal-principal',
          principal: 1_200_000,
          annualRatePercent: '12',
          months: 12,
          startDate: '2026-01-15',
        },
        penaltyDailyRatePercent: '0.05',
      })
    ).id;
    await loan('L11', b.J!, 'car-title', { activate: false });

    for (const date of ['2026-02-15', '2026-03-15', '2026-04-15']) {
      await pay('L1', date, 100_000);
      await pay('L5', date, 100_000);
      await pay('L8', date, 100_000);
      if (date !== '2026-04-15') {
        await pay('L2', date, 100_000);
        await pay('L7', date, 200_000);
      }
      if (date === '2026-02-15') await pay('L3', date, 100_000);
    }
    await pay('L10', '2026-02-15', 112_000);
    await pay('L10', '2026-03-15', 111_000);
    clock.date = '2026-04-20';
    await call('loans.setStatus', { id: ids.L7!, status: 'legal' });
    clock.date = '2026-04-25';
    app.session.signIn(ZHANG);
    const writeOff = await call('writeOffs.request', { loanId: ids.L13!, reason: 'borrower absconded' });
    app.session.signIn(CHEN);
    await call('writeOffs.decide', { writeOffId: writeOff.id, decision: 'approve', note: '' });
    app.session.signIn(SYSTEM_ACTOR);
    const recover = (date: string, amount: number) =>
      call('recoveries.record', { loanId: ids.L13!, date, amount, method: 'cash', reference: '' });
    await loan('L6', b.E!, 'car-title', { upfrontFee: 30_000 }, 1_200_000, '2026-05-05');
    await pay('L4', '2026-05-10', 50_000);
    await pay('L8', '2026-05-10', 900_000);
    clock.date = '2026-05-12';
    await call('loans.setStatus', { id: ids.L9!, status: 'repossessed' });
    await pay('L1', '2026-05-15', 100_000);
    await pay('L2', '2026-05-20', 200_000);
    await pay('L10', '2026-05-20', 120_000);
    clock.date = '2026-05-25';
    await recover('2026-05-18', 30_000);
    await recover('2026-05-25', 15_000);
    await loan('L12', b.J!, 'car-title', {}, 1_200_000, '2026-06-01');
    clock.date = '2026-06-02';
    await recover('2026-06-02', 10_000);
    clock.date = '2026-07-10';
    report = await call('reports.monthly', { month: '2026-05' });
  });
  afterAll(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('counts the book on 05-31: active, restructured or legal, started by then (not L8 closed, L9 repossessed, L11 draft, L12)', () => {
    expect(report.summary.loansInBook).toBe(8);
    // 8,000 + 8,000 + 11,000 + 11,500 + 9,000 + 12,000 + 20,000 + 9,000
    expect(report.summary.outstanding).toBe(8_850_000);
  });

  it('computes PAR1/30/60/90 on outstanding principal', () => {
    // DPD on 05-31: L3 77, L4 105, L5 16, L7 46, L10 16, others 0.
    // PAR1 = 60,500/88,500; PAR30 = 42,500/88,500; PAR60 = 22,500/88,500; PAR90 = 11,500/88,500.
    expect(report.summary.par).toEqual({ par1: '0.6836', par30: '0.4802', par60: '0.2542', par90: '0.1299' });
    expect(report.summary.overdueLoans).toBe(5);
  });

  it('splits what was collected in May into penalty, interest, principal and fees', () => {
    expect(report.collections).toEqual({
      penalty: 2_198, // L10: 19.25 + 2.73
      interest: 17_802, // L10: 100.00 + 78.02
      principal: 1_350_000, // L1 1,000 + L2 2,000 + L4 500 + L8 9,000 + L10 1,000
      fees: 30_000, // L6's up-front fee
      total: 1_400_000,
      payments: 5,
      // L13, written off in April: 300.00 + 150.00 in May (the 100.00 of June 2 is not May's).
      // Kept out of the total: a recovery is not a payment.
      recoveriesAfterWriteOff: { count: 2, amount: 45_000 },
    });
  });

  it('exports the recoveries after write-off in the CLI JSON, the CSV and the XLSX Collections sheet', async () => {
    const json = reportToJson(report) as { collections: Record<string, unknown> };
    expect(json.collections.recoveriesAfterWriteOff).toEqual({ count: 2, amount: '450.00' });
    expect(json.collections.total).toBe('14000.00');
    const csv = reportToCsv(report);
    expect(csv).toContain(
      '# Collections\r\nPenalty,Interest,Principal,Fees,Total,Payments,Recoveries after write-off: count,Recoveries after write-off: amount\r\n21.98,178.02,13500.00,300.00,14000.00,5,2,450.00\r\n',
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await reportToXlsx(report)) as unknown as ExcelJS.Buffer);
    const sheet = workbook.getWorksheet('Collections')!;
    expect(sheet.getRow(2).values).toEqual([
      undefined,
      '21.98',
      '178.02',
      '13500.00',
      '300.00',
      '14000.00',
      5,
      2,
      '450.00',
    ]);
  });

  it('computes overdue at the start, what May recovered of it, the recovery and cure rates and new delinquencies', () => {
    expect(report.recovery).toEqual({
      // L2 1,000 + L3 2,000 + L4 3,000 + L7 2,000 + L9 3,000 + L10 1,108.25
      overdueAtStart: 1_210_825,
      // L2 1,000 + L4 500 + L10 1,108.25 (its May penalty is not part of the start's overdue)
      recoveredFromStartOverdue: 260_825,
      recoveryRate: '0.2154',
      overdueLoansAtStart: 6, // L2, L3, L4, L7, L9, L10
      curedLoans: 1, // L2
      cureRate: '0.1667',
      newDelinquencies: 1, // L5
    });
  });

  it('rolls loans from their April-end bucket to their May-end bucket or exit, carrying April-end principal', () => {
    const cell = (from: string, to: string) =>
      report.rollRate.find((r) => r.from === from)!.to[to as 'current'];
    expect(cell('current', 'current')).toEqual({ count: 1, outstanding: 900_000 }); // L1
    expect(cell('current', '1-30')).toEqual({ count: 1, outstanding: 900_000 }); // L5
    expect(cell('current', 'paid-off')).toEqual({ count: 1, outstanding: 900_000 }); // L8
    expect(cell('1-30', 'current')).toEqual({ count: 1, outstanding: 1_000_000 }); // L2
    expect(cell('1-30', '31-60')).toEqual({ count: 1, outstanding: 2_000_000 }); // L7
    expect(cell('1-30', '1-30')).toEqual({ count: 1, outstanding: 1_000_000 }); // L10
    expect(cell('31-60', '61-90')).toEqual({ count: 1, outstanding: 1_100_000 }); // L3
    expect(cell('61-90', '91-180')).toEqual({ count: 1, outstanding: 1_200_000 }); // L4
    expect(cell('61-90', 'repossessed')).toEqual({ count: 1, outstanding: 1_200_000 }); // L9
    const total = report.rollRate.flatMap((r) => Object.values(r.to)).reduce((s, c) => s + c.count, 0);
    expect(total).toBe(9);
  });

  it('ages the book by product', () => {
    expect(report.aging.mortgage.outstanding).toBe(5_150_000);
    expect(report.aging.mortgage.par).toEqual({
      par1: '1.0000',
      par30: '0.8252',
      par60: '0.4369',
      par90: '0.2233',
    });
    expect(report.aging['car-title'].outstanding).toBe(3_700_000);
    expect(report.aging['car-title'].par).toEqual({
      par1: '0.2432',
      par30: '0.0000',
      par60: '0.0000',
      par90: '0.0000',
    });
    expect(report.aging['car-title'].buckets.current).toEqual({ count: 3, outstanding: 2_800_000 });
  });

  it('lists the top overdue exposures (principal + overdue interest + penalty) with masked IDs', () => {
    expect(report.topOverdue.map((t) => [t.borrower, t.exposure, t.daysPastDue])).toEqual([
      ['Borrower F', 2_000_000, 46],
      ['Borrower C', 1_150_000, 105],
      ['Borrower B', 1_100_000, 77],
      ['Borrower I', 901_754, 16], // 9,000 + 11.98 + 5.56
      ['Borrower D', 900_000, 16],
    ]);
    expect(report.topOverdue[0]!.borrowerIdMasked).toBe('110***********0066');
  });

  it("measures concentration as the top borrowers' share of outstanding", () => {
    expect(report.concentration.top.slice(0, 5).map((t) => [t.borrower, t.share])).toEqual([
      ['Borrower F', '0.2260'],
      ['Borrower A', '0.1808'], // L1 + L2
      ['Borrower E', '0.1356'],
      ['Borrower C', '0.1299'],
      ['Borrower B', '0.1243'],
    ]);
    expect(report.concentration.topShare).toBe('1.0000');
  });

  it("reads the month's collection work: no promises, plans or cases here, and overdue loans without collateral", () => {
    expect(report.lateEntries).toBe(0);
    expect(report.notTracked).toEqual([]);
    expect(report.activity.promises).toEqual({
      made: 0,
      madeAmount: 0,
      due: 0,
      kept: 0,
      broken: 0,
      pending: 0,
    });
    expect(report.activity.plans.approved).toBe(0);
    expect(report.activity.legal.opened).toBe(0);
    // Exposure of the loans overdue on 05-31: L3 11,000 + L4 11,500 + L5 9,000 + L7 20,000 + L10 9,017.54.
    expect(report.activity.collateral.overdueExposure).toBe(6_051_754);
    expect(report.activity.collateral.coverage).toBe('0.0000');
  });

  it('reproduces the same figures later, and flags an entry dated in May but keyed in afterwards', async () => {
    clock.date = '2026-08-01';
    const again = await call('reports.monthly', { month: '2026-05' });
    expect({ ...again, generatedOn: '' }).toEqual({ ...report, generatedOn: '' });
    await call('payments.record', { loanId: ids.L3!, date: '2026-05-28', amount: 10_000, method: 'cash' });
    const changed = await call('reports.monthly', { month: '2026-05' });
    expect(changed.lateEntries).toBe(1);
    expect(changed.collections.principal).toBe(1_360_000);
  });

  it('refuses a month that has not started, naming the field', async () => {
    const result = await app.dispatch('reports.monthly', { month: '2026-09' });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', details: [{ field: 'month' }] },
    });
    const malformed = await app.dispatch('reports.monthly', { month: '2026-13' });
    expect(malformed).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });
});
