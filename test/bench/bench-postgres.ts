// `npm run bench -- --engine postgres [--loans N] [--runs R] [--json]`: the same operations on a
// PostgreSQL book, each against hand-written PostgreSQL where one exists, after timing the
// `office move` that brings the cached SQLite Book-N there. The server is a throwaway cluster
// (test/support/postgres-cluster.ts) with fsync and synchronous commit on, as an office runs it.
import pg from 'pg';
import { openApp, type PledgebookApp } from '../../electron/services/app';
import { fixedClock } from '../../electron/services/clock';
import { agingFromCache } from '../../electron/services/reports/aging';
import { monthlyReport } from '../../electron/services/reports/report.service';
import { moveBook } from '../../electron/services/office/move-book';
import { worklistFlags } from '../../electron/services/collections/worklist.query';
import { loadCollectionSettings } from '../../electron/services/collections/settings';
import type { MethodName } from '../../shared/contract';
import { adminQuery, startTestCluster } from '../support/postgres-cluster';
import { rulesOf } from '../../electron/services/collateral/items.service';
import { bucketCase, COLLATERAL_SHARES } from './hand-sql';
import { AS_OF, bookFile } from './book-cache';
import { printResults, recorder, round, time, type Timing } from './timing';
import { benchClerks, printClerks, type ClerkFigures } from './clerks';

const dpd = (column: string) => `CASE WHEN ${column} < $1 THEN ($1::date - ${column}::date) ELSE 0 END`;

