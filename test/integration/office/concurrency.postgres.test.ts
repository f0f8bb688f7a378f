import { afterEach, describe, expect, inject, it } from 'vitest';
import { adminQuery } from '../../support/postgres-cluster';
import { POSTGRES_MIGRATION_NAMES } from '../../../electron/db/postgres/migrations';
import { openApp } from '../../../electron/services/app';
import { fixedClock } from '../../../electron/services/clock';
import { statementOf } from '../../../electron/services/loans/statement';
import { loadLoanRecords } from '../../../electron/services/loans/loan-records';
import { givenACarTitleLoan } from '../../support/fixtures';
import { callersOf, openTestApp, rawSql, type TestApp } from '../../support/test-app';

/**
 * Two PCs on one server book: two service stacks, each with its own pool, on the same database.
 * What one reads and then writes must be what the other has committed.
 */
const clock = fixedClock('2026-06-15');
let first!: TestApp;
let second!: Awaited<ReturnType<typeof openSecondPc>>;
afterEach(async () => {
  await second?.close();
  await first?.dispose();
});

async function openSecondPc(location: string) {
  const app = await openApp({ databasePath: location, clock });
  return { ...app, ...callersOf(app) };
}

async function twoPcs() {
  first = await openTestApp('2026-06-15');
  second = await openSecondPc(first.ctx.databasePath);
  return { first, second };
}

describe('two PCs posting to one loan at once', () => {
  it('each payment alone settles the loan: one posts, the other is refused with the payoff', async () => {
    const { first, second } = await twoPcs();
    const { loanId } = await givenACarTitleLoan(first.dispatch);
    const { payoff } = await first.call('loans.get', { id: loanId });
    const pay = { loanId, date: '2026-06-15', amount: payoff, method: 'cash' } as const;
    for (let round = 0; round < 3; round++) {
      const answers = await Promise.all([
        first.attempt('payments.record', pay),
        second.attempt('payments.record', pay),
      ]);
      const posted = answers.filter((a) => a.ok);
      if (round === 0) {
        expect(posted).toHaveLength(1);
        expect(answers.find((a) => !a.ok)).toMatchObject({
          ok: false,
          error: { code: 'rule-violation', reason: 'payment.loanClosed' },
        });
      } else {
        // The loan is settled: both later attempts are refused, neither posts.
        expect(posted).toHaveLength(0);
      }
    }
    const db = rawSql(first.ctx.db);
    expect(Number(await db.value('SELECT count(*) FROM payments WHERE loan_id = ?', loanId))).toBe(1);
    expect(await db.value('SELECT status FROM loans WHERE id = ?', loanId)).toBe('closed');
  });

  it('partial payments raced from both PCs all post, and the status cache is the engine’s answer', async () => {
    const { first, second } = await twoPcs();
    const { loanId } = await givenACarTitleLoan(first.dispatch);
    const pays = Array.from({ length: 12 }, (_, i) => (i % 2 === 0 ? first : second)).map((pc, i) =>
      pc.attempt('payments.record', {
        loanId,
        date: '2026-06-15',
        amount: 100_000 + i,
        method: 'cash',
      }),
    );
    const answers = await Promise.all(pays);
    expect(answers.every((a) => a.ok)).toBe(true);
    const receipts = await rawSql(first.ctx.db).all<{ receipt_number: string }>(
      'SELECT receipt_number FROM payments WHERE loan_id = ?',
      loanId,
    );
    expect(new Set(receipts.map((r) => r.receipt_number)).size).toBe(12);
    const cached = await rawSql(first.ctx.db).get<{
      outstanding_principal: number;
      collected_payments: number;
    }>('SELECT outstanding_principal, collected_payments FROM loan_status WHERE loan_id = ?', loanId);
    const engine = statementOf(await loadLoanRecords(first.ctx.db, loanId), '2026-06-15');
    expect(Number(cached?.outstanding_principal)).toBe(engine.outstandingPrincipal);
    expect(Number(cached?.collected_payments)).toBe(12);
  });
});

