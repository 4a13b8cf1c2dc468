import { foreignTownKindOf, type ForeignTownKind } from '../../../shared/domain/town-card';
import type { Knex } from 'knex';
import {
  findPartnershipRecord,
  partnershipSets,
  type PartnershipRecord as StoredPartnership,
} from './partnerships-repository';
import type {
  AgreementLayout,
  AgreementTemplate,
  CooperationArea,
  Gender,
  MunicipalityKind,
  PartnershipType,
} from '../../../shared/domain/codes';

/** The Czech party as the registry has it. */
export type MemberRecord = {
  id: number;
  name: string;
  kind: MunicipalityKind;
  street: string | null;
  postalCode: string | null;
  ico: string | null;
  mayorName: string | null;
  mayorGender: Gender | null;
};

/** The partner town as the registry has it. */
export type TownRecord = {
  id: number;
  name: string;
  countryCode: string;
  kind: ForeignTownKind;
  population: number | null;
  language: string | null;
};

/** A partnership with its areas of cooperation, as a draft reads it. */
export type PartnershipRecord = StoredPartnership & { areas: CooperationArea[] };

export async function findMember(db: Knex, id: number): Promise<MemberRecord | null> {
  const row = await db('municipalities').where({ id }).first<
    | {
        id: number;
        name: string;
        kind: MunicipalityKind;
        street: string | null;
        postal_code: string | null;
        ico: string | null;
        mayor_name: string | null;
        mayor_gender: Gender | null;
      }
    | undefined
  >('id', 'name', 'kind', 'street', 'postal_code', 'ico', 'mayor_name', 'mayor_gender');
  if (!row) return null;
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    street: row.street,
    postalCode: row.postal_code,
    ico: row.ico,
    mayorName: row.mayor_name,
    mayorGender: row.mayor_gender,
  };
}

export async function findTown(db: Knex, id: number): Promise<TownRecord | null> {
  const row = await db('foreign_towns').where({ id }).first<
    | {
        id: number;
        name: string;
        country_code: string;
        kind: string;
        population: number | null;
        language: string | null;
      }
    | undefined
  >('id', 'name', 'country_code', 'kind', 'population', 'language');
  if (!row) return null;
  return {
    id: row.id,
    name: row.name,
    countryCode: row.country_code,
    kind: foreignTownKindOf(row.kind),
    population: row.population,
    language: row.language,
  };
}

/** A partnership as an agreement reads it (from the partnerships repository: one map of its columns). */
export async function findPartnership(db: Knex, id: number): Promise<PartnershipRecord | null> {
  const record = await findPartnershipRecord(db, id);
  if (!record) return null;
  const { areas } = await partnershipSets(db, id);
  return { ...record, areas };
}

export type PartnershipChoice = {
  id: number;
  municipalityId: number;
  municipalityName: string;
  /** The member's district: tells two members of one name apart in the picker ("Všeruby"). */
  districtName: string | null;
  townId: number;
  townName: string;
  /** The town's Czech name (exonym), which the picker finds it by too ("Remeš" for Reims). */
  townNameCs: string | null;
  countryCode: string;
  type: PartnershipType;
  status: string;
};

/** Every partnership with both towns' names: the Agreements screen's picker, in one query. */
export async function listPartnershipChoices(db: Knex): Promise<PartnershipChoice[]> {
  const rows = await db('partnerships as p')
    .join('municipalities as m', 'm.id', 'p.municipality_id')
    .join('foreign_towns as t', 't.id', 'p.foreign_town_id')
    .leftJoin('districts as d', 'd.id', 'm.district_id')
    .select<
      {
        id: number;
        municipality_id: number;
        municipality_name: string;
        district_name: string | null;
        town_id: number;
        town_name: string;
        town_name_cs: string | null;
        country_code: string;
        type: PartnershipType;
        status: string;
      }[]
    >(
      'p.id',
      'p.municipality_id',
      'm.name as municipality_name',
      'd.name as district_name',
      't.id as town_id',
      't.name as town_name',
      't.name_cs as town_name_cs',
      't.country_code',
      'p.type',
      'p.status',
    );
  return rows.map((r) => ({
    id: r.id,
    municipalityId: r.municipality_id,
    municipalityName: r.municipality_name,
    districtName: r.district_name,
    townId: r.town_id,
    townName: r.town_name,
    townNameCs: r.town_name_cs,
    countryCode: r.country_code,
    type: r.type,
    status: r.status,
  }));
}

