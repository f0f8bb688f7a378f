import { describe, expect, it } from 'vitest';
import { columnInLanguage, problemInLanguage } from '../../../shared/import/fields';

describe('a problem worded in the reader language', () => {
  const missing = {
    sheet: 'loans',
    row: 2,
    column: 'Loan number',
    code: 'cell.required',
    params: { column: 'Loan number' },
  };

  it('names a column the sheet lacks by the label of the reader language', () => {
    expect(problemInLanguage(missing, 'zh-CN')).toMatchObject({
      column: '合同编号',
      params: { column: '合同编号' },
    });
    expect(columnInLanguage('Loan number', 'zh-TW')).toBe('合約編號');
    expect(columnInLanguage('Loan number', 'en')).toBe('Loan number');
  });

  it("keeps the lender's own header as the sheet has it", () => {
    expect(columnInLanguage('编号', 'en')).toBe('编号');
    expect(problemInLanguage({ ...missing, column: '客户名称', params: { value: 'x' } }, 'zh-TW')).toEqual({
      ...missing,
      column: '客户名称',
      params: { value: 'x' },
    });
  });
});
