import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { COMMAND_CHANNEL, PORT_CHANNEL, PORT_REQUEST_CHANNEL } from '../../../electron/ipc';

const PRELOAD_SOURCE = readFileSync(join(__dirname, '../../../electron/preload.ts'), 'utf8');

// The preload runs in the sandbox with `contextBridge` and `ipcRenderer` from Electron; these
// fakes record what it hands to the page.
const electron = vi.hoisted(() => {
  const exposed: { name: string; api: unknown }[] = [];
  const ipcRenderer = {
    invoke: vi.fn(async (..._args: unknown[]) => ({ ok: true, value: null })),
    on: vi.fn(),
    removeListener: vi.fn(),
    send: vi.fn(),
    sendSync: vi.fn(),
  };
  const contextBridge = {
    exposeInMainWorld: vi.fn((name: string, api: unknown) => exposed.push({ name, api })),
  };
  return { exposed, ipcRenderer, contextBridge };
});
vi.mock('electron', () => ({ contextBridge: electron.contextBridge, ipcRenderer: electron.ipcRenderer }));

async function loadPreload() {
  await import('../../../electron/preload');
  expect(electron.exposed).toHaveLength(1);
  return electron.exposed[0]!.api as {
    call: (
      method: string,
      input: unknown,
      options?: { ticket?: string; onProgress?: (p: unknown) => void },
    ) => Promise<unknown>;
    cancel: (ticket: string) => void;
    onCommand: (listener: (command: string) => void) => () => void;
  };
}

/** Every value reachable from the exposed object, to make sure none of them is ipcRenderer. */
function reachable(value: unknown, seen = new Set<unknown>()): unknown[] {
  if (value === null || (typeof value !== 'object' && typeof value !== 'function') || seen.has(value))
    return [];
  seen.add(value);
  return [value, ...Object.values(value as object).flatMap((v) => reachable(v, seen))];
}

