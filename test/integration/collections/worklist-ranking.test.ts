import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorklistRow } from '../../../shared/contract';
import { addDays } from '../../../shared/dates';
import { seedLoanBook } from '../../../electron/services/seed/seed-book';
import { loadCollectionSettings } from '../../../electron/services/collections/settings';
import {
  buildWorklist,
  rankInMemory,
  rankInSql,
  worklistFlags,
  type WorklistFilter,
} from '../../../electron/services/collections/worklist.query';
import { keepCollateralValues } from '../../../electron/services/collateral/kept-values';
import { rollForwardStatuses } from '../../../electron/services/loans/status-cache';
import { openApp } from '../../../electron/services/app';
import { fixedClock } from '../../../electron/services/clock';
import { callersOf, openTestApp, type TestApp } from '../../support/test-app';

const TODAY = '2026-06-30';

/**
 * The worklist is ranked by the database (the score as SQL, over the status cache and the kept
 * collateral values) and paged. `priorityScore` in JavaScript is the definition: on a seeded book
 * with every kind of flag, the SQL ranking must give the same rows, scores and order.
 */
describe('the worklist ranked in SQL', () => {
  let app: TestApp;
  let flagged: Record<string, number>;
  beforeAll(async () => {
    app = await openTestApp(TODAY);
    await seedLoanBook(app.ctx, { loans: 400, seed: 17, asOf: TODAY });
    const overdue = (await app.call('collections.worklist', {})).rows.filter((r) => r.daysPastDue > 5);
    const [promiseToday, broken, visit, followUp] = overdue.slice(0, 4).map((r) => r.loanId) as [
      number,
      number,
      number,
      number,
    ];
    await app.call('collections.logContact', {
      loanId: promiseToday,
      channel: 'call-out',
      outcome: 'reached-promise',
      promise: { amount: 100_000, dueDate: TODAY },
    });
    // Earlier days' contacts are logged by the app as it ran on those days.
    await onDay('2026-06-10', (earlier) =>
      earlier.call('collections.logContact', {
        loanId: broken,
        channel: 'call-out',
        outcome: 'reached-promise',
        promise: { amount: 100_000_000, dueDate: '2026-06-12' },
      }),
    );
    await onDay('2026-06-20', async (earlier) => {
      await earlier.call('collections.logContact', {
        loanId: followUp,
        channel: 'call-out',
        outcome: 'reached-hardship',
        followUpOn: '2026-06-25',
      });
      await earlier.call('collections.planVisit', {
        loanId: visit,
        localTime: `${TODAY}T10:00`,
        addressKind: 'home',
        address: '北京市东城区',
        team: ['张伟', '刘洋'],
        purpose: 'Discuss the arrears',
      });
    });
    flagged = { promiseToday, broken, visit, followUp };
  }, 120_000);
  afterAll(async () => app.dispose());

  /** Runs `work` in the app as opened on `day`, over the same book. */
  async function onDay(day: string, work: (earlier: TestApp) => Promise<unknown>) {
    const opened = await openApp({ databasePath: app.ctx.databasePath, clock: fixedClock(day) });
    try {
      await work({ ...opened, ...callersOf(opened) } as TestApp);
    } finally {
      await opened.close();
    }
  }

  const inBoth = async (filter: WorklistFilter) => {
    const db = app.ctx.db;
    await rollForwardStatuses(db, TODAY);
    const flags = await worklistFlags(db, TODAY, await loadCollectionSettings(db), filter);
    expect(await keepCollateralValues(db, TODAY)).toBe(true);
    return {
      sql: await rankInSql(db, TODAY, flags, filter, null, {}),
      memory: await rankInMemory(db, TODAY, flags, filter, null, {}),
    };
  };

  const codesOf = (rows: WorklistRow[]) => new Set(rows.flatMap((r) => r.factors.map((f) => f.code)));

  it('gives every account the same score, factors and place as the JavaScript score', async () => {
    const { sql, memory } = await inBoth({});
    expect(memory.rows.length).toBeGreaterThan(30);
    expect(sql.total).toBe(memory.rows.length);
    expect(sql.rows).toEqual(memory.rows);
    // The book exercises every part of the score, so a wrong term in the SQL would show.
    expect([...codesOf(sql.rows)].sort()).toEqual(
      expect.arrayContaining([
        'bucket',
        'overdue-amount',
        'collateral-uncovered',
        'broken-promise',
        'promise-due-today',
        'new-delinquency',
        'visit-due',
        'follow-up-due',
      ]),
    );
    const byLoan = new Map(sql.rows.map((r) => [r.loanId, r]));
    const codes = (loanId: number) => byLoan.get(loanId)!.factors.map((f) => f.code);
    expect(codes(flagged.promiseToday!)).toContain('promise-due-today');
    expect(codes(flagged.broken!)).toContain('broken-promise');
    expect(codes(flagged.visit!)).toContain('visit-due');
    expect(codes(flagged.followUp!)).toContain('follow-up-due');
  });

  it.each<WorklistFilter>([{ bucket: '1-30' }, { bucket: '181+' }, { product: 'mortgage' }])(
    'agrees under the filter %o',
    async (filter) => {
      const { sql, memory } = await inBoth(filter);
      expect(memory.rows.length).toBeGreaterThan(0);
      expect(sql.rows).toEqual(memory.rows);
    },
  );

  it('pages through the same list, with the total on every page', async () => {
    const whole = await app.call('collections.worklist', {});
    const pages: WorklistRow[] = [];
    for (let offset = 0; offset < whole.total; offset += 25) {
      const page = await app.call('collections.worklist', { offset, limit: 25 });
      expect(page.total).toBe(whole.total);
      pages.push(...page.rows);
    }
    expect(pages).toEqual(whole.rows);
    const past = await app.call('collections.worklist', { offset: whole.total + 10, limit: 25 });
    expect(past).toMatchObject({ rows: [], total: whole.total });
  });

  it('refuses a page it cannot give, saying which field is wrong', async () => {
    for (const [input, field] of [
      [{ limit: 0 }, 'limit'],
      [{ limit: 1001 }, 'limit'],
      [{ offset: -1 }, 'offset'],
      [{ offset: 1.5 }, 'offset'],
    ] as const) {
      const result = await app.attempt('collections.worklist', input);
      expect(result.ok, JSON.stringify(input)).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('invalid-input');
        expect(JSON.stringify(result.error.details)).toContain(field);
      }
    }
  });

  it('works next the first account not opened this session nor worked today', async () => {
    const { rows } = await app.call('collections.worklist', {});
    const open = rows.filter((r) => !r.workedToday);
    expect(open.length).toBeGreaterThan(3);
    expect(await app.call('collections.nextAccount', { skip: [] })).toEqual({ loanId: open[0]!.loanId });
    const skip = open.slice(0, 3).map((r) => r.loanId);
    expect(await app.call('collections.nextAccount', { skip })).toEqual({ loanId: open[3]!.loanId });
    // A contact logged today takes the account out of "work next".
    await app.call('collections.logContact', {
      loanId: open[3]!.loanId,
      channel: 'call-out',
      outcome: 'reached-hardship',
    });
    expect(await app.call('collections.nextAccount', { skip })).toEqual({ loanId: open[4]!.loanId });
    expect(await app.call('collections.nextAccount', { skip: rows.map((r) => r.loanId) })).toEqual({
      loanId: null,
    });
  });

  it('ranks an earlier day with the collateral as valued on that day', async () => {
    const db = app.ctx.db;
    const [row] = (await app.call('collections.worklist', {})).rows.filter(
      (r) => r.coveragePercent !== null && r.coveragePercent > 0,
    );
    const detail = await app.call('collateral.forLoan', { loanId: row!.loanId });
    const itemId = detail.items[0]!.id;
    const yesterday = addDays(TODAY, -1);
    const before = await buildWorklist(db, yesterday, await loadCollectionSettings(db));
    // A valuation dated today cannot count for yesterday: the kept (current) values step aside.
    await app.call('collateral.addValuation', {
      itemId,
      date: TODAY,
      source: 'internal',
      value: 1,
      valuedBy: 'Test',
    });
    expect(await keepCollateralValues(db, yesterday)).toBe(false);
    const after = await buildWorklist(db, yesterday, await loadCollectionSettings(db));
    expect(after).toEqual(before);
    const today = (await app.call('collections.worklist', {})).rows.find((r) => r.loanId === row!.loanId)!;
    expect(today.coveragePercent).toBeLessThan(row!.coveragePercent!);
  });
});
