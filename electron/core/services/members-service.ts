import { AppError, invalidFields } from '../../../shared/domain/errors';
import {
  checkMunicipalityField,
  municipalityCrossIssues,
  municipalityFieldsSchema,
  municipalityPatchSchema,
  type MunicipalityDetail,
  type MunicipalityInput,
  type MunicipalityPatch,
} from '../../../shared/domain/municipality-rules';
import type { MemberOverview } from '../../../shared/ipc/channels/members';
import type { AppContext } from '../context';
import type { Knex } from 'knex';
import {
  changedSinceFailure,
  deleteVersioned,
  recordGone,
  findAuditEntry,
  listAuditGroup,
  updateVersioned,
  versionFailure,
} from '../repositories/audit-repository';
import { auditedChange, type Change } from './audited-change';
import {
  countCascade,
  type CascadeCounts,
  findMunicipalityDetail,
  insertMunicipalityRecord,
  listMemberRelations,
  lockMunicipality,
  municipalityIdWithCode,
  regionOfDistrict,
  restoreMunicipalitySnapshot,
  snapshotMunicipality,
  toColumns,
  type MunicipalitySnapshot,
} from '../repositories/municipalities-repository';
import { listRequestRows } from '../repositories/requests-repository';
import { missingTownIds } from '../repositories/foreign-towns-repository';
import { bulkStaleRow, bulkUndoRefused, deletedByEntry, staleRowsText, type BulkStaleRow } from './undo';
import { lockPartnership, partnershipIdsOfMunicipality } from '../repositories/partnerships-repository';
import { correctRestoredTerms } from '../db/unstated-terms';

/** Tables a change of a municipality can touch (screens listening to `data:changed` reload). */
const TOUCHED = ['municipalities', 'partnerships', 'contacts', 'activities', 'partnership_requests'];

/** What the audit log keeps of a municipality: its own fields, not counts computed from other tables. */
const auditFields = (m: MunicipalityDetail): Record<string, unknown> =>
  Object.fromEntries(Object.entries(m).filter(([field]) => !NOT_AUDITED.has(field)));
const NOT_AUDITED = new Set(['activePartnerships', 'partnerships', 'regionCode', 'id']);

async function mustFind(db: AppContext['db']['knex'], id: number): Promise<MunicipalityDetail> {
  const found = await findMunicipalityDetail(db, id);
  // Gone: who deleted it or which import's undo removed it, as a save would say.
  if (!found) throw await recordGone(db, 'municipalities', id);
  return found;
}

async function checkCodeAndDistrict(
  db: AppContext['db']['knex'],
  values: { code?: string; districtId?: number | null },
  selfId: number | null,
): Promise<number | null | undefined> {
  if (values.code !== undefined) {
    const other = await municipalityIdWithCode(db, values.code);
    if (other !== undefined && other !== selfId)
      throw invalidFields([{ path: 'code', message: 'validation.codeTaken' }]);
  }
  if (values.districtId === undefined) return undefined;
  if (values.districtId === null) return null;
  const regionId = await regionOfDistrict(db, values.districtId);
  if (regionId === undefined) throw invalidFields([{ path: 'districtId', message: 'validation.unknownDistrict' }]);
  return regionId;
}

/** Adds a municipality; the region follows from the district. */
export async function createMunicipality(ctx: AppContext, input: MunicipalityInput): Promise<MunicipalityDetail> {
  const issues = municipalityCrossIssues(input);
  if (issues.length > 0) throw invalidFields(issues);
  return auditedChange(ctx, async ({ trx, at, audit, touch }) => {
    const regionId = await checkCodeAndDistrict(trx, input, null);
    const id = await insertMunicipalityRecord(trx, input, regionId ?? null, at);
    const detail = await mustFind(trx, id);
    await audit({ table: 'municipalities', recordId: id, action: 'insert', before: null, after: auditFields(detail) });
    // A new member has no partnerships yet: no Partnerships grid row changes.
    touch({ tables: ['municipalities'], municipalityIds: [id], partnershipIds: [] });
    return detail;
  });
}

/** Fields that each cross-field rule reads: its problems count only when the change touches them. */
const CROSS_RULE_FIELDS: Record<string, readonly (keyof MunicipalityPatch)[]> = {
  latitude: ['latitude', 'longitude'],
  longitude: ['latitude', 'longitude'],
  memberUntil: ['memberSince', 'memberUntil', 'isMember'],
};

/**
 * Changes some fields if the record is still at `version`. Each changed field is checked by its
 * rule at the gate; rules joining two fields are checked here against the merged record.
 */
