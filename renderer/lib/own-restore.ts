/**
 * Restores of a backup this window asked for, by backup name, until their `data:changed` event
 * arrives: the window that restored says so in its own toast, every other window in the restore
 * notice (renderer/app/RestoreNotice.tsx). The event may come before or after the call's answer.
 */
const asked = new Set<string>();

/** Marks a restore as this window's; the returned function takes the mark back (the call failed). */
export function restoringHere(backup: string): () => void {
  asked.add(backup);
  return () => asked.delete(backup);
}

/** Whether the restore an event names was asked for here (the mark is used up). */
export const wasRestoredHere = (backup: string): boolean => asked.delete(backup);
