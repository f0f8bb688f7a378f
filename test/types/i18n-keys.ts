/**
 * A type test, checked by `npm run typecheck` (tsconfig.node.json includes test/): i18next's keys
 * are typed from the English resources, so an unknown key must not compile. If the typing were
 * lost, the `@ts-expect-error` lines would have no error to expect and tsc would fail on them.
 */
import i18next, { type TFunction } from 'i18next';
import type { AgingBucket } from '../../shared/engine';

export function knownKeysCompile(t: TFunction, bucket: AgingBucket): string[] {
  return [
    t('common.buckets.current'),
    t('loans.product'),
    // A key built from a typed union is checked member by member.
    t(`common.buckets.${bucket}`),
    i18next.t('app.name'),
  ];
}

export function unknownKeysFail(t: TFunction, anyText: string): string[] {
  return [
    // @ts-expect-error a misspelt key
    t('common.bukets.current'),
    // @ts-expect-error a key that exists in no namespace
    t('loans.noSuchKey'),
    // @ts-expect-error a namespace that does not exist
    i18next.t('nowhere.name'),
    // @ts-expect-error a key built from any string is not a key
    t(`common.buckets.${anyText}`),
  ];
}
