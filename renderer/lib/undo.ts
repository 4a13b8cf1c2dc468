/**
 * Ctrl+Z for the registry: the last change the user made in this window (an edit, a delete, a
 * merge) can be undone once, by the button in its toast or by Ctrl+Z (Cmd+Z) outside a text field
 * (a text field keeps its own undo of typing).
 */
type Entry = { run: () => void; done: boolean };

let last: Entry | null = null;

/** The functions `offerUndo` gave out: a toast whose button runs one names Ctrl+Z in its tooltip. */
const undoFunctions = new WeakSet<() => void>();

/** Whether a toast action is an undo that Ctrl+Z also runs. */
export const isUndoFunction = (run: () => void): boolean => undoFunctions.has(run);

/** Registers the undo of a change just made; returns the function the toast's button calls (runs once). */
export function offerUndo(run: () => void): () => void {
  const entry: Entry = { run, done: false };
  last = entry;
  const undo = () => {
    if (entry.done) return;
    entry.done = true;
    if (last === entry) last = null;
    run();
  };
  undoFunctions.add(undo);
  return undo;
}

/** Undoes the last change, if there is one not undone yet; true when it did. */
export function undoLast(): boolean {
  const entry = last;
  if (!entry || entry.done) return false;
  entry.done = true;
  last = null;
  entry.run();
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

/** The key that undoes: Ctrl+Z, or Cmd+Z on a Mac (not with Shift: that is redo elsewhere). */
export const isUndoKey = (event: KeyboardEvent): boolean =>
  (event.ctrlKey || event.metaKey) && !event.shiftKey && !event.altKey && event.key.toLowerCase() === 'z';
