import { describe, expect, inject, it } from 'vitest';
import { checkServerConnection } from '../../../electron/services/office/connection';
import { DomainError } from '../../../electron/services/errors';
import type { ServerConnection } from '../../../shared/contract';
import { adminQuery } from '../../support/postgres-cluster';
import { newTestBook } from '../../support/test-app';

/** The details a user would type for the test cluster's database `name`. */
function detailsOf(name: string, change: Partial<ServerConnection> = {}): ServerConnection {
  const admin = new URL(inject('postgresAdminUrl'));
  return {
    host: admin.hostname,
    port: Number(admin.port),
    database: name,
    user: decodeURIComponent(admin.username),
    password: decodeURIComponent(admin.password),
    tls: 'off',
    caFile: '',
    ...change,
  };
}

async function refusal(details: ServerConnection): Promise<string> {
  try {
    await checkServerConnection(details);
    return 'connected';
  } catch (error) {
    if (error instanceof DomainError) return error.reason;
    throw error;
  }
}

describe('testing a connection from the first-run screen', () => {
  it('says an empty database will get a new book, and a book is ready, writing nothing', async () => {
    const admin = inject('postgresAdminUrl');
    const name = `empty_${process.pid}_${Date.now().toString(36)}`;
    await adminQuery(admin, `CREATE DATABASE ${name}`);
    try {
      expect(await checkServerConnection(detailsOf(name))).toMatchObject({ book: 'new' });
      // Still empty: testing created nothing.
      expect(await checkServerConnection(detailsOf(name))).toMatchObject({
        book: 'new',
        serverVersion: expect.stringMatching(/^PostgreSQL \d+\.\d+$/),
      });
    } finally {
      await adminQuery(admin, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    }
    const book = await newTestBook('postgres');
    try {
      const name = new URL(book.location).pathname.slice(1);
      expect(await checkServerConnection(detailsOf(name))).toMatchObject({ book: 'current' });
    } finally {
      await book.remove();
    }
  });

  it('names what failed: wrong password, no such database, unreachable, encryption the server lacks', async () => {
    expect(await refusal(detailsOf('postgres', { password: 'wrong' }))).toBe('server.wrongPassword');
    expect(await refusal(detailsOf('no_such_book'))).toBe('server.noDatabase');
    expect(await refusal(detailsOf('postgres', { port: 1 }))).toBe('server.unreachable');
    // The test cluster speaks no TLS: asking for it is refused in words, not as a crash.
    expect(await refusal(detailsOf('postgres', { tls: 'require' }))).toBe('server.noTls');
    expect(await refusal(detailsOf('postgres', { tls: 'verify' }))).toBe('server.noTls');
  });
});
