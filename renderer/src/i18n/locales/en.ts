/** The English catalogue is the reference: the other locales must have exactly its keys. */
export const en = {
  app: {
    name: 'Pledgebook',
    tagline: 'Secured lending and recovery',
    loading: 'Loading…',
    skipToContent: 'Skip to content',
  },
  nav: {
    dashboard: 'Dashboard',
    borrowers: 'Borrowers',
    loans: 'Loans',
    collateral: 'Collateral',
    collections: 'Collections',
    plans: 'Plans',
    reports: 'Reports',
    settings: 'Settings',
    main: 'Main navigation',
  },
  common: {
    save: 'Save',
    saved: 'Saved',
    cancel: 'Cancel',
    close: 'Close',
    retry: 'Try again',
    print: 'Print',
    search: 'Search',
    none: 'None',
    notTrackedYet: 'Not tracked yet',
    notTrackedYetHint: 'This part of Pledgebook arrives in a later release; no figures are invented here.',
    rows: '{{count}} rows',
  },
  errors: {
    title: 'Something went wrong',
    codes: {
      'unknown-method': 'The app asked its data service for something it does not offer.',
      'invalid-input': 'Some of the information is not valid.',
      'forbidden-sender': 'The request was refused for security reasons.',
      'not-found': 'That record does not exist.',
      conflict: 'That conflicts with what is already recorded.',
      'rule-violation': 'That is not allowed.',
      unavailable: 'The data service is not available.',
      internal: 'Something went wrong inside Pledgebook; nothing was saved.',
    },
  },
  dashboard: {
    title: 'Dashboard',
    today: 'Today is {{date}}',
    database: 'Database',
    welcome: 'Welcome to Pledgebook',
  },
  settings: {
    title: 'Settings',
    general: 'General',
    language: 'Language',
    languageSystem: 'Follow the system',
    currency: 'Currency',
    companyName: 'Company name',
    loanNumberPrefix: 'Loan number prefix',
    about: 'About',
    version: 'Version',
    sqliteVersion: 'SQLite version',
    databasePath: 'Database file',
    schemaVersion: 'Schema version',
  },
  languages: {
    en: 'English',
    'zh-CN': '简体中文',
    'zh-TW': '繁體中文',
  },
} as const;

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
export type Messages = Widen<typeof en>;
