/**
 * Types every i18next key from the English resources, so a missing or misspelt key fails `tsc`
 * on both sides (renderer and main). Keys are written `namespace.path.to.key`; `common` comes
 * first, so its keys may also be written bare, which is how i18next resolves them at run time.
 */
import 'i18next';
import type { NamespaceList, Resources } from './resources';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: NamespaceList;
    nsSeparator: '.';
    keySeparator: '.';
    resources: Resources;
    returnNull: false;
  }
}
