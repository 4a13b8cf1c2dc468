import type { importChannels } from '../../../shared/ipc/channels/import';
import type { AppContext } from '../context';
import {
  createManualBackup,
  databaseStatus,
  listDatabaseBackups,
  restoreDatabaseBackup,
} from '../services/backup-service';
import {
  chooseImportFile,
  commitImport,
  exportImportRun,
  importHistory,
  openDroppedFile,
  previewImport,
} from '../services/import/import-service';
import { checkImportUndo, undoImport } from '../services/import/import-undo';
import type { HandlersFor } from './types';

export const importHandlers = (ctx: AppContext) =>
  ({
    'import:chooseFile': () => chooseImportFile(ctx),
    'import:openDropped': ({ path }) => Promise.resolve(openDroppedFile(ctx, path)),
    'import:preview': (input) => previewImport(ctx, input),
    'import:commit': (input) => commitImport(ctx, input),
    'import:history': () => importHistory(ctx),
    'import:historyExport': (input) => exportImportRun(ctx, input),
    'import:undo': (input) => undoImport(ctx, input),
    'import:undoCheck': (input) => checkImportUndo(ctx, input),
    'backups:list': () => listDatabaseBackups(ctx),
    'backups:create': () => createManualBackup(ctx),
    'backups:restore': ({ name }) => restoreDatabaseBackup(ctx, name),
    'db:status': () => databaseStatus(ctx),
  }) satisfies HandlersFor<typeof importChannels>;
