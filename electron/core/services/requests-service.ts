import { AppError, invalidFields, type FieldIssue } from '../../../shared/domain/errors';
import {
  answersToo,
  conversionNotes,
  receivedOnIssues,
  requestCrossIssues,
  suggestPartners,
  type RequestFields,
  type RequestRow,
  type RequestToPartnership,
} from '../../../shared/domain/request-rules';
import { gazetteerPartners, type StatedRequest } from '../../../shared/domain/partner-finding';
import type { ForeignTown, TownSuggestion } from '../../../shared/domain/partnerships';
import { REQUEST_STATUSES, type CooperationArea, type RequestStatus } from '../../../shared/domain/codes';
import type { AppContext } from '../context';
import { deleteVersioned, rawEntriesOf, updateVersioned, versionFailure } from '../repositories/audit-repository';
import { auditedChange, type Change } from './audited-change';
import { exonymOf, findOrAddTown, gazetteerTowns } from './towns-service';
import { findForeignTown, listTwinnedForeignTowns } from '../repositories/foreign-towns-repository';
import { findMunicipalityDetail } from '../repositories/municipalities-repository';
import {
  findPartnershipRecord,
  insertPartnership,
  partnershipExists,
  partnershipIdExists,
} from '../repositories/partnerships-repository';
import { deletedByEntry } from './undo';
import {
  findRequestRow,
  insertRawRequest,
  insertRequestRecord,
  listRequestRows,
  rawRequest,
  toRequestColumns,
} from '../repositories/requests-repository';

type Db = AppContext['db']['knex'];

/** What the audit log keeps of a request: its own fields, not names joined from other tables. */
const auditFields = (r: RequestRow): Record<string, unknown> =>
  Object.fromEntries(Object.entries(r).filter(([field]) => !NOT_AUDITED.has(field)));
const NOT_AUDITED = new Set([
  'id',
  'municipalityName',
  'municipalityPopulation',
  'foreignTownName',
  'partnerTownName',
  'partnerCountryCode',
  'partnerMunicipalityId',
  'partnerMunicipalityName',
]);

async function mustFind(db: Db, id: number): Promise<RequestRow> {
  const found = await findRequestRow(db, id);
  if (!found) throw new AppError('NOT_FOUND', `No request ${String(id)}`);
  return found;
}

async function checkFields(db: Db, values: RequestFields, stored?: RequestRow): Promise<void> {
  const issues = [...requestCrossIssues(values), ...receivedOnIssues(values, { stored: stored?.receivedOn ?? null })];
  if (values.municipalityId !== null && !(await findMunicipalityDetail(db, values.municipalityId))) {
    issues.push({ path: 'municipalityId', message: 'validation.unknownMunicipality' });
  }
  if (issues.length > 0) throw invalidFields(issues);
}

export const listRequests = (ctx: AppContext): Promise<RequestRow[]> => listRequestRows(ctx.db.knex);

export async function createRequest(ctx: AppContext, values: RequestFields): Promise<RequestRow> {
  return auditedChange(ctx, async ({ trx, at, audit, touch }) => {
    await checkFields(trx, values);
    const id = await insertRequestRecord(trx, values, at);
    const created = await mustFind(trx, id);
    await audit({
      table: 'partnership_requests',
      recordId: id,
      action: 'insert',
      before: null,
      after: auditFields(created),
    });
    touch({ tables: ['partnership_requests'] });
    return created;
  });
}

/**
 * A request that became a partnership keeps who asked (its direction, the member or the foreign
 * town): its partnership names them, and an edit that changed them left it pointing at another
 * pair (walkthrough: "new · Čáslav" still linked to Kouřim's partnership). Its status stays
 * accepted, or closed.
 */
function linkedIssues(values: RequestFields, stored: RequestRow): FieldIssue[] {
  if (stored.partnershipId === null) return [];
  const issues: FieldIssue[] = [];
  if (values.direction !== stored.direction) issues.push({ path: 'direction', message: 'requests.error.linked' });
  else if (stored.direction === 'member_seeks' && values.municipalityId !== stored.municipalityId)
    issues.push({ path: 'municipalityId', message: 'requests.error.linked' });
  else if (
    stored.direction === 'foreign_seeks' &&
    (values.requesterName !== stored.requesterName || values.requesterCountryCode !== stored.requesterCountryCode)
  )
    issues.push({ path: 'requesterName', message: 'requests.error.linked' });
  if (values.status !== 'accepted' && values.status !== 'closed')
    issues.push({ path: 'status', message: 'requests.error.linkedStatus' });
  return issues;
}

