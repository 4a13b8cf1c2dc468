import type { Knex } from 'knex';
import { AppError } from '../../../shared/domain/errors';
import { BIN_TABLES, type AuditEntry, type BinTable } from '../../../shared/domain/schemas';
import { dialectOf } from '../db/dialect/index';
import { insertValues } from '../db/insert-values';
import { restoreBefore } from './restore-marker-repository';

/** Audit rows per statement (10 values each, well under the bound-value limits). */
const AUDIT_BATCH = 500;

export type AuditAction =
  | 'insert'
  | 'update'
  | 'delete'
  | 'restore'
  | 'import'
  | 'verify'
  | 'unverify'
  | 'merge'
  | 'unmerge'
  | 'unimport'
  /** A migration's correction of a value the app had recorded without a source (0022). */
  | 'migrate';

export type AuditInsert = {
  table: string;
  recordId: number;
  action: AuditAction;
  before: unknown;
  after: unknown;
  actor: string;
  at: string;
  /** The entries of one bulk edit share a group (the id of its first entry); one undo reverts them all. */
  groupId?: number;
};

/**
 * An audit entry as its row: the values before and after as JSON text (null when none), and on a
 * server the database user and the server's time of the transaction (see the dialect).
 */
const auditRow = (db: Knex, entry: AuditInsert) => ({
  table_name: entry.table,
  record_id: entry.recordId,
  action: entry.action,
  before: entry.before === null || entry.before === undefined ? null : JSON.stringify(entry.before),
  after: entry.after === null || entry.after === undefined ? null : JSON.stringify(entry.after),
  actor: entry.actor,
  at: entry.at,
  ...(entry.groupId === undefined ? {} : { group_id: entry.groupId }),
  ...dialectOf(db).auditStamp(db),
});

/** Writes one audit entry and returns its id; call it inside the transaction that makes the change. */
export async function insertAudit(db: Knex, entry: AuditInsert): Promise<number> {
  const [row] = await db('audit_log').insert(auditRow(db, entry)).returning<{ id: number }[]>('id');
  if (!row) throw new Error('Insert of an audit entry returned no id');
  return row.id;
}

/** Writes many audit entries in chunks (a batch of verified or merged records), inside the caller's transaction. */
export async function insertAuditEntries(db: Knex, entries: readonly AuditInsert[]): Promise<void> {
  const rows = entries.map((entry) => auditRow(db, entry));
  for (let start = 0; start < rows.length; start += AUDIT_BATCH)
    await insertValues(db, 'audit_log', rows.slice(start, start + AUDIT_BATCH));
}

type AuditRecord = {
  id: number;
  action: AuditAction;
  before: string | null;
  after: string | null;
  actor: string;
  at: string;
  db_user: string | null;
  server_at: string | null;
};

/** The columns of an audit row that a history entry shows. */
const RECORD_COLUMNS = ['id', 'action', 'before', 'after', 'actor', 'at', 'db_user', 'server_at'] as const;

const parse = (text: string | null): Record<string, unknown> | null => {
  if (text === null) return null;
  const value: unknown = JSON.parse(text);
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
};

/** Makes an entry the first of its own group (a bulk edit's entries then name it as their group). */
export async function startAuditGroup(db: Knex, auditId: number): Promise<void> {
  await db('audit_log').where({ id: auditId }).update({ group_id: auditId });
}

/** An audit entry as written: what an undo, a revert or a bulk edit's undo restores from. */
type RawAuditEntry = {
  id: number;
  table_name: string;
  record_id: number;
  action: string;
  before: string | null;
  after: string | null;
};
const RAW_AUDIT_COLUMNS = ['id', 'table_name', 'record_id', 'action', 'before', 'after'] as const;

/** The raw entries of one record's changes of one kind, newest first (what an undo reads back). */
export async function rawEntriesOf(db: Knex, table: string, recordId: number, action: AuditAction) {
  return db('audit_log')
    .where({ table_name: table, record_id: recordId, action })
    .orderBy('id', 'desc')
    .select<RawAuditEntry[]>(...RAW_AUDIT_COLUMNS);
}

/** The entries of one group (a bulk edit), in the order they were written. */
export async function listAuditGroup(db: Knex, groupId: number) {
  return db('audit_log')
    .where({ group_id: groupId })
    .orderBy('id')
    .select<RawAuditEntry[]>(...RAW_AUDIT_COLUMNS);
}

