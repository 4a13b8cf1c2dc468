import type { Knex } from 'knex';

/**
 * The registry's last restore from a backup, kept in `meta` (walkthrough 20, finding 10): when it
 * was, from which backup, and each versioned table's highest version just before it (`floors`).
 *
 * A restore puts records back at the versions the backup had, which windows still showing the
 * registry from before it may hold too, for other contents: their save would pass the version
 * check and write stale values over restored data. So the restore raises every version of a
 * table by that table's highest version before it. Then every record after the restore has a
 * version above `floors[table]`, and any version a window read before the restore is at most
 * `floors[table]`: such a save always fails its version check, and the check names the restore.
 */
export type RestoreMarker = {
  /** When the backup was restored (ISO). */
  at: string;
  /** The backup's file name. */
  backup: string;
  /** Per versioned table, the highest version before the restore. */
  floors: Record<string, number>;
};

const MARKER_KEY = 'last_restore';

/** Of these tables, those that exist and carry a `version` (the lock every save checks). */
export async function versionedTables(db: Knex, candidates: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const table of candidates)
    if ((await db.schema.hasTable(table)) && (await db.schema.hasColumn(table, 'version'))) out.push(table);
  return out;
}

/**
 * Each table's highest `version` any window may hold now (0 for an empty table): the highest
 * stored, and the highest the audit log names for the table, which counts records deleted since
 * (in the bin, merged away, or removed by an import's undo). A window may still hold one of those
 * at its last version, and the restore may bring the record back: without them, the restored
 * record could get that very version again and the window's save would pass.
 */
export async function highestVersions(db: Knex, tables: readonly string[]): Promise<Record<string, number>> {
  const floors: Record<string, number> = {};
  for (const table of tables) {
    const row = await db(table).max<{ top: number | string | null }>({ top: 'version' }).first();
    floors[table] = Math.max(Number(row?.top ?? 0), await highestAuditedVersion(db, table));
  }
  return floors;
}

/**
 * The highest `version` in the audit log's before and after values of a table's records. SQLite's
 * `json_extract` (backups are restored into registry files); elsewhere, or for a value that is not
 * JSON (no version of the app writes one), the values are read one by one.
 */
async function highestAuditedVersion(db: Knex, table: string): Promise<number> {
  if (!(await db.schema.hasTable('audit_log'))) return 0;
  try {
    const row = await db('audit_log')
      .where({ table_name: table })
      .first<{ before: number | string | null; after: number | string | null }>(
        db.raw("coalesce(max(cast(json_extract(before, '$.version') as integer)), 0) as before"),
        db.raw("coalesce(max(cast(json_extract(after, '$.version') as integer)), 0) as after"),
      );
    return Math.max(Number(row.before ?? 0), Number(row.after ?? 0)) || 0;
  } catch {
    let top = 0;
    const rows = await db('audit_log')
      .where({ table_name: table })
      .select<{ before: string | null; after: string | null }[]>('before', 'after');
    for (const entry of rows)
      for (const text of [entry.before, entry.after]) {
        if (text === null) continue;
        try {
          const version = (JSON.parse(text) as { version?: unknown } | null)?.version;
          if (typeof version === 'number' && version > top) top = version;
        } catch {
          // not JSON: no version in it
        }
      }
    return top;
  }
}

/**
 * After a restore: raises every version of each table by its floor and writes the marker, in one
 * transaction (a restore that stopped halfway keeps neither). Versions are the lock, not data:
 * no value of a record changes.
 */
export async function markRestore(db: Knex, marker: RestoreMarker): Promise<void> {
  await db.transaction(async (trx) => {
    for (const [table, floor] of Object.entries(marker.floors))
      if (floor > 0 && (await trx.schema.hasTable(table)))
        await trx(table).update({ version: trx.raw('version + ?', [floor]) });
    await trx('meta')
      .insert({ key: MARKER_KEY, value: JSON.stringify(marker) })
      .onConflict('key')
      .merge();
  });
}

/** The registry's last restore, or null (never restored, or a marker no version of the app wrote). */
export async function readRestoreMarker(db: Knex): Promise<RestoreMarker | null> {
  const row = await db('meta').where({ key: MARKER_KEY }).first<{ value: string } | undefined>('value');
  if (row === undefined) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(row.value);
  } catch {
    return null;
  }
  if (parsed === null || typeof parsed !== 'object') return null;
  const { at, backup, floors } = parsed as Record<string, unknown>;
  if (typeof at !== 'string' || typeof backup !== 'string' || floors === null || typeof floors !== 'object')
    return null;
  const kept: Record<string, number> = {};
  for (const [table, floor] of Object.entries(floors)) if (typeof floor === 'number') kept[table] = floor;
  return { at, backup, floors: kept };
}

/**
 * The restore a save of `table` at `expectedVersion` was read before, or null: a version at or
 * below the table's floor was read from the registry as it was before its last restore.
 */
export async function restoreBefore(db: Knex, table: string, expectedVersion: number): Promise<RestoreMarker | null> {
  const marker = await readRestoreMarker(db);
  const floor = marker?.floors[table];
  return marker !== null && floor !== undefined && expectedVersion <= floor ? marker : null;
}