export async function updateRequest(
  ctx: AppContext,
  input: { id: number; version: number; values: RequestFields },
): Promise<RequestRow> {
  return auditedChange(ctx, async ({ trx, at, audit, touch }) => {
    const before = await mustFind(trx, input.id);
    if (before.version !== input.version)
      throw await versionFailure(trx, 'partnership_requests', input.id, input.version);
    const linked = linkedIssues(input.values, before);
    if (linked.length > 0) throw invalidFields(linked);
    await checkFields(trx, input.values, before);
    await updateVersioned(trx, 'partnership_requests', input.id, input.version, {
      ...toRequestColumns(input.values),
      // A foreign town's request made into a partnership names the member chosen then (its form
      // has no member field): an edit of its wishes keeps it.
      ...(before.partnershipId === null ? {} : { municipality_id: before.municipalityId }),
      updated_at: at,
    });
    const after = await mustFind(trx, input.id);
    await audit({
      table: 'partnership_requests',
      recordId: input.id,
      action: 'update',
      before: auditFields(before),
      after: auditFields(after),
    });
    touch({ tables: ['partnership_requests'] });
    return after;
  });
}

/** Deletes a request; the audit entry keeps the stored row under `_row` for undo. */
export async function deleteRequest(
  ctx: AppContext,
  input: { id: number; version: number },
): Promise<{ auditId: number }> {
  return auditedChange(ctx, async ({ trx, audit, touch }) => {
    const before = await mustFind(trx, input.id);
    const raw = await rawRequest(trx, input.id);
    await deleteVersioned(trx, 'partnership_requests', input.id, input.version);
    const auditId = await audit({
      table: 'partnership_requests',
      recordId: input.id,
      action: 'delete',
      before: { ...auditFields(before), _row: raw },
      after: null,
    });
    touch({ tables: ['partnership_requests'] });
    return { auditId };
  });
}

export async function restoreRequest(ctx: AppContext, input: { auditId: number }): Promise<RequestRow> {
  return auditedChange(ctx, async ({ trx, audit, touch }) => {
    const entry = await deletedByEntry(trx, input.auditId, 'partnership_requests', '_row', 'request', (id) =>
      findRequestRow(trx, id),
    );
    const raw = entry.kept;
    if (raw === null || typeof raw !== 'object')
      throw new AppError('NOT_FOUND', 'The audit entry holds no row to restore.');
    const stored = { ...(raw as Record<string, unknown>) };
    // Its member may have been deleted meanwhile: it comes back first (the request points at it).
    if (typeof stored.municipality_id === 'number' && !(await findMunicipalityDetail(trx, stored.municipality_id))) {
      throw new AppError('CONFLICT', 'The member of this request was deleted meanwhile; restore the member first.', {
        reason: 'undo.memberGone',
      });
    }
    if (typeof stored.foreign_town_id === 'number' && !(await findForeignTown(trx, stored.foreign_town_id)))
      throw new AppError(
        'CONFLICT',
        'The town of this request is no longer in the registry (merged into another record); undo the merge first.',
        { reason: 'undo.townGone' },
      );
    // The partnership it was turned into may be deleted (or merged away) meanwhile: it comes back first.
    if (typeof stored.partnership_id === 'number' && !(await partnershipIdExists(trx, stored.partnership_id)))
      throw new AppError(
        'CONFLICT',
        'The partnership this request was turned into is no longer in the registry: restore it first, or undo the merge it went into.',
        { reason: 'undo.partnershipGone' },
      );
    await insertRawRequest(trx, stored);
    const restored = await mustFind(trx, entry.recordId);
    await audit({
      table: 'partnership_requests',
      recordId: restored.id,
      action: 'restore',
      before: null,
      after: auditFields(restored),
    });
    touch({ tables: ['partnership_requests'] });
    return restored;
  });
}

const isRequestStatus = (value: string): value is RequestStatus =>
  (REQUEST_STATUSES as readonly string[]).includes(value);

