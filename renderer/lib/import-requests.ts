/**
 * File ▸ Import asks for the import dialog from anywhere: the request waits until the Members
 * page (whose header holds the Import button) is shown and takes it.
 */
let pending = false;
const listeners = new Set<() => void>();

export function requestImport(): void {
  if (listeners.size === 0) {
    pending = true;
    return;
  }
  for (const listener of listeners) listener();
}

export function onImportRequest(listener: () => void): () => void {
  listeners.add(listener);
  if (pending) {
    pending = false;
    listener();
  }
  return () => listeners.delete(listener);
}
