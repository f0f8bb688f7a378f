import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PledgebookApp } from '../../electron/services/app';
import { seedLoanBook } from '../../electron/services/seed/seed-book';
import { aHouse, appraisal } from '../integration/collateral/support';
import { ARTIFACTS, startHarness, type Harness } from './harness';
import { SETTINGS_SECTIONS } from './screens';
import { sqliteOf } from '../../electron/services/context';

/**
 * The screens hold real numbers: at an office PC's 1366×768 and at 1920×1080, in all three
 * languages, on a seeded book beside a borrower with a long company name whose loan, collateral,
 * payment and promise run to 999,999,999,999.99. A screen fails when two pieces of text overlap,
 * text is wider than its container or cut (an ellipsis counts only where a title gives the whole
 * value), a box scrolls sideways, or the page does (layout-faults.browser.js says how each is
 * found); or when it writes a date the ISO way instead of the locale's one format. One browser
 * and one book for the whole run; screens are opened by the router, not by reloading, so the run
 * stays within a CI budget. Every screen at 1366×768 in zh-CN is kept as a
 * screenshot in test/artifacts/, and any screen with a fault in any size or language.
 */
const BIG = 99_999_999_999_999;
const TODAY = '2026-06-30';
const FIND_FAULTS = readFileSync(join(__dirname, 'layout-faults.browser.js'), 'utf8');

async function call<T = { id: number }>(app: PledgebookApp, method: string, input: unknown): Promise<T> {
  const result = await app.dispatch(method as never, input as never);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value as T;
}

const ids = { borrower: 0, loan: 0, item: 0, payment: 0, visit: 0, plan: 0, legalCase: 0, legalLoan: 0 };

/**
 * The seeded book with its year of work (calls, promises, visits, plans, legal cases, write-offs,
 * approvals: every list has rows), and one borrower whose every figure is as large as the app
 * takes.
 */
async function seedBigBook(app: PledgebookApp) {
  const { activity } = await seedLoanBook(app.ctx, { loans: 400, seed: 7, asOf: TODAY, activity: true });

  ids.borrower = (
    await call(app, 'borrowers.create', {
      kind: 'company',
      idType: 'business-licence',
      name: '华夏远洋国际控股集团有限公司',
      idNumber: '91110000100000000X',
      phone: '01088888888',
      altPhone: '',
      address: '北京市朝阳区建国门外大街 1 号国贸大厦 88 层',
      employer: '',
      notes: '',
    })
  ).id;
  ids.loan = (
    await call(app, 'loans.create', {
      borrowerId: ids.borrower,
      product: 'mortgage',
      terms: {
        method: 'annuity',
        principal: BIG,
        annualRatePercent: '24',
        months: 12,
        startDate: '2026-01-15',
      },
    })
  ).id;
  ids.item = (
    await call(app, 'collateral.create', {
      loanIds: [ids.loan],
      details: aHouse({ address: '北京市朝阳区建国门外大街 1 号国贸大厦 88 层 8801-8868 室' }),
      valuation: appraisal('2026-01-10', BIG),
    })
  ).id;
  ids.payment = (
    await call(app, 'payments.record', {
      loanId: ids.loan,
      date: '2026-02-15',
      amount: 9_000_000_000_000,
      method: 'cash',
    })
  ).id;
  const [outcome] = await call<{ code: string }[]>(app, 'collections.outcomes', {});
  await call(app, 'collections.logContact', {
    loanId: ids.loan,
    channel: 'call-out',
    outcome: outcome!.code,
    promise: { amount: BIG, dueDate: '2026-07-10' },
  });
  ids.visit = (
    await call(app, 'collections.planVisit', {
      loanId: ids.loan,
      localTime: '2026-07-02T10:00',
      addressKind: 'home',
      address: '北京市朝阳区建国门外大街 1 号国贸大厦 88 层',
      team: ['李娜', '吴刚'],
      purpose: '商谈逾期欠款',
    })
  ).id;
  ids.plan = (
    await call(app, 'plans.propose', {
      loanId: ids.loan,
      spec: { type: 'arrears-installments', months: 3, waivePenaltyPercent: '100' },
    })
  ).id;
  // A legal case on a seeded loan that is past due, so the big loan stays on the worklist.
  ids.legalLoan = Number(
    sqliteOf(app.ctx)
      .prepare(
        `SELECT l.id FROM loans l JOIN loan_status s ON s.loan_id = l.id
         WHERE l.status = 'active' AND s.oldest_unpaid_due_date < ? AND l.id <> ? ORDER BY l.id LIMIT 1`,
      )
      .pluck()
      .get(TODAY, ids.loan),
  );
  ids.legalCase = (await call(app, 'collections.openLegalCase', { loanId: ids.legalLoan, date: TODAY })).id;
  // The big book is written as the system (a person may not back-date its payment); then the owner
  // signs in, here and so in the browser.
  const owner = activity!.users.find((u) => u.role === 'owner')!;
  const userId = Number(
    sqliteOf(app.ctx).prepare('SELECT id FROM users WHERE username = ?').pluck().get(owner.username),
  );
  app.session.signIn({ userId, ...owner });
}

