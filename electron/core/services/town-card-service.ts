import { officesOf } from '../../../shared/domain/agreements/offices';
import { AppError, invalidFields } from '../../../shared/domain/errors';
import { townNameKey } from '../../../shared/domain/text';
import {
  townCardCrossIssues,
  townCardFieldsSchema,
  townCardPatchSchema,
  type TownCard,
  type TownCardPatch,
} from '../../../shared/domain/town-card';
import type { AppContext } from '../context';
import {
  changedSinceFailure,
  deleteVersioned,
  findAuditEntry,
  recordExists,
  recordGone,
  reinsertRow,
  updateVersioned,
  versionFailure,
} from '../repositories/audit-repository';
import {
  deleteTownDecisions,
  findTownCard,
  listTownPartnerships,
  listUnusedTowns,
  otherTownWithGeonamesId,
  otherTownWithKey,
  restoreTownDecisions,
  townCardColumns,
  townDecisions,
  townReferences,
  storedTownRow,
  type TownCardRecord,
  type UnusedTown,
} from '../repositories/foreign-towns-repository';
import { auditedChange } from './audited-change';
import { refuseIfSuperseded } from './undo';

const czech = new Intl.Collator('cs');

type Db = AppContext['db']['knex'];

async function mustFind(db: Db, id: number): Promise<TownCardRecord> {
  const card = await findTownCard(db, id);
  // Gone: who deleted it (the bin holds it) or which import's undo removed it.
  if (!card) throw await recordGone(db, 'foreign_towns', id);
  return card;
}

async function withPartnerships(db: Db, card: TownCardRecord): Promise<TownCard> {
  const partnerships = await listTownPartnerships(db, card.id);
  partnerships.sort((a, b) => czech.compare(a.municipalityName, b.municipalityName));
  return { ...card, partnerships };
}

/** What the audit log keeps of a card: its fields (not its id, time stamps or partnerships). */
const auditFields = (card: TownCardRecord): Record<string, unknown> =>
  Object.fromEntries(Object.entries(card).filter(([field]) => !['id', 'createdAt', 'updatedAt'].includes(field)));

/** The partner-town card: every field, its version and provenance, and the partnerships it has. */
export async function townCard(ctx: AppContext, input: { id: number }): Promise<TownCard> {
  const db = ctx.db.knex;
  return withPartnerships(db, await mustFind(db, input.id));
}

/**
 * Changes some fields of a card if it is still at `version` (else CONFLICT). A new name or country
 * that another record of the same town already has is refused with that town named (merge them
 * instead of making a second copy). A renamed town keeps its former name among its other names,
 * so imports that still use it find the town; a spelling fix (the same folded name) does not.
 */
