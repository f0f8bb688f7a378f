import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode } from 'react';

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** The dialog's own fields and buttons, in order, leaving out the two edge guards and hidden ones. */
function focusables(dialog: HTMLDialogElement): HTMLElement[] {
  return [...dialog.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (el) => !el.dataset.focusGuard && el.getClientRects().length > 0,
  );
}

/**
 * A modal on the native <dialog> element: the page behind is inert and Esc closes it. Three
 * things the element leaves to us. Tab past the last field would leave the dialog for the
 * window itself, so a guard at each edge sends focus round to the other end (guards rather than
 * counting Tab presses, so a date field's segments still take their Tabs). Focus goes back to whatever opened the dialog, even when React re-rendered the screen
 * behind it meanwhile; and Esc closes at the first press, also from a search box, where Chromium
 * spends the first press clearing the text (Ctrl+K needed two).
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
  const opener = useRef<HTMLElement | null>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      dialog.showModal();
      // showModal focuses the first field; a form that starts elsewhere (the payment dialog opens
      // on Amount, not on the date) marks that field with data-autofocus.
      dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    }
    if (!open && dialog.open) dialog.close();
  }, [open]);
  const onKeyDown = (event: KeyboardEvent<HTMLDialogElement>) => {
    if (event.key !== 'Escape') return;
    // Only the innermost dialog closes: a reason asked inside a dialog leaves that dialog open.
    event.preventDefault();
    event.stopPropagation();
    ref.current?.close();
  };
  return (
    <dialog
      ref={ref}
      className={`dialog ${wide ? 'dialog-wide' : ''}`}
      onClose={() => {
        const back = opener.current;
        opener.current = null;
        onClose();
        // After React has drawn the screen without the dialog; an opener that went away (the
        // screen changed) is left alone.
        requestAnimationFrame(() => {
          if (back?.isConnected && !document.querySelector('dialog[open]')) back.focus();
        });
      }}
      onKeyDown={onKeyDown}
      aria-labelledby={titleId}
    >
      {open && (
        <>
          <FocusGuard
            onFocus={(from) => {
              const inside = ref.current ? focusables(ref.current) : [];
              // Shift+Tab from inside goes round to the end; opening the dialog starts at the top.
              (from && ref.current?.contains(from) ? inside.at(-1) : inside[0])?.focus();
            }}
          />
          <h2 id={titleId} className="dialog-title">
            {title}
          </h2>
          {children}
          <FocusGuard onFocus={() => ref.current && focusables(ref.current)[0]?.focus()} />
        </>
      )}
    </dialog>
  );
}

/** An invisible stop at an edge of a dialog that hands focus on to the other end. */
function FocusGuard({ onFocus }: { onFocus: (from: Node | null) => void }) {
  return (
    <span
      tabIndex={0}
      data-focus-guard="true"
      aria-hidden="true"
      className="focus-guard"
      onFocus={(e) => onFocus(e.relatedTarget)}
    />
  );
}
