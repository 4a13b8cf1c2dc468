/**
 * Connections: a registry file through SQLite, a registry on a server through PostgreSQL. What
 * each engine needs to be opened (pragmas, `BEGIN IMMEDIATE`, typed values) lives in its dialect.
 */
export { openKnex, openReadKnex, readConnections } from './dialect/sqlite';
export { openServerKnex, redactLocation } from './dialect/postgres';
