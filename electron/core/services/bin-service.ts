import { AppError } from '../../../shared/domain/errors';
import type { AppContext } from '../context';
import {
  findAuditEntry,
  listDeletions,
  recordExists,
  reinsertRow,
  BIN_TABLES,
  type BinTable,
  type Deletion,
} from '../repositories/audit-repository';
import type { Knex } from 'knex';
import { existingIds, lastEntryIds, listMerges } from '../repositories/merge-audit-repository';
import type { PartnershipMerge, TownMerge } from '../repositories/merge-repository';
import {
  namesByIds,
  partnershipFieldsOfColumns,
  partnershipIdExists,
  partnershipIdOfPair,
} from '../repositories/partnerships-repository';
import { isFillMerge, liveTownOf, originalDeletionsOf } from '../repositories/fill-from-deleted-repository';
import { auditedChange } from './audited-change';
import { restoreMunicipality } from './members-service';
import { restoreChildFromAudit } from './partnership-children-service';
import { refuseIfSuperseded } from './undo';
import { restorePartnership } from './partnerships-service';
import { restoreRequest } from './requests-service';
import { restoreTown } from './town-card-service';

/** How long deleted records stay in the bin (the audit log keeps them longer). */
export const BIN_DAYS = 90;

/** One value of a deleted or merged-away record, as its audit entry kept it (field in camelCase). */
export type BinValue = { field: string; value: string | number | boolean | string[] };

/** The record a merged-away one went into (its history holds the undo of the merge). */
export type MergedInto = {
  table: 'partnerships' | 'foreign_towns';
  recordId: number;
  label: string;
  /** The kept partnership's member (a link opens the partnership in its member's grid); null for a town. */
  municipalityId: number | null;
  /** Whether the kept record is still in the registry (else no link: unknown stays unknown). */
  exists: boolean;
  /** A deleted partnership filled into the live one of its pair (bin:fill) rather than merged. */
  filled: boolean;
};

/**
 * The live record a deleted one's restore is refused for (the pair, or the town of the same name
 * and country, added again meanwhile): a fill is offered instead. `municipalityId` null for a town.
 */
export type LiveTwin = { recordId: number; municipalityId: number | null };

export type BinEntry = {
  auditId: number;
  table: BinTable;
  recordId: number;
  label: string;
  actor: string;
  at: string;
  /** Set for a record merged away (listed from its merge's audit entry; restored by undoing the merge). */
  mergedInto: MergedInto | null;
  /** The record's values when it was deleted or merged away, for copying over by hand. */
  values: BinValue[];
  /** For a deleted partnership whose pair has a live partnership again, or a deleted town added again: that one (bin:fill fills it). */
  liveTwin: LiveTwin | null;
};

/** Fields a person does not read as the record's values (ids, bookkeeping, undo snapshots). */
const UNSHOWN_VALUES = new Set([
  'id',
  'version',
  'createdAt',
  'updatedAt',
  'nameKey',
  'snapshot',
  'releasedRequests',
  'reason',
  'source',
  'verifiedBy',
]);

const camel = (column: string): string => column.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** The values worth showing of a record kept as fields (`before`) or raw columns, in their order. */
function valuesOf(fields: Record<string, unknown>): BinValue[] {
  const out: BinValue[] = [];
  for (const [key, value] of Object.entries(fields)) {
    const field = camel(key);
    if (field.startsWith('_') || UNSHOWN_VALUES.has(field) || /Id$/.test(field)) continue;
    if (typeof value === 'string' ? value.trim() !== '' : typeof value === 'number' || typeof value === 'boolean')
      out.push({ field, value: value as string | number | boolean });
    else if (Array.isArray(value)) {
      const items = value.filter((item): item is string => typeof item === 'string' && item !== '');
      if (items.length > 0) out.push({ field, value: items });
    }
  }
  return out;
}

