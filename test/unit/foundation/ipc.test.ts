import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { ok, type Result } from '../../../shared/contract';
import { API_CHANNEL, handleApiCall, registerApi } from '../../../electron/ipc';
import { APP_ORIGIN } from '../../../electron/security';
import type { Dispatch } from '../../../electron/services/dispatch';

type Frame = { url: string; parent: unknown } | null;

const event = (frame: Frame) =>
  ({ senderFrame: frame }) as unknown as Pick<IpcMainInvokeEvent, 'senderFrame'>;
const appFrame = (path = '/index.html'): Frame => ({ url: `${APP_ORIGIN}${path}`, parent: null });

function spyDispatch() {
  return vi.fn<Dispatch>(async () => ok({ version: 'test' }));
}

describe('an API call over IPC', () => {
  it.each<[string, Frame]>([
    ['a foreign page', { url: 'https://evil.example/', parent: null }],
    ['a local file', { url: 'file:///tmp/evil.html', parent: null }],
    ['an iframe inside the app window', { url: `${APP_ORIGIN}/index.html`, parent: appFrame() }],
    ['a frame that has already gone away', null],
    ['the dev server when not developing', { url: 'http://localhost:5173/', parent: null }],
  ])('from %s is refused as forbidden-sender and never reaches a service', async (_who, frame) => {
    const dispatch = spyDispatch();
    const result = await handleApiCall(event(frame), 'system.info', {}, dispatch);
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('from the app window is passed to the dispatcher with its method and input', async () => {
    const dispatch = spyDispatch();
    const result = await handleApiCall(event(appFrame('/loans/7')), 'settings.get', { a: 1 }, dispatch);
    expect(dispatch).toHaveBeenCalledExactlyOnceWith('settings.get', { a: 1 });
    expect(result).toEqual({ ok: true, value: { version: 'test' } });
  });

  it('from the dev server is accepted while developing', async () => {
    const dispatch = spyDispatch();
    const frame = { url: 'http://localhost:5173/dashboard', parent: null };
    const result = await handleApiCall(event(frame), 'system.info', {}, dispatch, 'http://localhost:5173');
    expect(result.ok).toBe(true);
    expect(dispatch).toHaveBeenCalledTimes(1);
  });
});

describe('registering the API', () => {
  function register(dispatch: Dispatch) {
    const handle = vi.fn();
    registerApi({ handle } as unknown as IpcMain, () => dispatch);
    return handle;
  }

  it('opens exactly one channel for the whole contract', () => {
    const handle = register(spyDispatch());
    expect(handle).toHaveBeenCalledTimes(1);
    expect(handle.mock.calls[0]?.[0]).toBe(API_CHANNEL);
    expect(API_CHANNEL).toBe('pledgebook:call');
  });

  it('checks the sender on that channel before dispatching', async () => {
    const dispatch = spyDispatch();
    const handle = register(dispatch);
    const listener = handle.mock.calls[0]?.[1] as (
      e: unknown,
      method: unknown,
      input: unknown,
    ) => Promise<Result<unknown>>;

    const forged = await listener(event({ url: 'https://evil.example/', parent: null }), 'system.info', {});
    expect(forged).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    expect(dispatch).not.toHaveBeenCalled();

    const genuine = await listener(event(appFrame()), 'system.info', {});
    expect(genuine.ok).toBe(true);
    expect(dispatch).toHaveBeenCalledExactlyOnceWith('system.info', {});
  });
});
