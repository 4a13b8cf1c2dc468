import { AppError, type ErrorCode } from '../../../shared/domain/errors';
import {
  sameServer,
  serverUrl,
  type ConnectionOutcome,
  type ServerProfile,
} from '../../../shared/domain/registry-connection';
import type { AppContext } from '../context';
import { openDatabase, type Database } from '../db/database';
import { probeServer, serverFacts, type ProbeResult } from '../db/server-probe';
import { REGISTRY_TABLES } from './demo-service';

/*
 * Settings ▸ Where the registry is (issue 15): the open registry, a test of a server profile, and
 * the switch from one registry to another. The password goes from the renderer (or the host's
 * store) to the connection only; every answer and message names the server without it.
 */

/** The open registry and what is kept to connect to a server. */
export async function connectionStatus(ctx: AppContext) {
  const saved = await ctx.connections.saved();
  const onServer = ctx.db.dialect === 'postgres';
  return {
    kind: onServer ? ('server' as const) : ('file' as const),
    location: ctx.db.filePath,
    server: onServer ? await serverFacts(ctx.db.knex) : null,
    profile: saved.server,
    passwordSaved: saved.passwordSaved,
    passwordKeeping: ctx.connections.passwordKeeping(),
    fileLocation: ctx.connections.fileLocation(),
  };
}

/** The password typed now, else the one kept for the same server, database and user, else none. */
async function passwordFor(ctx: AppContext, profile: ServerProfile, typed: string | undefined): Promise<string | null> {
  if (typed !== undefined) return typed;
  const saved = await ctx.connections.saved();
  return sameServer(saved.server, profile) ? ctx.connections.savedPassword() : null;
}

/** Tries a server profile without switching to it. */
export async function testConnection(
  ctx: AppContext,
  input: { profile: ServerProfile; password?: string | undefined },
): Promise<ProbeResult> {
  return probeServer(input.profile, await passwordFor(ctx, input.profile, input.password));
}

/** A failed test as the error of a switch: a stable code, an English sentence, the outcome as a message key. */
const OUTCOME_ERRORS: Record<Exclude<ConnectionOutcome, 'connected'>, { code: ErrorCode; message: string }> = {
  wrongPassword: { code: 'FORBIDDEN', message: 'The server refused the user name or the password.' },
  passwordNeeded: { code: 'FORBIDDEN', message: 'The server asks for a password.' },
  unreachable: { code: 'IO', message: 'No database server answers at this address and port.' },
  noDatabase: { code: 'NOT_FOUND', message: 'The server has no database of this name.' },
  notAllowed: { code: 'FORBIDDEN', message: 'This database user may not connect to the registry or read it.' },
  mustInit: {
    code: 'FORBIDDEN',
    message:
      'The registry’s structure must be created or updated, which this database user may not do: an administrator must run `twinreg init`.',
  },
  tooNew: { code: 'SCHEMA_TOO_NEW', message: 'The registry was made by a newer version of the application.' },
  failed: { code: 'IO', message: 'The connection failed.' },
};

const outcomeError = (probe: ProbeResult, location: string): AppError => {
  const outcome = probe.outcome === 'connected' ? 'failed' : probe.outcome;
  const { code, message } = OUTCOME_ERRORS[outcome];
  const detail = probe.detail === null ? '' : ` ${probe.detail}`;
  return new AppError(code, `${location}: ${message}${detail}`, {
    reason: `settings.registry.outcome.${outcome}`,
    outcome,
  });
};

/** Long work that holds the open registry: it must end (or be stopped) before the registry changes. */
const busy = (ctx: AppContext): boolean =>
  ctx.jobs.running('import') + ctx.jobs.running('agreements') + ctx.jobs.running('export') > 0;

/**
 * Puts another registry in place of the open one: every later call reads `ctx.db` at call time
 * (HOUSE.md §3), so the next call works on the new one. What the session remembered of the old
 * registry (import files and previews) is dropped, and every screen is told to load again.
 */
async function replaceDatabase(ctx: AppContext, next: Database): Promise<void> {
  const previous = ctx.db;
  ctx.db = next;
  ctx.session.importPreviews.clear();
  ctx.session.importFiles.clear();
  await previous.close().catch(() => undefined);
  ctx.emit('data:changed', { tables: [...REGISTRY_TABLES], replaced: true });
}

/**
 * Switches to the registry file or to a server profile. A server is tested first (as
 * `testConnection`); opening it then creates or updates its structure when the user may. The
 * choice is remembered for the next start only once the new registry is open.
 */
export async function switchRegistry(
  ctx: AppContext,
  input: { kind: 'file' } | { kind: 'server'; profile: ServerProfile; password?: string | undefined },
) {
  if (busy(ctx))
    throw new AppError(
      'CONFLICT',
      'An import, an export or a batch of agreements is running: wait until it ends, then switch the registry.',
      { reason: 'settings.registry.busy' },
    );
  let next: Database;
  if (input.kind === 'file') {
    const file = ctx.connections.fileLocation();
    if (file === null)
      throw new AppError(
        'FORBIDDEN',
        'This app was started on a server registry and has no registry file: start it with --db FILE to work in a file.',
        { reason: 'settings.registry.noFile' },
      );
    next = await openDatabase(file, { dailyBackup: true });
  } else {
    const password = await passwordFor(ctx, input.profile, input.password);
    const location = serverUrl(input.profile);
    const probe = await probeServer(input.profile, password);
    if (probe.outcome !== 'connected') throw outcomeError(probe, location);
    next = await openDatabase(serverUrl(input.profile, password));
  }
  try {
    await ctx.connections.save(
      input.kind === 'file' ? { kind: 'file' } : { kind: 'server', server: input.profile, password: input.password },
    );
  } catch (error) {
    await next.close().catch(() => undefined);
    throw error;
  }
  await replaceDatabase(ctx, next);
  return connectionStatus(ctx);
}