export async function listMemberChoices(db: Knex): Promise<{ id: number; name: string }[]> {
  return db('municipalities').where('is_member', true).select<{ id: number; name: string }[]>('id', 'name');
}

export async function listTownChoices(db: Knex): Promise<{ id: number; name: string; countryCode: string }[]> {
  const rows = await db('foreign_towns').select<{ id: number; name: string; country_code: string }[]>(
    'id',
    'name',
    'country_code',
  );
  return rows.map((r) => ({ id: r.id, name: r.name, countryCode: r.country_code }));
}

export type AgreementDocumentInsert = {
  partnershipId: number;
  template: AgreementTemplate;
  languageFirst: string;
  languageSecond: string;
  layout: AgreementLayout;
  options: unknown;
  filePath: string;
  fileName: string;
};

export type AgreementDocumentRecord = AgreementDocumentInsert & { id: number; createdAt: string; options: string };

export async function insertAgreementDocument(db: Knex, doc: AgreementDocumentInsert, now: string): Promise<number> {
  const [inserted] = await db('agreement_documents')
    .insert({
      partnership_id: doc.partnershipId,
      template: doc.template,
      language_first: doc.languageFirst,
      language_second: doc.languageSecond,
      layout: doc.layout,
      options: JSON.stringify(doc.options),
      file_path: doc.filePath,
      file_name: doc.fileName,
      created_at: now,
    })
    .returning<{ id: number }[]>('id');
  if (!inserted) throw new Error('Insert of an agreement document returned no id');
  return inserted.id;
}

type DocumentRow = {
  id: number;
  partnership_id: number;
  template: AgreementTemplate;
  language_first: string;
  language_second: string;
  layout: AgreementLayout;
  options: string;
  file_path: string | null;
  file_name: string | null;
  created_at: string;
};

const toDocument = (r: DocumentRow): AgreementDocumentRecord => ({
  id: r.id,
  partnershipId: r.partnership_id,
  template: r.template,
  languageFirst: r.language_first,
  languageSecond: r.language_second,
  layout: r.layout,
  options: r.options,
  filePath: r.file_path ?? '',
  fileName: r.file_name ?? '',
  createdAt: r.created_at,
});

/** Drafts of one partnership, newest first. */
export async function listAgreementDocuments(db: Knex, partnershipId: number): Promise<AgreementDocumentRecord[]> {
  const rows = await db('agreement_documents')
    .where({ partnership_id: partnershipId })
    .orderBy([
      { column: 'created_at', order: 'desc' },
      { column: 'id', order: 'desc' },
    ])
    .select<DocumentRow[]>('*');
  return rows.map(toDocument);
}

/**
 * The stored options of the newest drafts of every partnership of a partner town, newest first
 * (at most `limit`): what was typed for the town in its earlier drafts.
 */
export async function listTownDraftOptions(db: Knex, townId: number, limit = 50): Promise<string[]> {
  const rows = await db('agreement_documents as d')
    .join('partnerships as p', 'p.id', 'd.partnership_id')
    .where('p.foreign_town_id', townId)
    .orderBy([
      { column: 'd.created_at', order: 'desc' },
      { column: 'd.id', order: 'desc' },
    ])
    .limit(limit)
    .select<{ options: string }[]>('d.options');
  return rows.map((r) => r.options);
}

export async function findAgreementDocument(db: Knex, id: number): Promise<AgreementDocumentRecord | null> {
  const row = await db('agreement_documents').where({ id }).first<DocumentRow | undefined>();
  return row ? toDocument(row) : null;
}

/** Deletes a stored draft and returns its row as it was (for the audit entry), or null when there is none. */
export async function deleteAgreementDocument(db: Knex, id: number): Promise<Record<string, unknown> | null> {
  const row = await db('agreement_documents').where({ id }).first<Record<string, unknown> | undefined>();
  if (!row) return null;
  await db('agreement_documents').where({ id }).delete();
  return row;
}
