import { join } from 'node:path';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  Notification,
  protocol,
  safeStorage,
  session,
  shell,
} from 'electron';
import { DB_ENV_VAR, dbFlagFromArgv } from './db/location';
import { loadBookLocation, saveBookChoice } from './book-choice';
import type { BookChoice } from '../shared/contract';
import { COMMAND_CHANNEL, registerPortRequests } from './ipc';
import { buildMenuTemplate, pickMenuLabels } from './menu';
import { findNativeBinding } from './native-binding';
import { printToPdf } from './print';
import { createAppProtocolHandler } from './protocol';
import { APP_SCHEME, lockDownSession } from './security';
import { systemClock } from './services/clock';
import { createMainWindow } from './window';
import { notifyDueReminders } from './collections-notification';
import { HostProcess } from './host/host-process';
import { afterHostStopped } from './host/restart-policy';
import type { HostNotice, HostOptions } from './host/host';
import { matchLocale } from '../shared/i18n/match-locale';
import { translator } from '../shared/i18n/translator';

// Main stays thin: windows, menu, dialogs, printing and the OS. It runs no SQL: the book and every
// rule live in the service host (./host), a utilityProcess each window talks to over its own
// MessagePort, so a long month-end build or import never makes the window or its menus wait.
const devServerUrl = process.env.ELECTRON_RENDERER_URL;

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

let host: HostProcess | undefined;
let mainWindow: BrowserWindow | undefined;
/** The app locks after ten minutes without a request; sign in again to continue. */
const IDLE_LOCK_MS = 10 * 60_000;
let recentRestarts: number[] = [];
/** The book came from the choice kept on this PC (not --db or PLEDGEBOOK_DB): it may be chosen again. */
let chosenOnThisPc = false;
let hostOptions: HostOptions | undefined;

const words = () => translator(matchLocale(app.getLocale()));

async function start(): Promise<void> {
  lockDownSession(session.defaultSession);
  protocol.handle(APP_SCHEME, createAppProtocolHandler(join(__dirname, '../renderer')));
  // `--db` and PLEDGEBOOK_DB win; then the choice kept on this PC; on a first run, nothing: the
  // window asks whether the book lives on this PC or on the office database.
  const explicit = dbFlagFromArgv(process.argv) || process.env[DB_ENV_VAR];
  chosenOnThisPc = !explicit;
  const location = explicit || loadBookLocation(app.getPath('userData'), safeStorage);
  const options: HostOptions = {
    databasePath: location ?? '',
    setup: location === null,
    nativeBinding: findNativeBinding({
      isPackaged: app.isPackaged,
      appRoot: app.getAppPath(),
      resourcesPath: process.resourcesPath,
      electronVersion: process.versions.electron,
      arch: process.arch,
    }),
    // Nobody is signed in at start: the window shows owner set-up or sign-in first.
    actor: 'nobody',
    idleLockMs: IDLE_LOCK_MS,
    startupCheck: 'background',
  };
  hostOptions = options;
  registerPortRequests(ipcMain, (frame) => host?.connect(frame), devServerUrl);
  startHost(options);
}

function startHost(options: HostOptions): void {
  host = new HostProcess(
    join(__dirname, 'host.js'),
    options,
    {
      savePdf: async ({ suggestedName, landscape }: { suggestedName: string; landscape: boolean }) => {
        if (!mainWindow) return { saved: false };
        return printToPdf(mainWindow, mainWindow.webContents, dialog, { suggestedName, landscape });
      },
      chooseFolder: async (defaultPath: string) => {
        if (!mainWindow) return null;
        const choice = await dialog.showOpenDialog(mainWindow, {
          defaultPath,
          properties: ['openDirectory', 'createDirectory'],
        });
        return choice.canceled ? null : (choice.filePaths[0] ?? null);
      },
      restartWithBackup: async (backupPath: string) => {
        // Answer the request first; the window is gone a moment later.
        setTimeout(() => void restoreAndRelaunch(backupPath), 200);
      },
      chooseBook: async (choice: BookChoice) => {
        // Kept first (the password encrypted by the OS keychain), so a refusal reaches the screen.
        saveBookChoice(app.getPath('userData'), choice, safeStorage);
        setTimeout(() => void reopenOnChosenBook(), 200);
      },
      progressBar: (fraction: number) => mainWindow?.setProgressBar(fraction),
    },
    {
      onNotice: (notice) => void onHostNotice(notice),
      onUnexpectedExit: (code) => onHostStopped(code, options),
    },
  );
}

async function onHostNotice(notice: HostNotice): Promise<void> {
  if (notice.kind === 'ready') {
    if (!mainWindow) openWindow();
    // A restarted host: the window gets its new port once the book is open again, so its
    // first calls are answered rather than told the book is still opening.
    else host?.connect(mainWindow.webContents.mainFrame);
    return;
  }
  // Refused at start, or found damaged by the background check: nothing was written to it.
  mainWindow?.destroy();
  mainWindow = undefined;
  await refuseToOpen(notice);
}