export async function benchPostgres(loans: number, runs: number, json: boolean, clerks = 0): Promise<void> {
  const cluster = await startTestCluster({ durable: true });
  const results: Timing[] = [];
  const office: ClerkFigures[] = [];
  let app: PledgebookApp | undefined;
  const client = new pg.Client({ connectionString: cluster.urlOf('bench') });
  try {
    await adminQuery(cluster.adminUrl, 'CREATE DATABASE bench');
    const file = await bookFile(loans, true);
    const started = performance.now();
    const moved = await moveBook(file, cluster.urlOf('bench'), { clock: fixedClock(AS_OF) });
    const moveMs = round(performance.now() - started);
    if (!moved.ok) throw new Error('office move did not verify');
    const rows = moved.tables.reduce((n, t) => n + t.rows, 0);
    results.push({
      name: `office move of Book-${loans} (${rows} rows), verified`,
      medianMs: moveMs,
      p95Ms: moveMs,
      baselineMs: null,
      ratio: null,
    });
    await adminQuery(cluster.urlOf('bench'), 'ANALYZE');

    const open = await time(
      async () => {
        const a = await openApp({ databasePath: cluster.urlOf('bench'), clock: fixedClock(AS_OF) });
        await a.handlers['reports.dashboard']({});
        return () => a.close();
      },
      Math.min(runs, 3),
      1,
    );
    results.push({
      name: 'open the book and load the dashboard',
      medianMs: round(open.median),
      p95Ms: round(open.p95),
      baselineMs: null,
      ratio: null,
    });

    app = await openApp({ databasePath: cluster.urlOf('bench'), clock: fixedClock(AS_OF) });
    const ready = app;
    await client.connect();
    const call = async (method: MethodName, input: unknown) => {
      const r = await ready.dispatch(method, input);
      if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
      return r.value;
    };
    const add = recorder(results, runs);

    const flags = await worklistFlags(ready.ctx.db, AS_OF, await loadCollectionSettings(ready.ctx.db));
    const ids = (set: ReadonlySet<number>) => [...set];
    const flagged = [
      ...new Set([
        ...flags.brokenPromise,
        ...flags.promiseDueToday,
        ...flags.visitDueToday,
        ...flags.followUpDue,
      ]),
    ];
    const worklistSql = `
      SELECT w.*, b.name, (SELECT max(at) FROM collection_contacts c WHERE c.loan_id = w.id) AS last_contact
      FROM (
        SELECT l.id, l.number, l.borrower_id, l.product, l.officer, a.collector, x.dpd, x.overdue,
               CASE WHEN x.dpd > 0 THEN
                 CASE WHEN x.dpd <= 30 THEN 10 WHEN x.dpd <= 60 THEN 20 WHEN x.dpd <= 90 THEN 30
                      WHEN x.dpd <= 180 THEN 40 ELSE 50 END
                 + least(30, x.overdue / 100000)
                 + CASE WHEN s.collateral_value IS NULL OR x.exposure <= 0 THEN 20
                        WHEN 200 * s.collateral_value < 199 * x.exposure THEN 20
                        WHEN 200 * s.collateral_value < 299 * x.exposure THEN 8 ELSE 0 END
               ELSE 0 END
               + CASE WHEN l.id = ANY($2) THEN 25 ELSE 0 END + CASE WHEN l.id = ANY($3) THEN 20 ELSE 0 END
               + CASE WHEN l.id = ANY($4) THEN 15 ELSE 0 END + CASE WHEN l.id = ANY($5) THEN 10 ELSE 0 END
               + CASE WHEN l.id = ANY($6) THEN 10 ELSE 0 END AS score
        FROM loan_status s
        JOIN loans l ON l.id = s.loan_id
        LEFT JOIN collection_assignments a ON a.loan_id = l.id
        JOIN (SELECT loan_id, ${dpd('oldest_unpaid_due_date')} AS dpd,
                     CASE WHEN oldest_unpaid_due_date < $1 THEN overdue_principal + overdue_interest + penalty_due ELSE 0 END AS overdue,
                     outstanding_principal + overdue_interest + penalty_due AS exposure
              FROM loan_status) x ON x.loan_id = s.loan_id
        WHERE l.status IN ('active', 'restructured', 'legal', 'repossessed')
          AND (s.oldest_unpaid_due_date < $1 OR s.loan_id = ANY($7))
        ORDER BY score DESC, x.dpd DESC, x.overdue DESC, l.number
        LIMIT 100) w
      JOIN borrowers b ON b.id = w.borrower_id`;
    await add(
      'worklist: first 100 by priority',
      () => call('collections.worklist', { offset: 0, limit: 100 }),
      () =>
        client.query(worklistSql, [
          AS_OF,
          ids(flags.brokenPromise),
          ids(flags.promiseDueToday),
          ids(flags.newDelinquency),
          ids(flags.visitDueToday),
          ids(flags.followUpDue),
          flagged,
        ]),
    );

    const agingSql = `
      SELECT CASE WHEN dpd = 0 THEN 'current' WHEN dpd <= 30 THEN '1-30' WHEN dpd <= 60 THEN '31-60'
             WHEN dpd <= 90 THEN '61-90' WHEN dpd <= 180 THEN '91-180' ELSE '181+' END AS bucket,
             count(*), sum(o), sum(CASE WHEN dpd > 1 THEN o END), sum(CASE WHEN dpd > 30 THEN o END),
             sum(CASE WHEN dpd > 60 THEN o END), sum(CASE WHEN dpd > 90 THEN o END)
      FROM (SELECT s.outstanding_principal AS o, ${dpd('s.oldest_unpaid_due_date')} AS dpd
            FROM loans l JOIN loan_status s ON s.loan_id = l.id
            WHERE l.status IN ('active', 'restructured', 'legal') AND l.start_date <= $1) x
      GROUP BY bucket`;
    await add(
      'aging and PAR for the whole book (as of today or later)',
      () => agingFromCache(ready.ctx, AS_OF),
      () => client.query(agingSql, [AS_OF]),
    );

    // The report's hand-written SQL, section for section as the SQLite bench's: the month-end
    // cache summed per product, bucket and roll; the two top tens; the activity counts; late
    // entries; LTV at the month's end with each item's latest valuation by then split across its
    // loans by principal (in floating point, which the app does exactly).
    const rules = await rulesOf(ready.ctx);
    const reportSql = [
      `SELECT l.product, e.status IN ('active','restructured','legal') AS in_end,
              p.loan_id IS NOT NULL AND p.status IN ('active','restructured','legal') AND l.start_date < $1 AS in_start,
              ${bucketCase('e.days_past_due')} AS end_bucket, ${bucketCase('p.days_past_due')} AS start_bucket,
              CASE WHEN e.status = 'written-off' THEN 'written-off' WHEN e.status = 'repossessed' THEN 'repossessed'
                   WHEN e.status = 'closed' THEN 'paid-off'
                   WHEN e.status = 'restructured' AND p.status IS DISTINCT FROM 'restructured' THEN 'restructured'
                   ELSE ${bucketCase('e.days_past_due')} END AS roll,
              count(*), sum(e.outstanding_principal), sum(e.overdue_principal + e.overdue_interest + e.penalty_due),
              sum(CASE WHEN e.days_past_due > 1 THEN e.outstanding_principal END),
              sum(CASE WHEN e.days_past_due > 30 THEN e.outstanding_principal END),
              sum(CASE WHEN e.days_past_due > 60 THEN e.outstanding_principal END),
              sum(CASE WHEN e.days_past_due > 90 THEN e.outstanding_principal END),
              sum(p.outstanding_principal), sum(p.overdue_principal + p.overdue_interest + p.penalty_due),
              sum(e.recovered), sum(e.collected_penalty), sum(e.collected_interest), sum(e.collected_principal),
              sum(e.collected_charges), sum(e.payments),
              sum(CASE WHEN l.start_date >= $1 THEN l.upfront_fee ELSE 0 END)
       FROM loan_month_ends e JOIN loans l ON l.id = e.loan_id
       LEFT JOIN loan_month_ends p ON p.loan_id = e.loan_id AND p.month = '2026-04'
       WHERE e.month = '2026-05'
       GROUP BY 1, 2, 3, 4, 5, 6`,
      `SELECT l.number, b.name, b.id_number, e.days_past_due, e.outstanding_principal,
              e.outstanding_principal + e.overdue_interest + e.penalty_due AS exposure
       FROM loan_month_ends e JOIN loans l ON l.id = e.loan_id JOIN borrowers b ON b.id = l.borrower_id
       WHERE e.month = '2026-05' AND e.status IN ('active','restructured','legal') AND e.days_past_due > 0
       ORDER BY exposure DESC, l.number LIMIT 10`,
      `SELECT b.name, b.id_number, o.outstanding FROM (
         SELECT l.borrower_id, sum(e.outstanding_principal) AS outstanding
         FROM loan_month_ends e JOIN loans l ON l.id = e.loan_id
         WHERE e.month = '2026-05' AND e.status IN ('active','restructured','legal')
         GROUP BY l.borrower_id ORDER BY outstanding DESC LIMIT 10) o JOIN borrowers b ON b.id = o.borrower_id`,
      `SELECT (SELECT count(*) FROM promises_to_pay WHERE made_on BETWEEN $1 AND $2),
              (SELECT count(*) FROM promises_to_pay WHERE due_date BETWEEN $1 AND $2),
              (SELECT count(*) FROM collection_contacts WHERE at BETWEEN $1 AND $2 || 'T23:59:59.999Z'),
              (SELECT count(*) FROM recoveries WHERE date BETWEEN $1 AND $2),
              (SELECT count(*) FROM payments WHERE created_at > $2 || 'T23:59:59.999Z' AND date <= $2)`,
      `WITH v AS (SELECT DISTINCT ON (item_id) item_id, value FROM collateral_valuations
                  WHERE voided_at IS NULL AND date <= $1 ORDER BY item_id, date DESC, id DESC),
            ${COLLATERAL_SHARES},
            loan AS (SELECT loan_id, sum(value) AS value,
                            sum(value * CASE kind WHEN 'vehicle' THEN $2::numeric ELSE $3::numeric END / 100.0) AS supported
                     FROM share GROUP BY loan_id)
       SELECT count(*) FILTER (WHERE e.outstanding_principal + e.overdue_interest + e.penalty_due > loan.supported
                                AND loan.value > 0),
              sum(CASE WHEN e.days_past_due > 0 THEN loan.value END)
       FROM loan JOIN loan_month_ends e ON e.loan_id = loan.loan_id AND e.month = '2026-05'
       WHERE e.status IN ('active','restructured','legal')`,
    ];
    const reportParams = [
      ['2026-05-01'],
      [],
      [],
      ['2026-05-01', '2026-05-31'],
      ['2026-05-31', Number(rules.ltvThresholdPercent.vehicle), Number(rules.ltvThresholdPercent.property)],
    ];
    await add(
      'monthly recovery report, all sections',
      () => monthlyReport(ready.ctx, '2026-05'),
      async () => {
        for (const [i, text] of reportSql.entries()) await client.query(text, reportParams[i]);
      },
      Math.min(runs, 3),
    );

    const active = (
      await client.query<{ id: string }>(
        `SELECT id FROM loans WHERE status = 'active' ORDER BY id LIMIT 1000`,
      )
    ).rows.map((r) => Number(r.id));
    // A p95 needs samples: one-record operations are timed 100 times (a p95 of 5 is their maximum).
    const oneRecordRuns = Math.max(runs, 100);
    let k = 0;
    await add(
      'statement of one loan',
      () => call('loans.get', { id: active[k++ % active.length] }),
      undefined,
      oneRecordRuns,
    );
    const paying = (
      await client.query<{ id: string }>(
        `SELECT l.id FROM loans l JOIN loan_status s ON s.loan_id = l.id WHERE l.status = 'active' AND s.outstanding_principal > 100000 ORDER BY l.id LIMIT 200`,
      )
    ).rows.map((r) => Number(r.id));
    let p = 0;
    await add(
      'record a payment, including recompute',
      () =>
        call('payments.record', {
          loanId: paying[p++ % paying.length],
          date: AS_OF,
          amount: 100,
          method: 'cash',
        }),
      undefined,
      oneRecordRuns,
    );

    const sample = (
      await client.query<{ name: string; phone: string; id_number: string }>(
        `SELECT name, phone, id_number FROM borrowers ORDER BY id LIMIT 1 OFFSET $1`,
        [Math.floor(loans / 3)],
      )
    ).rows[0]!;
    const number = (
      await client.query<{ number: string }>(`SELECT number FROM loans ORDER BY id LIMIT 1 OFFSET $1`, [
        Math.floor(loans / 2),
      ])
    ).rows[0]!.number;
    const queries = [sample.name, sample.phone.slice(-8), sample.id_number.slice(-6), number];
    let q = 0;
    let qb = 0;
    await add(
      'search by name, phone, ID tail or loan number',
      () => call('search.global', { query: queries[q++ % queries.length] }),
      async () => {
        const text = `%${queries[qb++ % queries.length]!}%`;
        await client.query(`SELECT id FROM borrowers WHERE name ILIKE $1 OR phone ILIKE $1 LIMIT 20`, [text]);
        await client.query(`SELECT id FROM loans WHERE number ILIKE $1 LIMIT 20`, [text]);
      },
      oneRecordRuns,
    );
    if (clerks > 0) {
      const book = { payable: paying, open: active, queries };
      office.push(await benchClerks(cluster.urlOf('bench'), clerks, 100, book));
      // A clerk who clicks on without stopping to talk to anyone: up to two seconds between
      // operations, an office of ten asking ~8 a second (29,000 an hour), far above a real one.
      office.push(await benchClerks(cluster.urlOf('bench'), clerks, 40, book, 1000));
    }
  } finally {
    await client.end().catch(() => undefined);
    await app?.close();
    cluster.stop();
  }

  if (json) {
    process.stdout.write(
      `${JSON.stringify({ engine: 'postgres', loans, operations: results, ...(office.length ? { clerks: office } : {}) }, null, 2)}\n`,
    );
    return;
  }
  console.log(`Pledgebook bench on PostgreSQL: ${loans} loans, ${runs} runs after warm-up`);
  printResults(results);
  office.forEach(printClerks);
}