/** Raw audit entry (what an undo or a revert restores from). */
export async function findAuditEntry(db: Knex, auditId: number) {
  return db('audit_log')
    .where({ id: auditId })
    .first<RawAuditEntry | undefined>(...RAW_AUDIT_COLUMNS);
}

/** An audit row as a history entry: the fields it changed, from what to what. */
function historyEntry(row: AuditRecord): AuditEntry {
  const before = parse(row.before);
  const after = parse(row.after);
  const fields = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const changes = [...fields]
    .filter(
      (field) =>
        field !== 'version' &&
        field !== 'updatedAt' &&
        // A field absent on one side and empty on the other did not change ("Zahájeno: — → —").
        JSON.stringify(before?.[field] ?? null) !== JSON.stringify(after?.[field] ?? null),
    )
    .map((field) => ({ field, from: before?.[field] ?? null, to: after?.[field] ?? null }));
  return {
    id: row.id,
    action: row.action,
    actor: row.actor,
    at: row.at,
    dbUser: row.db_user,
    serverAt: row.server_at,
    changes,
  };
}

/** What a history says of an entry that is one row of a bulk change (see `bulkGroupsOfRecord`). */
export type BulkGroupInfo = {
  /** The group's id (its first entry): what the bulk change's undo takes. */
  groupId: number;
  /** How many records the bulk change changed (its entries). */
  size: number;
  /** How many of them a later bulk undo has put back (0 on an undo's own entries). */
  undone: number;
  /** When this change is itself a bulk undo: the group it undid; else null. */
  undoOf: number | null;
};

/** A value of a bulk entry without its version, its keys in order: what an undo's inverse is compared by. */
const valuesOf = (text: string | null): string => {
  const value = parse(text);
  if (value === null) return 'null';
  return JSON.stringify(
    Object.keys(value)
      .filter((key) => key !== 'version')
      .sort()
      .map((key) => [key, value[key]]),
  );
};

/**
 * Whether `later` put back what `earlier` changed: it starts from what `earlier` left and ends on
 * what `earlier` found (a bulk undo writes exactly that; a version moves on either way).
 */
const undid = (
  earlier: { before: string | null; after: string | null },
  later: { before: string | null; after: string | null },
): boolean => valuesOf(later.before) === valuesOf(earlier.after) && valuesOf(later.after) === valuesOf(earlier.before);

/**
 * The bulk changes (partnerships' bulk edit, members' bulk membership: `update` entries sharing a
 * group) among one record's entries, by entry id: the group, how many records it changed, how
 * many of those a later bulk undo put back (the next entry of that record undid it, in a group of
 * its own), and whether the entry is itself such an undo. Walkthrough 26: after the toast had
 * gone, the history did not say an entry was one of ten, and only the one record could be reverted.
 */
export async function bulkGroupsOfRecord(
  db: Knex,
  table: string,
  recordId: number,
): Promise<Map<number, BulkGroupInfo>> {
  type Row = { id: number; group_id: number | null; action: string; before: string | null; after: string | null };
  const rows = await db('audit_log')
    .where({ table_name: table, record_id: recordId })
    .orderBy('id')
    .select<Row[]>('id', 'group_id', 'action', 'before', 'after');
  const grouped = (row: Row | undefined): row is Row & { group_id: number } =>
    row !== undefined && row.group_id !== null && row.action === 'update';
  const found = new Map<number, BulkGroupInfo>();
  const groups = new Map<number, { size: number; undone: number }>();
  // The record's last bulk entry before the one at hand, and whether it was itself an undo: an
  // edit that puts back what an undo put back is a new edit (done again), not an undo of the undo.
  let previous: { row: Row & { group_id: number }; undo: boolean } | null = null;
  for (const row of rows) {
    if (!grouped(row)) {
      previous = null;
      continue;
    }
    const undoOf: number | null =
      previous !== null && !previous.undo && previous.row.group_id !== row.group_id && undid(previous.row, row)
        ? previous.row.group_id
        : null;
    previous = { row, undo: undoOf !== null };
    let group = groups.get(row.group_id);
    if (group === undefined) {
      group = await bulkGroupCounts(db, table, row.group_id);
      groups.set(row.group_id, group);
    }
    // An undo is not undone in turn (a later edit that puts its values back is done again): 0.
    found.set(row.id, { groupId: row.group_id, size: group.size, undone: undoOf === null ? group.undone : 0, undoOf });
  }
  return found;
}

