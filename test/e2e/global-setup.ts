import { existsSync } from 'node:fs';
import { join } from 'node:path';
// @ts-expect-error -- plain .mjs helper shared with `npm test`'s preflight
import { missingTestDeps } from '../support/system-deps.mjs';
import { RENDERER_DIR } from '../support/server';

/** Fails the e2e run at once, with the fix, when its prerequisites are missing. */
export default function setup(): void {
  const missing = (missingTestDeps as () => string[])();
  if (missing.length > 0) throw new Error(`End-to-end tests need: ${missing.join('; ')}`);
  if (!existsSync(join(RENDERER_DIR, 'index.html'))) {
    throw new Error('The renderer is not built: run `npm run build` (npm test does it for you).');
  }
}
