import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
// @ts-expect-error -- plain .mjs helper shared with test:electron's preflight
import { findElectronBinary } from '../support/electron-binary.mjs';
import { CONTENT_SECURITY_POLICY } from '../../electron/security';
import type { Receipt } from '../../shared/contract';
import { pdfText } from '../e2e/harness';

/**
 * The real app: built main, preload and renderer in Electron, driven by Playwright. `npm test`
 * covers the screens in Chromium over the same services; this checks what only Electron has —
 * the preload bridge, main's sender check, the app:// protocol with its CSP, IPC to the services
 * and printing through main. Needs Electron's binary (see the preflight); `npm run test:electron`.
 */
const root = resolve(__dirname, '../..');
const OWNER = { username: 'chen', displayName: 'Chen Jie', password: 'correct horse battery' };

/** Calls the contract through the preload bridge, as the screens do. */
async function call<T>(page: Page, method: string, input: unknown): Promise<T> {
  const result = (await page.evaluate(
    ([m, i]) => (globalThis as unknown as Bridge).pledgebook.call(m as string, i),
    [method, input] as const,
  )) as { ok: true; value: T } | { ok: false; error: { code: string; message: string } };
  if (!result.ok) throw new Error(`${method}: ${result.error.code}: ${result.error.message}`);
  return result.value;
}
interface Bridge {
  pledgebook: { call(method: string, input: unknown): Promise<unknown> };
}

