import { copyFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { openApp } from '../../electron/services/app';
import { fixedClock } from '../../electron/services/clock';
import type { Dispatch } from '../../electron/services/dispatch';
import type { Result } from '../../shared/contract';
import { monthOf } from '../../shared/dates';
import { startNodeHost, type NodeHost } from '../support/node-host';
import { AS_OF, CACHE, importFiles } from './book-cache';

/**
 * What the process split buys main: its event-loop delay while the services do their longest
 * work — the month-end history's first build, the current month's report, an import of 10,000
 * loans — measured with that work in the service host, and again with it in the same process as
 * it was before. Plus what the port costs one small call against a direct call.
 */
export interface HostSplitFigures {
  /** p99 of this process's event-loop delay (standing in for main) while the host worked. */
  hostLoopDelayP99Ms: number;
  hostLoopDelayMaxMs: number;
  /** The same work on this process's own loop, as main ran it before the split. */
  inProcessLoopDelayP99Ms: number;
  inProcessLoopDelayMaxMs: number;
  /** How long each piece of work took in the host. */
  historyBuildMs: number;
  reportMs: number;
  importMs: number;
  /** The peak resident memory of the host that built the history and ran the report. */
  hostPeakRssMb: number;
  /** One `system.info` call, through the port and straight to the dispatcher. */
  roundTrip: { portMedianUs: number; portP95Us: number; directMedianUs: number; directP95Us: number };
}

const ms = (ns: number) => Math.round(ns / 1e4) / 100;
const us = (msValue: number) => Math.round(msValue * 1000);

function valueOf(result: Result<unknown>, what: string): unknown {
  if (!result.ok) throw new Error(`${what}: ${result.error.code}: ${result.error.message}`);
  return result.value;
}

/** A copy of the book with its month-end cache emptied, so the first build happens again. */
function withoutMonthEnds(bookPath: string, name: string): string {
  const copy = join(CACHE, `${name}-${process.pid}.db`);
  copyFileSync(bookPath, copy);
  const db = new Database(copy);
  db.exec('DELETE FROM loan_month_ends; UPDATE loan_status SET month_ends_through = NULL;');
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return copy;
}

const remove = (path: string) => {
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
};

/** The three pieces of work, through any dispatcher, each timed. */
async function doTheWork(
  book: Dispatch,
  emptyBook: Dispatch,
  request: { files: { name: string; base64: string }[]; acceptWarnings: true },
) {
  const timed = async (what: string, run: () => Promise<Result<unknown>>) => {
    const started = performance.now();
    valueOf(await run(), what);
    return Math.round(performance.now() - started);
  };
  return {
    historyBuildMs: await timed('dashboard', () => book('reports.dashboard', {})),
    reportMs: await timed('report', () => book('reports.monthly', { month: monthOf(AS_OF) })),
    importMs: await timed('import', () => emptyBook('import.commit', request)),
  };
}

/** Runs `work` while sampling this process's event-loop delay every 5 ms. */
async function withLoopDelay<T>(work: () => Promise<T>): Promise<T & { p99: number; max: number }> {
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  try {
    const done = await work();
    return { ...done, p99: ms(delay.percentile(99)), max: ms(delay.max) };
  } finally {
    delay.disable();
  }
}

async function timeCalls(call: () => Promise<Result<unknown>>, n: number) {
  for (let i = 0; i < 50; i++) valueOf(await call(), 'warm-up');
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const started = performance.now();
    valueOf(await call(), 'system.info');
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  return { median: us(samples[Math.floor(n / 2)]!), p95: us(samples[Math.floor(n * 0.95)]!) };
}

export async function measureHostSplit(bookPath: string, importLoans: number): Promise<HostSplitFigures> {
  const files = await importFiles(importLoans);
  const request = {
    files: files.map((f) => ({ name: f.name, base64: Buffer.from(f.bytes).toString('base64') })),
    acceptWarnings: true as const,
  };
  const options = { today: AS_OF, actor: 'system' as const };
  const hosts: NodeHost[] = [];
  const paths: string[] = [];
  try {
    // In the host: this process only waits on the port, as main does.
    const book = withoutMonthEnds(bookPath, 'host-book');
    const empty = join(CACHE, `host-import-${process.pid}.db`);
    paths.push(book, empty);
    const [onBook, onEmpty] = [
      startNodeHost({ ...options, databasePath: book }),
      startNodeHost({ ...options, databasePath: empty }),
    ];
    hosts.push(onBook, onEmpty);
    for (const h of hosts) if ((await h.opened).kind !== 'ready') throw new Error('the host did not open');
    const viaPort =
      (h: NodeHost): Dispatch =>
      (method, input) =>
        h.client.call(String(method), input);
    const hosted = await withLoopDelay(() => doTheWork(viaPort(onBook), viaPort(onEmpty), request));
    const roundTripPort = await timeCalls(() => onBook.client.call('system.info', {}), 2000);
    const { maxRssMb: hostPeakRssMb } = await onBook.link.ask<{ maxRssMb: number }>('peakMemory');
    await Promise.all(hosts.splice(0).map((h) => h.close()));

    // In this process, as main ran the services before the split.
    const inBook = withoutMonthEnds(bookPath, 'inline-book');
    const inEmpty = join(CACHE, `inline-import-${process.pid}.db`);
    paths.push(inBook, inEmpty);
    const clock = fixedClock(AS_OF);
    const [appOnBook, appOnEmpty] = [
      await openApp({ databasePath: inBook, clock }),
      await openApp({ databasePath: inEmpty, clock }),
    ];
    try {
      const inline = await withLoopDelay(() => doTheWork(appOnBook.dispatch, appOnEmpty.dispatch, request));
      const roundTripDirect = await timeCalls(() => appOnBook.dispatch('system.info', {}), 2000);
      return {
        hostLoopDelayP99Ms: hosted.p99,
        hostLoopDelayMaxMs: hosted.max,
        inProcessLoopDelayP99Ms: inline.p99,
        inProcessLoopDelayMaxMs: inline.max,
        historyBuildMs: hosted.historyBuildMs,
        reportMs: hosted.reportMs,
        importMs: hosted.importMs,
        hostPeakRssMb,
        roundTrip: {
          portMedianUs: roundTripPort.median,
          portP95Us: roundTripPort.p95,
          directMedianUs: roundTripDirect.median,
          directP95Us: roundTripDirect.p95,
        },
      };
    } finally {
      await appOnBook.close();
      await appOnEmpty.close();
    }
  } finally {
    await Promise.all(hosts.map((h) => h.close()));
    paths.forEach(remove);
  }
}
