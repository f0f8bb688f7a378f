import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Dispatch } from '../../electron/services/dispatch';
import type { Work } from '../../electron/services/work';
import type { WorkProgress } from '../../shared/contract';
import { CONTENT_SECURITY_POLICY } from '../../electron/security';

/**
 * The loopback stand-in for Electron: it serves the built renderer and answers the same typed
 * contract through the same dispatcher that main's IPC handler uses. A tiny bridge script takes
 * the preload's place. This lives in test/ and never ships in the app.
 */
export const RENDERER_DIR = resolve(__dirname, '../../out/renderer');

// Progress and cancel, which the preload carries over the host's MessagePort, travel here as a
// poll of /api/progress and a POST to /api/cancel, keyed by the call's ticket.
const BRIDGE = `(function () {
  var post = function (path, body) {
    return fetch(path, { method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body) });
  };
  var lastTicket = 0;
  window.pledgebook = {
    call: function (method, input, options) {
      var onProgress = options && options.onProgress;
      var ticket = (options && options.ticket) || (onProgress ? 'progress-' + ++lastTicket : undefined);
      var timer = onProgress ? setInterval(function () {
        post('/api/progress', { ticket: ticket }).then(function (r) { return r.json(); })
          .then(function (p) { if (p) onProgress(p); });
      }, 100) : null;
      return post('/api/call', { method: method, input: input, ticket: ticket })
        .then(function (r) { return r.json(); })
        .finally(function () { if (timer) clearInterval(timer); });
    },
    cancel: function (ticket) { post('/api/cancel', { ticket: ticket }); },
    onCommand: function () { return function () {}; }
  };
})();`;

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export interface LoopbackServer {
  url: string;
  server: Server;
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage, limit = 20 * 1024 * 1024): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new Error('request too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'Cache-Control': 'no-store',
  });
  res.end(body);
}

export async function startLoopbackServer(dispatch: () => Dispatch, port = 0): Promise<LoopbackServer> {
  const root = normalize(RENDERER_DIR + sep);
  /** Calls in flight that the page may ask about or cancel, by ticket. */
  const running = new Map<string, { stop: AbortController; latest: WorkProgress | null }>();
  const startWork = (ticket: string): Work => {
    const call = { stop: new AbortController(), latest: null as WorkProgress | null };
    running.set(ticket, call);
    return { signal: call.stop.signal, progress: (p) => (call.latest = p) };
  };
  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      if (req.method === 'POST' && url.pathname === '/api/call') {
        let payload: { method?: unknown; input?: unknown; ticket?: unknown };
        try {
          payload = JSON.parse(await readBody(req)) as typeof payload;
        } catch {
          send(
            res,
            400,
            'application/json',
            JSON.stringify({
              ok: false,
              error: { code: 'invalid-input', message: 'request body is not JSON' },
            }),
          );
          return;
        }
        const ticket = typeof payload.ticket === 'string' ? payload.ticket : undefined;
        const work = ticket === undefined ? undefined : startWork(ticket);
        try {
          const result = await dispatch()(payload.method, payload.input, work);
          send(res, 200, 'application/json', JSON.stringify(result));
        } finally {
          if (ticket !== undefined) running.delete(ticket);
        }
        return;
      }
      if (req.method === 'POST' && (url.pathname === '/api/progress' || url.pathname === '/api/cancel')) {
        const { ticket } = JSON.parse(await readBody(req)) as { ticket?: unknown };
        const call = typeof ticket === 'string' ? running.get(ticket) : undefined;
        if (url.pathname === '/api/cancel') call?.stop.abort();
        send(res, 200, 'application/json', JSON.stringify(call?.latest ?? null));
        return;
      }
      if (url.pathname === '/favicon.ico') {
        res.writeHead(204).end();
        return;
      }
      if (url.pathname === '/__bridge.js') {
        send(res, 200, MIME['.js']!, BRIDGE);
        return;
      }
      const relative = decodeURIComponent(url.pathname).replace(/^\/+/, '') || 'index.html';
      const file = normalize(join(root, relative));
      if (!file.startsWith(root)) {
        send(res, 403, 'text/plain', 'forbidden');
        return;
      }
      try {
        let body: string | Buffer = await readFile(file);
        if (file.endsWith('index.html')) {
          body = body.toString('utf8').replace('<head>', '<head><script src="/__bridge.js"></script>');
        }
        send(res, 200, MIME[extname(file)] ?? 'application/octet-stream', body);
      } catch {
        send(res, 404, 'text/plain', 'not found');
      }
    })().catch((error: unknown) => {
      send(res, 500, 'text/plain', error instanceof Error ? error.message : 'error');
    });
  });
  await new Promise<void>((resolveListen) => server.listen(port, '127.0.0.1', resolveListen));
  const { port: actual } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${actual}/`,
    server,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
