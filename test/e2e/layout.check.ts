import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PledgebookApp } from '../../electron/services/app';
import { seedLoanBook } from '../../electron/services/seed/seed.service';
import { startHarness, type Harness } from './harness';

/**
 * WORK IN PROGRESS, named .check.ts so the e2e run does not pick it up yet: it still reports the
 * collateral register's rows over the alerts card (to tell apart from rows scrolled out of the
 * list's own box) and two spills on the worklist. Rename to layout.test.ts once it passes.
 *
 * The main screens hold real numbers: at an office PC's 1366×768 and at 1920×1080, in all three
 * languages, on a book with a loan of 999,999,999,999.99 beside a seeded book. A screen fails when
 * two pieces of text overlap, a piece of text is cut (an ellipsis is allowed only where a title
 * gives the full value) or spills out of the window, or the page scrolls sideways.
 */
const BIG = 99_999_999_999_999;

async function call(app: PledgebookApp, method: string, input: unknown) {
  const result = await app.dispatch(method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value as { id: number };
}

let bigLoanId = 0;

async function seedBigBook(app: PledgebookApp) {
  await seedLoanBook(app.ctx, { loans: 60, seed: 7, asOf: '2026-06-30' });
  const borrower = await call(app, 'borrowers.create', {
    kind: 'company',
    idType: 'business-licence',
    name: '华夏远洋国际控股集团有限公司',
    idNumber: '91110000100000000X',
    phone: '01088888888',
    altPhone: '',
    address: '北京市朝阳区建国门外大街 1 号国贸大厦 88 层',
    employer: '',
    notes: '',
  });
  await call(app, 'loans.create', {
    borrowerId: borrower.id,
    product: 'mortgage',
    terms: {
      method: 'annuity',
      principal: BIG,
      annualRatePercent: '24',
      months: 12,
      startDate: '2026-01-15',
    },
  });
}

/**
 * Run in the page (as a string: this side is type-checked without the DOM library). Text boxes
 * are the rectangles of each element's own text; SVG chart labels are left to the charts.
 */
const FIND_FAULTS = `(() => {
  const faults = [];
  const doc = document.documentElement;
  if (doc.scrollWidth > doc.clientWidth + 1) faults.push('page scrolls sideways: ' + doc.scrollWidth + ' > ' + doc.clientWidth);
  const describe = (el) => el.tagName.toLowerCase() + (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\\s+/).join('.') : '') + ' "' + (el.textContent || '').trim().slice(0, 40) + '"';
  const boxes = [];
  for (const el of document.querySelectorAll('main *, nav *, aside *')) {
    if (el.closest('svg, dialog:not([open]), .focus-guard, [aria-hidden="true"]')) continue;
    const style = getComputedStyle(el);
    if (style.visibility === 'hidden' || style.display === 'none') continue;
    const own = [...el.childNodes].filter((n) => n.nodeType === 3 && n.textContent.trim());
    if (own.length === 0) continue;
    const range = document.createRange();
    for (const node of own) {
      range.selectNodeContents(node);
      // Text hidden by a box that clips it is not seen, so only its visible part can overlap.
      let clip = el;
      while (clip && clip !== document.body && !['hidden', 'clip', 'auto', 'scroll'].some((v) => [getComputedStyle(clip).overflowX, getComputedStyle(clip).overflowY].includes(v))) clip = clip.parentElement;
      const c = clip && clip !== document.body ? clip.getBoundingClientRect() : null;
      for (const raw of range.getClientRects()) {
        const r = c ? { left: Math.max(raw.left, c.left), right: Math.min(raw.right, c.right), top: Math.max(raw.top, c.top), bottom: Math.min(raw.bottom, c.bottom) } : raw;
        if (r.right - r.left > 1 && r.bottom - r.top > 1) boxes.push({ el, r });
      }
    }
    // Cut text: wider than its box, in a box that hides the rest.
    let clipper = el.parentElement ? el : null;
    while (clipper && clipper !== document.body) {
      const s = getComputedStyle(clipper);
      if (s.overflowX === 'hidden' || s.overflowX === 'clip') break;
      clipper = clipper.parentElement;
    }
    if (clipper && clipper !== document.body && clipper.scrollWidth > clipper.clientWidth + 1 && !clipper.closest('[title]') && clipper.getClientRects().length) {
      faults.push('cut: ' + describe(clipper));
    }
    const right = el.getBoundingClientRect().right;
    if (right > doc.clientWidth + 1) faults.push('past the window: ' + describe(el));
  }
  const seen = new Set();
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i], b = boxes[j];
      if (a.el === b.el || a.el.contains(b.el) || b.el.contains(a.el)) continue;
      const w = Math.min(a.r.right, b.r.right) - Math.max(a.r.left, b.r.left);
      const h = Math.min(a.r.bottom, b.r.bottom) - Math.max(a.r.top, b.r.top);
      if (w > 2 && h > 2) {
        const key = describe(a.el) + ' × ' + describe(b.el);
        if (!seen.has(key)) { seen.add(key); faults.push('overlap: ' + key); }
      }
    }
  }
  return [...new Set(faults)];
})()`;

const screens = () => [
  '/',
  '/loans',
  `/loans/${bigLoanId}`,
  '/borrowers',
  '/collateral',
  '/collections',
  `/collections/loans/${bigLoanId}`,
  '/reports',
  '/settings/audit',
];
const VIEWPORTS = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
];

describe('the screens hold real numbers', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ today: '2026-06-30', seed: seedBigBook });
    bigLoanId = Number(h.app.ctx.sqlite.prepare('SELECT max(id) FROM loans').pluck().get());
  }, 120_000);
  afterAll(async () => h?.close());

  it('has no overlapping, cut or spilling text and no sideways scroll, at two sizes in three languages', async () => {
    const faults: string[] = [];
    for (const locale of ['en', 'zh-CN', 'zh-TW'] as const) {
      await call(h.app, 'settings.update', { locale });
      for (const viewport of VIEWPORTS) {
        await h.page.setViewportSize(viewport);
        for (const route of screens()) {
          // A fresh load per screen, so one screen's fault never hides the next.
          await h.page.goto('about:blank');
          await h.open(route);
          const shown = await h.page
            .locator('h1')
            .first()
            .waitFor({ timeout: 10_000 })
            .then(() => true)
            .catch(() => false);
          if (!shown) {
            faults.push(`${locale} ${viewport.width} ${route}: the screen did not open`);
            await h.screenshot(`layout-failed-${locale}-${route.replace(/\W+/g, '-')}`);
            continue;
          }
          await h.page.waitForLoadState('networkidle');
          await h.page.evaluate('document.fonts.ready.then(() => true)');
          const found = (await h.page.evaluate(FIND_FAULTS)) as string[];
          const name = `layout-${locale}-${viewport.width}-${route.replace(/\W+/g, '-').replace(/^-|-$/g, '') || 'dashboard'}`;
          if (found.length) {
            await h.screenshot(name);
            faults.push(...found.map((f) => `${locale} ${viewport.width} ${route}: ${f}`));
          } else if (viewport.width === 1366) await h.screenshot(name);
        }
      }
    }
    expect(faults).toEqual([]);
  }, 600_000);
});