/** How many records one bulk change changed, and how many of them a later bulk undo put back. */
async function bulkGroupCounts(db: Knex, table: string, groupId: number): Promise<{ size: number; undone: number }> {
  type Pair = { a_before: string | null; a_after: string | null; b_before: string | null; b_after: string | null };
  const [counted] = await db('audit_log').where({ group_id: groupId }).count<{ n: number | string }[]>({ n: '*' });
  // Each entry of the group beside the next entry of its record, when that one is of a group too.
  const pairs = await db('audit_log as a')
    .join('audit_log as b', function joinNext() {
      this.on('b.table_name', '=', 'a.table_name').andOn('b.record_id', '=', 'a.record_id').andOn('b.id', '>', 'a.id');
    })
    .where('a.group_id', groupId)
    .where('a.table_name', table)
    .where('a.action', 'update')
    .where('b.action', 'update')
    .whereNotNull('b.group_id')
    .whereNot('b.group_id', groupId)
    .whereRaw(
      'b.id = (select min(c.id) from audit_log c where c.table_name = a.table_name and c.record_id = a.record_id and c.id > a.id)',
    )
    .select<Pair[]>('a.before as a_before', 'a.after as a_after', 'b.before as b_before', 'b.after as b_after');
  const undone = pairs.filter((pair) =>
    undid({ before: pair.a_before, after: pair.a_after }, { before: pair.b_before, after: pair.b_after }),
  ).length;
  return { size: Number(counted?.n ?? 0), undone };
}

/** The history of one record, newest first, with the fields each entry changed. */
export async function listHistory(db: Knex, table: string, recordId: number): Promise<AuditEntry[]> {
  const rows = await db('audit_log')
    .where({ table_name: table, record_id: recordId })
    .orderBy('id', 'desc')
    .select<AuditRecord[]>(RECORD_COLUMNS);
  return rows.map(historyEntry);
}

type ChildTable = 'contacts' | 'activities' | 'agreement_documents' | 'attachments';

/**
 * The history of a partnership's children, newest first: every audit entry of its contacts,
 * activities and agreement drafts, those that exist and those deleted since (found by the
 * partnership their first entry names), each with the child's name; and the writing of each draft
 * (audited since December 2026; an older draft's creation comes from the draft, id `-draftId`,
 * without a name).
 */
