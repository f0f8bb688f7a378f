import type { PortEnd, PrintOutcome } from '../../shared/contract';
import { ServerBookError } from '../db/postgres/server-errors';
import { fail } from '../../shared/contract';
import { openApp, type PledgebookApp } from '../services/app';
import { Session } from '../services/auth/actor';
import { fixedClock, systemClock } from '../services/clock';
import type { Dispatch } from '../services/dispatch';
import { backUpDatabase } from '../services/system/backup';
import { scheduleAutomaticBackups, takeAutomaticBackup } from '../services/system/auto-backup';
import { automaticBackupPlan } from '../services/system/backups.service';
import { restoreDatabase } from '../services/system/restore';
import { DatabaseDamagedError, damagedError } from '../services/system/startup-check';
import { createLink, type Link } from './link';
import { servePort } from './serve';
import { createSetupDispatcher } from '../services/office/office.service';
import type { Platform } from '../services/context';

/**
 * The service host: the whole backend (SQLite, every service, the backups) in a process of its
 * own, so a 60-second month-end build never holds up a menu, a window move or a dialog in main.
 * This file knows nothing of Electron or Node's process APIs; entry.ts connects it to whichever
 * parent started it (Electron's utilityProcess in the app, a Node child process in the tests).
 */
export interface HostOptions {
  databasePath: string;
  nativeBinding?: string;
  /** A fixed "today" (tests, the bench); the desktop app runs on the system clock. */
  today?: string;
  /** 'nobody' in the desktop app (the window shows sign-in first); 'system' in the tests. */
  actor: 'nobody' | 'system';
  idleLockMs?: number;
  startupCheck?: 'before-open' | 'background';
  /** First run: no book is chosen yet, so the window asks where it is to be kept. */
  setup?: boolean;
}

/** What the host tells its parent about the book, on the same line as the link. */
export type HostNotice =
  | { kind: 'ready' }
  /** The book cannot be opened (damaged, newer than the app, unreadable); nothing was written. */
  | {
      kind: 'refused';
      message: string;
      latestBackup: string | null;
      /** A server book's problem (errors.json → server.*), which main words in the user's language. */
      problem?: { code: string; params: Record<string, string | number> };
    }
  /** The background start-up check found the open book damaged: it is closed again, unwritten. */
  | { kind: 'damaged'; message: string; latestBackup: string | null };

export type ParentMessage = { kind: 'open'; options: HostOptions };

export interface HostParent {
  /** The line to main (or to the test that started the host). Main's own calls come on it too. */
  line: PortEnd;
  /** A port main handed over for one window; each is served like the line. */
  onPort(listener: (port: PortEnd) => void): void;
}

const notReady: Dispatch = async () =>
  fail('unavailable', 'The data service is still opening the book; try again in a moment.');

const refusalOf = (error: unknown): Extract<HostNotice, { kind: 'refused' }> => ({
  kind: 'refused',
  message: error instanceof Error ? error.message : String(error),
  latestBackup: error instanceof DatabaseDamagedError ? error.latestBackup : null,
  ...(error instanceof ServerBookError ? { problem: { code: error.problem, params: error.params } } : {}),
});

export function runHost(parent: HostParent): void {
  let open: PledgebookApp | undefined;
  let options: HostOptions | undefined;
  let stopBackups: (() => void) | undefined;
  let setup: Dispatch | undefined;
  const dispatch = () => open?.dispatch ?? setup ?? notReady;
  const notify = (notice: HostNotice) => parent.line.postMessage(notice);

  const link: Link = createLink(parent.line, {
    /** The menu's "Back up…": main chose the file; the taskbar shows the progress. */
    backUpTo: async ({ path }: { path: string }) => {
      const book = required(open);
      await backUpDatabase(book.ctx, path, (fraction) => void link.ask('progressBar', fraction));
      return path;
    },
    /** Quitting: one last automatic backup, then the book is closed. */
    close: async () => {
      const book = open;
      open = undefined;
      stopBackups?.();
      if (!book) return;
      try {
        // A server book is backed up by its server, not by each PC that closes it.
        if (book.ctx.engine === 'postgres') return;
        const plan = await automaticBackupPlan(book.ctx);
        await takeAutomaticBackup(book.ctx, plan.folder, plan.policy);
      } finally {
        await book.close();
      }
    },
    /** The host's peak memory so far, for the bench (a process's own figure, not main's). */
    peakMemory: async () => ({ maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }),
    /** Restore chosen in Settings or offered for a damaged book: close, restore (saving it first). */
    restore: async ({ backupPath }: { backupPath: string }) => {
      const settings = required(options);
      const book = open;
      open = undefined; // no backup-on-close of the book being replaced
      stopBackups?.();
      await book?.close();
      await restoreDatabase({
        databasePath: settings.databasePath,
        backupPath,
        now: systemClock.now(),
        nativeBinding: settings.nativeBinding,
      });
    },
  });

  /** What only main can do, asked over the line. */
  const platform: Platform = {
    savePdf: (o) => link.ask<PrintOutcome>('savePdf', o),
    chooseFolder: (defaultPath) => link.ask<string | null>('chooseFolder', defaultPath),
    restartWithBackup: (backupPath) => link.ask('restartWithBackup', backupPath),
    backupSettingsChanged: () => void scheduleBackups(),
    chooseBook: (choice) => link.ask('chooseBook', choice),
  };

  const scheduleBackups = async () => {
    const book = open;
    if (!book || book.ctx.engine === 'postgres') return;
    const plan = await automaticBackupPlan(book.ctx);
    stopBackups?.();
    stopBackups = scheduleAutomaticBackups(
      book.ctx,
      plan.folder,
      (e) => console.error('automatic backup failed', e),
      plan.everyHours,
      plan.policy,
    );
  };

  const start = async (given: HostOptions) => {
    options = given;
    if (given.setup) {
      setup = createSetupDispatcher(platform, (error) => console.error(error));
      notify({ kind: 'ready' });
      return;
    }
    let book: PledgebookApp;
    try {
      book = await openApp({
        databasePath: given.databasePath,
        clock: given.today ? fixedClock(given.today) : systemClock,
        nativeBinding: given.nativeBinding,
        onInternalError: (error) => console.error(error),
        session: given.actor === 'nobody' ? new Session(null, { idleLockMs: given.idleLockMs }) : undefined,
        startupCheck: given.startupCheck,
        platform,
      });
    } catch (error) {
      notify(refusalOf(error));
      return;
    }
    open = book;
    // A big book's checks finish after the window shows; until then nothing is written.
    void book.ctx.startupCheck?.then(
      (problems) =>
        problems.length > 0 ? closeDamaged(book, damagedError(given.databasePath, problems)) : undefined,
      (error: unknown) => closeDamaged(book, error),
    );
    await scheduleBackups();
    notify({ kind: 'ready' });
  };

  const closeDamaged = async (book: PledgebookApp, error: unknown) => {
    if (open === book) open = undefined;
    stopBackups?.();
    await book.close();
    notify({ ...refusalOf(error), kind: 'damaged' });
  };

  parent.line.listen((message) => {
    const m = message as Partial<ParentMessage>;
    if (m?.kind === 'open' && m.options && !options) void start(m.options);
  });
  servePort(parent.line, dispatch);
  parent.onPort((port) => servePort(port, dispatch));
}

function required<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('the book is not open');
  return value;
}
