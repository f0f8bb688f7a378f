import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * better-sqlite3 ships one compiled `.node` file, built for the ABI of whoever installed it. Tests
 * and the CLI run under Node and use the build in node_modules; Electron has its own ABI and
 * needs another build. We keep Electron's build in a separate folder (made by
 * electron/tools/ensure-native.mjs on `npm start`, or shipped in the installer's resources)
 * and hand its path to better-sqlite3's `nativeBinding` option, so neither build replaces the other.
 */
export const NATIVE_DIR = join('node_modules', '.pledgebook-native');

export function devNativeBindingPath(appRoot: string, electronVersion: string, arch: string): string {
  return join(appRoot, NATIVE_DIR, `electron-${electronVersion}-${arch}`, 'better_sqlite3.node');
}

export function packagedNativeBindingPath(resourcesPath: string): string {
  return join(resourcesPath, 'native', 'better_sqlite3.node');
}

export function findNativeBinding(opts: {
  isPackaged: boolean;
  appRoot: string;
  resourcesPath: string;
  electronVersion: string;
  arch: string;
  exists?: (path: string) => boolean;
}): string {
  const exists = opts.exists ?? existsSync;
  const path = opts.isPackaged
    ? packagedNativeBindingPath(opts.resourcesPath)
    : devNativeBindingPath(opts.appRoot, opts.electronVersion, opts.arch);
  if (!exists(path)) {
    throw new Error(
      `The SQLite driver built for Electron ${opts.electronVersion} was not found at ${path}. ` +
        (opts.isPackaged
          ? 'Reinstall Pledgebook.'
          : 'Run `npm start` (it builds the driver) instead of starting Electron directly.'),
    );
  }
  return path;
}
