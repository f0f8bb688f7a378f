import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BackupOverview, Result, UserRow } from '../../shared/contract';
import { givenACarTitleLoan } from '../support/fixtures';
import { startHarness, type Harness } from './harness';

/**
 * Settings → Backups and Settings → Users in a real browser. The book holds one borrower with the
 * 60,000 car-title loan and its first installment paid. Main's folder dialog is a stand-in that
 * answers with a temporary folder; restoring needs the desktop app, so only the preview is driven.
 */
const chosenFolder = mkdtempSync(join(tmpdir(), 'pledgebook-e2e-backups-'));
let restoreAsked: string[] = [];

describe('backups and users in Settings', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({
      locale: 'en-US',
      platform: {
        savePdf: async () => ({ saved: false }),
        chooseFolder: async () => chosenFolder,
        restartWithBackup: async (path) => void restoreAsked.push(path),
      },
      seed: async (app) => {
        const { loanId } = await givenACarTitleLoan(app.dispatch);
        const paid = await app.dispatch('payments.record', {
          loanId,
          date: '2026-04-10',
          amount: 533_093,
          method: 'cash',
        });
        if (!paid.ok) throw new Error(paid.error.message);
      },
    });
  });
  afterAll(async () => {
    await h?.close();
    rmSync(chosenFolder, { recursive: true, force: true });
  });

  it('chooses a folder, backs up now, lists the backup with its counts and previews a restore', async () => {
    restoreAsked = [];
    await h.open('/settings/backups');
    const card = h.page
      .locator('section.card, .card')
      .filter({ has: h.page.getByRole('heading', { name: 'Backups' }) });
    await card.getByRole('button', { name: 'Choose folder…' }).click();
    await expect.poll(() => card.getByTestId('backup-folder').textContent()).toBe(chosenFolder);

    await card.getByRole('button', { name: 'Back up now' }).click();
    await card.getByText(/Backed up and verified: pledgebook-2026-06-15T/).waitFor();
    const list = card.getByRole('table', { name: 'Backups in the folder' });
    const row = list.getByRole('row').nth(1);
    await row.waitFor();
    const cells = await row.getByRole('cell').allTextContents();
    // Kind, loans, payments, contacts.
    expect(cells.slice(1, 5)).toEqual(['Manual', '1', '1', '1']);
    await h.screenshot('settings-backups');

    await row.getByRole('button', { name: 'Restore…' }).click();
    const dialog = h.page.getByRole('dialog', { name: 'Restore this backup?' });
    await dialog.getByTestId('restore-preview').waitFor();
    const preview = await dialog.getByTestId('restore-preview').innerText();
    expect(preview).toMatch(/Loans\s+1/);
    expect(preview).toMatch(/Payments\s+1/);
    expect(preview).toMatch(/Contacts\s+1/);
    await h.screenshot('settings-restore-preview');
    await dialog.getByRole('button', { name: 'Restore and restart' }).click();
    await dialog.getByRole('status').waitFor();
    expect(restoreAsked).toHaveLength(1);
    expect(restoreAsked[0]!.startsWith(chosenFolder)).toBe(true);
    await h.page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
  });

  it('refuses an interval of 0 hours beside the field and saves nothing', async () => {
    await h.open('/settings/backups');
    await h.page.getByLabel('Back up automatically every (hours)').fill('0');
    await h.page.getByLabel('Keep monthly backups').fill('24');
    await h.page.getByLabel('Keep monthly backups').press('Enter');
    // The field's label carries the unit (hours); the refusal beside it gives the minimum.
    await h.page.getByText('Must be at least 1.').waitFor();
    const overview = (await h.app.dispatch('backups.overview', {})) as Result<BackupOverview>;
    expect(overview.ok && overview.value.settings).toMatchObject({ everyHours: 4, keepMonthly: 12 });
  });

  it('the owner adds a collector with the Users card', async () => {
    await h.open('/settings/users');
    const card = h.page
      .locator('.card')
      .filter({ has: h.page.getByRole('heading', { name: 'Users', exact: true }) });
    await card.getByLabel('Username', { exact: true }).fill('li');
    await card.getByLabel('Name', { exact: true }).fill('李娜');
    await card.getByLabel('Role', { exact: true }).selectOption('collector');
    await card.getByLabel('Initial password', { exact: true }).fill('short');
    await card.getByRole('button', { name: 'Add user' }).click();
    await card.getByText('Must have at least 10 characters.').waitFor();
    await card.getByLabel('Initial password', { exact: true }).fill('a long passphrase');
    await card.getByRole('button', { name: 'Add user' }).click();
    await card.getByTestId('user-li').waitFor();
    const users = (await h.app.dispatch('users.list', {})) as Result<UserRow[]>;
    expect(users.ok && users.value.map((u) => [u.username, u.displayName, u.role, u.active])).toEqual([
      ['li', '李娜', 'collector', true],
    ]);
    expect(h.consoleErrors).toEqual([]);
  });
});
