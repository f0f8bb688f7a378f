import { describe, expect, it } from 'vitest';
import type { RowError } from '../../../shared/import/book';
import { groupProblems, rowsWith } from '../../../shared/import/problems';
import { rejection } from '../../../shared/import/reasons';

const at = (row: number, column: string, code: Parameters<typeof rejection>[0], params = {}): RowError => ({
  sheet: '贷款',
  row,
  column,
  ...rejection(code, params),
});

describe('problems of an upload', () => {
  const problems = [
    at(2, '贷款金额', 'amount.invalid', { value: 'abc' }),
    at(2, '放款日期', 'date.invalid', { value: 'x' }),
    at(5, '贷款金额', 'amount.invalid', { value: '一万' }),
    at(9, '贷款金额', 'amount.invalid', { value: '?' }),
  ];
  it('counts rows, not problems', () => {
    expect(rowsWith(problems)).toBe(3);
  });
  it('groups the same reason on the same column, with its rows', () => {
    expect(groupProblems(problems).map((g) => [g.column, g.code, g.rows, g.params])).toEqual([
      ['贷款金额', 'amount.invalid', [2, 5, 9], { value: 'abc' }],
      ['放款日期', 'date.invalid', [2], { value: 'x' }],
    ]);
  });
});
