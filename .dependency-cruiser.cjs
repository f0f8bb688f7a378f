/**
 * The import rules `npm run lint` holds the code to (dependency-cruiser). Type-only imports
 * count: a cycle of types is still two modules that cannot be understood apart.
 */
const FEATURES = [
  'approvals',
  'borrowers',
  'collateral',
  'collections',
  'import',
  'payments',
  'plans',
  'reports',
  'search',
  'seed',
];
const feature = (names) => `^electron/services/(${names.join('|')})/`;

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'An import cycle: move what both sides need to where it belongs.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'loans-core-depends-on-no-feature',
      comment:
        'loans/ is the core every feature builds on (records, statement, status cache, charges, ' +
        'the DPD policy): it may not import a feature folder.',
      severity: 'error',
      from: { path: '^electron/services/loans/' },
      to: { path: feature(FEATURES) },
    },
    {
      name: 'approvals-name-no-feature',
      comment: 'Approvals learn what a request does through registerApprovalAction (approvals/registry.ts).',
      severity: 'error',
      from: { path: '^electron/services/approvals/' },
      to: { path: feature(FEATURES.filter((f) => f !== 'approvals')) },
    },
    {
      name: 'shared-is-pure',
      comment: 'shared/ is pure code for both sides: it may not import main-side or renderer code.',
      severity: 'error',
      from: { path: '^shared/' },
      to: { path: '^(electron|renderer)/' },
    },
    {
      name: 'renderer-reaches-the-app-through-the-contract',
      severity: 'error',
      from: { path: '^renderer/' },
      to: { path: '^electron/' },
    },
  ],
  options: {
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)node_modules/|^out/' },
    // The cyclic and layering fixtures exist to fail this check; the test runs them on their own.
    includeOnly: { path: '^(electron|renderer|shared)/' },
  },
};
