/**
 * The app's keyboard shortcuts, as features name them: an element marked
 * `data-shortcut="new|save|search|close"` is what the app's keyboard module (renderer/app/keyboard.ts)
 * clicks or focuses on the screen shown; `withShortcut` writes the key into its tooltip.
 */
export type ShortcutName = 'new' | 'save' | 'search' | 'close' | 'undo' | 'help';

/** Cmd on a Mac, Ctrl elsewhere (Electron's CmdOrCtrl). */
export const isMac = (): boolean => typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.userAgent);

const LETTERS: Partial<Record<ShortcutName, string>> = { new: 'N', save: 'S', search: 'F', undo: 'Z' };

/** The keys of a shortcut as the user presses them here: "Ctrl+N", "⌘N", "Esc", "F1". */
export function shortcutKeys(name: ShortcutName, mac: boolean = isMac()): string {
  if (name === 'close') return 'Esc';
  if (name === 'help') return 'F1';
  const letter = LETTERS[name] ?? '';
  return mac ? `⌘${letter}` : `Ctrl+${letter}`;
}

/** A tooltip with the shortcut: "Nový člen (Ctrl+N)". */
export const withShortcut = (label: string, name: ShortcutName): string => `${label} (${shortcutKeys(name)})`;
