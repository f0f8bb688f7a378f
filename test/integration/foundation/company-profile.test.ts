import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../support/test-app';

// A 1×1 PNG: the smallest real image the logo field must take.
const PIXEL_PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

describe('the lender’s identity (Settings → Company)', () => {
  let app: TestApp;
  beforeEach(async () => {
    app = await openTestApp();
  });
  afterEach(async () => app.dispose());

  it('starts empty, keeps what is saved, and trims it', async () => {
    const before = await app.call('settings.get', {});
    expect([before.companyName, before.companyLicence, before.contactName]).toEqual(['', '', '']);
    await app.call('settings.update', {
      companyName: ' 安信小额贷款有限公司 ',
      companyAddress: '上海市黄浦区中山东一路18号',
      companyPhone: '021-6321 0000',
      companyLicence: '沪金融办〔2019〕112号',
      companyLogo: PIXEL_PNG,
      contactName: '李敏',
      contactTitle: '催收主管',
      contactPhone: '13800138000',
    });
    const after = await app.call('settings.get', {});
    expect(after.companyName).toBe('安信小额贷款有限公司');
    expect(after.companyLicence).toBe('沪金融办〔2019〕112号');
    expect(after.companyLogo).toBe(PIXEL_PNG);
    expect([after.contactName, after.contactTitle, after.contactPhone]).toEqual([
      '李敏',
      '催收主管',
      '13800138000',
    ]);
  });

  it('refuses a logo that is not a small image, naming the field, and keeps the old one', async () => {
    await app.call('settings.update', { companyLogo: PIXEL_PNG });
    for (const companyLogo of [
      'data:text/html;base64,PGgxPmhpPC9oMT4=',
      'https://example.com/logo.png',
      `data:image/png;base64,${'A'.repeat(400_000)}`,
    ]) {
      const refused = await app.attempt('settings.update', { companyLogo });
      expect(refused.ok).toBe(false);
      if (!refused.ok) expect(JSON.stringify(refused.error.details)).toContain('companyLogo');
    }
    expect((await app.call('settings.get', {})).companyLogo).toBe(PIXEL_PNG);
  });

  it('audits a new logo by size and fingerprint, not by its bytes', async () => {
    await app.call('settings.update', { companyLogo: PIXEL_PNG, companyName: '安信' });
    const { after_json: row } = await app.ctx.db
      .selectFrom('audit_log')
      .select('after_json')
      .where('entity', '=', 'settings')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    const after = JSON.parse(row ?? '{}') as Record<string, string>;
    expect(after['companyName']).toBe('安信');
    expect(after['companyLogo']).toMatch(/^image \d+ bytes sha256:[0-9a-f]{12}$/);
    expect(row).not.toContain('iVBORw0KGgo');
  });
});
