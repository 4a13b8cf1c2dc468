import { AppError, invalidFields } from '../../../shared/domain/errors';
import {
  municipalityCrossIssues,
  type MunicipalityDetail,
  type MunicipalityInput,
  type MunicipalityPatch,
} from '../../../shared/domain/municipality-rules';
import type { MemberOverview } from '../../../shared/ipc/channels/members';
import type { AppContext } from '../context';
import { deleteVersioned, updateVersioned } from '../repositories/audit-repository';
import { auditedChange } from './audited-change';
import {
  countCascade,
  type CascadeCounts,
  findMunicipalityDetail,
  insertMunicipalityRecord,
  listMemberRelations,
  municipalityIdWithCode,
  regionOfDistrict,
  restoreMunicipalitySnapshot,
  snapshotMunicipality,
  toColumns,
  type MunicipalitySnapshot,
} from '../repositories/municipalities-repository';
import { listRequestRows } from '../repositories/requests-repository';
import { deletedByEntry } from './undo';
import { partnershipIdsOfMunicipality } from '../repositories/partnerships-repository';

/** Tables a change of a municipality can touch (screens listening to `data:changed` reload). */
const TOUCHED = ['municipalities', 'partnerships', 'contacts', 'activities', 'partnership_requests'];

/** What the audit log keeps of a municipality: its own fields, not counts computed from other tables. */
const auditFields = (m: MunicipalityDetail): Record<string, unknown> =>
  Object.fromEntries(Object.entries(m).filter(([field]) => !NOT_AUDITED.has(field)));
const NOT_AUDITED = new Set(['activePartnerships', 'partnerships', 'regionCode', 'id']);

async function mustFind(db: AppContext['db']['knex'], id: number): Promise<MunicipalityDetail> {
  const found = await findMunicipalityDetail(db, id);
  if (!found) throw new AppError('NOT_FOUND', `No municipality ${String(id)}`);
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
    if (before.version !== version) {
      throw new AppError('CONFLICT', 'The municipality was changed meanwhile. Reload it and apply your change again.', {
        currentVersion: before.version,
        expectedVersion: version,
      });
    }
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
    const detail = await mustFind(trx, input.id);
    const snapshot = await snapshotMunicipality(trx, input.id);
    if (!snapshot) throw new AppError('NOT_FOUND', `No municipality ${String(input.id)}`);
    const partnershipIds = await partnershipIdsOfMunicipality(trx, input.id);
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
  return auditedChange(ctx, async ({ trx, audit, touch }) => {
    const entry = await deletedByEntry(trx, input.auditId, 'municipalities', '_cascade', 'municipality');
    const snapshot = entry.kept;
    if (!isSnapshot(snapshot)) throw new AppError('NOT_FOUND', 'The audit entry holds no snapshot to restore.');
    if (await findMunicipalityDetail(trx, entry.recordId)) {
      throw new AppError('CONFLICT', 'The municipality has already been restored.');
    }
    const code = snapshot.municipality.code;
    if (typeof code === 'string' && (await municipalityIdWithCode(trx, code)) !== undefined) {
      throw new AppError(
        'CONFLICT',
        `Another municipality with code ${code} was added meanwhile; the deleted one cannot come back.`,
      );
    }
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
