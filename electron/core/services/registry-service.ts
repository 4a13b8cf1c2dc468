import { auditedChange } from './audited-change';
import type { AppContext } from '../context';
import { SCHEMA_VERSION } from '../db/migrations/index';
import {
  bulkGroupsOfRecord,
  listHistory,
  listPartnershipChildHistory,
  mergedTownNames,
} from '../repositories/audit-repository';
import { listMunicipalityGridText, listMunicipalityRows } from '../repositories/municipalities-repository';
import { listPartnershipGridText, listPartnershipRows, namesByIds } from '../repositories/partnerships-repository';
import { countRows, listDistricts, listRegions } from '../repositories/reference-repository';
import { findRequestRow } from '../repositories/requests-repository';
import { REGISTRY_TABLES, loadDemoData } from './demo-service';
import { JsonText } from '../../../shared/ipc/json-text';
import type { CompactRows } from '../../../shared/ipc/compact-rows';
import type { AuditEntry } from '../../../shared/domain/schemas';

/*
 * The registry's plain reads and the app's facts, for the handlers (handlers call services
 * only; each function reads the database at call time).
 */

/** The regions (kraje). */
export const regions = (ctx: AppContext) => listRegions(ctx.db.knex);

/** The districts (okresy). */
export const districts = (ctx: AppContext) => listDistricts(ctx.db.knex);

/** Rows of the Members grid (all, members only, or just the given ids). */
export const municipalityRows = (ctx: AppContext, options: { membersOnly?: boolean; ids?: readonly number[] }) =>
  listMunicipalityRows(ctx.db.knex, options);

/**
 * The whole Members grid in compact form (its first load), as the JSON text the bridge sends.
 * Always read from the database, never kept: the grid's reload is how a user recovers from a
 * conflict with a change made elsewhere (also one that left no audit entry).
 *
 * Read on the read-only connections, as the reports are: they see every committed change (WAL),
 * their 32 MB page cache holds what one whole grid reads (the writer's 2 MB made SQLite read the
 * same pages from the file again and again: at L the Partnerships grid's query took ~0.8 s
 * instead of ~0.35 s), and a save meanwhile does not wait behind a second-long read.
 */
export const municipalityGrid = async (ctx: AppContext) =>
  new JsonText<CompactRows>(await listMunicipalityGridText(ctx.db.reader));

/** Rows of the Partnerships grid (all, or just the given ids). */
export const partnershipRows = (ctx: AppContext, ids: readonly number[] | undefined) =>
  listPartnershipRows(ctx.db.knex, ids === undefined ? {} : { ids });

/** The whole Partnerships grid in compact form (its first load), as text and read like the Members'. */
export const partnershipGrid = async (ctx: AppContext) =>
  new JsonText<CompactRows>(await listPartnershipGridText(ctx.db.reader));

/**
 * The change history of one record, newest first; with `withChildren`, a partnership's history
 * also holds its contacts', activities' and agreement drafts' entries, in one time line.
 */
export async function history(ctx: AppContext, table: string, recordId: number, withChildren = false) {
  const listed = await withImportFiles(ctx, await listHistory(ctx.db.knex, table, recordId));
  const named = table === 'partnerships' ? await withReferenceNames(ctx, listed) : listed;
  const own = await withBulkGroups(ctx, table, recordId, await withMergeSummaries(ctx, table, named));
  if (!withChildren || table !== 'partnerships') return own;
  const children = await listPartnershipChildHistory(ctx.db.knex, recordId);
  return [...own, ...children].sort((a, b) => (a.at === b.at ? b.id - a.id : a.at < b.at ? 1 : -1));
}

/**
 * The tables whose bulk changes are undone as a whole (partnerships' bulk edit, members'
 * membership, partner towns linked to the gazetteer in one run).
 */
const BULK_TABLES: ReadonlySet<string> = new Set(['partnerships', 'municipalities', 'foreign_towns']);

/**
 * Entries that are one row of a bulk change, with their group (walkthrough 26: once the toast had
 * gone, nothing said that an entry was one of ten, and only this record could be reverted).
 */
async function withBulkGroups(ctx: AppContext, table: string, recordId: number, entries: AuditEntry[]) {
  if (!BULK_TABLES.has(table)) return entries;
  const groups = await bulkGroupsOfRecord(ctx.db.knex, table, recordId);
  return entries.map((entry) => {
    const bulk = groups.get(entry.id);
    return bulk === undefined ? entry : { ...entry, bulk };
  });
}

