// Where the Electron binary is, for `npm run test:electron`, or why there is none.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** @returns {{ path: string } | { missing: string }} */
export function findElectronBinary() {
  const fromEnv = process.env.PLEDGEBOOK_ELECTRON;
  if (fromEnv) {
    return existsSync(fromEnv)
      ? { path: fromEnv }
      : { missing: `PLEDGEBOOK_ELECTRON=${fromEnv} does not exist` };
  }
  let pkgDir;
  try {
    pkgDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return { missing: 'the electron package is not installed (run `npm install`)' };
  }
  // electron's postinstall downloads the binary and writes its relative path to path.txt.
  const pathFile = join(pkgDir, 'path.txt');
  if (!existsSync(pathFile)) {
    return {
      missing:
        "Electron's binary was never downloaded: node_modules/electron/path.txt is missing. Its " +
        'postinstall fetches it from GitHub releases (or ELECTRON_MIRROR), which this machine cannot reach',
    };
  }
  const binary = join(pkgDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? { path: binary } : { missing: `Electron's binary is missing at ${binary}` };
}
