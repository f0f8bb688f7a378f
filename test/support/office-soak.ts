// Soak: several PCs working one server book at once.
//
//   npm run soak:office -- --clients 8 --ops 2000 [--kills 20] [--restart] [--loans 60]
//
// Starts a throwaway PostgreSQL cluster (fsync on), seeds a small book of overdue car-title
// loans, then runs `--clients` processes, each a full service stack with its own pool signed in
// as its own manager, through a daily mix on the same loans: payments (some exactly the payoff),
// reversals and back-dated payments (each a request another client approves, often two at once),
// contacts and promises, plan proposals and decisions, write-off requests. `--kills` SIGKILLs
// that many clients at random moments (each is started again); `--restart` restarts the server
// once mid-run. Afterwards the book is checked, and the figures printed as JSON:
// - no loan paid above its payoff (no unapplied money on any loan);
// - each approval applied once (every approved request's payment exists, no payment twice);
// - receipt numbers unique; every loan's status cache equal to the engine's;
// - the audit chain intact, and every payment with its audit row;
// - per table, the rows added equal what the clients say they committed (with kills: at most one
//   more per kill, the call in flight when it died, which is whole or absent).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { openApp, type PledgebookApp } from '../../electron/services/app';
import { ServerBookError } from '../../electron/db/postgres/server-errors';
import { fixedClock } from '../../electron/services/clock';
import { Session } from '../../electron/services/auth/actor';
import { Rng } from '../../electron/services/seed/prng';
import { loadLoanRecords } from '../../electron/services/loans/loan-records';
import { currentStatusRow, STATUS_COLUMNS } from '../../electron/services/loans/status-cache';
import { verifyBookAuditChain } from '../../electron/services/audit/verify';
import { CAR_TITLE_60K, WANG_FANG_BORROWER } from './fixtures';
import { adminQuery, startTestCluster } from './postgres-cluster';
import { callersOf, rawSql } from './test-app';

const TODAY = '2026-06-15';
const COUNTED = [
  'payments',
  'collection_contacts',
  'promises_to_pay',
  'approval_requests',
  'repayment_plans',
  'write_offs',
] as const;
type Counted = (typeof COUNTED)[number];
type Tally = Partial<Record<Counted, number>>;
interface Config {
  url: string;
  loanIds: number[];
}
const password = (i: number) => `clerk-${i}-password!`;
const SOAK_SCRYPT = { N: 2 ** 10, r: 8, p: 1 };

function args(): Record<string, string> {
  const out: Record<string, string> = {};
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i++) {
    const key = argv[i]!;
    if (!key.startsWith('--')) continue;
    const next = argv[i + 1];
    if (next === undefined || next.startsWith('--')) out[key.slice(2)] = 'true';
    else out[key.slice(2)] = argv[++i]!;
  }
  return out;
}

/** Opens the book, waiting while the server is restarting, as a clerk tries again. */
async function openWhenReachable(url: string): Promise<PledgebookApp> {
  for (let tries = 1; ; tries++) {
    try {
      return await openApp({ databasePath: url, clock: fixedClock(TODAY), session: new Session(null) });
    } catch (error) {
      if (!(error instanceof ServerBookError) || error.problem !== 'server.unreachable' || tries >= 60)
        throw error;
      await new Promise((r) => setTimeout(r, 500));
    }
  }
}

// ---- one client: a PC working the book --------------------------------------------------------

