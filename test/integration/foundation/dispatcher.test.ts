import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { contract, type Result } from '../../../shared/contract';
import { openApp, type PledgebookApp } from '../../../electron/services/app';
import { CONFLICT_TRIES, createDispatcher, type Handlers } from '../../../electron/services/dispatch';
import { DomainError, invalidField, notFound } from '../../../electron/services/errors';
import { createHandlers } from '../../../electron/services/handlers';
import { APP_VERSION } from '../../../electron/services/version';
import { clock, TODAY } from './support';

let app: PledgebookApp;
beforeEach(async () => {
  app = await openApp({ databasePath: ':memory:', clock });
});
afterEach(async () => {
  await app.close();
});

/** Real handlers with one of them replaced, to see what the dispatcher does with its failures. */
function dispatcherWith(overrides: Partial<Handlers>, onInternalError?: (e: unknown) => void) {
  return createDispatcher({ ...app.handlers, ...overrides }, onInternalError);
}

function errorOf(result: Result<unknown>) {
  expect(result.ok).toBe(false);
  if (result.ok) throw new Error('expected a failure');
  return result.error;
}

describe('the contract', () => {
  it('has a handler for every method and no handler outside it', () => {
    expect(Object.keys(createHandlers(app.ctx)).sort()).toEqual(Object.keys(contract).sort());
  });

  it('names every method feature.action', () => {
    for (const name of Object.keys(contract)) expect(name).toMatch(/^[a-z][A-Za-z]*(\.[a-z][A-Za-z]*)+$/);
  });
});

