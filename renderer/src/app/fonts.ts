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

/**
 * Loads, before the first screen is drawn, the font subsets for every character of the UI's own
 * words in the chosen language (a few hundred distinct characters in Chinese). Text Chromium lays
 * out while its subset is still on the way can stay blank on a PC with no Chinese system font,
 * even after the subset arrives; the first screen was the one that showed it. Bounded, so a font
 * that fails to load never holds the window: after `limitMs` the screen draws anyway.
 */
export async function loadFontsForWords(words: unknown, limitMs: number): Promise<void> {
  const characters = new Set<string>();
  const collect = (value: unknown): void => {
    if (typeof value === 'string') for (const c of value) characters.add(c);
    else if (value && typeof value === 'object') for (const v of Object.values(value)) collect(v);
  };
  collect(words);
  const text = [...characters].filter((c) => c.trim() !== '').join('');
  const loads = Promise.all(FACES.map((face) => document.fonts.load(face, text).catch(() => undefined)));
  await Promise.race([loads, new Promise((resolve) => setTimeout(resolve, limitMs))]);
}
