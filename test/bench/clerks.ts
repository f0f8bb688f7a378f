// `npm run bench -- --engine postgres --clerks N`: N clerks at once on one server book, each a
// full service stack with its own pool (a PC), working the daily mix without pause: the
// worklist, a loan's statement, a payment, a contact, a search, now and then the dashboard.
// Run twice: at full speed, every clerk's next operation the moment the last one answers (the
// office's throughput, what the server and this 2-core machine saturate at); then at a pace, a
// random pause of up to `2 × thinkMs` between operations — still far busier than clerks who talk
// to borrowers — where each operation's p95 is held against twice its single-user budget. Each
// clerk is a process of its own, as each PC is; but all of them and the server share this
// machine's two cores, what an office spreads over ten PCs and a server: the figures are
// pessimistic.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApp, type PledgebookApp } from '../../electron/services/app';
import { fixedClock } from '../../electron/services/clock';
import type { MethodName } from '../../shared/contract';
import { Rng } from '../../electron/services/seed/prng';
import { AS_OF } from './book-cache';
import { quantile, round } from './timing';

/** The single-user budgets (README, issue #10), in ms; p95 under several clerks may be twice these. */
const MIX = [
  { name: 'worklist: first 100 by priority', weight: 15, budgetMs: 100 },
  { name: 'statement of one loan', weight: 30, budgetMs: 5 },
  { name: 'record a payment, including recompute', weight: 25, budgetMs: 10 },
  { name: 'log a contact', weight: 15, budgetMs: 10 },
  { name: 'search by name, phone, ID tail or loan number', weight: 12, budgetMs: 50 },
  { name: 'dashboard', weight: 3, budgetMs: 1500 },
] as const;
type Operation = (typeof MIX)[number]['name'];

export interface ClerkFigures {
  clerks: number;
  thinkMs: number;
  operations: number;
  seconds: number;
  perSecond: number;
  refused: number;
  rows: {
    name: Operation;
    count: number;
    medianMs: number;
    p95Ms: number;
    limitMs: number;
    within: boolean;
  }[];
}

interface Book {
  payable: number[];
  open: number[];
  queries: string[];
}
interface ClerkRun {
  samples: Record<string, number[]>;
  refused: number;
  startedAt: number;
  endedAt: number;
}

/** One clerk, in its own process: a full service stack with its own pool, working the mix. */
async function clerk(
  url: string,
  index: number,
  opsPerClerk: number,
  thinkMs: number,
  book: Book,
): Promise<ClerkRun> {
  const app: PledgebookApp = await openApp({ databasePath: url, clock: fixedClock(AS_OF) });
  const samples = new Map<Operation, number[]>(MIX.map((m) => [m.name, []]));
  let refused = 0;
  try {
    const rng = new Rng(7, index);
    const call = async (method: MethodName, input: unknown) => {
      const r = await app.dispatch(method, input);
      if (!r.ok) refused++;
    };
    // Each clerk starts by warming its own pool and caches, untimed.
    await call('collections.worklist', { offset: 0, limit: 100 });
    const startedAt = Date.now();
    for (let n = 0; n < opsPerClerk; n++) {
      const op = rng.weighted(MIX.map((m) => [m.name, m.weight] as const));
      const started = performance.now();
      switch (op) {
        case 'worklist: first 100 by priority':
          await call('collections.worklist', { offset: 0, limit: 100 });
          break;
        case 'statement of one loan':
          await call('loans.get', { id: rng.pick(book.open) });
          break;
        case 'record a payment, including recompute':
          await call('payments.record', {
            loanId: rng.pick(book.payable),
            date: AS_OF,
            amount: 100,
            method: 'cash',
          });
          break;
        case 'log a contact':
          await call('collections.logContact', {
            loanId: rng.pick(book.open),
            channel: 'call-out',
            outcome: 'no-answer',
            overrideReason: 'bench',
          });
          break;
        case 'search by name, phone, ID tail or loan number':
          await call('search.global', { query: rng.pick(book.queries) });
          break;
        case 'dashboard':
          await call('reports.dashboard', {});
          break;
      }
      samples.get(op)!.push(performance.now() - started);
      if (thinkMs > 0) await new Promise((r) => setTimeout(r, rng.int(0, 2 * thinkMs)));
    }
    return { samples: Object.fromEntries(samples), refused, startedAt, endedAt: Date.now() };
  } finally {
    await app.close();
  }
}

export async function benchClerks(
  url: string,
  clerks: number,
  opsPerClerk: number,
  book: Book,
  thinkMs = 0,
): Promise<ClerkFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'pledgebook-clerks-'));
  const bookPath = join(dir, 'book.json');
  writeFileSync(bookPath, JSON.stringify(book));
  let runs: ClerkRun[];
  try {
    runs = await Promise.all(
      Array.from({ length: clerks }, (_, index) =>
        childRun([url, String(index), String(opsPerClerk), String(thinkMs), bookPath]),
      ),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const samples = new Map<Operation, number[]>(
    MIX.map((m) => [m.name, runs.flatMap((r) => r.samples[m.name] ?? [])]),
  );
  const refused = runs.reduce((n, r) => n + r.refused, 0);
  const seconds =
    (Math.max(...runs.map((r) => r.endedAt)) - Math.min(...runs.map((r) => r.startedAt))) / 1000;
  const operations = clerks * opsPerClerk;
  return {
    clerks,
    thinkMs,
    operations,
    seconds: round(seconds),
    perSecond: round(operations / seconds),
    refused,
    rows: MIX.map((m) => {
      const sorted = [...samples.get(m.name)!].sort((a, b) => a - b);
      const p95 = quantile(sorted, 0.95);
      return {
        name: m.name,
        count: sorted.length,
        medianMs: round(quantile(sorted, 0.5)),
        p95Ms: round(p95),
        limitMs: 2 * m.budgetMs,
        within: p95 <= 2 * m.budgetMs,
      };
    }),
  };
}

export function printClerks(f: ClerkFigures): void {
  const pace = f.thinkMs > 0 ? `pausing 0–${2 * f.thinkMs} ms between operations` : 'at full speed';
  console.log(
    `\n${f.clerks} clerks at once, ${pace}: ${f.operations} operations in ${f.seconds} s, ${f.perSecond} per second (${f.refused} refused by the book's rules)`,
  );
  for (const r of f.rows) {
    console.log(
      `  ${r.name.padEnd(48)} ${String(r.count).padStart(5)}×  median ${String(r.medianMs).padStart(8)} ms  p95 ${String(r.p95Ms).padStart(8)} ms  (≤ ${r.limitMs} ms ${r.within ? '✓' : 'OVER'})`,
    );
  }
}

/** Runs one clerk in a child process (node with tsx's loader) and reads its figures. */
function childRun(args: string[]): Promise<ClerkRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', __filename, '--clerk', ...args], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('exit', (code) =>
      code === 0 ? resolve(JSON.parse(out) as ClerkRun) : reject(new Error(`a clerk exited with ${code}`)),
    );
  });
}

if (process.argv[2] === '--clerk') {
  const [url, index, ops, think, bookPath] = process.argv.slice(3) as [
    string,
    string,
    string,
    string,
    string,
  ];
  const book = JSON.parse(readFileSync(bookPath, 'utf8')) as Book;
  void clerk(url, Number(index), Number(ops), Number(think), book).then(
    (run) => process.stdout.write(JSON.stringify(run)),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
