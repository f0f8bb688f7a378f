/**
 * Each feature keeps its UI text beside its screens (features/<name>/text.ts) under its own
 * namespace, in all three languages. The English object is the reference; the type below makes
 * a missing key in zh-CN or zh-TW a compile error, and a unit test checks the merged catalogues.
 */
type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

export interface FeatureText<Namespace extends string, En> {
  namespace: Namespace;
  en: En;
  'zh-CN': Widen<En>;
  'zh-TW': Widen<En>;
}

export function featureText<const Namespace extends string, const En>(text: FeatureText<Namespace, En>) {
  return text;
}
