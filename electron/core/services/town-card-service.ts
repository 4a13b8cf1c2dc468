import { AppError, invalidFields } from '../../../shared/domain/errors';
import { townNameKey } from '../../../shared/domain/text';
import {
  townCardCrossIssues,
  type TownCard,
  type TownCardPatch,
} from '../../../shared/domain/town-card';
import type { AppContext } from '../context';
import { updateVersioned } from '../repositories/audit-repository';
import {
  findTownCard,
  listTownPartnerships,
  otherTownWithKey,
  townCardColumns,
  type TownCardRecord,
} from '../repositories/foreign-towns-repository';
import { auditedChange } from './audited-change';

const czech = new Intl.Collator('cs');

type Db = AppContext['db']['knex'];

async function mustFind(db: Db, id: number): Promise<TownCardRecord> {
  const card = await findTownCard(db, id);
  if (!card) throw new AppError('NOT_FOUND', `Partner town ${String(id)} does not exist.`);
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
  input: { id: number; version: number; patch: TownCardPatch },
): Promise<TownCard> {
  const { id, version } = input;
  return auditedChange(ctx, async ({ trx, at, audit, touch }) => {
    const before = await mustFind(trx, id);
    if (before.version !== version) {
      throw new AppError('CONFLICT', 'The partner town was changed meanwhile. Reload it and apply your change again.', {
        currentVersion: before.version,
        expectedVersion: version,
      });
    }
    const patch: TownCardPatch = { ...input.patch };
    const merged = { ...before, ...patch };
    const issues = townCardCrossIssues(merged).filter((issue) =>
      ['latitude', 'longitude'].some((field) => Object.prototype.hasOwnProperty.call(patch, field)),
    );
    if (issues.length > 0) throw invalidFields(issues);
    if (patch.mayorOffice && !patch.mayorOffice.startsWith(`${merged.countryCode}:`))
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
      const others = patch.altNames ?? before.altNames;
      if (!others.includes(before.name)) patch.altNames = [...others, before.name];
    }
    await updateVersioned(trx, 'foreign_towns', id, version, { ...townCardColumns(patch), updated_at: at });
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
