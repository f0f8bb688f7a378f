import { afterEach, describe, expect, it } from 'vitest';
import { bookChecksums, movableClock, openAccessApp, refusals, type AccessApp } from './support';

let app!: AccessApp;
afterEach(async () => app.dispose());

const NEW_COLLECTOR = {
  username: 'li',
  displayName: '李娜',
  role: 'collector',
  password: 'a long passphrase',
} as const;

describe('user management is the owner’s', () => {
  it('a manager cannot list, create, promote or reset users through the contract', async () => {
    app = await openAccessApp(movableClock('2026-06-15T09:00:00.000Z'));
    await app.as('chen', 'owner');
    await app.as('wu', 'manager');
    const before = await bookChecksums(app);
    for (const [method, input] of [
      ['users.list', {}],
      ['users.create', NEW_COLLECTOR],
      ['users.update', { id: 2, role: 'owner' }],
      ['users.update', { id: 1, password: 'taken over, ha ha' }],
    ] as const) {
      expect(await app.attempt(method, input)).toMatchObject({
        ok: false,
        error: { code: 'forbidden', message: expect.stringMatching(/users\.manage/) },
      });
    }
    expect(await bookChecksums(app)).toEqual(before);
    expect(await refusals(app)).toEqual(
      ['users.list', 'users.create', 'users.update', 'users.update'].map((method) => ({
        username: 'wu',
        method,
        reason: 'permission',
      })),
    );
  });

  it('the owner adds a collector, who signs in; deactivated, they cannot', async () => {
    app = await openAccessApp(movableClock('2026-06-15T09:00:00.000Z'));
    await app.as('chen', 'owner');
    const { id } = await app.call('users.create', NEW_COLLECTOR);
    expect(await app.attempt('users.create', { ...NEW_COLLECTOR, password: 'short' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', details: [{ field: 'password' }] },
    });
    await app.call('auth.signIn', { username: 'li', password: NEW_COLLECTOR.password });
    expect(app.session.actor()).toMatchObject({ username: 'li', role: 'collector' });
    await app.as('chen');
    await app.call('users.update', { id, active: false });
    expect(
      await app.attempt('auth.signIn', { username: 'li', password: NEW_COLLECTOR.password }),
    ).toMatchObject({
      ok: false,
    });
  });
});
