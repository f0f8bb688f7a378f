import {
  LETTER_KINDS,
  LETTER_LOCALES,
  MERGE_FIELDS,
  type LetterKind,
  type LetterLocale,
  type LetterTemplate,
  type LetterTemplates,
} from '../../../shared/contract/collections';
import { readSettingsRows, writeSetting } from '../system/settings.repository';
import type { Db } from '../../db/db';
import { resources, type Resources } from '../../../shared/i18n/resources';

/**
 * The shipped wording: factual, courteous and lawful — it states the debt, the way to pay and
 * the lawful next step, and never threatens, shames or mentions third parties. It lives with the
 * other texts (collections.json, `letterDefaults`), so a translator edits it there. It is read as
 * raw text, not through i18next: its {{fields}} are merge fields filled when a letter is printed.
 */
export const DEFAULT_LETTERS: LetterTemplates = Object.fromEntries(
  LETTER_KINDS.map((kind) => [
    kind,
    Object.fromEntries(
      LETTER_LOCALES.map((locale) => {
        // Every locale has English's keys (test/unit/foundation/i18n.test.ts), so the cast holds.
        const texts = resources[locale].collections as Resources['collections'];
        return [locale, { ...texts.letterDefaults[kind] }];
      }),
    ),
  ]),
) as LetterTemplates;

const KEY = 'collections.letters';

export async function loadLetterTemplates(db: Db): Promise<LetterTemplates> {
  const saved = (await readSettingsRows(db))[KEY] as
    Partial<Record<LetterKind, Partial<Record<LetterLocale, LetterTemplate>>>> | undefined;
  const merged = structuredClone(DEFAULT_LETTERS);
  for (const kind of LETTER_KINDS) {
    for (const locale of LETTER_LOCALES) {
      const t = saved?.[kind]?.[locale];
      if (t && typeof t.subject === 'string' && typeof t.body === 'string') merged[kind][locale] = t;
    }
  }
  return merged;
}

export const saveLetterTemplates = (db: Db, templates: LetterTemplates) => writeSetting(db, KEY, templates);

/** Merge fields a template uses that do not exist. */
export function unknownFields(text: string): string[] {
  const known: readonly string[] = MERGE_FIELDS;
  return [...text.matchAll(/\{\{\s*([^}]*?)\s*\}\}/g)].map((m) => m[1]!).filter((f) => !known.includes(f));
}

export function mergeLetter(text: string, values: Record<(typeof MERGE_FIELDS)[number], string>): string {
  return text.replace(/\{\{\s*([A-Za-z]+)\s*\}\}/g, (whole, name: string) =>
    name in values ? values[name as keyof typeof values] : whole,
  );
}
