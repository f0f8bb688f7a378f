import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { sql, type Kysely } from 'kysely';
import { isServerBook } from '../../db/engine';
import { migrationState } from '../../db/migrate';
import { openDatabase, type Connection } from '../../db/open';
import { openPostgres } from '../../db/postgres/open';
import { checkServerUrl, serverProblemOf, ServerBookError } from '../../db/postgres/server-errors';
import type { Db } from '../../db/db';
import { openApp } from '../app';
import type { Clock } from '../clock';
import { verifyBookAuditChain, type AuditVerdict } from '../audit/verify';
import { loadLoanRecords } from '../loans/loan-records';
import { statementOf } from '../loans/statement';
import { DomainError, domainError } from '../errors';
import { BOOK_TABLES } from './book-tables';
import { tableDigestOf } from './book-rows';
import { copyBook, type CopyProgress, type CopyResult } from './copy-book';

/** Loans whose statements are compared field by field after a move. */
export const STATEMENTS_COMPARED = 100;

export interface MoveOptions {
  clock: Clock;
  /** better-sqlite3 build for this runtime (Electron's differs from Node's). */
  nativeBinding?: string;
  onProgress?: (p: CopyProgress | { table: 'verify'; done: number; total: number }) => void;
}

export interface MoveReport {
  ok: boolean;
  seconds: number;
  tables: { table: string; rows: number; targetRows: number; same: boolean }[];
  attachments: CopyResult['attachments'];
  audit: AuditVerdict;
  statements: { compared: number; differences: { loanId: number; field: string }[] };
}

/**
 * Copies the whole book at `from` into a new, empty book at `to` — a SQLite file or a PostgreSQL
 * URL, either way — and proves the copy: every table's rows and checksum, the audit chain on the
 * target, and the statements of 100 random loans field by field. The source is opened read-only
 * and never changed; the target is written in one transaction, so a failed or cancelled copy
 * leaves it as empty as it was.
 */
export async function moveBook(from: string, to: string, options: MoveOptions): Promise<MoveReport> {
  const started = performance.now();
  if (sameBook(from, to)) throw domainError('conflict', 'office.sameBook');
  const source = await openSource(from, options.nativeBinding);
  try {
    const target = await openApp({
      databasePath: to,
      clock: options.clock,
      nativeBinding: options.nativeBinding,
    });
    try {
      const copied = await copyBook(
        { db: source.db, location: from },
        { db: target.ctx.db, location: to },
        options.onProgress,
      );
      const tables = [];
      for (const [i, t] of BOOK_TABLES.entries()) {
        options.onProgress?.({ table: 'verify', done: i, total: BOOK_TABLES.length });
        const there = await tableDigestOf(target.ctx.db, t);
        const here = copied.tables[t.table]!;
        tables.push({
          table: t.table,
          rows: here.rows,
          targetRows: there.rows,
          same: here.sha256 === there.sha256,
        });
      }
      const audit = await verifyBookAuditChain(target.ctx);
      const statements = await compareStatements(source.db, target.ctx.db, options.clock.today());
      return {
        ok: tables.every((t) => t.same) && audit.ok && statements.differences.length === 0,
        seconds: (performance.now() - started) / 1000,
        tables,
        attachments: copied.attachments,
        audit,
        statements,
      };
    } finally {
      await target.close();
    }
  } finally {
    await source.close();
  }
}

const sameBook = (a: string, b: string) =>
  isServerBook(a) || isServerBook(b) ? a.trim() === b.trim() : resolve(a) === resolve(b);

/** The source, read-only, at this version's schema (a move never migrates what it copies). */
async function openSource(location: string, nativeBinding?: string): Promise<Connection> {
  let source: Connection;
  if (isServerBook(location)) {
    checkServerUrl(location);
    source = openPostgres(location, { readOnly: true, max: 2 });
  } else {
    if (!existsSync(location)) throw domainError('not-found', 'office.notFound', { location });
    source = openDatabase(location, { readonly: true, ...(nativeBinding ? { nativeBinding } : {}) });
  }
  try {
    const state = await migrationState(source.db as unknown as Kysely<unknown>);
    if (state.unknown.length > 0) {
      throw new ServerBookError('server.newerThanApp', { migrations: state.unknown.join(', ') });
    }
    if (state.pending.length > 0) {
      throw domainError('conflict', 'office.sourceNotCurrent', { pending: state.pending.join(', ') });
    }
    return source;
  } catch (error) {
    await source.close();
    if (error instanceof DomainError || error instanceof ServerBookError) throw error;
    throw serverProblemOf(error, location) ?? error;
  }
}

/** The statements of up to 100 random loans on both books, compared field by field. */
async function compareStatements(source: Db, target: Db, asOf: string): Promise<MoveReport['statements']> {
  const { rows } = await sql<{ id: number }>`
    SELECT id FROM loans ORDER BY random() LIMIT ${STATEMENTS_COMPARED}`.execute(source);
  const differences: MoveReport['statements']['differences'] = [];
  for (const { id } of rows) {
    const here = statementOf(await loadLoanRecords(source, id), asOf);
    const there = statementOf(await loadLoanRecords(target, id), asOf);
    const field = firstDifference(here, there);
    if (field !== null) differences.push({ loanId: id, field });
  }
  return { compared: rows.length, differences };
}

/** The path of the first field where two values differ, or null when they are equal. */
export function firstDifference(a: unknown, b: unknown, path = ''): string | null {
  if (Object.is(a, b)) return null;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return path || '(value)';
  if (Array.isArray(a) !== Array.isArray(b)) return path || '(value)';
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of [...keys].sort()) {
    const found = firstDifference(
      (a as Record<string, unknown>)[key],
      (b as Record<string, unknown>)[key],
      path ? `${path}.${key}` : key,
    );
    if (found !== null) return found;
  }
  return null;
}
