/** Settings' sections, each at its own address (/settings/<id>), as the e2e sweeps visit them. */
export const SETTINGS_SECTIONS = [
  'general',
  'company',
  'loans',
  'collections',
  'letters',
  'collateral',
  'accounting',
  'approvals',
  'users',
  'backups',
  'audit',
] as const;
