// What the tests need from outside npm, and where npm already ships it.
//
// `npm test` needs nothing beyond `npm install` on Linux x64: a Chromium comes from
// `@sparticuz/chromium`, PDFs are read by `mupdf` (WASM), and the documents carry their own CJK
// fonts (`@fontsource/noto-sans-sc`, `-tc`). An installed Chrome or Chromium is preferred when there
// is one. Only where no npm-shipped Chromium exists (any platform but Linux x64) does the preflight
// ask for a browser. `makensis` is needed by `npm run test:packaging` alone.
import { accessSync, constants, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';

const CHROMIUM_CANDIDATES = [
  process.env.PLEDGEBOOK_CHROMIUM,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/opt/google/chrome/chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:/Program Files/Google/Chrome/Application/chrome.exe',
  'C:/Program Files (x86)/Google/Chrome/Application/chrome.exe',
].filter(Boolean);

function isExecutable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** An installed Chrome or Chromium (PLEDGEBOOK_CHROMIUM first), or null. */
export function findSystemChromium() {
  return CHROMIUM_CANDIDATES.find(isExecutable) ?? null;
}

/** `@sparticuz/chromium` carries a Linux x64 build only. */
export function npmChromiumAvailable() {
  if (process.platform !== 'linux' || process.arch !== 'x64') return false;
  try {
    createRequire(import.meta.url).resolve('@sparticuz/chromium');
    return true;
  } catch {
    return false;
  }
}

function onPath(cmd) {
  try {
    execFileSync(process.platform === 'win32' ? 'where' : 'which', [cmd], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** What `npm test` still needs: human instructions, empty when nothing is missing. */
/** A PostgreSQL server the office-mode tests can start a throwaway cluster of (initdb). */
function postgresServerAvailable() {
  if (process.env.PLEDGEBOOK_TEST_POSTGRES) return true;
  const root = '/usr/lib/postgresql';
  if (existsSync(root) && readdirSync(root).some((v) => existsSync(join(root, v, 'bin', 'initdb'))))
    return true;
  return onPath('initdb');
}

/** `sqlite`: the SQLite half only (`npm run test:sqlite`), which needs no PostgreSQL. */
export function missingTestDeps(engines = 'both') {
  const missing = [];
  if (engines !== 'sqlite' && !postgresServerAvailable()) {
    missing.push(
      'a PostgreSQL server (14 or later, with its contrib extensions) for the office-mode tests: `sudo apt-get install -y postgresql postgresql-contrib` (Debian/Ubuntu), or set PLEDGEBOOK_TEST_POSTGRES=postgres://user:password@host/postgres to use one you run; or test the SQLite half alone with `npm run test:sqlite`',
    );
  }
  if (!findSystemChromium() && !npmChromiumAvailable()) {
    missing.push(
      process.platform === 'linux' && process.arch === 'x64'
        ? 'a Chromium: run `npm install` (it brings @sparticuz/chromium), or set PLEDGEBOOK_CHROMIUM=/path/to/chrome'
        : `Chrome or Chromium (no npm package ships one for ${process.platform}-${process.arch}): install Google Chrome, or set PLEDGEBOOK_CHROMIUM=/path/to/chrome`,
    );
  }
  return missing;
}

/** What `npm run test:packaging` needs besides npm. */
export function missingPackagingDeps() {
  return onPath('makensis')
    ? []
    : [
        'NSIS (makensis), to compile the Windows uninstaller script: `sudo apt-get install -y nsis` (Debian/Ubuntu), `brew install makensis` (macOS), or NSIS from nsis.sourceforge.io (Windows)',
      ];
}
