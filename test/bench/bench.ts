// `npm run bench -- [--loans N] [--json] [--runs R] [--engine sqlite|postgres] [--clerks N]`: times the operations the performance issue
// budgets, each against hand-written SQL that answers the same question where one exists.
// The book is seeded deterministically and cached by size and seed in test/artifacts/bench-cache.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openApp, type PledgebookApp } from '../../electron/services/app';
import { fixedClock } from '../../electron/services/clock';
import { agingFromCache } from '../../electron/services/reports/aging';
import { classifyMonth } from '../../electron/services/risk/month-classification';
import { buildLedger } from '../../electron/services/ledger/ledger';
import { monthlyReport } from '../../electron/services/reports/report.service';
import { runImport } from '../../electron/services/import/import.service';
import type { MethodName } from '../../shared/contract';
import { worklistFlags } from '../../electron/services/collections/worklist.query';
import { loadCollectionSettings } from '../../electron/services/collections/settings';
import { rulesOf } from '../../electron/services/collateral/items.service';

import { AS_OF, bookFile, CACHE, importFiles } from './book-cache';
import { printResults, recorder, round, time, type Timing } from './timing';
import { benchPostgres } from './bench-postgres';
import { measureHostSplit, type HostSplitFigures } from './host-split';
import { sqliteOf } from '../../electron/services/context';
import { bucketCase, COLLATERAL_SHARES } from './hand-sql';

/** Main's event loop may wait at most this long (p99) while the host does its longest work. */
const HOST_LOOP_DELAY_BUDGET_MS = 20;

/** The aging bucket of a DPD column, as hand-written SQL would spell it. */
/** The named parameters a statement uses (better-sqlite3 refuses unused ones). */
const pick = (source: string, params: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(params).filter(([name]) => source.includes(`:${name}`)));

export const IMPORT_LOANS = 10_000;

/**
 * The import budget (10,000 loans in 10 s): a seeded book exported as the CSV files the import
 * reads, imported once into an empty database. Timed once: each run writes a whole book.
 */
