/**
 * Seeds a deterministic, realistic loan book: borrowers, loans with their contract schedules,
 * payment histories produced by the shared engine, and the per-loan status cache. The same loan
 * count, seed and as-of date give the same rows, byte for byte: everything random comes from the
 * seeded PRNG and every date and timestamp is derived from as-of, never from the wall clock.
 *
 * Rows go in through better-sqlite3 prepared statements, a batch of loans per transaction, so a
 * 100,000-loan benchmark book takes seconds rather than the hours per-row Kysely round trips cost.
 */
import type Database from 'better-sqlite3';
import { AGING_BUCKETS, buildSchedule, type AgingBucket } from '../../../shared/engine';
import { addDays, daysBetween, fromDayNumber, toDayNumber, type IsoDate } from '../../../shared/dates';
import type { PaymentMethod } from '../../../shared/contract';
import { sqliteOf, type ServiceContext } from '../context';
import { formatLoanNumber } from '../loans/loans.service';
import { STATUS_COLUMNS, statusRow } from '../loans/status-cache';
import { loadSettings } from '../system/system.service';
import { drawBehaviour, simulatePayments } from './behaviour';
import { CollateralSeeder, type CollateralSummary } from './collateral';
import { PartyFactory, type SeedParty } from './people';
import { Rng } from './prng';
import { drawTerms, type SeedProduct } from './terms';
import type { ActivityCandidate } from './calendar';
import { seedYearOfWork, type ActivitySummary } from './year-of-work';
import {
  BANKS,
  CASHIERS,
  COMPANY_GUARANTOR_RELATIONSHIPS,
  GUARANTOR_RELATIONSHIPS,
  OFFICERS,
  REFERENCE_RELATIONSHIPS,
} from './words';

export const MAX_SEED_LOANS = 1_000_000;
/** Disbursements are spread over this many days up to and including as-of (three years). */
export const SEED_SPAN_DAYS = 1095;

export interface SeedOptions {
  loans: number;
  /** Unsigned 32-bit seed of the PRNG. */
  seed: number;
  /** "Today" for the seeded book: no disbursement or payment is dated after it. */
  asOf: IsoDate;
  /** Add to a database that already has loans instead of refusing. */
  append?: boolean;
  /** Loans per transaction. */
  batchSize?: number;
  onProgress?: (done: number, total: number) => void;
  /**
   * Also seed a year of the office's work before as-of (users in every role, calls, promises,
   * visits, plans, legal cases, repossessions, write-offs, pending approvals), through the
   * services. Off by default so tests that build on a plain book get exactly that.
   */
  activity?: boolean;
}

export interface SeedSummary {
  loans: number;
  borrowers: number;
  installments: number;
  payments: number;
  /** Seeded loans past due as of as-of, by the engine. */
  overdue: number;
  /** Every seeded loan by the engine's aging bucket as of as-of (settled loans are current). */
  byBucket: Record<AgingBucket, number>;
  byProduct: Record<SeedProduct, number>;
  /** Seeded loans by status: settled ones closed, some long-defaulted ones with lawyers. */
  byStatus: Record<'active' | 'legal' | 'closed', number>;
  /** Collateral items and valuations written for the seeded loans. */
  collateral: CollateralSummary;
  /** The year of work, when asked for. */
  activity?: ActivitySummary;
}

/** The database already holds loans and appending was not asked for. */
export class SeedRefusedError extends Error {}

const PRODUCT_DECK: readonly SeedProduct[] = ['car-title', 'car-title', 'car-title', 'mortgage', 'mortgage'];
const POOL_SIZE = 4096;
const INSTALLMENT_CHUNK = 12;

