/** The sidebar, in order. Pure data so tests can read it without rendering anything. */
export const NAV_ITEMS = [
  { path: '/', label: 'nav.dashboard' },
  { path: '/borrowers', label: 'nav.borrowers' },
  { path: '/loans', label: 'nav.loans' },
  { path: '/collateral', label: 'nav.collateral' },
  { path: '/collections', label: 'nav.collections' },
  { path: '/plans', label: 'nav.plans' },
  { path: '/reports', label: 'nav.reports' },
  { path: '/import', label: 'nav.import' },
  { path: '/settings', label: 'nav.settings' },
] as const;
