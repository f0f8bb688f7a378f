// `npm run test:electron` starts here: without Electron's binary the real-app tests cannot run,
// and saying so beats failing inside Playwright.
import { findElectronBinary } from './electron-binary.mjs';

const found = findElectronBinary();
if ('missing' in found) {
  console.error(`test:electron cannot run here: ${found.missing}.`);
  console.error(
    'Run it where `npx electron --version` works (or set PLEDGEBOOK_ELECTRON=/path/to/electron); ' +
      '`npm test` covers the same UI in Chromium over the real services.',
  );
  process.exit(1);
}
console.log(`test:electron: using ${found.path}`);