async function client(configPath: string, index: number, ops: number, seed: number): Promise<void> {
  const config = JSON.parse(readFileSync(configPath, 'utf8')) as Config;
  const app = await openWhenReachable(config.url);
  const { attempt } = callersOf(app);
  const rng = new Rng(seed, index);
  const signedIn = await attempt('auth.signIn', { username: `clerk${index}`, password: password(index) });
  if (!signedIn.ok) throw new Error(`sign-in: ${signedIn.error.message}`);
  const signedInId = (signedIn.value as { userId: number }).userId;
  const report = (op: string, ok: boolean, tally: Tally = {}, reason = '') =>
    process.stdout.write(`${JSON.stringify({ op, ok, tally, reason })}\n`);

  for (let n = 0; n < ops; n++) {
    const loanId = rng.pick(config.loanIds);
    const op = rng.weighted([
      ['payment', 30],
      ['payoff', 2],
      ['reversal', 8],
      ['backdated', 6],
      ['decide', 18],
      ['contact', 14],
      ['plan', 6],
      ['plan-decide', 6],
      ['write-off', 6],
    ] as const);
    const run = async (): Promise<[boolean, Tally, string]> => {
      const said = (r: { ok: boolean; error?: { reason?: string; code: string } }, tally: Tally) =>
        [r.ok, r.ok ? tally : {}, r.ok ? '' : (r.error?.reason ?? r.error?.code ?? '')] as [
          boolean,
          Tally,
          string,
        ];
      switch (op) {
        case 'payment':
        case 'payoff': {
          const loan = await attempt('loans.get', { id: loanId });
          if (!loan.ok) return said(loan, {});
          const { payoff } = loan.value as { payoff: number };
          const amount = op === 'payoff' ? payoff : Math.min(payoff, rng.int(10_000, 400_000));
          if (amount <= 0) return [false, {}, 'nothing-due'];
          return said(await attempt('payments.record', { loanId, date: TODAY, amount, method: 'cash' }), {
            payments: 1,
          });
        }
        case 'reversal': {
          const loan = await attempt('loans.get', { id: loanId });
          if (!loan.ok) return said(loan, {});
          const rows = (
            loan.value as {
              payments: { id: number; reversedBy: number | null; reversesPaymentId: number | null }[];
            }
          ).payments;
          const open = rows.filter((p) => p.reversedBy === null && p.reversesPaymentId === null);
          if (open.length === 0) return [false, {}, 'no-payment'];
          const paymentId = rng.pick(open).id;
          return said(await attempt('payments.reverse', { paymentId, reason: `soak ${index}` }), {
            approval_requests: 1,
          });
        }
        case 'backdated':
          return said(
            await attempt('payments.requestBackdated', {
              loanId,
              date: '2026-05-20',
              amount: rng.int(10_000, 50_000),
              method: 'cash',
            }),
            { approval_requests: 1 },
          );
        case 'decide': {
          const list = await attempt('approvals.list', { status: 'pending' });
          if (!list.ok) return said(list, {});
          const rows = (
            list.value as { id: number; kind: string; requestedByUserId: number | null }[]
          ).filter(
            (r) =>
              (r.kind === 'backdated-payment' || r.kind === 'payment-reversal') &&
              r.requestedByUserId !== signedInId,
          );
          // The oldest first, as a manager works an inbox: two clients often pick the same one.
          const request = rows.at(-1);
          if (!request) return [false, {}, 'inbox-empty'];
          return said(await attempt('approvals.decide', { id: request.id, approve: true }), { payments: 1 });
        }
        case 'contact': {
          const promise = rng.chance(0.5)
            ? { amount: rng.int(10_000, 100_000), dueDate: '2026-06-20' }
            : undefined;
          const r = await attempt('collections.logContact', {
            loanId,
            channel: 'call-out',
            outcome: promise ? 'reached-promise' : 'no-answer',
            ...(promise ? { promise } : {}),
          });
          const hasPromise = r.ok && (r.value as { promiseId: number | null }).promiseId !== null;
          return said(r, { collection_contacts: 1, ...(hasPromise ? { promises_to_pay: 1 } : {}) });
        }
        case 'plan':
          return said(
            await attempt('plans.propose', {
              loanId,
              spec: { type: 'arrears-installments', months: 3, waivePenaltyPercent: '100' },
            }),
            { repayment_plans: 1 },
          );
        case 'plan-decide': {
          const list = await attempt('plans.list', { status: 'proposed' });
          if (!list.ok) return said(list, {});
          const plan = (list.value as { id: number; proposedBy?: number }[]).at(-1);
          if (!plan) return [false, {}, 'no-plan'];
          return said(
            await attempt('plans.decide', {
              planId: plan.id,
              decision: rng.chance(0.7) ? 'approve' : 'reject',
            }),
            {},
          );
        }
        case 'write-off':
          return said(await attempt('writeOffs.request', { loanId, reason: `soak ${index}` }), {
            write_offs: 1,
          });
      }
    };
    const [ok, tally, reason] = await run();
    report(op, ok, tally, reason);
  }
  await app.close();
}

// ---- the run ---------------------------------------------------------------------------------