/** The status a request had before it was turned into partnership `partnershipId` (its audit entry), if recorded. */
async function statusBeforeConversion(db: Db, requestId: number, partnershipId: number): Promise<string | null> {
  for (const entry of await rawEntriesOf(db, 'partnership_requests', requestId, 'update')) {
    const before: unknown = entry.before === null ? null : JSON.parse(entry.before);
    const after: unknown = entry.after === null ? null : JSON.parse(entry.after);
    if (typeof after !== 'object' || after === null || !('partnershipId' in after)) continue;
    if (after.partnershipId !== partnershipId) continue;
    return typeof before === 'object' && before !== null && 'status' in before && typeof before.status === 'string'
      ? before.status
      : null;
  }
  return null;
}

/**
 * The requests a deleted partnership was made from (their link is gone with it): an accepted one
 * goes back to the status it had before it was turned into that partnership, so that it is not
 * "accepted" with nothing to show for it (walkthrough) and can be turned into a partnership again.
 * Audited; returns the requests changed with the status each got, for the undo of the delete.
 */
export async function releaseRequests(
  change: Change,
  partnershipId: number,
  requestIds: readonly number[],
): Promise<Record<number, string>> {
  const released: Record<number, string> = {};
  for (const id of requestIds) {
    const request = await findRequestRow(change.trx, id);
    if (request?.status !== 'accepted') continue;
    const before = await statusBeforeConversion(change.trx, id, partnershipId);
    if (before === null || before === 'accepted' || !isRequestStatus(before)) continue;
    await updateVersioned(change.trx, 'partnership_requests', id, request.version, {
      status: before,
      updated_at: change.at,
    });
    const after = await mustFind(change.trx, id);
    await change.audit({
      table: 'partnership_requests',
      recordId: id,
      action: 'update',
      before: auditFields(request),
      after: auditFields(after),
    });
    released[id] = before;
  }
  if (Object.keys(released).length > 0) change.touch({ tables: ['partnership_requests'] });
  return released;
}

/**
 * The undo of `releaseRequests` (the partnership came back and its requests point at it again):
 * each request still in the status the delete gave it is accepted again; one changed since stays.
 */
export async function reacceptRequests(change: Change, released: Record<string, string>): Promise<void> {
  let changed = false;
  for (const [key, status] of Object.entries(released)) {
    const id = Number(key);
    const request = await findRequestRow(change.trx, id);
    if (!request || request.status !== status || request.partnershipId === null) continue;
    await updateVersioned(change.trx, 'partnership_requests', id, request.version, {
      status: 'accepted',
      updated_at: change.at,
    });
    await change.audit({
      table: 'partnership_requests',
      recordId: id,
      action: 'update',
      before: auditFields(request),
      after: auditFields(await mustFind(change.trx, id)),
    });
    changed = true;
  }
  if (changed) change.touch({ tables: ['partnership_requests'] });
}

/**
 * Turns a request into a partnership in one transaction: the member (named by a member_seeks
 * request, chosen by the user for a foreign_seeks one), the foreign town found or added by
 * country and name, the partnership with the request's themes as areas and its description in the
 * notes (as the dialog left them; absent, `conversionNotes` of the request and of the requests it
 * answers too); the request becomes accepted and points at the partnership. Every row written is
 * audited.
 */
