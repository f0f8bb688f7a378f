import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openApp, type PledgebookApp } from '../../../electron/services/app';
import { fixedClock } from '../../../electron/services/clock';
import { seedLoanBook } from '../../../electron/services/seed/seed-book';
import { BOOK_TABLES } from '../../../electron/services/office/book-tables';
import { moveBook } from '../../../electron/services/office/move-book';
import { verifyBookAuditChain } from '../../../electron/services/audit/verify';
import { contentOf } from '../../../electron/services/collateral/attachment-store';
import { bookDigests, newTestBook } from '../../support/test-app';

const AS_OF = '2026-06-30';
const clock = fixedClock(AS_OF);
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

const fileHash = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

describe('office move: a whole book, SQLite → PostgreSQL → SQLite', () => {
  const books: { location: string; remove(): Promise<void> }[] = [];
  let original: string;
  let before: Record<string, string>;
  let loanCount: number;

  beforeAll(async () => {
    const file = await newTestBook('sqlite');
    books.push(file);
    original = file.location;
    const app = await openApp({ databasePath: original, clock });
    try {
      // Every kind of record: a year of collections work, plans, legal, repossessions, write-offs.
      await seedLoanBook(app.ctx, { loans: 2_000, seed: 42, asOf: AS_OF, activity: true });
      const item = await app.ctx.db
        .selectFrom('collateral_items')
        .select('id')
        .orderBy('id')
        .executeTakeFirstOrThrow();
      const uploaded = await app.dispatch('attachments.upload', {
        itemId: item.id,
        category: 'photo',
        fileName: '车辆正面.png',
        mime: 'image/png',
        dataBase64: PNG.toString('base64'),
      });
      expect(uploaded.ok).toBe(true);
      before = await bookDigests(app.ctx.db);
      loanCount = Number(
        (await sql<{ n: number }>`SELECT count(*) AS n FROM loans`.execute(app.ctx.db)).rows[0]!.n,
      );
    } finally {
      await app.close();
    }
  }, 240_000);
  afterAll(async () => {
    for (const b of books) await b.remove();
  });

  it('copies every table there and back with equal checksums, a sound audit chain and the same statements', async () => {
    const server = await newTestBook('postgres');
    books.push(server);
    const untouched = fileHash(original);
    const there = await moveBook(original, server.location, { clock });
    expect(there.ok).toBe(true);
    expect(fileHash(original)).toBe(untouched); // the source is only read
    expect(there.statements.compared).toBe(100);
    expect(there.attachments).toEqual({ copied: 1, missing: [] });
    expect(there.tables.find((t) => t.table === 'loans')!.rows).toBe(loanCount);
    for (const kind of [
      'collection_contacts',
      'repayment_plans',
      'legal_cases',
      'repossession_steps',
      'write_offs',
      'recoveries',
      'approval_requests',
      'audit_log',
    ]) {
      expect(there.tables.find((t) => t.table === kind)!.rows, kind).toBeGreaterThan(0);
    }

    const back = await newTestBook('sqlite');
    books.push(back);
    const again = await moveBook(server.location, back.location, { clock });
    expect(again.ok).toBe(true);

    const app = await openApp({ databasePath: back.location, clock });
    try {
      expect(await bookDigests(app.ctx.db)).toEqual(before);
      expect((await verifyBookAuditChain(app.ctx)).ok).toBe(true);
      const sha = createHash('sha256').update(PNG).digest('hex');
      expect((await contentOf(app.ctx.db, back.location, sha))?.equals(PNG)).toBe(true);
    } finally {
      await app.close();
    }
  }, 300_000);

  it('leaves the server book working: the next payment gets a new id, and its audit row chains on', async () => {
    const server = await newTestBook('postgres');
    books.push(server);
    expect((await moveBook(original, server.location, { clock })).ok).toBe(true);
    const app = await openApp({ databasePath: server.location, clock });
    try {
      const loan = await app.ctx.db
        .selectFrom('loans')
        .select('id')
        .where('status', '=', 'active')
        .orderBy('id')
        .executeTakeFirstOrThrow();
      const highest = await app.ctx.db
        .selectFrom('payments')
        .select(sql<number>`max(id)`.as('id'))
        .executeTakeFirstOrThrow();
      const paid = await app.dispatch('payments.record', {
        loanId: loan.id,
        date: AS_OF,
        amount: 10_000,
        method: 'cash',
      });
      expect(paid.ok).toBe(true);
      const newest = await app.ctx.db
        .selectFrom('payments')
        .select(sql<number>`max(id)`.as('id'))
        .executeTakeFirstOrThrow();
      expect(newest.id).toBe(highest.id + 1);
      expect((await verifyBookAuditChain(app.ctx)).ok).toBe(true);
    } finally {
      await app.close();
    }
  }, 120_000);

  it('refuses a target that already holds a book, and writes nothing to it', async () => {
    const server = await newTestBook('postgres');
    books.push(server);
    expect((await moveBook(original, server.location, { clock })).ok).toBe(true);
    const app = await openApp({ databasePath: server.location, clock });
    let held: Record<string, string>;
    try {
      held = await bookDigests(app.ctx.db);
    } finally {
      await app.close();
    }
    await expect(moveBook(original, server.location, { clock })).rejects.toThrow(/is not empty/);
    const reopened = await openApp({ databasePath: server.location, clock });
    try {
      expect(await bookDigests(reopened.ctx.db)).toEqual(held);
    } finally {
      await reopened.close();
    }
  }, 120_000);

  it('finds the same loans for the same text on both engines', async () => {
    const server = await newTestBook('postgres');
    books.push(server);
    expect((await moveBook(original, server.location, { clock })).ok).toBe(true);
    const file = await openApp({ databasePath: original, clock });
    const office = await openApp({ databasePath: server.location, clock });
    try {
      const sample = await file.ctx.db
        .selectFrom('borrowers as b')
        .innerJoin('loans as l', 'l.borrower_id', 'b.id')
        .select(['b.name', 'b.phone', 'l.number'])
        .orderBy('l.id')
        .limit(5)
        .execute();
      const queries = sample.flatMap((s) => [
        s.name,
        s.name.slice(0, 1),
        s.phone.slice(-4),
        s.number,
        s.number.slice(-5),
      ]);
      queries.push('京A', 'pb-', 'zz-nothing');
      for (const query of queries) {
        const found = async (app: PledgebookApp) => {
          const result = await app.dispatch('loans.list', { query, offset: 0, limit: 500, sort: 'number' });
          if (!result.ok) throw new Error(result.error.message);
          return (result.value as { rows: { id: number }[] }).rows.map((r) => r.id).sort((a, b) => a - b);
        };
        expect(await found(office), query).toEqual(await found(file));
      }
    } finally {
      await file.close();
      await office.close();
    }
  }, 120_000);
});

describe('the tables a move copies', () => {
  it('are every table of the book on both engines', async () => {
    for (const engine of ['sqlite', 'postgres'] as const) {
      const book = await newTestBook(engine);
      const app = await openApp({ databasePath: book.location, clock });
      try {
        const { rows } =
          engine === 'postgres'
            ? await sql<{
                name: string;
              }>`SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema()`.execute(
                app.ctx.db,
              )
            : await sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'table'`.execute(
                app.ctx.db,
              );
        const tables = rows
          .map((r) => r.name)
          // Kysely's bookkeeping, SQLite's internals and FTS5's shadow tables, the bytes of
          // attachments (copied from store to store, not as rows).
          .filter((n) => !/^(kysely_|sqlite_|search_terms_)/.test(n) && n !== 'attachment_contents')
          .sort();
        expect(tables, engine).toEqual(BOOK_TABLES.map((t) => t.table).sort());
      } finally {
        await app.close();
        await book.remove();
      }
    }
  });
});
