import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestApp, WANG_FANG, type TestApp } from '../../support/test-app';

describe('the borrower list in the reader’s order of names', () => {
  let app: TestApp;
  beforeEach(async () => {
    app = await openTestApp('2026-06-15');
    // Code point order would be 安 张 李 王 赵 (U+5B89 U+5F20 U+674E U+738B U+8D75).
    const names = ['王芳', '张伟', '李强', '赵敏', '安然'];
    for (const [i, name] of names.entries()) {
      await app.call('borrowers.create', { ...WANG_FANG, name, idNumber: `11010119900307${1000 + i}` });
    }
  });
  afterEach(async () => app.dispose());

  const names = async (locale: 'en' | 'zh-CN' | 'zh-TW', offset = 0, limit = 50) =>
    (await app.call('borrowers.list', { locale, offset, limit })).rows.map((r) => r.name);

  it('sorts by pinyin in zh-CN and by strokes in zh-TW, page by page', async () => {
    expect(await names('zh-CN')).toEqual(['安然', '李强', '王芳', '张伟', '赵敏']);
    // 王 4 strokes, 安 6, 张 7, 李 7 (张 first by radical), 赵 9.
    expect(await names('zh-TW')).toEqual(['王芳', '安然', '张伟', '李强', '赵敏']);
    // The second page carries on where the first stopped.
    expect(await names('zh-CN', 2, 2)).toEqual(['王芳', '张伟']);
    expect((await app.call('borrowers.list', { locale: 'zh-CN', offset: 2, limit: 2 })).total).toBe(5);
  });
});