export async function listPartnershipChildHistory(db: Knex, partnershipId: number): Promise<AuditEntry[]> {
  const ids: Record<ChildTable, Set<number>> = {
    contacts: new Set(await db('contacts').where({ partnership_id: partnershipId }).pluck<number[]>('id')),
    activities: new Set(await db('activities').where({ partnership_id: partnershipId }).pluck<number[]>('id')),
    attachments: new Set(await db('attachments').where({ partnership_id: partnershipId }).pluck<number[]>('id')),
    agreement_documents: new Set(),
  };
  const drafts = await db('agreement_documents')
    .where({ partnership_id: partnershipId })
    .select<{ id: number; file_name: string | null; template: string; created_at: string }[]>(
      'id',
      'file_name',
      'template',
      'created_at',
    );
  for (const draft of drafts) ids.agreement_documents.add(draft.id);
  // Children deleted since: the audit writes the partnership first in a child's insert and the raw
  // row (id, then partnership_id) in a draft's delete.
  const key = String(partnershipId);
  for (const row of await db('audit_log')
    .whereIn('table_name', ['contacts', 'activities', 'attachments'])
    .where({ action: 'insert' })
    .where('after', 'like', `{"partnershipId":${key},%`)
    .select<{ table_name: 'contacts' | 'activities' | 'attachments'; record_id: number }[]>('table_name', 'record_id'))
    ids[row.table_name].add(row.record_id);
  for (const row of await db('audit_log')
    .where({ table_name: 'agreement_documents', action: 'delete' })
    .where('before', 'like', `{"_row":{"id":%,"partnership_id":${key},%`)
    .select<{ record_id: number }[]>('record_id'))
    ids.agreement_documents.add(row.record_id);
  const entries: AuditEntry[] = [];
  /** Drafts whose writing the audit holds (who and when); older ones get it from the draft. */
  const auditedDrafts = new Set<number>();
  const labels = new Map<string, string>();
  for (const draft of drafts) labels.set(`agreement_documents|${String(draft.id)}`, draft.file_name ?? draft.template);
  for (const table of ['contacts', 'activities', 'agreement_documents', 'attachments'] as const) {
    const recordIds = [...ids[table]];
    for (let start = 0; start < recordIds.length; start += 500) {
      const rows = await db('audit_log')
        .where({ table_name: table })
        .whereIn('record_id', recordIds.slice(start, start + 500))
        .orderBy('id')
        .select<(AuditRecord & { record_id: number })[]>([...RECORD_COLUMNS, 'record_id']);
      for (const row of rows) {
        const kept = parse(row.after) ?? parse(row.before) ?? {};
        const raw = (kept._row ?? {}) as Record<string, unknown>;
        const named = kept.name ?? kept.title ?? kept.fileName ?? raw.file_name ?? raw.template;
        const labelKey = `${table}|${String(row.record_id)}`;
        if (typeof named === 'string' && !labels.has(labelKey)) labels.set(labelKey, named);
        const entry = historyEntry(row);
        if (table === 'agreement_documents' && entry.action === 'insert') auditedDrafts.add(row.record_id);
        entries.push({
          ...entry,
          // A draft's delete keeps only the raw row: nothing of it is a field change to list.
          changes: table === 'agreement_documents' ? [] : entry.changes,
          child: { table, label: labels.get(labelKey) ?? `#${String(row.record_id)}` },
        });
      }
    }
  }
  for (const draft of drafts.filter((d) => !auditedDrafts.has(d.id)))
    entries.push({
      id: -draft.id,
      action: 'insert',
      actor: '',
      at: draft.created_at,
      changes: [],
      child: { table: 'agreement_documents', label: draft.file_name ?? draft.template },
    });
  return entries;
}

/**
 * Who changed a record last and when, from its audit log: the display name (with the database
 * user beside it when they differ) and the server's time when known, else the writer's. Null when
 * the log has no entry of the record (rows written before audits, or by a bulk load).
 */
async function lastChange(db: Knex, table: string, id: number): Promise<{ name: string; at: string } | null> {
  const row = await db('audit_log')
    .where({ table_name: table, record_id: id })
    // A migration's correction raises no version: it is never the change a conflict is about.
    .whereNot('action', 'migrate')
    .orderBy('id', 'desc')
    .first<Pick<AuditRecord, 'actor' | 'at' | 'db_user' | 'server_at'> | undefined>(
      'actor',
      'at',
      'db_user',
      'server_at',
    );
  return row === undefined ? null : writerOf(row);
}

/** Who wrote an audit entry (the display name, with the database user where it differs) and when. */
export function writerOf(
  row: Pick<AuditRecord, 'actor' | 'at' | 'db_user' | 'server_at'>,
): { name: string; at: string } | null {
  const user = row.db_user ?? '';
  const name = row.actor === '' ? user : user !== '' && user !== row.actor ? `${row.actor} (${user})` : row.actor;
  return name === '' ? null : { name, at: row.server_at ?? row.at };
}

/**
 * The refusal to put back one past change of a record (its history's "Vrátit tuto změnu") because
 * `field` changed again since: a CONFLICT naming the field (`details.field`, labelled by the
 * screen) and who changed it later and when, from the first later entry that changed it.
 */
export async function changedSinceFailure(
  db: Knex,
  table: string,
  recordId: number,
  auditId: number,
  field: string,
): Promise<AppError> {
  const later = await db('audit_log')
    .where({ table_name: table, record_id: recordId })
    .where('id', '>', auditId)
    .orderBy('id', 'asc')
    .select<Pick<AuditRecord, 'actor' | 'at' | 'db_user' | 'server_at' | 'before' | 'after'>[]>(
      'actor',
      'at',
      'db_user',
      'server_at',
      'before',
      'after',
    );
  const value = (json: string | null): string => {
    try {
      const parsed = JSON.parse(json ?? 'null') as Record<string, unknown> | null;
      return JSON.stringify(parsed?.[field] ?? null);
    } catch {
      return 'null';
    }
  };
  // A delete and a restore carry no field on one side: not the change that is meant.
  const entry = later.find(
    (row) => row.before !== null && row.after !== null && value(row.before) !== value(row.after),
  );
  const by = entry === undefined ? null : writerOf(entry);
  return new AppError('CONFLICT', `The field ${field} has changed since; this change cannot be put back.`, {
    reason: by === null ? 'history.error.changedSince' : 'history.error.changedSinceBy',
    field,
    ...(by === null ? {} : { params: { name: by.name }, changedAt: by.at }),
  });
}

