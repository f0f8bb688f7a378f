/**
 * `seed`: a deterministic, realistic loan book, checked row by row against the shared engine.
 * Every assertion recomputes from the database; nothing is compared with a stored snapshot.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/main';
import type { CliIo } from '../../../electron/cli/command';
import { openApp } from '../../../electron/services/app';
import { fixedClock } from '../../../electron/services/clock';
import { payoffOf } from '../../../electron/services/loans/statement';
import { nextCounter } from '../../../electron/services/system/settings.repository';
import {
  computeStatement,
  type Payment,
  type ScheduledInstallment,
  type Statement,
} from '../../../shared/engine';
import { daysBetween, isValidIsoDate } from '../../../shared/dates';
import { sqliteOf } from '../../../electron/services/context';

const AS_OF = '2026-06-30';
const SEEDED_TABLES: Record<string, string> = {
  borrowers: 'id',
  loans: 'id',
  loan_parties: 'loan_id, borrower_id, role',
  schedule_versions: 'id',
  installments: 'version_id, n',
  payments: 'id',
  loan_status: 'loan_id',
  counters: 'name',
  settings: 'key',
};

let dir: string;

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (t) => out.push(t), err: (t) => err.push(t), env: {} };
  return { io, out, err };
}

/** The plain book: the year of work is checked in activity.test.ts. */
async function seed(db: string, ...extra: string[]) {
  const c = capture();
  const code = await runCli(['seed', '--db', db, '--no-activity', ...extra], c.io);
  return { code, ...c };
}

/** SHA-256 of each seeded table's rows in key order. */
function tableHashes(path: string): Record<string, string> {
  const db = new Database(path, { readonly: true });
  try {
    return Object.fromEntries(
      Object.entries(SEEDED_TABLES).map(([table, order]) => {
        const hash = createHash('sha256');
        for (const row of db.prepare(`SELECT * FROM ${table} ORDER BY ${order}`).raw().iterate()) {
          hash.update(JSON.stringify(row));
          hash.update('\n');
        }
        return [table, hash.digest('hex')];
      }),
    );
  } finally {
    db.close();
  }
}

interface LoanRow {
  id: number;
  number: string;
  product: string;
  status: string;
  start_date: string;
  penalty_daily_rate_percent: string;
  grace_days: number;
}
interface StatusRow {
  loan_id: number;
  computed_as_of: string;
  oldest_unpaid_due_date: string | null;
  outstanding_principal: number;
  overdue_principal: number;
  overdue_interest: number;
  penalty_due: number;
  next_due_date: string | null;
  next_due_amount: number | null;
  last_payment_date: string | null;
}
interface Book {
  loan: LoanRow;
  installments: ScheduledInstallment[];
  payments: (Payment & { id: number })[];
  status: StatusRow;
}

/** Every loan with its active schedule, payments (in entry order) and cached status. */
function readBooks(path: string): Book[] {
  const db = new Database(path, { readonly: true });
  try {
    const loans = db.prepare('SELECT * FROM loans ORDER BY id').all() as LoanRow[];
    const installments = db.prepare(
      `SELECT i.n, i.due_date AS dueDate, i.principal, i.interest FROM installments i
       JOIN schedule_versions v ON v.id = i.version_id WHERE v.loan_id = ? AND v.is_active = 1 ORDER BY i.n`,
    );
    const payments = db.prepare(
      'SELECT id, date, amount, receipt_number AS ref FROM payments WHERE loan_id = ? ORDER BY id',
    );
    const status = db.prepare('SELECT * FROM loan_status WHERE loan_id = ?');
    return loans.map((loan) => ({
      loan,
      installments: installments.all(loan.id) as ScheduledInstallment[],
      payments: payments.all(loan.id) as (Payment & { id: number })[],
      status: status.get(loan.id) as StatusRow,
    }));
  } finally {
    db.close();
  }
}

const statementOf = (book: Book, asOf: string, payments: readonly Payment[] = book.payments): Statement =>
  computeStatement({
    installments: book.installments,
    penaltyDailyRatePercent: book.loan.penalty_daily_rate_percent,
    graceDays: book.loan.grace_days,
    payments,
    asOf,
    startDate: book.loan.start_date,
  });

