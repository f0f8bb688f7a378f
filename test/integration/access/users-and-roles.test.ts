import { afterEach, describe, expect, it } from 'vitest';
import { hashPassword, PRODUCTION_SCRYPT, verifyPassword } from '../../../electron/services/auth/password';
import { MAX_FAILED_SIGN_INS, SIGN_IN_LOCK_MINUTES } from '../../../electron/services/auth/auth.service';
import { WANG_FANG } from '../../support/test-app';
import { bookChecksums, movableClock, openAccessApp, refusals, type AccessApp } from './support';
import { rawSql } from '../../support/test-app';

const TERMS = {
  method: 'annuity',
  principal: 6_000_000,
  annualRatePercent: '12',
  months: 12,
  startDate: '2026-03-10',
} as const;

let app!: AccessApp;
const opened: AccessApp[] = [];
async function open(...args: Parameters<typeof openAccessApp>) {
  app = await openAccessApp(...args);
  opened.push(app);
}
afterEach(async () => {
  for (const a of opened.splice(0)) await a.dispose();
});

async function loanFor(name: string, idNumber: string) {
  const { id: borrowerId } = await app.call('borrowers.create', { ...WANG_FANG, name, idNumber });
  const { id: loanId } = await app.call('loans.create', { borrowerId, product: 'car-title', terms: TERMS });
  return { borrowerId, loanId };
}

describe('passwords', () => {
  it('are hashed with scrypt at OWASP cost by default (N=2^17, r=8, p=1)', async () => {
    expect(PRODUCTION_SCRYPT).toEqual({ N: 131072, r: 8, p: 1 });
    const stored = await hashPassword('correct horse battery');
    expect(stored).toMatch(/^scrypt\$131072\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(await verifyPassword('correct horse battery', stored)).toBe(true);
    expect(await verifyPassword('correct horse batterY', stored)).toBe(false);
    expect(await hashPassword('correct horse battery')).not.toBe(stored);
  });
});

describe('first run and sign-in', () => {
  it('creates the owner on first run, once, and signs them in', async () => {
    const clock = movableClock('2026-06-15T09:00:00.000Z');
    await open(clock);
    expect(await app.call('auth.status', {})).toEqual({ hasUsers: false, user: null });
    expect(await app.attempt('borrowers.list', {})).toMatchObject({
      ok: false,
      error: { code: 'unauthorized' },
    });

    const owner = await app.call('auth.createOwner', {
      username: 'chen',
      displayName: '陈老板',
      password: 'a long passphrase',
    });
    expect(owner).toMatchObject({ username: 'chen', role: 'owner' });
    expect((await app.call('auth.status', {})).user?.username).toBe('chen');
    const again = await app.attempt('auth.createOwner', {
      username: 'mallory',
      displayName: 'M',
      password: 'another passphrase',
    });
    expect(again).toMatchObject({ ok: false, error: { code: 'rule-violation' } });
    const short = await app.attempt('users.create', {
      username: 'li',
      displayName: 'Li',
      role: 'viewer',
      password: 'short',
    });
    expect(short).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', details: [{ field: 'password' }] },
    });
  });

  it(`refuses sign-in for ${SIGN_IN_LOCK_MINUTES} minutes after ${MAX_FAILED_SIGN_INS} wrong passwords`, async () => {
    const clock = movableClock('2026-06-15T09:00:00.000Z');
    await open(clock);
    await app.as('chen', 'owner');
    await app.as('li', 'collector');
    await app.call('auth.signOut', {});
    for (let i = 1; i < MAX_FAILED_SIGN_INS; i++) {
      const wrong = await app.attempt('auth.signIn', { username: 'li', password: 'guess' });
      expect(wrong).toMatchObject({
        ok: false,
        error: { code: 'unauthorized', reason: 'auth.wrongPassword' },
      });
    }
    const locking = await app.attempt('auth.signIn', { username: 'li', password: 'guess' });
    expect(!locking.ok && locking.error.message).toMatch(/locked for 15 minutes/);
    const right = await app.attempt('auth.signIn', { username: 'li', password: 'li-password!' });
    expect(!right.ok && right.error.message).toMatch(/locked until 09:15 UTC/);

    clock.advanceMinutes(SIGN_IN_LOCK_MINUTES + 1);
    expect(await app.call('auth.signIn', { username: 'li', password: 'li-password!' })).toMatchObject({
      role: 'collector',
    });
    const unknown = await app.attempt('auth.signIn', { username: 'nobody', password: 'whatever' });
    expect(unknown).toMatchObject({ ok: false, error: { reason: 'auth.wrongPassword' } });
  });

  it('locks after the idle time: the next request finds nobody signed in', async () => {
    let ms = 0;
    await open(movableClock('2026-06-15T09:00:00.000Z'), {
      idleLockMs: 10 * 60_000,
      now: () => ms,
    });
    await app.as('chen', 'owner');
    ms += 9 * 60_000;
    expect((await app.attempt('borrowers.list', {})).ok).toBe(true);
    ms += 9 * 60_000; // active 9 minutes ago: still signed in
    expect((await app.attempt('borrowers.list', {})).ok).toBe(true);
    ms += 11 * 60_000;
    expect(await app.attempt('borrowers.list', {})).toMatchObject({
      ok: false,
      error: { code: 'unauthorized' },
    });
    expect((await app.call('auth.status', {})).user).toBeNull();
  });
});

