// Finds the system programs the end-to-end tests need, or says exactly what to install.
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

const CHROMIUM_CANDIDATES = [
  process.env.PLEDGEBOOK_CHROMIUM,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/opt/google/chrome/chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  'C:/Program Files/Google/Chrome/Application/chrome.exe',
].filter(Boolean);

export function findChromium() {
  return CHROMIUM_CANDIDATES.find((p) => existsSync(p)) ?? null;
}

function onPath(cmd) {
  try {
    execFileSync(process.platform === 'win32' ? 'where' : 'which', [cmd], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function hasCjkFont() {
  if (!onPath('fc-list')) return false;
  try {
    return execFileSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' }).trim().length > 0;
  } catch {
    return false;
  }
}

/** Returns a list of human instructions; empty when everything is present. */
export function missingSystemDeps() {
  const missing = [];
  if (!findChromium()) {
    missing.push(
      'Chromium (or Chrome): `sudo apt-get install -y chromium`, or set PLEDGEBOOK_CHROMIUM=/path/to/chrome',
    );
  }
  if (!onPath('pdftoppm') || !onPath('pdftotext')) {
    missing.push('poppler (pdftoppm, pdftotext): `sudo apt-get install -y poppler-utils`');
  }
  if (!onPath('makensis')) {
    missing.push(
      'NSIS (makensis), to compile the Windows uninstaller script: `sudo apt-get install -y nsis`',
    );
  }
  if (!hasCjkFont()) {
    missing.push(
      'a CJK font, so Chinese renders in screenshots and PDFs: `sudo apt-get install -y fonts-wqy-microhei`',
    );
  }
  return missing;
}
