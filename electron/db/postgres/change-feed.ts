import pg from 'pg';
import type { ChangesSince } from '../../../shared/contract';

/** One notice of migration 0004: a statement on `table` committed, touching these loans or borrowers. */
export interface BookChange {
  table: string;
  kind: 'loans' | 'borrowers' | null;
  /** The ids it touched; null when more than 50 (then: all of that kind). */
  ids: number[] | null;
}

const CHANNEL = 'pledgebook_changes';
/** Notices kept for PCs' screens to catch up on; a screen further behind refreshes everything. */
const KEPT = 1000;
const RETRY_MS = [500, 1000, 2000, 4000];

type Entry = { seq: number; change: BookChange | 'everything' };

/**
 * Hears the office's changes on a dedicated connection (LISTEN needs one that stays open, outside
 * the pool) and keeps the recent ones numbered, so each screen asks "what changed after n?" and
 * waits until something has. When the connection drops it reconnects with back-off; notices sent
 * meanwhile are lost, so reconnecting counts as "everything changed".
 */
export class ChangeFeed {
  private entries: Entry[] = [];
  private seq = 0;
  private client: pg.Client | null = null;
  private stopped = false;
  private connecting: Promise<void> | null = null;
  private waiters = new Set<() => void>();
  private attempt = 0;
  private everConnected = false;
  connected = false;

  constructor(private readonly url: string) {}

  /** Starts listening (once); resolves when the first connection is made or has failed. */
  start(): Promise<void> {
    this.connecting ??= this.connect();
    return this.connecting;
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const client = new pg.Client({ connectionString: this.url, application_name: 'Pledgebook changes' });
    client.on('notification', (n) => {
      if (n.channel === CHANNEL && n.payload) this.push(parseChange(n.payload));
    });
    const lost = () => {
      if (this.client !== client) return;
      this.client = null;
      this.setConnected(false);
      client.end().catch(() => undefined);
      this.retryLater();
    };
    client.on('error', lost);
    client.on('end', lost);
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
    } catch {
      client.end().catch(() => undefined);
      this.setConnected(false);
      this.retryLater();
      return;
    }
    if (this.stopped) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    this.attempt = 0;
    // Whatever was sent while this PC was not listening is unknown: screens refresh everything.
    if (this.everConnected) this.push('everything');
    this.everConnected = true;
    this.setConnected(true);
  }

  private retryLater(): void {
    if (this.stopped) return;
    const wait = RETRY_MS[Math.min(this.attempt++, RETRY_MS.length - 1)];
    setTimeout(() => void this.connect(), wait).unref?.();
  }

  private setConnected(connected: boolean): void {
    if (this.connected === connected) return;
    this.connected = connected;
    this.wake();
  }

  private push(change: BookChange | 'everything'): void {
    this.entries.push({ seq: ++this.seq, change });
    if (this.entries.length > KEPT) this.entries.splice(0, this.entries.length - KEPT);
    this.wake();
  }

  private wake(): void {
    for (const wake of [...this.waiters]) wake();
  }

  /** The newest notice's number: a screen starts from here. */
  get cursor(): number {
    return this.seq;
  }

  /**
   * What changed after `cursor`; if nothing yet, waits up to `waitMs` (or until `signal` aborts,
   * or the connection comes or goes) for something to.
   */
  async since(cursor: number, waitMs: number, signal?: AbortSignal): Promise<ChangesSince> {
    await this.start();
    if (this.seq <= cursor) {
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          this.waiters.delete(done);
          signal?.removeEventListener('abort', done);
          resolve();
        };
        const timer = setTimeout(done, waitMs);
        this.waiters.add(done);
        signal?.addEventListener('abort', done, { once: true });
      });
    }
    return this.fold(cursor);
  }

  private fold(cursor: number): ChangesSince {
    const out: ChangesSince = {
      cursor: this.seq,
      connected: this.connected,
      // A cursor from before this feed began (the service was restarted) or older than what is
      // kept cannot be answered change by change.
      everything: cursor > this.seq || (cursor < this.seq && (this.entries[0]?.seq ?? Infinity) > cursor + 1),
      tables: [],
      loans: [],
      borrowers: [],
    };
    const tables = new Set<string>();
    const ids = { loans: new Set<number>(), borrowers: new Set<number>() };
    for (const { seq, change } of this.entries) {
      if (seq <= cursor) continue;
      if (change === 'everything') {
        out.everything = true;
        continue;
      }
      tables.add(change.table);
      if (!change.kind) continue;
      if (change.ids === null) out.everything = true;
      else for (const id of change.ids) ids[change.kind].add(id);
    }
    out.tables = [...tables].sort();
    out.loans = [...ids.loans].sort((a, b) => a - b);
    out.borrowers = [...ids.borrowers].sort((a, b) => a - b);
    return out;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wake();
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }
}

/** A notice's payload as migration 0004 writes it; anything else means "everything". */
export function parseChange(payload: string): BookChange | 'everything' {
  try {
    const value = JSON.parse(payload) as Partial<BookChange>;
    if (typeof value.table !== 'string') return 'everything';
    const kind = value.kind === 'loans' || value.kind === 'borrowers' ? value.kind : null;
    const ids = Array.isArray(value.ids) ? value.ids.map(Number).filter(Number.isSafeInteger) : null;
    return { table: value.table, kind, ids };
  } catch {
    return 'everything';
  }
}