/** Its own user-data folder (backups, settings), UTC so "today" is the test's, no dev server. */
function electronEnv(dir: string): Record<string, string> {
  const env = Object.fromEntries(
    Object.entries(process.env).filter((e): e is [string, string] => e[1] !== undefined),
  );
  delete env.ELECTRON_RENDERER_URL;
  delete env.ELECTRON_RUN_AS_NODE;
  return { ...env, TZ: 'UTC', XDG_CONFIG_HOME: join(dir, 'config'), HOME: dir };
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

describe('the built app in Electron', () => {
  let dir: string;
  let app: ElectronApplication;
  let page: Page;

  beforeAll(async () => {
    const electron = (findElectronBinary as () => { path?: string; missing?: string })();
    if (!electron.path) throw new Error(`Electron is not available: ${electron.missing}`);
    dir = mkdtempSync(join(tmpdir(), 'pledgebook-electron-'));
    app = await _electron.launch({
      executablePath: electron.path,
      args: [
        ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), // Chromium refuses root otherwise
        root,
        '--db',
        join(dir, 'book.db'),
      ],
      cwd: root,
      // Its own user-data folder (backups, settings), and UTC so "today" is the test's today.
      env: electronEnv(dir),
    });
    page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
  });
  afterAll(async () => {
    await app?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('serves the renderer from app://pledgebook with the CSP header, and refuses paths outside it', async () => {
    expect(page.url()).toMatch(/^app:\/\/pledgebook\//);
    const probe = (await page.evaluate(async () => {
      const index = await fetch('app://pledgebook/index.html');
      const outside = await fetch('app://pledgebook/%2e%2e/%2e%2e/package.json');
      return { csp: index.headers.get('content-security-policy'), outside: outside.status };
    })) as { csp: string | null; outside: number };
    expect(probe.csp).toBe(CONTENT_SECURITY_POLICY);
    expect([403, 404]).toContain(probe.outside);
  });

  it('enforces the CSP: an injected inline script does not run', async () => {
    const ran = await page.evaluate(
      () =>
        new Promise((done) => {
          const g = globalThis as unknown as Record<string, unknown> & { document: never };
          const doc = g.document as unknown as {
            createElement(t: string): { textContent: string };
            head: { append(n: unknown): void };
            addEventListener(t: string, f: () => void): void;
          };
          doc.addEventListener('securitypolicyviolation', () =>
            done(g.__injected === true ? 'ran' : 'blocked'),
          );
          const script = doc.createElement('script');
          script.textContent = 'globalThis.__injected = true';
          doc.head.append(script);
          setTimeout(() => done(g.__injected === true ? 'ran' : 'no violation reported'), 2_000);
        }),
    );
    expect(ran).toBe('blocked');
  });

  it('exposes only the narrow preload bridge: no Node, no ipcRenderer', async () => {
    const world = await page.evaluate(() => {
      const g = globalThis as unknown as Record<string, unknown>;
      const bridge = g.pledgebook as Record<string, unknown> | undefined;
      return {
        bridge: bridge ? Object.keys(bridge).sort() : null,
        require: typeof g.require,
        process: typeof g.process,
        ipcRenderer: typeof g.ipcRenderer,
      };
    });
    expect(world).toEqual({
      bridge: ['call', 'cancel', 'onCommand'],
      require: 'undefined',
      process: 'undefined',
      ipcRenderer: 'undefined',
    });
  });

  it("gives no port to a page that is not the app's own, even with the same preload: its calls are refused", async () => {
    const refused = await app.evaluate(
      async ({ BrowserWindow }, preload) => {
        const foreign = new BrowserWindow({
          show: false,
          webPreferences: { preload, sandbox: true, contextIsolation: true, nodeIntegration: false },
        });
        try {
          await foreign.loadURL('data:text/html,<p>not Pledgebook</p>');
          return await foreign.webContents.executeJavaScript("window.pledgebook.call('auth.status', {})");
        } finally {
          foreign.destroy();
        }
      },
      join(root, 'out', 'preload', 'preload.js'),
    );
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
  });

  it('records a payment over IPC, shows its receipt and saves it as a PDF through main', async () => {
    await call(page, 'auth.createOwner', OWNER);
    const today = new Date();
    const start = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 1, 1));
    const { id: borrowerId } = await call<{ id: number }>(page, 'borrowers.create', {
      kind: 'person',
      name: '王芳',
      idType: 'resident-id',
      idNumber: '110101199003071234',
    });
    const loan = await call<{ id: number }>(page, 'loans.create', {
      borrowerId,
      product: 'car-title',
      terms: {
        method: 'annuity',
        principal: 6_000_000,
        annualRatePercent: '12',
        months: 12,
        startDate: isoDay(start),
      },
      penaltyDailyRatePercent: '0.05',
      graceDays: 3,
    });
    const paid = await call<{ id: number; receiptNumber: string }>(page, 'payments.record', {
      loanId: loan.id,
      date: isoDay(today),
      amount: 300_000,
      method: 'cash',
    });
    // Read back through IPC: the split the engine made, all of the money accounted for.
    const receipt = await call<Receipt>(page, 'payments.receipt', { paymentId: paid.id });
    expect(receipt.receiptNumber).toBe(paid.receiptNumber);
    expect(receipt.amount).toBe(300_000);
    expect(receipt.borrowerIdMasked).toBe('110***********1234');
    const { penalty, interest, principal, unapplied, charges = 0 } = receipt.split;
    expect(penalty + interest + principal + unapplied + charges).toBe(300_000);
    expect(interest).toBeGreaterThan(0);
    expect(principal).toBeGreaterThan(0);

    await page.evaluate((id) => {
      (globalThis as unknown as { location: { hash: string } }).location.hash = `#/payments/${id}/receipt`;
    }, paid.id);
    await page.locator('article.receipt').getByText(paid.receiptNumber).waitFor();
    expect(await page.locator('article.receipt').textContent()).toContain('110***********1234');

    // main's save dialog answers with a path the test owns; the page only names the file.
    const pdfPath = join(dir, 'receipt.pdf');
    await app.evaluate(({ dialog }, path) => {
      dialog.showSaveDialog = (async () => ({
        canceled: false,
        filePath: path,
      })) as typeof dialog.showSaveDialog;
    }, pdfPath);
    const saved = await call<{ saved: boolean; path?: string }>(page, 'print.savePdf', {
      suggestedName: paid.receiptNumber,
    });
    expect(saved).toEqual({ saved: true, path: pdfPath });
    expect(existsSync(pdfPath)).toBe(true);
    const text = pdfText(pdfPath);
    expect(text).toContain(paid.receiptNumber);
    expect(text).toContain('王芳');
    expect(text).toContain('110***********1234');
    expect(text).not.toContain('110101199003071234');
  });
});