export async function updateMunicipality(
  ctx: AppContext,
  input: { id: number; version: number; patch: MunicipalityPatch },
): Promise<MunicipalityDetail> {
  const { id, version, patch } = input;
  return auditedChange(ctx, async ({ trx, at, audit, touch }) => {
    const before = await mustFind(trx, id);
    if (before.version !== version) throw await versionFailure(trx, 'municipalities', id, version);
    const merged = { ...before, ...patch };
    const issues = municipalityCrossIssues(merged).filter((issue) =>
      (CROSS_RULE_FIELDS[issue.path] ?? [issue.path]).some((field) =>
        Object.prototype.hasOwnProperty.call(patch, field),
      ),
    );
    if (issues.length > 0) throw invalidFields(issues);
    const regionId = await checkCodeAndDistrict(trx, patch, id);
    const columns: Record<string, unknown> = { ...toColumns(patch), updated_at: at };
    if (regionId !== undefined) columns.region_id = regionId;
    await updateVersioned(trx, 'municipalities', id, version, columns);
    const after = await mustFind(trx, id);
    await audit({
      table: 'municipalities',
      recordId: id,
      action: 'update',
      before: auditFields(before),
      after: auditFields(after),
    });
    // Its partnerships' grid rows show its name and region.
    const partnershipIds = await partnershipIdsOfMunicipality(trx, id);
    touch({ tables: ['municipalities'], municipalityIds: [id], partnershipIds });
    return after;
  });
}

/**
 * Restores from a member's history: puts back the values one past change replaced, if nothing has
 * changed those fields since (else CONFLICT naming the field), as the partnerships' history does
 * (Help promised it for every record). The values pass today's rules; audited as a new change.
 */
export async function revertMunicipalityChange(
  ctx: AppContext,
  input: { auditId: number },
): Promise<MunicipalityDetail> {
  const entry = await findAuditEntry(ctx.db.knex, input.auditId);
  if (!entry || entry.table_name !== 'municipalities' || entry.before === null || entry.after === null)
    throw new AppError('NOT_FOUND', 'There is no change of a municipality under this history entry.');
  const before = JSON.parse(entry.before) as Record<string, unknown>;
  const after = JSON.parse(entry.after) as Record<string, unknown>;
  const fields = Object.keys(municipalityFieldsSchema.shape).filter(
    (field) => field in before && JSON.stringify(before[field]) !== JSON.stringify(after[field]),
  );
  if (fields.length === 0) throw new AppError('NOT_FOUND', 'This history entry changed no editable field.');
  const record = await mustFind(ctx.db.knex, entry.record_id);
  const current = auditFields(record);
  const changedSince = fields.find((field) => JSON.stringify(current[field]) !== JSON.stringify(after[field]));
  if (changedSince !== undefined)
    throw await changedSinceFailure(ctx.db.knex, 'municipalities', entry.record_id, entry.id, changedSince);
  const parsed = municipalityPatchSchema.safeParse(Object.fromEntries(fields.map((field) => [field, before[field]])));
  if (!parsed.success)
    throw invalidFields(
      parsed.error.issues.map((issue) => ({ path: String(issue.path[0] ?? ''), message: issue.message })),
    );
  return updateMunicipality(ctx, { id: entry.record_id, version: record.version, patch: parsed.data });
}

/** Ends the membership on a date; the record and its partnerships stay in the registry. */
export async function endMembership(
  ctx: AppContext,
  input: { id: number; version: number; endedOn: string },
): Promise<MunicipalityDetail> {
  const current = await mustFind(ctx.db.knex, input.id);
  if (current.memberSince !== null && input.endedOn < current.memberSince) {
    throw invalidFields([{ path: 'endedOn', message: 'validation.memberUntilBeforeSince' }]);
  }
  return updateMunicipality(ctx, {
    id: input.id,
    version: input.version,
    patch: { isMember: false, memberUntil: input.endedOn },
  });
}

/**
 * Deletes a municipality and what goes with it (ON DELETE CASCADE). The audit entry keeps a
 * snapshot of all of it under `_cascade`, which is what undo (`restoreMunicipality`) uses.
 */
/**
 * What deleting a municipality would take with it, counted at this moment (the dialog asks when
 * it opens; a grid's or a drawer's numbers may be older), and the version the delete is made against.
 */
export async function deleteImpact(ctx: AppContext, id: number): Promise<CascadeCounts & { version: number }> {
  const detail = await mustFind(ctx.db.knex, id);
  return { version: detail.version, ...(await countCascade(ctx.db.knex, id)) };
}