const screens = () => [
  '/',
  '/loans',
  '/loans/new',
  `/loans/${ids.loan}`,
  `/loans/${ids.loan}/plans`,
  `/payments/${ids.payment}/receipt`,
  '/borrowers',
  `/borrowers/${ids.borrower}`,
  '/collateral',
  `/collateral/${ids.item}`,
  '/collections',
  `/collections/loans/${ids.loan}`,
  `/collections/loans/${ids.loan}/letter`,
  `/collections/visits/${ids.visit}/dossier`,
  '/collections/legal',
  `/collections/legal/${ids.legalCase}`,
  '/plans',
  `/plans/${ids.plan}/agreement`,
  '/reports',
  '/ledger',
  '/import',
  ...SETTINGS_SECTIONS.map((s) => `/settings/${s}`),
];
const VIEWPORTS = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
];

/** Counts the app's calls in flight, so a screen is read once its data has arrived. */
const WATCH_CALLS = `(() => {
  const watch = { inflight: 0, last: performance.now() };
  window.__layoutWatch = watch;
  const fetch = window.fetch.bind(window);
  window.fetch = (...args) => {
    watch.inflight++;
    watch.last = performance.now();
    return fetch(...args).finally(() => { watch.inflight--; watch.last = performance.now(); });
  };
})()`;
const SETTLED = `(() => {
  const w = window.__layoutWatch;
  return Boolean(w && document.querySelector('main h1, [role="main"] h1, h1')) && w.inflight === 0 &&
    performance.now() - w.last > 100 && document.fonts.status === 'loaded';
})()`;

/**
 * One date format per locale: no screen writes a date the ISO way (2026-06-30) for the reader.
 * The values of date fields, code and the letter templates' sources are the machine's, not read.
 */
const ISO_DATES = `(() => {
  const shown = [];
  for (const el of document.querySelectorAll('main *')) {
    if (el.closest('input, textarea, select, code, script, style')) continue;
    for (const n of el.childNodes) if (n.nodeType === 3) shown.push(n.textContent);
    if (el.hasAttribute('title')) shown.push(el.getAttribute('title'));
  }
  return [...new Set(shown.join(' ').match(/\\b\\d{4}-\\d{2}-\\d{2}\\b/g) || [])].map((d) => 'ISO date shown: ' + d);
})()`;

