import { contextBridge, ipcRenderer } from 'electron';

// The renderer gets exactly one narrow object: a call into the typed contract and a way to hear
// menu commands. Never ipcRenderer itself, never a channel name of its choosing.
const API_CHANNEL = 'pledgebook:call';
const COMMAND_CHANNEL = 'pledgebook:command';

contextBridge.exposeInMainWorld('pledgebook', {
  call: (method: string, input: unknown) => ipcRenderer.invoke(API_CHANNEL, method, input),
  onCommand: (listener: (command: string) => void) => {
    const handler = (_event: unknown, command: unknown) => {
      if (typeof command === 'string') listener(command);
    };
    ipcRenderer.on(COMMAND_CHANNEL, handler);
    return () => ipcRenderer.removeListener(COMMAND_CHANNEL, handler);
  },
});