async function seedBook(url: string, clients: number, loans: number): Promise<number[]> {
  const app = await openApp({ databasePath: url, clock: fixedClock(TODAY), passwordCost: SOAK_SCRYPT });
  const { call } = callersOf(app);
  await call('auth.createOwner', { username: 'owner', displayName: 'Owner', password: 'owner-password!' });
  for (let i = 0; i < clients; i++) {
    await call('users.create', {
      username: `clerk${i}`,
      displayName: `Clerk ${i}`,
      role: 'manager',
      password: password(i),
    });
  }
  const ids: number[] = [];
  // One borrower with many loans: what matters here is many PCs on the same loans.
  const { id: borrowerId } = await call('borrowers.create', WANG_FANG_BORROWER);
  for (let k = 0; k < loans; k++) ids.push((await call('loans.create', { borrowerId, ...CAR_TITLE_60K })).id);
  await app.close();
  return ids;
}

async function counts(app: PledgebookApp): Promise<Record<Counted, number>> {
  const out = {} as Record<Counted, number>;
  for (const t of COUNTED) out[t] = Number(await rawSql(app.ctx.db).value(`SELECT count(*) FROM ${t}`));
  return out;
}

async function verdict(app: PledgebookApp, loanIds: number[]) {
  const db = rawSql(app.ctx.db);
  let overpaid = 0;
  let cacheDiffers = 0;
  for (const id of loanIds) {
    const book = await loadLoanRecords(app.ctx.db, id);
    const { statement, row } = await currentStatusRow(app.ctx.db, book, TODAY);
    if (statement.unapplied > 0) overpaid++;
    const cached = await db.get<Record<string, unknown>>('SELECT * FROM loan_status WHERE loan_id = ?', id);
    const differs = STATUS_COLUMNS.some(
      (c) => c !== 'computed_as_of' && String(cached?.[c] ?? null) !== String(row[c] ?? null),
    );
    if (differs) cacheDiffers++;
  }
  const approved = await db.all<{ result: string | null }>(
    "SELECT result FROM approval_requests WHERE status = 'approved' AND kind IN ('backdated-payment', 'payment-reversal')",
  );
  const posted = approved.map((r) => (r.result ? (JSON.parse(r.result) as { id?: number }).id : undefined));
  const postedIds = posted.filter((id): id is number => typeof id === 'number');
  const existing = postedIds.length
    ? Number(await db.value(`SELECT count(*) FROM payments WHERE id IN (${postedIds.join(',')})`))
    : 0;
  return {
    loansPaidAbovePayoff: overpaid,
    statusCachesDifferingFromEngine: cacheDiffers,
    approvalsApproved: approved.length,
    approvalsWithoutTheirPayment: approved.length - existing,
    paymentsPostedTwiceByApprovals: postedIds.length - new Set(postedIds).size,
    duplicateReceiptNumbers: Number(
      await db.value('SELECT count(*) - count(DISTINCT receipt_number) FROM payments'),
    ),
    paymentsWithoutAuditRow: Number(
      await db.value(
        "SELECT count(*) FROM payments p WHERE NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.entity = 'payment' " +
          // A reversal is audited on the payment it reverses.
          'AND a.entity_id = CAST(coalesce(p.reverses_payment_id, p.id) AS text) ' +
          "AND a.action = CASE WHEN p.reverses_payment_id IS NULL THEN 'record' ELSE 'reverse' END)",
      ),
    ),
    auditChain: await verifyBookAuditChain(app.ctx),
  };
}

