import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAppProtocolHandler } from '../../../electron/protocol';
import { APP_ORIGIN, CONTENT_SECURITY_POLICY } from '../../../electron/security';

const INDEX_HTML = '<!doctype html><title>Pledgebook</title><div id="root"></div>';
const APP_JS = 'console.log("pledgebook renderer")';
const SECRET = 'borrower ID numbers, do not serve';

let base: string;
let serve: (request: { url: string }) => Promise<Response>;

// base/renderer holds the built UI; base/secret.txt and base/renderer-secrets/ sit just outside it.
beforeEach(() => {
  base = mkdtempSync(join(tmpdir(), 'pledgebook-protocol-'));
  const renderer = join(base, 'renderer');
  mkdirSync(join(renderer, 'assets'), { recursive: true });
  writeFileSync(join(renderer, 'index.html'), INDEX_HTML);
  writeFileSync(join(renderer, 'assets', 'app.js'), APP_JS);
  writeFileSync(join(base, 'secret.txt'), SECRET);
  mkdirSync(join(base, 'renderer-secrets'));
  writeFileSync(join(base, 'renderer-secrets', 'keys.txt'), SECRET);
  serve = createAppProtocolHandler(renderer);
});
afterEach(() => {
  rmSync(base, { recursive: true, force: true });
});

const get = (path: string) => serve({ url: `${APP_ORIGIN}${path}` });

describe('the app:// protocol', () => {
  it('serves index.html as HTML with the Content-Security-Policy header', async () => {
    const response = await get('/index.html');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(INDEX_HTML);
    expect(response.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
  });

  it('serves index.html for the bare origin', async () => {
    const response = await get('/');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(INDEX_HTML);
  });

  it('serves a built asset with its own content type and the CSP header', async () => {
    const response = await get('/assets/app.js');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(APP_JS);
    expect(response.headers.get('Content-Type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it.each(['/loans', '/loans/42', '/borrowers/7/collateral', '/settings?tab=about'])(
    'falls back to index.html for the client-side route %s, so a reload keeps working',
    async (route) => {
      const response = await get(route);
      expect(response.status).toBe(200);
      expect(await response.text()).toBe(INDEX_HTML);
      expect(response.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
    },
  );

  it('answers 404 for a missing asset instead of serving index.html', async () => {
    const response = await get('/assets/missing.js');
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('<title>');
  });

  it.each([
    ['an encoded slash after ..', '/%2e%2e%2fsecret.txt'],
    ['an encoded .. and slash', '/%2E%2E%2Fsecret.txt'],
    ['an encoded backslash after ..', '/..%5csecret.txt'],
    ['a sibling folder sharing the prefix', '/%2e%2e%2frenderer-secrets%2fkeys.txt'],
    ['an absolute path', 'ABSOLUTE'],
  ])('refuses to climb out of the renderer folder with %s', async (_how, path) => {
    const response = await get(
      path === 'ABSOLUTE' ? `/${encodeURIComponent(join(base, 'secret.txt'))}` : path,
    );
    expect(response.status).not.toBe(200);
    expect(await response.text()).not.toContain(SECRET);
  });

  it('answers 403 Forbidden for URL-encoded traversal', async () => {
    expect((await get('/%2e%2e%2fsecret.txt')).status).toBe(403);
    expect((await get('/assets/%2e%2e%2f%2e%2e%2fsecret.txt')).status).toBe(403);
  });

  it.each(['/../secret.txt', '/%2e%2e/secret.txt', '/assets/../../secret.txt'])(
    'never serves a file outside the folder for %s (the URL parser collapses the dots)',
    async (path) => {
      const response = await get(path);
      expect(await response.text()).not.toContain(SECRET);
    },
  );

  it('answers 400 for a malformed percent-encoding instead of throwing', async () => {
    const response = await get('/assets/%E0%A4%A.js');
    expect(response.status).toBe(400);
  });
});
