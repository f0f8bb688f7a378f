import { extname, join, normalize, sep } from 'node:path';
import { readFile } from 'node:fs/promises';
import { CONTENT_SECURITY_POLICY } from './security';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
};

/**
 * Serves the built renderer for `app://pledgebook/...`. Unknown paths fall back to index.html so
 * client-side routes survive a reload; paths that climb out of the renderer folder are refused.
 */
export function createAppProtocolHandler(rendererDir: string) {
  const root = normalize(rendererDir + sep);
  return async (request: { url: string }): Promise<Response> => {
    const { pathname } = new URL(request.url);
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      return new Response('Bad request', { status: 400 }); // malformed %-escape
    }
    const relative = decoded.replace(/^\/+/, '') || 'index.html';
    const target = normalize(join(root, relative));
    if (!target.startsWith(root)) return new Response('Forbidden', { status: 403 });
    const file = extname(target) ? target : join(root, 'index.html');
    try {
      const body = await readFile(file);
      return new Response(body, {
        headers: {
          'Content-Type': MIME[extname(file)] ?? 'application/octet-stream',
          'Content-Security-Policy': CONTENT_SECURITY_POLICY,
          'X-Content-Type-Options': 'nosniff',
        },
      });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  };
}
