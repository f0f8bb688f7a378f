// A writer for the crash-safety harness, killed with SIGKILL at random moments. Plain JavaScript
// so each of the hundreds of restarts costs a bare Node start, not a TypeScript compile.
//
// It uses the pragmas electron/db/open.ts sets (WAL, synchronous=FULL, foreign keys), which the
// harness checks on the database it hands over. Each transaction writes a borrower, a loan, a
// payment and a counter together, and only after COMMIT returns prints its id on stdout.
import { writeSync } from 'node:fs';
import Database from 'better-sqlite3';

const path = process.argv[2];
if (!path) throw new Error('usage: node crash-writer.mjs DATABASE');
// Started ahead of time by the harness, the writer waits for "go" before it touches the file, so
// Node's start-up time overlaps the previous writer's run instead of adding to every cycle.
process.stdin.once('data', () => {
  process.stdin.pause();
  write();
});

function write() {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');

  const addBorrower = db.prepare(
    `INSERT INTO borrowers (kind, name, id_type, id_number, created_at, updated_at)
   VALUES ('person', ?, 'resident-id', ?, '2026-06-15T09:00:00.000Z', '2026-06-15T09:00:00.000Z')`,
  );
  const addLoan = db.prepare(
    `INSERT INTO loans (number, product, borrower_id, status, principal, annual_rate_percent, months, method,
     start_date, created_at, updated_at)
   VALUES (?, 'car-title', ?, 'active', ?, '12', 12, 'annuity', '2026-01-10',
     '2026-06-15T09:00:00.000Z', '2026-06-15T09:00:00.000Z')`,
  );
  const addPayment = db.prepare(
    `INSERT INTO payments (loan_id, receipt_number, date, amount, method, created_at)
   VALUES (?, ?, '2026-06-15', ?, 'cash', '2026-06-15T09:00:00.000Z')`,
  );
  const bumpCounter = db.prepare(
    `INSERT INTO counters (name, value) VALUES ('crash-txn', ?)
   ON CONFLICT (name) DO UPDATE SET value = excluded.value`,
  );
  const lastTxn = db.prepare(`SELECT value FROM counters WHERE name = 'crash-txn'`).pluck();

  const oneTransaction = db.transaction((txn) => {
    const borrower = addBorrower.run(`crash ${txn}`, `CRASH${String(txn).padStart(10, '0')}`).lastInsertRowid;
    const loan = addLoan.run(`CRASH-${txn}`, borrower, 100_000 + txn).lastInsertRowid;
    addPayment.run(loan, `R-CRASH-${txn}`, 1_000 + txn);
    bumpCounter.run(txn);
  });

  let txn = Number(lastTxn.get() ?? 0);
  writeSync(1, 'ready\n');
  for (;;) {
    txn += 1;
    oneTransaction(txn);
    writeSync(1, `${txn}\n`);
  }
}
