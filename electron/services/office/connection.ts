import type { Kysely } from 'kysely';
import type { BookChoice, ConnectionCheck, ServerConnection } from '../../../shared/contract';
import { migrationState } from '../../db/migrate';
import { openPostgres } from '../../db/postgres/open';
import { assertServerSupported } from '../../db/postgres/server-check';
import { checkServerUrl, serverProblemOf, ServerBookError } from '../../db/postgres/server-errors';
import { serverUrlOf } from '../../db/postgres/server-url';
import { DomainError, domainError } from '../errors';
import type { Platform } from '../context';

/** node-postgres' and Node's TLS errors, as the user's problem; else null. */
function tlsProblemOf(error: unknown, host: string): ServerBookError | null {
  const code = String((error as { code?: unknown } | null)?.code ?? '');
  const message = error instanceof Error ? error.message : '';
  if (/CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS_CERT_ALTNAME_INVALID/.test(code)) {
    return new ServerBookError('server.certificateRejected', { host });
  }
  if (/does not support SSL/i.test(message)) return new ServerBookError('server.noTls', { host });
  return null;
}

/** A refusal while connecting, as a coded error the screen words; anything else is rethrown. */
function refusalOf(error: unknown, connection: ServerConnection, url: string): unknown {
  const problem =
    tlsProblemOf(error, connection.host) ??
    serverProblemOf(error, url) ??
    (error instanceof ServerBookError ? error : null);
  return problem ? new DomainError('unavailable', problem.problem, problem.params) : error;
}

/**
 * Connects with the details the user gave and checks the server and the book on it as opening it
 * would — the server's version, pg_trgm, that the database is empty or a Pledgebook book, and no
 * newer than this app — without writing anything.
 */
export async function checkServerConnection(connection: ServerConnection): Promise<ConnectionCheck> {
  const url = serverUrlOf(connection);
  const conn = openPostgres(url, { max: 1 });
  try {
    checkServerUrl(url);
    const db = conn.db as unknown as Kysely<unknown>;
    await assertServerSupported(db);
    const state = await migrationState(db);
    if (state.unknown.length > 0) {
      throw new ServerBookError('server.newerThanApp', { migrations: state.unknown.join(', ') });
    }
    const version = await conn.pool.query<{ v: string }>("SELECT current_setting('server_version') AS v");
    return {
      // "15.18 (Debian 15.18-0+deb12u1)": the version, without the packager's note.
      serverVersion: `PostgreSQL ${(version.rows[0]?.v ?? '').split(' ')[0]}`.trim(),
      book: state.applied.length === 0 ? 'new' : state.pending.length > 0 ? 'upgrade' : 'current',
    };
  } catch (error) {
    throw refusalOf(error, connection, url);
  } finally {
    await conn.close();
  }
}

/**
 * Keeps the user's choice and reopens the app on it: a server is tested first, so a choice that
 * cannot work is refused in words and nothing is kept. Only the desktop shell can keep a choice.
 */
export async function useBook(
  platform: Platform | undefined,
  choice: BookChoice,
): Promise<{ restarting: true }> {
  if (!platform?.chooseBook) throw domainError('unavailable', 'office.chooseBookFirst');
  if (choice.kind === 'server') await checkServerConnection(choice.connection);
  await platform.chooseBook(choice);
  return { restarting: true };
}