/** A deleted record's values: its audit fields, else (a demo record, a draft) its raw row. */
function valuesOfDeletion(before: Record<string, unknown> | null): BinValue[] {
  const fields = Object.fromEntries(Object.entries(before ?? {}).filter(([key]) => key !== '_row'));
  const row = before?._row;
  const own = valuesOf(fields);
  return own.length > 0 || typeof row !== 'object' || row === null ? own : valuesOf(row as Record<string, unknown>);
}

type Snapshot = { partnership: Record<string, unknown>; children?: Record<string, Record<string, unknown>[]> };

/** A merged-away partnership's values: its columns as fields, with its areas and participant groups. */
function valuesOfMergedPartnership(snapshot: Snapshot): BinValue[] {
  const children = snapshot.children ?? {};
  return valuesOf({
    ...partnershipFieldsOfColumns(snapshot.partnership),
    areas: (children.partnership_areas ?? []).map((row) => String(row.area)),
    participantGroups: (children.partnership_participants ?? []).map((row) => String(row.participant_group)),
  });
}

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value : null);

/** What a deleted record was called, from what its audit entry kept. */
function labelOf(entry: Deletion, names: { members: Map<number, string>; towns: Map<number, string> }): string {
  const before = entry.before ?? {};
  const row = typeof before._row === 'object' && before._row !== null ? (before._row as Record<string, unknown>) : {};
  if (entry.table === 'partnerships') {
    const member = names.members.get(Number(before.municipalityId ?? row.municipality_id));
    const town = names.towns.get(Number(before.foreignTownId ?? row.foreign_town_id));
    return [member, town].filter(Boolean).join(' – ') || `#${String(entry.recordId)}`;
  }
  if (entry.table === 'agreement_documents')
    return text(row.file_name) ?? text(row.template) ?? `#${String(entry.recordId)}`;
  if (entry.table === 'partnership_requests') {
    // Named as the Requests screen names it: a member seeking a partner by the member (its toast
    // said "Jihlava", the bin "#2": walkthrough 19), a foreign town by its name.
    const seeker =
      before.direction === 'member_seeks'
        ? names.members.get(Number(before.municipalityId ?? row.municipality_id))
        : (text(before.requesterName) ??
          text(row.requester_name) ??
          names.towns.get(Number(before.foreignTownId ?? row.foreign_town_id)));
    return seeker ?? text(before.requesterName) ?? `#${String(entry.recordId)}`;
  }
  return (
    text(before.name) ??
    text(before.title) ??
    text(before.requesterName) ??
    text(before.fileName) ??
    text(row.name) ??
    text(row.title) ??
    text(row.requester_name) ??
    `#${String(entry.recordId)}`
  );
}

/**
 * The bin's deletions, each naming who deleted the record and when: a record back in the bin by a
 * fill's undo keeps its original deleter and time (the undo's own entry names the person who
 * undid the fill; that person deleted nothing).
 */
async function deletionsAsDeleted(db: Knex, since: string): Promise<Deletion[]> {
  const deletions = await listDeletions(db, since);
  const original = await originalDeletionsOf(
    db,
    deletions.map((d) => d.auditId),
  );
  return original.size === 0 ? deletions : deletions.map((d) => ({ ...d, ...original.get(d.auditId) }));
}

/** Deleted members, partnerships, requests, contacts, activities, drafts and attachments of the last 90 days, newest first. */
export async function listBin(ctx: AppContext): Promise<BinEntry[]> {
  const since = new Date(Date.now() - BIN_DAYS * 24 * 3600 * 1000).toISOString();
  const deletions = await deletionsAsDeleted(ctx.db.knex, since);
  const ids = (field: string, column: string) =>
    deletions
      .filter((d) => d.table === 'partnerships' || d.table === 'partnership_requests')
      .map((d) => Number(d.before?.[field] ?? (d.before?._row as Record<string, unknown> | undefined)?.[column]))
      .filter((id) => Number.isInteger(id));
  const names = {
    members: await namesByIds(ctx.db.knex, 'municipalities', ids('municipalityId', 'municipality_id')),
    towns: await namesByIds(ctx.db.knex, 'foreign_towns', ids('foreignTownId', 'foreign_town_id')),
  };
  const deleted: BinEntry[] = deletions.map((d) => ({
    auditId: d.auditId,
    table: d.table,
    recordId: d.recordId,
    label: labelOf(d, names),
    actor: d.actor,
    at: d.at,
    mergedInto: null,
    values: valuesOfDeletion(d.before),
    liveTwin: null,
  }));
  await findLiveTwins(ctx.db.knex, deleted, deletions);
  const merged = await mergedAway(ctx.db.knex, since);
  return [...deleted, ...merged].sort((a, b) => b.auditId - a.auditId);
}

