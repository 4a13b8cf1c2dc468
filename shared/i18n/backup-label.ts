import type { UiLanguage } from '../domain/codes';
import { translate } from './index';

/** What names a backup's kind: why it was made and, for an import or its undo, the import's file. */
export type BackupKindSource = { reason: string; importFile: string | null };

/**
 * What a backup was made for, as the "Reason" column of Settings ▸ Backups says it: "denní",
 * "před importem partneri.csv". Every message naming a backup names it by this and its time, not
 * by its file name (walkthrough 27, finding 5): the screen's toasts, the import's result, the CLI.
 */
export function backupKindLabel(backup: BackupKindSource, language: UiLanguage): string {
  if (backup.importFile === null) return translate(language, `backups.reason.${backup.reason}`);
  return translate(language, backup.reason === 'unimport' ? 'backups.reason.unimportOf' : 'backups.reason.importOf', {
    file: backup.importFile,
  });
}

const locales: Record<UiLanguage, string> = { cs: 'cs-CZ', en: 'en-GB' };

/**
 * A backup's moment where no window formats it (the CLI): as the window's `formatDateTime` does,
 * medium date and short time in local time ("7. 12. 2026 20:29", "7 Dec 2026, 20:29").
 */
export function formatBackupMoment(iso: string, language: UiLanguage): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? iso
    : new Intl.DateTimeFormat(locales[language], { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}
