import pg from 'pg';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { openApp } from '../../../electron/services/app';
import { fixedClock } from '../../../electron/services/clock';
import { grantAppRole } from '../../../electron/services/office/roles';
import { ServerBookError } from '../../../electron/db/postgres/server-errors';
import { verifyBookAuditChain } from '../../../electron/services/audit/verify';
import { adminQuery } from '../../support/postgres-cluster';
import { givenACarTitleLoan } from '../../support/fixtures';
import { callersOf, newTestBook, rawSql } from '../../support/test-app';
import { POSTGRES_MIGRATION_NAMES } from '../../../electron/db/postgres/migrations';

const clock = fixedClock('2026-06-15');
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const clean of cleanups.splice(0).reverse()) await clean();
});

/** A book made by the owner, and the office's daily role on it. */
async function bookWithAppRole() {
  const book = await newTestBook('postgres');
  cleanups.push(() => book.remove());
  const owner = await openApp({ databasePath: book.location, clock });
  cleanups.push(() => owner.close());
  const { loanId } = await givenACarTitleLoan(owner.dispatch);
  await callersOf(owner).call('collections.logContact', {
    loanId,
    channel: 'call-out',
    outcome: 'no-answer',
  });
  const role = `app_${process.pid}_${Date.now().toString(36)}`;
  await grantAppRole(owner.ctx.db, { name: role, password: 'daily-password' });
  const url = new URL(book.location);
  url.username = role;
  url.password = 'daily-password';
  const admin = inject('postgresAdminUrl');
  cleanups.unshift(async () => {
    await adminQuery(book.location, `DROP OWNED BY ${role}`).catch(() => undefined);
    await adminQuery(admin, `DROP ROLE IF EXISTS ${role}`);
  });
  return { owner, loanId, role, appUrl: url.toString() };
}

/** The server's answer to one statement run as the app role: 'ok' or its error code. */
async function asApp(appUrl: string, statement: string): Promise<string> {
  const client = new pg.Client({ connectionString: appUrl });
  await client.connect();
  try {
    await client.query(statement);
    return 'ok';
  } catch (error) {
    return String((error as { code?: unknown }).code);
  } finally {
    await client.end();
  }
}

describe('the office’s daily role', () => {
  it('works the book through the app: a payment posts and the audit chain holds', async () => {
    const { loanId, appUrl } = await bookWithAppRole();
    const daily = await openApp({ databasePath: appUrl, clock });
    cleanups.push(() => daily.close());
    const posted = await daily.dispatch('payments.record', {
      loanId,
      date: '2026-06-15',
      amount: 100_000,
      method: 'cash',
    });
    expect(posted.ok).toBe(true);
    expect((await verifyBookAuditChain(daily.ctx)).ok).toBe(true);
  });

  it('cannot drop or alter a table, switch a rule off, truncate, or change the audit log and contacts', async () => {
    const { appUrl } = await bookWithAppRole();
    for (const statement of [
      'DROP TABLE payments',
      'ALTER TABLE payments DISABLE TRIGGER USER',
      'ALTER TABLE audit_log DISABLE TRIGGER ALL',
      'TRUNCATE payments',
      'DELETE FROM audit_log',
      "UPDATE audit_log SET action = 'nothing'",
      "UPDATE collection_contacts SET notes = 'changed'",
      'DELETE FROM collection_contacts',
      'CREATE TABLE mine (id int)',
      "INSERT INTO kysely_migration (name, timestamp) VALUES ('9999_mine', 'now')",
    ]) {
      expect(await asApp(appUrl, statement), statement).toBe('42501');
    }
    // What the app does every day, it may do.
    expect(await asApp(appUrl, 'SELECT count(*) FROM audit_log')).toBe('ok');
    expect(await asApp(appUrl, "UPDATE settings SET value = value WHERE key = 'currency'")).toBe('ok');
  });

  it('is refused an upgrade in words, naming who must run it, and changes nothing', async () => {
    const NEWEST = POSTGRES_MIGRATION_NAMES.at(-1)!;
    const { owner, appUrl, role } = await bookWithAppRole();
    // The book as an older version left it: its newest migration not yet applied.
    await rawSql(owner.ctx.db).run('DELETE FROM kysely_migration WHERE name = ?', NEWEST);
    let refusal: unknown;
    try {
      await openApp({ databasePath: appUrl, clock });
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(ServerBookError);
    expect((refusal as ServerBookError).problem).toBe('server.upgradeNeedsOwner');
    expect((refusal as ServerBookError).params).toEqual({ user: role });
    expect(
      Number(
        await rawSql(owner.ctx.db).value('SELECT count(*) FROM kysely_migration WHERE name = ?', NEWEST),
      ),
    ).toBe(0);
  });
});