/**
 * Marks the deleted partnerships whose pair has a live partnership again (walkthrough 22, finding
 * 1: a colleague re-added the pair; the restore is refused and the bin offers the fill instead),
 * and the deleted towns of which another record was added meanwhile (the same for a town card).
 */
async function findLiveTwins(db: Knex, entries: BinEntry[], deletions: readonly Deletion[]): Promise<void> {
  const byAudit = new Map(deletions.map((d) => [d.auditId, d]));
  for (const entry of entries) {
    const before = byAudit.get(entry.auditId)?.before ?? {};
    const row = (typeof before._row === 'object' && before._row !== null ? before._row : {}) as Record<string, unknown>;
    if (entry.table === 'foreign_towns') {
      // A town of the same name and country (or gazetteer id) added meanwhile: its restore is refused.
      const town =
        typeof before._row === 'object' && before._row !== null ? await liveTownOf(db, row, entry.recordId) : undefined;
      if (town !== undefined) entry.liveTwin = { recordId: town.id, municipalityId: null };
      continue;
    }
    if (entry.table !== 'partnerships') continue;
    const memberId = Number(before.municipalityId ?? row.municipality_id);
    const townId = Number(before.foreignTownId ?? row.foreign_town_id);
    if (!Number.isInteger(memberId) || !Number.isInteger(townId)) continue;
    const live = await partnershipIdOfPair(db, memberId, townId);
    if (live !== null) entry.liveTwin = { recordId: live, municipalityId: memberId };
  }
}

/** One record a merge took away, before the bin checks it is still away. */
type MergedAway = Omit<BinEntry, 'table'> & { table: 'partnerships' | 'foreign_towns' };

/**
 * Records merged away in the last 90 days and still away (walkthrough 22: they could be found
 * nowhere): read from the merges' audit entries, which keep every value (no table of their own).
 * A town merge lists the town and the partnerships it merged with the kept town's. A record back
 * since (its merge undone) or with a later entry of its own (back, then deleted or merged again)
 * is left to its later entry.
 */
