import { describe, expect, it } from 'vitest';
import { notifyDueReminders, reminderNotification } from '../../../electron/collections-notification';
import type { Reminder } from '../../../shared/contract/collections';

const due = (n: number): Reminder[] =>
  Array.from({ length: n }, (_, i) => ({
    kind: 'promise' as const,
    loanId: i + 1,
    loanNumber: `PB-2026-00000${i + 1}`,
    borrower: `借款人${i + 1}`,
    date: '2026-06-15',
    amount: 100_000,
  }));

describe('the start-up notification', () => {
  it('is not shown when nothing is due', () => {
    expect(reminderNotification([], 'en-US')).toBeNull();
  });

  it('counts the due items in the OS language and names the first three accounts', () => {
    expect(reminderNotification(due(1), 'en-US')).toEqual({
      title: '1 collections item due today',
      body: 'PB-2026-000001 借款人1',
    });
    expect(reminderNotification(due(4), 'zh-CN')?.title).toBe('今天有 4 项催收待办');
    expect(reminderNotification(due(4), 'zh-TW')?.body).toBe(
      'PB-2026-000001 借款人1\nPB-2026-000002 借款人2\nPB-2026-000003 借款人3\n…',
    );
  });

  it('shows one notification built from the reminders list', async () => {
    const shown: { title: string; body: string }[] = [];
    await notifyDueReminders(
      (o) => ({ show: () => shown.push(o) }),
      async () => ({ ok: true, value: due(2) }),
      'en',
    );
    expect(shown).toEqual([
      { title: '2 collections items due today', body: 'PB-2026-000001 借款人1\nPB-2026-000002 借款人2' },
    ]);
  });
});
