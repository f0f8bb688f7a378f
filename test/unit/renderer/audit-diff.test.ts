import { describe, expect, it } from 'vitest';
import { auditChanges, auditValue } from '../../../renderer/src/features/access/audit-diff';

const f = {
  money: (minor: number) => `¥${(minor / 100).toFixed(2)}`,
  date: (iso: string) => iso.split('-').reverse().join('/'),
  dateTime: (stamp: string) => `at ${stamp.slice(0, 16)}`,
};

describe('an audit entry read as changed fields', () => {
  it('lists only the fields that changed, nested ones by their dotted path', () => {
    const before = JSON.stringify({ status: 'active', terms: { principal: 100_000, months: 12 }, note: 'x' });
    const after = JSON.stringify({
      status: 'closed',
      terms: { principal: 90_000, months: 12 },
      closedOn: '2026-06-15',
    });
    expect(auditChanges(before, after)).toEqual([
      { field: 'status', before: 'active', after: 'closed' },
      { field: 'terms.principal', before: 100_000, after: 90_000 },
      { field: 'note', before: 'x', after: undefined },
      { field: 'closedOn', before: undefined, after: '2026-06-15' },
    ]);
  });

  it('shows a created record as all its fields, and text that is not JSON as it is', () => {
    expect(auditChanges(null, '{"name":"王芳"}')).toEqual([
      { field: 'name', before: undefined, after: '王芳' },
    ]);
    expect(auditChanges(null, 'plain note')).toEqual([{ field: '', before: undefined, after: 'plain note' }]);
  });

  it('formats amounts, dates and moments, and marks an absent value', () => {
    expect(auditValue('terms.principal', 90_000, f)).toBe('¥900.00');
    expect(auditValue('months', 12, f)).toBe('12');
    expect(auditValue('closedOn', '2026-06-15', f)).toBe('15/06/2026');
    expect(auditValue('at', '2026-06-15T09:00:00Z', f)).toBe('at 2026-06-15T09:00');
    expect(auditValue('note', undefined, f)).toBe('—');
    expect(auditValue('tags', ['a'], f)).toBe('["a"]');
  });
});
