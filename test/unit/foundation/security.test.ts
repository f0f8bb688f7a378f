import type { BrowserWindow, BrowserWindowConstructorOptions, Session, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import {
  APP_ORIGIN,
  CONTENT_SECURITY_POLICY,
  isAllowedExternalUrl,
  isAppUrl,
  lockDownSession,
  lockDownWebContents,
} from '../../../electron/security';
import { createMainWindow } from '../../../electron/window';

type Listener = (...args: unknown[]) => void;
type OpenHandler = (details: { url: string }) => { action: 'allow' | 'deny' };

/** A stand-in for Electron's WebContents that records what the app hooks up. */
class FakeWebContents {
  readonly listeners = new Map<string, Listener[]>();
  openHandler: OpenHandler | undefined;

  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }

  setWindowOpenHandler(handler: OpenHandler): void {
    this.openHandler = handler;
  }

  /** Fires an event the way Chromium would and says whether the app vetoed it. */
  emitCancelable(event: string, ...args: unknown[]): boolean {
    const preventDefault = vi.fn();
    const listeners = this.listeners.get(event) ?? [];
    expect(listeners.length, `a ${event} listener is registered`).toBeGreaterThan(0);
    for (const listener of listeners) listener({ preventDefault }, ...args);
    return preventDefault.mock.calls.length > 0;
  }

  asWebContents(): WebContents {
    return this as unknown as WebContents;
  }
}

function fakeShell() {
  return { openExternal: vi.fn(async (_url: string) => undefined) };
}

const DEV_SERVER = 'http://localhost:5173';

describe('the main window', () => {
  const created: { options: BrowserWindowConstructorOptions; window: FakeWindow }[] = [];

  class FakeWindow {
    readonly webContents = new FakeWebContents();
    readonly loadURL = vi.fn(async (_url: string) => undefined);
    readonly show = vi.fn();
    private readonly onceListeners = new Map<string, Listener>();

    constructor(options: BrowserWindowConstructorOptions) {
      created.push({ options, window: this });
    }

    once(event: string, listener: Listener): this {
      this.onceListeners.set(event, listener);
      return this;
    }

    fire(event: string): void {
      this.onceListeners.get(event)?.();
    }
  }

  function openWindow(devServerUrl?: string) {
    created.length = 0;
    const shell = fakeShell();
    createMainWindow({
      BrowserWindow: FakeWindow as unknown as new (o: BrowserWindowConstructorOptions) => BrowserWindow,
      shell,
      preloadDir: '/app/out/preload',
      devServerUrl,
    });
    expect(created).toHaveLength(1);
    return { ...created[0]!, shell };
  }

  it('is created isolated and sandboxed, with no Node and no <webview>', () => {
    const { options } = openWindow();
    expect(options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
    });
  });

  it('loads the preload script from the preload folder it was given', () => {
    const { options } = openWindow();
    expect(options.webPreferences?.preload?.replace(/\\/g, '/')).toBe('/app/out/preload/preload.js');
  });

  it('loads the packaged app from the app:// origin, or the dev server while developing', () => {
    expect(openWindow().window.loadURL).toHaveBeenCalledWith(`${APP_ORIGIN}/index.html`);
    expect(openWindow(DEV_SERVER).window.loadURL).toHaveBeenCalledWith(DEV_SERVER);
  });

  it('stays hidden until the page is ready, then shows itself', () => {
    const { window } = openWindow();
    expect(window.show).not.toHaveBeenCalled();
    window.fire('ready-to-show');
    expect(window.show).toHaveBeenCalledTimes(1);
  });

  it('locks down its web contents as soon as it is created', () => {
    const { window, shell } = openWindow();
    expect(window.webContents.emitCancelable('will-navigate', 'https://evil.example/')).toBe(true);
    expect(window.webContents.openHandler?.({ url: 'https://github.com/x' })).toEqual({ action: 'deny' });
    expect(shell.openExternal).toHaveBeenCalledWith('https://github.com/x');
  });
});

describe('navigation', () => {
  function lockedDown(devServerUrl?: string) {
    const contents = new FakeWebContents();
    const shell = fakeShell();
    lockDownWebContents(contents.asWebContents(), shell, devServerUrl);
    return { contents, shell };
  }

  describe.each(['will-navigate', 'will-redirect'])('%s', (event) => {
    it.each([
      'https://evil.example/phish',
      'http://localhost:5173/',
      'file:///C:/Windows/System32/calc.exe',
      'javascript:alert(1)',
      'app://pledgebook.evil.example/index.html',
      'app://evil/index.html',
      'not a url',
    ])('is prevented for a foreign URL: %s', (url) => {
      expect(lockedDown().contents.emitCancelable(event, url)).toBe(true);
    });

    it.each([`${APP_ORIGIN}/index.html`, `${APP_ORIGIN}/loans/12`, `${APP_ORIGIN}/`])(
      'is allowed within the app origin: %s',
      (url) => {
        expect(lockedDown().contents.emitCancelable(event, url)).toBe(false);
      },
    );

    it('is allowed to the dev server only while developing', () => {
      expect(lockedDown(DEV_SERVER).contents.emitCancelable(event, `${DEV_SERVER}/loans`)).toBe(false);
      expect(lockedDown(DEV_SERVER).contents.emitCancelable(event, 'http://localhost:5174/')).toBe(true);
      expect(lockedDown().contents.emitCancelable(event, `${DEV_SERVER}/loans`)).toBe(true);
    });
  });

  it('never lets a page attach a <webview>', () => {
    expect(lockedDown().contents.emitCancelable('will-attach-webview', {}, {})).toBe(true);
  });
});

