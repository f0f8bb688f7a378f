import type { IpcMain, IpcMainEvent, MessagePortMain } from 'electron';
import { isTrustedSender } from './security';

/** The window asks for its port on this channel; main answers on PORT_CHANNEL with the port. */
export const PORT_REQUEST_CHANNEL = 'pledgebook:connect';
export const PORT_CHANNEL = 'pledgebook:port';
export const COMMAND_CHANNEL = 'pledgebook:command';

/** What main needs of the frame a port goes to (Electron's WebFrameMain has it). */
export interface PortFrame {
  url: string;
  parent: unknown;
  postMessage(channel: string, message: unknown, transfer?: MessagePortMain[]): void;
}

/**
 * The frame that may have a port to the service host: our own page, in the window's top-level
 * frame, the same sender check IPC calls had. An iframe, a foreign page or a frame that has since
 * navigated gets nothing, so it can never reach the services.
 */
export function portRecipient(
  event: { senderFrame: PortFrame | null; sender: { mainFrame: unknown } },
  devServerUrl?: string,
): PortFrame | null {
  const frame = event.senderFrame;
  if (!isTrustedSender(frame, devServerUrl)) return null;
  return frame === event.sender.mainFrame ? frame : null;
}

/** What a frame that may not have a port is told instead, so its calls fail rather than wait. */
export const PORT_REFUSED = 'refused';

/** Hands a new port to each trusted frame that asks (on load, and again after a reload). */
export function registerPortRequests(
  ipcMain: Pick<IpcMain, 'on'>,
  handOver: (frame: PortFrame) => void,
  devServerUrl?: string,
): void {
  ipcMain.on(PORT_REQUEST_CHANNEL, (event: IpcMainEvent) => {
    const frame = portRecipient(event as unknown as Parameters<typeof portRecipient>[0], devServerUrl);
    if (frame) handOver(frame);
    else event.reply(PORT_CHANNEL, PORT_REFUSED);
  });
}
