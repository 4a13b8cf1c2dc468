import { searchKey } from '../text';

/**
 * What an import can fill, and the known file formats recognised by their header. A file of an
 * unknown format needs a mapping: each target field ← one source column (by its header text).
 */

export const IMPORT_KINDS = ['municipalities', 'partnerships'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export const MUNICIPALITY_FIELDS = [
  'code',
  'name',
  'districtCode',
  'districtName',
  'regionCode',
  'regionName',
  'orpCode',
  'orpName',
  'postalCode',
  'population',
  'latitude',
  'longitude',
  'isMember',
  'memberSince',
] as const;
export type MunicipalityField = (typeof MUNICIPALITY_FIELDS)[number];

export const PARTNERSHIP_FIELDS = [
  'municipalityCode',
  'municipalityName',
  'townName',
  'country',
  'townLatitude',
  'townLongitude',
  'year',
  'startedOn',
  'notes',
] as const;
export type PartnershipField = (typeof PARTNERSHIP_FIELDS)[number];

export const REQUIRED_FIELDS: Record<ImportKind, readonly string[]> = {
  municipalities: ['code', 'name'],
  partnerships: ['municipalityCode', 'townName', 'country'],
};

export const FIELDS: Record<ImportKind, readonly string[]> = {
  municipalities: MUNICIPALITY_FIELDS,
  partnerships: PARTNERSHIP_FIELDS,
};

export const FORMAT_IDS = ['csu', 'municipalities2018', 'smo2013', 'mapped'] as const;
export type FormatId = (typeof FORMAT_IDS)[number];

/** Target field → candidate source headers (normalised), tried in order per row. */
type FormatSpec = {
  id: Exclude<FormatId, 'mapped'>;
  kind: ImportKind;
  /** Headers that must all be present (normalised) for the format to be recognised. */
  requires: readonly string[];
  fields: Record<string, readonly string[]>;
};

const FORMATS: readonly FormatSpec[] = [
  {
    // ČSÚ "struktura území ČR": any column order, extra columns tolerated.
    id: 'csu',
    kind: 'municipalities',
    requires: ['obec_kod', 'obec_text'],
    fields: {
      code: ['obec_kod'],
      name: ['obec_text'],
      districtCode: ['okres_csu_cis101_lau_kod', 'okres_csu_cis109_nuts_kod', 'okres_lau_kod', 'okres_kod'],
      districtName: ['okres_text'],
      regionCode: ['kraj_csu_cis108_nuts_kod', 'kraj_nuts_kod', 'kraj_kod'],
      regionName: ['kraj_text'],
      orpCode: ['orp_csu_cis65_kod', 'orp_kod'],
      orpName: ['orp_text'],
    },
  },
  {
    id: 'municipalities2018',
    kind: 'municipalities',
    requires: ['obec', 'kod obce', 'kod okresu', 'kod kraje'],
    fields: {
      code: ['kod obce'],
      name: ['obec'],
      districtCode: ['kod okresu'],
      districtName: ['okres'],
      regionCode: ['kod kraje'],
      regionName: ['kraj'],
      postalCode: ['psc'],
      latitude: ['latitude'],
      longitude: ['longitude'],
    },
  },
  {
    // The Union's partner-town map (partnerskamesta.cz).
    id: 'smo2013',
    kind: 'partnerships',
    requires: ['kod1', 'obec1', 'obec2', 'stat2'],
    fields: {
      municipalityCode: ['kod1'],
      municipalityName: ['obec1'],
      townName: ['obec2'],
      country: ['stat2'],
      townLatitude: ['lat2'],
      townLongitude: ['lon2'],
      year: ['rok'],
    },
  },
];

/** The form headers are compared in: lower case, no diacritics, single spaces. */
export const headerKey = (header: string): string => searchKey(header).replace(/\s+/g, ' ').trim();

/** Target field → column indexes (candidates in order of preference). */
export type ColumnMap = Record<string, number[]>;

export type ResolvedFormat = { format: FormatId; columns: ColumnMap };

/**
 * What an import does with records the registry already has: `fillEmpty` (the default) fills only
 * fields that are empty, so a curated value is never overwritten without asking; `addOnly` adds
 * new records and leaves existing ones as they are; `overwrite` also replaces filled values with
 * the file's (a more precise date is still never replaced by a bare year).
 */
export const IMPORT_POLICIES = ['fillEmpty', 'addOnly', 'overwrite'] as const;
export type ImportPolicy = (typeof IMPORT_POLICIES)[number];

/** Recognises a known format of the given kind by its header; null when none matches. */
export function detectFormat(kind: ImportKind, header: readonly string[]): ResolvedFormat | null {
  const keys = header.map(headerKey);
  for (const spec of FORMATS) {
    if (spec.kind !== kind) continue;
    if (!spec.requires.every((required) => keys.includes(required))) continue;
    const columns: ColumnMap = {};
    for (const [field, candidates] of Object.entries(spec.fields)) {
      const indexes = candidates.map((c) => keys.indexOf(c)).filter((i) => i >= 0);
      if (indexes.length > 0) columns[field] = indexes;
    }
    return { format: spec.id, columns };
  }
  return null;
}

/** A user's mapping: target field → source column header (as written in the file). */
export type ColumnMapping = Partial<Record<string, string>>;

export type MappingProblem = {
  field: string;
  reason: 'import.mapping.missingColumn' | 'import.mapping.requiredField' | 'import.mapping.unknownField';
};

/** Applies a user's mapping to a header; reports unknown fields, missing columns and unmapped required fields. */
export function applyMapping(
  kind: ImportKind,
  header: readonly string[],
  mapping: ColumnMapping,
): { columns: ColumnMap; problems: MappingProblem[] } {
  const keys = header.map(headerKey);
  const columns: ColumnMap = {};
  const problems: MappingProblem[] = [];
  for (const [field, source] of Object.entries(mapping)) {
    if (source === undefined || source === '') continue;
    if (!FIELDS[kind].includes(field)) {
      problems.push({ field, reason: 'import.mapping.unknownField' });
      continue;
    }
    const index = keys.indexOf(headerKey(source));
    if (index < 0) problems.push({ field, reason: 'import.mapping.missingColumn' });
    else columns[field] = [index];
  }
  for (const field of REQUIRED_FIELDS[kind]) {
    if (!columns[field] && !problems.some((p) => p.field === field)) {
      problems.push({ field, reason: 'import.mapping.requiredField' });
    }
  }
  return { columns, problems };
}

/** Other usual headers of a field (as `headerKey` writes them), beside its labels and its name. */
const USUAL_HEADERS: Record<string, readonly string[]> = {
  municipalityCode: ['kod obce', 'kod clenske obce'],
  municipalityName: ['obec', 'clenska obec', 'nazev obce'],
  townName: ['partnerske mesto', 'partnerska obec', 'partner'],
  country: ['stat', 'zeme', 'country'],
  year: ['rok', 'od roku'],
  startedOn: ['datum', 'zahajeno', 'od'],
  notes: ['poznamka', 'poznamky', 'note', 'notes'],
  code: ['kod obce', 'kod'],
  name: ['obec', 'nazev', 'nazev obce'],
  postalCode: ['psc'],
  population: ['obyvatel', 'obyvatele', 'pocet obyvatel'],
  memberSince: ['clenem od'],
};

/**
 * A mapping to offer for a file of an unknown format: each field ← the column whose header is
 * one of the field's labels (`labels`: in every language), its name or a usual header, compared
 * as `headerKey` does; a column goes to the first field that names it, and a field named by two
 * columns gets none (the user chooses). The user sees it and may change it before it is applied.
 */
export function suggestMapping(
  kind: ImportKind,
  header: readonly string[],
  labels: (field: string) => readonly string[],
): Record<string, string> {
  const keys = header.map(headerKey);
  const used = new Set<number>();
  const mapping: Record<string, string> = {};
  for (const field of FIELDS[kind]) {
    const names = new Set([...labels(field), field, ...(USUAL_HEADERS[field] ?? [])].map(headerKey));
    const found = keys.flatMap((key, index) => (names.has(key) && !used.has(index) ? [index] : []));
    const [index] = found;
    if (index === undefined || found.length > 1) continue;
    used.add(index);
    mapping[field] = header[index] ?? '';
  }
  return mapping;
}
