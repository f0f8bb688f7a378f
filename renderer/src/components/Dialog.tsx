import { Modal } from '@mantine/core';
import { useEffect, useRef, type ReactNode } from 'react';

/** What marks an open app dialog in the page: screen shortcuts stand down while one is open. */
export const OPEN_DIALOG_SELECTOR = '[role="dialog"][aria-modal="true"]';

/**
 * A modal on the kit's Modal, which traps focus, gives it back to whatever opened the dialog and
 * starts on the field marked data-autofocus (the payment dialog opens on Amount, not the date).
 * Two things we keep in our hands:
 * - Esc closes only the innermost dialog (a reason asked inside a dialog leaves that dialog
 *   open). The kit would close every open modal on the same key; here the open dialogs stand in
 *   a stack and only the last one opened answers. It listens on the window, so Esc works even
 *   when focus has gone to the page (the focused button was replaced by a message), and a field
 *   that uses Esc itself (a date's calendar) stops the key before it gets there.
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
  useEscapeWhenInnermost(open, onClose);
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
    >
      {children}
    </Modal>
  );
}

/** The open dialogs, innermost last. */
const openDialogs: symbol[] = [];

function useEscapeWhenInnermost(open: boolean, onClose: () => void): void {
  const close = useRef(onClose);
  useEffect(() => {
    close.current = onClose;
  });
  useEffect(() => {
    if (!open) return;
    const me = Symbol('dialog');
    openDialogs.push(me);
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.isComposing || openDialogs.at(-1) !== me) return;
      // Also keeps Chromium from spending the press on clearing a search box first.
      event.preventDefault();
      close.current();
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
      openDialogs.splice(openDialogs.indexOf(me), 1);
    };
  }, [open]);
}