/**
 * CONFLICT or NOT_FOUND for a versioned write that changed no row. A CONFLICT names who changed
 * the record meanwhile and when (reason `error.conflictBy`; the renderer says the time in the
 * user's language), when the audit log knows it.
 */
/**
 * NOT_FOUND for a record that is not there: when its last audit entry is a delete, naming who
 * deleted it and when (reason `error.deletedBy`: the bin has it); when an import was undone, naming
 * the import's file, who undid it and when (reason `error.unimportedBy`: the bin does not have it,
 * and the colleague was sent looking there: walkthrough 18); when a colleague merged it into another
 * record since its own last entry, naming who, when and into which record (`merge.error.mergedInto`,
 * walkthrough 22: the bin does not have it either); else plainly.
 */
export async function recordGone(db: Knex, table: string, id: number): Promise<AppError> {
  const last = await db('audit_log')
    .where({ table_name: table, record_id: id })
    .orderBy('id', 'desc')
    .first<{ id: number; action: string; at: string; after: string | null } | undefined>('id', 'action', 'at', 'after');
  const merged = await mergedAwayBy(db, table, id, last?.id ?? 0);
  if (merged !== null) return merged;
  if (last?.action === 'unimport' && last.after === null) {
    const by = await lastChange(db, table, id);
    // The undo's own entry, written with the records' in one statement (the same moment).
    const run = await db('audit_log')
      .where({ table_name: 'import_runs', action: 'unimport', at: last.at })
      .orderBy('id', 'desc')
      .first<{ after: string | null } | undefined>('after');
    const file = (() => {
      try {
        const after = JSON.parse(run?.after ?? 'null') as { fileName?: unknown } | null;
        return typeof after?.fileName === 'string' ? after.fileName : '';
      } catch {
        return '';
      }
    })();
    return new AppError('NOT_FOUND', `The record was removed meanwhile by undoing the import of ${file}.`, {
      reason: 'error.unimportedBy',
      params: { name: by?.name ?? '—', file },
      changedAt: by?.at ?? last.at,
    });
  }
  const by = last?.action === 'delete' ? await lastChange(db, table, id) : null;
  if (by === null) return new AppError('NOT_FOUND', `No record ${String(id)} in ${table}`);
  return new AppError('NOT_FOUND', `The record was deleted meanwhile by ${by.name} at ${by.at}.`, {
    reason: 'error.deletedBy',
    params: { name: by.name },
    changedAt: by.at,
  });
}

/**
 * NOT_FOUND for a record merged away into another one after its own last audit entry `sinceId` (a
 * later delete, import undo or restore of it counts instead): the merge is audited on the kept
 * record, its `after` naming this one as `mergedId` (a partnership merge, a town merge, and a town
 * merge's inner partnership merges alike). Null when no such merge is recorded.
 */
