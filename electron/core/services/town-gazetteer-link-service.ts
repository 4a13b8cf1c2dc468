import type { Knex } from 'knex';
import { AppError } from '../../../shared/domain/errors';
import { distanceKm } from '../../../shared/domain/partner-finding';
import type { ForeignTown } from '../../../shared/domain/partnerships';
import type { AppContext } from '../context';
import { dialectOf } from '../db/dialect/index';
import { listAuditGroup, updateVersioned } from '../repositories/audit-repository';
import {
  findTownCard,
  gazetteerFillColumns,
  listForeignTowns,
  type TownCardRecord,
} from '../repositories/foreign-towns-repository';
import { auditedChange } from './audited-change';
import { gazetteerTownsNamed } from './import/gazetteer-names';
import { bulkStaleRow, bulkUndoRefused, type BulkStaleRow } from './undo';

/*
 * Settings ▸ Linking partner towns to the gazetteer (after walkthrough 26, finding 8): towns that
 * came into a registry before imports linked them (d00f17a) stay without a gazetteer id and a
 * population. The same conservative rule as the import's, applied after the fact: a town without a
 * gazetteer id, with a place, is the gazetteer's town when the gazetteer has exactly one town of its
 * country under its very name (folded) within `SAME_CITY_KM` of that place, that no registry town
 * holds and no other town of the run claims. Nothing is renamed or moved; a population is filled
 * only where the card states none.
 */

/** A town and a gazetteer town of its name this near are one city (as the import and the suggestions judge). */
const SAME_CITY_KM = 10;

/** The rows each list of a preview names (the counts count them all). */
const LISTED = 2000;

type TownRef = { townId: number; name: string; countryCode: string };

/** A registry town the rule links: to which gazetteer town, how far, and what it fills. */
export type GazetteerLinkRow = TownRef & {
  geonamesId: number;
  /** Between the card's place and the gazetteer's, rounded to 0.1 km. */
  km: number;
  /** The gazetteer's population of the town. */
  gazetteerPopulation: number;
  /** The card's population (kept when stated). */
  population: number | null;
  /** Whether the gazetteer's population is written (the card states none). */
  fillsPopulation: boolean;
};

/** What the rule finds: the towns it links and those it does not, and why. */
export type GazetteerLinkPreview = {
  /** Partner towns without a gazetteer id. */
  unlinked: number;
  /** Of those, the ones without a place (latitude and longitude): not judged. */
  withoutPlace: number;
  links: GazetteerLinkRow[];
  /** How many of `links` get the gazetteer's population. */
  fillsPopulation: number;
  /** Several registry towns claim one gazetteer town (likely one town recorded twice): none is linked. */
  ambiguous: { geonamesId: number; towns: TownRef[] }[];
  /** The gazetteer town is held by another registry town already (likely the same town twice): not linked. */
  held: (TownRef & { heldBy: TownRef })[];
  /** The gazetteer has several towns of that name within the distance: the name does not say which. */
  severalNear: number;
  /** Whether this user may write the links (a read-only role on a server may not). */
  mayWrite: boolean;
};

const ref = (town: ForeignTown): TownRef => ({ townId: town.id, name: town.name, countryCode: town.countryCode });

const czech = new Intl.Collator('cs');
const byName = (a: TownRef, b: TownRef) => czech.compare(a.name, b.name) || a.countryCode.localeCompare(b.countryCode);

/**
 * What the rule finds in the registry as `db` sees it now (inside a change: as that change sees it),
 * and the version of each town it judged (a link is written only to the town as it was judged).
 */
