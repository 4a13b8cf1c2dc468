/**
 * What became of this window's writes to single records, for the toasts: an error toast about a
 * record goes away when a later save or undo of that same record succeeds (walkthrough 22: a
 * "Saved" stood beside two red toasts saying nothing was saved). lib/api.ts reports every call
 * here; a write is about one record when its input names the record and the version it was made
 * against (`{ id, version }`: an update, a delete, an undo that writes the earlier values back).
 */

/** The record a versioned write is about ("partnerships#12"), or null for any other call. */
export function recordOfCall(channel: string, input: unknown): string | null {
  if (input === null || typeof input !== 'object') return null;
  const { id, version } = input as Record<string, unknown>;
  if (typeof id !== 'number' || typeof version !== 'number') return null;
  return `${channel.split(':')[0] ?? channel}#${String(id)}`;
}

/**
 * The record of the write that failed last, until the current task ends: the screen that shows
 * the failure as a toast does so in the same task (its `catch` runs in the call's microtasks),
 * and the toast takes it (`takeFailedRecord`). A toast shown later is about nothing in particular.
 */
let failed: string | null = null;
const savedListeners = new Set<(record: string) => void>();

/** Called by lib/api.ts when a call is answered (or cannot reach core). */
export function callSettled(channel: string, input: unknown, ok: boolean): void {
  const record = recordOfCall(channel, input);
  if (record === null) return;
  if (ok) {
    if (failed === record) failed = null;
    for (const listener of savedListeners) listener(record);
    return;
  }
  failed = record;
  setTimeout(() => {
    if (failed === record) failed = null;
  }, 0);
}

/** The record of a write that failed in this task, once (the error toast shown for it). */
export function takeFailedRecord(): string | null {
  const record = failed;
  failed = null;
  return record;
}

/** Calls `listener` with the record of every write that succeeds; returns the unsubscribe. */
export function onRecordSaved(listener: (record: string) => void): () => void {
  savedListeners.add(listener);
  return () => savedListeners.delete(listener);
}