export async function requestToPartnership(
  ctx: AppContext,
  input: RequestToPartnership,
): Promise<{ partnershipId: number; partnershipVersion: number; request: RequestRow; alsoAccepted: number[] }> {
  return auditedChange(ctx, async (change) => {
    const { trx, at: now, audit, touch } = change;
    const request = await mustFind(trx, input.id);
    if (request.version !== input.version)
      throw await versionFailure(trx, 'partnership_requests', input.id, input.version);
    if (request.partnershipId !== null) {
      throw new AppError('CONFLICT', 'This request has already been turned into a partnership.');
    }
    const issues: FieldIssue[] = [];
    const municipalityId = request.direction === 'member_seeks' ? request.municipalityId : input.municipalityId;
    // A town picked from the suggestions (or a registry record) is named by `town`/`foreignTownId`;
    // otherwise by name and country, which a foreign town's request states itself.
    const picked = input.foreignTownId !== undefined || input.town !== undefined;
    const townPath = picked ? 'town' : 'townName';
    const townName = input.townName ?? (request.direction === 'foreign_seeks' ? request.requesterName : null);
    const countryCode =
      input.townCountryCode ?? (request.direction === 'foreign_seeks' ? request.requesterCountryCode : null);
    if (municipalityId === null) issues.push({ path: 'municipalityId', message: 'validation.required' });
    else if (!(await findMunicipalityDetail(trx, municipalityId)))
      issues.push({ path: 'municipalityId', message: 'validation.unknownMunicipality' });
    if (input.foreignTownId !== undefined) {
      const known = await findForeignTown(trx, input.foreignTownId);
      if (!known) issues.push({ path: 'town', message: 'validation.townRequired' });
      else if (known.countryCode === 'CZ') issues.push({ path: 'town', message: 'validation.foreignCountry' });
    } else if (input.town !== undefined) {
      if (input.town.countryCode === 'CZ') issues.push({ path: 'town', message: 'validation.foreignCountry' });
    } else {
      if (!townName) issues.push({ path: 'townName', message: 'validation.required' });
      if (!countryCode) issues.push({ path: 'townCountryCode', message: 'validation.required' });
      else if (countryCode === 'CZ') issues.push({ path: 'townCountryCode', message: 'validation.foreignCountry' });
    }
    if (issues.length > 0 || municipalityId === null) throw invalidFields(issues);

    const source = `request ${String(request.id)}`;
    let foreignTownId: number;
    if (input.foreignTownId !== undefined) foreignTownId = input.foreignTownId;
    else if (input.town !== undefined) {
      const town = input.town;
      foreignTownId = await findOrAddTown(change, {
        ...town,
        nameCs: town.nameCs ?? exonymOf(town.countryCode, town.name),
        source,
      });
    } else if (townName && countryCode) {
      foreignTownId = await findOrAddTown(change, { name: townName, countryCode, source });
    } else throw invalidFields(issues);
    if (await partnershipExists(trx, municipalityId, foreignTownId)) {
      throw new AppError('CONFLICT', 'This member already has a partnership with that town.', {
        issues: [{ path: townPath, message: 'validation.partnershipExists' }],
      });
    }
    // The other side's own open requests that the user says this partnership answers too.
    const answered: RequestRow[] = [];
    const chosen = await findForeignTown(trx, foreignTownId);
    const town = chosen
      ? { foreignTownId, name: chosen.name, nameCs: chosen.nameCs, countryCode: chosen.countryCode }
      : null;
    for (const otherId of new Set(input.alsoAccept ?? [])) {
      const other = await findRequestRow(trx, otherId);
      if (!other || !answersToo(other, request, municipalityId, town))
        throw new AppError(
          'CONFLICT',
          `Request ${String(otherId)} is no longer an open request of the other side of this partnership.`,
          { issues: [{ path: 'alsoAccept', message: 'validation.requestNotOpen' }] },
        );
      answered.push(other);
    }
    // What the requests say in their descriptions goes into the notes, marked as theirs: the user
    // saw and edited it in the dialog (an empty field: none); a caller that says nothing gets it as
    // proposed.
    const notes = input.notes === undefined ? conversionNotes([request, ...answered]) : input.notes;
    const written = {
      municipalityId,
      foreignTownId,
      type: input.type,
      status: input.status,
      startedOn: input.startedOn,
      notes,
      areas: request.themes,
      source: `request ${String(request.id)}`,
    };
    const partnershipId = await insertPartnership(trx, written, now);
    await audit({
      table: 'partnerships',
      recordId: partnershipId,
      action: 'insert',
      before: null,
      after: written,
    });
    await updateVersioned(trx, 'partnership_requests', request.id, request.version, {
      status: 'accepted',
      partnership_id: partnershipId,
      municipality_id: municipalityId,
      foreign_town_id: foreignTownId,
      updated_at: now,
    });
    const after = await mustFind(trx, request.id);
    await audit({
      table: 'partnership_requests',
      recordId: request.id,
      action: 'update',
      before: auditFields(request),
      after: auditFields(after),
    });
    // Accepted and linked as the request itself is: deleting the partnership gives each back its status.
    for (const other of answered) {
      await updateVersioned(trx, 'partnership_requests', other.id, other.version, {
        status: 'accepted',
        partnership_id: partnershipId,
        municipality_id: municipalityId,
        foreign_town_id: foreignTownId,
        updated_at: now,
      });
      await audit({
        table: 'partnership_requests',
        recordId: other.id,
        action: 'update',
        before: auditFields(other),
        after: auditFields(await mustFind(trx, other.id)),
      });
    }
    const partnership = await findPartnershipRecord(trx, partnershipId);
    touch({
      tables: ['partnerships', 'foreign_towns', 'partnership_requests'],
      partnershipIds: [partnershipId],
      municipalityIds: [municipalityId],
    });
    return {
      partnershipId,
      partnershipVersion: partnership?.version ?? 1,
      request: after,
      alsoAccepted: answered.map((other) => other.id),
    };
  });
}

