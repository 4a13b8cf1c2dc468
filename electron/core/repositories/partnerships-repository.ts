import type { Knex } from 'knex';
import type {
  ActivityKind,
  ContactSide,
  CooperationArea,
  Currency,
  FundingProgramme,
  ParticipantGroup,
  PartnershipStatus,
  PartnershipType,
  TermKind,
} from '../../../shared/domain/codes';
import { townNameKey } from '../../../shared/domain/text';

export type ForeignTownInsert = {
  name: string;
  nameCs?: string | null;
  countryCode: string;
  kind?: 'town' | 'municipality';
  adminRegion?: string | null;
  population?: number | null;
  latitude?: number | null;
  longitude?: number | null;
  website?: string | null;
  language?: string | null;
  geonamesId?: number | null;
  /** Where the town came from ("manual", "request 12"); demo towns are marked after loading. */
  source?: string | null;
};

/**
 * Natural key of a foreign town, unique with its country: the folded spelling every matcher uses
 * (case, diacritics, ł/ß, hyphens and punctuation aside), so "Gießen" and "Giessen" are one town.
 */
export const foreignTownKey = (name: string): string => townNameKey(name);

/** Returns the id of the town with that country and name, inserting it if there is none. */
export async function findOrInsertForeignTown(db: Knex, town: ForeignTownInsert, now: string): Promise<number> {
  const nameKey = foreignTownKey(town.name);
  const existing = await db('foreign_towns')
    .where({ country_code: town.countryCode, name_key: nameKey })
    .first<{ id: number } | undefined>('id');
  if (existing) return existing.id;
  // Two windows (or two staff) adding the same new town at once: the unique key lets one insert
  // win and the other find it, never a second copy.
  await db('foreign_towns')
    .insert({
      name: town.name,
      name_cs: town.nameCs ?? null,
      name_key: nameKey,
      country_code: town.countryCode,
      kind: town.kind ?? 'town',
      admin_region: town.adminRegion ?? null,
      population: town.population ?? null,
      latitude: town.latitude ?? null,
      longitude: town.longitude ?? null,
      website: town.website ?? null,
      language: town.language ?? null,
      geonames_id: town.geonamesId ?? null,
      source: town.source ?? null,
      created_at: now,
      updated_at: now,
    })
    .onConflict(['country_code', 'name_key'])
    .ignore();
  const stored = await db('foreign_towns')
    .where({ country_code: town.countryCode, name_key: nameKey })
    .first<{ id: number } | undefined>('id');
  if (!stored) throw new Error('A foreign town was neither found nor inserted');
  return stored.id;
}

/** The highest foreign town id so far (0 for none): tells a newly inserted town from a found one. */
export async function maxForeignTownId(db: Knex): Promise<number> {
  const row = await db('foreign_towns').max<{ id: number | null }>({ id: 'id' }).first();
  return row?.id ?? 0;
}

export type PartnershipInsert = {
  municipalityId: number;
  foreignTownId: number;
  type: PartnershipType;
  status: PartnershipStatus;
  startedOn?: string | null;
  signedOn?: string | null;
  signedPlace?: string | null;
  czResolution?: string | null;
  czResolutionDate?: string | null;
  partnerResolution?: string | null;
  partnerResolutionDate?: string | null;
  termKind?: TermKind;
  termUntil?: string | null;
  endedOn?: string | null;
  notes?: string | null;
  source?: string | null;
  areas?: readonly CooperationArea[];
  participantGroups?: readonly ParticipantGroup[];
};

export async function insertPartnership(db: Knex, p: PartnershipInsert, now: string): Promise<number> {
  const [inserted] = await db('partnerships')
    .insert({
      municipality_id: p.municipalityId,
      foreign_town_id: p.foreignTownId,
      type: p.type,
      status: p.status,
      started_on: p.startedOn ?? null,
      signed_on: p.signedOn ?? null,
      signed_place: p.signedPlace ?? null,
      cz_resolution: p.czResolution ?? null,
      cz_resolution_date: p.czResolutionDate ?? null,
      partner_resolution: p.partnerResolution ?? null,
      partner_resolution_date: p.partnerResolutionDate ?? null,
      term_kind: p.termKind ?? 'indefinite',
      term_until: p.termUntil ?? null,
      ended_on: p.endedOn ?? null,
      notes: p.notes ?? null,
      source: p.source ?? null,
      created_at: now,
      updated_at: now,
    })
    .returning<{ id: number }[]>('id');
  if (!inserted) throw new Error('Insert of a partnership returned no id');
  await replacePartnershipSets(db, inserted.id, p.areas ?? [], p.participantGroups ?? []);
  return inserted.id;
}

/** Replaces the multi-valued sets (areas, participant groups) of one partnership. */
export async function replacePartnershipSets(
  db: Knex,
  partnershipId: number,
  areas: readonly CooperationArea[],
  groups: readonly ParticipantGroup[],
): Promise<void> {
  await db('partnership_areas').where({ partnership_id: partnershipId }).delete();
  await db('partnership_participants').where({ partnership_id: partnershipId }).delete();
  const uniqueAreas = [...new Set(areas)];
  const uniqueGroups = [...new Set(groups)];
  if (uniqueAreas.length > 0) {
    await db('partnership_areas').insert(uniqueAreas.map((area) => ({ partnership_id: partnershipId, area })));
  }
  if (uniqueGroups.length > 0) {
    await db('partnership_participants').insert(
      uniqueGroups.map((group) => ({ partnership_id: partnershipId, participant_group: group })),
    );
  }
}

export type ContactInsert = {
  partnershipId: number;
  side: ContactSide;
  name: string;
  role?: string | null;
  email?: string | null;
  phone?: string | null;
  language?: string | null;
  notes?: string | null;
};

export async function insertContact(db: Knex, c: ContactInsert, now: string): Promise<void> {
  await db('contacts').insert({
    partnership_id: c.partnershipId,
    side: c.side,
    name: c.name,
    role: c.role ?? null,
    email: c.email ?? null,
    phone: c.phone ?? null,
    language: c.language ?? null,
    notes: c.notes ?? null,
    created_at: now,
    updated_at: now,
  });
}

export type ActivityInsert = {
  partnershipId: number;
  date: string;
  dateEnd?: string | null;
  title: string;
  kind: ActivityKind;
  participants?: number | null;
  description?: string | null;
  fundingProgramme?: FundingProgramme | null;
  fundingAmount?: number | null;
  currency?: Currency | null;
};

export async function insertActivity(db: Knex, a: ActivityInsert, now: string): Promise<void> {
  await db('activities').insert({
    partnership_id: a.partnershipId,
    date: a.date,
    date_end: a.dateEnd ?? null,
    title: a.title,
    kind: a.kind,
    participants: a.participants ?? null,
    description: a.description ?? null,
    funding_programme: a.fundingProgramme ?? null,
    funding_amount: a.fundingAmount ?? null,
    currency: a.currency ?? null,
    created_at: now,
    updated_at: now,
  });
}