describe('dispatching a call', () => {
  it.each([['loans.delete'], ['toString'], ['__proto__'], ['constructor'], [''], [42], [null]])(
    'refuses the unknown method %j as unknown-method',
    async (method) => {
      expect(errorOf(await app.dispatch(method, {})).code).toBe('unknown-method');
    },
  );

  it('refuses a currency that is not an ISO code as invalid-input, naming the field', async () => {
    const error = errorOf(await app.dispatch('settings.update', { currency: 'yuan' }));
    expect(error.code).toBe('invalid-input');
    // The English stays for the log; the screen words the code.
    expect(error.details).toEqual([
      {
        field: 'currency',
        message: 'must be an ISO 4217 code such as CNY',
        reason: 'input.badForm',
        params: {},
      },
    ]);
    expect(error.message).toContain('currency');
  });

  it('lists every invalid field, not just the first', async () => {
    const error = errorOf(
      await app.dispatch('settings.update', { currency: 'cny', locale: 'fr', loanNumberPrefix: 'PB 2025!' }),
    );
    const fields = (error.details as { field: string }[]).map((d) => d.field).sort();
    expect(fields).toEqual(['currency', 'loanNumberPrefix', 'locale']);
  });

  it('refuses a field the contract does not know, rather than storing it', async () => {
    const error = errorOf(await app.dispatch('settings.update', { currency: 'HKD', isAdmin: true }));
    expect(error.code).toBe('invalid-input');
    expect(JSON.stringify(error.details)).toContain('isAdmin');
    const settings = await app.dispatch('settings.get', {});
    expect(settings).toMatchObject({ ok: true, value: { currency: 'CNY' } });
  });

  it('refuses a payload that is not an object', async () => {
    expect(errorOf(await app.dispatch('settings.update', 'HKD')).code).toBe('invalid-input');
    expect(errorOf(await app.dispatch('system.info', [1, 2])).code).toBe('invalid-input');
  });

  it('runs no service code for an invalid payload', async () => {
    const update = vi.fn(async () => {
      throw new Error('must not be reached');
    });
    const dispatch = dispatcherWith({ 'settings.update': update });
    await dispatch('settings.update', { currency: 'yuan' });
    expect(update).not.toHaveBeenCalled();
  });

  it('passes a DomainError through with its code, params, field, English text and details', async () => {
    const dispatch = dispatcherWith({
      'settings.get': async () => {
        throw notFound('loan.notFound', 'PB-0042');
      },
      'system.info': async () => {
        throw invalidField('amount', 'payment.aboveDue', {
          amount: 5000000,
          payoff: 9169600,
          date: '2026-06-01',
        });
      },
      'system.check': async () => {
        throw new DomainError('conflict', 'approval.invalidPayload', { id: 3 }, { version: 3 });
      },
    });
    expect(errorOf(await dispatch('settings.get', {}))).toEqual({
      code: 'not-found',
      reason: 'loan.notFound',
      params: { key: 'PB-0042' },
      message: 'loan PB-0042 does not exist',
    });
    const aboveDue = { amount: 5000000, payoff: 9169600, date: '2026-06-01' };
    const english = '50000.00 is more than the payoff on 2026-06-01 (91696.00)';
    expect(errorOf(await dispatch('system.info', {}))).toEqual({
      code: 'invalid-input',
      reason: 'payment.aboveDue',
      params: aboveDue,
      field: 'amount',
      message: `amount: ${english}`,
      details: [{ field: 'amount', message: english, reason: 'payment.aboveDue', params: aboveDue }],
    });
    expect(errorOf(await dispatch('system.check', {}))).toEqual({
      code: 'conflict',
      reason: 'approval.invalidPayload',
      params: { id: 3 },
      message: 'request #3 no longer holds a valid request',
      details: { version: 3 },
    });
  });

  it('reports any other exception as internal, without leaking its message, and logs it', async () => {
    const bug = new Error('SQLITE_ERROR: no such column: borrower.id_card_number at /home/dev/secret.ts:12');
    const log = vi.fn();
    const dispatch = dispatcherWith(
      {
        'settings.get': async () => {
          throw bug;
        },
      },
      log,
    );
    const error = errorOf(await dispatch('settings.get', {}));
    expect(error.code).toBe('internal');
    expect(error.details).toBeUndefined();
    expect(error.message).not.toMatch(/SQLITE|id_card|secret|\.ts/);
    expect(log).toHaveBeenCalledExactlyOnceWith(bug);
  });

  it('reports a thrown non-Error value as internal too', async () => {
    const dispatch = dispatcherWith({
      'settings.get': async () => {
        throw 'a string, not an Error';
      },
    });
    const error = errorOf(await dispatch('settings.get', {}));
    expect(error.code).toBe('internal');
    expect(error.message).not.toContain('a string');
  });

  it('answers a valid call with ok and the value', async () => {
    const result = await app.dispatch('system.info', {});
    expect(result).toEqual({
      ok: true,
      value: {
        version: APP_VERSION,
        engine: 'sqlite',
        sqliteVersion: expect.stringMatching(/^3\.\d+\.\d+$/),
        databasePath: ':memory:',
        schemaVersion: expect.stringMatching(/^\d{4}_/),
        today: TODAY,
      },
    });
  });

  it('treats a missing payload as an empty one for methods that take none', async () => {
    expect((await app.dispatch('settings.get', undefined)).ok).toBe(true);
  });

  it('stores a valid settings change and hands back the whole settings', async () => {
    const result = await app.dispatch('settings.update', { currency: 'HKD', companyName: '  Lucky Pawn  ' });
    // Features add settings of their own; these are the ones this change touched or left alone.
    expect(result).toMatchObject({
      ok: true,
      value: { companyName: 'Lucky Pawn', currency: 'HKD', locale: '', loanNumberPrefix: 'PB' },
    });
    expect(await app.dispatch('settings.get', {})).toEqual(result);
  });
});

describe('a call another PC collided with on a server book', () => {
  const serverError = (code: string) => Object.assign(new Error(`server said ${code}`), { code });

  it('is run again after a deadlock or serialization failure, and answers as if nothing happened', async () => {
    let runs = 0;
    const dispatch = dispatcherWith({
      'system.info': async () => {
        runs++;
        if (runs < 3) throw serverError(runs === 1 ? '40P01' : '40001');
        return app.handlers['system.info']({});
      },
    });
    const result = await dispatch('system.info', {});
    expect(result.ok).toBe(true);
    expect(runs).toBe(3);
  });

  it('is refused in words after CONFLICT_TRIES runs, and never run more', async () => {
    let runs = 0;
    const dispatch = dispatcherWith({
      'system.info': async () => {
        runs++;
        throw serverError('40P01');
      },
    });
    expect(errorOf(await dispatch('system.info', {}))).toMatchObject({
      code: 'conflict',
      reason: 'server.busy',
      params: { tries: CONFLICT_TRIES },
    });
    expect(runs).toBe(CONFLICT_TRIES);
  });

  it('is never run again for any other failure, and a lost connection is worded as such', async () => {
    let runs = 0;
    const dispatch = dispatcherWith({
      'system.info': async () => {
        runs++;
        throw serverError('57P01');
      },
    });
    expect(errorOf(await dispatch('system.info', {}))).toMatchObject({
      code: 'unavailable',
      reason: 'server.connectionLost',
    });
    expect(runs).toBe(1);
  });
});