/** Suggested partners for a member_seeks request, best first (see `suggestPartners`). */
export async function suggestForRequest(ctx: AppContext, id: number) {
  const db = ctx.db.knex;
  const request = await mustFind(db, id);
  const all = await listRequestRows(db);
  const byId = new Map(all.map((row) => [row.id, row]));
  return suggestPartners(request, all).flatMap((s) => {
    const row = byId.get(s.requestId);
    return row ? [{ request: row, score: s.score, commonThemes: s.commonThemes, sizeMatches: s.sizeMatches }] : [];
  });
}

/** A gazetteer town suggested for a member's request, as `requests:suggestTowns` answers. */
export type TownForRequest = {
  town: TownSuggestion;
  distanceKm: number | null;
  commonThemes: CooperationArea[];
  requestId: number | null;
};

/**
 * Gazetteer towns for a member_seeks request (see `gazetteerPartners`): the member's coordinates
 * for the distance, the registry's twinned towns left out, the themes of open requests of foreign
 * towns seeking a Czech partner for the overlap. Empty for a foreign town's request.
 */
export async function suggestTownsForRequest(ctx: AppContext, id: number): Promise<TownForRequest[]> {
  const db = ctx.db.knex;
  const request = await mustFind(db, id);
  if (request.direction !== 'member_seeks' || request.municipalityId === null) return [];
  const member = await findMunicipalityDetail(db, request.municipalityId);
  const twinned = await listTwinnedForeignTowns(db);
  const all = await listRequestRows(db);
  // The registry towns that requests point at (few), for their GeoNames ids.
  const towns = new Map<number, ForeignTown>();
  for (const townId of new Set(all.flatMap((row) => (row.foreignTownId === null ? [] : [row.foreignTownId])))) {
    const town = await findForeignTown(db, townId);
    if (town) towns.set(townId, town);
  }
  const stated: StatedRequest[] = all.flatMap((row) => {
    if (row.direction !== 'foreign_seeks' || row.status === 'accepted' || row.status === 'closed') return [];
    if (row.wantedCountryCodes.length > 0 && !row.wantedCountryCodes.includes('CZ')) return [];
    const registryTown = row.foreignTownId !== null ? towns.get(row.foreignTownId) : undefined;
    const countryCode = registryTown?.countryCode ?? row.requesterCountryCode;
    const name = registryTown?.name ?? row.requesterName;
    if (countryCode === null || name === null) return [];
    return [{ requestId: row.id, countryCode, name, geonamesId: registryTown?.geonamesId ?? null, themes: row.themes }];
  });
  const found = gazetteerPartners(
    {
      latitude: member?.latitude ?? null,
      longitude: member?.longitude ?? null,
      wantedCountryCodes: request.wantedCountryCodes,
      wantedSize: request.wantedSize,
      themes: request.themes,
    },
    await gazetteerTowns(request.wantedCountryCodes),
    twinned.map((town) => ({
      geonamesId: town.geonamesId,
      countryCode: town.countryCode,
      names: [town.name, ...(town.nameCs === null ? [] : [town.nameCs]), ...town.altNames],
      latitude: town.latitude,
      longitude: town.longitude,
    })),
    stated,
  );
  return found.map(({ town, distanceKm, commonThemes, requestId }) => ({
    town: {
      foreignTownId: null,
      geonamesId: town.geonamesId,
      name: town.name,
      nameCs: town.nameCs,
      countryCode: town.countryCode,
      adminCode: town.adminCode,
      adminRegion: null,
      population: town.population,
      latitude: town.latitude,
      longitude: town.longitude,
    },
    distanceKm,
    commonThemes,
    requestId,
  }));
}