describe('permissions are enforced by the services', () => {
  it('a viewer may read but not change anything; a refused change writes only its audit row', async () => {
    await open(movableClock('2026-06-15T09:00:00.000Z'));
    await app.as('chen', 'owner');
    await loanFor('王芳', '110101199003071234');
    await app.as('zhao', 'viewer');
    expect((await app.call('loans.list', {})).total).toBe(1);
    const before = await bookChecksums(app);
    for (const [method, input] of [
      ['borrowers.create', WANG_FANG],
      ['settings.update', { companyName: 'X' }],
      ['users.create', { username: 'x1', displayName: 'x', role: 'owner', password: 'long enough pass' }],
      ['loans.setStatus', { id: 1, status: 'legal' }],
    ] as const) {
      expect(await app.attempt(method, input)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(await bookChecksums(app)).toEqual(before);
    expect(await refusals(app)).toEqual(
      ['borrowers.create', 'settings.update', 'users.create', 'loans.setStatus'].map((method) => ({
        username: 'zhao',
        method,
        reason: 'permission',
      })),
    );
    // The audit viewer's filter shows exactly these, newest first.
    await app.as('chen');
    const refused = await app.call('audit.list', { refusedOnly: true });
    expect(refused.rows.map((r) => [r.username, r.entityId, r.action])).toEqual(
      ['loans.setStatus', 'users.create', 'settings.update', 'borrowers.create'].map((m) => [
        'zhao',
        m,
        'refused',
      ]),
    );
  });

  it('showing a full ID number takes a permission and leaves an audit entry', async () => {
    await open(movableClock('2026-06-15T09:00:00.000Z'));
    await app.as('chen', 'owner');
    const { borrowerId } = await loanFor('王芳', '110101199003071234');
    expect(await app.call('borrowers.revealIdNumber', { id: borrowerId })).toEqual({
      idNumber: '110101199003071234',
    });
    const audit = await app.call('audit.list', { entity: 'borrower', username: 'chen' });
    expect(audit.rows[0]).toMatchObject({
      action: 'reveal-id-number',
      entityId: String(borrowerId),
      username: 'chen',
    });
    await app.as('wu', 'manager');
    expect(await app.attempt('borrowers.revealIdNumber', { id: borrowerId })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });

  it("a collector cannot read another collector's accounts through the contract", async () => {
    await open(movableClock('2026-06-15T09:00:00.000Z'));
    await app.as('chen', 'owner');
    const mine = await loanFor('王芳', '110101199003071234');
    const theirs = await loanFor('李强', '110101198511112345');
    await app.as('li', 'collector');
    await app.as('zhang', 'collector');
    await app.as('chen');
    await app.call('collections.assign', { loanIds: [mine.loanId], collector: 'li' });
    await app.call('collections.assign', { loanIds: [theirs.loanId], collector: 'zhang' });

    await app.as('li');
    expect((await app.call('loans.list', {})).rows.map((r) => r.id)).toEqual([mine.loanId]);
    expect((await app.call('borrowers.list', {})).rows.map((r) => r.id)).toEqual([mine.borrowerId]);
    expect((await app.call('loans.get', { id: mine.loanId })).id).toBe(mine.loanId);
    for (const [method, input] of [
      ['loans.get', { id: theirs.loanId }],
      ['borrowers.get', { id: theirs.borrowerId }],
      ['payments.preview', { loanId: theirs.loanId, date: '2026-06-15', amount: 100 }],
      ['payments.record', { loanId: theirs.loanId, date: '2026-06-15', amount: 100, method: 'cash' }],
    ] as const) {
      expect(await app.attempt(method, input)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
  });
});

describe('maker-checker', () => {
  it('a payment reversal waits for a second user, and nobody approves their own request', async () => {
    await open(movableClock('2026-06-15T09:00:00.000Z'));
    await app.as('chen', 'owner');
    const { loanId } = await loanFor('王芳', '110101199003071234');
    const paid = await app.call('payments.record', {
      loanId,
      date: '2026-06-15',
      amount: 533_093,
      method: 'cash',
    });

    await app.as('wu', 'manager');
    const asked = await app.call('payments.reverse', { paymentId: paid.id, reason: 'cheque bounced' });
    expect(asked).toEqual({ approvalId: expect.any(Number) });
    const approvalId = (asked as { approvalId: number }).approvalId;
    const reversals = async () =>
      Number(
        await rawSql(app.ctx.db).value('SELECT count(*) FROM payments WHERE reverses_payment_id IS NOT NULL'),
      );
    expect(await reversals()).toBe(0);

    const own = await app.attempt('approvals.decide', { id: approvalId, approve: true });
    expect(own).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: expect.stringMatching(/another user/) },
    });
    expect(await reversals()).toBe(0);

    await app.as('chen');
    expect(await app.call('approvals.decide', { id: approvalId, approve: true })).toEqual({
      id: approvalId,
      status: 'approved',
    });
    expect(await reversals()).toBe(1);
    const [request] = await app.call('approvals.list', {});
    expect(request).toMatchObject({
      kind: 'payment-reversal',
      status: 'approved',
      requestedBy: 'wu',
      decidedBy: 'chen',
    });
    const again = await app.attempt('approvals.decide', { id: approvalId, approve: true });
    expect(again).toMatchObject({ ok: false, error: { code: 'rule-violation' } });
  });

  it('a payment back-dated more than 3 days needs approval; a rejected one is never posted', async () => {
    await open(movableClock('2026-06-15T09:00:00.000Z'));
    await app.as('chen', 'owner');
    const { loanId } = await loanFor('王芳', '110101199003071234');
    // An assignment binds to the user the name stands for, so Li exists first.
    await app.as('li', 'collector');
    await app.as('chen');
    await app.call('collections.assign', { loanIds: [loanId], collector: 'li' });
    await app.as('li');
    const recent = await app.attempt('payments.record', {
      loanId,
      date: '2026-06-12',
      amount: 100_000,
      method: 'cash',
    });
    expect(recent.ok).toBe(true);
    const old = { loanId, date: '2026-06-11', amount: 100_000, method: 'cash' } as const;
    expect(await app.attempt('payments.record', old)).toMatchObject({
      ok: false,
      error: { code: 'rule-violation', details: { needsApproval: 'backdated-payment' } },
    });
    const first = await app.call('payments.requestBackdated', old);
    const second = await app.call('payments.requestBackdated', old);
    const count = async () => Number(await rawSql(app.ctx.db).value('SELECT count(*) FROM payments'));
    expect(await count()).toBe(1);
    await app.as('chen');
    await app.call('approvals.decide', { id: first.approvalId, approve: true });
    await app.call('approvals.decide', { id: second.approvalId, approve: false, note: 'duplicate' });
    expect(await count()).toBe(2);
    expect(await rawSql(app.ctx.db).value('SELECT date FROM payments ORDER BY id DESC LIMIT 1')).toBe(
      '2026-06-11',
    );
  });

  it('the database itself refuses a request decided by its maker', async () => {
    await open(movableClock('2026-06-15T09:00:00.000Z'));
    // SQLite says "CHECK constraint failed", PostgreSQL "violates check constraint".
    await expect(
      rawSql(app.ctx.db)
        .run(`INSERT INTO approval_requests (kind, entity, entity_id, payload, requested_by, requested_at, decided_by, status)
        VALUES ('write-off', 'loan', '1', '{}', 3, '2026-06-15', 3, 'approved')`),
    ).rejects.toThrow(/CHECK constraint failed|violates check constraint/);
  });
});
