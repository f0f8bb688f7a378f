/* global document, getComputedStyle */
/**
 * Evaluated in the page by layout.test.ts (a plain script, as this side runs in Chromium and the
 * test side is type-checked without the DOM library). Its value is the list of layout faults of
 * the screen as it stands:
 * - the page scrolls sideways;
 * - two pieces of text (figures, labels, chart ticks) overlap where the reader sees them;
 * - text is wider than its container: it spills out of its box, or is cut, where an ellipsis
 *   counts as cut unless a title shows the whole value, and an amount is never cut;
 * - a box scrolls sideways inside the page (a table wider than its card).
 * What the reader cannot see is left out: text scrolled out of a list, or clipped by any box that
 * hides its overflow, counts only for its visible part (each box is intersected with the clip
 * rectangle of every ancestor that clips, scroll containers included); with a modal dialog open,
 * only the dialog is read, the page behind it being covered.
 */
(() => {
  const faults = [];
  const root = document.documentElement;
  const viewWidth = root.clientWidth;
  const describe = (el) => {
    const cls =
      typeof el.className === 'string' && el.className.trim()
        ? `.${el.className.trim().split(/\s+/).join('.')}`
        : '';
    const text = (el.textContent || '').trim().replace(/\s+/g, ' ').slice(0, 40);
    return `${el.tagName.toLowerCase()}${cls} "${text}"`;
  };
  if (root.scrollWidth > viewWidth + 1) {
    // Name the first box (in page order, so the outermost) that reaches past the window.
    const past = [...document.body.querySelectorAll('*')].find(
      (el) => el.getBoundingClientRect().right > viewWidth + 1,
    );
    faults.push(
      `page scrolls sideways: ${root.scrollWidth}px in ${viewWidth}px${past ? ` (${describe(past)})` : ''}`,
    );
  }
  /** Not seen: hidden, transparent, in a closed dialog, or clipped to nothing for screen readers. */
  const hidden = (el) => {
    if (
      el.closest('[aria-hidden="true"], [hidden], dialog:not([open]), .skip-link, .recharts-tooltip-wrapper')
    ) {
      return true;
    }
    if (!el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) return true;
    const s = getComputedStyle(el);
    return s.clip === 'rect(0px, 0px, 0px, 0px)' || s.clipPath === 'inset(50%)';
  };

  /** The padding box an element clips its content to, or null when its overflow shows. */
  const clips = new Map();
  const clipOf = (el) => {
    if (clips.has(el)) return clips.get(el);
    const s = getComputedStyle(el);
    let clip = null;
    if (s.overflowX !== 'visible' || s.overflowY !== 'visible') {
      const r = el.getBoundingClientRect();
      const left = r.left + el.clientLeft;
      const top = r.top + el.clientTop;
      clip = { left, top, right: left + el.clientWidth, bottom: top + el.clientHeight };
    }
    clips.set(el, clip);
    return clip;
  };
  const intersect = (a, b) => ({
    left: Math.max(a.left, b.left),
    top: Math.max(a.top, b.top),
    right: Math.min(a.right, b.right),
    bottom: Math.min(a.bottom, b.bottom),
  });
  const seen = (r) => r.right - r.left > 1 && r.bottom - r.top > 1;
  /** The part of a box the reader can see: cut by `from` and every clipping ancestor, or null. */
  const visiblePart = (rect, from) => {
    let r = { left: rect.left, top: rect.top, right: rect.right, bottom: rect.bottom };
    for (let a = from; a && a !== root; a = a.parentElement) {
      const c = clipOf(a);
      if (c) {
        r = intersect(r, c);
        if (!seen(r)) return null;
      }
    }
    return r;
  };
  /** The nearest ancestor that lays out blocks: the container text must fit in. */
  const containerOf = (el) => {
    for (let a = el; a && a !== root; a = a.parentElement) {
      const d = getComputedStyle(a).display;
      if (!d.startsWith('inline') && d !== 'contents') return a;
    }
    return root;
  };
  /**
   * A title on the box, around it or on what it holds gives the whole value, laid out as it likes
   * (a list of reasons, one a line).
   */
  const bare = (text) => text.replace(/[\s·,，、;；]+/g, '');
  const wholeValueShown = (el) => {
    const text = bare(el.textContent || '');
    const titles = [el.closest('[title]'), ...el.querySelectorAll('[title]')].filter(Boolean);
    return titles.some((t) => bare(t.getAttribute('title')).includes(text));
  };

  /** A figure with cents, as the app writes money (¥1,234.56, CN¥999,999,999,999.99). */
  const AMOUNT = /^\s*\D{0,4}[\d,]+\.\d{2}\s*$/;

  const boxes = [];
  const range = document.createRange();
  // With a modal dialog open, the page behind it is inert and covered: only the dialog is read.
  const modals = [...document.querySelectorAll('dialog:modal, [role="dialog"][aria-modal="true"]')];
  const scope = modals.at(-1) ?? document.body;
  for (const el of scope.querySelectorAll('*')) {
    if (el.closest('svg') && el.tagName.toLowerCase() !== 'text') continue;
    if (hidden(el)) continue;
    const s = getComputedStyle(el);

    // A box that scrolls or clips sideways: a table wider than its card, or text cut short. Not a
    // text field, whose value scrolls under the caret by design, nor a box of a pixel or two (a
    // visually hidden one, there for screen readers).
    const editable = el.matches('input, textarea');
    if (!editable && s.overflowX !== 'visible' && el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 2) {
      if (s.overflowX === 'auto' || s.overflowX === 'scroll') {
        faults.push(`scrolls sideways inside: ${describe(el)} (${el.scrollWidth}px in ${el.clientWidth}px)`);
      } else if (AMOUNT.test(el.textContent || '')) {
        // A name may end in an ellipsis with its title; an amount is never cut.
        faults.push(`amount cut: ${describe(el)}`);
      } else if (!(s.textOverflow === 'ellipsis' && wholeValueShown(el))) {
        faults.push(
          `cut${s.textOverflow === 'ellipsis' ? ' (ellipsis without a title)' : ''}: ${describe(el)}`,
        );
      }
    }

    // Chart labels: the whole <text> is one box.
    if (el.tagName.toLowerCase() === 'text') {
      const r = visiblePart(el.getBoundingClientRect(), el.parentElement);
      if (r && (el.textContent || '').trim()) boxes.push({ el, r });
      continue;
    }
    const own = [...el.childNodes].filter((n) => n.nodeType === 3 && n.textContent.trim());
    if (own.length === 0) continue;
    const container = containerOf(el);
    const bounds = container.getBoundingClientRect();
    // A container that clips its text is checked above as cut; one that lets it show must hold it.
    const spills = container !== root && !clipOf(container);
    for (const node of own) {
      range.selectNodeContents(node);
      for (const raw of range.getClientRects()) {
        // The text's own element clips it too (a table cell with an ellipsis).
        const r = visiblePart(raw, el);
        if (!r) continue;
        boxes.push({ el, r });
        // Text running out of its own container, in sight: it ends up on top of its neighbour.
        // Up to 3 px is a glyph's blank side, not a spill: Chromium trims a full-width bracket at a
        // line's edge when it sizes a table column, but the text's own box keeps the whole advance.
        if (spills && (raw.right > bounds.right + 3 || raw.left < bounds.left - 3)) {
          faults.push(`wider than its container: ${describe(el)} in ${describe(container)}`);
        }
        if (r.right > viewWidth + 1) faults.push(`past the window's edge: ${describe(el)}`);
      }
    }
  }

  // Overlaps, by a sweep down the page: only boxes whose rows meet are compared.
  boxes.sort((a, b) => a.r.top - b.r.top);
  for (let i = 0; i < boxes.length; i++) {
    const a = boxes[i];
    for (let j = i + 1; j < boxes.length && boxes[j].r.top < a.r.bottom - 2; j++) {
      const b = boxes[j];
      if (a.el === b.el || a.el.contains(b.el) || b.el.contains(a.el)) continue;
      const w = Math.min(a.r.right, b.r.right) - Math.max(a.r.left, b.r.left);
      const h = Math.min(a.r.bottom, b.r.bottom) - Math.max(a.r.top, b.r.top);
      if (w > 2 && h > 2) faults.push(`overlap: ${describe(a.el)} × ${describe(b.el)}`);
    }
  }
  return [...new Set(faults)];
})();