async function mergedAwayBy(db: Knex, table: string, id: number, sinceId: number): Promise<AppError | null> {
  if (table !== 'partnerships' && table !== 'foreign_towns') return null;
  const key = `"mergedId":${String(id)}`;
  // The JSON text narrowed by the exact key and number up to its boundary, then checked parsed.
  const rows = await db('audit_log')
    .where({ table_name: table, action: 'merge' })
    .where('id', '>', sinceId)
    .where((q) => {
      void q.where('after', 'like', `%${key},%`).orWhere('after', 'like', `%${key}}%`);
    })
    .orderBy('id', 'desc')
    .select<
      (Pick<AuditRecord, 'actor' | 'at' | 'db_user' | 'server_at'> & { record_id: number; after: string | null })[]
    >('record_id', 'after', 'actor', 'at', 'db_user', 'server_at');
  const entry = rows.find((row) => {
    try {
      const after = JSON.parse(row.after ?? 'null') as { mergedId?: unknown } | null;
      return after?.mergedId === id;
    } catch {
      return false;
    }
  });
  if (entry === undefined) return null;
  const by = writerOf(entry);
  const name = by?.name ?? '—';
  const at = by?.at ?? entry.server_at ?? entry.at;
  const into = await labelOf(db, table, entry.record_id);
  if (into === null)
    return new AppError(
      'NOT_FOUND',
      `The record was merged meanwhile by ${name} at ${at} into record ${String(entry.record_id)}, which is no longer in the registry either. Nothing was saved.`,
      { reason: 'merge.error.mergedIntoGone', params: { name, at }, changedAt: at, mergedInto: entry.record_id },
    );
  return new AppError(
    'NOT_FOUND',
    `The record was merged meanwhile by ${name} at ${at} into ${into}. Nothing was saved; your edits stay in the form. Open the merged record and make the change there.`,
    { reason: 'merge.error.mergedInto', params: { name, at, into }, changedAt: at, mergedInto: entry.record_id },
  );
}

/** A partnership as "member – town", a town by its name, as they are now; null when it is gone. */
async function labelOf(db: Knex, table: 'partnerships' | 'foreign_towns', id: number): Promise<string | null> {
  if (table === 'foreign_towns') {
    const town = await db('foreign_towns').where({ id }).first<{ name: string } | undefined>('name');
    return town?.name ?? null;
  }
  const row = await db('partnerships as p')
    .join('municipalities as m', 'm.id', 'p.municipality_id')
    .join('foreign_towns as t', 't.id', 'p.foreign_town_id')
    .where('p.id', id)
    .first<{ member: string; town: string } | undefined>('m.name as member', 't.name as town');
  return row === undefined ? null : `${row.member} – ${row.town}`;
}

/**
 * The refusal of a change made against `expectedVersion` of a record stored at another one: a
 * CONFLICT naming who changed it last and when (from its history), or NOT_FOUND naming who deleted
 * it. Services that check a version before writing throw this too, so that every screen can name
 * the colleague (walkthrough 13: the member and request conflicts did not).
 */
export async function versionFailure(db: Knex, table: string, id: number, expectedVersion: number): Promise<AppError> {
  const exists = await db(table).where({ id }).first<{ version: number } | undefined>('version');
  if (!exists) return recordGone(db, table, id);
  const versions = { currentVersion: exists.version, expectedVersion };
  // A version read before the registry was restored from a backup: the restore is what changed
  // the record, not the last edit its restored history names (walkthrough 20, finding 10).
  const restore = await restoreBefore(db, table, expectedVersion);
  if (restore !== null)
    return new AppError(
      'CONFLICT',
      `The registry was restored from the backup ${restore.backup} at ${restore.at}, after this record was read (you edited version ${String(expectedVersion)}). Nothing was saved: reload the restored record and check your change against it.`,
      { ...versions, reason: 'error.conflictRestored', params: { backup: restore.backup }, changedAt: restore.at },
    );
  const by = await lastChange(db, table, id);
  if (by === null)
    return new AppError(
      'CONFLICT',
      `The record was changed meanwhile (version ${String(exists.version)}, you edited version ${String(expectedVersion)}). Reload it and apply your change again.`,
      versions,
    );
  return new AppError(
    'CONFLICT',
    `The record was changed meanwhile by ${by.name} at ${by.at} (version ${String(exists.version)}, you edited version ${String(expectedVersion)}). Reload it and apply your change again.`,
    { ...versions, reason: 'error.conflictBy', params: { name: by.name }, changedBy: by.name, changedAt: by.at },
  );
}

/**
 * Deletes a row only if its `version` is still the one the user saw, in the same statement: a
 * newer version written by someone else meanwhile is never removed (CONFLICT); a row already
 * gone gives NOT_FOUND. Children go by ON DELETE CASCADE.
 */
export async function deleteVersioned(db: Knex, table: string, id: number, expectedVersion: number): Promise<void> {
  const deleted = await db(table).where({ id, version: expectedVersion }).delete();
  if (deleted !== 1) throw await versionFailure(db, table, id, expectedVersion);
}

/**
 * Optimistic concurrency: updates a row only if its `version` is still the one the editor saw,
 * and bumps it. A row changed underneath (another window, later another user) gives CONFLICT
 * instead of being silently overwritten; a missing row gives NOT_FOUND.
 */
