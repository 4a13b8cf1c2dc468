import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { CHANNELS } from '../../shared/ipc/contract';
import { toBridgeAnswer } from '../../shared/ipc/json-text';
import type { Dispatch } from '../core/dispatch';
import { APP_ORIGIN } from './window';

/** Only our own main frame, loaded from our own origin, may call core. */
function isTrustedSender(event: IpcMainInvokeEvent, window: BrowserWindow | null): boolean {
  const frame = event.senderFrame;
  if (!frame || !window || event.sender !== window.webContents) return false;
  if (frame !== event.sender.mainFrame) return false;
  return frame.url.startsWith(`${APP_ORIGIN}/`);
}

/** Registers one `ipcMain.handle` per channel of the contract, all through `dispatch`. */
export function registerIpc(dispatch: Dispatch, getWindow: () => BrowserWindow | null): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (event, input: unknown) => {
      if (!isTrustedSender(event, getWindow())) {
        return { ok: false, error: { code: 'FORBIDDEN', message: 'Untrusted sender' } };
      }
      // A value core wrote as JSON text crosses as one string (structured clone knows no classes).
      return dispatch(channel, input).then(toBridgeAnswer);
    });
  }
}
