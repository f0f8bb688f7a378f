import { useEffect, useRef } from 'react';
import { OPEN_DIALOG_SELECTOR } from './Dialog';

/**
 * An Alt+letter shortcut for a screen's main action (Alt+N: next account). Matched on the
 * physical key (`KeyN`) so it works with a Chinese input method on; ignored while a dialog is
 * open, so a key pressed in a dialog never acts on the screen behind it.
 */
export function useAltShortcut(letter: string, action: () => void, enabled = true): void {
  const latest = useRef(action);
  useEffect(() => {
    latest.current = action;
  });
  useEffect(() => {
    if (!enabled) return;
    const code = `Key${letter.toUpperCase()}`;
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey || e.shiftKey || e.code !== code) return;
      if (document.querySelector(OPEN_DIALOG_SELECTOR)) return;
      e.preventDefault();
      latest.current();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [letter, enabled]);
}

/** The shortcut written on its button; screen readers get it from aria-keyshortcuts instead. */
export function KeyHint({ letter }: { letter: string }) {
  return (
    <kbd className="key-hint" aria-hidden="true">
      Alt+{letter.toUpperCase()}
    </kbd>
  );
}
