import { notifications } from '@mantine/notifications';

/**
 * A short confirmation in the window's corner that work went through (a payment recorded, a call
 * logged) where the screen itself does not change enough to show it. It goes by itself; screen
 * readers hear it through the kit's live region.
 */
export function notifyDone(message: string): void {
  notifications.show({ message, color: 'green', autoClose: 4000, withBorder: true });
}
