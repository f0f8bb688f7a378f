import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, Notification, protocol, session, shell } from 'electron';
import { dbFlagFromArgv, resolveDatabasePath } from './db/location';
import { registerApi } from './ipc';
import { buildMenuTemplate, pickMenuLabels } from './menu';
import { findNativeBinding } from './native-binding';
import { printToPdf } from './print';
import { createAppProtocolHandler } from './protocol';
import { APP_SCHEME, lockDownSession } from './security';
import { openApp, type PledgebookApp } from './services/app';
import { backUpDatabase } from './services/system/backup';
import { Session } from './services/auth/actor';
import { scheduleAutomaticBackups, takeAutomaticBackup } from './services/system/auto-backup';
import { automaticBackupPlan } from './services/system/backups.service';
import { restoreDatabase } from './services/system/restore';
import { DatabaseDamagedError, damagedError } from './services/system/startup-check';
import { systemClock } from './services/clock';
import { createMainWindow } from './window';
import { notifyDueReminders } from './collections-notification';

// Main stays thin: windows, menu, dialogs and IPC. Every rule lives in ./services, which also
// runs under plain Node for the CLI and the tests.
const devServerUrl = process.env.ELECTRON_RENDERER_URL;

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

let backend: PledgebookApp | undefined;
let mainWindow: BrowserWindow | undefined;
let stopBackups: (() => void) | undefined;
/** The app locks after ten minutes without a request; sign in again to continue. */
const IDLE_LOCK_MS = 10 * 60_000;

async function start(): Promise<void> {
  lockDownSession(session.defaultSession);
  protocol.handle(APP_SCHEME, createAppProtocolHandler(join(__dirname, '../renderer')));

  const databasePath = resolveDatabasePath({
    flag: dbFlagFromArgv(process.argv),
    env: process.env,
    userDataDir: app.getPath('userData'),
  });
  const nativeBinding = findNativeBinding({
    isPackaged: app.isPackaged,
    appRoot: app.getAppPath(),
    resourcesPath: process.resourcesPath,
    electronVersion: process.versions.electron,
    arch: process.arch,
  });
  try {
    backend = await openApp({
      databasePath,
      clock: systemClock,
      nativeBinding,
      onInternalError: (error) => console.error(error),
      // Nobody is signed in at start: the window shows owner set-up or sign-in first.
      session: new Session(null, { idleLockMs: IDLE_LOCK_MS }),
      startupCheck: 'background',
      platform: {
        savePdf: async ({ suggestedName, landscape }) => {
          if (!mainWindow) return { saved: false };
          return printToPdf(mainWindow, mainWindow.webContents, dialog, { suggestedName, landscape });
        },
        chooseFolder: async (defaultPath) => {
          if (!mainWindow) return null;
          const choice = await dialog.showOpenDialog(mainWindow, {
            defaultPath,
            properties: ['openDirectory', 'createDirectory'],
          });
          return choice.canceled ? null : (choice.filePaths[0] ?? null);
        },
        restartWithBackup: async (backupPath) => {
          // Answer the request first; the window is gone a moment later.
          setTimeout(() => void restoreAndRelaunch(backupPath, databasePath, nativeBinding), 200);
        },
        backupSettingsChanged: () => void scheduleBackups(),
      },
    });
  } catch (error) {
    await refuseToOpen(error, databasePath, nativeBinding);
    return;
  }
  const ready = backend;
  // A big book's checks finish after the window shows; until then nothing is written, and a
  // damaged book closes the app with the same offer as a refusal at start.
  const stopOn = async (error: unknown) => {
    backend = undefined; // no backup-on-close of a damaged book
    stopBackups?.();
    mainWindow?.destroy();
    await ready.close();
    await refuseToOpen(error, databasePath, nativeBinding);
  };
  void ready.ctx.startupCheck?.then(
    (problems) => (problems.length > 0 ? stopOn(damagedError(databasePath, problems)) : undefined),
    stopOn,
  );
  await scheduleBackups();
  registerApi(ipcMain, () => ready.dispatch, devServerUrl);

  mainWindow = createMainWindow({
    BrowserWindow,
    shell,
    preloadDir: join(__dirname, '../preload'),
    devServerUrl,
  });
  const window = mainWindow;
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      buildMenuTemplate(pickMenuLabels(app.getLocale()), {
        backUp: () => void backUpInteractively(ready, window),
        print: () => void printToPdf(window, window.webContents, dialog, { suggestedName: 'Pledgebook' }),
        quit: () => app.quit(),
        about: () => window.webContents.send('pledgebook:command', 'about'),
      }),
    ),
  );
  if (Notification.isSupported()) {
    void notifyDueReminders((o) => new Notification(o), ready.dispatch, app.getLocale());
  }
}

