import type { Database } from '../../db/database';
import {
  loadAuditMark,
  loadAuditedTablesBetween,
  loadNewestAuditMark,
  loadServerSnapshot,
  type AuditMark,
} from '../../repositories/statistics-repository';

/**
 * The statistics' answers kept between calls, keyed by the data version (issue 16, target 4): the
 * dashboard asks again after every screen change, and at Europe's scale (200,000 activities) each
 * answer is nine grouped queries over everything. An answer is served again only while nothing it
 * reads has changed since it was computed:
 *
 * - every change this app makes goes through `auditedChange`, which names the tables it touched
 *   once it is committed (`noteChangedTables`): a change of a table the figures read (members,
 *   partnerships, towns, activities, areas, regions) drops every kept answer; a change of contacts,
 *   agreement drafts or partnership requests keeps them (the figures never read those);
 * - changes made by another program on the same file (the command line, a second window, a restore
 *   there) are seen in the audit log, which every change writes in its transaction: before an answer
 *   is served, the newest audit entry is read (one step of the primary key) and compared with the
 *   one seen last; the entries in between name their tables. An audit log that went back or whose
 *   entry changed (a backup restored) drops everything; a restore in this app says so itself
 *   (backup-service.ts), also when the log was empty before.
 *
 * The version is read before the answer is computed, so an answer computed while a change commits is
 * stored under the older version and never served after it. Kept answers are frozen (callers share
 * them).
 *
 * A registry on a PostgreSQL server is kept by another version: other clients' transactions may
 * commit out of the order of their audit ids, so the newest entry would not prove that nothing else
 * changed. The server's snapshot does (`txid_current_snapshot()`: the first transaction id not yet
 * given out and the ids still in progress): it stays the same text exactly while no writing
 * transaction of any client has started and committed. It is read before the answer is computed; an
 * answer computed while something commits may see that change, but is kept under the snapshot
 * before it, which is never current again. Any write on the server (also in another database of
 * the cluster) drops the kept answers: never a stale figure, at worst one computed again.
 */

/** Tables the statistics never read: their changes keep the kept answers. */
const UNREAD_TABLES: ReadonlySet<string> = new Set([
  'contacts',
  'agreement_documents',
  'partnership_requests',
  'audit_log',
]);

/** Filters kept at once (the dashboard's current filter, a few recent ones, the exports'). */
const MAX_ENTRIES = 8;

type Entry<V = number> = { version: V; value: Promise<unknown> };

type CacheState = {
  /** Goes up whenever a table the figures read may have changed; answers of older versions are dropped. */
  version: number;
  /** The newest audit entry when the log was last read (undefined: not read yet). */
  mark: AuditMark | null | undefined;
  /** The one read of the audit log in progress (reads are serialised: each starts from the last mark). */
  probing: Promise<void>;
  entries: Map<string, Entry>;
};

/** One cache per open database: a reconnect or another registry starts empty. */
const states = new WeakMap<Database, CacheState>();

function stateOf(db: Database): CacheState {
  let state = states.get(db);
  if (state === undefined) {
    state = { version: 0, mark: undefined, probing: Promise.resolve(), entries: new Map() };
    states.set(db, state);
  }
  return state;
}

function invalidate(state: CacheState): void {
  state.version += 1;
  state.entries.clear();
}

function noteTables(state: CacheState, tables: Iterable<string>): void {
  for (const table of tables) {
    if (!UNREAD_TABLES.has(table)) {
      invalidate(state);
      return;
    }
  }
}

/** After a committed change of this app: the tables it touched (`auditedChange`, a restore). */
export function noteChangedTables(db: Database, tables: readonly string[]): void {
  const state = states.get(db);
  if (state !== undefined) noteTables(state, tables);
}

const sameMark = (a: AuditMark | null, b: AuditMark | null): boolean =>
  a === b ||
  (a !== null && b !== null && a.id === b.id && a.at === b.at && a.table === b.table && a.recordId === b.recordId);

/** Reads what the audit log says changed since the last read (by this app or any other program). */
async function probe(db: Database, state: CacheState): Promise<void> {
  const seen = state.mark;
  const newest = await loadNewestAuditMark(db.reader);
  if (seen === undefined) {
    state.mark = newest;
    // Nothing may have been kept without a mark; dropping is free.
    invalidate(state);
    return;
  }
  if (sameMark(seen, newest)) return;
  if (newest === null || (seen !== null && newest.id < seen.id)) {
    state.mark = newest;
    invalidate(state);
    return;
  }
  // The entry seen last must still be there as it was: otherwise the log was replaced (a restore).
  const still = seen === null ? null : await loadAuditMark(db.reader, seen.id);
  if (!sameMark(still, seen)) invalidate(state);
  else noteTables(state, await loadAuditedTablesBetween(db.reader, seen?.id ?? 0, newest.id));
  state.mark = newest;
}

function deepFreeze<T>(value: T): T {
  // A kept text's bytes (`JsonText`) cannot be frozen; nothing writes them.
  if (value !== null && typeof value === 'object' && !ArrayBuffer.isView(value) && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/**
 * The answer of `compute` for `key` (a report and its filter): the kept one while the data it read
 * has not changed, else computed (once, however many callers ask meanwhile) and kept.
 */
export async function cachedReport<T>(db: Database, key: string, compute: () => Promise<T>): Promise<T> {
  if (db.dialect === 'postgres') return cachedOnServer(db, key, compute);
  const state = stateOf(db);
  const probing = state.probing.then(() => probe(db, state));
  // A failed read of the log keeps nothing: the next call reads it again from scratch.
  state.probing = probing.catch(() => {
    state.mark = undefined;
  });
  try {
    await probing;
  } catch {
    return compute();
  }
  return keep(state.entries, key, state.version, compute);
}

/** One store per open server registry: answers under the server's snapshot they were computed at. */
const serverStates = new WeakMap<Database, Map<string, Entry<string>>>();

async function cachedOnServer<T>(db: Database, key: string, compute: () => Promise<T>): Promise<T> {
  let entries = serverStates.get(db);
  if (entries === undefined) {
    entries = new Map();
    serverStates.set(db, entries);
  }
  let snapshot: string;
  try {
    snapshot = await loadServerSnapshot(db.reader);
  } catch {
    return compute();
  }
  return keep(entries, key, snapshot, compute);
}

/** The kept answer for `key` at `version`, else `compute`'s (once, however many ask meanwhile), kept. */
function keep<V, T>(entries: Map<string, Entry<V>>, key: string, version: V, compute: () => Promise<T>): Promise<T> {
  const kept = entries.get(key);
  if (kept !== undefined && kept.version === version) {
    // Most recently used last: the oldest filter is the one dropped.
    entries.delete(key);
    entries.set(key, kept);
    return kept.value as Promise<T>;
  }
  const value = compute().then(deepFreeze);
  const entry: Entry<V> = { version, value };
  entries.set(key, entry);
  while (entries.size > MAX_ENTRIES) {
    const oldest = entries.keys().next().value;
    if (oldest === undefined) break;
    entries.delete(oldest);
  }
  value.catch(() => {
    if (entries.get(key) === entry) entries.delete(key);
  });
  return value;
}
