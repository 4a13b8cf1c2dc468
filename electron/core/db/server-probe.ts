import type { Knex } from 'knex';
import pg from 'pg';
import type { ConnectionOutcome, SchemaState, ServerProfile } from '../../../shared/domain/registry-connection';
import { errorCode } from './dialect/types';
import { SCHEMA_VERSION } from './migrations/index';

/**
 * Tries a registry on a PostgreSQL server without opening it for use (Settings ▸ Test connection):
 * connects, reads the server's version, the database user and the registry's schema version, and
 * tells whether that user could create or update the structure. Nothing is written. The password
 * is never part of what it answers.
 */

/** How long a server may take to accept the connection before it counts as unreachable. */
export const PROBE_TIMEOUT_MS = 10_000;

export type ProbeResult = {
  outcome: ConnectionOutcome;
  serverVersion: string | null;
  user: string | null;
  schema: SchemaState | null;
  /** The driver's own words when the outcome is `failed` (or `notAllowed`), without the password. */
  detail: string | null;
};

/** Network errors of Node's sockets and name lookups: nobody answers at that address. */
const UNREACHABLE_ERRNO = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EAI_NONAME',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EHOSTDOWN',
  'ECONNRESET',
  'EPIPE',
]);

/** "PostgreSQL 15.18" from `server_version` ("15.18 (Debian 15.18-0+deb12u1)"). */
const versionName = (serverVersion: string): string => `PostgreSQL ${serverVersion.split(' ')[0] ?? serverVersion}`;

const scrub = (text: string, password: string | null): string =>
  password === null || password === ''
    ? text
    : text.split(password).join('***').split(encodeURIComponent(password)).join('***');

/** What a failed connection means, from the SQLSTATE or the socket's error code. */
function failedConnection(error: unknown, passwordGiven: boolean, passwordAsked: boolean): ConnectionOutcome {
  const code = errorCode(error);
  if (passwordAsked && !passwordGiven) return 'passwordNeeded';
  if (code === '28P01') return 'wrongPassword';
  // The role does not exist (without password checks), or this computer or user is not let in.
  if (code === '28000' || code === '42501') return 'notAllowed';
  if (code === '3D000') return 'noDatabase';
  // Connection exceptions and a server starting up or shutting down.
  if (code !== null && (code.startsWith('08') || code.startsWith('57P'))) return 'unreachable';
  if (code !== null && UNREACHABLE_ERRNO.has(code)) return 'unreachable';
  // The driver's own connection timeout carries no code.
  if (error instanceof Error && /timeout/i.test(error.message)) return 'unreachable';
  return 'failed';
}

/** Tries the profile with the password given (or none). */
export async function probeServer(profile: ServerProfile, password: string | null): Promise<ProbeResult> {
  const none: ProbeResult = { outcome: 'failed', serverVersion: null, user: null, schema: null, detail: null };
  let passwordAsked = false;
  const client = new pg.Client({
    host: profile.host,
    port: profile.port,
    database: profile.database,
    user: profile.user,
    // A function: the server's asking is seen (a password it needs and was not given), and neither
    // PGPASSWORD nor ~/.pgpass is read behind the user's back.
    password: () => {
      passwordAsked = true;
      return Promise.resolve(password ?? '');
    },
    connectionTimeoutMillis: PROBE_TIMEOUT_MS,
    application_name: 'twinning-registry',
  });
  // A socket error after the connection is up must not crash the process.
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (error) {
    // A refused authentication may leave the socket open (the server would wait for the rest of
    // the handshake until its authentication_timeout, holding up e.g. a DROP DATABASE).
    await client.end().catch(() => undefined);
    const outcome = failedConnection(error, password !== null && password !== '', passwordAsked);
    const message = error instanceof Error ? error.message : String(error);
    return {
      ...none,
      outcome,
      detail: outcome === 'failed' || outcome === 'notAllowed' ? scrub(message, password) : null,
    };
  }
  try {
    const facts = await client.query<{ version: string; user: string; schema: string | null }>(
      "select current_setting('server_version') as version, current_user as user, current_schema() as schema",
    );
    const row = facts.rows[0];
    const found = { ...none, serverVersion: row ? versionName(row.version) : null, user: row?.user ?? null };
    let version = 0;
    const meta = await client.query<{ present: boolean }>("select to_regclass('meta') is not null as present");
    if (meta.rows[0]?.present === true) {
      let stored: { value: string } | undefined;
      try {
        stored = (await client.query<{ value: string }>("select value from meta where key = 'schema_version'")).rows[0];
      } catch (error) {
        if (errorCode(error) === '42501')
          return {
            ...found,
            outcome: 'notAllowed',
            detail: scrub(error instanceof Error ? error.message : String(error), password),
          };
        throw error;
      }
      if (stored !== undefined) {
        if (!/^\d{1,6}$/.test(stored.value))
          return {
            ...found,
            detail: `The schema version stored in the registry is not a number: ${stored.value.slice(0, 40)}`,
          };
        version = Number(stored.value);
      }
    }
    if (version > SCHEMA_VERSION) return { ...found, outcome: 'tooNew' };
    if (version === SCHEMA_VERSION) return { ...found, outcome: 'connected', schema: 'current' };
    // The structure must be created or updated: only a role that may create in the schema (and,
    // for an update, owns the registry's tables) may do it; others need an administrator.
    const rights = await client.query<{ create: boolean; owns: boolean | null }>(
      `select coalesce(has_schema_privilege(current_schema(), 'CREATE'), false) as "create",
              (select pg_has_role(current_user, t.tableowner, 'USAGE')
                 from pg_tables t where t.schemaname = current_schema() and t.tablename = 'meta') as owns`,
    );
    const right = rights.rows[0];
    const may = right !== undefined && right.create && (version === 0 || right.owns === true);
    if (!may) return { ...found, outcome: 'mustInit', schema: version === 0 ? 'create' : 'update' };
    return { ...found, outcome: 'connected', schema: version === 0 ? 'create' : 'update' };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ...none, detail: scrub(message, password) };
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** The server's version and the database user of an open registry on a server; null when it does not answer. */
export async function serverFacts(knex: Knex): Promise<{ version: string; user: string } | null> {
  try {
    const result = await knex.raw<{ rows: { version: string; user: string }[] }>(
      'select current_setting(\'server_version\') as version, current_user as "user"',
    );
    const row = result.rows[0];
    return row ? { version: versionName(row.version), user: row.user } : null;
  } catch {
    return null;
  }
}
