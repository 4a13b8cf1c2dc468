/**
 * Ctrl+Z for the registry: the last change the user made in this window (an edit, a delete, a
 * merge) can be undone once, by the button in its toast or by Ctrl+Z (Cmd+Z) while that toast is
 * shown, outside a form's fields (a text field keeps its own undo of typing) and with no dialog
 * open over the screen. What Ctrl+Z would undo is always on screen: a change made on another
 * screen a while ago is not taken back unseen.
 */
import type { AppErrorData } from '../../shared/domain/errors';

type Entry = { run: () => void; done: boolean; generation: number; button: () => void };

let last: Entry | null = null;

/** Raised by `forgetUndo`: undos offered before belong to a registry state that is gone. */
let generation = 0;
const forgetListeners = new Set<() => void>();
/** Told which undo ran (its toast's button function), whether by the button or by Ctrl+Z. */
const usedListeners = new Set<(button: () => void) => void>();

/** The functions `offerUndo` gave out: a toast whose button runs one names Ctrl+Z in its tooltip. */
const undoFunctions = new WeakSet<() => void>();

/** Whether a toast action is an undo that Ctrl+Z also runs. */
export const isUndoFunction = (run: () => void): boolean => undoFunctions.has(run);

/** Registers the undo of a change just made; returns the function the toast's button calls (runs once). */
export function offerUndo(run: () => void): () => void {
  const undo = () => {
    if (entry.done || entry.generation !== generation) return;
    entry.done = true;
    if (last === entry) last = null;
    undoing += 1;
    try {
      run();
    } finally {
      undoing -= 1;
    }
    for (const listener of usedListeners) listener(undo);
  };
  const entry: Entry = { run, done: false, generation, button: undo };
  last = entry;
  undoFunctions.add(undo);
  return undo;
}

/** How many undos are running their first, synchronous part now (where they call core). */
let undoing = 0;

/**
 * Whether the code running now is an undo (its `run`, up to its first `await`): lib/api.ts marks
 * the calls it starts, so that a refusal is said as an undo's (`asUndoRefusal`).
 */
export const undoRunning = (): boolean => undoing > 0;

/**
 * The refusals of a stale write that an undo needs said its own way: "load the current state and
 * make the change again" fits a save, but an undo has no change to repeat (walkthrough 22). The
 * undo's refusal names who changed the record and when, and sends the user to the record's history,
 * whose "Revert this change" puts back only the fields of this change that nobody changed since.
 */
const UNDO_REFUSALS: Record<string, string> = {
  'error.conflictBy': 'undo.refusedChangedBy',
  'error.conflictBySelf': 'undo.refusedChangedBySelf',
};

/** A refusal of a call an undo started (`undoRunning` when it was made), said as an undo's. */
export function asUndoRefusal(error: AppErrorData): AppErrorData {
  const reason = error.details?.reason;
  const own = typeof reason === 'string' ? UNDO_REFUSALS[reason] : undefined;
  return own === undefined || error.details === undefined
    ? error
    : { ...error, details: { ...error.details, reason: own } };
}

/** The toast that offered this undo is gone (timed out, closed): Ctrl+Z no longer runs it. */
export function withdrawUndo(button: () => void): void {
  if (last?.button === button) last = null;
}

/** Calls `listener` with the toast button's function of every undo that runs; returns the unsubscribe. */
export function onUndoUsed(listener: (button: () => void) => void): () => void {
  usedListeners.add(listener);
  return () => usedListeners.delete(listener);
}

/**
 * Forgets every undo offered so far: the registry was replaced as a whole (a backup restored, a
 * registry file imported, another registry opened; here or in another window: `data:changed` with
 * `replaced`), so the changes they would take back are not there any more (undoing one would only
 * be refused as a change by someone else). Toasts that offer such an undo are closed
 * (`onUndoForgotten`).
 */
export function forgetUndo(): void {
  generation += 1;
  last = null;
  for (const listener of forgetListeners) listener();
}

/** Calls `listener` whenever the undos offered so far are forgotten; returns the unsubscribe. */
export function onUndoForgotten(listener: () => void): () => void {
  forgetListeners.add(listener);
  return () => forgetListeners.delete(listener);
}

/** Undoes the last change, if there is one not undone yet; true when it did. */
export function undoLast(): boolean {
  const entry = last;
  if (!entry || entry.done || entry.generation !== generation) return false;
  // As its toast's button does: once, and the toast that offered it closes.
  entry.button();
  return true;
}

/** Whether a key press belongs to a field that has its own undo (typing, a grid cell being edited). */
export function ownsUndo(element: Element | null): boolean {
  if (!element) return false;
  if (element instanceof HTMLTextAreaElement) return true;
  if (element instanceof HTMLInputElement)
    return !['checkbox', 'radio', 'button', 'submit', 'reset', 'file', 'range', 'color'].includes(element.type);
  if (element instanceof HTMLElement && element.isContentEditable) return true;
  return element.closest('.ag-cell-inline-editing, .ag-popup-editor') !== null;
}

/**
 * Whether Ctrl+Z on this element must do nothing at all: a tick box, a select or a button of a
 * form holding unsaved changes. The registry's undo would start the form again from its last save
 * (what is typed since is lost), and the browser's own would take back typing in another field of
 * the form unseen. A form that says it is saved (`data-unsaved="false"`: nothing typed since its
 * save) lets Ctrl+Z undo that save (walkthrough 19: Ctrl+S, then Ctrl+Z in the detail did nothing).
 */
export const inFormControl = (element: Element | null): boolean => {
  if (element === null || ownsUndo(element)) return false;
  const form = element.closest('form');
  return form !== null && !(form instanceof HTMLElement && form.dataset.unsaved === 'false');
};

/** The key that undoes: Ctrl+Z, or Cmd+Z on a Mac (not with Shift: that is redo elsewhere). */
export const isUndoKey = (event: KeyboardEvent): boolean =>
  (event.ctrlKey || event.metaKey) && !event.shiftKey && !event.altKey && event.key.toLowerCase() === 'z';
