import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { statSync } from 'node:fs';
import { pdfFontsOf, pdfText, pdfToPngs, startHarness, type Harness } from './harness';
import { givenACarTitleLoan, WANG_FANG_BORROWER } from '../support/fixtures';

/**
 * The app ships Noto Sans SC and TC (woff2 subsets from @fontsource), so a receipt in Chinese
 * renders and prints on a PC without any Chinese font. CI runs this with every system CJK font
 * hidden (.ci/hide-system-packages), where a missing web font would leave empty boxes.
 */
const CHINESE = [
  { locale: 'zh-CN', title: '还款收据', borrower: '借款人', font: 'NotoSansSC' },
  { locale: 'zh-TW', title: '還款收據', borrower: '借款人', font: 'NotoSansTC' },
] as const;

describe.each(CHINESE)('a receipt in $locale, with the fonts the app ships', (expected) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({
      today: '2026-06-15',
      locale: expected.locale,
      seed: async (app) => {
        const { loanId } = await givenACarTitleLoan(app.dispatch, { ...WANG_FANG_BORROWER, name: '王芳' });
        const paid = await app.dispatch('payments.record', {
          loanId,
          date: '2026-04-10',
          amount: 533_093,
          method: 'cash',
        });
        if (!paid.ok) throw new Error(paid.error.message);
      },
    });
  });
  afterAll(async () => h?.close());

  it('loads the bundled font under the CSP and prints the Chinese text with it', async () => {
    const { page } = h;
    await h.open('/payments/1/receipt');
    await page.getByRole('article', { name: expected.title }).waitFor();
    // A string, because this side is type-checked without the DOM library.
    const loaded = (await page.evaluate(
      `document.fonts.ready.then((fonts) =>
         [...fonts].filter((f) => f.status === 'loaded').map((f) => f.family.replace(/"/g, '')))`,
    )) as string[];
    expect(loaded).toContain(expected.font.replace('NotoSans', 'Noto Sans '));
    await h.screenshot(`receipt-${expected.locale}`);

    const pdf = await h.pdf(`receipt-${expected.locale}`);
    const text = pdfText(pdf);
    expect(text).toContain(expected.title);
    expect(text).not.toContain('\ufffd'); // a glyph printed before its font subset arrived
    expect(text).toContain('王芳');
    expect(text).toContain('110***********1234');
    // Every line with Chinese in it was set in the shipped font, not a system one.
    const fonts = pdfFontsOf(pdf, /[\u4e00-\u9fff]/);
    expect(fonts.size).toBeGreaterThan(0);
    for (const font of fonts) expect(font).toContain(expected.font);
    const pngs = pdfToPngs(pdf);
    expect(pngs).toHaveLength(1);
    expect(statSync(pngs[0]!).size).toBeGreaterThan(5_000);
    expect(h.consoleErrors).toEqual([]);
  });
});
