import type { ImportKind } from '../../shared/domain/import/formats';

/** What the import is opened for: a kind chosen at first (the screen it is opened on), a dropped file. */
export type ImportRequest = { kind?: ImportKind; file?: File };

/**
 * The import dialog is asked for from anywhere (the Members and Partnerships screens, a file
 * dropped on the window, File ▸ Import): the app's one host (`ImportHost`) opens it over the
 * screen shown. A request made before the host is there waits for it.
 */
let pending: ImportRequest | null = null;
const listeners = new Set<(request: ImportRequest) => void>();

export function requestImport(request: ImportRequest = {}): void {
  if (listeners.size === 0) {
    pending = request;
    return;
  }
  for (const listener of listeners) listener(request);
}

export function onImportRequest(listener: (request: ImportRequest) => void): () => void {
  listeners.add(listener);
  if (pending !== null) {
    const request = pending;
    pending = null;
    listener(request);
  }
  return () => listeners.delete(listener);
}