export async function updateTownCard(
  ctx: AppContext,
  input: {
    id: number;
    version: number;
    patch: TownCardPatch;
    undo?: boolean | undefined;
    /** The gazetteer link a revert puts back (not a field of the card's form). */
    geonamesId?: number | null;
  },
): Promise<TownCard> {
  const { id, version } = input;
  return auditedChange(ctx, async ({ trx, at, audit, touch }) => {
    const before = await mustFind(trx, id);
    if (before.version !== version) throw await versionFailure(trx, 'foreign_towns', id, version);
    const patch: TownCardPatch = { ...input.patch };
    const merged = { ...before, ...patch };
    // Coordinates are checked as a pair when the change touches one of them.
    const touchesCoordinates = ['latitude', 'longitude'].some((field) => Object.hasOwn(patch, field));
    const issues = touchesCoordinates ? townCardCrossIssues(merged) : [];
    if (issues.length > 0) throw invalidFields(issues);
    // An office of the town's country (or a general one where the table has none for it), also
    // when the country changes under an office chosen before (a German office on a Polish town
    // would title its drafts' mayor wrongly).
    if (
      (patch.mayorOffice !== undefined || patch.countryCode !== undefined) &&
      merged.mayorOffice &&
      !officesOf(merged.countryCode).some((office) => office.code === merged.mayorOffice)
    )
      throw invalidFields([{ path: 'mayorOffice', message: 'validation.office' }]);
    if (patch.name !== undefined || patch.countryCode !== undefined) {
      const other = await otherTownWithKey(trx, merged.countryCode, merged.name, id);
      if (other)
        throw new AppError('CONFLICT', `Another record of this town exists (${other.name}); merge the two instead.`, {
          reason: 'townCard.error.duplicate',
          otherId: other.id,
          otherName: other.name,
        });
    }
    if (patch.name !== undefined && townNameKey(patch.name) !== townNameKey(before.name)) {
      // A name taken back (a former one) is the name, no longer one of the others; the name
      // replaced becomes one, unless this change undoes a save (review 67: the typo of an undone
      // rename stayed as a former name that imports match).
      const key = townNameKey(patch.name);
      const others = (patch.altNames ?? before.altNames).filter((other) => townNameKey(other) !== key);
      patch.altNames = input.undo || others.includes(before.name) ? others : [...others, before.name];
    }
    if (input.geonamesId !== undefined && input.geonamesId !== null) {
      const other = await otherTownWithGeonamesId(trx, input.geonamesId, id);
      if (other)
        throw new AppError('CONFLICT', `Another record of this town exists (${other.name}); merge the two instead.`, {
          reason: 'townCard.error.duplicate',
          otherId: other.id,
          otherName: other.name,
        });
    }
    await updateVersioned(trx, 'foreign_towns', id, version, {
      ...townCardColumns(patch),
      ...(input.geonamesId === undefined ? {} : { geonames_id: input.geonamesId }),
      updated_at: at,
    });
    const after = await mustFind(trx, id);
    await audit({
      table: 'foreign_towns',
      recordId: id,
      action: 'update',
      before: auditFields(before),
      after: auditFields(after),
    });
    const card = await withPartnerships(trx, after);
    // The Partnerships grid shows the town's names, country and population.
    touch({
      tables: ['foreign_towns', 'partnerships'],
      partnershipIds: card.partnerships.map((p) => p.partnershipId),
    });
    return card;
  });
}

/** What a revert from the card's history may put back: the card's fields and its gazetteer link. */
const REVERTIBLE = [...Object.keys(townCardFieldsSchema.shape), 'geonamesId'];

/**
 * Restores from a town card's history: puts back the values one past change replaced (a card
 * edit, or the gazetteer link and the empty fields a suggestion filled), if nothing has changed
 * those fields since (else CONFLICT naming the field), as a member's and a partnership's history
 * do. The values pass today's rules; audited as a new change, so it can itself be undone.
 */
export async function revertTownChange(ctx: AppContext, input: { auditId: number }): Promise<TownCard> {
  const entry = await findAuditEntry(ctx.db.knex, input.auditId);
  if (!entry || entry.table_name !== 'foreign_towns' || entry.before === null || entry.after === null)
    throw new AppError('NOT_FOUND', 'There is no change of a partner town under this history entry.');
  const before = JSON.parse(entry.before) as Record<string, unknown>;
  const after = JSON.parse(entry.after) as Record<string, unknown>;
  const fields = REVERTIBLE.filter(
    (field) => field in before && JSON.stringify(before[field]) !== JSON.stringify(after[field]),
  );
  if (fields.length === 0) throw new AppError('NOT_FOUND', 'This history entry changed no field of the card.');
  const record = await mustFind(ctx.db.knex, entry.record_id);
  const current = auditFields(record);
  const changedSince = fields.find((field) => JSON.stringify(current[field] ?? null) !== JSON.stringify(after[field]));
  if (changedSince !== undefined)
    throw await changedSinceFailure(ctx.db.knex, 'foreign_towns', entry.record_id, entry.id, changedSince);
  const parsed = townCardPatchSchema.safeParse(
    Object.fromEntries(fields.filter((field) => field !== 'geonamesId').map((field) => [field, before[field]])),
  );
  if (!parsed.success)
    throw invalidFields(
      parsed.error.issues.map((issue) => ({ path: String(issue.path[0] ?? ''), message: issue.message })),
    );
  const link = before.geonamesId;
  return updateTownCard(ctx, {
    id: entry.record_id,
    version: record.version,
    patch: parsed.data,
    undo: true,
    ...(fields.includes('geonamesId') ? { geonamesId: typeof link === 'number' ? link : null } : {}),
  });
}