/** (Re)starts the automatic backups with the folder, interval and retention from settings. */
async function scheduleBackups(): Promise<void> {
  const open = backend;
  if (!open) return;
  const plan = await automaticBackupPlan(open.ctx);
  stopBackups?.();
  stopBackups = scheduleAutomaticBackups(
    open.ctx,
    plan.folder,
    (e) => console.error('automatic backup failed', e),
    plan.everyHours,
    plan.policy,
  );
}

/** Restore chosen in Settings: close the book, restore (saving it first), start again. */
async function restoreAndRelaunch(
  backupPath: string,
  databasePath: string,
  nativeBinding: string | undefined,
): Promise<void> {
  const open = backend;
  backend = undefined; // no backup-on-close of the book being replaced
  stopBackups?.();
  await open?.close();
  try {
    await restoreDatabase({ databasePath, backupPath, now: systemClock.now(), nativeBinding });
  } catch (error) {
    dialog.showErrorBox('Restore failed', error instanceof Error ? error.message : String(error));
  }
  app.relaunch();
  app.exit(0);
}

async function backUpInteractively(ready: PledgebookApp, window: BrowserWindow): Promise<void> {
  const choice = await dialog.showSaveDialog(window, {
    defaultPath: `pledgebook-${ready.ctx.clock.today()}.db`,
    filters: [{ name: 'SQLite', extensions: ['db', 'sqlite'] }],
  });
  if (choice.canceled || !choice.filePath) return;
  try {
    await backUpDatabase(ready.ctx, choice.filePath, (fraction) => window.setProgressBar(fraction));
  } catch (error) {
    dialog.showErrorBox('Backup failed', error instanceof Error ? error.message : String(error));
  } finally {
    window.setProgressBar(-1);
  }
}

async function refuseToOpen(error: unknown, databasePath: string, nativeBinding: string | undefined) {
  if (error instanceof DatabaseDamagedError && error.latestBackup) {
    await offerRestore(error, databasePath, nativeBinding);
    return;
  }
  dialog.showErrorBox(
    'Pledgebook cannot open its database',
    error instanceof Error ? error.message : String(error),
  );
  app.exit(1);
}

/** A damaged book is never opened: offer the latest backup, saving the damaged file first. */
async function offerRestore(
  error: DatabaseDamagedError,
  databasePath: string,
  nativeBinding: string | undefined,
): Promise<void> {
  const answer = await dialog.showMessageBox({
    type: 'error',
    title: 'Pledgebook cannot open its database',
    message: error.message,
    buttons: ['Restore the latest backup', 'Quit'],
    defaultId: 0,
    cancelId: 1,
  });
  if (answer.response === 0 && error.latestBackup) {
    try {
      await restoreDatabase({
        databasePath,
        backupPath: error.latestBackup,
        now: systemClock.now(),
        nativeBinding,
      });
      app.relaunch();
    } catch (restoreError) {
      dialog.showErrorBox(
        'Restore failed',
        restoreError instanceof Error ? restoreError.message : String(restoreError),
      );
    }
  }
  app.exit(1);
}

app.enableSandbox();
void app.whenReady().then(start);
app.on('window-all-closed', () => app.quit());
let closing = false;
app.on('will-quit', (event) => {
  if (!backend || closing) return;
  // One last automatic backup, then close; quitting waits for both.
  closing = true;
  event.preventDefault();
  stopBackups?.();
  const open = backend;
  void automaticBackupPlan(open.ctx)
    .then((plan) => takeAutomaticBackup(open.ctx, plan.folder, plan.policy))
    .catch((e: unknown) => console.error('backup on close failed', e))
    .finally(() => void open.close().finally(() => app.quit()));
  backend = undefined;
});
