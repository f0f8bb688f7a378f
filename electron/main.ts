import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, shell } from 'electron';
import { dbFlagFromArgv, resolveDatabasePath } from './db/location';
import { registerApi } from './ipc';
import { buildMenuTemplate, pickMenuLabels } from './menu';
import { findNativeBinding } from './native-binding';
import { printToPdf } from './print';
import { createAppProtocolHandler } from './protocol';
import { APP_SCHEME, lockDownSession } from './security';
import { openApp, type PledgebookApp } from './services/app';
import { backUpDatabase } from './services/system/backup';
import { systemClock } from './services/clock';
import { createMainWindow } from './window';

// Main stays thin: windows, menu, dialogs and IPC. Every rule lives in ./services, which also
// runs under plain Node for the CLI and the tests.
const devServerUrl = process.env.ELECTRON_RENDERER_URL;

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

let backend: PledgebookApp | undefined;
let mainWindow: BrowserWindow | undefined;

async function start(): Promise<void> {
  lockDownSession(session.defaultSession);
  protocol.handle(APP_SCHEME, createAppProtocolHandler(join(__dirname, '../renderer')));

  const databasePath = resolveDatabasePath({
    flag: dbFlagFromArgv(process.argv),
    env: process.env,
    userDataDir: app.getPath('userData'),
  });
  try {
    backend = await openApp({
      databasePath,
      clock: systemClock,
      nativeBinding: findNativeBinding({
        isPackaged: app.isPackaged,
        appRoot: app.getAppPath(),
        resourcesPath: process.resourcesPath,
        electronVersion: process.versions.electron,
        arch: process.arch,
      }),
      onInternalError: (error) => console.error(error),
      platform: {
        savePdf: async ({ suggestedName, landscape }) => {
          if (!mainWindow) return { saved: false };
          return printToPdf(mainWindow, mainWindow.webContents, dialog, { suggestedName, landscape });
        },
      },
    });
  } catch (error) {
    dialog.showErrorBox(
      'Pledgebook cannot open its database',
      error instanceof Error ? error.message : String(error),
    );
    app.exit(1);
    return;
  }
  const ready = backend;
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
}

async function backUpInteractively(ready: PledgebookApp, window: BrowserWindow): Promise<void> {
  const choice = await dialog.showSaveDialog(window, {
    defaultPath: `pledgebook-${ready.ctx.clock.today()}.db`,
    filters: [{ name: 'SQLite', extensions: ['db', 'sqlite'] }],
  });
  if (choice.canceled || !choice.filePath) return;
  try {
    await backUpDatabase(ready.ctx, choice.filePath);
  } catch (error) {
    dialog.showErrorBox('Backup failed', error instanceof Error ? error.message : String(error));
  }
}

app.enableSandbox();
void app.whenReady().then(start);
app.on('window-all-closed', () => app.quit());
app.on('will-quit', () => {
  void backend?.close();
});