/** ISO 7064 MOD 11-2 as the standard states it: Σ aᵢ·2^(i−1) ≡ 1 (mod 11), i counted from the right, X = 10. */
function residentIdIsValid(id: string): boolean {
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  let sum = 0;
  for (let j = 0; j < 18; j++) {
    const value = id[j] === 'X' ? 10 : Number(id[j]);
    sum += value * (2 ** (17 - j) % 11);
  }
  return sum % 11 === 1;
}

const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
/** GB 32100: Σ cᵢ·3^i (mod 31) over all 18 characters is 0; the embedded GB 11714 code checks too. */
function socialCreditCodeIsValid(code: string): boolean {
  if (code.length !== 18) return false;
  const values = [...code].map((ch) => USCC_CHARS.indexOf(ch));
  if (values.some((v) => v < 0)) return false;
  let sum = values[17]!;
  for (let i = 0; i < 17; i++) sum += values[i]! * (3 ** i % 31);
  if (sum % 31 !== 0) return false;
  // GB 11714 values letters A = 10 … Z = 35 and writes a check value of 10 as X.
  const org = code.slice(8, 17);
  let orgSum = org[8] === 'X' ? 10 : Number(org[8]);
  for (let i = 0; i < 8; i++) orgSum += parseInt(org[i]!, 36) * (2 ** (8 - i) % 11);
  return orgSum % 11 === 0;
}

/** ISO 7064 MOD 11,10 for the old 15-digit registration numbers. */
function registrationNumberIsValid(code: string): boolean {
  if (!/^\d{15}$/.test(code)) return false;
  let p = 10;
  for (const ch of code.slice(0, 14)) {
    const s = (p + Number(ch)) % 10 || 10;
    p = (2 * s) % 11;
  }
  return (p + Number(code[14])) % 10 === 1;
}