/**
 * Import entries with the name of the file each imported (walkthrough 18: an import that changed a
 * start date said "importováno" and not from which file). An import writes its run and its audit
 * entries with one time stamp, as the import's undo finds them.
 */
async function withImportFiles(ctx: AppContext, entries: AuditEntry[]): Promise<AuditEntry[]> {
  const times = [...new Set(entries.filter((e) => e.action === 'import').map((e) => e.at))];
  if (times.length === 0) return entries;
  const files = new Map<string, string>();
  for (let start = 0; start < times.length; start += 500)
    for (const run of await ctx.db
      .knex('import_runs')
      .whereIn('at', times.slice(start, start + 500))
      .select<{ at: string; file_name: string }[]>('at', 'file_name'))
      files.set(run.at, run.file_name);
  return entries.map((entry) => {
    const file = entry.action === 'import' ? files.get(entry.at) : undefined;
    return file === undefined ? entry : { ...entry, importFile: file };
  });
}

/** The fields of a partnership's history that hold another record's id, and that record's table. */
const REFERENCES: Readonly<Record<string, 'municipalities' | 'foreign_towns'>> = {
  municipalityId: 'municipalities',
  foreignTownId: 'foreign_towns',
};

/** The request a partnership's `source` names ("request 12"), or null. */
const requestIdOf = (value: unknown): number | null => {
  const found = typeof value === 'string' ? /^request (\d+)$/.exec(value) : null;
  return found ? Number(found[1]) : null;
};

/**
 * The requests a history's `source` values name, by id: the requester as the Requests screen
 * titles it (the member that seeks a partner, else the foreign town or its contact's name).
 */
async function requestNames(ctx: AppContext, ids: ReadonlySet<number>): Promise<Map<number, string>> {
  const out = new Map<number, string>();
  for (const id of ids) {
    const row = await findRequestRow(ctx.db.knex, id);
    const name =
      row === undefined
        ? null
        : row.direction === 'member_seeks'
          ? row.municipalityName
          : (row.requesterName ?? row.foreignTownName);
    if (name !== null && name !== '') out.set(id, name);
  }
  return out;
}

/**
 * A partnership's history with the names of the member and partner town its entries name by id
 * ("Členská obec: — → Žďár nad Sázavou", not "municipalityId: — → 6 175"), and of the request it
 * was made from (walkthrough 17: "ze žádosti" did not say which). A town merged into another is
 * named as its merge recorded it; any other record no longer in the registry gets no name: the
 * history says so.
 */
async function withReferenceNames(ctx: AppContext, entries: AuditEntry[]): Promise<AuditEntry[]> {
  const wanted = { municipalities: new Set<number>(), foreign_towns: new Set<number>() };
  const requests = new Set<number>();
  for (const entry of entries)
    for (const change of entry.changes) {
      if (change.field === 'source')
        for (const value of [change.from, change.to]) {
          const id = requestIdOf(value);
          if (id !== null) requests.add(id);
        }
      const table = REFERENCES[change.field];
      if (table === undefined) continue;
      for (const value of [change.from, change.to]) if (typeof value === 'number') wanted[table].add(value);
    }
  const [municipalities, towns] = await Promise.all([
    namesByIds(ctx.db.knex, 'municipalities', [...wanted.municipalities]),
    namesByIds(ctx.db.knex, 'foreign_towns', [...wanted.foreign_towns]),
  ]);
  const gone = [...wanted.foreign_towns].filter((id) => !towns.has(id));
  if (gone.length > 0) for (const [id, name] of await mergedTownNames(ctx.db.knex, gone)) towns.set(id, name);
  const names = { municipalities, foreign_towns: towns };
  const requesters = await requestNames(ctx, requests);
  return entries.map((entry) => ({
    ...entry,
    changes: entry.changes.map((change) => {
      const table = REFERENCES[change.field];
      if (table === undefined && change.field !== 'source') return change;
      const nameOf = (value: unknown) => {
        if (table === undefined) {
          const request = requestIdOf(value);
          return request === null ? undefined : requesters.get(request);
        }
        return typeof value === 'number' ? names[table].get(value) : undefined;
      };
      const fromName = nameOf(change.from);
      const toName = nameOf(change.to);
      return {
        ...change,
        ...(fromName === undefined ? {} : { fromName }),
        ...(toName === undefined ? {} : { toName }),
      };
    }),
  }));
}

type Row = Record<string, unknown>;
const rowOf = (value: unknown): Row | null =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Row) : null;
const textOf = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