async function judge(
  db: Knex,
): Promise<{ found: Omit<GazetteerLinkPreview, 'mayWrite'>; judgedVersions: ReadonlyMap<number, number> }> {
  // The versions are read BEFORE the towns: a town changed between the two reads is judged as
  // changed, but carries its older version, so the write leaves it (never the other way round).
  const versionRows = await db('foreign_towns')
    .whereNull('geonames_id')
    .select<{ id: number; version: number }[]>('id', 'version');
  const versionOf = new Map(versionRows.map((row) => [row.id, row.version]));
  const towns = await listForeignTowns(db);
  const holders = new Map<number, ForeignTown>();
  for (const town of towns) if (town.geonamesId !== null) holders.set(town.geonamesId, town);
  const unlinked = towns.filter((town) => town.geonamesId === null);
  const judgedVersions = new Map<number, number>();
  for (const town of unlinked) {
    const version = versionOf.get(town.id);
    if (version !== undefined) judgedVersions.set(town.id, version);
  }
  /** The registry towns that claim each gazetteer town, with what the link would be. */
  const claims = new Map<number, GazetteerLinkRow[]>();
  const held: GazetteerLinkPreview['held'] = [];
  let withoutPlace = 0;
  let severalNear = 0;
  for (const town of unlinked) {
    const { latitude, longitude } = town;
    if (latitude === null || longitude === null) {
      withoutPlace += 1;
      continue;
    }
    const near = (await gazetteerTownsNamed(town.countryCode, town.name))
      .map((place) => ({ ...place, km: distanceKm(latitude, longitude, place.latitude, place.longitude) }))
      .filter((place) => place.km <= SAME_CITY_KM);
    const [only] = near;
    if (only === undefined) continue;
    if (near.length > 1) {
      severalNear += 1;
      continue;
    }
    const holder = holders.get(only.geonamesId);
    if (holder !== undefined) {
      held.push({ ...ref(town), heldBy: ref(holder) });
      continue;
    }
    const row: GazetteerLinkRow = {
      ...ref(town),
      geonamesId: only.geonamesId,
      km: Math.round(only.km * 10) / 10,
      gazetteerPopulation: only.population,
      population: town.population,
      // A stated population is never replaced; the gazetteer's 0 ("not known") is no population.
      fillsPopulation: town.population === null && only.population > 0,
    };
    const claimed = claims.get(only.geonamesId);
    if (claimed) claimed.push(row);
    else claims.set(only.geonamesId, [row]);
  }
  const links: GazetteerLinkRow[] = [];
  const ambiguous: GazetteerLinkPreview['ambiguous'] = [];
  for (const [geonamesId, rows] of claims) {
    const [first] = rows;
    if (first !== undefined && rows.length === 1) links.push(first);
    else
      ambiguous.push({
        geonamesId,
        towns: rows.map(({ townId, name, countryCode }) => ({ townId, name, countryCode })).sort(byName),
      });
  }
  links.sort(byName);
  held.sort(byName);
  ambiguous.sort((a, b) =>
    byName(
      a.towns[0] ?? { townId: 0, name: '', countryCode: '' },
      b.towns[0] ?? { townId: 0, name: '', countryCode: '' },
    ),
  );
  const found = {
    unlinked: unlinked.length,
    withoutPlace,
    links,
    fillsPopulation: links.filter((row) => row.fillsPopulation).length,
    ambiguous,
    held,
    severalNear,
  };
  return { found, judgedVersions };
}

/** Whether this user may link towns: change towns and write their history. */
const mayWrite = (db: Knex) => dialectOf(db).mayWrite(db, { update: ['foreign_towns'], insert: ['audit_log'] });

/**
 * Which partner towns without a gazetteer id the rule would link now (and which it would not, and
 * why); nothing is written. The lists are in Czech order of the towns' names.
 */
export async function previewGazetteerLinks(ctx: AppContext): Promise<GazetteerLinkPreview> {
  const db = ctx.db.knex;
  const { found } = await judge(db);
  return {
    ...found,
    links: found.links.slice(0, LISTED),
    held: found.held.slice(0, LISTED),
    ambiguous: found.ambiguous.slice(0, LISTED),
    mayWrite: await mayWrite(db),
  };
}

/** What the audit log keeps of a card (as a card edit writes it): its fields, not its id or time stamps. */
const auditFields = (card: TownCardRecord): Record<string, unknown> =>
  Object.fromEntries(Object.entries(card).filter(([field]) => !['id', 'createdAt', 'updatedAt'].includes(field)));

/**
 * What a run of links did: how many towns it linked, how many got a population, how many it left
 * because someone changed them while it ran, and its undo's id.
 */
export type GazetteerLinkResult = {
  linked: number;
  populationFilled: number;
  changedMeanwhile: number;
  auditId: number | null;
};

/**
 * Links every town the rule finds now (judged again inside the change: a list the screen showed is
 * never trusted, and a town changed since is judged as it is now), in ONE transaction: the gazetteer
 * id, and the gazetteer's population where the card states none. Each town's change is audited as a
 * card edit, all in one group (`towns:linkGazetteerUndo` takes its id), so the town's history says it
 * was part of this run and the run is undone as a whole. Refused on a server to a role that may not
 * write (FORBIDDEN), before anything is read.
 */
