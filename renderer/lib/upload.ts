import { call, upload } from './api';

declare global {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- augmenting Window needs interface merging
  interface Window {
    /** Given by the Electron preload: the path of a dropped file. Absent in a browser. */
    twinregFiles?: { pathForFile: (file: File) => string };
  }
}

export type FileRef = { file: string; fileName: string };

/** True inside the Electron shell (native dialogs, file paths); false in the browser bridge. */
export const hasNativeFiles = (): boolean => window.twinregFiles !== undefined;

/**
 * Turns a file the user dropped or picked into a handle core can read. In Electron core gets
 * the file's path (from the preload); in a browser the file is uploaded to the bridge, which
 * keeps it in a temporary folder and answers with a handle (never a path).
 */
export async function fileRefFor(file: File): Promise<FileRef> {
  if (window.twinregFiles) return call('import:openDropped', { path: window.twinregFiles.pathForFile(file) });
  return upload(file);
}