export async function deleteMunicipality(
  ctx: AppContext,
  input: { id: number; version: number },
): Promise<{ auditId: number; name: string }> {
  return auditedChange(ctx, async ({ trx, audit, touch }) => {
    // Held before the snapshot is read (on a server), as deletePartnership does: a partnership or
    // request added to the member, or a child added to one of its partnerships, either committed
    // before (and is in the snapshot, so the bin brings it back) or waits and is then refused.
    await lockMunicipality(trx, input.id);
    const partnershipIds = await partnershipIdsOfMunicipality(trx, input.id);
    for (const id of partnershipIds) await lockPartnership(trx, id, 'update');
    const detail = await mustFind(trx, input.id);
    const snapshot = await snapshotMunicipality(trx, input.id);
    if (!snapshot) throw new AppError('NOT_FOUND', `No municipality ${String(input.id)}`);
    await deleteVersioned(trx, 'municipalities', input.id, input.version);
    const auditId = await audit({
      table: 'municipalities',
      recordId: input.id,
      action: 'delete',
      before: { ...auditFields(detail), _cascade: snapshot },
      after: null,
    });
    touch({ tables: TOUCHED, municipalityIds: [input.id], partnershipIds });
    return { auditId, name: detail.name };
  });
}

const isSnapshot = (value: unknown): value is MunicipalitySnapshot =>
  value !== null &&
  typeof value === 'object' &&
  'municipality' in value &&
  'rows' in value &&
  'requestLinks' in value &&
  Array.isArray(value.requestLinks);

/** Undoes a delete from its audit entry: the municipality and everything deleted with it come back. */
export async function restoreMunicipality(ctx: AppContext, input: { auditId: number }): Promise<MunicipalityDetail> {
  return auditedChange(ctx, async ({ trx, at, audit, touch }) => {
    const entry = await deletedByEntry(trx, input.auditId, 'municipalities', '_cascade', 'municipality', (id) =>
      findMunicipalityDetail(trx, id),
    );
    const snapshot = entry.kept;
    if (!isSnapshot(snapshot)) throw new AppError('NOT_FOUND', 'The audit entry holds no snapshot to restore.');
    const code = snapshot.municipality.code;
    if (typeof code === 'string' && (await municipalityIdWithCode(trx, code)) !== undefined) {
      throw new AppError(
        'CONFLICT',
        `Another municipality with code ${code} was added meanwhile; the deleted one cannot come back.`,
        { reason: 'merge.error.restoreMemberDuplicate', params: { code } },
      );
    }
    // A partner town of its partnerships may be gone meanwhile (deleted once it had no other
    // partnership, or merged): said as such, not as a foreign-key failure.
    const townIds = (snapshot.rows.partnerships ?? []).map((p) => Number(p.foreign_town_id));
    if ((await missingTownIds(trx, townIds)).length > 0)
      throw new AppError(
        'CONFLICT',
        'A partner town of this municipality’s partnerships is no longer in the registry (deleted or merged into another record); restore it from the bin or undo the merge first.',
        { reason: 'undo.townGone' },
      );
    await restoreMunicipalitySnapshot(trx, snapshot);
    const detail = await mustFind(trx, entry.recordId);
    await audit({
      table: 'municipalities',
      recordId: detail.id,
      action: 'restore',
      before: null,
      after: auditFields(detail),
    });
    const partnershipIds = await partnershipIdsOfMunicipality(trx, detail.id);
    // Its partnerships from a copy older than migration 0022: an indefinite term nobody stated is corrected.
    await correctRestoredTerms(trx, partnershipIds, input.auditId, at);
    touch({ tables: TOUCHED, municipalityIds: [detail.id], partnershipIds });
    return detail;
  });
}

export const getMunicipality = (ctx: AppContext, id: number): Promise<MunicipalityDetail> => mustFind(ctx.db.knex, id);

/** A member in one place: record, partnerships, activities, contacts and requests (six queries). */
export async function memberOverview(ctx: AppContext, id: number): Promise<MemberOverview> {
  const db = ctx.db.knex;
  const municipality = await mustFind(db, id);
  const relations = await listMemberRelations(db, id);
  const requests = await listRequestRows(db, { municipalityId: id });
  return { municipality, ...relations, requests };
}

/** What a bulk change of membership writes and keeps in the audit log (the version for its undo). */
type MembershipFields = { isMember: boolean; version: number };

const isMembershipFields = (value: unknown): value is MembershipFields =>
  value !== null &&
  typeof value === 'object' &&
  'isMember' in value &&
  typeof value.isMember === 'boolean' &&
  'version' in value &&
  typeof value.version === 'number';

