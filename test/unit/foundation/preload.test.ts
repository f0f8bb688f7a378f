import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { API_CHANNEL } from '../../../electron/ipc';

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
    call: (method: string, input: unknown) => Promise<unknown>;
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
    expect(new Set(methods)).toEqual(new Set(['invoke', 'on', 'removeListener']));
  });

  it('talks on the same channel main listens on', () => {
    expect(code).toContain(`'${API_CHANNEL}'`);
  });
});

describe('the preload script (run against a fake Electron)', () => {
  it('gives the page call() and onCommand() and nothing else', async () => {
    const api = await loadPreload();
    expect(electron.exposed[0]?.name).toBe('pledgebook');
    expect(Object.keys(api as object).sort()).toEqual(['call', 'onCommand']);
    const values = reachable(api);
    expect(values).not.toContain(electron.ipcRenderer);
    for (const fn of Object.values(electron.ipcRenderer)) expect(values).not.toContain(fn);
  });

  it('forwards call() to the one API channel, with the method and input only', async () => {
    const api = await loadPreload();
    await api.call('settings.get', {});
    expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith(API_CHANNEL, 'settings.get', {});
  });

  it('passes menu commands to the page only when they are strings, and can stop listening', async () => {
    const api = await loadPreload();
    const heard: string[] = [];
    const stop = api.onCommand((c) => heard.push(c));
    const [channel, handler] = electron.ipcRenderer.on.mock.calls.at(-1) as [
      string,
      (...a: unknown[]) => void,
    ];
    expect(channel).toBe('pledgebook:command');

    handler({ sender: 'event' }, 'about');
    handler({ sender: 'event' }, { evil: true });
    expect(heard).toEqual(['about']);

    stop();
    expect(electron.ipcRenderer.removeListener).toHaveBeenCalledWith('pledgebook:command', handler);
  });
});
