import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { fail, type Result } from '../shared/contract';
import type { Dispatch } from './services/dispatch';
import { isTrustedSender } from './security';

export const API_CHANNEL = 'pledgebook:call';

/** One IPC handler for the whole contract: sender check first, then the shared dispatcher. */
export function registerApi(ipcMain: IpcMain, dispatch: () => Dispatch, devServerUrl?: string): void {
  ipcMain.handle(API_CHANNEL, async (event: IpcMainInvokeEvent, method: unknown, input: unknown) =>
    handleApiCall(event, method, input, dispatch(), devServerUrl),
  );
}

export async function handleApiCall(
  event: Pick<IpcMainInvokeEvent, 'senderFrame'>,
  method: unknown,
  input: unknown,
  dispatch: Dispatch,
  devServerUrl?: string,
): Promise<Result<unknown>> {
  if (!isTrustedSender(event.senderFrame, devServerUrl)) {
    return fail('forbidden-sender', 'This request did not come from the Pledgebook window and was refused.');
  }
  return dispatch(method, input);
}
