import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Knex } from 'knex';
import type { AppContext } from '../context';
import { auditedChange } from './audited-change';
import { backupBeforeChange } from '../db/backups';
import { countDemo, countRemovable, markAllAsDemo, removeDemoRecords } from '../repositories/demo-repository';
import { z } from 'zod';
import {
  ACTIVITY_KINDS,
  CONTACT_SIDES,
  COOPERATION_AREAS,
  CURRENCIES,
  FUNDING_PROGRAMMES,
  GENDERS,
  MUNICIPALITY_KINDS,
  PARTICIPANT_GROUPS,
  PARTNERSHIP_STATUSES,
  PARTNERSHIP_TYPES,
  REQUEST_DIRECTIONS,
  REQUEST_STATUSES,
  TERM_KINDS,
  TOWN_SIZES,
} from '../../../shared/domain/codes';
import { AppError } from '../../../shared/domain/errors';
import { partialDate } from '../../../shared/domain/date-schema';
import { isoDate, municipalityCode } from '../../../shared/domain/schemas';
import { nowIso } from '../db/clock';
import { countRows, upsertDistricts, upsertRegions } from '../repositories/reference-repository';
import { insertMunicipalities } from '../repositories/municipalities-repository';
import { insertActivity } from '../repositories/activities-repository';
import { insertContact } from '../repositories/contacts-repository';
import { findOrInsertForeignTown } from '../repositories/foreign-towns-repository';
import { insertPartnership } from '../repositories/partnerships-repository';
import { insertRequestRecord } from '../repositories/requests-repository';

const nullable = <T extends z.ZodType>(schema: T) => schema.nullish().transform((value) => value ?? null);

const regionFile = z.array(z.object({ code: z.string().regex(/^CZ0\d{2}$/), name: z.string().min(1) }));
const districtFile = z.array(
  z.object({ code: z.string().regex(/^CZ0[0-9A-C]{3}$/), name: z.string().min(1), regionCode: z.string() }),
);
const municipalityFile = z.array(
  z.object({
    code: municipalityCode,
    name: z.string().min(1),
    kind: z.enum(MUNICIPALITY_KINDS),
    districtCode: z.string(),
    orpCode: nullable(z.string()),
    orpName: nullable(z.string()),
    population: nullable(z.number().int()),
    latitude: nullable(z.number()),
    longitude: nullable(z.number()),
    street: nullable(z.string()),
    postalCode: nullable(z.string()),
    ico: nullable(z.string()),
    mayorName: nullable(z.string()),
    mayorGender: nullable(z.enum(GENDERS)),
    website: nullable(z.string()),
    email: nullable(z.string()),
    memberSince: nullable(partialDate),
  }),
);
const partnershipFile = z.array(
  z.object({
    municipalityCode,
    town: z.object({
      name: z.string().min(1),
      nameCs: nullable(z.string()),
      countryCode: z.string().regex(/^[A-Z]{2}$/),
      adminRegion: nullable(z.string()),
      population: nullable(z.number().int()),
      latitude: nullable(z.number()),
      longitude: nullable(z.number()),
      language: nullable(z.string()),
      website: nullable(z.string()),
      kind: z.enum(['town', 'municipality']).default('town'),
    }),
    type: z.enum(PARTNERSHIP_TYPES),
    status: z.enum(PARTNERSHIP_STATUSES),
    startedOn: nullable(partialDate),
    signedOn: nullable(partialDate),
    signedPlace: nullable(z.string()),
    termKind: z.enum(TERM_KINDS).default('indefinite'),
    termUntil: nullable(isoDate),
    czResolution: nullable(z.string()),
    czResolutionDate: nullable(isoDate),
    partnerResolution: nullable(z.string()),
    partnerResolutionDate: nullable(isoDate),
    areas: z.array(z.enum(COOPERATION_AREAS)).default([]),
    participantGroups: z.array(z.enum(PARTICIPANT_GROUPS)).default([]),
    notes: nullable(z.string()),
    contacts: z
      .array(
        z.object({
          side: z.enum(CONTACT_SIDES),
          name: z.string().min(1),
          role: nullable(z.string()),
          email: nullable(z.string()),
          phone: nullable(z.string()),
        }),
      )
      .default([]),
    activities: z
      .array(
        z.object({
          date: isoDate,
          title: z.string().min(1),
          kind: z.enum(ACTIVITY_KINDS),
          participants: nullable(z.number().int()),
          fundingProgramme: nullable(z.enum(FUNDING_PROGRAMMES)),
          amount: nullable(z.number()),
          currency: nullable(z.enum(CURRENCIES)),
        }),
      )
      .default([]),
  }),
);
const requestFile = z.array(
  z.object({
    direction: z.enum(REQUEST_DIRECTIONS),
    municipalityCode: nullable(municipalityCode),
    requesterName: nullable(z.string()),
    requesterCountryCode: nullable(z.string()),
    wantedCountryCodes: z.array(z.string()).default([]),
    wantedSize: nullable(z.enum(TOWN_SIZES)),
    themes: z.array(z.enum(COOPERATION_AREAS)).default([]),
    description: nullable(z.string()),
    status: z.enum(REQUEST_STATUSES),
    receivedOn: nullable(isoDate),
  }),
);

