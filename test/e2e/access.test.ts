import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness';

describe('first run and sign-in', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ locale: 'en-US' });
    // The harness acts as the system; the desktop app starts with nobody signed in.
    h.app.session.signOut();
  });
  afterAll(async () => h?.close());

  it('sets up the owner on first run, signs out, and is refused a wrong password before signing in', async () => {
    await h.page.goto(`${h.server.url}#/`);
    await h.page.getByRole('heading', { level: 1, name: 'Set up the owner account' }).waitFor();
    // The first field has focus, so the owner can start typing at once.
    expect(await h.page.locator(':focus').getAttribute('id')).toBe('username');
    await h.screenshot('first-run');
    await h.page.getByLabel('Username').fill('chen');
    await h.page.getByLabel('Your name').fill('陈老板');
    await h.page.getByLabel('Password').fill('a long passphrase');
    await h.page.getByRole('button', { name: 'Create owner and sign in' }).click();

    // Set-up goes on to ask who the company is: every document will name it.
    await h.page.getByRole('heading', { level: 1, name: 'Your company' }).waitFor();
    await h.page.getByLabel('Company name').fill('安信小额贷款有限公司');
    await h.page.getByLabel('Licence number').fill('沪金融办〔2019〕112号');
    await h.page.getByLabel('Contact who signs letters').fill('李敏');
    // The letterhead preview follows what is typed.
    await h.page.getByTestId('letterhead').getByText('Licence No. 沪金融办〔2019〕112号').waitFor();
    await h.screenshot('first-run-company');
    await h.page.getByRole('button', { name: 'Save and continue' }).click();
    await h.page.getByRole('navigation').getByRole('link', { name: 'Dashboard' }).waitFor();
    expect(await h.app.dispatch('settings.get', {})).toMatchObject({
      ok: true,
      value: {
        companyName: '安信小额贷款有限公司',
        companyLicence: '沪金融办〔2019〕112号',
        contactName: '李敏',
      },
    });
    expect(await h.page.getByText('Signed in as 陈老板 (Owner)').count()).toBe(1);

    await h.page.getByRole('button', { name: 'Sign out' }).click();
    await h.page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await h.page.getByLabel('Username').fill('chen');
    await h.page.getByLabel('Password').fill('not the passphrase');
    await h.page.getByRole('button', { name: 'Sign in' }).click();
    await h.page.getByText('Wrong username or password.').waitFor();
    expect(h.app.session.actor()).toBeNull();

    await h.screenshot('sign-in-refused');
    // Enter in the password field signs in, as in any form.
    await h.page.getByLabel('Password').fill('a long passphrase');
    await h.page.getByLabel('Password').press('Enter');
    await h.page.getByRole('navigation').getByRole('link', { name: 'Dashboard' }).waitFor();
    expect(h.app.session.actor()?.username).toBe('chen');
  });
});