function openWindow(): void {
  const window = createMainWindow({
    BrowserWindow,
    shell,
    preloadDir: join(__dirname, '../preload'),
    devServerUrl,
  });
  mainWindow = window;
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      buildMenuTemplate(pickMenuLabels(app.getLocale()), {
        backUp: () => void backUpInteractively(window),
        print: () => void printToPdf(window, window.webContents, dialog, { suggestedName: 'Pledgebook' }),
        quit: () => app.quit(),
        about: () => window.webContents.send(COMMAND_CHANNEL, 'about'),
      }),
    ),
  );
  const running = host;
  if (Notification.isSupported() && running) {
    void notifyDueReminders(
      (o) => new Notification(o),
      (method, input) => running.client.call(String(method), input),
      app.getLocale(),
    );
  }
}

/**
 * The host died (a crash, the OS killing it). Every call it was serving rolled back with its
 * transaction; the window's waiting calls are told so when its new port arrives. Start a new host,
 * say what happened, and give up after repeated failures rather than loop.
 */
function onHostStopped(code: number, options: HostOptions): void {
  console.error(`service host stopped (exit code ${code})`);
  const { restart, restarts } = afterHostStopped(recentRestarts, Date.now());
  recentRestarts = restarts;
  const t = words();
  if (!restart) {
    dialog.showErrorBox(t('app.host.title'), t('app.host.gaveUp'));
    app.exit(1);
    return;
  }
  startHost(options);
  const window = mainWindow;
  if (!window) return;
  void dialog.showMessageBox(window, {
    type: 'warning',
    title: t('app.host.title'),
    message: t('app.host.stopped'),
    detail: t('app.host.stoppedDetail'),
  });
}

/** A new place for the book was chosen: close this one and start again on it. */
async function reopenOnChosenBook(): Promise<void> {
  const running = host;
  host = undefined;
  await running?.close().catch((e: unknown) => console.error('closing the book failed', e));
  app.relaunch();
  app.exit(0);
}

/** Restore chosen in Settings: the host closes the book and restores over it; then start again. */
async function restoreAndRelaunch(backupPath: string): Promise<void> {
  const running = host;
  try {
    await running?.link.ask('restore', { backupPath });
  } catch (error) {
    dialog.showErrorBox('Restore failed', error instanceof Error ? error.message : String(error));
  }
  running?.stop();
  host = undefined; // no backup-on-close of the book just replaced
  app.relaunch();
  app.exit(0);
}

async function backUpInteractively(window: BrowserWindow): Promise<void> {
  const running = host;
  if (!running) return;
  const choice = await dialog.showSaveDialog(window, {
    defaultPath: `pledgebook-${systemClock.today()}.db`,
    filters: [{ name: 'SQLite', extensions: ['db', 'sqlite'] }],
  });
  if (choice.canceled || !choice.filePath) return;
  try {
    await running.link.ask('backUpTo', { path: choice.filePath });
  } catch (error) {
    dialog.showErrorBox('Backup failed', error instanceof Error ? error.message : String(error));
  } finally {
    window.setProgressBar(-1);
  }
}

async function refuseToOpen(notice: Exclude<HostNotice, { kind: 'ready' }>): Promise<void> {
  if (!notice.latestBackup) {
    const t = words();
    const problem = notice.kind === 'refused' ? notice.problem : undefined;
    // A server book's refusal reads in the user's language; a file's keeps its full English detail.
    const refusal = problem ? String(t(`errors:${problem.code}`, problem.params as never)) : notice.message;
    if (problem && chosenOnThisPc && hostOptions) {
      // A changed password, a moved server: the user fixes the connection rather than starting over.
      const answer = await dialog.showMessageBox({
        type: 'error',
        title: t('app.serverBook.cannotOpen'),
        message: refusal,
        buttons: [t('app.serverBook.chooseAgain'), t('app.serverBook.quit')],
        defaultId: 0,
        cancelId: 1,
      });
      if (answer.response === 0) {
        host?.stop();
        startHost({ ...hostOptions, databasePath: '', setup: true });
        return;
      }
    } else dialog.showErrorBox(t('app.serverBook.cannotOpen'), refusal);
    host?.stop();
    app.exit(1);
    return;
  }
  // A damaged book is never opened: offer the latest backup, saving the damaged file first.
  const answer = await dialog.showMessageBox({
    type: 'error',
    title: 'Pledgebook cannot open its database',
    message: notice.message,
    buttons: ['Restore the latest backup', 'Quit'],
    defaultId: 0,
    cancelId: 1,
  });
  if (answer.response === 0) {
    try {
      await host?.link.ask('restore', { backupPath: notice.latestBackup });
      app.relaunch();
    } catch (restoreError) {
      dialog.showErrorBox(
        'Restore failed',
        restoreError instanceof Error ? restoreError.message : String(restoreError),
      );
    }
  }
  host?.stop();
  app.exit(1);
}

app.enableSandbox();
void app.whenReady().then(start);
app.on('window-all-closed', () => app.quit());
let closing = false;
app.on('will-quit', (event) => {
  const running = host;
  if (!running || closing) return;
  // One last automatic backup, then close; quitting waits for both.
  closing = true;
  event.preventDefault();
  host = undefined;
  void running
    .close()
    .catch((e: unknown) => console.error('closing the book failed', e))
    .finally(() => app.quit());
});