describe('the screens hold real numbers', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ today: TODAY, seed: seedBigBook });
    await h.page.addInitScript(WATCH_CALLS);
  }, 120_000);
  afterAll(async () => h?.close());

  /** Opens a route through the router, waits for its data and fonts, and returns its faults. */
  async function faultsOf(route: string): Promise<string[]> {
    // The quiet period starts at the navigation, so the old screen is never read as the new one.
    await h.page.evaluate(
      `window.__layoutWatch.last = performance.now(); window.scrollTo(0, 0); location.hash = ${JSON.stringify(`#${route}`)}`,
    );
    // Polled from here: the app's CSP refuses the page-side eval that waitForFunction needs.
    const until = Date.now() + 15_000;
    while (!(await h.page.evaluate(SETTLED))) {
      if (Date.now() > until) return [`did not settle: ${await h.page.evaluate('document.title')}`];
      await h.page.waitForTimeout(25);
    }
    const first = (await h.page.evaluate(FIND_FAULTS)) as string[];
    if (first.length === 0) return first;
    // Charts size themselves to their card one ResizeObserver round after the data arrives, and
    // for that moment can reach past the window; what still stands a moment later is what the
    // reader sees.
    await h.page.waitForTimeout(400);
    return (await h.page.evaluate(FIND_FAULTS)) as string[];
  }

  it('has no overlapping, cut or spilling text and no sideways scroll, at two sizes in three languages', async () => {
    const faults: string[] = [];
    for (const locale of ['en', 'zh-CN', 'zh-TW'] as const) {
      await call(h.app, 'settings.update', { locale });
      // The language is read at start-up: a reload, as a change in Settings does.
      await h.open('/');
      await h.page.reload();
      await h.page.locator('nav').first().waitFor();
      for (const viewport of VIEWPORTS) {
        await h.page.setViewportSize(viewport);
        for (const route of screens()) {
          const found = await faultsOf(route);
          // The words do not change with the size: dates are read once per screen and language.
          if (viewport === VIEWPORTS[0]) found.push(...((await h.page.evaluate(ISO_DATES)) as string[]));
          const name = `layout-${locale}-${viewport.width}-${route.replace(/\W+/g, '-').replace(/^-|-$/g, '') || 'dashboard'}`;
          faults.push(...found.map((f) => `${locale} ${viewport.width} ${route}: ${f}`));
          if (found.length > 0 || (locale === 'zh-CN' && viewport.width === 1366)) await h.screenshot(name);
        }
      }
    }
    // The whole list beside the screenshots: the assertion's diff shows only its start.
    writeFileSync(join(ARTIFACTS, 'layout-faults.txt'), faults.join('\n'));
    expect(faults).toEqual([]);
  }, 300_000);

  /**
   * The check itself, on a page made to hold each fault once, beside what must not count: rows
   * scrolled out of a list under the text above it, and an ellipsis whose title gives the value.
   */
  it('finds each kind of fault, and nothing in what the reader cannot see', async () => {
    // A blank page: the app's CSP would refuse the fixture's inline styles.
    await h.page.goto('about:blank');
    await h.page.evaluate(`(() => {
      document.body.innerHTML = \`
        <div style="width: 300px; font: 14px/20px sans-serif">
          <p style="margin: 0">Overdue 12,345.00</p>
          <p style="margin: 0; position: relative; top: -12px">PAR30 9.9%</p>
          <div>Above the list</div>
          <div id="list" style="height: 40px; overflow: auto">
            <div>Row one</div><div>Row two</div><div>Row three</div><div>Row four</div>
          </div>
          <div style="width: 100px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap">CN¥999,999,999,999.99 cut</div>
          <div style="width: 100px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap"
            title="CN¥999,999,999,999.99 whole">CN¥999,999,999,999.99 whole</div>
          <div style="width: 100px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap"
            title="CN¥999,999,999,999.99">CN¥999,999,999,999.99</div>
          <div style="width: 100px"><span style="white-space: nowrap">CN¥999,999,999,999.99 spills</span></div>
          <div style="width: 3000px">wide</div>
        </div>\`;
      document.getElementById('list').scrollTop = 40;
    })()`);
    const found = ((await h.page.evaluate(FIND_FAULTS)) as string[]).map((f) =>
      f.replace(/\d+px in \d+px/, '…'),
    );
    expect(found.sort()).toEqual(
      [
        'page scrolls sideways: … (div "wide")',
        'overlap: p "Overdue 12,345.00" × p "PAR30 9.9%"',
        'cut (ellipsis without a title): div "CN¥999,999,999,999.99 cut"',
        'amount cut: div "CN¥999,999,999,999.99"',
        'wider than its container: span "CN¥999,999,999,999.99 spills" in div "CN¥999,999,999,999.99 spills"',
      ].sort(),
    );

    // A modal dialog covers the page: only what it holds is read (the page's overlap, under it, is not).
    await h.page.evaluate(`(() => {
      document.getElementById('list').parentElement.lastElementChild.remove();
      const dialog = document.createElement('dialog');
      dialog.innerHTML = '<p style="margin: 0">Amount</p><p style="margin: 0; position: relative; top: -12px">Payoff</p>';
      document.body.append(dialog);
      dialog.showModal();
    })()`);
    expect(await h.page.evaluate(FIND_FAULTS)).toEqual(['overlap: p "Amount" × p "Payoff"']);

    // A date written the ISO way is found in text and titles, not in a date field's value.
    await h.page.evaluate(`document.body.innerHTML =
      '<main><p>Due 2026-06-30</p><p title="Paid 2026-05-15">Paid</p><input value="2026-07-01"></main>'`);
    expect(await h.page.evaluate(ISO_DATES)).toEqual([
      'ISO date shown: 2026-06-30',
      'ISO date shown: 2026-05-15',
    ]);
  });
});
