import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gradeByDefaultBands } from '../../support/grades';
import { seedLoanBook } from '../../../electron/services/seed/seed-book';
import { loansOnBookFromCache, loansOnBookFromEngine } from '../../../electron/services/risk/standings.query';
import { DEFAULT_RULES, FIVE_CLASSES } from '../../../shared/engine/classification';
import { addMonthsClamped } from '../../../shared/dates';
import { openTestApp, rawSql, type TestApp } from '../../support/test-app';

const TODAY = '2026-06-30';
const NPL = new Set(['substandard', 'doubtful', 'loss']);
const rank = (grade: string) => FIVE_CLASSES.indexOf(grade as (typeof FIVE_CLASSES)[number]);

/** The default five-class bands, written out (test/support/grades.ts) rather than read from the engine. */
const byDays = gradeByDefaultBands;

describe('risk classification of a seeded book', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await openTestApp(TODAY);
    await seedLoanBook(app.ctx, { loans: 600, seed: 11, asOf: TODAY });
  }, 120_000);
  afterAll(async () => app.dispose());

  it('the status cache and the engine agree on every loan’s standing today', async () => {
    const fromCache = await loansOnBookFromCache(app.ctx, TODAY);
    const fromEngine = await loansOnBookFromEngine(app.ctx, TODAY);
    expect(fromCache.length).toBeGreaterThan(100);
    expect(fromCache).toEqual(fromEngine);
  });

  it('grades each loan by its days past due, its restructuring and legal action, with the reasons', async () => {
    // A loan only a little late, taken to court: the legal floor raises it to substandard.
    const before = await app.call('reports.classification', { perLoan: true });
    const mild = before.perLoan!.find((l) => l.grade === 'special-mention')!;
    await app.call('collections.openLegalCase', { loanId: mild.loanId, date: TODAY, note: 'fled' });
    const book = await app.call('reports.classification', { perLoan: true });
    expect(book.perLoan!.find((l) => l.loanId === mild.loanId)).toMatchObject({
      grade: 'substandard',
      ruled: 'substandard',
      reasons: [
        { kind: 'days', grade: 'special-mention' },
        { kind: 'legal', grade: 'substandard' },
      ],
    });
    const lines = book.perLoan ?? [];
    expect(lines).toHaveLength(book.loans);
    const db = rawSql(app.ctx.db);
    const legal = new Set(
      (await db.all<{ id: number }>("SELECT id FROM loans WHERE status = 'legal'")).map((r) => r.id),
    );
    const plans = new Map(
      (
        await db.all<{ loan_id: number; on: string }>(
          `SELECT loan_id, max(as_of) AS "on" FROM repayment_plans WHERE status IN ('active','broken','completed') GROUP BY loan_id`,
        )
      ).map((r) => [r.loan_id, r.on]),
    );
    let floored = 0;
    for (const line of lines) {
      let expected = byDays(line.daysPastDue);
      const restructuredOn = plans.get(line.loanId);
      if (
        restructuredOn &&
        addMonthsClamped(restructuredOn, 12) > TODAY &&
        rank(expected) < rank('substandard')
      ) {
        expected = 'substandard';
      }
      if (legal.has(line.loanId) && rank(expected) < rank('substandard')) expected = 'substandard';
      if (expected !== byDays(line.daysPastDue)) floored++;
      expect({ loan: line.number, grade: line.grade }).toEqual({ loan: line.number, grade: expected });
      expect(line.reasons[0]).toEqual({
        kind: 'days',
        days: line.daysPastDue,
        grade: byDays(line.daysPastDue),
      });
      const rate = DEFAULT_RULES['five-class'].provisionPercent[line.grade]!;
      expect(line.provision).toBe(Math.round((line.outstanding * Number(rate)) / 100));
    }
    // The seeded book has restructured and legal loans that the floors raise.
    expect(floored).toBeGreaterThan(0);
    expect(new Set(lines.map((l) => l.grade)).size).toBeGreaterThanOrEqual(4);
  });

  it('totals each grade, and the NPL ratio and coverage follow from them', async () => {
    const book = await app.call('reports.classification', { perLoan: true });
    const lines = book.perLoan ?? [];
    for (const g of book.grades) {
      const mine = lines.filter((l) => l.grade === g.grade);
      expect([g.loans, g.outstanding, g.provision]).toEqual([
        mine.length,
        mine.reduce((n, l) => n + l.outstanding, 0),
        mine.reduce((n, l) => n + l.provision, 0),
      ]);
    }
    const npl = lines.filter((l) => NPL.has(l.grade)).reduce((n, l) => n + l.outstanding, 0);
    expect(book.nonPerforming).toBe(npl);
    expect(Number(book.nplRatio)).toBeCloseTo(npl / book.outstanding, 4);
    expect(Number(book.coverage)).toBeCloseTo(book.provision / npl, 4);
  });

  it('splits loans, balances and provision by product, today and at a month end', async () => {
    const productOf = new Map(
      (await rawSql(app.ctx.db).all<{ id: number; product: string }>('SELECT id, product FROM loans')).map(
        (r) => [r.id, r.product],
      ),
    );
    const book = await app.call('reports.classification', { perLoan: true });
    const lines = book.perLoan ?? [];
    expect(book.products.map((p) => p.product)).toEqual(['mortgage', 'car-title', 'other-secured']);
    for (const p of book.products) {
      const mine = lines.filter((l) => productOf.get(l.loanId) === p.product);
      expect([p.loans, p.outstanding, p.nonPerforming, p.provision]).toEqual([
        mine.length,
        mine.reduce((n, l) => n + l.outstanding, 0),
        mine.filter((l) => NPL.has(l.grade)).reduce((n, l) => n + l.outstanding, 0),
        mine.reduce((n, l) => n + l.provision, 0),
      ]);
    }
    expect(book.products.some((p) => p.loans > 0 && p.provision > 0)).toBe(true);
    const may = (await app.call('reports.monthly', { month: '2026-05' })).classification;
    expect(may.products.reduce((n, p) => n + p.provision, 0)).toBe(may.provision);
    expect(may.products.reduce((n, p) => n + p.loans, 0)).toBe(may.loans);
  });

  it('a past date is graded by the engine on the book as it stood then', async () => {
    const past = await app.call('reports.classification', { asOf: '2026-03-31' });
    const standings = await loansOnBookFromEngine(app.ctx, '2026-03-31');
    expect(past.loans).toBe(standings.length);
    expect(past.outstanding).toBe(standings.reduce((n, s) => n + s.outstandingPrincipal, 0));
  });

  it('one loan’s grade on its page matches the book’s line for it', async () => {
    const book = await app.call('reports.classification', { perLoan: true });
    const line = book.perLoan!.find((l) => l.grade === 'substandard')!;
    const grade = await app.call('loans.grade', { loanId: line.loanId });
    expect(grade).toMatchObject({
      loanId: line.loanId,
      grade: line.grade,
      reasons: line.reasons,
      provision: line.provision,
      provisionPercent: '25',
    });
    const closed = await rawSql(app.ctx.db).value("SELECT id FROM loans WHERE status = 'closed' LIMIT 1");
    expect(await app.call('loans.grade', { loanId: Number(closed) })).toBeNull();
  });
});

