import type { UiLanguage } from '../domain/codes';
import type { ImportResult } from '../domain/import/report';
import { backupKindLabel } from './backup-label';
import { translate, translatePlural } from './index';

/**
 * The import's backup as the result's last words say it, in the words Settings ▸ Backups uses: its
 * time and kind ("… v záloze pořízené 7. 12. 2026 20:29 (před importem partneri.csv)."), never its
 * file name (walkthrough 27, finding 5). `moment` formats the time as the caller shows times. Null
 * when the import made no backup (nothing written, or a registry the server backs up).
 */
export function importBackupSentence(
  result: Pick<ImportResult, 'backup' | 'backupCreatedAt' | 'report'>,
  language: UiLanguage,
  moment: (iso: string) => string,
): string | null {
  if (result.backup === null || result.backupCreatedAt === null) return null;
  return translate(language, 'import.backupMadeAt', {
    date: moment(result.backupCreatedAt),
    kind: backupKindLabel({ reason: 'import', importFile: result.report.fileName }, language),
  });
}

/**
 * The backup an import's undo made first, as the undo's message ends: by its time and kind
 * ("… v záloze pořízené 7. 12. 2026 20:29 (před vrácením importu partneri.csv)."), as Settings ▸
 * Backups lists it. Null when the undo made no backup (a registry the server backs up).
 */
export function importUndoBackupSentence(
  done: { backup: string | null; backupCreatedAt: string | null },
  fileName: string | null,
  language: UiLanguage,
  moment: (iso: string) => string,
): string | null {
  if (done.backup === null || done.backupCreatedAt === null) return null;
  return translate(language, 'import.undo.backupMadeAt', {
    date: moment(done.backupCreatedAt),
    kind: backupKindLabel({ reason: 'unimport', importFile: fileName }, language),
  });
}

/**
 * The partner towns the import created with neither coordinates nor a gazetteer link, counted in
 * the language's plural form with their first names ("např." when more are unnamed), and where to
 * complete them (walkthrough 27, finding 8). Null when there are none.
 */
export function unplacedTownsSentence(unplaced: ImportResult['unplacedTowns'], language: UiLanguage): string | null {
  if (unplaced.count === 0) return null;
  const listed = unplaced.names.join(', ');
  const names =
    unplaced.count > unplaced.names.length ? translate(language, 'import.doneUnplacedSome', { names: listed }) : listed;
  return translatePlural(language, 'import.doneUnplaced', unplaced.count, { names });
}