async function mergedAway(db: Knex, since: string): Promise<BinEntry[]> {
  const merges = await listMerges(db, since);
  const found: MergedAway[] = [];
  const keptPartnerships: { entry: MergedAway; row: Record<string, unknown> }[] = [];
  const mergedPartnerships: { entry: MergedAway; row: Record<string, unknown>; townName: unknown }[] = [];
  const keptTowns: { entry: MergedAway; row: Record<string, unknown> }[] = [];
  const partnershipEntry = (
    auditId: number,
    inner: PartnershipMerge,
    m: { actor: string; at: string },
    mergedName: unknown,
  ) => {
    const snapshot = inner.merged as Snapshot;
    const entry: MergedAway = {
      auditId,
      table: 'partnerships',
      recordId: Number(snapshot.partnership.id),
      label: typeof mergedName === 'string' && mergedName !== '' ? mergedName : '',
      actor: m.actor,
      at: m.at,
      mergedInto: {
        table: 'partnerships',
        recordId: Number(inner.keptBefore.id),
        label: '',
        municipalityId: Number(inner.keptBefore.municipality_id),
        exists: false,
        filled: isFillMerge(inner),
      },
      values: valuesOfMergedPartnership(snapshot),
      liveTwin: null,
    };
    found.push(entry);
    keptPartnerships.push({ entry, row: inner.keptBefore });
    return entry;
  };
  for (const m of merges) {
    const merge = m.before.merge as TownMerge | PartnershipMerge;
    if (merge.kind === 'partnerships') {
      const entry = partnershipEntry(m.auditId, merge, m, m.after.mergedName);
      if (entry.label === '') mergedPartnerships.push({ entry, row: merge.merged.partnership, townName: null });
      continue;
    }
    const townEntry: MergedAway = {
      auditId: m.auditId,
      table: 'foreign_towns',
      recordId: Number(merge.merged.id),
      label: text(merge.merged.name) ?? `#${String(merge.merged.id)}`,
      actor: m.actor,
      at: m.at,
      mergedInto: {
        table: 'foreign_towns',
        recordId: m.recordId,
        label: '',
        municipalityId: null,
        exists: false,
        filled: isFillMerge(merge),
      },
      values: valuesOf(merge.merged),
      liveTwin: null,
    };
    found.push(townEntry);
    keptTowns.push({ entry: townEntry, row: merge.keptBefore });
    for (const inner of merge.partnershipMerges) {
      const entry = partnershipEntry(m.auditId, inner, m, null);
      mergedPartnerships.push({ entry, row: inner.merged.partnership, townName: merge.merged.name });
    }
  }
  // Names as the registry has them now (a kept record renamed since is found by its new name).
  const ids = (rows: Record<string, unknown>[], column: string) => rows.map((row) => Number(row[column]));
  const partnershipRows = [...keptPartnerships.map((k) => k.row), ...mergedPartnerships.map((k) => k.row)];
  const members = await namesByIds(db, 'municipalities', ids(partnershipRows, 'municipality_id'));
  const towns = await namesByIds(db, 'foreign_towns', [
    ...ids(partnershipRows, 'foreign_town_id'),
    ...keptTowns.map((k) => k.entry.mergedInto?.recordId ?? 0),
  ]);
  const pairName = (row: Record<string, unknown>, townName: unknown): string | null => {
    const member = members.get(Number(row.municipality_id));
    const town = towns.get(Number(row.foreign_town_id)) ?? text(townName);
    return member !== undefined && town !== null ? `${member} – ${town}` : null;
  };
  for (const { entry, row, townName } of mergedPartnerships)
    entry.label = pairName(row, townName) ?? `#${String(entry.recordId)}`;
  for (const { entry, row } of keptPartnerships)
    if (entry.mergedInto) entry.mergedInto.label = pairName(row, null) ?? `#${String(entry.mergedInto.recordId)}`;
  for (const { entry, row } of keptTowns)
    if (entry.mergedInto)
      entry.mergedInto.label =
        towns.get(entry.mergedInto.recordId) ?? text(row.name) ?? `#${String(entry.mergedInto.recordId)}`;

  const out: BinEntry[] = [];
  for (const table of ['partnerships', 'foreign_towns'] as const) {
    const ofTable = found.filter((entry) => entry.table === table);
    const away = ofTable.map((entry) => entry.recordId);
    const back = await existingIds(db, table, away);
    const last = await lastEntryIds(db, table, away);
    const keptIds = ofTable.map((entry) => entry.mergedInto?.recordId ?? 0);
    const keptThere = await existingIds(db, table, keptIds);
    const seen = new Set<number>();
    // Newest merge first: of a record merged away twice (merged, undone, merged again) the later counts.
    for (const entry of ofTable) {
      if (seen.has(entry.recordId) || back.has(entry.recordId)) continue;
      seen.add(entry.recordId);
      if ((last.get(entry.recordId) ?? 0) > entry.auditId) continue;
      if (entry.mergedInto) entry.mergedInto.exists = keptThere.has(entry.mergedInto.recordId);
      out.push(entry);
    }
  }
  return out;
}

/** A row an import would add whose pair is in the bin: deleted recently, restorable with its values. */
export type PairInBin = { line: number; label: string; auditId: number; actor: string; at: string };