/** What a staffer typed about a partner town elsewhere (an agreement draft), to keep on its card. */
export type TownFacts = Partial<
  Pick<
    TownCardPatch,
    | 'address'
    | 'mayorName'
    | 'mayorGender'
    | 'mayorTitle'
    | 'mayorOffice'
    | 'contractingBody'
    | 'nameNative'
    | 'kind'
    | 'largeCity'
    | 'idNumber'
  >
>;

/**
 * Whether `typed` is the stored name better spelled: the same name folded (case and diacritics
 * aside), where the stored one is in capitals ("KOMÁRNO", as the 2013 import wrote many) or
 * without the diacritics the typed one has ("Ales" for "Alès"). Any other difference is a rename,
 * which is made on the card, not from a draft.
 */
export function isSpellingFix(stored: string, typed: string): boolean {
  const [was, now] = [stored.trim(), typed.trim()];
  if (now === '' || now === was || townNameKey(now) !== townNameKey(was)) return false;
  const capitals = (text: string) => text === text.toLocaleUpperCase('cs') && text !== text.toLocaleLowerCase('cs');
  const marks = (text: string) => (text.normalize('NFD').match(/\p{M}/gu) ?? []).length;
  return (capitals(was) && !capitals(now)) || (marks(was) === 0 && marks(now) > 0);
}

/**
 * Corrects the card's name to how a draft spelled it, where that is only a better spelling of the
 * same name (`isSpellingFix`); audited as any edit of the card, so it shows in the town's history
 * and can be undone there. Answers whether the name was changed.
 */
export async function correctTownSpelling(ctx: AppContext, townId: number, typed: string): Promise<boolean> {
  const card = await findTownCard(ctx.db.knex, townId);
  if (!card || !isSpellingFix(card.name, typed)) return false;
  try {
    await updateTownCard(ctx, { id: townId, version: card.version, patch: { name: typed.trim() } });
    return true;
  } catch (error) {
    if (error instanceof AppError && (error.code === 'CONFLICT' || error.code === 'VALIDATION')) return false;
    throw error;
  }
}

const blank = (value: unknown): boolean =>
  value === null || value === undefined || (typeof value === 'string' && value.trim() === '');

/**
 * Keeps on the card what a staffer typed about the town in a draft, where the card knew nothing
 * yet: the next draft of the town (or a batch) starts from it. A value the card already has is
 * never replaced from a draft (a draft may word a title for one occasion); the card is edited on
 * the card. Audited like any edit; answers the fields it filled.
 */
export async function fillTownCard(ctx: AppContext, townId: number, facts: TownFacts): Promise<string[]> {
  const card = await findTownCard(ctx.db.knex, townId);
  if (!card) return [];
  // Field by field: a value the card would refuse (too long, not an e-mail) stays in the draft only.
  const fill = Object.fromEntries(
    Object.entries(facts).filter(
      ([field, value]) =>
        !blank(value) &&
        // A kind not stated is as empty as a blank field.
        (blank(card[field as keyof TownCardRecord]) || (field === 'kind' && card.kind === 'unknown')) &&
        townCardPatchSchema.safeParse({ [field]: value }).success,
    ),
  );
  let patch: TownCardPatch = townCardPatchSchema.parse(fill);
  // Values the card refuses together (an office of another country) stay in the draft only; the
  // others are filled. At most one retry: what is left was each accepted on its own.
  for (let attempt = 0; attempt < 2 && Object.keys(patch).length > 0; attempt += 1) {
    try {
      await updateTownCard(ctx, { id: townId, version: card.version, patch });
      return Object.keys(patch);
    } catch (error) {
      // Someone changed the card at this moment: theirs stands, the draft keeps what was typed.
      if (!(error instanceof AppError) || (error.code !== 'CONFLICT' && error.code !== 'VALIDATION')) throw error;
      const refused = new Set((error.details?.issues ?? []).map((issue) => issue.path.split('.')[0]));
      if (error.code === 'CONFLICT' || refused.size === 0) return [];
      patch = Object.fromEntries(Object.entries(patch).filter(([field]) => !refused.has(field)));
    }
  }
  return [];
}