/** Rows read for a bulk change, 500 ids a query. */
async function membershipRows(
  trx: Knex,
  ids: readonly number[],
): Promise<Map<number, { id: number; name: string; version: number; is_member: boolean | number }>> {
  const found = new Map<number, { id: number; name: string; version: number; is_member: boolean | number }>();
  for (let start = 0; start < ids.length; start += 500) {
    const rows = await trx('municipalities')
      .whereIn('id', ids.slice(start, start + 500))
      .select<{ id: number; name: string; version: number; is_member: boolean | number }[]>(
        'id',
        'name',
        'version',
        'is_member',
      );
    for (const row of rows) found.set(row.id, row);
  }
  return found;
}

/** Partnerships of these municipalities (their grid rows show the membership). */
async function partnershipIdsOf(trx: Knex, municipalityIds: readonly number[]): Promise<number[]> {
  const ids: number[] = [];
  for (let start = 0; start < municipalityIds.length; start += 500)
    ids.push(
      ...(await trx('partnerships')
        .whereIn('municipality_id', municipalityIds.slice(start, start + 500))
        .pluck<number[]>('id')),
    );
  return ids;
}

/**
 * Marks many municipalities as members of the association, or as not members, in one audited
 * change (one entry a municipality, grouped: `bulkRestoreMembership` undoes it). Only the flag
 * changes: the dates since and until stay as they are (a date the user did not give is not made
 * up). CONFLICT naming the municipality when one to change changed since the user saw it;
 * nothing is written then. Municipalities already so are left alone (changed meanwhile or not).
 */
export async function bulkSetMembership(
  ctx: AppContext,
  input: { rows: readonly { id: number; version: number }[]; isMember: boolean },
): Promise<{ changed: number; auditId: number | null }> {
  const rows = [...new Map(input.rows.map((row) => [row.id, row])).values()];
  return auditedChange(ctx, async ({ trx, at, auditGroup, touch }) => {
    const stored = await membershipRows(
      trx,
      rows.map((row) => row.id),
    );
    const planned: { id: number; before: MembershipFields; after: MembershipFields }[] = [];
    const toWrite: { id: number; version: number }[] = [];
    // Every row is checked before any is written, so that the refusal names every municipality
    // changed meanwhile, who and when (walkthrough 22, as the partnerships' bulk edit).
    const stale: BulkStaleRow[] = [];
    for (const { id, version } of rows) {
      const record = stored.get(id);
      if (!record)
        throw new AppError('NOT_FOUND', `Municipality ${String(id)} was deleted meanwhile; nothing was changed.`, {
          reason: 'members.bulk.gone',
        });
      // Already so: not written, so a change of it meanwhile (another field) does not matter.
      if (Boolean(record.is_member) === input.isMember) continue;
      if (record.version !== version)
        stale.push(await bulkStaleRow(trx, 'municipalities', { id, version, exists: true, name: record.name }));
      else toWrite.push({ id, version });
    }
    const first = stale[0];
    if (first)
      throw new AppError(
        'CONFLICT',
        `Changed meanwhile by someone else: ${staleRowsText(stale)}. Nothing was changed; reload and choose again.`,
        {
          reason: first.by === undefined ? 'members.bulk.conflict' : 'members.bulk.conflictBy',
          id: first.id,
          name: first.name,
          rows: stale,
          params: { name: first.name, by: first.by ?? '', count: stale.length },
          ...(first.at === undefined ? {} : { changedAt: first.at }),
        },
      );
    for (const { id, version } of toWrite) {
      await updateVersioned(trx, 'municipalities', id, version, { is_member: input.isMember, updated_at: at });
      planned.push({
        id,
        before: { isMember: !input.isMember, version },
        after: { isMember: input.isMember, version: version + 1 },
      });
    }
    return { changed: planned.length, auditId: await auditGroupOf(planned, { trx, auditGroup, touch }) };
  });
}

/** Writes the entries of a bulk change of membership as one group; names what it touched. */
async function auditGroupOf(
  planned: readonly { id: number; before: MembershipFields; after: MembershipFields }[],
  change: Pick<Change, 'trx' | 'auditGroup' | 'touch'>,
): Promise<number | null> {
  const groupId = await change.auditGroup(
    planned.map((row) => ({
      table: 'municipalities',
      recordId: row.id,
      action: 'update' as const,
      before: row.before,
      after: row.after,
    })),
  );
  if (groupId === null) return null;
  const municipalityIds = planned.map((row) => row.id);
  change.touch({
    tables: ['municipalities', 'partnerships'],
    municipalityIds,
    partnershipIds: await partnershipIdsOf(change.trx, municipalityIds),
  });
  return groupId;
}

