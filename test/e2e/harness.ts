import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as mupdf from 'mupdf';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
// @ts-expect-error -- plain .mjs helper, also used outside TypeScript
import { chromiumLaunchOptions } from '../support/browser.mjs';
import { openApp, type PledgebookApp } from '../../electron/services/app';
import { fixedClock } from '../../electron/services/clock';
import type { Platform } from '../../electron/services/context';
import { startLoopbackServer, type LoopbackServer } from '../support/server';
import type { Dispatch } from '../../electron/services/dispatch';

export const ARTIFACTS = resolve(__dirname, '../artifacts');

interface LaunchOptions {
  executablePath: string;
  args: string[];
  env?: Record<string, string>;
}

export interface Harness {
  app: PledgebookApp;
  server: LoopbackServer;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  consoleErrors: string[];
  /** Opens a route (e.g. '/settings') and waits for the app frame. */
  open(route?: string): Promise<void>;
  screenshot(name: string): Promise<string>;
  /** Prints the current page to an A4 PDF in the artifacts folder. */
  pdf(name: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * A fresh world per test file: its own temporary database, a fixed "today", the real services on
 * loopback, and a real Chromium with the given UI language.
 */
export async function startHarness(
  options: {
    today?: string;
    locale?: string;
    seed?: (app: PledgebookApp) => Promise<void>;
    /** Stand-ins for main's dialogs (folder choice, restore); none by default, as in the browser. */
    platform?: Platform;
    /** The book to open; a fresh file book by default (a `postgres://` URL opens a server book). */
    databasePath?: string;
    /** What answers the page instead of the book's dispatcher (the first-run set-up's). */
    serve?: (app: PledgebookApp) => Dispatch;
  } = {},
): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), 'pledgebook-e2e-'));
  const app = await openApp({
    databasePath: options.databasePath ?? join(dir, 'book.db'),
    clock: fixedClock(options.today ?? '2026-06-15'),
    platform: options.platform,
  });
  await options.seed?.(app);
  const dispatch = options.serve?.(app) ?? app.dispatch;
  const server = await startLoopbackServer(() => dispatch);
  const launch = await (chromiumLaunchOptions as () => Promise<LaunchOptions>)();
  const browser = await chromium.launch({
    executablePath: launch.executablePath,
    // Playwright gives every launch a fresh, empty --user-data-dir of its own.
    args: launch.args,
    env: launch.env,
    headless: true,
  });
  const context = await browser.newContext({
    locale: options.locale ?? 'en-US',
    viewport: { width: 1360, height: 860 },
  });
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') consoleErrors.push(msg.text());
  });
  page.on('pageerror', (err) => consoleErrors.push(err.message));
  mkdirSync(ARTIFACTS, { recursive: true });

  return {
    app,
    server,
    browser,
    context,
    page,
    consoleErrors,
    async open(route = '/') {
      await page.goto(`${server.url}#${route}`);
      await page.locator('nav').first().waitFor();
    },
    async screenshot(name) {
      await fontsReady(page);
      const path = join(ARTIFACTS, `${name}.png`);
      await page.screenshot({ path, fullPage: true });
      return path;
    },
    async pdf(name) {
      const path = join(ARTIFACTS, `${name}.pdf`);
      await page.emulateMedia({ media: 'print' });
      await fontsReady(page);
      await page.pdf({ path, format: 'A4', printBackground: true, preferCSSPageSize: true });
      await page.emulateMedia({ media: 'screen' });
      return path;
    },
    async close() {
      await browser.close();
      await server.close();
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Waits for the web fonts the page has asked for (the app requests the CJK subsets for every
 * character it shows), as main's print service does before printing.
 */
async function fontsReady(page: Page): Promise<void> {
  // A string, because this side is type-checked without the DOM library.
  await page.evaluate('document.fonts.ready.then(() => true)');
}

function openPdf(pdfPath: string): mupdf.Document {
  return mupdf.Document.openDocument(readFileSync(pdfPath), 'application/pdf');
}

/** PDF → one PNG per page (MuPDF at 96 dpi, beside the PDF); returns the PNG paths in page order. */
export function pdfToPngs(pdfPath: string): string[] {
  const prefix = pdfPath.replace(/\.pdf$/, '');
  const doc = openPdf(pdfPath);
  try {
    const pages = doc.countPages();
    const width = String(pages).length;
    const at96dpi = mupdf.Matrix.scale(96 / 72, 96 / 72);
    return Array.from({ length: pages }, (_, i) => {
      const path = `${prefix}-${String(i + 1).padStart(width, '0')}.png`;
      const pixmap = doc.loadPage(i).toPixmap(at96dpi, mupdf.ColorSpace.DeviceRGB, false, true);
      writeFileSync(path, pixmap.asPNG());
      return path;
    });
  } finally {
    doc.destroy();
  }
}

/** The text of one page (1-based), or of every page when none is given. */
export function pdfText(pdfPath: string, page?: number): string {
  const doc = openPdf(pdfPath);
  try {
    const pages = page === undefined ? [...Array(doc.countPages()).keys()] : [page - 1];
    return pages.map((i) => doc.loadPage(i).toStructuredText('preserve-whitespace').asText()).join('\f');
  } finally {
    doc.destroy();
  }
}

/** Names of the fonts that set the PDF's text lines matching `pattern` (MuPDF's structured text). */
export function pdfFontsOf(pdfPath: string, pattern: RegExp): Set<string> {
  const doc = openPdf(pdfPath);
  try {
    const fonts = new Set<string>();
    for (let i = 0; i < doc.countPages(); i++) {
      const page = JSON.parse(doc.loadPage(i).toStructuredText('preserve-whitespace').asJSON()) as {
        blocks: { lines?: { text: string; font: { name: string } }[] }[];
      };
      for (const line of page.blocks.flatMap((b) => b.lines ?? [])) {
        if (pattern.test(line.text)) fonts.add(line.font.name);
      }
    }
    return fonts;
  } finally {
    doc.destroy();
  }
}
