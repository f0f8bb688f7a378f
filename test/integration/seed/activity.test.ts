/**
 * The seeded year of work: a demo book must show every screen with real content, and the
 * monthly report of as-of's month a figure in every section. Each state is read back through
 * the contract (signed in as the seeded users where a role matters), never from the summary.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SeedSummary } from '../../../electron/services/seed/seed.service';
import { seedLoanBook } from '../../../electron/services/seed/seed-book';
import { monthlyReport } from '../../../electron/services/reports/report.service';
import { openTestApp, type TestApp } from '../../support/test-app';
import { ROLES } from '../../../electron/services/auth/actor';
import type { MethodOutput } from '../../../shared/contract';
import type { Db } from '../../../electron/db/db';
import { BOOK_TABLES } from '../../../electron/services/office/book-tables';
import { pagesOf } from '../../../electron/services/office/book-rows';

const AS_OF = '2026-06-30';
const LOANS = 2000;

/** SHA-256 of every table the year writes, rows in key order; password hashes are salted. */
async function activityHashes(db: Db): Promise<Record<string, string>> {
  const tables = [
    'users',
    'collection_assignments',
    'collection_contacts',
    'promises_to_pay',
    'collection_visits',
    'repayment_plans',
    'schedule_versions',
    'legal_cases',
    'legal_case_events',
    'repossessions',
    'repossession_steps',
    'write_offs',
    'recoveries',
    'approval_requests',
    'payments',
    'loan_status',
    'loans',
    'audit_log',
  ];
  const hashes: Record<string, string> = {};
  for (const table of tables) {
    const hash = createHash('sha256');
    for await (const page of pagesOf(
      db,
      BOOK_TABLES.find((t) => t.table === table)!,
    )) {
      for (const row of page) {
        const { password_hash: _salted, ...rest } = row;
        // Columns in name order: the engines keep them in different places.
        hash.update(
          JSON.stringify(
            Object.keys(rest)
              .sort()
              .map((k) => [k, rest[k]]),
          ),
        );
      }
    }
    hashes[table] = hash.digest('hex');
  }
  return hashes;
}

async function seeded(seed: number): Promise<{ app: TestApp; summary: SeedSummary }> {
  const app = await openTestApp(AS_OF);
  const summary = await seedLoanBook(app.ctx, { loans: LOANS, seed, asOf: AS_OF, activity: true });
  return { app, summary };
}