interface PooledParty {
  id: number;
  party: SeedParty;
  /** Set once a spouse has stood guarantor or reference, so a returning customer keeps one. */
  spouse?: PooledParty;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

function statements(sqlite: Database.Database) {
  return {
    countLoans: sqlite.prepare('SELECT count(*) FROM loans').pluck(),
    takenIds: sqlite.prepare('SELECT kind, id_number, phone, name FROM borrowers'),
    readCounter: sqlite.prepare('SELECT value FROM counters WHERE name = ?').pluck(),
    writeCounter: sqlite.prepare(
      'INSERT INTO counters (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value',
    ),
    borrower: sqlite.prepare(
      `INSERT INTO borrowers (kind, name, id_type, id_number, phone, alt_phone, address, employer, notes, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    loan: sqlite.prepare(
      `INSERT INTO loans (number, product, borrower_id, status, principal, annual_rate_percent, months, method, start_date,
         penalty_daily_rate_percent, grace_days, upfront_fee, officer, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    /** A loan is born active; settling it or handing it to lawyers is a dated change after. */
    moveStatus: sqlite.prepare('UPDATE loans SET status = ?, updated_at = ? WHERE id = ?'),
    party: sqlite.prepare(
      'INSERT INTO loan_parties (loan_id, borrower_id, role, relationship) VALUES (?, ?, ?, ?)',
    ),
    version: sqlite.prepare(
      `INSERT INTO schedule_versions (loan_id, version, reason, effective_from, is_active, created_at)
       VALUES (?, 1, 'contract', ?, 1, ?)`,
    ),
    installment: sqlite.prepare(
      'INSERT INTO installments (version_id, n, due_date, principal, interest) VALUES (?, ?, ?, ?, ?)',
    ),
    /** INSTALLMENT_CHUNK rows at a time: one call instead of a dozen for most schedules. */
    installmentChunk: sqlite.prepare(
      `INSERT INTO installments (version_id, n, due_date, principal, interest) VALUES ${Array.from(
        { length: INSTALLMENT_CHUNK },
        () => '(?, ?, ?, ?, ?)',
      ).join(', ')}`,
    ),
    payment: sqlite.prepare(
      `INSERT INTO payments (loan_id, receipt_number, date, amount, method, reference, received_by, reverses_payment_id,
         reversal_reason, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, NULL, '', ?)`,
    ),
    status: sqlite.prepare(
      `INSERT INTO loan_status (loan_id, ${STATUS_COLUMNS.join(', ')})
       VALUES (@loan_id, ${STATUS_COLUMNS.map((c) => `@${c}`).join(', ')})`,
    ),
  };
}

/** Seeds a file book (seed-book.ts seeds a server book through one). */
export async function seedFileBook(ctx: ServiceContext, options: SeedOptions): Promise<SeedSummary> {
  const sqlite = sqliteOf(ctx);
  const { loans: total, asOf } = options;
  if (!Number.isInteger(total) || total < 1 || total > MAX_SEED_LOANS) {
    throw new RangeError(`loans must be a whole number from 1 to ${MAX_SEED_LOANS}: ${total}`);
  }
  const batchSize = options.batchSize ?? 1000;
  const sql = statements(sqlite);
  const existing = Number(sql.countLoans.get());
  if (existing > 0 && !options.append) {
    throw new SeedRefusedError(
      `the database already has ${existing} loan${existing === 1 ? '' : 's'}; pass --append to add more`,
    );
  }
  const { loanNumberPrefix } = await loadSettings(ctx);

  // Appending draws a different stream, so a second run adds new people rather than twins.
  const rng = new Rng(options.seed, existing);
  const taken = { idNumbers: [] as string[], phones: [] as string[], names: [] as string[] };
  type Taken = { kind: string; id_number: string; phone: string; name: string };
  for (const row of sql.takenIds.iterate() as Iterable<Taken>) {
    taken.idNumbers.push(row.id_number);
    taken.phones.push(row.phone);
    if (row.kind === 'company') taken.names.push(row.name);
  }
  const parties = new PartyFactory(rng, taken);
  const collateral = new CollateralSeeder(sqlite, options.seed, asOf, existing);

  const summary: SeedSummary = {
    loans: 0,
    borrowers: 0,
    installments: 0,
    payments: 0,
    overdue: 0,
    byBucket: Object.fromEntries(AGING_BUCKETS.map((b) => [b, 0])) as Record<AgingBucket, number>,
    byProduct: { 'car-title': 0, mortgage: 0 },
    byStatus: { active: 0, legal: 0, closed: 0 },
    collateral: collateral.summary,
  };

  const asOfDay = toDayNumber(asOf);
  const firstDay = asOfDay - SEED_SPAN_DAYS;
  /** An office-hours timestamp (09:00–17:00 Beijing, i.e. 01:00–09:00 UTC) on `date`. */
  const stampOn = (date: IsoDate) =>
    `${date}T${pad2(rng.int(1, 8))}:${pad2(rng.int(0, 59))}:${pad2(rng.int(0, 59))}.000Z`;

  // Recent customers, for repeat loans and for people who stand guarantor for someone else.
  const borrowerPool: PooledParty[] = [];
  const personPool: PooledParty[] = [];
  const remember = (pool: PooledParty[], entry: PooledParty) => {
    if (pool.length < POOL_SIZE) pool.push(entry);
    else pool[rng.int(0, POOL_SIZE - 1)] = entry;
  };

  const insertParty = (p: SeedParty): number => {
    summary.borrowers++;
    return Number(
      sql.borrower.run(
        p.kind,
        p.name,
        p.idType,
        p.idNumber,
        p.phone,
        p.altPhone,
        p.address,
        p.employer,
        p.notes,
        p.createdAt,
        p.createdAt,
      ).lastInsertRowid,
    );
  };

  let deck: SeedProduct[] = [];
  const candidates: ActivityCandidate[] = [];

  const seedOne = (index: number, counters: { loan: number; receipt: number }) => {
    const startDate = fromDayNumber(
      firstDay + Math.floor(((index + rng.float()) * (SEED_SPAN_DAYS + 1)) / total),
    );
    if (deck.length === 0) deck = rng.shuffle([...PRODUCT_DECK]);
    const product = deck.pop()!;
    const terms = drawTerms(rng, product, startDate);
    const installments = buildSchedule(terms);
    const behaviour = drawBehaviour(rng, terms, installments, asOf);
    const sim = simulatePayments(rng, terms, installments, behaviour, asOf);
    const createdAt = stampOn(startDate);
    const officer = rng.pick(OFFICERS);

    // The borrower: now and then a returning customer, otherwise someone new.
    const companyShare = product === 'mortgage' ? 0.25 : 0.08;
    let borrower: PooledParty;
    const returning = borrowerPool.length > 0 && rng.chance(0.08) ? rng.pick(borrowerPool) : null;
    if (returning) {
      borrower = returning;
    } else {
      const party = rng.chance(companyShare)
        ? parties.company({ createdAt })
        : parties.person({ onDate: startDate, createdAt });
      borrower = { id: insertParty(party), party };
      remember(borrowerPool, borrower);
      if (party.kind === 'person') remember(personPool, borrower);
    }

    const loanParties: { id: number; role: 'guarantor' | 'reference'; relationship: string }[] = [];
    const newPerson = (relationship: string, role: 'guarantor' | 'reference') => {
      const isSpouse = relationship === '配偶' && borrower.party.kind === 'person';
      if (isSpouse && borrower.spouse) {
        loanParties.push({ id: borrower.spouse.id, role, relationship });
        return;
      }
      const party = parties.person({
        onDate: startDate,
        createdAt,
        city: borrower.party.city,
        spouseOf: isSpouse ? borrower.party : undefined,
      });
      const entry: PooledParty = { id: insertParty(party), party };
      if (isSpouse) borrower.spouse = entry;
      if (role === 'guarantor') remember(personPool, entry);
      loanParties.push({ id: entry.id, role, relationship });
    };
    if (borrower.party.kind === 'company') {
      newPerson(rng.weighted(COMPANY_GUARANTOR_RELATIONSHIPS), 'guarantor');
    } else if (rng.chance(product === 'mortgage' ? 0.35 : 0.2)) {
      const known = personPool.length > 0 && rng.chance(0.2) ? rng.pick(personPool) : null;
      if (known && known.id !== borrower.id) {
        loanParties.push({
          id: known.id,
          role: 'guarantor',
          relationship: rng.pick(['朋友', '同事', '合伙人']),
        });
      } else {
        newPerson(rng.chance(0.5) ? '配偶' : rng.pick(GUARANTOR_RELATIONSHIPS), 'guarantor');
      }
    }
    if (rng.chance(0.4)) {
      // One spouse per loan: a spouse already standing guarantor is not also the reference.
      const hasSpouse = loanParties.some((p) => p.relationship === '配偶');
      newPerson(rng.pick(REFERENCE_RELATIONSHIPS.filter((r) => !hasSpouse || r !== '配偶')), 'reference');
    }

    const { statement } = sim;
    const lastPayment = sim.payments.at(-1);
    let status: 'active' | 'legal' | 'closed' = 'active';
    // With the year of work, the office itself takes loans to court (opening a case makes them legal).
    const toLawyers = !sim.settled && statement.daysPastDue > 90 && rng.chance(0.4);
    if (sim.settled) status = 'closed';
    else if (toLawyers && !options.activity) status = 'legal';

    // Payments: a habitual channel per borrower, a cashier's name, a bank or wallet reference.
    const habit = rng.weighted<PaymentMethod>([
      ['bank-transfer', 55],
      ['cash', 30],
      ['other', 15],
    ]);
    const paymentRows = sim.payments.map((p) => {
      const method = rng.chance(0.85) ? habit : rng.pick(['bank-transfer', 'cash', 'other'] as const);
      const compact = p.date.replaceAll('-', '');
      const reference =
        method === 'bank-transfer'
          ? `${rng.pick(BANKS)}${compact}${rng.digits(10)}`
          : method === 'cash'
            ? '柜台现金'
            : rng.chance(0.6)
              ? `微信支付 4200${rng.digits(6)}${compact}${rng.digits(10)}`
              : `支付宝 ${compact}2200${rng.digits(16)}`;
      const receivedBy = method === 'cash' && rng.chance(0.4) ? officer : rng.pick(CASHIERS);
      counters.receipt++;
      return {
        receipt: `R-${p.date.slice(0, 4)}-${String(counters.receipt).padStart(6, '0')}`,
        date: p.date,
        amount: p.amount,
        method,
        reference,
        receivedBy,
        createdAt: stampOn(p.date),
      };
    });

    let updatedAt = paymentRows.at(-1)?.createdAt ?? createdAt;
    let legalFrom: IsoDate | null = null;
    if (toLawyers) {
      // Handed to lawyers some time after the loan went 90 days past due.
      const from = addDays(statement.oldestUnpaidDueDate!, 91);
      legalFrom = addDays(from, rng.int(0, Math.max(0, daysBetween(from, asOf))));
      if (status === 'legal') {
        updatedAt = stampOn(legalFrom);
        if (updatedAt < (paymentRows.at(-1)?.createdAt ?? '')) updatedAt = paymentRows.at(-1)!.createdAt;
      }
    }

    counters.loan++;
    const loanId = Number(
      sql.loan.run(
        formatLoanNumber(loanNumberPrefix, startDate, counters.loan),
        product,
        borrower.id,
        'active',
        terms.principal,
        terms.annualRatePercent,
        terms.months,
        terms.method,
        startDate,
        terms.penaltyDailyRatePercent,
        terms.graceDays,
        terms.upfrontFee,
        officer,
        createdAt,
        createdAt,
      ).lastInsertRowid,
    );
    // Its status history then says it was on the book until the day it was settled (or went to
    // lawyers), as the report and the ledger read past month ends.
    if (status !== 'active') sql.moveStatus.run(status, updatedAt, loanId);
    for (const p of loanParties) sql.party.run(loanId, p.id, p.role, p.relationship);
    collateral.forLoan({
      loanId,
      product,
      borrowerId: borrower.id,
      borrower: borrower.party,
      startDate,
      principal: terms.principal,
      status,
      statement,
      createdAt,
    });
    const versionId = Number(sql.version.run(loanId, startDate, createdAt).lastInsertRowid);
    let next = 0;
    for (; next + INSTALLMENT_CHUNK <= installments.length; next += INSTALLMENT_CHUNK) {
      const params: (number | string)[] = [];
      for (let j = next; j < next + INSTALLMENT_CHUNK; j++) {
        const i = installments[j]!;
        params.push(versionId, i.n, i.dueDate, i.principal, i.interest);
      }
      sql.installmentChunk.run(params);
    }
    for (const i of installments.slice(next)) {
      sql.installment.run(versionId, i.n, i.dueDate, i.principal, i.interest);
    }
    for (const p of paymentRows) {
      sql.payment.run(loanId, p.receipt, p.date, p.amount, p.method, p.reference, p.receivedBy, p.createdAt);
    }
    sql.status.run({ loan_id: loanId, ...statusRow(statement, lastPayment?.date ?? null) });
    if (options.activity && status === 'active' && statement.daysPastDue > 0) {
      candidates.push({
        loanId,
        product,
        address: borrower.party.address,
        daysPastDue: statement.daysPastDue,
        oldestUnpaidDueDate: statement.oldestUnpaidDueDate!,
        payments: sim.payments.map((p) => ({ date: p.date, amount: p.amount })),
        legalFrom,
      });
    }

    summary.loans++;
    summary.installments += installments.length;
    summary.payments += paymentRows.length;
    summary.byProduct[product]++;
    summary.byBucket[statement.bucket]++;
    if (statement.daysPastDue > 0) summary.overdue++;
    summary.byStatus[status]++;
  };

  const seedBatch = sqlite.transaction((from: number, to: number) => {
    const counters = {
      loan: Number(sql.readCounter.get('loan-number') ?? 0),
      receipt: Number(sql.readCounter.get('receipt-number') ?? 0),
    };
    const receiptsBefore = counters.receipt;
    for (let i = from; i < to; i++) seedOne(i, counters);
    sql.writeCounter.run('loan-number', counters.loan);
    if (counters.receipt !== receiptsBefore) sql.writeCounter.run('receipt-number', counters.receipt);
  });

  for (let from = 0; from < total; from += batchSize) {
    const to = Math.min(total, from + batchSize);
    seedBatch.immediate(from, to);
    options.onProgress?.(to, total);
  }
  if (options.activity) {
    summary.activity = await seedYearOfWork(ctx, { seed: options.seed, asOf, candidates, stream: existing });
  }
  return summary;
}
