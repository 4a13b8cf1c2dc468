import { z } from 'zod';

/**
 * Where the registry is (issue 15): a file on this computer (SQLite, the default) or a database on
 * a PostgreSQL server that several staff members share. Settings keeps a server's connection
 * profile (host, port, database, user); its password is never part of the profile.
 */
export const REGISTRY_KINDS = ['file', 'server'] as const;
export type RegistryKind = (typeof REGISTRY_KINDS)[number];

/** The port PostgreSQL listens on unless its administrator chose another. */
export const DEFAULT_SERVER_PORT = 5432;

/**
 * A host name, an IPv4 or an IPv6 address: letters, digits, dots, hyphens and colons only, so that
 * nothing typed here can add a user, a path or a parameter to the connection's URL.
 */
const HOST_PATTERN = /^[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?$|^[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*$/;

/** Bytes of a text in UTF-8 (shared code has neither TextEncoder nor Buffer). */
const utf8Length = (text: string): number => {
  let bytes = 0;
  for (const char of text) {
    const point = char.codePointAt(0) ?? 0;
    bytes += point < 0x80 ? 1 : point < 0x800 ? 2 : point < 0x10000 ? 3 : 4;
  }
  return bytes;
};

export const serverProfileSchema = z
  .object({
    host: z
      .string()
      .trim()
      .min(1, 'validation.required')
      .max(253, 'validation.tooLong')
      .regex(HOST_PATTERN, 'validation.host'),
    port: z
      .number({ message: 'validation.port' })
      .int('validation.port')
      .min(1, 'validation.port')
      .max(65_535, 'validation.port'),
    // PostgreSQL cuts names at 63 bytes; a longer one would name another database than typed.
    database: z
      .string()
      .trim()
      .min(1, 'validation.required')
      .refine((value) => utf8Length(value) <= 63, 'validation.tooLong'),
    user: z
      .string()
      .trim()
      .min(1, 'validation.required')
      .refine((value) => utf8Length(value) <= 63, 'validation.tooLong'),
  })
  .strict();
export type ServerProfile = z.infer<typeof serverProfileSchema>;

/** A password as typed (never trimmed: a space may be part of it). */
export const serverPasswordSchema = z.string().min(1).max(1000);

/**
 * The connection URL of a profile, with the password when one is given. Only core builds it with
 * a password, to open the connection; what is shown is always built without one.
 */
export function serverUrl(profile: ServerProfile, password?: string | null): string {
  const host = profile.host.includes(':') ? `[${profile.host}]` : profile.host;
  const secret =
    password === undefined || password === null || password === '' ? '' : `:${encodeURIComponent(password)}`;
  return `postgres://${encodeURIComponent(profile.user)}${secret}@${host}:${String(profile.port)}/${encodeURIComponent(profile.database)}`;
}

/** Whether two profiles name the same server, database and user (a saved password belongs to one). */
export const sameServer = (a: ServerProfile | null, b: ServerProfile | null): boolean =>
  a !== null &&
  b !== null &&
  a.host.toLowerCase() === b.host.toLowerCase() &&
  a.port === b.port &&
  a.database === b.database &&
  a.user === b.user;

/**
 * What a test of a server connection found:
 * - `connected`: the registry can be opened (its structure may be created or updated on switching);
 * - `wrongPassword`: the server refused the password (or the user: the server does not say which);
 * - `passwordNeeded`: the server asks for a password and none was given or saved;
 * - `unreachable`: no server answers at that address and port (or the name is unknown);
 * - `noDatabase`: the server has no database of that name;
 * - `notAllowed`: the user may not connect or read the registry (rights the administrator grants);
 * - `mustInit`: the registry's structure must be created or updated, which this user may not do:
 *   an administrator must run `twinreg init`;
 * - `tooNew`: the registry was made by a newer version of the application;
 * - `failed`: anything else (the detail says what).
 */
export const CONNECTION_OUTCOMES = [
  'connected',
  'wrongPassword',
  'passwordNeeded',
  'unreachable',
  'noDatabase',
  'notAllowed',
  'mustInit',
  'tooNew',
  'failed',
] as const;
export type ConnectionOutcome = (typeof CONNECTION_OUTCOMES)[number];

/** What opening the registry will do to its structure: nothing, create it, or update it. */
export const SCHEMA_STATES = ['current', 'create', 'update'] as const;
export type SchemaState = (typeof SCHEMA_STATES)[number];

/** How a host keeps a server's password: the operating system's secure store, or only while it runs. */
export const PASSWORD_KEEPING = ['secure', 'session'] as const;
export type PasswordKeeping = (typeof PASSWORD_KEEPING)[number];
