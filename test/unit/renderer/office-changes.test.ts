import { describe, expect, it } from 'vitest';
import { isStaleAfter } from '../../../renderer/src/features/office/office-changes';

const news = (over: Partial<Parameters<typeof isStaleAfter>[0]> = {}) => ({
  cursor: 5,
  connected: true,
  everything: false,
  tables: ['payments'],
  loans: [7],
  borrowers: [],
  ...over,
});

describe('what another PC’s change makes stale on this one', () => {
  it('a loan’s own screens only when that loan changed', () => {
    expect(isStaleAfter(news(), ['loans.get', { id: 7 }])).toBe(true);
    expect(isStaleAfter(news(), ['loans.get', { id: 8 }])).toBe(false);
    expect(isStaleAfter(news(), ['collections.account', { loanId: 7 }])).toBe(true);
    expect(isStaleAfter(news(), ['collections.account', { loanId: 9 }])).toBe(false);
  });

  it('a borrower’s screens by borrower', () => {
    const changed = news({ tables: ['borrowers'], loans: [], borrowers: [3] });
    expect(isStaleAfter(changed, ['borrowers.get', { id: 3 }])).toBe(true);
    expect(isStaleAfter(changed, ['borrowers.get', { id: 4 }])).toBe(false);
    expect(isStaleAfter(changed, ['loans.get', { id: 3 }])).toBe(false);
  });

  it('lists, the worklist, the dashboard and the approvals inbox whenever anything changed', () => {
    for (const method of ['collections.worklist', 'reports.dashboard', 'approvals.list', 'loans.list']) {
      expect(isStaleAfter(news(), [method, {}])).toBe(true);
      expect(isStaleAfter(news({ tables: [], loans: [] }), [method, {}])).toBe(false);
    }
  });

  it('this PC’s own facts never; settings only when settings changed', () => {
    expect(isStaleAfter(news({ everything: true }), ['system.info', {}])).toBe(false);
    expect(isStaleAfter(news({ everything: true }), ['auth.status', {}])).toBe(false);
    expect(isStaleAfter(news(), ['settings.get', {}])).toBe(false);
    expect(isStaleAfter(news({ tables: ['settings'] }), ['settings.get', {}])).toBe(true);
  });

  it('everything after a reconnect, whatever the screen is about', () => {
    expect(isStaleAfter(news({ everything: true, loans: [] }), ['loans.get', { id: 8 }])).toBe(true);
  });
});