describe('classification rules in Settings', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await openTestApp(TODAY);
  });
  afterAll(async () => app.dispose());

  it('refuses overlapping ranges and a rate over 100%, naming the problem, and writes nothing', async () => {
    const rules = DEFAULT_RULES['five-class'];
    const overlapping = {
      ...rules,
      bands: rules.bands.map((b) => (b.grade === 'special-mention' ? { ...b, toDays: 120 } : b)),
    };
    expect(await app.attempt('settings.update', { riskRules: overlapping })).toMatchObject({
      ok: false,
      error: {
        code: 'invalid-input',
        reason: 'classification.bandsOverlap',
        params: { after: 120, next: 91 },
        field: 'riskRules',
      },
    });
    const tooHigh = { ...rules, provisionPercent: { ...rules.provisionPercent, loss: '150' } };
    expect(await app.attempt('settings.update', { riskRules: tooHigh })).toMatchObject({
      ok: false,
      error: { reason: 'classification.ratePercent', params: { grade: 'loss', value: '150' } },
    });
    expect((await app.call('settings.get', {})).riskRules).toEqual(rules);
  });

  it('takes sound rules and grades by them: IFRS 9 stages', async () => {
    const ifrs9 = DEFAULT_RULES.ifrs9;
    expect((await app.call('settings.update', { riskRules: ifrs9 })).riskRules).toEqual(ifrs9);
    expect((await app.call('reports.classification', {})).grades.map((g) => g.grade)).toEqual([
      'stage-1',
      'stage-2',
      'stage-3',
    ]);
  });
});

describe('the report’s classification and provisions for a month', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await openTestApp(TODAY);
    await seedLoanBook(app.ctx, { loans: 600, seed: 23, asOf: TODAY });
  }, 120_000);
  afterAll(async () => app.dispose());

  it('grades a completed month from the month-end cache as the engine grades that day', async () => {
    const { classification } = await app.call('reports.monthly', { month: '2026-04' });
    const byEngine = await app.call('reports.classification', { asOf: '2026-04-30' });
    expect(classification.asOf).toBe('2026-04-30');
    expect(classification.grades).toEqual(byEngine.grades);
    expect([classification.nplRatio, classification.coverage]).toEqual([
      byEngine.nplRatio,
      byEngine.coverage,
    ]);
  });

  it('moves the provision account from the month before’s closing, and every loan once', async () => {
    const april = (await app.call('reports.monthly', { month: '2026-04' })).classification;
    const may = (await app.call('reports.monthly', { month: '2026-05' })).classification;
    const m = may.movement;
    expect(m.opening).toBe(april.provision);
    expect(m.closing).toBe(may.provision);
    expect(m.opening + m.charge - m.release - m.usedByWriteOffs).toBe(m.closing);
    expect(m.charge).toBeGreaterThan(0);
    const count = (pick: (c: (typeof may.migration)[number]) => boolean) =>
      may.migration.filter(pick).reduce((n, c) => n + c.loans, 0);
    expect(count((c) => c.from !== 'new')).toBe(april.loans);
    expect(count((c) => c.to !== 'closed' && c.to !== 'written-off')).toBe(may.loans);
    // The seeded book has loans that got worse over the month.
    const rank = (g: string) => FIVE_CLASSES.indexOf(g as (typeof FIVE_CLASSES)[number]);
    expect(count((c) => c.from !== 'new' && rank(c.to) > rank(c.from))).toBeGreaterThan(0);
  });

  it('a change of rules applies from this month: a month already reported does not move', async () => {
    const march = await app.call('reports.monthly', { month: '2026-03' });
    await app.call('settings.update', { riskRules: DEFAULT_RULES.ifrs9 });
    const again = await app.call('reports.monthly', { month: '2026-03' });
    expect(again.classification).toEqual(march.classification);
    const june = await app.call('reports.monthly', { month: '2026-06' });
    expect(june.classification.profile).toBe('ifrs9');
    // June's opening is May's closing under May's own (five-class) rules.
    const may = await app.call('reports.monthly', { month: '2026-05' });
    expect(may.classification.profile).toBe('five-class');
    expect(june.classification.movement.opening).toBe(may.classification.provision);
  });
});