/** The towns no partnership or request names, in Czech order: what "Delete" may remove. */
export async function unusedTowns(ctx: AppContext): Promise<UnusedTown[]> {
  const towns = await listUnusedTowns(ctx.db.knex);
  return towns.sort((a, b) => czech.compare(a.name, b.name) || a.countryCode.localeCompare(b.countryCode));
}

/**
 * Deletes a partner town no partnership and no request names (walkthrough 19: a town added by
 * mistake stayed in the registry for good), if it is still at `version`. The audit entry keeps the
 * whole row and the import decisions that named it, so the bin brings it back exactly, with its id.
 * A town still named is refused with the counts (CONFLICT townCard.error.inUse).
 */
export async function deleteTown(
  ctx: AppContext,
  input: { id: number; version: number },
): Promise<{ id: number; auditId: number }> {
  return auditedChange(ctx, async ({ trx, audit, touch }) => {
    const card = await mustFind(trx, input.id);
    if (card.version !== input.version) throw await versionFailure(trx, 'foreign_towns', input.id, input.version);
    const uses = await townReferences(trx, input.id);
    if (uses.partnerships > 0 || uses.requests > 0)
      throw new AppError(
        'CONFLICT',
        `The town still has ${String(uses.partnerships)} partnership(s) and ${String(uses.requests)} request(s); only a town nothing names is deleted.`,
        { reason: 'townCard.error.inUse', params: uses },
      );
    const row = await storedTownRow(trx, input.id);
    const decisions = await townDecisions(trx, input.id);
    await deleteTownDecisions(trx, input.id);
    await deleteVersioned(trx, 'foreign_towns', input.id, input.version);
    const auditId = await audit({
      table: 'foreign_towns',
      recordId: input.id,
      action: 'delete',
      before: { ...auditFields(card), _row: row, _decisions: decisions },
      after: null,
    });
    touch({ tables: ['foreign_towns'] });
    return { id: input.id, auditId };
  });
}

const isRow = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/**
 * Brings a deleted town back from its audit entry (the bin), with its id, every column and the
 * import decisions that named it (each unless one about the same name was made since). Refused
 * when a record of the same town was added meanwhile (by name in its country or by gazetteer
 * identity): the two would be one town twice.
 */
export async function restoreTown(ctx: AppContext, input: { auditId: number }): Promise<{ id: number }> {
  return auditedChange(ctx, async ({ trx, audit, touch }) => {
    const entry = await findAuditEntry(trx, input.auditId);
    const kept: unknown = entry?.before ? JSON.parse(entry.before) : null;
    if (
      !entry ||
      entry.table_name !== 'foreign_towns' ||
      entry.action !== 'delete' ||
      !isRow(kept) ||
      !isRow(kept._row)
    )
      throw new AppError('NOT_FOUND', 'There is no deleted town to restore from this entry.');
    const row = kept._row;
    const id = entry.record_id;
    if (await recordExists(trx, 'foreign_towns', id))
      throw new AppError('CONFLICT', 'The town has already been restored.', { reason: 'undo.alreadyRestored' });
    await refuseIfSuperseded(trx, entry, 'town');
    const other =
      (await otherTownWithKey(trx, String(row.country_code), String(row.name), id)) ??
      (typeof row.geonames_id === 'number' ? await otherTownWithGeonamesId(trx, row.geonames_id, id) : undefined);
    if (other)
      throw new AppError(
        'CONFLICT',
        `Another record of this town was added meanwhile (${other.name}); the deleted one cannot come back.`,
        // The bin offers to fill that town from this one instead (bin:fill; `liveId` names it).
        { reason: 'merge.error.restoreTownDuplicate', params: { name: other.name }, liveId: other.id },
      );
    await reinsertRow(trx, 'foreign_towns', row);
    const decisions = Array.isArray(kept._decisions) ? kept._decisions.filter(isRow) : [];
    await restoreTownDecisions(trx, decisions);
    const card = await mustFind(trx, id);
    await audit({ table: 'foreign_towns', recordId: id, action: 'restore', before: null, after: auditFields(card) });
    touch({ tables: ['foreign_towns'] });
    return { id };
  });
}
