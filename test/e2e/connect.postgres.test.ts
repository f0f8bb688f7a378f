import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BookChoice } from '../../shared/contract';
import { createSetupDispatcher } from '../../electron/services/office/office.service';
import { adminQuery, startTestCluster, type TestCluster } from '../support/postgres-cluster';
import { startHarness, type Harness } from './harness';

/**
 * A first run, in Chinese at 1366×768: the PC has no book yet, and the clerk connects it to the
 * office database. A wrong password is refused in words; the right one is tested, then kept.
 */
let cluster: TestCluster;
let h: Harness;
const chosen: BookChoice[] = [];

describe('first run: choosing where the book is kept', () => {
  beforeAll(async () => {
    cluster = await startTestCluster();
    await adminQuery(cluster.adminUrl, 'DROP DATABASE IF EXISTS office_connect');
    await adminQuery(cluster.adminUrl, 'CREATE DATABASE office_connect');
    h = await startHarness({
      locale: 'zh-CN',
      serve: () =>
        createSetupDispatcher({
          savePdf: async () => ({ saved: false }),
          chooseBook: async (choice) => void chosen.push(choice),
        }),
    });
    await h.page.setViewportSize({ width: 1366, height: 768 });
  }, 120_000);
  afterAll(async () => {
    await h?.close();
    cluster?.stop();
  });

  it('tests the office database, says what failed, and keeps the details once they work', async () => {
    const { page } = h;
    const server = new URL(cluster.urlOf('office_connect'));
    await page.goto(h.server.url);
    await page.getByRole('heading', { name: '账簿存放在哪里？' }).waitFor();
    await page.getByLabel('办公室数据库').check();
    await page.getByLabel('服务器名称或地址').fill(server.hostname);
    await page.getByLabel('端口').fill(server.port);
    await page.getByLabel('数据库', { exact: true }).fill('office_connect');
    await page.getByLabel('用户名').fill(decodeURIComponent(server.username));
    await page.getByLabel('密码', { exact: true }).fill('not-the-password');
    await page.getByRole('button', { name: '测试连接' }).click();
    await expect
      .poll(() => page.getByTestId('connection-refused').textContent())
      .toBe(`服务器拒绝了用户 ${decodeURIComponent(server.username)} 的用户名或密码。`);
    await h.screenshot('connect-refused-zh');

    await page.getByLabel('数据库', { exact: true }).fill('no_such_book');
    await page.getByLabel('密码', { exact: true }).fill(decodeURIComponent(server.password));
    await page.getByRole('button', { name: '测试连接' }).click();
    await expect.poll(() => page.getByTestId('connection-refused').textContent()).toContain('no_such_book');

    await page.getByLabel('数据库', { exact: true }).fill('office_connect');
    await page.getByRole('button', { name: '测试连接' }).click();
    const ok = page.getByTestId('connection-ok');
    await ok.waitFor();
    expect(await ok.textContent()).toMatch(/^已连接到 PostgreSQL 1\d\.\d+。数据库为空：将在其中新建账簿。$/);
    await h.screenshot('connect-tested-zh');
    expect(chosen).toEqual([]);

    await page.getByRole('button', { name: '使用办公室数据库' }).click();
    await page.getByTestId('book-chosen').waitFor();
    expect(chosen).toEqual([
      {
        kind: 'server',
        connection: {
          host: server.hostname,
          port: Number(server.port),
          database: 'office_connect',
          user: decodeURIComponent(server.username),
          password: decodeURIComponent(server.password),
          tls: 'off',
          caFile: '',
        },
      },
    ]);
    expect(h.consoleErrors.filter((e) => !e.includes('Failed to load resource'))).toEqual([]);
  });
});
