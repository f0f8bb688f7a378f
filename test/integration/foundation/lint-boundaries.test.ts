import { join } from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

/*
 * shared/ runs in main, in the renderer and under the tests, so it may use neither Node, Electron
 * nor the DOM. The rule lives in eslint.config.mjs; these tests run the project's real config.
 */
const REPO = join(__dirname, '../../..');
let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: REPO });
});

const BOUNDARY_RULES = new Set([
  'no-restricted-imports',
  'no-restricted-globals',
  'no-restricted-properties',
]);

async function boundaryErrors(code: string, filePath: string) {
  const [result] = await eslint.lintText(code, { filePath });
  expect(result, `ESLint linted ${filePath}`).toBeDefined();
  const messages = result?.messages ?? [];
  // A parse error would make every "no error" assertion pass for the wrong reason.
  expect(messages.filter((m) => m.fatal)).toEqual([]);
  return messages.filter((m) => m.severity === 2 && BOUNDARY_RULES.has(m.ruleId ?? ''));
}

const SAMPLES = {
  'a Node built-in': "import fs from 'node:fs';\nexport const exists = fs.existsSync('pledgebook.db');\n",
  Electron: "import { app } from 'electron';\nexport const name = app.getName();\n",
  'window.alert': "export function warn(): void {\n  window.alert('x');\n}\n",
  'document.title': 'export const title = (): string => document.title;\n',
  'a local-time Date': 'export const day = (): number => new Date().getDate();\n',
  'process.env': "export const db = (): string | undefined => process.env['PLEDGEBOOK_DB'];\n",
  'main-process code': "import { openApp } from '../electron/services/app';\nexport const open = openApp;\n",
} as const;

describe('shared/ stays pure', () => {
  it.each(Object.entries(SAMPLES))('using %s is an error in shared/', async (_what, code) => {
    const errors = await boundaryErrors(code, 'shared/x.ts');
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0]?.message).toMatch(/shared\//);
  });

  it('pure code is fine in shared/', async () => {
    const code = "import { z } from 'zod';\nexport const amount = z.number().int();\n";
    const [result] = await eslint.lintText(code, { filePath: 'shared/x.ts' });
    expect(result?.messages).toEqual([]);
  });
});

describe('electron/ may use Node and Electron', () => {
  it.each(Object.entries(SAMPLES).filter(([what]) => what !== 'main-process code'))(
    'using %s raises no boundary error in electron/',
    async (_what, code) => {
      expect(await boundaryErrors(code, 'electron/x.ts')).toEqual([]);
    },
  );
});

describe('renderer/ reaches the app only through the typed client', () => {
  it.each([
    ['Node', "import fs from 'node:fs';\nexport const f = fs;\n"],
    ['Electron', "import { ipcRenderer } from 'electron';\nexport const i = ipcRenderer;\n"],
    ['SQLite', "import Database from 'better-sqlite3';\nexport const d = Database;\n"],
    [
      'main-process code',
      "import { openApp } from '../../electron/services/app';\nexport const o = openApp;\n",
    ],
  ])('importing %s is an error in renderer/', async (_what, code) => {
    expect((await boundaryErrors(code, 'renderer/src/x.ts')).length).toBeGreaterThan(0);
  });

  it('may use window and document', async () => {
    expect(
      await boundaryErrors('export const t = (): string => window.document.title;\n', 'renderer/src/x.ts'),
    ).toEqual([]);
  });
});

describe('renderer/ asks in its own dialogs, never a native box', () => {
  it.each([
    ['window.prompt', "export const ask = (): string | null => window.prompt('Why?');\n"],
    ['confirm', "export const sure = (): boolean => confirm('Sure?');\n"],
    ['alert', "export function tell(): void {\n  alert('Done');\n}\n"],
  ])('%s is an error in the renderer', async (_what, code) => {
    const errors = await boundaryErrors(code, 'renderer/src/x.ts');
    expect(errors.map((e) => e.message)).toEqual([expect.stringMatching(/in-app dialog/)]);
  });

  it('a function of its own called confirm is fine', async () => {
    const code = 'export function run(): void {\n  const confirm = (): void => undefined;\n  confirm();\n}\n';
    expect(await boundaryErrors(code, 'renderer/src/x.ts')).toEqual([]);
  });
});

describe('services reach the book through Kysely and electron/db, not the raw SQLite handle', () => {
  const RAW = {
    'the raw handle on the context':
      "import type { ServiceContext } from '../../context';\nexport const n = (ctx: ServiceContext) => ctx.sqlite.prepare('SELECT 1').get();\n",
    'the raw handle destructured':
      "import type { ServiceContext } from '../../context';\nexport const n = ({ sqlite }: ServiceContext) => sqlite.prepare('SELECT 1').get();\n",
    'the driver itself':
      "import Database from 'better-sqlite3';\nexport const open = () => new Database(':memory:');\n",
  } as const;
  const rawErrors = async (code: string, filePath: string) => {
    const [result] = await eslint.lintText(code, { filePath });
    expect(result?.messages.filter((m) => m.fatal)).toEqual([]);
    return (result?.messages ?? []).filter(
      (m) => m.severity === 2 && ['no-restricted-imports', 'no-restricted-syntax'].includes(m.ruleId ?? ''),
    );
  };

  it.each(Object.entries(RAW))('using %s is an error in a feature service', async (_what, code) => {
    const errors = await rawErrors(code, 'electron/services/loans/x.ts');
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0]?.message).toMatch(/Kysely|raw SQLite handle/);
  });

  it.each(Object.entries(RAW))('using %s is allowed in a data-safety module', async (_what, code) => {
    expect(await rawErrors(code, 'electron/services/system/backup.ts')).toEqual([]);
  });
});

describe('handlers keep their queries in the feature’s repository', () => {
  const QUERY =
    "import type { ServiceContext } from '../context';\nexport const all = (ctx: ServiceContext) => ctx.db.selectFrom('loans').selectAll().execute();\n";
  const errorsIn = async (filePath: string) => {
    const [result] = await eslint.lintText(QUERY, { filePath });
    expect(result?.messages.filter((m) => m.fatal)).toEqual([]);
    return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-syntax');
  };

  it('refuses a query written in a service', async () => {
    const errors = await errorsIn('electron/services/loans/x.service.ts');
    expect(errors.map((e) => e.message)).toEqual([expect.stringMatching(/repository\.ts or \*\.query\.ts/)]);
  });

  it.each(['electron/services/loans/x.repository.ts', 'electron/services/reports/x.query.ts'])(
    'accepts it in %s',
    async (filePath) => {
      expect(await errorsIn(filePath)).toEqual([]);
    },
  );
});