export async function updateVersioned(
  db: Knex,
  table: string,
  id: number,
  expectedVersion: number,
  columns: Record<string, unknown>,
): Promise<void> {
  const changed = await db(table)
    .where({ id, version: expectedVersion })
    .update({ ...columns, version: expectedVersion + 1 });
  if (changed === 1) return;
  throw await versionFailure(db, table, id, expectedVersion);
}

/** Tables whose deleted records the bin lists and can bring back. */
export { BIN_TABLES, type BinTable };

export type Deletion = {
  auditId: number;
  table: BinTable;
  recordId: number;
  actor: string;
  at: string;
  before: Record<string, unknown> | null;
};

/**
 * Delete entries since `since` (ISO) whose record is still gone, newest first: what the bin shows.
 * A record restored since (it exists again) is not listed; of several deletes of one record, the
 * latest counts.
 */
export async function listDeletions(db: Knex, since: string): Promise<Deletion[]> {
  const rows = await db('audit_log')
    .where({ action: 'delete' })
    .whereIn('table_name', [...BIN_TABLES])
    .where('at', '>=', since)
    .orderBy('id', 'desc')
    .select<(AuditRecord & { table_name: string; record_id: number })[]>(
      'id',
      'table_name',
      'record_id',
      'actor',
      'at',
      'before',
    );
  const latest = new Map<string, (typeof rows)[number]>();
  for (const row of rows) {
    const key = `${row.table_name}|${String(row.record_id)}`;
    if (!latest.has(key)) latest.set(key, row);
  }
  const out: Deletion[] = [];
  for (const table of BIN_TABLES) {
    const candidates = [...latest.values()].filter((row) => row.table_name === table);
    const existing = new Set<number>();
    // A record's last entry of any kind: a delete undone since (restored) and the record gone
    // again with its parent is no deletion of its own to offer (restoring it would be refused; its
    // parent's deletion brings it back).
    const lastEntry = new Map<number, number>();
    for (let start = 0; start < candidates.length; start += 500) {
      const ids = candidates.slice(start, start + 500).map((row) => row.record_id);
      for (const row of await db(table).whereIn('id', ids).select<{ id: number }[]>('id')) existing.add(row.id);
      const lasts = await db('audit_log')
        .where('table_name', table)
        .whereIn('record_id', ids)
        .groupBy('record_id')
        .select<{ record_id: number; last: number | string }[]>('record_id', db.raw('max(id) as last'));
      for (const row of lasts) lastEntry.set(row.record_id, Number(row.last));
    }
    for (const row of candidates) {
      if (existing.has(row.record_id)) continue;
      if ((lastEntry.get(row.record_id) ?? row.id) > row.id) continue;
      out.push({
        auditId: row.id,
        table,
        recordId: row.record_id,
        actor: row.actor,
        at: row.at,
        before: parse(row.before),
      });
    }
  }
  return out.sort((a, b) => b.auditId - a.auditId);
}

/** Puts a row back exactly as the audit entry kept it (`_row`: the raw columns), with its id. */
/** Whether a record with this id exists in a bin table (a restore must not run twice). */
export async function recordExists(db: Knex, table: BinTable, id: number): Promise<boolean> {
  return (await db(table).where({ id }).first('id')) !== undefined;
}

export async function reinsertRow(db: Knex, table: BinTable, row: Record<string, unknown>): Promise<void> {
  await db(table).insert(row);
}

/** The names of towns merged into others, as their merges recorded them. */
export async function mergedTownNames(db: Knex, ids: readonly number[]): Promise<Map<number, string>> {
  const wanted = new Set(ids);
  const out = new Map<number, string>();
  const merges = await db('audit_log')
    .where({ table_name: 'foreign_towns', action: 'merge' })
    .select<{ after: string | null }[]>('after');
  for (const { after } of merges) {
    const merged: unknown = after === null ? null : JSON.parse(after);
    if (typeof merged !== 'object' || merged === null || !('mergedId' in merged) || !('mergedName' in merged)) continue;
    const { mergedId, mergedName } = merged;
    if (typeof mergedId === 'number' && typeof mergedName === 'string' && wanted.has(mergedId))
      out.set(mergedId, mergedName);
  }
  return out;
}
