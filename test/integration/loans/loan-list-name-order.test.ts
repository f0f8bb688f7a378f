import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CAR_TITLE_60K } from '../../support/fixtures';
import { openTestApp, WANG_FANG, type TestApp } from '../../support/test-app';

/**
 * 林 王 黃 in code point order (U+6797 U+738B U+9EC3); 黃 林 王 by pinyin (huang, lin, wang);
 * 王 林 黃 by strokes (4, 8, 12). One set of names, three orders: the list must follow the reader.
 */
describe('the loan list sorted by borrower, in the reader’s order of names', () => {
  let app: TestApp;
  beforeEach(async () => {
    app = await openTestApp('2026-06-15');
    for (const [i, name] of ['林美玲', '王小明', '黃志明'].entries()) {
      const b = await app.call('borrowers.create', {
        ...WANG_FANG,
        name,
        idNumber: `11010119900307${1000 + i}`,
      });
      await app.call('loans.create', { borrowerId: b.id, ...CAR_TITLE_60K });
    }
  });
  afterEach(async () => app.dispose());

  const borrowers = async (locale: 'en' | 'zh-CN' | 'zh-TW', offset = 0, limit = 50) =>
    (await app.call('loans.list', { sort: 'borrower', locale, offset, limit })).rows.map(
      (r) => r.borrowerName,
    );

  it('orders by pinyin in zh-CN and by strokes in zh-TW, page by page', async () => {
    expect(await borrowers('zh-CN')).toEqual(['黃志明', '林美玲', '王小明']);
    expect(await borrowers('zh-TW')).toEqual(['王小明', '林美玲', '黃志明']);
    expect(await borrowers('zh-CN', 1, 1)).toEqual(['林美玲']);
    const page = await app.call('loans.list', { sort: 'borrower', locale: 'zh-TW', offset: 2, limit: 1 });
    expect(page.total).toBe(3);
    expect(page.rows[0]).toMatchObject({ borrowerName: '黃志明', status: 'active' });
  });

  it('orders again once the book changes, though pages of one order are reused', async () => {
    expect(await borrowers('zh-CN')).toEqual(['黃志明', '林美玲', '王小明']);
    // 安 (an) comes before 黃 (huang) by pinyin.
    const b = await app.call('borrowers.create', {
      ...WANG_FANG,
      name: '安然',
      idNumber: '110101199003072000',
    });
    await app.call('loans.create', { borrowerId: b.id, ...CAR_TITLE_60K });
    expect(await borrowers('zh-CN')).toEqual(['安然', '黃志明', '林美玲', '王小明']);
    expect(await borrowers('zh-CN', 3, 1)).toEqual(['王小明']);
  });

  it('keeps the filters when ordering by name', async () => {
    const filtered = await app.call('loans.list', { sort: 'borrower', locale: 'zh-CN', query: '王' });
    expect(filtered.rows.map((r) => r.borrowerName)).toEqual(['王小明']);
    expect(filtered.total).toBe(1);
  });
});