describe('two PCs deciding one thing at once', () => {
  it('a payment reversed from both PCs at once is reversed once', async () => {
    const { first, second } = await twoPcs();
    const { loanId } = await givenACarTitleLoan(first.dispatch);
    const { id: paymentId } = await first.call('payments.record', {
      loanId,
      date: '2026-06-15',
      amount: 500_000,
      method: 'cash',
    });
    const reverse = { paymentId, reason: 'keyed twice' };
    const answers = await Promise.all([
      first.attempt('payments.reverse', reverse),
      second.attempt('payments.reverse', reverse),
    ]);
    expect(answers.filter((a) => a.ok)).toHaveLength(1);
    expect(answers.find((a) => !a.ok)).toMatchObject({ error: { reason: 'payment.alreadyReversed' } });
    expect(
      Number(
        await rawSql(first.ctx.db).value(
          'SELECT count(*) FROM payments WHERE reverses_payment_id = ?',
          paymentId,
        ),
      ),
    ).toBe(1);
  });

  it('two PCs refreshing the same loan’s status end with the engine’s answer', async () => {
    const { first, second } = await twoPcs();
    const { loanId } = await givenACarTitleLoan(first.dispatch);
    // The cache says the loan was computed long ago; both PCs' worklists roll it forward at once
    // while a payment posts.
    await rawSql(first.ctx.db).run(
      "UPDATE loan_status SET computed_as_of = '2026-03-10', next_due_date = '2026-04-10' WHERE loan_id = ?",
      loanId,
    );
    await Promise.all([
      first.attempt('collections.worklist', {}),
      second.attempt('collections.worklist', {}),
      second.attempt('payments.record', { loanId, date: '2026-06-15', amount: 700_000, method: 'cash' }),
      first.attempt('collections.worklist', {}),
    ]);
    const cached = await rawSql(first.ctx.db).get<{
      outstanding_principal: number;
      overdue_principal: number;
    }>('SELECT outstanding_principal, overdue_principal FROM loan_status WHERE loan_id = ?', loanId);
    const engine = statementOf(await loadLoanRecords(first.ctx.db, loanId), '2026-06-15');
    expect(Number(cached?.outstanding_principal)).toBe(engine.outstandingPrincipal);
    expect(Number(cached?.overdue_principal)).toBe(engine.overdue.principal);
  });
});

describe('every PC hears what another PC changed', () => {
  it('a payment posted on one PC reaches the other, naming the loan, as it commits', async () => {
    const { first, second } = await twoPcs();
    const { loanId } = await givenACarTitleLoan(first.dispatch);
    const start = await second.call('system.changes', { after: 0, waitMs: 0 });
    expect(start.connected).toBe(true);
    const heard = second.call('system.changes', { after: start.cursor, waitMs: 10_000 });
    const posted = Date.now();
    await first.call('payments.record', { loanId, date: '2026-06-15', amount: 100_000, method: 'cash' });
    const changes = await heard;
    expect(Date.now() - posted).toBeLessThan(5_000);
    expect(changes).toMatchObject({ connected: true, everything: false });
    expect(changes.loans).toEqual([loanId]);
    expect(changes.tables).toContain('payments');
    // The status cache and the audit chain are the app's own bookkeeping, not news.
    expect(changes.tables).not.toContain('loan_status');
    expect(changes.tables).not.toContain('audit_log');
  });

  it('a change rolled back is never heard', async () => {
    const { first, second } = await twoPcs();
    const { loanId } = await givenACarTitleLoan(first.dispatch);
    const { cursor } = await second.call('system.changes', { after: 0, waitMs: 0 });
    const refused = await first.attempt('payments.record', {
      loanId,
      date: '2026-06-15',
      amount: 999_999_999,
      method: 'cash',
    });
    expect(refused.ok).toBe(false);
    const changes = await second.call('system.changes', { after: cursor, waitMs: 300 });
    expect(changes.cursor).toBe(cursor);
    expect(changes.loans).toEqual([]);
  });

  it('a PC that lost the server says so, and refreshes everything once it is back', async () => {
    const { first, second } = await twoPcs();
    const { cursor } = await second.call('system.changes', { after: 0, waitMs: 0 });
    const book = new URL(first.ctx.databasePath).pathname.slice(1);
    const admin = inject('postgresAdminUrl');
    // The server stops taking new connections to the book, and this PC's listener is cut off.
    await adminQuery(admin, `ALTER DATABASE ${book} WITH ALLOW_CONNECTIONS false`);
    try {
      await rawSql(first.ctx.db).run(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'Pledgebook changes'",
      );
      const lost = await second.call('system.changes', { after: cursor, waitMs: 5_000 });
      expect(lost).toMatchObject({ connected: false });
    } finally {
      await adminQuery(admin, `ALTER DATABASE ${book} WITH ALLOW_CONNECTIONS true`);
    }
    const back = await second.call('system.changes', { after: cursor, waitMs: 10_000 });
    expect(back).toMatchObject({ connected: true, everything: true });
  });
});

describe('a new version starting on several PCs at once', () => {
  it('migrates once, under the migration lock, while the others wait and then open the same book', async () => {
    const admin = inject('postgresAdminUrl');
    const name = `upgrade_${process.pid}_${Date.now().toString(36)}`;
    await adminQuery(admin, `CREATE DATABASE ${name}`);
    const url = new URL(admin);
    url.pathname = `/${name}`;
    try {
      const pcs = await Promise.all([1, 2, 3].map(() => openApp({ databasePath: url.toString(), clock })));
      const applied = await rawSql(pcs[0]!.ctx.db).all<{ name: string; n: number }>(
        'SELECT name, count(*) AS n FROM kysely_migration GROUP BY name ORDER BY name',
      );
      expect(applied.map((r) => r.name)).toEqual(POSTGRES_MIGRATION_NAMES);
      expect(applied.every((r) => Number(r.n) === 1)).toBe(true);
      for (const pc of pcs) await pc.close();
    } finally {
      await adminQuery(admin, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    }
  });
});