describe('seed', () => {
  let dbA: string;
  let summary: Record<string, unknown> & {
    loans: number;
    borrowers: number;
    installments: number;
    payments: number;
    overdue: number;
    byBucket: Record<string, number>;
    byProduct: Record<string, number>;
    byStatus: Record<string, number>;
  };
  let books: Book[];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pledgebook-seed-'));
    dbA = join(dir, 'a.db');
    const run = await seed(dbA, '--loans', '1000', '--seed', '42', '--as-of', AS_OF);
    expect(run.err).toEqual([]);
    expect(run.code).toBe(0);
    // stdout carries the JSON summary and nothing else.
    summary = JSON.parse(run.out.join('\n'));
    books = readBooks(dbA);
  });

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('is deterministic: the same arguments give identical tables, another seed does not', async () => {
    const dbB = join(dir, 'b.db');
    const again = await seed(dbB, '--loans', '1000', '--seed', '42', '--as-of', AS_OF);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.out.join('\n'))).toEqual(summary);
    expect(tableHashes(dbB)).toEqual(tableHashes(dbA));

    const dbC = join(dir, 'c.db');
    expect((await seed(dbC, '--loans', '1000', '--seed', '43', '--as-of', AS_OF)).code).toBe(0);
    const [a, c] = [tableHashes(dbA), tableHashes(dbC)];
    for (const table of ['borrowers', 'loans', 'installments', 'payments', 'loan_status']) {
      expect(c[table], table).not.toBe(a[table]);
    }
  });

  it('reports what it wrote', () => {
    const db = new Database(dbA, { readonly: true });
    const count = (sql: string) => Number(db.prepare(sql).pluck().get());
    try {
      expect(summary.loans).toBe(1000);
      expect(count('SELECT count(*) FROM loans')).toBe(1000);
      expect(count('SELECT count(*) FROM borrowers')).toBe(summary.borrowers);
      expect(count('SELECT count(*) FROM installments')).toBe(summary.installments);
      expect(count('SELECT count(*) FROM payments')).toBe(summary.payments);
      expect(count('SELECT count(*) FROM loan_status')).toBe(1000);
      expect(
        count(
          "SELECT count(*) FROM schedule_versions WHERE version = 1 AND reason = 'contract' AND is_active = 1",
        ),
      ).toBe(1000);
      expect(summary.byProduct).toEqual({
        'car-title': count("SELECT count(*) FROM loans WHERE product = 'car-title'"),
        mortgage: count("SELECT count(*) FROM loans WHERE product = 'mortgage'"),
      });
      const byBucket: Record<string, number> = {};
      for (const b of books) {
        const bucket = statementOf(b, AS_OF).bucket;
        byBucket[bucket] = (byBucket[bucket] ?? 0) + 1;
      }
      expect(Object.fromEntries(Object.entries(summary.byBucket).filter(([, n]) => n > 0))).toEqual(byBucket);
      expect(summary.overdue).toBe(1000 - (byBucket.current ?? 0));
      expect(summary.byStatus).toEqual({
        active: count("SELECT count(*) FROM loans WHERE status = 'active'"),
        legal: count("SELECT count(*) FROM loans WHERE status = 'legal'"),
        closed: count("SELECT count(*) FROM loans WHERE status = 'closed'"),
      });
    } finally {
      db.close();
    }
  });

  it('splits products about 60/40 and keeps terms in the market ranges', () => {
    const carTitle = books.filter((b) => b.loan.product === 'car-title').length;
    expect(carTitle / books.length).toBeGreaterThanOrEqual(0.57);
    expect(carTitle / books.length).toBeLessThanOrEqual(0.63);
    const db = new Database(dbA, { readonly: true });
    try {
      const loans = db.prepare('SELECT * FROM loans').all() as (LoanRow & {
        principal: number;
        annual_rate_percent: string;
        months: number;
        method: string;
      })[];
      for (const l of loans) {
        expect(l.principal % 100_00, l.number).toBe(0); // whole hundreds of yuan
        expect(l.start_date <= AS_OF && daysBetween(l.start_date, AS_OF) <= 1096, l.number).toBe(true);
        const rate = Number(l.annual_rate_percent);
        if (l.product === 'car-title') {
          expect([l.principal >= 30_000_00, l.principal <= 300_000_00, rate >= 10, rate <= 24]).toEqual([
            true,
            true,
            true,
            true,
          ]);
          expect(l.months >= 12 && l.months <= 36 && l.method !== 'bullet', l.number).toBe(true);
        } else {
          expect([l.principal >= 200_000_00, l.principal <= 3_000_000_00, rate >= 6, rate <= 15]).toEqual([
            true,
            true,
            true,
            true,
          ]);
          expect(l.months >= 12 && l.months <= 120, l.number).toBe(true);
        }
      }
      const methods = new Set(loans.map((l) => l.method));
      expect([...methods].sort()).toEqual(['annuity', 'bullet', 'equal-principal', 'interest-only']);
    } finally {
      db.close();
    }
  });

  it('gives persons valid resident IDs and companies valid licence numbers', () => {
    const db = new Database(dbA, { readonly: true });
    try {
      const rows = db.prepare('SELECT kind, name, id_type, id_number, phone FROM borrowers').all() as {
        kind: string;
        name: string;
        id_type: string;
        id_number: string;
        phone: string;
      }[];
      const persons = rows.filter((r) => r.kind === 'person');
      const companies = rows.filter((r) => r.kind === 'company');
      expect(persons.length).toBeGreaterThan(0);
      expect(companies.length).toBeGreaterThan(0);
      for (const p of persons) {
        expect(p.id_type).toBe('resident-id');
        expect(residentIdIsValid(p.id_number), p.id_number).toBe(true);
        const birth = `${p.id_number.slice(6, 10)}-${p.id_number.slice(10, 12)}-${p.id_number.slice(12, 14)}`;
        expect(isValidIsoDate(birth) && birth < '2006-01-01' && birth > '1950-01-01', p.id_number).toBe(true);
        expect(p.phone).toMatch(/^1[3-9]\d{9}$/);
        expect(p.name).toMatch(/^\p{Script=Han}{2,4}$/u);
      }
      for (const c of companies) {
        expect(c.id_type).toBe('business-licence');
        expect(
          socialCreditCodeIsValid(c.id_number) || registrationNumberIsValid(c.id_number),
          c.id_number,
        ).toBe(true);
        expect(c.name).toMatch(/有限公司$/);
        expect(c.phone).toMatch(/^(1[3-9]\d{9}|0\d{2,3}-\d{7,8})$/);
      }
      expect(new Set(rows.map((r) => r.id_number)).size).toBe(rows.length);
      // The checks above must be able to fail.
      expect(residentIdIsValid('11010519491231002X')).toBe(true);
      expect(residentIdIsValid('110105194912310021')).toBe(false);
      expect(socialCreditCodeIsValid('91350100M000100Y43')).toBe(true);
      expect(socialCreditCodeIsValid('91350100M000100Y44')).toBe(false);
      // Companies are about 15 % of the borrowers on loans.
      const companyLoans = Number(
        db
          .prepare(
            "SELECT count(*) FROM loans l JOIN borrowers b ON b.id = l.borrower_id WHERE b.kind = 'company'",
          )
          .pluck()
          .get(),
      );
      expect(companyLoans / 1000).toBeGreaterThan(0.08);
      expect(companyLoans / 1000).toBeLessThan(0.22);
    } finally {
      db.close();
    }
  });

  it('never dates a payment outside the loan or takes more than was owed that day', () => {
    let checked = 0;
    for (const book of books) {
      const { loan, payments } = book;
      payments.forEach((p, k) => {
        expect(p.date > loan.start_date && p.date <= AS_OF, `${loan.number} ${p.date}`).toBe(true);
        if (k > 0) expect(p.date > payments[k - 1]!.date, loan.number).toBe(true);
        const before = statementOf(book, p.date, payments.slice(0, k));
        expect(p.amount, `${loan.number} payment ${k + 1}`).toBeLessThanOrEqual(payoffOf(before));
        expect(p.amount).toBeGreaterThan(0);
        checked++;
      });
      expect(statementOf(book, AS_OF).unapplied, loan.number).toBe(0);
    }
    expect(checked).toBe(summary.payments);
  });

  it('caches the engine status of every loan and closes exactly the settled ones', () => {
    const statuses = new Set<string>();
    for (const book of books) {
      const s = statementOf(book, AS_OF);
      const { status, loan } = book;
      const thisMonth = s.allocations.filter((a) => a.date.slice(0, 7) === AS_OF.slice(0, 7));
      const paid = (part: 'penalty' | 'interest' | 'principal') => thisMonth.reduce((t, a) => t + a[part], 0);
      expect(status, loan.number).toEqual({
        month_ends_through: null,
        collected_month: AS_OF.slice(0, 7),
        collected_penalty: paid('penalty'),
        collected_interest: paid('interest'),
        collected_principal: paid('principal'),
        collected_charges: 0,
        collected_payments: thisMonth.length,
        // Collateral shares are kept on first use (the worklist), not by the seed.
        collateral_value: null,
        collateral_stale: 1,
        loan_id: loan.id,
        computed_as_of: AS_OF,
        oldest_unpaid_due_date: s.oldestUnpaidDueDate,
        outstanding_principal: s.outstandingPrincipal,
        overdue_principal: s.overdue.principal,
        overdue_interest: s.overdue.interest,
        penalty_due: s.overdue.penalty,
        next_due_date: s.nextDue?.dueDate ?? null,
        next_due_amount: s.nextDue?.amount ?? null,
        last_payment_date:
          book.payments
            .map((p) => p.date)
            .sort()
            .at(-1) ?? null,
      });
      // DPD from the cache, as the loan list computes it, is the engine's DPD.
      const cachedDpd =
        status.oldest_unpaid_due_date !== null && status.oldest_unpaid_due_date < AS_OF
          ? daysBetween(status.oldest_unpaid_due_date, AS_OF)
          : 0;
      expect(cachedDpd, loan.number).toBe(s.daysPastDue);
      expect(loan.status === 'closed', loan.number).toBe(payoffOf(s) === 0);
      if (loan.status === 'legal') expect(s.daysPastDue, loan.number).toBeGreaterThan(90);
      statuses.add(loan.status);
    }
    expect([...statuses].sort()).toEqual(['active', 'closed', 'legal']);
  });

  it('produces a realistic delinquency spread over every aging bucket', () => {
    const open = books.filter((b) => b.loan.status !== 'closed').map((b) => statementOf(b, AS_OF));
    const overdue = open.filter((s) => s.daysPastDue > 0);
    const share = overdue.length / open.length;
    expect(share).toBeGreaterThanOrEqual(0.08);
    expect(share).toBeLessThanOrEqual(0.25);
    for (const bucket of ['1-30', '31-60', '61-90', '91-180', '181+']) {
      expect(overdue.filter((s) => s.bucket === bucket).length, bucket).toBeGreaterThan(0);
    }
    // Some loans were paid off early, some ran to maturity, some have not started paying.
    expect(books.filter((b) => b.loan.status === 'closed').length).toBeGreaterThan(100);
  });

  it('numbers loans and receipts from the counters and leaves them at the last used values', () => {
    const db = new Database(dbA, { readonly: true });
    try {
      const counters = Object.fromEntries(
        (db.prepare('SELECT name, value FROM counters').all() as { name: string; value: number }[]).map(
          (r) => [r.name, r.value],
        ),
      );
      expect(counters).toEqual({ 'loan-number': 1000, 'receipt-number': summary.payments });
      for (const { loan } of books) {
        expect(loan.number).toBe(`PB-${loan.start_date.slice(0, 4)}-${String(loan.id).padStart(6, '0')}`);
      }
      const receipts = db.prepare('SELECT receipt_number, date FROM payments ORDER BY id').all() as {
        receipt_number: string;
        date: string;
      }[];
      receipts.forEach((r, k) =>
        expect(r.receipt_number).toBe(`R-${r.date.slice(0, 4)}-${String(k + 1).padStart(6, '0')}`),
      );
    } finally {
      db.close();
    }
  });

  it('refuses a database that already has loans unless asked to append', async () => {
    const before = tableHashes(dbA);
    const refused = await seed(dbA, '--loans', '10', '--seed', '1', '--as-of', AS_OF);
    expect(refused.code).toBe(2);
    expect(refused.out).toEqual([]);
    expect(refused.err).toHaveLength(1);
    expect(refused.err[0]).toMatch(/1000 loans.*--append/);
    expect(tableHashes(dbA)).toEqual(before);

    const small = join(dir, 'append.db');
    expect((await seed(small, '--loans', '30', '--seed', '5', '--as-of', AS_OF)).code).toBe(0);
    const appended = await seed(small, '--loans', '20', '--seed', '5', '--as-of', AS_OF, '--append');
    expect(appended.code).toBe(0);
    expect(JSON.parse(appended.out.join('\n')).loans).toBe(20);
    const db = new Database(small, { readonly: true });
    try {
      const numbers = db.prepare('SELECT number FROM loans ORDER BY id').pluck().all() as string[];
      expect(numbers.map((n) => Number(n.slice(-6)))).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
      expect(db.prepare("SELECT value FROM counters WHERE name = 'loan-number'").pluck().get()).toBe(50);
      const ids = db.prepare('SELECT id_number FROM borrowers').pluck().all() as string[];
      expect(new Set(ids).size).toBe(ids.length);
    } finally {
      db.close();
    }
    // The app numbers the next loan and receipt after the seeded ones.
    const app = await openApp({ databasePath: small, clock: fixedClock(AS_OF) });
    try {
      const receipts = Number(sqliteOf(app.ctx).prepare('SELECT count(*) FROM payments').pluck().get());
      expect(await nextCounter(app.ctx.db, 'loan-number')).toBe(51);
      expect(await nextCounter(app.ctx.db, 'receipt-number')).toBe(receipts + 1);
    } finally {
      await app.close();
    }
  });

  describe('bad usage exits 2 with one line naming the flag and writes nothing', () => {
    const cases: [string, string[], RegExp][] = [
      ['missing --loans', ['--seed', '1'], /--loans/],
      ['non-numeric --loans', ['--loans', 'many', '--seed', '1'], /--loans/],
      ['fractional --loans', ['--loans', '1.5', '--seed', '1'], /--loans/],
      ['zero --loans', ['--loans', '0', '--seed', '1'], /--loans/],
      ['too many --loans', ['--loans', '1000001', '--seed', '1'], /--loans/],
      ['negative --loans', ['--loans=-5', '--seed', '1'], /--loans/],
      ['missing --seed', ['--loans', '10'], /--seed/],
      ['non-numeric --seed', ['--loans', '10', '--seed', 'abc'], /--seed/],
      ['--seed beyond 32 bits', ['--loans', '10', '--seed', '4294967296'], /--seed/],
      ['impossible --as-of', ['--loans', '10', '--seed', '1', '--as-of', '2026-02-30'], /--as-of/],
      ['badly written --as-of', ['--loans', '10', '--seed', '1', '--as-of', '30/06/2026'], /--as-of/],
      ['unknown flag', ['--loans', '10', '--seed', '1', '--rows', '5'], /--rows/],
    ];
    it.each(cases)('%s', async (_name, args, flag) => {
      const db = join(dir, `bad-${_name.replace(/\W+/g, '-')}.db`);
      const run = await seed(db, ...args);
      expect(run.code).toBe(2);
      expect(run.out).toEqual([]);
      expect(run.err).toHaveLength(1);
      expect(run.err[0]!.split('\n')).toHaveLength(1);
      expect(run.err[0]).toMatch(flag);
      expect(existsSync(db)).toBe(false);
    });
  });
});
