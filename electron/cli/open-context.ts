import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createAppContext, noDialogs, type AppContext } from '../core/context';
import { isServerLocation } from '../core/db/dialect/index';
import { createFilePreferences, createMemoryPreferences } from '../core/preferences-file';
import type { DialogPort, PreferencesPort } from '../core/ports';
import { appVersion, resourcesDir } from './paths';
import { UsageError } from './command';

/**
 * Where the registry of a command is: `--db FILE`, `--db postgres://user@host:port/database`, or,
 * without `--db`, the `DATABASE_URL` of the environment (a server registry; a password in it is
 * never printed). A file is resolved against the working folder.
 */
export function registryLocation(db: unknown): string {
  if (typeof db === 'string' && db.length > 0) return isServerLocation(db) ? db : path.resolve(db);
  const fromEnvironment = process.env.DATABASE_URL;
  if (fromEnvironment !== undefined && fromEnvironment !== '') {
    if (!isServerLocation(fromEnvironment))
      throw new UsageError('DATABASE_URL must be a postgres://user@host:port/database URL');
    return fromEnvironment;
  }
  throw new UsageError('--db FILE is required (or --db postgres://user@host:port/database, or DATABASE_URL)');
}

/**
 * Who a command's changes are recorded as (import history, audit log): `--actor NAME`, else the
 * operating system user running it. Never the name in the preferences file beside the registry:
 * that is the app's user, who did not run this command (walkthrough 20, finding 14: imports run
 * as root were recorded as the app's "Jana Nováková"). No user name at all stays empty (unknown).
 */
export function cliActor(actor: unknown): string {
  if (typeof actor === 'string') {
    const name = actor.normalize('NFC').trim();
    if (name === '') throw new UsageError('--actor needs a name');
    return name;
  }
  try {
    return os.userInfo().username;
  } catch {
    return '';
  }
}

/** The preferences with the command's actor in place of the app's user name (never written). */
const recordingAs = (port: PreferencesPort, actorName: string): PreferencesPort => ({
  get: async () => ({ ...(await port.get()), actorName }),
  set: async (patch) => {
    // The command's actor is not the app's user: it is never written into their preferences.
    const kept = { ...patch };
    delete kept.actorName;
    return { ...(await port.set(kept)), actorName };
  },
});

/** Opens the registry named by `--db` (or DATABASE_URL) for a CLI command. */
export async function openForCli(
  dbPath: unknown,
  options: { mustExist?: boolean; dialogs?: DialogPort; acceptsLocalPaths?: boolean; actor?: unknown } = {},
): Promise<AppContext> {
  const location = registryLocation(dbPath);
  const server = isServerLocation(location);
  if (!server && options.mustExist && !existsSync(location)) {
    throw new UsageError(`No database at ${location} (create one with: twinreg init --db ${String(dbPath)})`);
  }
  return createAppContext({
    databasePath: location,
    resourcesDir: resourcesDir(),
    appVersion: appVersion(),
    // A registry file keeps the CLI's preferences beside it; a server registry has no place of
    // its own on this machine, and a command needs none beyond its run.
    // Changes are recorded as the command's actor (`cliActor`), never the app's user.
    preferences: recordingAs(
      server ? createMemoryPreferences() : createFilePreferences(`${location}.preferences.json`),
      cliActor(options.actor),
    ),
    dialogs: options.dialogs ?? noDialogs,
    // Only a command that reads files the user names on its command line opens local paths.
    acceptsLocalPaths: options.acceptsLocalPaths ?? false,
  });
}
