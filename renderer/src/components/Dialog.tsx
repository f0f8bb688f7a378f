import { Modal } from '@mantine/core';
import type { KeyboardEvent, ReactNode } from 'react';

/** What marks an open app dialog in the page: screen shortcuts stand down while one is open. */
export const OPEN_DIALOG_SELECTOR = '[role="dialog"][aria-modal="true"]';

/**
 * A modal on the kit's Modal, which traps focus, gives it back to whatever opened the dialog and
 * starts on the field marked data-autofocus (the payment dialog opens on Amount, not the date).
 * Two things we keep in our hands:
 * - Esc closes only the innermost dialog (a reason asked inside a dialog leaves that dialog
 *   open). The kit listens on the window, where every open modal would hear the same key; a key
 *   handler here sees the event first from the innermost one, which stops it going further.
 * - No scroll lock: the kit's lock injects an inline <style>, which the CSP refuses, and the
 *   screens scroll in their own panes anyway.
 * The close button is left out of the Tab order, so a dialog without data-autofocus still opens on
 * its first field; Esc and the form's own Cancel close it from the keyboard.
 */
export function Dialog({
  open,
  title,
  onClose,
  children,
  wide,
}: {
  open: boolean;
  title: ReactNode;
  onClose: () => void;
  children: ReactNode;
  wide?: boolean;
}) {
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'Escape' || event.nativeEvent.isComposing) return;
    event.preventDefault();
    event.stopPropagation();
    onClose();
  };
  return (
    <Modal
      opened={open}
      onClose={onClose}
      title={title}
      closeOnEscape={false}
      lockScroll={false}
      size={wide ? 920 : 560}
      padding="lg"
      transitionProps={{ duration: 0 }}
      closeButtonProps={{ tabIndex: -1 }}
      classNames={{ content: wide ? 'dialog dialog-wide' : 'dialog', title: 'dialog-title' }}
      onKeyDown={onKeyDown}
    >
      {children}
    </Modal>
  );
}
