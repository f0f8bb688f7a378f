import type { ChangesSince } from '../../../../shared/contract';

/** The loan or borrower a cached read is about, from its query key `[method, input]`. */
function subjectOf(method: string, input: unknown): { kind: 'loans' | 'borrowers'; id: number } | null {
  const fields = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
  if (typeof fields.loanId === 'number') return { kind: 'loans', id: fields.loanId };
  if (typeof fields.borrowerId === 'number') return { kind: 'borrowers', id: fields.borrowerId };
  if (typeof fields.id === 'number' && method.startsWith('loans.')) return { kind: 'loans', id: fields.id };
  if (typeof fields.id === 'number' && method.startsWith('borrowers.'))
    return { kind: 'borrowers', id: fields.id };
  return null;
}

/** Tables whose changes move what the settings and sign-in reads show. */
const SETTINGS_TABLES = ['settings', 'users', 'contact_outcomes'];

/**
 * Whether a cached read is stale after another PC's changes: a screen about one loan or borrower
 * only when that one changed; lists, the worklist, the dashboard, the approvals inbox and reports
 * whenever anything did; this PC's own facts (`system.*`, `auth.*`) never; settings when they changed.
 */
export function isStaleAfter(changes: ChangesSince, queryKey: readonly unknown[]): boolean {
  const [method, input] = queryKey;
  // This PC's own facts and who is signed in here change only here.
  if (typeof method !== 'string' || method.startsWith('system.') || method.startsWith('auth.')) return false;
  if (changes.everything) return true;
  if (method.startsWith('settings.') || method.startsWith('users.')) {
    return changes.tables.some((t) => SETTINGS_TABLES.includes(t));
  }
  const subject = subjectOf(method, input);
  if (subject) return changes[subject.kind].includes(subject.id);
  return changes.tables.length > 0;
}