/**
 * Of the pairs an import would add (member and registry town), those the bin holds as deleted
 * partnerships, each with who deleted it and when (the latest delete of the pair). Nothing written.
 */
export async function pairsInBin(
  db: Knex,
  pairs: readonly { line: number; label: string; municipalityId: number; foreignTownId: number }[],
): Promise<PairInBin[]> {
  if (pairs.length === 0) return [];
  const since = new Date(Date.now() - BIN_DAYS * 24 * 3600 * 1000).toISOString();
  const deleted = new Map<string, Deletion>();
  for (const d of await deletionsAsDeleted(db, since)) {
    if (d.table !== 'partnerships') continue;
    const row = (d.before?._row ?? {}) as Record<string, unknown>;
    const key = `${String(d.before?.municipalityId ?? row.municipality_id)}|${String(d.before?.foreignTownId ?? row.foreign_town_id)}`;
    // Newest first: the latest delete of a pair is the one its bin entry restores.
    if (!deleted.has(key)) deleted.set(key, d);
  }
  return pairs.flatMap((pair) => {
    const d = deleted.get(`${String(pair.municipalityId)}|${String(pair.foreignTownId)}`);
    return d === undefined
      ? []
      : [{ line: pair.line, label: pair.label, auditId: d.auditId, actor: d.actor, at: d.at }];
  });
}

const isBinTable = (table: string): table is BinTable => BIN_TABLES.some((t) => t === table);

/**
 * Brings a deleted record back from its audit entry, with the same id and (where the delete took
 * them) its children: one undo protocol, `{ auditId }`, for every kind of record.
 */
export async function restoreFromBin(
  ctx: AppContext,
  input: { auditId: number },
): Promise<{ table: BinTable; recordId: number }> {
  const entry = await findAuditEntry(ctx.db.knex, input.auditId);
  if (!entry || entry.action !== 'delete' || !isBinTable(entry.table_name))
    throw new AppError('NOT_FOUND', 'No such deleted record.');
  const table = entry.table_name;
  const before: unknown = entry.before === null ? null : JSON.parse(entry.before);
  const kept = typeof before === 'object' && before !== null ? (before as Record<string, unknown>) : {};
  if (table === 'foreign_towns') await restoreTown(ctx, { auditId: input.auditId });
  else if (
    (kept.reason === 'demo' || table === 'agreement_documents') &&
    typeof kept._row === 'object' &&
    kept._row !== null
  ) {
    // A demo record removed by "Remove demo data", or an agreement draft: its row comes back as it was.
    const row = kept._row as Record<string, unknown>;
    await auditedChange(ctx, async ({ trx, audit, touch }) => {
      if (table === 'agreement_documents' && !(await partnershipIdExists(trx, Number(row.partnership_id))))
        throw new AppError(
          'CONFLICT',
          'Its partnership is no longer in the registry: restore it first, or undo the merge it went into.',
          {
            reason: 'undo.partnershipGone',
          },
        );
      if (await recordExists(trx, table, entry.record_id))
        throw new AppError('CONFLICT', 'The record has already been restored.', { reason: 'undo.alreadyRestored' });
      await refuseIfSuperseded(trx, entry, 'record');
      await reinsertRow(trx, table, row);
      await audit({ table, recordId: entry.record_id, action: 'restore', before: null, after: row });
      touch({ tables: [table] });
    });
  } else if (table === 'municipalities') await restoreMunicipality(ctx, { auditId: input.auditId });
  else if (table === 'partnership_requests') await restoreRequest(ctx, { auditId: input.auditId });
  else if (table === 'partnerships') await restorePartnership(ctx, { auditId: input.auditId });
  else if (table === 'contacts' || table === 'activities' || table === 'attachments')
    await restoreChildFromAudit(ctx, table, input.auditId);
  else throw new AppError('NOT_FOUND', 'The audit entry holds no record to restore.');
  return { table, recordId: entry.record_id };
}
