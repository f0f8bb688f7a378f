import { describe, expect, it } from 'vitest';
import { auditActionLabel, auditEntityLabel } from '../../../renderer/src/features/access/audit-action';
import { translator } from '../../../shared/i18n/translator';

describe("the audit viewer's action and record names", () => {
  it('reads stored codes in the reader language', () => {
    expect(auditActionLabel(translator('zh-CN'), 'reveal-id-number')).toBe('查看完整证件号');
    expect(auditActionLabel(translator('zh-TW'), 'set-status')).toBe('變更狀態');
    expect(auditActionLabel(translator('en'), 'create')).toBe('Created');
    expect(auditEntityLabel(translator('zh-CN'), 'promise-to-pay')).toBe('还款承诺');
  });

  it('names the reversal of a repossession step after the step', () => {
    expect(auditActionLabel(translator('zh-CN'), 'reverse-sold')).toBe('撤销：已售出');
    expect(auditActionLabel(translator('en'), 'reverse-possessed')).toBe('Reversed: Taken into possession');
  });

  it('shows a code this version does not know as stored, rather than nothing', () => {
    expect(auditActionLabel(translator('zh-CN'), 'from-a-newer-build')).toBe('from-a-newer-build');
    expect(auditActionLabel(translator('zh-CN'), 'reverse-unknown')).toBe('reverse-unknown');
    expect(auditEntityLabel(translator('en'), 'spaceship')).toBe('spaceship');
  });
});
