import {
  collectionSettingsSchema,
  type CollectionSettings,
  type ContactRules,
} from '../../../shared/contract/collections';
import { readSettingsRows, writeSetting } from '../system/settings.repository';
import type { Db } from '../../db/db';
import { PROFILE_RULES } from './contact-rules';

const KEY = 'collections';

export const DEFAULT_COLLECTION_SETTINGS: CollectionSettings = {
  profile: 'china',
  custom: PROFILE_RULES.china,
  promiseToleranceDays: 3,
};

export async function loadCollectionSettings(db: Db): Promise<CollectionSettings> {
  // A damaged value falls back to the defaults (China) rather than lifting every guard.
  const parsed = collectionSettingsSchema.safeParse((await readSettingsRows(db))[KEY]);
  return parsed.success ? parsed.data : DEFAULT_COLLECTION_SETTINGS;
}

export const saveCollectionSettings = (db: Db, settings: CollectionSettings) =>
  writeSetting(db, KEY, settings);

export function rulesOf(settings: CollectionSettings): ContactRules {
  return settings.profile === 'custom' ? settings.custom : PROFILE_RULES[settings.profile];
}
