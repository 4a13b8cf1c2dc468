import type { Knex } from 'knex';
import type { Dataset, GenMunicipality } from './generate';
import { insertValues } from '../../electron/core/db/insert-values';

/** Rows per INSERT: the brief's bulk-insert limit, and far below SQLite's bound-variable limit. */
export const CHUNK_ROWS = 500;

const NOW = '2025-01-01T00:00:00.000Z';

async function insertChunked(
  trx: Knex.Transaction,
  table: string,
  rows: readonly Record<string, unknown>[],
): Promise<void> {
  for (let start = 0; start < rows.length; start += CHUNK_ROWS) {
    // The statement the app's importer writes (one multi-row VALUES), so the limit is the driver's.
    await insertValues(trx, table, rows.slice(start, start + CHUNK_ROWS));
  }
}

export const municipalityColumns = (m: GenMunicipality): Record<string, unknown> => ({
  id: m.id,
  code: m.code,
  name: m.name,
  kind: m.kind,
  district_id: m.districtId,
  region_id: m.regionId,
  orp_code: m.orpCode,
  orp_name: m.orpName,
  population: m.population,
  latitude: m.latitude,
  longitude: m.longitude,
  street: m.street,
  postal_code: m.postalCode,
  ico: m.ico,
  mayor_name: m.mayorName,
  mayor_gender: m.mayorGender,
  website: m.website,
  email: m.email,
  is_member: m.isMember,
  member_since: m.memberSince,
  member_until: null,
  notes: null,
  created_at: NOW,
  updated_at: NOW,
});

/** Regions and districts: what every other table refers to. */
export async function writeReference(
  trx: Knex.Transaction,
  data: Pick<Dataset, 'regions' | 'districts'>,
): Promise<void> {
  await insertChunked(trx, 'regions', data.regions);
  await insertChunked(
    trx,
    'districts',
    data.districts.map((d) => ({ id: d.id, code: d.code, name: d.name, region_id: d.regionId })),
  );
}

/**
 * Writes a whole generated registry into a migrated, empty database: raw chunked inserts in one
 * transaction, with the generator's ids (so references need no look-ups).
 */
export async function writeDataset(db: Knex, data: Dataset): Promise<void> {
  await db.transaction(async (trx) => {
    await writeReference(trx, data);
    await insertChunked(trx, 'municipalities', data.municipalities.map(municipalityColumns));
    await insertChunked(
      trx,
      'foreign_towns',
      data.towns.map((t) => ({
        id: t.id,
        name: t.name,
        name_cs: null,
        name_key: t.nameKey,
        country_code: t.countryCode,
        kind: 'town',
        admin_region: t.adminRegion,
        population: t.population,
        latitude: t.latitude,
        longitude: t.longitude,
        language: t.language,
        created_at: NOW,
        updated_at: NOW,
      })),
    );
    await insertChunked(
      trx,
      'partnerships',
      data.partnerships.map((p) => ({
        id: p.id,
        municipality_id: p.municipalityId,
        foreign_town_id: p.foreignTownId,
        type: p.type,
        status: p.status,
        started_on: p.startedOn,
        signed_on: p.signedOn,
        signed_place: p.signedPlace,
        cz_resolution: p.czResolution,
        cz_resolution_date: p.czResolutionDate,
        term_kind: p.termKind,
        term_until: p.termUntil,
        ended_on: p.endedOn,
        source: 'benchmark',
        created_at: NOW,
        updated_at: NOW,
      })),
    );
    await insertChunked(
      trx,
      'partnership_areas',
      data.partnerships.flatMap((p) => p.areas.map((area) => ({ partnership_id: p.id, area }))),
    );
    await insertChunked(
      trx,
      'partnership_participants',
      data.partnerships.flatMap((p) =>
        p.participantGroups.map((group) => ({ partnership_id: p.id, participant_group: group })),
      ),
    );
    await insertChunked(
      trx,
      'activities',
      data.activities.map((a) => ({
        id: a.id,
        partnership_id: a.partnershipId,
        date: a.date,
        title: a.title,
        kind: a.kind,
        participants: a.participants,
        funding_programme: a.fundingProgramme,
        funding_amount: a.fundingAmount,
        currency: a.currency,
        created_at: NOW,
        updated_at: NOW,
      })),
    );
  });
}

/** The columns a municipalities CSV carries, as the raw-insert baseline writes them. */
export type CsvMunicipalityRow = {
  code: string;
  name: string;
  district_id: number;
  region_id: number;
  postal_code: string;
  latitude: number;
  longitude: number;
};

/**
 * The physical limit for figure 1: the same rows as the CSV, inserted raw through the same driver
 * (Knex over sqlite3), ≤ 500 rows per statement, one transaction.
 */
export async function rawInsertMunicipalities(db: Knex, rows: readonly CsvMunicipalityRow[]): Promise<void> {
  await db.transaction(async (trx) => {
    await insertChunked(
      trx,
      'municipalities',
      rows.map((row) => ({ ...row, kind: 'obec', created_at: NOW, updated_at: NOW })),
    );
  });
}

const csvField = (value: string | number): string => {
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/**
 * The municipalities as a CSV in the layout of the public municipality list every importer must
 * read (UTF-8, comma, header `Obec,Kód obce,Okres,Kód okresu,Kraj,Kód kraje,PSČ,Latitude,Longitude`).
 */
export function municipalitiesCsv(data: Dataset): string {
  const districts = new Map(data.districts.map((d) => [d.id, d]));
  const regions = new Map(data.regions.map((r) => [r.id, r]));
  const lines = ['Obec,Kód obce,Okres,Kód okresu,Kraj,Kód kraje,PSČ,Latitude,Longitude'];
  for (const m of data.municipalities) {
    const district = districts.get(m.districtId);
    const region = regions.get(m.regionId);
    if (!district || !region) throw new Error(`Municipality ${m.code} has no district or region`);
    lines.push(
      [
        m.name,
        m.code,
        district.name,
        district.code,
        region.name,
        region.code,
        m.postalCode.replace(' ', ''),
        m.latitude,
        m.longitude,
      ]
        .map(csvField)
        .join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}

/** The CSV's rows as the raw baseline inserts them. */
export const csvRowsOf = (data: Dataset): CsvMunicipalityRow[] =>
  data.municipalities.map((m) => ({
    code: m.code,
    name: m.name,
    district_id: m.districtId,
    region_id: m.regionId,
    postal_code: m.postalCode.replace(' ', ''),
    latitude: m.latitude,
    longitude: m.longitude,
  }));
