import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { PledgebookApp } from '../../electron/services/app';
import { CAR_TITLE_60K, WANG_FANG_BORROWER } from '../support/fixtures';
import { adminQuery, startTestCluster, type TestCluster } from '../support/postgres-cluster';
import { callersOf } from '../support/test-app';
import { startHarness, type Harness } from './harness';

/**
 * Two PCs in one office, each its own service stack and its own Chromium, on one server book:
 * the cashier posts a payment on the first, and the collector's open worklist and loan page on
 * the second show it without a reload.
 */
let cluster: TestCluster;
let cashier: Harness;
let collector: Harness;
const loans: number[] = [];

async function seed(app: PledgebookApp) {
  const { call } = callersOf(app);
  const { id: borrowerId } = await call('borrowers.create', WANG_FANG_BORROWER);
  for (let k = 0; k < 2; k++) loans.push((await call('loans.create', { borrowerId, ...CAR_TITLE_60K })).id);
}

const countOf = async (page: Page) => (await page.getByTestId('worklist-count').textContent()) ?? '';

describe('every PC current: a payment posted on one PC shows on another without a reload', () => {
  beforeAll(async () => {
    cluster = await startTestCluster();
    await adminQuery(cluster.adminUrl, 'DROP DATABASE IF EXISTS office_live');
    await adminQuery(cluster.adminUrl, 'CREATE DATABASE office_live');
    const book = cluster.urlOf('office_live');
    cashier = await startHarness({ databasePath: book, seed });
    collector = await startHarness({ databasePath: book });
  }, 120_000);
  afterAll(async () => {
    await collector?.close();
    await cashier?.close();
    cluster?.stop();
  });

  it('the collector’s worklist and loan page follow the cashier’s payment', async () => {
    await collector.open('/collections');
    const worklist = collector.page;
    await expect.poll(() => countOf(worklist)).toMatch(/^2 /);
    const loanPage = await collector.context.newPage();
    await loanPage.goto(`${collector.server.url}#/loans/${loans[0]}`);
    const heading = loanPage.getByRole('heading', { level: 1 });
    await heading.waitFor();
    expect(await heading.textContent()).not.toContain('Closed');

    const { payoff } = await callersOf(cashier.app).call('loans.get', { id: loans[0]! });
    await cashier.open(`/loans/${loans[0]}`);
    await cashier.page.getByRole('button', { name: 'Record payment' }).click();
    await cashier.page.getByLabel('Amount').fill((payoff / 100).toFixed(2));
    await cashier.page.getByTestId('payment-settles').waitFor();
    await cashier.page.getByRole('button', { name: 'Post payment' }).click();
    await cashier.page.getByTestId('receipt-settled').waitFor();
    const posted = Date.now();

    // Within the two seconds (with room for a loaded CI machine), no reload.
    await expect.poll(() => countOf(worklist), { timeout: 5_000, interval: 100 }).toMatch(/^1 /);
    await heading.getByText('Closed').waitFor({ timeout: 5_000 });
    const seenAfter = Date.now() - posted;
    expect(seenAfter).toBeLessThan(5_000);
    expect(collector.consoleErrors).toEqual([]);
  });
});