/**
 * Undoes a bulk change of membership from its audit group (`{ auditId }`): every municipality
 * gets back what it had, if none has changed since (else CONFLICT listing every one that changed
 * or went since, who and when, and how many others nobody touched; nothing put back). With
 * `onlyUnchanged`, only those nobody changed since are put back (each written against the version
 * read here); the others stay as they are (`skipped`). Audited as a bulk change of its own.
 */
export async function bulkRestoreMembership(
  ctx: AppContext,
  input: { auditId: number; onlyUnchanged?: boolean | undefined },
): Promise<{ changed: number; auditId: number | null; skipped?: number }> {
  return auditedChange(ctx, async ({ trx, at, auditGroup, touch }) => {
    const entries = await listAuditGroup(trx, input.auditId);
    const edits = entries.filter((entry) => entry.table_name === 'municipalities' && entry.action === 'update');
    if (edits.length === 0 || entries[0]?.id !== input.auditId)
      throw new AppError('NOT_FOUND', 'There is no bulk change of membership under this entry.');
    const stored = await membershipRows(
      trx,
      edits.map((edit) => edit.record_id),
    );
    const planned: { id: number; before: MembershipFields; after: MembershipFields }[] = [];
    const untouched: { id: number; version: number; done: MembershipFields; was: MembershipFields }[] = [];
    const stale: BulkStaleRow[] = [];
    for (const edit of edits) {
      const done: unknown = edit.after === null ? null : JSON.parse(edit.after);
      const was: unknown = edit.before === null ? null : JSON.parse(edit.before);
      if (!isMembershipFields(done) || !isMembershipFields(was))
        throw new AppError('NOT_FOUND', 'There is no bulk change of membership under this entry.');
      const record = stored.get(edit.record_id);
      if (!record || record.version !== done.version)
        stale.push(
          await bulkStaleRow(trx, 'municipalities', {
            id: edit.record_id,
            version: done.version,
            exists: record !== undefined,
            name: record?.name ?? `#${String(edit.record_id)}`,
          }),
        );
      else untouched.push({ id: record.id, version: record.version, done, was });
    }
    if (stale.length > 0 && input.onlyUnchanged !== true)
      throw bulkUndoRefused(stale, untouched.length, 'members.bulk.undoChangedRows');
    for (const { id, version, done, was } of untouched) {
      await updateVersioned(trx, 'municipalities', id, version, { is_member: was.isMember, updated_at: at });
      planned.push({
        id,
        before: { isMember: done.isMember, version },
        after: { isMember: was.isMember, version: version + 1 },
      });
    }
    const auditId = await auditGroupOf(planned, { trx, auditGroup, touch });
    return { changed: planned.length, auditId, ...(stale.length > 0 ? { skipped: stale.length } : {}) };
  });
}

/** What an agreement draft may state about its Czech municipality, kept where the record has none. */
export type MemberFacts = {
  street?: string | null;
  postalCode?: string | null;
  ico?: string | null;
  mayorName?: string | null;
  mayorGender?: 'm' | 'f' | null;
  kind?: 'obec' | 'mestys' | 'mesto' | 'statutarni_mesto' | null;
};

/**
 * Writes what a saved agreement draft states about its Czech municipality (IČO, the mayor's name
 * and gender, its kind) to the municipality's record, field by field, only where the record has
 * nothing yet (a kind: "unknown") and the value passes the field's rule (a stored value is never
 * replaced from a draft).
 * Audited as an ordinary change. Returns the fields written; none when someone changed the
 * record at this moment (theirs stands, the draft keeps what was typed).
 */
export async function fillMunicipality(ctx: AppContext, id: number, facts: MemberFacts): Promise<string[]> {
  const detail = await findMunicipalityDetail(ctx.db.knex, id);
  if (!detail) return [];
  const patch: Record<string, unknown> = {};
  for (const [field, raw] of Object.entries(facts) as [keyof MemberFacts, unknown][]) {
    const value = typeof raw === 'string' ? raw.trim() : raw;
    if (value === null || value === undefined || value === '') continue;
    const stored: unknown = detail[field];
    if (stored !== null && stored !== undefined && stored !== '' && !(field === 'kind' && stored === 'unknown'))
      continue;
    if (checkMunicipalityField(field, value) !== null) continue;
    patch[field] = value;
  }
  if (Object.keys(patch).length === 0) return [];
  try {
    await updateMunicipality(ctx, { id, version: detail.version, patch });
  } catch (error) {
    // Changed at this moment (theirs stands) or refused as a whole: the draft keeps what was typed.
    if (error instanceof AppError && (error.code === 'CONFLICT' || error.code === 'VALIDATION')) return [];
    throw error;
  }
  return Object.keys(patch);
}
