import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const RAW_HANDLE_MESSAGE =
  'Services do not touch the raw SQLite handle: use ctx.db, or a helper in electron/db.';
const RAW_HANDLE = [
  { selector: "MemberExpression[property.name='sqlite']", message: RAW_HANDLE_MESSAGE },
  { selector: "ObjectPattern > Property[key.name='sqlite']", message: RAW_HANDLE_MESSAGE },
];
const QUERIES_IN_HANDLERS = [
  {
    selector:
      'CallExpression[callee.property.name=/^(selectFrom|selectNoFrom|updateTable|insertInto|deleteFrom)$/]',
    message: "A query belongs in the feature's *.repository.ts or *.query.ts, not in a handler.",
  },
];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'release/**', 'node_modules/**', 'test/artifacts/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'always'],
      'no-console': 'off',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // The renderer talks to the app only through the typed client: no Node, no Electron, no SQL.
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['electron', 'node:*', 'better-sqlite3', 'kysely'],
              message: 'The renderer reaches the app only through the typed API client.',
            },
            {
              group: ['**/electron/**'],
              message: 'The renderer may not import main-process code; use the contract in shared/.',
            },
          ],
        },
      ],
      // Electron has no window.prompt, and native boxes can neither check input nor show a refusal
      // in the user's language: every decision is an in-app dialog (components/ReasonDialog).
      'no-restricted-globals': [
        'error',
        ...['prompt', 'confirm', 'alert'].map((name) => ({
          name,
          message: `No native ${name}(): use an in-app dialog (ReasonDialog).`,
        })),
      ],
      'no-restricted-properties': [
        'error',
        ...['prompt', 'confirm', 'alert'].map((property) => ({
          object: 'window',
          property,
          message: `No native window.${property}(): use an in-app dialog (ReasonDialog).`,
        })),
      ],
    },
  },
  {
    // shared/ is pure: it runs in main, in the renderer and in tests alike.
    files: ['shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron', 'electron/*'], message: 'shared/ must not depend on Electron.' },
            { group: ['node:*'], message: 'shared/ must not use Node modules.' },
            {
              group: ['**/electron/**', '**/renderer/**'],
              message: 'shared/ may not import from either side of the boundary.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...[
          'window',
          'document',
          'navigator',
          'localStorage',
          'sessionStorage',
          'fetch',
          'process',
          'Buffer',
          'require',
          '__dirname',
          'setTimeout',
          'setInterval',
        ].map((name) => ({ name, message: `shared/ is pure: ${name} is not available on both sides.` })),
        // Calendar dates are YYYY-MM-DD strings with integer day arithmetic (shared/dates), never a
        // local-time Date whose day shifts with the PC's time zone.
        { name: 'Date', message: 'shared/ carries dates as YYYY-MM-DD strings; use shared/dates, not Date.' },
      ],
    },
  },
  {
    // One data-access style: services reach the book through Kysely and electron/db, never the
    // raw better-sqlite3 handle, so the same services can run on another SQL engine. The
    // exceptions are the composition root, the data-safety modules (backups, restore, the
    // start-up and health checks, the audit chain's verification) and the seeder, a SQLite tool.
    files: ['electron/services/**/*.ts'],
    ignores: [
      'electron/services/app.ts',
      'electron/services/context.ts',
      'electron/services/system/backup.ts',
      'electron/services/system/restore.ts',
      'electron/services/system/startup-check.ts',
      'electron/services/system/checksums.ts',
      'electron/services/system/health.ts',
      'electron/services/system/auto-backup.ts',
      'electron/services/audit/verify.ts',
      'electron/services/seed/**',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'better-sqlite3', message: 'Services use Kysely (ctx.db) or a helper in electron/db.' },
          ],
        },
      ],
      'no-restricted-syntax': ['error', ...RAW_HANDLE],
    },
  },
  {
    // Handlers keep the rules, permissions and transactions; their queries live in the
    // feature's *.repository.ts / *.query.ts, named in the lender's words.
    files: ['electron/services/**/*.service.ts', 'electron/services/collections/outcomes.ts'],
    ignores: ['electron/services/seed/**'],
    rules: { 'no-restricted-syntax': ['error', ...RAW_HANDLE, ...QUERIES_IN_HANDLERS] },
  },
  {
    files: ['**/*.mjs', '**/*.cjs'],
    languageOptions: { globals: { ...globals.node } },
  },
);
