/**
 * Every UI text of Pledgebook, as i18next resources: one JSON file per locale and namespace under
 * ./locales/<locale>/<namespace>.json. Renderer and main both read them from here, so the menu,
 * notifications and exports use the same words as the screens. A translator edits JSON only.
 *
 * The namespace list is NAMESPACE_FILES below, and only there: adding a namespace means three
 * imports (one per locale) and one line in that object. A unit test fails when a JSON file in
 * ./locales is not listed.
 */
import type { Locale } from '../contract/system';
import enAccess from './locales/en/access.json';
import zhCNAccess from './locales/zh-CN/access.json';
import zhTWAccess from './locales/zh-TW/access.json';
import enApp from './locales/en/app.json';
import zhCNApp from './locales/zh-CN/app.json';
import zhTWApp from './locales/zh-TW/app.json';
import enBorrowers from './locales/en/borrowers.json';
import zhCNBorrowers from './locales/zh-CN/borrowers.json';
import zhTWBorrowers from './locales/zh-TW/borrowers.json';
import enCollateral from './locales/en/collateral.json';
import zhCNCollateral from './locales/zh-CN/collateral.json';
import zhTWCollateral from './locales/zh-TW/collateral.json';
import enCollections from './locales/en/collections.json';
import zhCNCollections from './locales/zh-CN/collections.json';
import zhTWCollections from './locales/zh-TW/collections.json';
import enCommon from './locales/en/common.json';
import zhCNCommon from './locales/zh-CN/common.json';
import zhTWCommon from './locales/zh-TW/common.json';
import enDashboard from './locales/en/dashboard.json';
import zhCNDashboard from './locales/zh-CN/dashboard.json';
import zhTWDashboard from './locales/zh-TW/dashboard.json';
import enErrors from './locales/en/errors.json';
import zhCNErrors from './locales/zh-CN/errors.json';
import zhTWErrors from './locales/zh-TW/errors.json';
import enImport from './locales/en/import.json';
import zhCNImport from './locales/zh-CN/import.json';
import zhTWImport from './locales/zh-TW/import.json';
import enLedger from './locales/en/ledger.json';
import zhCNLedger from './locales/zh-CN/ledger.json';
import zhTWLedger from './locales/zh-TW/ledger.json';
import enLoans from './locales/en/loans.json';
import zhCNLoans from './locales/zh-CN/loans.json';
import zhTWLoans from './locales/zh-TW/loans.json';
import enPayments from './locales/en/payments.json';
import zhCNPayments from './locales/zh-CN/payments.json';
import zhTWPayments from './locales/zh-TW/payments.json';
import enPlans from './locales/en/plans.json';
import zhCNPlans from './locales/zh-CN/plans.json';
import zhTWPlans from './locales/zh-TW/plans.json';
import enReports from './locales/en/reports.json';
import zhCNReports from './locales/zh-CN/reports.json';
import zhTWReports from './locales/zh-TW/reports.json';
import enSearch from './locales/en/search.json';
import zhCNSearch from './locales/zh-CN/search.json';
import zhTWSearch from './locales/zh-TW/search.json';
import enSettings from './locales/en/settings.json';
import zhCNSettings from './locales/zh-CN/settings.json';
import zhTWSettings from './locales/zh-TW/settings.json';

const NAMESPACE_FILES = {
  access: { en: enAccess, 'zh-CN': zhCNAccess, 'zh-TW': zhTWAccess },
  app: { en: enApp, 'zh-CN': zhCNApp, 'zh-TW': zhTWApp },
  borrowers: { en: enBorrowers, 'zh-CN': zhCNBorrowers, 'zh-TW': zhTWBorrowers },
  collateral: { en: enCollateral, 'zh-CN': zhCNCollateral, 'zh-TW': zhTWCollateral },
  collections: { en: enCollections, 'zh-CN': zhCNCollections, 'zh-TW': zhTWCollections },
  common: { en: enCommon, 'zh-CN': zhCNCommon, 'zh-TW': zhTWCommon },
  dashboard: { en: enDashboard, 'zh-CN': zhCNDashboard, 'zh-TW': zhTWDashboard },
  errors: { en: enErrors, 'zh-CN': zhCNErrors, 'zh-TW': zhTWErrors },
  import: { en: enImport, 'zh-CN': zhCNImport, 'zh-TW': zhTWImport },
  ledger: { en: enLedger, 'zh-CN': zhCNLedger, 'zh-TW': zhTWLedger },
  loans: { en: enLoans, 'zh-CN': zhCNLoans, 'zh-TW': zhTWLoans },
  payments: { en: enPayments, 'zh-CN': zhCNPayments, 'zh-TW': zhTWPayments },
  plans: { en: enPlans, 'zh-CN': zhCNPlans, 'zh-TW': zhTWPlans },
  reports: { en: enReports, 'zh-CN': zhCNReports, 'zh-TW': zhTWReports },
  search: { en: enSearch, 'zh-CN': zhCNSearch, 'zh-TW': zhTWSearch },
  settings: { en: enSettings, 'zh-CN': zhCNSettings, 'zh-TW': zhTWSettings },
} as const satisfies Record<string, Record<Locale, object>>;

export type Namespace = keyof typeof NAMESPACE_FILES;

/**
 * Every namespace, `common` first: i18next's types read keys of the first namespace bare and
 * every namespace's keys as `namespace.key` (see i18next.d.ts).
 */
export type NamespaceList = ['common', ...Exclude<Namespace, 'common'>[]];

export const NAMESPACES = Object.keys(NAMESPACE_FILES) as Namespace[];

/** The text i18next reads when nothing else is said: the words every screen shares. */
export const DEFAULT_NAMESPACE = 'common' satisfies Namespace;

/**
 * The English resources are the reference: their shape types the keys (see i18next.d.ts), and the
 * other locales must have exactly their keys (checked by test/unit/foundation/i18n.test.ts).
 */
export type Resources = { [N in Namespace]: (typeof NAMESPACE_FILES)[N]['en'] };

function forLocale(locale: Locale): Record<Namespace, object> {
  return Object.fromEntries(NAMESPACES.map((ns) => [ns, NAMESPACE_FILES[ns][locale]])) as Record<
    Namespace,
    object
  >;
}

/** i18next's `resources` option: locale → namespace → texts. Pure data, no DOM needed. */
export const resources: Record<Locale, Record<Namespace, object>> = {
  en: forLocale('en'),
  'zh-CN': forLocale('zh-CN'),
  'zh-TW': forLocale('zh-TW'),
};

/**
 * The options both sides give i18next. Keys are written `namespace.path.to.key`: the namespace is
 * the first segment, so a key reads the same in code and in the file it lives in.
 */
export const I18N_OPTIONS = {
  ns: NAMESPACES,
  defaultNS: DEFAULT_NAMESPACE,
  nsSeparator: '.',
  keySeparator: '.',
  fallbackLng: false,
  interpolation: { escapeValue: false },
  returnNull: false,
} as const;
