import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { givenACarTitleLoan } from '../support/fixtures';
import { pdfText, startHarness, type Harness } from './harness';

const PIXEL_PNG_BASE64 =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

const COMPANY = {
  companyName: '安信小额贷款有限公司',
  companyAddress: '上海市黄浦区中山东一路18号',
  companyPhone: '021-63210000',
  companyLicence: '沪金融办〔2019〕112号',
  contactName: '李敏',
  contactTitle: '催收主管',
  contactPhone: '13800138000',
};

describe('the lender’s identity on every document (简体中文)', () => {
  let h: Harness;
  let loanId = 0;
  let paymentId = 0;
  beforeAll(async () => {
    h = await startHarness({
      locale: 'zh-CN',
      seed: async (app) => {
        await app.dispatch('settings.update', COMPANY);
        ({ loanId } = await givenACarTitleLoan(app.dispatch));
        const paid = await app.dispatch('payments.record', {
          loanId,
          date: '2026-04-10',
          amount: 150_000,
          method: 'cash',
        });
        if (!paid.ok) throw new Error(JSON.stringify(paid.error));
        paymentId = (paid.value as { id: number }).id;
      },
    });
  });
  afterAll(async () => h?.close());

  it('prints the receipt under the lender’s letterhead with the amount in capitals', async () => {
    await h.open(`/payments/${paymentId}/receipt`);
    const head = h.page.getByTestId('letterhead');
    await head.getByText(COMPANY.companyName).waitFor();
    expect(await head.textContent()).toContain('许可证号：沪金融办〔2019〕112号');
    // 1,500.00 as receipts write it beside the figure.
    expect(await h.page.getByTestId('receipt-amount').textContent()).toBe('¥1,500.00人民币壹仟伍佰元整');
    const text = pdfText(await h.pdf('receipt-letterhead-zh-CN'));
    expect(text).toContain(COMPANY.companyName);
    expect(text).toContain('人民币壹仟伍佰元整');
    expect(text).not.toContain('Pledgebook');
  });

  it('signs letters with the contact and words figures and dates the Chinese way', async () => {
    await h.open(`/collections/loans/${loanId}/letter`);
    const letter = h.page.getByRole('article');
    await letter.getByTestId('signature').getByText('李敏 · 催收主管').waitFor();
    expect(await letter.getByTestId('letterhead').textContent()).toContain(COMPANY.companyName);
    const body = await letter.getByTestId('letter-body').textContent();
    expect(body).toMatch(/¥[\d,]+\.\d\d/);
    expect(body).toMatch(/2026年\d{1,2}月\d{1,2}日/);
    expect(body).not.toMatch(/CNY|\d{4}-\d{2}-\d{2}/);
  });

  it('changes the company in Settings → Company, and the next document follows', async () => {
    await h.open('/settings/company');
    await h.page.getByLabel('电话', { exact: true }).fill('021-88886666');
    await h.page.locator('#company-logo').setInputFiles({
      name: 'logo.png',
      mimeType: 'image/png',
      buffer: Buffer.from(PIXEL_PNG_BASE64, 'base64'),
    });
    await h.page.getByRole('button', { name: '保存', exact: true }).click();
    await h.page.getByText('已保存').waitFor();
    await h.screenshot('settings-company-zh-CN');
    await h.open(`/payments/${paymentId}/receipt`);
    await h.page
      .getByTestId('letterhead')
      .getByText(/电话：021-88886666/)
      .waitFor();
    expect(h.consoleErrors).toEqual([]);
  });
});
