import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportResult, MethodOutput, Result, WorkProgress } from '../../../shared/contract';
import { loansCsv } from '../../support/loans-csv';
import { startNodeHost, type NodeHost } from '../../support/node-host';

/**
 * The process split, without Electron: the service host runs in a child process started from the
 * same entry point main starts, and this test talks to it only through the port protocol.
 */
const TODAY = '2026-06-15';
let numbered = 0;
/** An import request of `count` loans no earlier request has used. */
const csv = (count: number) => ({
  files: [
    { name: 'loans.csv', base64: Buffer.from(loansCsv(count, (numbered += count))).toString('base64') },
  ],
  acceptWarnings: true,
});

function value<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

describe('the service host under plain Node', () => {
  let dir: string;
  let databasePath: string;
  let host: NodeHost;
  const start = async () => {
    host = startNodeHost({ databasePath, today: TODAY, actor: 'system' });
    expect(await host.opened).toEqual({ kind: 'ready' });
  };
  const loanCount = async () =>
    value<MethodOutput<'loans.list'>>(await host.client.call('loans.list', { limit: 1 })).total;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pledgebook-host-'));
    databasePath = join(dir, 'book.db');
    await start();
  }, 60_000);
  afterAll(async () => {
    await host.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('posts a payment and builds a report through the port', async () => {
    value<ImportResult>(await host.client.call('import.commit', csv(3)));
    const loan = value<MethodOutput<'loans.list'>>(await host.client.call('loans.list', {})).rows[0]!;
    const paid = value<{ receiptNumber: string }>(
      await host.client.call('payments.record', {
        loanId: loan.id,
        date: '2026-02-05',
        amount: 444_244,
        method: 'cash',
      }),
    );
    expect(paid.receiptNumber).toMatch(/\S/);
    const detail = value<MethodOutput<'loans.get'>>(await host.client.call('loans.get', { id: loan.id }));
    expect(detail.payments.map((p) => p.amount)).toContain(444_244);

    const progress: WorkProgress[] = [];
    const report = value<MethodOutput<'reports.monthly'>>(
      await host.client.call(
        'reports.monthly',
        { month: '2026-02' },
        { onProgress: (p) => progress.push(p) },
      ),
    );
    expect(report.month).toBe('2026-02');
    expect(report.collections.total).toBe(444_244);
    // The month-end cache was built for this call, and said how far it had got.
    expect(progress.at(-1)).toMatchObject({ phase: 'monthEnds', done: 3, total: 3 });
  });

  it('refuses a malformed request with the dispatcher’s reason, as IPC did', async () => {
    const refused = await host.client.call('payments.record', { loanId: 'one' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await host.client.call('no.such.method', {})).toMatchObject({
      ok: false,
      error: { code: 'unknown-method' },
    });
  });

  it('reports an import’s progress, and a cancelled import writes nothing', async () => {
    const before = await loanCount();
    const seen: WorkProgress[] = [];
    const done = value<ImportResult>(
      await host.client.call('import.commit', csv(800), { onProgress: (p) => seen.push(p) }),
    );
    expect(done.loans).toBe(800);
    expect(seen.length).toBeGreaterThan(2);
    expect(seen.map((p) => p.done)).toEqual([...seen.map((p) => p.done)].sort((a, b) => a - b));
    expect(seen.at(-1)!.done).toBe(seen.at(-1)!.total);
    expect(await loanCount()).toBe(before + 800);

    const stop = new AbortController();
    const cancelled = await host.client.call('import.commit', csv(1500), {
      signal: stop.signal,
      onProgress: (p) => {
        if (p.phase === 'loans' && p.done > 0) stop.abort();
      },
    });
    expect(cancelled).toMatchObject({ ok: false, error: { code: 'cancelled', reason: 'work.cancelled' } });
    expect(await loanCount()).toBe(before + 800);
  }, 60_000);

  it('survives being killed mid-import: nothing partial, and the import runs again', async () => {
    const before = await loanCount();
    let killed = false;
    const request = csv(1500);
    const dying = host.client.call('import.commit', request, {
      onProgress: (p) => {
        if (!killed && p.phase === 'loans' && p.done > 200) {
          killed = true;
          host.child.kill('SIGKILL');
        }
      },
    });
    expect(await host.exited).toBe('SIGKILL');
    // What main does when its host dies: every waiting call is told, then a new host starts.
    host.client.failPending({ code: 'unavailable', message: 'host stopped', reason: 'host.stopped' });
    expect(await dying).toMatchObject({ ok: false, error: { reason: 'host.stopped' } });

    await start();
    expect(await loanCount()).toBe(before);
    const again = value<ImportResult>(await host.client.call('import.commit', request));
    expect(again).toMatchObject({ committed: true, loans: 1500 });
    expect(await loanCount()).toBe(before + 1500);
  }, 90_000);
});
