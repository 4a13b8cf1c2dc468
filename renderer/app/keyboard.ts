import { inFormControl, ownsUndo, undoLast } from '../lib/undo';

/**
 * The app's keyboard shortcuts, in one place. They act on the screen shown (or on the dialog open
 * above it) through elements the screens mark with `data-shortcut` (renderer/lib/shortcuts.ts), so
 * a shortcut never reaches a screen kept alive in the background (KeptScreen detaches it) and a
 * screen that has no such element simply lets the key be (Ctrl+F then finds in the page as usual).
 *
 * - Ctrl+N (⌘N): the screen's "new" button, unless a dialog is open.
 * - Ctrl+S (⌘S): commits a grid cell being edited (which saves it), else saves the form being typed
 *   in, else the screen's or dialog's marked save button, else the one form of the open dialog;
 *   never the browser's "save page".
 * - Ctrl+F (⌘F): focuses the search of the dialog or screen.
 * - Ctrl+Z (⌘Z): undoes the user's last change while its toast is shown, outside a form and with no
 *   dialog open (renderer/lib/undo.ts); in a text field it is the field's own undo of typing.
 * - Esc: dialogs close themselves (native `<dialog>`); otherwise the screen's marked panel closes.
 * - F1: Help.
 */
export type KeyCommand = 'new' | 'save' | 'search' | 'undo' | 'close' | 'help';

/** Which command a key press asks for, if any. Either Ctrl or Cmd counts (Electron's CmdOrCtrl). */
export function commandOf(
  event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>,
): KeyCommand | null {
  const modifier = event.ctrlKey || event.metaKey;
  if (!modifier && !event.altKey && !event.shiftKey) {
    if (event.key === 'F1') return 'help';
    if (event.key === 'Escape') return 'close';
    return null;
  }
  if (!modifier || event.altKey || event.shiftKey) return null;
  switch (event.key.toLowerCase()) {
    case 'n':
      return 'new';
    case 's':
      return 'save';
    case 'f':
      return 'search';
    case 'z':
      return 'undo';
    default:
      return null;
  }
}

const isShown = (element: Element): boolean =>
  element.isConnected && element instanceof HTMLElement && element.getClientRects().length > 0;

const isDisabled = (element: Element): boolean =>
  (element instanceof HTMLButtonElement || element instanceof HTMLInputElement) && element.disabled;

/** The dialog on top (the last opened `<dialog>`), or null. */
const topDialog = (): HTMLDialogElement | null => {
  const open = document.querySelectorAll<HTMLDialogElement>('dialog[open]');
  return open.length > 0 ? (open[open.length - 1] ?? null) : null;
};

/** Where a shortcut acts: the dialog on top, else the screen shown. */
const scopeOf = (): Element => topDialog() ?? document.querySelector('main.content') ?? document.body;

const marked = (scope: Element, name: string): HTMLElement[] =>
  [...scope.querySelectorAll<HTMLElement>(`[data-shortcut~="${name}"]`)].filter(isShown);

/** The submit button of a form (also one outside it, tied by `form=`), or null. */
const submitterOf = (form: HTMLFormElement): HTMLButtonElement | HTMLInputElement | null => {
  for (const element of form.elements) {
    if ((element instanceof HTMLButtonElement || element instanceof HTMLInputElement) && element.type === 'submit')
      return element;
  }
  return null;
};

const submit = (form: HTMLFormElement): boolean => {
  const submitter = submitterOf(form);
  if (!submitter) return false;
  // A disabled Save (saving already) must not submit a second time.
  if (!submitter.disabled) form.requestSubmit(submitter);
  return true;
};

/** The form a focused field belongs to (inside or tied by `form=`). */
const formOf = (element: Element | null): HTMLFormElement | null => {
  if (!element) return null;
  if (
    (element instanceof HTMLInputElement ||
      element instanceof HTMLSelectElement ||
      element instanceof HTMLTextAreaElement ||
      element instanceof HTMLButtonElement) &&
    element.form
  )
    return element.form;
  return element.closest('form');
};

/**
 * A grid cell being edited: its edit is committed as Enter commits it (an inline edit saves when it
 * ends). Ctrl+S left it open, unsaved, and the next Esc threw it away (keyboard walkthrough).
 */
function commitCellEdit(): boolean {
  const active = document.activeElement;
  if (!active?.closest('.ag-cell-inline-editing, .ag-popup-editor')) return false;
  active.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
  return true;
}

function save(): void {
  if (commitCellEdit()) return;
  const scope = scopeOf();
  const form = formOf(document.activeElement);
  if (form && scope.contains(form) && submit(form)) return;
  const button = marked(scope, 'save').at(-1);
  if (button) {
    if (!isDisabled(button)) button.click();
    return;
  }
  if (scope instanceof HTMLDialogElement) {
    const forms = [...scope.querySelectorAll('form')].filter((f) => submitterOf(f) !== null);
    const only = forms.length === 1 ? forms[0] : undefined;
    if (only) submit(only);
  }
}

/** Runs a command on the screen shown; true when something took it (the key is then consumed). */
export function runCommand(command: KeyCommand, openHelp: () => void): boolean {
  switch (command) {
    case 'help':
      openHelp();
      return true;
    case 'save':
      save();
      // Consumed even when there is nothing to save: the browser's "save page" is never wanted.
      return true;
    case 'search': {
      const field = marked(scopeOf(), 'search')[0];
      if (!field) return false;
      field.focus();
      if (field instanceof HTMLInputElement) field.select();
      return true;
    }
    case 'new': {
      if (topDialog()) return false;
      const button = marked(scopeOf(), 'new')[0];
      if (!button || isDisabled(button)) return false;
      button.click();
      return true;
    }
    case 'close': {
      if (topDialog()) return false; // the dialog closes itself (its `cancel` event)
      const button = marked(scopeOf(), 'close').at(-1);
      if (!button) return false;
      button.click();
      return true;
    }
    case 'undo':
      // A dialog over the screen: the change its toast offers to undo is behind it, unseen.
      if (topDialog()) return false;
      return undoLast();
  }
}

/** Whether the key should be left to the field it was typed in. */
function belongsToField(command: KeyCommand, target: EventTarget | null): boolean {
  const element = target instanceof Element ? target : null;
  if (command === 'undo') return ownsUndo(element);
  if (command === 'close') {
    if (!element) return false;
    // A grid cell being edited cancels its edit; a filled search box clears itself first.
    if (element.closest('.ag-cell-inline-editing, .ag-popup-editor, .ag-popup')) return true;
    return element instanceof HTMLInputElement && element.type === 'search' && element.value !== '';
  }
  return false;
}

/** Listens for the shortcuts on the window; returns the function that stops listening. */
export function installKeyboard(openHelp: () => void): () => void {
  const onKey = (event: KeyboardEvent) => {
    if (event.defaultPrevented || event.isComposing) return;
    const command = commandOf(event);
    if (command === 'undo' && inFormControl(event.target instanceof Element ? event.target : null)) {
      event.preventDefault();
      return;
    }
    if (!command || belongsToField(command, event.target)) return;
    if (runCommand(command, openHelp)) event.preventDefault();
  };
  window.addEventListener('keydown', onKey);
  return () => window.removeEventListener('keydown', onKey);
}
