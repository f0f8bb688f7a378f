/**
 * All of Pledgebook's Electron hardening lives here, in one place, so it can be reviewed and
 * tested as a unit (VS Code keeps its security measures in one marked region for the same reason).
 */
import type { BrowserWindowConstructorOptions, Session, WebContents } from 'electron';

export const APP_SCHEME = 'app';
export const APP_HOST = 'pledgebook';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/**
 * No inline script, no eval, no remote code. Styles set through React's `style` prop go through
 * the CSSOM and are not affected by style-src, so 'unsafe-inline' is not needed either.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "object-src 'none'",
].join('; ');

/** Links that may leave the app, and only to the system browser. */
export const EXTERNAL_LINK_ALLOWLIST: readonly string[] = ['https://github.com/', 'https://www.sqlite.org/'];

export function isAllowedExternalUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:') return false;
  return EXTERNAL_LINK_ALLOWLIST.some((prefix) => parsed.href.startsWith(prefix));
}

export function secureWebPreferences(preloadPath: string): BrowserWindowConstructorOptions['webPreferences'] {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: false,
    navigateOnDragDrop: false,
  };
}

/** Is this URL one of our own pages (the packaged app, or the dev server while developing)? */
export function isAppUrl(url: string, devServerUrl?: string): boolean {
  try {
    const parsed = new URL(url);
    if (parsed.origin === APP_ORIGIN || `${parsed.protocol}//${parsed.host}` === APP_ORIGIN) return true;
    return devServerUrl !== undefined && parsed.origin === new URL(devServerUrl).origin;
  } catch {
    return false;
  }
}

export interface ExternalOpener {
  openExternal(url: string): Promise<void>;
}

/** The app never navigates away from itself and never opens windows; allowed links go to the OS browser. */
export function lockDownWebContents(
  contents: WebContents,
  shell: ExternalOpener,
  devServerUrl?: string,
): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, devServerUrl)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url, devServerUrl)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
}

/** Camera, microphone, notifications-by-prompt, geolocation… nothing is granted to web content. */
export function lockDownSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });
  });
}

/** IPC is answered only for our own top-level frame, never for an iframe or a foreign page. */
export function isTrustedSender(
  frame: { url: string; parent: unknown } | null | undefined,
  devServerUrl?: string,
): boolean {
  if (!frame) return false;
  if (frame.parent !== null) return false;
  return isAppUrl(frame.url, devServerUrl);
}
