import { existsSync } from 'node:fs';
import path from 'node:path';
import { createAppContext, noDialogs, type AppContext } from '../core/context';
import { createFilePreferences } from '../core/preferences-file';
import type { DialogPort } from '../core/ports';
import { appVersion, resourcesDir } from './paths';
import { UsageError } from './command';

/** Opens the registry named by `--db` for a CLI command. */
export async function openForCli(
  dbPath: unknown,
  options: { mustExist?: boolean; dialogs?: DialogPort; acceptsLocalPaths?: boolean } = {},
): Promise<AppContext> {
  if (typeof dbPath !== 'string' || dbPath.length === 0) throw new UsageError('--db FILE is required');
  const resolved = path.resolve(dbPath);
  if (options.mustExist && !existsSync(resolved)) {
    throw new UsageError(`No database at ${resolved} (create one with: twinreg init --db ${dbPath})`);
  }
  return createAppContext({
    databasePath: resolved,
    resourcesDir: resourcesDir(),
    appVersion: appVersion(),
    preferences: createFilePreferences(`${resolved}.preferences.json`),
    dialogs: options.dialogs ?? noDialogs,
    // Only a command that reads files the user names on its command line opens local paths.
    acceptsLocalPaths: options.acceptsLocalPaths ?? false,
  });
}
