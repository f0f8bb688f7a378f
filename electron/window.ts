import { join } from 'node:path';
import type { BrowserWindow as BrowserWindowType, BrowserWindowConstructorOptions } from 'electron';
import { APP_ORIGIN, lockDownWebContents, secureWebPreferences, type ExternalOpener } from './security';

export interface WindowDeps {
  BrowserWindow: new (options: BrowserWindowConstructorOptions) => BrowserWindowType;
  shell: ExternalOpener;
  preloadDir: string;
  devServerUrl?: string;
}

/** The single main window: sandboxed, isolated, and locked to the app's own pages. */
export function createMainWindow(deps: WindowDeps): BrowserWindowType {
  const window = new deps.BrowserWindow({
    width: 1360,
    height: 860,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    title: 'Pledgebook',
    backgroundColor: '#f6f7f9',
    autoHideMenuBar: false,
    webPreferences: secureWebPreferences(join(deps.preloadDir, 'preload.js')),
  });
  lockDownWebContents(window.webContents, deps.shell, deps.devServerUrl);
  window.once('ready-to-show', () => window.show());
  void window.loadURL(deps.devServerUrl ?? `${APP_ORIGIN}/index.html`);
  return window;
}
