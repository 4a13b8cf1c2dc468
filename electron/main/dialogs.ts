import { dialog, shell, type BrowserWindow } from 'electron';
import type { DialogPort, OpenWithSystemPort } from '../core/ports';

/** Native dialogs behind the core's DialogPort. */
export function createNativeDialogs(getWindow: () => BrowserWindow | null): DialogPort {
  return {
    saveFile: async ({ defaultName, filters }) => {
      const window = getWindow();
      const options = { defaultPath: defaultName, filters };
      const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    openFile: async ({ filters }) => {
      const window = getWindow();
      const options = { filters, properties: ['openFile' as const] };
      const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    chooseFolder: async () => {
      const window = getWindow();
      const options = { properties: ['openDirectory' as const, 'createDirectory' as const] };
      const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
  };
}

/**
 * Opens a file core wrote (an attachment's copy in a private temporary folder) with the system's
 * program for its kind; the reason the system gives when it cannot becomes the error.
 */
export const openWithSystem: OpenWithSystemPort = async (filePath) => {
  const problem = await shell.openPath(filePath);
  if (problem !== '') throw new Error(problem);
};
