import { mkdtempSync, rmSync } from 'node:fs';
import type { ImportReport } from '../../shared/domain/import/report';
import os from 'node:os';
import path from 'node:path';
import { createAppContext, noDialogs, type AppContext } from '../../electron/core/context';
import { createDispatch, type Dispatch } from '../../electron/core/dispatch';
import { createHandlers } from '../../electron/core/handlers';
import { createMemoryPreferences } from '../../electron/core/preferences-file';
import type { DialogPort } from '../../electron/core/ports';
import { createServerDatabase, onServer } from './server-db';

export const RESOURCES_DIR = path.resolve(import.meta.dirname, '..', '..', 'resources');
export const SHARED_DATA_DIR = path.resolve(import.meta.dirname, '..', '..', '..', 'shared', 'data');

export type TestApp = {
  dir: string;
  /** The registry file, or the URL of its database when the run is on PostgreSQL (`onServer()`). */
  dbPath: string;
  ctx: AppContext;
  dispatch: Dispatch;
  /** Every event core emitted, in order. */
  events: { event: string; payload: unknown }[];
  cleanup: () => Promise<void>;
};

/** A fresh temp folder. */
export function tempDir(prefix = 'twinreg-test-'): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}

/**
 * A real registry, migrated fresh, with the real dispatch over it, as the desktop shell wires it
 * (`acceptsLocalPaths` true unless a test plays the web bridge): an SQLite file in a temp folder,
 * or, when `TWINREG_TEST_DATABASE_URL` is set (`npm run test:unit:pg`), a database of its own on
 * PostgreSQL. The temp folder exists in both cases (for files a test writes).
 */
export async function createTestApp(
  options: { demo?: boolean; dialogs?: DialogPort; acceptsLocalPaths?: boolean } = {},
): Promise<TestApp> {
  const dir = tempDir();
  // On PostgreSQL the demo data comes with the copied template (loading it takes seconds there).
  const server = onServer() ? await createServerDatabase({ demo: options.demo ?? false }) : null;
  const dbPath = server?.url ?? path.join(dir, 'registry.db');
  const events: { event: string; payload: unknown }[] = [];
  const ctx = await createAppContext({
    databasePath: dbPath,
    resourcesDir: RESOURCES_DIR,
    appVersion: 'test',
    preferences: createMemoryPreferences(),
    dialogs: options.dialogs ?? noDialogs,
    events: (event, payload) => events.push({ event, payload }),
    seedDemoIfEmpty: options.demo ?? false,
    acceptsLocalPaths: options.acceptsLocalPaths ?? true,
  });
  const dispatch = createDispatch(createHandlers(ctx), { validateOutput: true });
  return {
    dir,
    dbPath,
    ctx,
    dispatch,
    events,
    cleanup: async () => {
      await ctx.close();
      await server?.drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Unwraps a Result in a test, failing with the error when it is not ok. */
export async function ok<T = unknown>(promise: Promise<{ ok: boolean; value?: unknown; error?: unknown }>): Promise<T> {
  const result = await promise;
  if (!result.ok) throw new Error(`Expected ok, got ${JSON.stringify(result.error)}`);
  return result.value as T;
}

/** The input of `municipalities:create` for a new member with nothing but its code, name and district. */
export const newMemberInput = (fields: { code: string; name: string; districtId: number; memberSince?: string }) => ({
  kind: 'obec',
  orpCode: null,
  orpName: null,
  population: null,
  latitude: null,
  longitude: null,
  street: null,
  postalCode: null,
  ico: null,
  mayorName: null,
  mayorGender: null,
  website: null,
  email: null,
  isMember: true,
  memberSince: '2024-01-01',
  memberUntil: null,
  notes: null,
  ...fields,
});

/** Imports a file as the app and the CLI do (by its path, preview, commit through the gate); the commit's result. */
export async function importThroughGate(
  app: TestApp,
  kind: 'municipalities' | 'partnerships',
  filePath: string,
): Promise<{ report: ImportReport; changed: boolean }> {
  const { file } = await ok<{ file: string }>(app.dispatch('import:openDropped', { path: filePath }));
  const preview = await ok<ImportReport>(app.dispatch('import:preview', { kind, file }));
  return ok(app.dispatch('import:commit', { previewId: preview.previewId }));
}
