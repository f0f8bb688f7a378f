import type Database from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import type { Clock } from './clock';
import type { Engine } from '../db/engine';
import type { ChangeFeed } from '../db/postgres/change-feed';
import { domainError } from './errors';
import type { Actor, Session } from './auth/actor';
import type { ScryptCost } from './auth/password';
import type { BookChoice, PrintOutcome } from '../../shared/contract';

/** What only the desktop shell can do; the CLI and the test server have none of it. */
export interface Platform {
  savePdf(options: { suggestedName: string; landscape: boolean }): Promise<PrintOutcome>;
  /** A folder dialog owned by main; null when the user cancels. */
  chooseFolder?(defaultPath: string): Promise<string | null>;
  /** Closes the book, restores `backupPath` over it (saving the current book first), restarts. */
  restartWithBackup?(backupPath: string): Promise<void>;
  /** The automatic-backup interval, folder or retention changed: reschedule. */
  backupSettingsChanged?(): void;
  /** Keeps where this PC's book lives (the password in the OS keychain) and reopens the app on it. */
  chooseBook?(choice: BookChoice): Promise<void>;
}

/** What every service gets: the database, the clock, and facts about this installation. */
export interface ServiceContext {
  db: Kysely<DB>;
  /** Which engine holds the book: a SQLite file, or a PostgreSQL server the office shares. */
  engine: Engine;
  /** The raw SQLite handle, for the data-safety modules only; absent on a server book. */
  sqlite?: Database.Database;
  clock: Clock;
  /** The book's file path, or its postgres:// URL (password included: never show it). */
  databasePath: string;
  appVersion: string;
  /** better-sqlite3 build to use for any extra handle (backups, restores): Electron needs its own. */
  nativeBinding?: string;
  platform?: Platform;
  /** The signed-in user, or null before sign-in. Services check permissions against it. */
  actor(): Actor | null;
  /** Who is signed in to this running app; sign-in and sign-out change it. */
  session?: Session;
  /** scrypt cost for new password hashes; only tests lower it, never production. */
  passwordCost?: ScryptCost;
  /** A server book: what other PCs change, heard as the server's notices (absent on a file book). */
  changes?: ChangeFeed;
  /** The start-up checks still running in the background: their problems, none when sound. */
  startupCheck?: Promise<string[]>;
}

/** The SQLite handle of a file book; on a server book, what needs it is refused in words. */
export function sqliteOf(ctx: Pick<ServiceContext, 'sqlite'>): Database.Database {
  if (!ctx.sqlite) throw domainError('unavailable', 'server.fileBookOnly');
  return ctx.sqlite;
}
