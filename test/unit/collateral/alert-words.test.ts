import { describe, expect, it } from 'vitest';
import { insuranceFinding } from '../../../shared/collateral/alerts';
import { translator } from '../../../shared/i18n/translator';

const rules = { ltvThreshold: {}, staleAfterMonths: {}, insuranceWarningDays: 30 } as unknown as Parameters<
  typeof insuranceFinding
>[2];

describe('an insurance expiring soon, in words', () => {
  const item = (insuranceExpiry: string) => ({ kind: 'vehicle' as const, insuranceExpiry });

  it('says "in 1 day" for tomorrow and "in 15 days" for later, in the log and on screen', () => {
    const tomorrow = insuranceFinding(item('2026-06-16'), '2026-06-15', rules)!;
    const later = insuranceFinding(item('2026-06-30'), '2026-06-15', rules)!;
    expect(tomorrow.reason).toBe('insurance expires on 2026-06-16, in 1 day');
    expect(later.reason).toBe('insurance expires on 2026-06-30, in 15 days');
    const en = translator('en');
    const words = (f: typeof tomorrow) =>
      en('collateral.alertCodes.insurance-expiring', {
        date: String(f.params.date),
        count: Number(f.params.days),
      });
    expect(words(tomorrow)).toBe('insurance expires on 2026-06-16, in 1 day');
    expect(words(later)).toBe('insurance expires on 2026-06-30, in 15 days');
    expect(
      translator('zh-CN')('collateral.alertCodes.insurance-expiring', { date: '2026/06/16', count: 1 }),
    ).toBe('保险将于 2026/06/16 到期（1 天后）');
  });
});
