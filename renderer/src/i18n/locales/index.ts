import { en } from './en';
import { zhCN } from './zh-CN';
import { zhTW } from './zh-TW';
import { collateralText } from '../../features/collateral/text';
import { reportsText } from '../../features/reports/text';
import { collectionsText } from '../../features/collections/text';
import { plansText } from '../../features/plans/text';
import { importText } from '../../features/import/text';
import { accessText } from '../../features/access/text';

/**
 * Feature text modules (features/<name>/text.ts). Add one line per feature; each brings its own
 * namespace in all three languages.
 */
const FEATURES: { namespace: string; en: object; 'zh-CN': object; 'zh-TW': object }[] = [
  collateralText,
  reportsText,
  collectionsText,
  plansText,
  importText,
  accessText,
];

function withFeatures<T extends object>(core: T, locale: 'en' | 'zh-CN' | 'zh-TW'): T {
  return Object.assign({}, core, ...FEATURES.map((f) => ({ [f.namespace]: f[locale] })));
}

/** All UI text, per locale. Pure data: tests import it without a DOM. */
export const catalogues = {
  en: withFeatures(en, 'en'),
  'zh-CN': withFeatures(zhCN, 'zh-CN'),
  'zh-TW': withFeatures(zhTW, 'zh-TW'),
} as const;