async function readDemoFile<T extends z.ZodType>(dir: string, name: string, schema: T): Promise<z.output<T>> {
  const filePath = path.join(dir, name);
  const text = await readFile(filePath, 'utf8');
  const parsed = schema.safeParse(JSON.parse(text));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError(
      'INTERNAL',
      `Demo file ${name} is invalid at ${issue?.path.join('.') ?? '?'}: ${issue?.message ?? ''}`,
    );
  }
  return parsed.data;
}

/** Tables whose row counts `info` reports, in the order a person reads them. */
export const REGISTRY_TABLES = [
  'regions',
  'districts',
  'municipalities',
  'foreign_towns',
  'partnerships',
  'partnership_areas',
  'contacts',
  'activities',
  'partnership_requests',
  'agreement_documents',
  'attachments',
  'audit_log',
] as const;

/**
 * Loads the demo data into an empty registry, in one transaction. Refuses (CONFLICT) when the
 * registry already has municipalities, so demo rows never mix with real ones.
 */
export async function loadDemoData(db: Knex, resourcesDir: string): Promise<Record<string, number>> {
  const dir = path.join(resourcesDir, 'demo');
  const [regions, districts, municipalities, partnerships, requests] = await Promise.all([
    readDemoFile(dir, 'regions.json', regionFile),
    readDemoFile(dir, 'districts.json', districtFile),
    readDemoFile(dir, 'municipalities.json', municipalityFile),
    readDemoFile(dir, 'partnerships.json', partnershipFile),
    readDemoFile(dir, 'requests.json', requestFile),
  ]);
  const now = nowIso();
  // The one write outside auditedChange: it runs while the context is being created (no window
  // listens yet, no actor), into an empty registry; demo rows are marked demo, not audited.
  // eslint-disable-next-line no-restricted-syntax
  await db.transaction(async (trx) => {
    const existing = await countRows(trx, ['municipalities']);
    if ((existing.municipalities ?? 0) > 0) {
      throw new AppError(
        'CONFLICT',
        'The registry already contains municipalities; demo data is loaded only into an empty registry.',
      );
    }
    const regionIds = await upsertRegions(trx, regions);
    const districtInput = districts.map((d) => {
      const regionId = regionIds.get(d.regionCode);
      if (regionId === undefined)
        throw new AppError('INTERNAL', `Demo district ${d.code} names unknown region ${d.regionCode}`);
      return { code: d.code, name: d.name, regionId };
    });
    const districtIds = await upsertDistricts(trx, districtInput);
    const districtRegion = new Map(districtInput.map((d) => [d.code, d.regionId]));
    const municipalityIds = await insertMunicipalities(
      trx,
      municipalities.map((m) => ({
        ...m,
        districtId: districtIds.get(m.districtCode) ?? null,
        regionId: districtRegion.get(m.districtCode) ?? null,
        isMember: true,
      })),
      now,
    );
    for (const p of partnerships) {
      const municipalityId = municipalityIds.get(p.municipalityCode);
      if (municipalityId === undefined)
        throw new AppError('INTERNAL', `Demo partnership names unknown municipality ${p.municipalityCode}`);
      const { id: foreignTownId } = await findOrInsertForeignTown(trx, p.town, now);
      const partnershipId = await insertPartnership(trx, { ...p, municipalityId, foreignTownId, source: 'demo' }, now);
      for (const contact of p.contacts) await insertContact(trx, { ...contact, partnershipId }, now);
      for (const activity of p.activities) {
        await insertActivity(trx, { ...activity, partnershipId, fundingAmount: activity.amount }, now);
      }
    }
    for (const r of requests) {
      const municipalityId = r.municipalityCode ? (municipalityIds.get(r.municipalityCode) ?? null) : null;
      await insertRequestRecord(
        trx,
        {
          direction: r.direction,
          municipalityId,
          requesterName: r.requesterName,
          requesterCountryCode: r.requesterCountryCode,
          wantedCountryCodes: r.wantedCountryCodes,
          wantedSize: r.wantedSize,
          themes: r.themes,
          description: r.description,
          status: r.status,
          receivedOn: r.receivedOn,
        },
        now,
      );
    }
    // The registry was empty: everything in it now is demo, marked so that it can be removed exactly.
    await markAllAsDemo(trx);
  });
  return countRows(db, REGISTRY_TABLES);
}

/** The demo records still in the registry, per table (all zero once they are removed). */
export const demoStatus = async (ctx: AppContext) => ({
  counts: await countDemo(ctx.db.knex),
  removable: await countRemovable(ctx.db.knex),
});

/**
 * Removes the demo data: a verified backup first, then, in one transaction, every record marked
 * demo that nothing of the staff's hangs on, each audited. Records imported or typed by staff are
 * never touched; a demo record they hang on (an imported partnership of a demo member) is kept and
 * counted in `kept`.
 */
export async function removeDemoData(ctx: AppContext) {
  const before = await countDemo(ctx.db.knex);
  const total = Object.values(before).reduce((sum, n) => sum + n, 0);
  if (total === 0) return { removed: before, kept: before, backup: null };
  const backup = await backupBeforeChange(ctx.db.knex, ctx.db.filePath, 'demo');
  const removed = await auditedChange(ctx, ({ trx, actor, at, touch }) => {
    touch({ tables: [...REGISTRY_TABLES] });
    return removeDemoRecords(trx, { actor, at });
  });
  const kept = await countDemo(ctx.db.knex);
  return { removed, kept, backup: backup?.name ?? null };
}
