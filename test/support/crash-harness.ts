import { spawn } from 'node:child_process';
import { join } from 'node:path';
import Database from 'better-sqlite3';

const WRITER = join(__dirname, 'crash-writer.mjs');

export interface CrashCycle {
  /** Transaction ids the writer reported committed before it was killed. */
  logged: number[];
  /** What the database holds after reopening. */
  found: CrashEvidence;
}

export interface CrashEvidence {
  integrity: string;
  /** Transaction ids whose borrower, loan and payment are all present. */
  complete: number[];
  /** Transactions with some but not all of their rows: must always be empty. */
  partial: number[];
  counter: number;
}

/** A writer process started ahead of time, waiting for "go". */
interface StandbyWriter {
  /** Lets it write for `runMs` after it is ready, then SIGKILLs it; resolves to the ids it logged. */
  runAndKill(runMs: number): Promise<number[]>;
  discard(): void;
}

function startWriter(databasePath: string): StandbyWriter {
  const child = spawn(process.execPath, [WRITER, databasePath], { stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  let timer: NodeJS.Timeout | undefined;
  let runMs = 0;
  let running = false;
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    out += chunk;
    if (running && !timer && out.startsWith('ready\n'))
      timer = setTimeout(() => child.kill('SIGKILL'), runMs);
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
  const closed = new Promise<NodeJS.Signals | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (_code, signal) => resolve(signal));
  });
  return {
    async runAndKill(ms) {
      runMs = ms;
      running = true;
      child.stdin.end('go\n');
      const signal = await closed;
      clearTimeout(timer);
      if (signal !== 'SIGKILL') throw new Error(`the writer stopped by itself: ${err || out}`);
      // A line cut off by the kill was never fully reported, so it does not count as logged.
      const lines = out.split('\n');
      lines.pop();
      return lines.filter((l) => /^\d+$/.test(l)).map(Number);
    },
    discard: () => child.kill('SIGKILL'),
  };
}

/** Opens the database as the app would after a crash and reports what survived. */
export function inspect(databasePath: string): CrashEvidence {
  const db = new Database(databasePath);
  try {
    const integrity = String(db.pragma('integrity_check', { simple: true }));
    const txnOf = (s: string) => Number(/(\d+)$/.exec(s)?.[1]);
    const sets = [
      db.prepare("SELECT name FROM borrowers WHERE name LIKE 'crash %'").pluck().all() as string[],
      db.prepare("SELECT number FROM loans WHERE number LIKE 'CRASH-%'").pluck().all() as string[],
      db
        .prepare("SELECT receipt_number FROM payments WHERE receipt_number LIKE 'R-CRASH-%'")
        .pluck()
        .all() as string[],
    ].map((names) => new Set(names.map(txnOf)));
    const all = new Set(sets.flatMap((s) => [...s]));
    const complete = [...all].filter((t) => sets.every((s) => s.has(t))).sort((a, b) => a - b);
    const partial = [...all].filter((t) => !sets.every((s) => s.has(t))).sort((a, b) => a - b);
    const counter = Number(
      db.prepare("SELECT value FROM counters WHERE name = 'crash-txn'").pluck().get() ?? 0,
    );
    return { integrity, complete, partial, counter };
  } finally {
    db.close();
  }
}

export interface SoakTotals {
  kills: number;
  loggedTransactions: number;
  survivingTransactions: number;
  lostLogged: number;
  partial: number;
  integrityFailures: number;
}

/** Kills the writer `kills` times at random moments, checking the database after every kill. */
export async function crashSoak(
  databasePath: string,
  kills: number,
  random: () => number = Math.random,
  onCycle?: (cycle: CrashCycle, n: number) => void,
): Promise<SoakTotals> {
  const totals: SoakTotals = {
    kills: 0,
    loggedTransactions: 0,
    survivingTransactions: 0,
    lostLogged: 0,
    partial: 0,
    integrityFailures: 0,
  };
  const everLogged = new Set<number>();
  let next = startWriter(databasePath);
  try {
    for (let n = 1; n <= kills; n++) {
      const writer = next;
      next = startWriter(databasePath);
      const logged = await writer.runAndKill(Math.floor(random() * 60));
      for (const t of logged) everLogged.add(t);
      const found = inspect(databasePath);
      const present = new Set(found.complete);
      totals.kills += 1;
      totals.loggedTransactions = everLogged.size;
      totals.survivingTransactions = found.complete.length;
      totals.lostLogged = [...everLogged].filter((t) => !present.has(t)).length;
      totals.partial += found.partial.length;
      if (found.integrity !== 'ok') totals.integrityFailures += 1;
      onCycle?.({ logged, found }, n);
    }
  } finally {
    next.discard();
  }
  return totals;
}