async function main() {
  const a = args();
  if (a.child) return client(a.config!, Number(a.index), Number(a.ops), Number(a.seed));
  const clients = Number(a.clients ?? 8);
  const ops = Number(a.ops ?? 2000);
  const kills = Number(a.kills ?? 0);
  const restart = a.restart === 'true';
  const loans = Number(a.loans ?? 60);
  const seed = Number(a.seed ?? 1);
  const perClient = Math.ceil(ops / clients);

  const cluster = await startTestCluster({ durable: true });
  const dir = mkdtempSync(join(tmpdir(), 'pledgebook-office-soak-'));
  try {
    await adminQuery(cluster.adminUrl, 'DROP DATABASE IF EXISTS office_soak');
    await adminQuery(cluster.adminUrl, 'CREATE DATABASE office_soak');
    const url = cluster.urlOf('office_soak');
    const loanIds = await seedBook(url, clients, loans);
    const configPath = join(dir, 'config.json');
    writeFileSync(configPath, JSON.stringify({ url, loanIds } satisfies Config));
    const check = await openApp({ databasePath: url, clock: fixedClock(TODAY) });
    const before = await counts(check);

    const reported: Record<Counted, number> = Object.fromEntries(COUNTED.map((t) => [t, 0])) as Record<
      Counted,
      number
    >;
    const outcomes: Record<string, { ok: number; refused: number }> = {};
    const reasons: Record<string, number> = {};
    let killed = 0;
    let crashes = 0;
    let restarted = false;
    let done = 0;
    const started = Date.now();

    const launch = (index: number, remaining: number, runSeed: number): Promise<void> =>
      new Promise((resolveRun) => {
        // Node itself with tsx's loader, not the tsx wrapper: a SIGKILL must reach the process
        // that holds the connections, not a launcher that would leave it running.
        const child: ChildProcess = spawn(
          process.execPath,
          [
            '--import',
            'tsx',
            __filename,
            '--child',
            '--config',
            configPath,
            '--index',
            String(index),
            '--ops',
            String(remaining),
            '--seed',
            String(runSeed),
          ],
          { stdio: ['ignore', 'pipe', 'inherit'] },
        );
        let mine = 0;
        createInterface({ input: child.stdout! }).on('line', (line) => {
          const r = JSON.parse(line) as { op: string; ok: boolean; tally: Tally; reason: string };
          mine++;
          done++;
          const o = (outcomes[r.op] ??= { ok: 0, refused: 0 });
          if (r.ok) o.ok++;
          else {
            o.refused++;
            reasons[r.reason] = (reasons[r.reason] ?? 0) + 1;
          }
          for (const [t, n] of Object.entries(r.tally)) reported[t as Counted] += n;
        });
        child.on('exit', (code, signal) => {
          if (signal === null && code !== 0) crashes++;
          // A killed client is started again for what it had left, as a clerk restarts the app.
          if (signal === 'SIGKILL' && remaining - mine > 0) {
            void launch(index, remaining - mine, runSeed + 1000).then(resolveRun);
          } else resolveRun();
        });
        running.set(index, child);
      });
    const running = new Map<number, ChildProcess>();
    const total = perClient * clients;
    let lastShown = Date.now();
    const chaos = setInterval(
      () => {
        if (killed < kills && done > 0 && Math.random() < 0.5) {
          const victim = running.get(Math.floor(Math.random() * clients));
          if (victim && victim.exitCode === null && victim.signalCode === null) {
            victim.kill('SIGKILL');
            killed++;
          }
        }
        if (Date.now() - lastShown > 5000) {
          lastShown = Date.now();
          process.stderr.write(`${done} of ${total} operations, ${killed} kills…\n`);
        }
        if (restart && !restarted && done > total / 2) {
          restarted = true;
          cluster.restart?.();
        }
      },
      Math.max(200, Math.round(ops / Math.max(1, kills) / 2)),
    );
    await Promise.all(Array.from({ length: clients }, (_, i) => launch(i, perClient, seed)));
    clearInterval(chaos);
    const seconds = (Date.now() - started) / 1000;

    const after = await counts(check);
    const added = Object.fromEntries(COUNTED.map((t) => [t, after[t] - before[t]])) as Record<
      Counted,
      number
    >;
    const unexplained = Object.fromEntries(COUNTED.map((t) => [t, added[t] - reported[t]]));
    const result = await verdict(check, loanIds);
    await check.close();
    const figures = {
      clients,
      operations: done,
      seconds: Math.round(seconds * 10) / 10,
      operationsPerSecond: Math.round((done / seconds) * 10) / 10,
      kills: killed,
      clientCrashes: crashes,
      serverRestarted: restarted,
      outcomes,
      refusals: reasons,
      rowsAdded: added,
      rowsClientsReported: reported,
      ...result,
    };
    console.log(JSON.stringify(figures, null, 2));
    const sound =
      result.loansPaidAbovePayoff === 0 &&
      result.statusCachesDifferingFromEngine === 0 &&
      result.approvalsWithoutTheirPayment === 0 &&
      result.paymentsPostedTwiceByApprovals === 0 &&
      result.duplicateReceiptNumbers === 0 &&
      result.paymentsWithoutAuditRow === 0 &&
      result.auditChain.ok &&
      crashes === 0 &&
      Object.values(unexplained).every((n) => n >= 0 && n <= killed);
    console.log(sound ? 'SOUND' : 'NOT SOUND');
    process.exitCode = sound ? 0 : 1;
  } finally {
    cluster.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
