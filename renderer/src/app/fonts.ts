/**
 * The bundled Noto Sans SC/TC come as unicode-range subsets, and a browser fetches a subset only
 * when it lays out a character from it. Text that only a printout shows, or a printout made right
 * after a screen changed, would then print before its subset arrived: empty boxes on paper. So
 * every character that appears in the page has its subsets requested at once, in both weights,
 * and printing (main's print service, the tests) waits for `document.fonts.ready`.
 */
const FACES = ['Noto Sans SC', 'Noto Sans TC'].flatMap((family) =>
  ['400', '700'].map((weight) => `${weight} 16px "${family}"`),
);

export function loadFontsAsTextAppears(root: HTMLElement): void {
  const requested = new Set<string>();
  let queued = false;
  const requestNewCharacters = () => {
    queued = false;
    const fresh = [...new Set(root.textContent ?? '')].filter((c) => c.trim() !== '' && !requested.has(c));
    if (fresh.length === 0) return;
    for (const c of fresh) requested.add(c);
    const text = fresh.join('');
    for (const face of FACES) document.fonts.load(face, text).catch(() => undefined);
  };
  new MutationObserver(() => {
    if (queued) return;
    queued = true;
    // A microtask, not a timer: the loads are under way before anyone can ask to print.
    queueMicrotask(requestNewCharacters);
  }).observe(root, { childList: true, subtree: true, characterData: true });
  requestNewCharacters();
}
