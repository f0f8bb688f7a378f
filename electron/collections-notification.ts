import type { Reminder } from '../shared/contract/collections';
import type { Dispatch } from './services/dispatch';
import { matchLocale } from '../shared/i18n/match-locale';
import { translator } from '../shared/i18n/translator';

/**
 * What the start-up notification says, or null when nothing is due. Pure, so the list and the
 * wording are tested without Electron. The body names the first few accounts.
 */
export function reminderNotification(
  reminders: readonly Reminder[],
  osLocale: string,
): { title: string; body: string } | null {
  if (reminders.length === 0) return null;
  const t = translator(matchLocale(osLocale));
  const names = reminders.slice(0, 3).map((r) => `${r.loanNumber} ${r.borrower}`);
  return {
    title: t('collections.reminders.notification', { count: reminders.length }),
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