describe('a seeded year of work', () => {
  let app: TestApp;
  let summary: SeedSummary;
  let users: MethodOutput<'users.list'>;
  /** Taken before any test signs in: signing in is itself audited. */
  let hashes: Record<string, string>;
  beforeAll(async () => {
    ({ app, summary } = await seeded(31));
    users = (await app.call('users.list', {})) as typeof users;
    hashes = await activityHashes(app.ctx.db);
  }, 120_000);
  afterAll(async () => app.dispose());

  /** Signs in as the seeded user with `username` (every contract call is then theirs). */
  const as = async (username: string) => {
    const user = users.find((u) => u.username === username)!;
    app.session.signIn({ userId: user.id, username, displayName: user.displayName, role: user.role });
  };

  it('went through the services without a refusal', () => {
    expect(summary.activity?.refusals).toEqual({});
    expect(summary.activity?.worked).toBeGreaterThan(50);
  });

  it('has a user in every role, each able to sign in with the demo password', async () => {
    expect(new Set(users.map((u) => u.role))).toEqual(new Set(ROLES));
    const viewer = users.find((u) => u.role === 'viewer')!;
    const signedIn = await app.call('auth.signIn', {
      username: viewer.username,
      password: summary.activity!.password,
    });
    expect(signedIn.role).toBe('viewer');
  });

  it('has plans active, completed, broken, rejected and one awaiting approval', async () => {
    await as('manager');
    const plans = await app.call('plans.list', {});
    const statuses = new Set(plans.map((p) => p.status));
    for (const s of ['active', 'completed', 'broken', 'rejected', 'proposed'] as const) {
      expect(statuses.has(s), s).toBe(true);
    }
    const waiting = plans.find((p) => p.status === 'proposed')!;
    expect(waiting.spec).toMatchObject({ type: 'arrears-installments', waivePenaltyPercent: '100' });
  });

  it('has legal cases open and closed, at several stages, with costs charged', async () => {
    await as('manager');
    const cases = await app.call('collections.legalCases', { openOnly: false });
    expect(cases.some((c) => c.closedOn !== null)).toBe(true);
    expect(cases.some((c) => c.closedOn === null)).toBe(true);
    expect(new Set(cases.map((c) => c.stage)).size).toBeGreaterThanOrEqual(5);
    expect(cases.reduce((s, c) => s + c.costsChargedToLoan, 0)).toBeGreaterThan(0);
  });

  it('has repossessions under way and sold through to the proceeds', async () => {
    const ids = (await app.ctx.db.selectFrom('repossessions').select('loan_id').distinct().execute()).map(
      (r) => r.loan_id,
    );
    await as('manager');
    const stages = new Set<string | null>();
    for (const loanId of ids) {
      for (const r of (await app.call('collateral.forLoan', { loanId })).repossessions) stages.add(r.stage);
    }
    expect(stages.has('settled')).toBe(true);
    expect([...stages].some((s) => s !== 'settled')).toBe(true);
  });

  it('has write-offs approved (with recoveries), rejected and one awaiting approval', async () => {
    await as('owner');
    const writeOffs = await app.call('writeOffs.list', {});
    const statuses = new Set(writeOffs.map((w) => w.status));
    expect([...statuses].sort()).toEqual(['approved', 'proposed', 'rejected']);
    expect((await app.call('recoveries.list', {})).length).toBeGreaterThan(0);
    // The inbox a manager opens: the write-off, the penalty waiver and a back-dated payment.
    const inbox = await app.call('approvals.list', { status: 'pending' });
    expect(inbox.some((r) => r.kind === 'backdated-payment')).toBe(true);
    expect(inbox.length).toBeGreaterThanOrEqual(2);
  });

  it('gives a collector a worklist of their own accounts, with promises and visits', async () => {
    await as('collector.zhang');
    const list = await app.call('collections.worklist', {});
    expect(list.total).toBeGreaterThan(0);
    // Assigned by name, as the account screen does: the worklist shows 张伟, not the username.
    expect(list.rows.every((r) => r.collector === '张伟')).toBe(true);
    const stats = await app.call('collections.promiseStats', {});
    const mine = stats.byCollector.find((c) => c.collector === '张伟')!;
    expect(mine.kept).toBeGreaterThan(0);
    expect(mine.broken).toBeGreaterThan(0);
  });

  it('fills every section of the monthly report of as-of’s month', async () => {
    const report = await monthlyReport(app.ctx, AS_OF.slice(0, 7));
    const { activity: a, collections } = report;
    expect(report.notTracked).toEqual([]);
    expect(collections.total).toBeGreaterThan(0);
    expect(collections.fees).toBeGreaterThan(0);
    expect(collections.recoveriesAfterWriteOff.count).toBeGreaterThan(0);
    expect(report.recovery.newDelinquencies).toBeGreaterThan(0);
    expect(report.topOverdue.length).toBeGreaterThan(0);
    expect(a.promises).toMatchObject({
      made: expect.any(Number),
      kept: expect.any(Number),
      broken: expect.any(Number),
      pending: expect.any(Number),
    });
    for (const [k, v] of Object.entries(a.promises)) expect(v, `promises.${k}`).toBeGreaterThan(0);
    expect(a.collectors.length).toBeGreaterThanOrEqual(3);
    expect(a.contactGuards.overrides).toBeGreaterThan(0);
    for (const [k, v] of Object.entries(a.plans)) expect(v, `plans.${k}`).toBeGreaterThan(0);
    for (const [k, v] of Object.entries(a.legal)) expect(v, `legal.${k}`).toBeGreaterThan(0);
    for (const k of ['possessed', 'sold', 'grossProceeds', 'sellingCosts', 'proceedsApplied'] as const) {
      expect(a.collateral[k], `collateral.${k}`).toBeGreaterThan(0);
    }
  });

  it('is deterministic: the same seed gives identical tables, another seed does not', async () => {
    const again = await seeded(31);
    const other = await seeded(32);
    try {
      const a = hashes;
      const [b, c] = await Promise.all([again.app, other.app].map((x) => activityHashes(x.ctx.db)));
      expect(b).toEqual(a);
      expect(again.summary).toEqual(summary);
      for (const table of [
        'collection_contacts',
        'promises_to_pay',
        'repayment_plans',
        'legal_case_events',
      ]) {
        expect(c![table], table).not.toBe(a![table]);
      }
    } finally {
      await again.app.dispose();
      await other.app.dispose();
    }
  }, 180_000);
});