/**
 * Merge entries that say what was merged into what (walkthrough 20: "sloučeno · 18:56" named
 * neither record), from what each entry holds: a town's merge keeps both towns' rows (the merged
 * one's name and country, the kept one's name as it was); a partnership's the merged-away one's
 * name as merged ("Kolín – Żagań", since December 2026), else its row, whose member and town are
 * named as the registry has them now (a town merged away since: as its merge recorded it). What an
 * entry does not hold stays null: the history says it is not known.
 */
async function withMergeSummaries(ctx: AppContext, table: string, entries: AuditEntry[]): Promise<AuditEntry[]> {
  const isMerge = (entry: AuditEntry) => entry.action === 'merge' || entry.action === 'unmerge';
  if (!entries.some(isMerge)) return entries;
  const valueOf = (entry: AuditEntry, field: string, side: 'from' | 'to') =>
    entry.changes.find((change) => change.field === field)?.[side];
  // The rows of merged-away partnerships whose entries hold no name: their member and town by id.
  const pending = new Map<number, { member: number; town: number }>();
  for (const entry of entries) {
    if (table !== 'partnerships' || !isMerge(entry) || textOf(valueOf(entry, 'mergedName', 'to')) !== null) continue;
    const merged = rowOf(rowOf(rowOf(valueOf(entry, 'merge', 'from'))?.merged)?.partnership);
    if (merged !== null && typeof merged.municipality_id === 'number' && typeof merged.foreign_town_id === 'number')
      pending.set(entry.id, { member: merged.municipality_id, town: merged.foreign_town_id });
  }
  const members = await namesByIds(
    ctx.db.knex,
    'municipalities',
    [...pending.values()].map((p) => p.member),
  );
  const towns = await namesByIds(
    ctx.db.knex,
    'foreign_towns',
    [...pending.values()].map((p) => p.town),
  );
  const gone = [...pending.values()].map((p) => p.town).filter((id) => !towns.has(id));
  if (gone.length > 0) for (const [id, name] of await mergedTownNames(ctx.db.knex, gone)) towns.set(id, name);
  return entries.map((entry) => {
    if (!isMerge(entry)) return entry;
    if (table === 'foreign_towns') {
      const merge = rowOf(valueOf(entry, 'merge', 'from'));
      const merged = rowOf(merge?.merged);
      const name = textOf(valueOf(entry, 'mergedName', 'to')) ?? textOf(merged?.name);
      return {
        ...entry,
        merged: {
          // A fill from a deleted record of the same town (bin:fill) says so, not "merged with".
          kind: typeof valueOf(entry, 'filledFrom', 'to') === 'number' ? 'filled' : 'town',
          name,
          country: textOf(merged?.country_code),
          into: textOf(rowOf(merge?.keptBefore)?.name),
        },
      };
    }
    // A partnership's entry of a town merge that moved it names its towns as a change; only an
    // entry of a partnership merged into this one (it holds the other's id) names that one.
    if (table !== 'partnerships' || typeof (valueOf(entry, 'mergedId', 'to') ?? null) !== 'number') return entry;
    const ids = pending.get(entry.id);
    const member = ids === undefined ? undefined : members.get(ids.member);
    const town = ids === undefined ? undefined : towns.get(ids.town);
    const name =
      textOf(valueOf(entry, 'mergedName', 'to')) ??
      (member !== undefined && town !== undefined ? `${member} – ${town}` : null);
    // A fill from a deleted record of the same pair (bin:fill) says so, not "merged with".
    const kind = typeof valueOf(entry, 'filledFrom', 'to') === 'number' ? 'filled' : 'partnership';
    return { ...entry, merged: { kind, name, country: null, into: null } };
  });
}

/** Versions, the database's place and the rows per table. */
export async function appInfo(ctx: AppContext) {
  return {
    appVersion: ctx.appVersion,
    schemaVersion: SCHEMA_VERSION,
    databasePath: ctx.db.filePath,
    counts: await countRows(ctx.db.knex, REGISTRY_TABLES),
  };
}

/** Loads the demo data into an empty registry and tells every screen. */
export async function loadDemo(ctx: AppContext) {
  // Through auditedChange (demo rows are marked demo, not audited): every screen reloads, the
  // other clients of a server registry too, once the rows are committed.
  const counts = await auditedChange(ctx, async ({ trx, touch }) => {
    const loaded = await loadDemoData(trx, ctx.resourcesDir);
    touch({ tables: [...REGISTRY_TABLES] });
    return loaded;
  });
  return { counts };
}
