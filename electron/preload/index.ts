import { contextBridge, ipcRenderer, webUtils } from 'electron';

// Dumb by design: an allowlisted invoke/on and nothing else; validation happens in core.
// The build (scripts/build-shell.mjs) injects the names from shared/ipc/contract.ts, so the
// preload neither duplicates the contract nor bundles zod.
declare const __TWINREG_CHANNELS__: readonly string[];
declare const __TWINREG_EVENTS__: readonly string[];

const channels = new Set<string>(__TWINREG_CHANNELS__);
const eventNames = new Set<string>(__TWINREG_EVENTS__);

contextBridge.exposeInMainWorld('api', {
  invoke: (channel: string, input: unknown) =>
    channels.has(channel)
      ? ipcRenderer.invoke(channel, input)
      : Promise.resolve({ ok: false, error: { code: 'UNKNOWN_CHANNEL', message: channel } }),
  on: (event: string, listener: (payload: unknown) => void) => {
    if (!eventNames.has(event)) return () => undefined;
    const wrapped = (_event: unknown, payload: unknown) => listener(payload);
    ipcRenderer.on(event, wrapped);
    return () => ipcRenderer.removeListener(event, wrapped);
  },
});

// The one file helper: the path of a file dropped on the window (sandboxed pages cannot see it).
// Core checks the path (type, existence) before it reads anything.
contextBridge.exposeInMainWorld('twinregFiles', {
  pathForFile: (file: File) => webUtils.getPathForFile(file),
});
