import { useEffect, useRef, type ReactNode } from 'react';

/**
 * A modal on the native <dialog> element: the browser traps focus, Esc closes it, and the page
 * behind is inert — no hand-written focus management to get wrong.
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
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      // showModal focuses the first field; a form that starts elsewhere (the payment dialog opens
      // on Amount, not on the date) marks that field with data-autofocus.
      dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    }
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      className={`dialog ${wide ? 'dialog-wide' : ''}`}
      onClose={onClose}
      aria-labelledby="dialog-title"
    >
      {open && (
        <>
          <h2 id="dialog-title" className="dialog-title">
            {title}
          </h2>
          {children}
        </>
      )}
    </dialog>
  );
}