describe('the preload script (source)', () => {
  const code = PRELOAD_SOURCE.replace(/\/\/.*$/gm, '').replace(/\/\*[\s\S]*?\*\//g, '');

  it('exposes exactly one object, named pledgebook, through contextBridge', () => {
    const calls = [...code.matchAll(/exposeInMainWorld\(\s*(['"`])([^'"`]+)\1/g)].map((m) => m[2]);
    expect(calls).toEqual(['pledgebook']);
    expect(code.match(/exposeInMainWorld/g)).toHaveLength(1);
    expect(code).not.toMatch(/exposeInIsolatedWorld/);
  });

  it('only calls methods on ipcRenderer and never passes it around as a value', () => {
    const uses = [...code.matchAll(/\bipcRenderer\b(.{0,1})/g)].map((m) => m[1]);
    // One use in the import list (followed by a space or brace), every other one is `ipcRenderer.`.
    const bare = uses.filter((next) => next !== '.');
    expect(bare).toHaveLength(1);
    expect(code).toMatch(/import\s*\{[^}]*\bipcRenderer\b[^}]*\}\s*from\s*'electron'/);
    const methods = [...code.matchAll(/\bipcRenderer\.(\w+)/g)].map((m) => m[1]);
    expect(new Set(methods)).toEqual(new Set(['send', 'on', 'removeListener']));
  });

  it('talks on the same channels main listens and answers on', () => {
    for (const channel of [PORT_REQUEST_CHANNEL, PORT_CHANNEL, COMMAND_CHANNEL]) {
      expect(code).toContain(`'${channel}'`);
    }
  });
});

describe('the preload script (run against a fake Electron)', () => {
  it('gives the page call(), cancel() and onCommand() and nothing else', async () => {
    const api = await loadPreload();
    expect(electron.exposed[0]?.name).toBe('pledgebook');
    expect(Object.keys(api as object).sort()).toEqual(['call', 'cancel', 'onCommand']);
    const values = reachable(api);
    expect(values).not.toContain(electron.ipcRenderer);
    for (const fn of Object.values(electron.ipcRenderer)) expect(values).not.toContain(fn);
  });

  /** A MessagePort as the page's world sees it: what the preload posts, and a way to answer. */
  function fakePort() {
    const port = {
      posted: [] as { kind: string; id: number; method?: string; input?: unknown }[],
      onmessage: null as null | ((e: { data: unknown }) => void),
      postMessage(message: never) {
        port.posted.push(message);
      },
      answer(data: unknown) {
        port.onmessage?.({ data });
      },
    };
    return port;
  }
  const deliver = (port: ReturnType<typeof fakePort>) => {
    const [, handler] = electron.ipcRenderer.on.mock.calls.find((c) => c[0] === PORT_CHANNEL) as [
      string,
      (event: unknown) => void,
    ];
    handler({ ports: [port] });
  };

  it('asks main for its port, holds calls until it comes, then sends them with method and input only', async () => {
    const api = await loadPreload();
    expect(electron.ipcRenderer.send).toHaveBeenCalledWith(PORT_REQUEST_CHANNEL);
    const port = fakePort();
    const answer = api.call('settings.get', {});
    deliver(port);
    expect(port.posted).toEqual([{ kind: 'call', id: 1, method: 'settings.get', input: {} }]);
    port.answer({ kind: 'result', id: 1, result: { ok: true, value: 'kept' } });
    expect(await answer).toEqual({ ok: true, value: 'kept' });
  });

  it('passes progress to the page and turns cancel(ticket) into a cancel of that call', async () => {
    const api = await loadPreload();
    const port = fakePort();
    deliver(port);
    const heard: unknown[] = [];
    const running = api.call('import.commit', {}, { ticket: 't1', onProgress: (p) => heard.push(p) });
    const { id } = port.posted.at(-1)!;
    port.answer({ kind: 'progress', id, progress: { phase: 'loans', done: 5, total: 9 } });
    api.cancel('t1');
    expect(port.posted.at(-1)).toEqual({ kind: 'cancel', id });
    port.answer({ kind: 'result', id, result: { ok: false, error: { code: 'cancelled', message: 'x' } } });
    expect(await running).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    expect(heard).toEqual([{ phase: 'loans', done: 5, total: 9 }]);
  });

  it('refuses every call, at once, when main refuses this page a port', async () => {
    vi.resetModules();
    electron.exposed.length = 0;
    electron.ipcRenderer.on.mockClear();
    const api = await loadPreload();
    const waiting = api.call('auth.status', {});
    const [, handler] = electron.ipcRenderer.on.mock.calls.find((c) => c[0] === PORT_CHANNEL) as [
      string,
      (event: unknown, message: unknown) => void,
    ];
    handler({ ports: [] }, 'refused');
    expect(await waiting).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    expect(await api.call('auth.status', {})).toMatchObject({
      ok: false,
      error: { code: 'forbidden-sender' },
    });
  });

  it('answers the calls a dead host was serving when main hands over a new port', async () => {
    const api = await loadPreload();
    const first = fakePort();
    deliver(first);
    const lost = api.call('payments.record', {});
    deliver(fakePort());
    expect(await lost).toMatchObject({ ok: false, error: { code: 'unavailable', reason: 'host.stopped' } });
  });

  it('passes menu commands to the page only when they are strings, and can stop listening', async () => {
    const api = await loadPreload();
    const heard: string[] = [];
    const stop = api.onCommand((c) => heard.push(c));
    const [channel, handler] = electron.ipcRenderer.on.mock.calls.at(-1) as [
      string,
      (...a: unknown[]) => void,
    ];
    expect(channel).toBe(COMMAND_CHANNEL);

    handler({ sender: 'event' }, 'about');
    handler({ sender: 'event' }, { evil: true });
    expect(heard).toEqual(['about']);

    stop();
    expect(electron.ipcRenderer.removeListener).toHaveBeenCalledWith('pledgebook:command', handler);
  });
});