export async function applyGazetteerLinks(
  ctx: AppContext,
  /** Tests only: runs between the judging and the writes (a colleague's save at that moment). */
  seams: { afterJudge?: () => Promise<void> } = {},
): Promise<GazetteerLinkResult> {
  if (!(await mayWrite(ctx.db.knex)))
    throw new AppError(
      'FORBIDDEN',
      'Your database user may not change partner towns: nothing was linked. Ask the administrator of the registry.',
      { reason: 'gazetteerLink.error.mayNotWrite' },
    );
  return auditedChange(ctx, async ({ trx, at, auditGroup, touch }) => {
    const {
      found: { links },
      judgedVersions,
    } = await judge(trx);
    await seams.afterJudge?.();
    const entries: { recordId: number; before: Record<string, unknown>; after: Record<string, unknown> }[] = [];
    let populationFilled = 0;
    let changedMeanwhile = 0;
    for (const link of links) {
      const before = await findTownCard(trx, link.townId);
      // On PostgreSQL each statement sees what others committed meanwhile: a colleague may have
      // renamed or moved the town since it was judged (review R: "Brzeg" saved as "Opole" got
      // Brzeg's id and population). Only the town as judged is linked, by the version judged: a town
      // changed since is left for the next run (and counted); one changed between this read and the
      // write refuses the run (CONFLICT, nothing written).
      const judged = judgedVersions.get(link.townId);
      if (!before || before.geonamesId !== null || judged === undefined || before.version !== judged) {
        if (before?.geonamesId === null) changedMeanwhile += 1;
        continue;
      }
      const fills = before.population === null && link.fillsPopulation;
      await updateVersioned(trx, 'foreign_towns', link.townId, judged, {
        ...gazetteerFillColumns({
          geonamesId: link.geonamesId,
          ...(fills ? { population: link.gazetteerPopulation } : {}),
        }),
        updated_at: at,
      });
      const after = await findTownCard(trx, link.townId);
      if (!after) continue;
      if (fills) populationFilled += 1;
      entries.push({ recordId: link.townId, before: auditFields(before), after: auditFields(after) });
    }
    const groupId = await auditGroup(
      entries.map((row) => ({ table: 'foreign_towns', action: 'update' as const, ...row })),
    );
    if (groupId === null) return { linked: 0, populationFilled: 0, changedMeanwhile, auditId: null };
    // The Partnerships grid shows the towns' population: every row may have changed.
    touch({ tables: ['foreign_towns', 'partnerships'] });
    return { linked: entries.length, populationFilled, changedMeanwhile, auditId: groupId };
  });
}

const isCard = (value: unknown): value is Record<string, unknown> & { version: number } =>
  value !== null && typeof value === 'object' && typeof (value as { version?: unknown }).version === 'number';

/**
 * Undoes a run of links from its audit group (`{ auditId }`: the group's id): each town gets back
 * no gazetteer id, and no population where the run filled it, if the town has not changed since
 * (else CONFLICT listing every town changed or gone since, who and when, and how many others nobody
 * touched; nothing put back). With `onlyUnchanged`, only the towns nobody changed are put back (the
 * others stay as they are, `skipped`). Audited as a group of its own, so the towns' histories say
 * it was the run's undo.
 */
export async function undoGazetteerLinks(
  ctx: AppContext,
  input: { auditId: number; onlyUnchanged?: boolean | undefined },
): Promise<{ changed: number; auditId: number | null; skipped?: number }> {
  return auditedChange(ctx, async ({ trx, at, auditGroup, touch }) => {
    const entries = await listAuditGroup(trx, input.auditId);
    const links = entries.filter((entry) => entry.table_name === 'foreign_towns' && entry.action === 'update');
    const notARun = () => new AppError('NOT_FOUND', 'There is no run of gazetteer links under this entry.');
    if (links.length === 0 || links.length !== entries.length || entries[0]?.id !== input.auditId) throw notARun();
    const untouched: { card: TownCardRecord; was: Record<string, unknown> }[] = [];
    const stale: BulkStaleRow[] = [];
    for (const link of links) {
      const done: unknown = link.after === null ? null : JSON.parse(link.after);
      const was: unknown = link.before === null ? null : JSON.parse(link.before);
      // A run links a town that had no gazetteer id; anything else under the id is another change.
      if (!isCard(done) || !isCard(was) || was.geonamesId !== null || typeof done.geonamesId !== 'number')
        throw notARun();
      const card = await findTownCard(trx, link.record_id);
      // Changed since (any field: its version moved), or gone: left as it is, and named.
      if (!card || card.version !== done.version)
        stale.push(
          await bulkStaleRow(trx, 'foreign_towns', {
            id: link.record_id,
            version: done.version,
            exists: card !== undefined,
            name: card?.name ?? (typeof done.name === 'string' ? done.name : `#${String(link.record_id)}`),
          }),
        );
      else untouched.push({ card, was });
    }
    if (stale.length > 0 && input.onlyUnchanged !== true)
      throw bulkUndoRefused(stale, untouched.length, 'gazetteerLink.undoChangedRows');
    const written: { recordId: number; before: Record<string, unknown>; after: Record<string, unknown> }[] = [];
    for (const { card, was } of untouched) {
      const population = typeof was.population === 'number' ? was.population : null;
      await updateVersioned(trx, 'foreign_towns', card.id, card.version, {
        geonames_id: null,
        population,
        updated_at: at,
      });
      const after = await findTownCard(trx, card.id);
      if (!after) continue;
      written.push({ recordId: card.id, before: auditFields(card), after: auditFields(after) });
    }
    const skipped = stale.length > 0 ? { skipped: stale.length } : {};
    const groupId = await auditGroup(
      written.map((row) => ({ table: 'foreign_towns', action: 'update' as const, ...row })),
    );
    if (groupId === null) return { changed: 0, auditId: null, ...skipped };
    touch({ tables: ['foreign_towns', 'partnerships'] });
    return { changed: written.length, auditId: groupId, ...skipped };
  });
}
