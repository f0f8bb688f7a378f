import { describe, expect, it } from 'vitest';
import { changesTheBook } from '../../../electron/services/auth/guard';
import { contract, type MethodName } from '../../../shared/contract';

/**
 * While the start-up checks run, reading methods answer at once and every other method waits for
 * the verdict. Getting a writer on the wrong side would let it write to a damaged book.
 */
describe('which methods wait for the start-up checks', () => {
  it.each([
    'payments.record',
    'payments.reverse',
    'loans.create',
    'borrowers.create',
    'settings.update',
    'collections.logContact',
    'plans.decide',
    'import.commit',
    'auth.signIn',
    'auth.createOwner',
    'borrowers.revealIdNumber',
  ])('%s waits', (method) => {
    expect(method in contract, method).toBe(true);
    expect(changesTheBook(method as MethodName)).toBe(true);
  });

  it.each([
    'auth.status',
    'system.info',
    'settings.get',
    'reports.dashboard',
    'reports.monthly',
    'loans.list',
    'loans.get',
    'collections.worklist',
    'collections.nextAccount',
    'search.global',
    'audit.list',
  ])('%s answers at once', (method) => {
    expect(method in contract, method).toBe(true);
    expect(changesTheBook(method as MethodName)).toBe(false);
  });
});
