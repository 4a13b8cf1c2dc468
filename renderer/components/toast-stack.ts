/**
 * The rules of the toast stack, kept apart from React so that they are tested without a browser:
 * newest first, at most `MAX_TOASTS` at once (the oldest goes), and an error about a record goes
 * once a later write of that record succeeded.
 */

/** The most toasts shown at once: more would cover the screen, and old errors pile up. */
export const MAX_TOASTS = 3;

/** What the stack needs of a toast. */
export type Stacked = { id: number; kind: 'ok' | 'error' | 'info'; record?: string | undefined };

/** The stack with `toast` on top, the oldest dropped beyond `MAX_TOASTS`. */
export const pushToast = <T extends Stacked>(all: readonly T[], toast: T): T[] => [toast, ...all].slice(0, MAX_TOASTS);

/** The stack without the errors about `record`: a later save or undo of it succeeded. */
export const settleRecord = <T extends Stacked>(all: T[], record: string): T[] => {
  const kept = all.filter((toast) => toast.kind !== 'error' || toast.record !== record);
  // The same list when nothing went: no new render.
  return kept.length === all.length ? all : kept;
};
