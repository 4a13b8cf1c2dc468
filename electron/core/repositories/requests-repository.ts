import type { Knex } from 'knex';
import type { CooperationArea, RequestDirection, RequestStatus, TownSize } from '../../../shared/domain/codes';
import type { RequestFields, RequestRow } from '../../../shared/domain/request-rules';

type RequestRecord = {
  id: number;
  direction: RequestDirection;
  municipality_id: number | null;
  municipality_name: string | null;
  municipality_district: string | null;
  municipality_population: number | null;
  foreign_town_id: number | null;
  foreign_town_name: string | null;
  requester_name: string | null;
  requester_country_code: string | null;
  wanted_country_codes: string;
  wanted_size: TownSize | null;
  themes: string;
  description: string | null;
  status: RequestStatus;
  received_on: string | null;
  partnership_id: number | null;
  partner_town_name: string | null;
  partner_country_code: string | null;
  partner_municipality_id: number | null;
  partner_municipality_name: string | null;
  version: number;
};

const parseList = <T extends string>(text: string): T[] => {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value.filter((item): item is T => typeof item === 'string') : [];
  } catch {
    return [];
  }
};

const toRow = (r: RequestRecord): RequestRow => ({
  id: r.id,
  direction: r.direction,
  municipalityId: r.municipality_id,
  municipalityName: r.municipality_name,
  municipalityDistrict: r.municipality_district,
  municipalityPopulation: r.municipality_population,
  foreignTownId: r.foreign_town_id,
  foreignTownName: r.foreign_town_name,
  requesterName: r.requester_name,
  requesterCountryCode: r.requester_country_code,
  wantedCountryCodes: parseList<string>(r.wanted_country_codes),
  wantedSize: r.wanted_size,
  themes: parseList<CooperationArea>(r.themes),
  description: r.description,
  status: r.status,
  receivedOn: r.received_on,
  partnershipId: r.partnership_id,
  partnerTownName: r.partner_town_name,
  partnerCountryCode: r.partner_country_code,
  partnerMunicipalityId: r.partner_municipality_id,
  partnerMunicipalityName: r.partner_municipality_name,
  version: r.version,
});

const baseQuery = (db: Knex) =>
  db('partnership_requests as q')
    .leftJoin('municipalities as m', 'm.id', 'q.municipality_id')
    .leftJoin('districts as d', 'd.id', 'm.district_id')
    .leftJoin('foreign_towns as t', 't.id', 'q.foreign_town_id')
    .leftJoin('partnerships as p', 'p.id', 'q.partnership_id')
    .leftJoin('foreign_towns as pt', 'pt.id', 'p.foreign_town_id')
    .leftJoin('municipalities as pm', 'pm.id', 'p.municipality_id')
    .select(
      'q.id',
      'q.direction',
      'q.municipality_id',
      'm.name as municipality_name',
      'd.name as municipality_district',
      'm.population as municipality_population',
      'q.foreign_town_id',
      't.name as foreign_town_name',
      'q.requester_name',
      'q.requester_country_code',
      'q.wanted_country_codes',
      'q.wanted_size',
      'q.themes',
      'q.description',
      'q.status',
      'q.received_on',
      'q.partnership_id',
      'pt.name as partner_town_name',
      'pt.country_code as partner_country_code',
      'p.municipality_id as partner_municipality_id',
      'pm.name as partner_municipality_name',
      'q.version',
    );

/** Requests with their member, foreign town and resulting partnership, in one query. */
export async function listRequestRows(db: Knex, where: { municipalityId?: number } = {}): Promise<RequestRow[]> {
  // Newest first, undated last, on both engines: Knex compiles `nulls: 'last'` for SQLite as
  // `(received_on is null) desc`, which put undated requests first and dropped the date order.
  const query = baseQuery(db)
    .orderByRaw('case when ?? is null then 1 else 0 end', ['q.received_on'])
    .orderBy([
      { column: 'q.received_on', order: 'desc' },
      { column: 'q.id', order: 'desc' },
    ]);
  if (where.municipalityId !== undefined) query.where('q.municipality_id', where.municipalityId);
  const rows = (await query) as RequestRecord[];
  return rows.map(toRow);
}

export async function findRequestRow(db: Knex, id: number): Promise<RequestRow | undefined> {
  const row = (await baseQuery(db).where('q.id', id).first()) as RequestRecord | undefined;
  return row ? toRow(row) : undefined;
}

export const toRequestColumns = (fields: RequestFields) => ({
  direction: fields.direction,
  municipality_id: fields.municipalityId,
  requester_name: fields.requesterName,
  requester_country_code: fields.requesterCountryCode,
  wanted_country_codes: JSON.stringify(fields.wantedCountryCodes),
  wanted_size: fields.wantedSize,
  themes: JSON.stringify(fields.themes),
  description: fields.description,
  status: fields.status,
  received_on: fields.receivedOn,
});

export async function insertRequestRecord(db: Knex, fields: RequestFields, now: string): Promise<number> {
  const [inserted] = await db('partnership_requests')
    .insert({ ...toRequestColumns(fields), version: 1, created_at: now, updated_at: now })
    .returning<{ id: number }[]>('id');
  if (!inserted) throw new Error('Insert of a request returned no id');
  return inserted.id;
}

/** The stored row as it is, for the audit entry of a delete (so that undo can put it back). */
export async function rawRequest(db: Knex, id: number): Promise<Record<string, unknown> | undefined> {
  return db('partnership_requests').where({ id }).first<Record<string, unknown> | undefined>();
}

export async function insertRawRequest(db: Knex, row: Record<string, unknown>): Promise<void> {
  await db('partnership_requests').insert(row);
}
