import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runImport, type ImportOptions } from '../../../electron/services/import/import.service';
import type { TestApp } from '../../support/test-app';

export const FIXTURES = join(__dirname, '../../fixtures/import');

/** A committed fixture made by LibreOffice, as the bytes a user would pick. */
export const fixture = (name: string) => ({ name, bytes: readFileSync(join(FIXTURES, name)) });

export function importInto(
  app: TestApp,
  files: ImportOptions['files'],
  options: Partial<ImportOptions> = {},
) {
  // The fixtures' made-up IDs and old appraisals draw plausibility warnings; tests about other
  // things accept them, as the lender would after reading them (warnings.test.ts tests them).
  return runImport(app.ctx, {
    files,
    mapping: {},
    existing: 'skip',
    dryRun: false,
    acceptWarnings: true,
    ...options,
  });
}
