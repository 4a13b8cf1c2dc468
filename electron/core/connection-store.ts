import { isServerLocation } from './db/dialect/index';
import {
  DEFAULT_SERVER_PORT,
  sameServer,
  serverProfileSchema,
  type ServerProfile,
} from '../../shared/domain/registry-connection';
import type { ConnectionStorePort, SavedConnection } from './ports';

/**
 * The profile and password named by a `postgres://` URL (a registry given on the command line),
 * or null when the URL does not name a host, a database and a user.
 */
export function profileFromUrl(url: string): { profile: ServerProfile; password: string | null } | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  const decode = (text: string) => {
    try {
      return decodeURIComponent(text);
    } catch {
      return text;
    }
  };
  const candidate = serverProfileSchema.safeParse({
    host: parsed.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: parsed.port === '' ? DEFAULT_SERVER_PORT : Number(parsed.port),
    database: decode(parsed.pathname.replace(/^\//, '')),
    user: decode(parsed.username),
  });
  if (!candidate.success) return null;
  const password = parsed.password !== '' ? decode(parsed.password) : parsed.searchParams.get('password');
  return { profile: candidate.data, password: password === null || password === '' ? null : password };
}

/**
 * Which password goes with a server profile being saved: the one given, none (null), or, when none
 * is given (undefined), the one kept before if it was kept for the same server, database and user.
 * Shared by every store so that they all follow the port's rule.
 */
export function passwordToKeep(
  before: { server: ServerProfile | null; password: string | null },
  server: ServerProfile,
  given: string | null | undefined,
): string | null {
  if (given !== undefined) return given === '' ? null : given;
  return sameServer(before.server, server) ? before.password : null;
}

/**
 * Where the registry is, kept in memory for one run: the web preview, the CLI and the tests. The
 * registry they were started on (`--db FILE`, `--db postgres://…` or DATABASE_URL) is where they
 * start; Settings may switch it for the run. A password is never written anywhere (the preview
 * says so): it is kept only while the process runs.
 */
export function createSessionConnections(startLocation: string): ConnectionStorePort {
  const server = isServerLocation(startLocation);
  const fromUrl = server ? profileFromUrl(startLocation) : null;
  let state: { kind: SavedConnection['kind']; server: ServerProfile | null; password: string | null } = {
    kind: server ? 'server' : 'file',
    server: fromUrl?.profile ?? null,
    password: fromUrl?.password ?? null,
  };
  const file = server ? null : startLocation;
  return {
    passwordKeeping: () => 'session',
    fileLocation: () => file,
    saved: () => Promise.resolve({ kind: state.kind, server: state.server, passwordSaved: state.password !== null }),
    savedPassword: () => Promise.resolve(state.password),
    save: (connection) => {
      state =
        connection.kind === 'file'
          ? { ...state, kind: 'file' }
          : {
              kind: 'server',
              server: connection.server,
              password: passwordToKeep(state, connection.server, connection.password),
            };
      return Promise.resolve();
    },
  };
}
