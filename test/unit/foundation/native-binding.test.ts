import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import {
  devNativeBindingPath,
  findNativeBinding,
  NATIVE_DIR,
  packagedNativeBindingPath,
} from '../../../electron/native-binding';

const appRoot = join('/', 'src', 'pledgebook');
const resourcesPath = join('/', 'opt', 'Pledgebook', 'resources');
const devPath = join(
  appRoot,
  'node_modules',
  '.pledgebook-native',
  'electron-45.4.1-x64',
  'better_sqlite3.node',
);
const packagedPath = join(resourcesPath, 'native', 'better_sqlite3.node');

const base = { appRoot, resourcesPath, electronVersion: '45.4.1', arch: 'x64' };

describe('finding the SQLite driver built for Electron', () => {
  it('keeps the development build in its own folder per Electron version and architecture', () => {
    expect(NATIVE_DIR).toBe(join('node_modules', '.pledgebook-native'));
    expect(devNativeBindingPath(appRoot, '45.4.1', 'x64')).toBe(devPath);
    expect(devNativeBindingPath(appRoot, '45.4.1', 'arm64')).not.toBe(devPath);
  });

  it('uses the build in node_modules while developing', () => {
    const exists = vi.fn((p: string) => p === devPath);
    expect(findNativeBinding({ ...base, isPackaged: false, exists })).toBe(devPath);
    expect(exists).toHaveBeenCalledWith(devPath);
  });

  it('uses the build shipped in the installer resources when packaged', () => {
    expect(packagedNativeBindingPath(resourcesPath)).toBe(packagedPath);
    const exists = vi.fn((p: string) => p === packagedPath);
    expect(findNativeBinding({ ...base, isPackaged: true, exists })).toBe(packagedPath);
  });

  it('never falls back to the other build', () => {
    expect(() => findNativeBinding({ ...base, isPackaged: true, exists: (p) => p === devPath })).toThrow();
    expect(() =>
      findNativeBinding({ ...base, isPackaged: false, exists: (p) => p === packagedPath }),
    ).toThrow();
  });

  it('tells a developer where it looked and to run npm start when the build is missing', () => {
    const attempt = () => findNativeBinding({ ...base, isPackaged: false, exists: () => false });
    expect(attempt).toThrow(devPath);
    expect(attempt).toThrow('Electron 45.4.1');
    expect(attempt).toThrow('npm start');
  });

  it('tells a user to reinstall when the shipped build is missing', () => {
    const attempt = () => findNativeBinding({ ...base, isPackaged: true, exists: () => false });
    expect(attempt).toThrow(packagedPath);
    expect(attempt).toThrow('Reinstall Pledgebook');
  });
});