describe('window.open and target=_blank links', () => {
  function openFromPage(url: string) {
    const contents = new FakeWebContents();
    const shell = fakeShell();
    lockDownWebContents(contents.asWebContents(), shell);
    const decision = contents.openHandler?.({ url });
    return { decision, shell };
  }

  it('sends an allowlisted https link to the system browser and opens no window', () => {
    const { decision, shell } = openFromPage('https://www.sqlite.org/lang_vacuum.html');
    expect(decision).toEqual({ action: 'deny' });
    expect(shell.openExternal).toHaveBeenCalledExactlyOnceWith('https://www.sqlite.org/lang_vacuum.html');
  });

  it.each([
    ['an https site that is not on the allowlist', 'https://evil.example/'],
    ['a look-alike host', 'https://github.com.evil.example/'],
    ['an allowlisted name used as a user name', 'https://github.com@evil.example/'],
    ['plain http to an allowlisted host', 'http://github.com/'],
    ['a local file', 'file:///etc/passwd'],
    ['a script URL', 'javascript:alert(document.cookie)'],
    ['the app itself', `${APP_ORIGIN}/index.html`],
  ])('denies %s and opens nothing', (_what, url) => {
    const { decision, shell } = openFromPage(url);
    expect(decision).toEqual({ action: 'deny' });
    expect(shell.openExternal).not.toHaveBeenCalled();
  });
});

describe('URL classification', () => {
  it('treats only https links under an allowlisted prefix as external-safe', () => {
    expect(isAllowedExternalUrl('https://github.com/pledgebook/pledgebook/issues')).toBe(true);
    expect(isAllowedExternalUrl('https://gist.github.com/')).toBe(false);
    expect(isAllowedExternalUrl('')).toBe(false);
  });

  it('recognises the app origin and nothing that merely resembles it', () => {
    expect(isAppUrl('app://pledgebook/settings')).toBe(true);
    expect(isAppUrl('app://pledgebook:8080/settings')).toBe(false);
    expect(isAppUrl('app://user@evil/settings')).toBe(false);
    expect(isAppUrl('https://pledgebook/settings')).toBe(false);
  });
});

describe('the session', () => {
  type PermissionRequest = (
    contents: unknown,
    permission: string,
    callback: (granted: boolean) => void,
  ) => void;
  type PermissionCheck = (contents: unknown, permission: string) => boolean;
  type HeadersHook = (
    details: { responseHeaders?: Record<string, string[]> },
    callback: (response: { responseHeaders?: Record<string, string[]> }) => void,
  ) => void;

  function lockedDownSession() {
    const hooks: { request?: PermissionRequest; check?: PermissionCheck; headers?: HeadersHook } = {};
    const session = {
      setPermissionRequestHandler: (h: PermissionRequest) => (hooks.request = h),
      setPermissionCheckHandler: (h: PermissionCheck) => (hooks.check = h),
      webRequest: { onHeadersReceived: (h: HeadersHook) => (hooks.headers = h) },
    };
    lockDownSession(session as unknown as Session);
    return hooks;
  }

  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal'])(
    'denies a request for %s',
    (permission) => {
      const { request } = lockedDownSession();
      const callback = vi.fn();
      request?.({}, permission, callback);
      expect(callback).toHaveBeenCalledExactlyOnceWith(false);
    },
  );

  it('answers every permission check with no', () => {
    const { check } = lockedDownSession();
    expect(check?.({}, 'media')).toBe(false);
    expect(check?.({}, 'clipboard-sanitized-write')).toBe(false);
  });

  it('adds the Content-Security-Policy header to every response and keeps the others', () => {
    const { headers } = lockedDownSession();
    const callback = vi.fn();
    headers?.({ responseHeaders: { 'Content-Type': ['text/html'] } }, callback);
    expect(callback).toHaveBeenCalledExactlyOnceWith({
      responseHeaders: {
        'Content-Type': ['text/html'],
        'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
      },
    });
  });
});

describe('the Content-Security-Policy', () => {
  const directives = new Map(
    CONTENT_SECURITY_POLICY.split(';').map((d) => {
      const [name = '', ...values] = d.trim().split(/\s+/);
      return [name, values] as const;
    }),
  );

  it("starts from default-src 'none'", () => {
    expect(directives.get('default-src')).toEqual(["'none'"]);
  });

  it('allows no inline script or style and no eval', () => {
    expect(CONTENT_SECURITY_POLICY).not.toContain("'unsafe-inline'");
    expect(CONTENT_SECURITY_POLICY).not.toContain("'unsafe-eval'");
    expect(CONTENT_SECURITY_POLICY).not.toContain("'wasm-unsafe-eval'");
  });

  it('loads script only from the app itself and allows no plugins, framing or form posts', () => {
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(directives.get('form-action')).toEqual(["'none'"]);
  });

  it('names no remote host anywhere', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|\*/);
  });
});
