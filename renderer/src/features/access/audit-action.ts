import type { TFunction } from 'i18next';
import { resources, type Resources } from '../../../../shared/i18n/resources';

type AuditAction = keyof Resources['access']['actions'];

const KNOWN = resources.en.access as Resources['access'];
const isKnown = (action: string): action is AuditAction => Object.hasOwn(KNOWN.actions, action);

/**
 * An audit row's action in the reader's language. Actions are stored codes ('create',
 * 'reverse-sold'…); a code this version does not know — from a newer build — shows as stored.
 */
export function auditActionLabel(t: TFunction, action: string): string {
  if (isKnown(action)) return t(`access.actions.${action}`);
  const reversed = /^reverse-(.+)$/.exec(action)?.[1];
  if (reversed !== undefined && isKnown(reversed)) {
    return t('access.reversedStep', { step: t(`access.actions.${reversed}`) });
  }
  return action;
}

type AuditEntity = keyof Resources['access']['auditEntities'];
const isKnownEntity = (entity: string): entity is AuditEntity => Object.hasOwn(KNOWN.auditEntities, entity);

/** An audit row's kind of record ('promise-to-pay'…) in the reader's language; unknown ones as stored. */
export function auditEntityLabel(t: TFunction, entity: string): string {
  return isKnownEntity(entity) ? t(`access.auditEntities.${entity}`) : entity;
}
