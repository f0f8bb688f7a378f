import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { can } from '../../../electron/services/auth/permissions';
import { ROLES, type Role } from '../../../electron/services/auth/actor';
import { contract, type MethodName, type Result } from '../../../shared/contract';
import { sampleInput, takesOneId } from '../../support/contract-samples';
import { givenTwoCollectorsWithFullAccounts, type TwoCollectorsBook } from './two-collectors';

/**
 * Generated from the contract: every method, called by each role, on Li's account and on Zhang's.
 * Li is the collector here, so Zhang's account is out of Li's scope. The answer must be the one
 * the method declares: refused for want of its permission, refused out of scope, or let through
 * to the service (which may still refuse the sample request for its own reasons).
 */
type Expected = 'allowed' | 'permission' | 'out-of-scope';
type Scope = 'own account' | "another collector's account";

function expectedAnswer(method: MethodName, role: Role, scope: Scope): Expected {
  const { permission, accounts } = contract[method].access;
  if (permission === 'open') return 'allowed';
  if (!can({ userId: 0, username: '', displayName: '', role }, permission)) return 'permission';
  if (role === 'collector' && accounts.length > 0 && scope !== 'own account') return 'out-of-scope';
  return 'allowed';
}

/** What the guard answered: a guard refusal carries its reason; anything else got past it. */
function answerOf(result: Result<unknown>): Expected | 'invalid-request' {
  if (result.ok) return 'allowed';
  // The dispatcher's own schema check comes before the guard; a service's later one after it.
  if (result.error.message.startsWith('Invalid request for')) return 'invalid-request';
  const reason = (result.error.details as { reason?: unknown } | undefined)?.reason;
  if (result.error.code === 'forbidden' && (reason === 'permission' || reason === 'out-of-scope'))
    return reason;
  return 'allowed';
}

const methods = Object.keys(contract) as MethodName[];
const rows = methods.flatMap((method) =>
  ROLES.flatMap((role) =>
    (contract[method].access.accounts.length > 0
      ? (['own account', "another collector's account"] as const)
      : (['own account'] as const)
    ).map((scope) => ({ method, role, scope, expected: expectedAnswer(method, role, scope) })),
  ),
);

let book!: TwoCollectorsBook;
beforeAll(async () => {
  book = await givenTwoCollectorsWithFullAccounts();
}, 120_000);
afterAll(async () => book?.app.dispose());

/**
 * Id fields that name no account of their own, each with the reason. Every other id field of
 * every request must be declared as an account, or a new method could slip past the scope check.
 */
const NOT_ACCOUNTS: Record<string, string> = {
  'users.update id': 'a user, not an account; users.manage is the owner’s alone',
  'loans.create guarantorIds': 'parties of a new loan; only book.write may create loans',
  'collections.logContact partyBorrowerId': 'the service requires a party of the declared loan',
};

describe('every contract method declares the accounts its request names', () => {
  it.each(methods)('%s', (method) => {
    const shape = (contract[method].input as unknown as { shape?: Record<string, unknown> }).shape ?? {};
    const declared = new Set(contract[method].access.accounts.map((a) => a.path));
    const undeclared = Object.keys(shape).filter(
      (key) => /^id$|Ids?$/.test(key) && !declared.has(key) && !(`${method} ${key}` in NOT_ACCOUNTS),
    );
    expect(undeclared).toEqual([]);
  });
});

describe('every contract method answers each role as it declares', () => {
  it('covers every method, and both scopes of every method that names an account', () => {
    expect(new Set(rows.map((r) => r.method)).size).toBe(methods.length);
    expect(rows.some((r) => r.expected === 'out-of-scope')).toBe(true);
  });

  it.each(rows)('$method by a $role on $scope: $expected', async ({ method, role, scope, expected }) => {
    const records = scope === 'own account' ? book.lis : book.zhangs;
    const input = sampleInput(method);
    for (const { kind, path } of contract[method].access.accounts)
      input[path] = takesOneId(method, path) ? records[kind] : [records[kind]];
    await book.resetAssignments();
    book.app.session.signIn(book.actors[role]);
    const result = await book.app.dispatch(method, input);
    expect(answerOf(result), JSON.stringify(result)).toBe(expected);
  });
});
