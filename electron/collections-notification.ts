import type { Reminder } from '../shared/contract/collections';
import type { Dispatch } from './services/dispatch';

const TEXT = {
  en: (n: number) => `${n} collections item${n === 1 ? '' : 's'} due today`,
  'zh-CN': (n: number) => `今天有 ${n} 项催收待办`,
  'zh-TW': (n: number) => `今天有 ${n} 項催收待辦`,
};

/**
 * What the start-up notification says, or null when nothing is due. Pure, so the list and the
 * wording are tested without Electron. The body names the first few accounts.
 */
export function reminderNotification(
  reminders: readonly Reminder[],
  osLocale: string,
): { title: string; body: string } | null {
  if (reminders.length === 0) return null;
  const lang = /^zh[-_](TW|HK|MO|Hant)/i.test(osLocale) ? 'zh-TW' : /^zh/i.test(osLocale) ? 'zh-CN' : 'en';
  const names = reminders.slice(0, 3).map((r) => `${r.loanNumber} ${r.borrower}`);
  return {
    title: TEXT[lang](reminders.length),
    body: names.join('\n') + (reminders.length > 3 ? '\n…' : ''),
  };
}

interface NotificationLike {
  show(): void;
}

/** Shows an OS notification when the app opens with promises, visits or follow-ups due today. */
export async function notifyDueReminders(
  makeNotification: (options: { title: string; body: string }) => NotificationLike,
  dispatch: Dispatch,
  osLocale: string,
): Promise<void> {
  const result = await dispatch('collections.reminders', {});
  if (!result.ok) return;
  const message = reminderNotification(result.value as Reminder[], osLocale);
  if (message) makeNotification(message).show();
}
