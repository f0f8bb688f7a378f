/** The sidebar, in order. Pure data so tests can read it without rendering anything. */
export const NAV_ITEMS = [
  { path: '/', label: 'app.nav.dashboard' },
  { path: '/borrowers', label: 'app.nav.borrowers' },
  { path: '/loans', label: 'app.nav.loans' },
  { path: '/collateral', label: 'app.nav.collateral' },
  { path: '/collections', label: 'app.nav.collections' },
  { path: '/plans', label: 'app.nav.plans' },
  { path: '/reports', label: 'app.nav.reports' },
  { path: '/ledger', label: 'app.nav.ledger' },
  { path: '/import', label: 'app.nav.import' },
  { path: '/settings', label: 'app.nav.settings' },
] as const;
