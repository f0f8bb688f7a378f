import { createHash } from 'node:crypto';
import { maskIdNumber } from '../../../shared/privacy/mask';

/** Keys that hold a full ID number; the audit trail keeps only the masked form. */
const ID_NUMBER_KEY = /^id_?number$/i;
/** Keys whose values must never reach the audit trail at all. */
const SECRET_KEY = /password/i;

/**
 * JSON with object keys sorted at every level, so the same content always hashes the same.
 * ID numbers are masked and secrets dropped on the way, because the audit trail is widely read.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(normalise(value, ''));
}

function normalise(value: unknown, key: string): unknown {
  if (value === undefined) return null;
  if (typeof value === 'bigint') return value.toString();
  if (Array.isArray(value)) return value.map((v) => normalise(v, ''));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[k];
      if (v === undefined) continue;
      out[k] = normalise(v, k);
    }
    return out;
  }
  if (typeof value === 'string' && ID_NUMBER_KEY.test(key)) return maskIdNumber(value);
  if (SECRET_KEY.test(key)) return '[secret]';
  return value;
}

/** Everything a row says, in a fixed order: the hash covers all of it, including its id. */
export interface AuditContent {
  id: number;
  at: string;
  userId: number;
  username: string;
  entity: string;
  entityId: string;
  action: string;
  beforeJson: string | null;
  afterJson: string | null;
}

export const GENESIS_HASH = '0'.repeat(64);

export function rowHash(prevHash: string, c: AuditContent): string {
  const content = JSON.stringify([
    c.id,
    c.at,
    c.userId,
    c.username,
    c.entity,
    c.entityId,
    c.action,
    c.beforeJson,
    c.afterJson,
  ]);
  return createHash('sha256').update(prevHash).update(content).digest('hex');
}