async function importTiming(): Promise<Timing> {
  const files = await importFiles(IMPORT_LOANS);
  const target = join(CACHE, `import-${process.pid}.db`);
  const to = await openApp({ databasePath: target, clock: fixedClock(AS_OF) });
  try {
    const started = performance.now();
    // Seeded IDs and phones are made up: their warnings are read and accepted, as a lender would.
    const result = await runImport(to.ctx, {
      files,
      mapping: {},
      existing: 'skip',
      dryRun: false,
      acceptWarnings: true,
    });
    const ms = round(performance.now() - started);
    if (!result.committed)
      throw new Error(`import: ${result.errors.length} rows rejected, first: ${result.errors[0]?.reason}`);
    return {
      name: `import ${IMPORT_LOANS} loans (CSV export of a seeded book)`,
      medianMs: ms,
      p95Ms: ms,
      baselineMs: null,
      ratio: null,
    };
  } finally {
    await to.close();
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${target}${suffix}`, { force: true });
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      loans: { type: 'string', default: '100000' },
      json: { type: 'boolean' },
      runs: { type: 'string', default: '15' },
      engine: { type: 'string', default: 'sqlite' },
      clerks: { type: 'string', default: '0' },
    },
    strict: true,
  });
  const loans = Number(values.loans);
  const runs = Number(values.runs);
  if (!Number.isInteger(loans) || loans < 100 || loans > 1_000_000)
    throw new Error(`--loans must be 100-1,000,000, got ${values.loans}`);
  if (!Number.isInteger(runs) || runs < 3)
    throw new Error(`--runs must be an integer ≥ 3, got ${values.runs}`);
  const clerks = Number(values.clerks);
  if (!Number.isInteger(clerks) || clerks < 0 || clerks > 50)
    throw new Error(`--clerks must be 0-50, got ${values.clerks}`);
  if (clerks > 0 && values.engine !== 'postgres')
    throw new Error('--clerks runs on a server book: add --engine postgres (a file book has one writer)');
  if (values.engine === 'postgres') return benchPostgres(loans, runs, values.json ?? false, clerks);
  if (values.engine !== 'sqlite')
    throw new Error(`--engine must be sqlite or postgres, got ${values.engine}`);
  const path = await bookFile(loans, true);
  const results: Timing[] = [];
  let app: PledgebookApp | undefined;
  try {
    const open = await time(
      async () => {
        // As the desktop app opens: the start-up checks run in a worker while the dashboard loads.
        const a = await openApp({ databasePath: path, clock: fixedClock(AS_OF), startupCheck: 'background' });
        await a.handlers['reports.dashboard']({});
        return async () => {
          if ((await a.ctx.startupCheck)?.length)
            throw new Error('the bench book failed its start-up checks');
          await a.close();
        };
      },
      Math.min(runs, 3),
      1,
    );
    results.push({
      name: 'open the database and load the dashboard',
      medianMs: round(open.median),
      p95Ms: round(open.p95),
      baselineMs: null,
      ratio: null,
    });

    app = await openApp({ databasePath: path, clock: fixedClock(AS_OF) });
    const ready = app;
    const db = sqliteOf(ready.ctx);
    const call = async (method: MethodName, input: unknown) => {
      const r = await ready.dispatch(method, input);
      if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
      return r.value;
    };

    const add = recorder(results, runs);

    // The worklist screen's first page. The hand-written SQL is given the day's flags (promises,
    // visits, follow-ups, new delinquencies: found once, untimed) and ranks the same status cache
    // and kept collateral values with the score typed out by hand.
    const flags = await worklistFlags(ready.ctx.db, AS_OF, await loadCollectionSettings(ready.ctx.db));
    const ids = (set: ReadonlySet<number>) => JSON.stringify([...set]);
    const flagged = JSON.stringify([
      ...new Set([
        ...flags.brokenPromise,
        ...flags.promiseDueToday,
        ...flags.visitDueToday,
        ...flags.followUpDue,
      ]),
    ]);
    const worklistSql = db.prepare(`
      SELECT w.*, b.name, (SELECT max(at) FROM collection_contacts c WHERE c.loan_id = w.id) AS last_contact
      FROM (
        SELECT l.id, l.number, l.borrower_id, l.product, l.officer, a.collector, x.dpd, x.overdue,
               CASE WHEN x.dpd > 0 THEN
                 CASE WHEN x.dpd <= 30 THEN 10 WHEN x.dpd <= 60 THEN 20 WHEN x.dpd <= 90 THEN 30
                      WHEN x.dpd <= 180 THEN 40 ELSE 50 END
                 + min(30, x.overdue / 100000)
                 + CASE WHEN s.collateral_value IS NULL OR x.exposure <= 0 THEN 20
                        WHEN 200 * s.collateral_value < 199 * x.exposure THEN 20
                        WHEN 200 * s.collateral_value < 299 * x.exposure THEN 8 ELSE 0 END
               ELSE 0 END
               + 25 * (l.id IN (SELECT value FROM json_each(:broken)))
               + 20 * (l.id IN (SELECT value FROM json_each(:promise)))
               + 15 * (l.id IN (SELECT value FROM json_each(:young)))
               + 10 * (l.id IN (SELECT value FROM json_each(:visit)))
               + 10 * (l.id IN (SELECT value FROM json_each(:followUp))) AS score
        FROM loan_status s
        JOIN loans l ON l.id = s.loan_id
        LEFT JOIN collection_assignments a ON a.loan_id = l.id
        JOIN (SELECT loan_id,
                     CASE WHEN oldest_unpaid_due_date < :today
                          THEN CAST(julianday(:today) - julianday(oldest_unpaid_due_date) AS INTEGER) ELSE 0 END AS dpd,
                     CASE WHEN oldest_unpaid_due_date < :today
                          THEN overdue_principal + overdue_interest + penalty_due ELSE 0 END AS overdue,
                     outstanding_principal + overdue_interest + penalty_due AS exposure
              FROM loan_status) x ON x.loan_id = s.loan_id
        WHERE +l.status IN ('active', 'restructured', 'legal', 'repossessed')
          AND (s.oldest_unpaid_due_date < :today OR s.loan_id IN (SELECT value FROM json_each(:flagged)))
        ORDER BY score DESC, x.dpd DESC, x.overdue DESC, l.number
        LIMIT 100) w
      JOIN borrowers b ON b.id = w.borrower_id`);
    await add(
      'worklist: first 100 by priority',
      () => call('collections.worklist', { offset: 0, limit: 100 }),
      () =>
        worklistSql.all({
          today: AS_OF,
          broken: ids(flags.brokenPromise),
          promise: ids(flags.promiseDueToday),
          young: ids(flags.newDelinquency),
          visit: ids(flags.visitDueToday),
          followUp: ids(flags.followUpDue),
          flagged,
        }),
    );

    const agingSql = db.prepare(`
      SELECT CASE WHEN dpd = 0 THEN 'current' WHEN dpd <= 30 THEN '1-30' WHEN dpd <= 60 THEN '31-60'
             WHEN dpd <= 90 THEN '61-90' WHEN dpd <= 180 THEN '91-180' ELSE '181+' END AS bucket,
             count(*), sum(o), sum(CASE WHEN dpd > 1 THEN o END), sum(CASE WHEN dpd > 30 THEN o END),
             sum(CASE WHEN dpd > 60 THEN o END), sum(CASE WHEN dpd > 90 THEN o END)
      FROM (SELECT s.outstanding_principal AS o,
                   CASE WHEN s.oldest_unpaid_due_date < ? THEN CAST(julianday(?) - julianday(s.oldest_unpaid_due_date) AS INTEGER) ELSE 0 END AS dpd
            FROM loans l JOIN loan_status s ON s.loan_id = l.id
            WHERE l.status IN ('active', 'restructured', 'legal') AND l.start_date <= ?)
      GROUP BY bucket`);
    await add(
      'aging and PAR for the whole book (as of today or later)',
      () => agingFromCache(ready.ctx, AS_OF),
      () => agingSql.all(AS_OF, AS_OF, AS_OF),
    );

    // The report's hand-written SQL: the same month-end cache summed per section, the two top
    // tens, the activity counts, and LTV at the month's end with each item's latest valuation by
    // then split across its loans by principal (in floating point, which the app does exactly).
    const rules = await rulesOf(ready.ctx);
    const reportSql = [
      `SELECT l.product, e.status IN ('active','restructured','legal') AS in_end,
              p.loan_id IS NOT NULL AND p.status IN ('active','restructured','legal') AND l.start_date < :start AS in_start,
              ${bucketCase('e.days_past_due')} AS end_bucket, ${bucketCase('p.days_past_due')} AS start_bucket,
              CASE WHEN e.status = 'written-off' THEN 'written-off' WHEN e.status = 'repossessed' THEN 'repossessed'
                   WHEN e.status = 'closed' THEN 'paid-off'
                   WHEN e.status = 'restructured' AND p.status IS NOT 'restructured' THEN 'restructured'
                   ELSE ${bucketCase('e.days_past_due')} END AS roll,
              count(*), sum(e.outstanding_principal), sum(e.overdue_principal + e.overdue_interest + e.penalty_due),
              sum(CASE WHEN e.days_past_due > 1 THEN e.outstanding_principal END),
              sum(CASE WHEN e.days_past_due > 30 THEN e.outstanding_principal END),
              sum(CASE WHEN e.days_past_due > 60 THEN e.outstanding_principal END),
              sum(CASE WHEN e.days_past_due > 90 THEN e.outstanding_principal END),
              sum(p.outstanding_principal), sum(p.overdue_principal + p.overdue_interest + p.penalty_due),
              sum(e.recovered), sum(e.collected_penalty), sum(e.collected_interest), sum(e.collected_principal),
              sum(e.collected_charges), sum(e.payments),
              sum(CASE WHEN l.start_date >= :start THEN l.upfront_fee ELSE 0 END)
       FROM loan_month_ends e JOIN loans l ON l.id = e.loan_id
       LEFT JOIN loan_month_ends p ON p.loan_id = e.loan_id AND p.month = :before
       WHERE e.month = :month
       GROUP BY 1, 2, 3, 4, 5, 6`,
      `SELECT l.number, b.name, b.id_number, e.days_past_due, e.outstanding_principal,
              e.outstanding_principal + e.overdue_interest + e.penalty_due AS exposure
       FROM loan_month_ends e JOIN loans l ON l.id = e.loan_id JOIN borrowers b ON b.id = l.borrower_id
       WHERE e.month = :month AND e.status IN ('active','restructured','legal') AND e.days_past_due > 0
       ORDER BY exposure DESC, l.number LIMIT 10`,
      `SELECT b.name, b.id_number, o.outstanding FROM (
         SELECT l.borrower_id, sum(e.outstanding_principal) AS outstanding
         FROM loan_month_ends e JOIN loans l ON l.id = e.loan_id
         WHERE e.month = :month AND e.status IN ('active','restructured','legal')
         GROUP BY l.borrower_id ORDER BY outstanding DESC LIMIT 10) o JOIN borrowers b ON b.id = o.borrower_id`,
      `SELECT (SELECT count(*) FROM promises_to_pay WHERE made_on BETWEEN :start AND :end),
              (SELECT count(*) FROM promises_to_pay WHERE due_date BETWEEN :start AND :end),
              (SELECT count(*) FROM collection_contacts WHERE at BETWEEN :start AND :end || 'T23:59:59.999Z'),
              (SELECT count(*) FROM recoveries WHERE date BETWEEN :start AND :end),
              (SELECT count(*) FROM payments WHERE created_at > :end || 'T23:59:59.999Z' AND date <= :end)`,
      `WITH v AS (SELECT item_id, value, max(date || printf('%012d', id)) FROM collateral_valuations
                  WHERE voided_at IS NULL AND date <= :end GROUP BY item_id),
            ${COLLATERAL_SHARES},
            loan AS (SELECT loan_id, sum(value) AS value,
                            sum(value * CASE kind WHEN 'vehicle' THEN :vehicle ELSE :property END / 100.0) AS supported
                     FROM share GROUP BY loan_id)
       SELECT sum(e.outstanding_principal + e.overdue_interest + e.penalty_due > loan.supported AND loan.value > 0),
              sum(CASE WHEN e.days_past_due > 0 THEN loan.value END)
       FROM loan JOIN loan_month_ends e ON e.loan_id = loan.loan_id AND e.month = :month
       WHERE e.status IN ('active','restructured','legal')`,
    ].map((text) => db.prepare(text));
    const reportParams = {
      month: '2026-05',
      before: '2026-04',
      start: '2026-05-01',
      end: '2026-05-31',
      vehicle: Number(rules.ltvThresholdPercent.vehicle),
      property: Number(rules.ltvThresholdPercent.property),
    };
    // The classification section by hand over the month-end cache: each loan's grade at both
    // month ends by the default bands and the legal floor, the provision at the default rates, the
    // migration between the two, and the split by product.
    const gradeSql = `WITH g AS (
        SELECT e.month, e.loan_id, e.outstanding_principal AS o,
          CASE WHEN e.days_past_due = 0 AND e.status <> 'legal' THEN 0
               WHEN e.days_past_due <= 90 AND e.status <> 'legal' THEN 1
               WHEN e.days_past_due <= 270 THEN 2 WHEN e.days_past_due <= 360 THEN 3 ELSE 4 END AS grade
        FROM loan_month_ends e
        WHERE e.month IN (:before, :month) AND e.status IN ('active','restructured','legal'))`;
    const classificationSql = [
      `${gradeSql} SELECT month, grade, count(*), sum(o),
         sum(o * CASE grade WHEN 0 THEN 1 WHEN 1 THEN 2 WHEN 2 THEN 25 WHEN 3 THEN 50 ELSE 100 END / 100.0)
       FROM g GROUP BY month, grade`,
      `${gradeSql} SELECT a.grade, b.grade, count(*), sum(coalesce(b.o, a.o))
       FROM (SELECT * FROM g WHERE month = :before) a LEFT JOIN (SELECT * FROM g WHERE month = :month) b
         ON b.loan_id = a.loan_id GROUP BY 1, 2`,
      // Per product, as the section now shows it.
      `${gradeSql} SELECT l.product, count(*), sum(o), sum(CASE WHEN grade >= 2 THEN o ELSE 0 END),
         sum(o * CASE grade WHEN 0 THEN 1 WHEN 1 THEN 2 WHEN 2 THEN 25 WHEN 3 THEN 50 ELSE 100 END / 100.0)
       FROM g JOIN loans l ON l.id = g.loan_id WHERE g.month = :month GROUP BY l.product`,
    ].map((text) => db.prepare(text));
    reportSql.push(...classificationSql);
    await add(
      'monthly recovery report, all sections',
      () => monthlyReport(ready.ctx, '2026-05'),
      () => reportSql.map((statement) => statement.all(pick(statement.source, reportParams))),
      Math.min(runs, 3),
    );
    await add(
      'classification and provisions of a month (report section)',
      () => classifyMonth(ready.ctx, '2026-05'),
      () => classificationSql.map((statement) => statement.all(pick(statement.source, reportParams))),
    );

    // The ledger by hand over the month-end cache: each loan's two month ends with the month's
    // payment splits, the month's dated events, the cash and payables before the month, and the
    // ties' own sums; with the classification's SQL for the provision. The app also builds every
    // entry, the trial balance and each tie's loans.
    const ledgerSql = [
      `SELECT e.loan_id, l.number, l.start_date, l.principal, l.upfront_fee, e.status, e.days_past_due,
              e.outstanding_principal, e.interest_receivable, e.charges_outstanding, e.allocations,
              p.status, p.days_past_due, p.outstanding_principal, p.interest_receivable, p.charges_outstanding
       FROM loan_month_ends e JOIN loans l ON l.id = e.loan_id
       LEFT JOIN loan_month_ends p ON p.loan_id = e.loan_id AND p.month = :before
       WHERE e.month = :month ORDER BY e.loan_id`,
      `SELECT id, loan_id, receipt_number, date, amount, reverses_payment_id FROM payments WHERE date BETWEEN :start AND :end`,
      `SELECT o.id FROM payments r JOIN payments o ON o.id = r.reverses_payment_id WHERE o.date BETWEEN :start AND :end`,
      `SELECT v.id, c.loan_id, v.date, v.cost, v.charge_to_loan FROM legal_case_events v JOIN legal_cases c ON c.id = v.case_id
       WHERE v.cost > 0 AND v.date BETWEEN :start AND :end`,
      `SELECT loan_id, max(changed_on) FROM loan_status_changes
       WHERE to_status = 'written-off' AND changed_on BETWEEN :start AND :end GROUP BY loan_id`,
      `SELECT id, loan_id, date, amount FROM recoveries WHERE date BETWEEN :start AND :end`,
      `SELECT loan_id FROM schedule_versions WHERE version > 1 AND effective_from BETWEEN :start AND :end`,
      `SELECT (SELECT sum(upfront_fee - principal) FROM loans WHERE status <> 'draft' AND start_date < :start),
              (SELECT sum(amount) FROM payments WHERE reverses_payment_id IS NULL AND date < :start),
              (SELECT sum(amount) FROM payments WHERE reverses_payment_id IS NOT NULL AND date < :start),
              (SELECT sum(cost) FROM legal_case_events WHERE cost > 0 AND date < :start),
              (SELECT sum(amount) FROM recoveries WHERE date < :start)`,
      `SELECT sum(e.unapplied) FROM loan_month_ends e WHERE e.unapplied <> 0 AND e.month < :month
         AND NOT EXISTS (SELECT 1 FROM loan_month_ends x WHERE x.loan_id = e.loan_id AND x.month > e.month AND x.month < :month)`,
      `SELECT sum(CASE WHEN e.status IN ('active','restructured','legal') THEN e.outstanding_principal ELSE 0 END),
              sum(CASE WHEN e.status = 'repossessed' THEN e.outstanding_principal ELSE 0 END), sum(e.collected_interest)
       FROM loan_month_ends e WHERE e.month = :month`,
      ...classificationSql.map((statement) => statement.source),
    ].map((text) => db.prepare(text));
    await add(
      'ledger of a month: journal, trial balance and ties',
      () => buildLedger(ready.ctx, '2026-05'),
      () => ledgerSql.map((statement) => statement.all(pick(statement.source, reportParams))),
    );

    const someLoan = db
      .prepare(`SELECT id FROM loans WHERE status = 'active' ORDER BY id LIMIT 1 OFFSET ?`)
      .pluck();
    let k = 0;
    await add('statement of one loan', () => call('loans.get', { id: someLoan.get(k++ % 1000) }));

    const openLoans = db
      .prepare(
        `SELECT l.id FROM loans l JOIN loan_status s ON s.loan_id = l.id WHERE l.status = 'active' AND s.outstanding_principal > 100000 ORDER BY l.id LIMIT 200`,
      )
      .pluck()
      .all() as number[];
    let p = 0;
    await add('record a payment, including recompute', () =>
      call('payments.record', {
        loanId: openLoans[p++ % openLoans.length],
        date: AS_OF,
        amount: 100,
        method: 'cash',
      }),
    );

    const sample = db
      .prepare(`SELECT name, phone, id_number FROM borrowers ORDER BY id LIMIT 1 OFFSET ?`)
      .get(Math.floor(loans / 3)) as {
      name: string;
      phone: string;
      id_number: string;
    };
    const number = db
      .prepare(`SELECT number FROM loans ORDER BY id LIMIT 1 OFFSET ?`)
      .pluck()
      .get(Math.floor(loans / 2)) as string;
    const queries = [sample.name, sample.phone.slice(-8), sample.id_number.slice(-6), number];
    let q = 0;
    const byName = db.prepare(`SELECT id FROM borrowers WHERE name LIKE ? OR phone LIKE ? LIMIT 20`);
    const byNumber = db.prepare(`SELECT id FROM loans WHERE number LIKE ? LIMIT 20`);
    let qb = 0;
    await add(
      'search by name, phone, ID tail or loan number',
      () => call('search.global', { query: queries[q++ % queries.length] }),
      () => {
        const text = queries[qb++ % queries.length]!;
        byName.all(`%${text}%`, `%${text}%`);
        byNumber.all(`%${text}%`);
      },
    );
  } finally {
    await app?.close();
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
  }

  // The peak while the book's operations ran, as a process running the app's services would
  // see it; the import below builds a second book in the same process and is reported apart.
  const servicesPeakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  results.push(await importTiming());
  const workPath = await bookFile(loans, true);
  let host: HostSplitFigures;
  try {
    host = await measureHostSplit(workPath, IMPORT_LOANS);
  } finally {
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${workPath}${suffix}`, { force: true });
  }

  const rssMb = Math.round(process.memoryUsage().rss / 1024 / 1024);
  if (values.json) {
    process.stdout.write(
      `${JSON.stringify({ loans, operations: results, rssMb, servicesPeakRssMb, hostLoopDelayP99Ms: host.hostLoopDelayP99Ms, host }, null, 2)}\n`,
    );
    return;
  }
  console.log(
    `Pledgebook bench: ${loans} loans, ${runs} runs after warm-up, RSS ${rssMb} MB (peak before the import: ${servicesPeakRssMb} MB)`,
  );
  printResults(results);
  const budget = host.hostLoopDelayP99Ms <= HOST_LOOP_DELAY_BUDGET_MS ? 'within' : 'OVER';
  console.log(
    `main's event-loop delay while the host builds history (${host.historyBuildMs} ms), reports (${host.reportMs} ms) and imports ${IMPORT_LOANS} loans (${host.importMs} ms):`,
  );
  console.log(
    `  in the service host: p99 ${host.hostLoopDelayP99Ms} ms, max ${host.hostLoopDelayMaxMs} ms (${budget} the ${HOST_LOOP_DELAY_BUDGET_MS} ms budget); the host peaked at ${host.hostPeakRssMb} MB`,
  );
  console.log(
    `  in main's own process (before the split): p99 ${host.inProcessLoopDelayP99Ms} ms, max ${host.inProcessLoopDelayMaxMs} ms`,
  );
  const rt = host.roundTrip;
  console.log(
    `one small call (system.info): through the port median ${rt.portMedianUs} µs (p95 ${rt.portP95Us}), direct median ${rt.directMedianUs} µs (p95 ${rt.directP95Us})`,
  );
}

main().catch((error: unknown) => {
  console.error(`bench: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
