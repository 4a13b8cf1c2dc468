import type { Knex } from 'knex';
import { AppError } from '../../../../shared/domain/errors';
import type { ColumnMap } from '../../../../shared/domain/import/formats';
import type { ImportIssue, ImportRow } from '../../../../shared/domain/import/report';
import { emptyCounts, type ImportCounts } from '../../../../shared/domain/import/report';
import { lessPrecise } from '../../../../shared/domain/dates';
import {
  parseCoordinate,
  parseCount,
  parseEventPartialDate,
  parseYear,
  parseYesNo,
} from '../../../../shared/domain/import/values';
import {
  insertRows,
  loadDistrictCodes,
  loadMunicipalitySnapshot,
  loadRegionCodes,
  updateById,
  type ExistingMunicipality,
} from '../../repositories/import-repository';
import { insertAuditEntries } from '../../repositories/audit-repository';
import { insertMunicipalities, toColumns, type MunicipalityInsert } from '../../repositories/municipalities-repository';
import {
  MUNICIPALITY_TEXT_LIMITS,
  municipalityCheckDigit,
  municipalityCodeValid,
} from '../../../../shared/domain/municipality-rules';
import { STATUTORY_CITY_CODES } from '../../../../shared/domain/codes';
import type { ImportPolicy } from '../../../../shared/domain/import/formats';
import { czechNameCase, sameIgnoringCaseAndSpacing } from '../../../../shared/domain/text';
import type { SourceTable } from './read-file';
import { readRows, type RowReader } from './rows';
import type { Job } from '../../jobs';
import type { ImportProvenance } from './job';
import { membershipState } from '../../../../shared/domain/membership';

type Values = {
  name: string;
  districtCode?: string;
  regionCode?: string;
  orpCode?: string;
  orpName?: string;
  postalCode?: string;
  population?: number;
  latitude?: number;
  longitude?: number;
  memberSince?: string;
  isMember?: boolean;
};
type ValueKey = keyof Values;

const COMPARED: readonly ValueKey[] = [
  'name',
  'districtCode',
  'regionCode',
  'orpCode',
  'orpName',
  'postalCode',
  'population',
  'latitude',
  'longitude',
  'memberSince',
  'isMember',
];

/** The compared values of a record, as its fields (what the report and the audit entry show). */
const toFields = (values: Partial<Values>): Record<string, unknown> => {
  const out: Record<string, unknown> = {};
  for (const key of COMPARED) if (key in values) out[key] = values[key] ?? null;
  return out;
};

export type MunicipalityPlan = {
  counts: ImportCounts;
  issues: ImportIssue[];
  added: ImportRow[];
  updated: ImportRow[];
  regions: { code: string; name: string }[];
  districts: { code: string; name: string; regionCode: string }[];
  inserts: { code: string; values: Values }[];
  updates: { existing: ExistingMunicipality; changed: Partial<Values>; before: Partial<Values> }[];
};

const same = (a: unknown, b: unknown): boolean =>
  typeof a === 'number' && typeof b === 'number' ? Math.abs(a - b) < 1e-7 : a === b;

/**
 * Whether the file's value says the same as the registry's: numbers within rounding, names that
 * differ only in case or spacing (a list in capitals), post codes with the same digits ("405 38"
 * and "40538"). Such a difference is formatting, never an update.
 */
function equivalent(key: ValueKey, previous: unknown, next: unknown): boolean {
  if (same(previous, next)) return true;
  // Coordinates that differ in the fifth decimal are the same place (a metre or so): a list's
  // more or fewer decimals are no change.
  if ((key === 'latitude' || key === 'longitude') && typeof previous === 'number' && typeof next === 'number')
    return Math.abs(previous - next) < COORDINATE_TOLERANCE;
  if (typeof previous !== 'string' || typeof next !== 'string') return false;
  if (key === 'name' || key === 'orpName') return sameIgnoringCaseAndSpacing(previous, next);
  if (key === 'postalCode') return previous.replace(/\s/g, '') === next.replace(/\s/g, '');
  // A year that agrees with a stored day says nothing new.
  if (key === 'memberSince') return previous.startsWith(next);
  return false;
}

/** Degrees within which two coordinates are the same point (about 10 m). */
const COORDINATE_TOLERANCE = 1e-4;

const hasValue = (value: unknown): boolean => value !== null && value !== undefined && value !== '';

/** "40538" → "405 38", as the forms and the post write a Czech post code. */
const postalFormat = (digits: string): string => `${digits.slice(0, 3)} ${digits.slice(3)}`;

const REGION_CODE = /^CZ0\d{2}$/;

/** New municipalities written (with their audit entries) per step of an import. */
const WRITE_PART = 2000;
const DISTRICT_CODE = /^CZ0\d{2}[0-9A-Z]$/;

/**
 * The fields of a row read on their own (postal code, population, position, membership): their
 * values into `values`, each problem reported on the row.
 */
function readPlainFields(row: RowReader, values: Partial<Values>): void {
  const postal = row.text('postalCode');
  if (postal !== '') {
    if (/^\d{3}\s?\d{2}$/.test(postal)) values.postalCode = postalFormat(postal.replace(/\s/g, ''));
    else row.report('warning', 'postalCode', 'import.issue.postalCode', { value: postal });
  }
  const numeric: [ValueKey & ('population' | 'latitude' | 'longitude'), string][] = [
    ['population', row.text('population')],
    ['latitude', row.text('latitude')],
    ['longitude', row.text('longitude')],
  ];
  for (const [key, text] of numeric) {
    if (text === '') continue;
    const parsed = key === 'population' ? parseCount(text) : parseCoordinate(text, key === 'latitude' ? 90 : 180);
    if (parsed.ok) values[key] = parsed.value;
    else row.report('warning', key, parsed.reason, parsed.params ?? {});
  }
  const since = row.text('memberSince');
  if (since !== '') {
    // As precise as the file states it: a year alone stays a year (1993), a month a month
    // ("5/1994", "1994-05"; the form keeps them so), never a day made up (review R: a month was
    // left out as "not a date").
    const parsed = /^\d{4}$/.test(since.trim()) ? parseYear(since) : parseEventPartialDate(since);
    if (parsed.ok) values.memberSince = String(parsed.value);
    else row.report('warning', 'memberSince', parsed.reason, parsed.params ?? {});
  }
  const member = row.text('isMember');
  if (member !== '') {
    const parsed = parseYesNo(member);
    if (parsed.ok) values.isMember = parsed.value;
    else row.report('warning', 'isMember', parsed.reason, parsed.params ?? {});
  }
}

/** Compares a municipalities file with the registry: what would be added, updated, skipped, refused. */
export async function planMunicipalities(
  db: Knex,
  table: SourceTable,
  columns: ColumnMap,
  job: Job,
  sampleLimit: number,
  policy: ImportPolicy = 'fillEmpty',
): Promise<MunicipalityPlan> {
  const existing = await loadMunicipalitySnapshot(db);
  const regionIds = await loadRegionCodes(db);
  const districtIds = await loadDistrictCodes(db);
  const plan: MunicipalityPlan = {
    counts: emptyCounts(),
    issues: [],
    added: [],
    updated: [],
    regions: [],
    districts: [],
    inserts: [],
    updates: [],
  };
  const newRegions = new Map<string, string>();
  const newDistricts = new Map<string, { name: string; regionCode: string }>();
  const seen = new Map<string, number>();
  const total = table.records.length;
  plan.counts.rows = total;

  for await (const row of readRows(table, columns, job, plan)) {
    const code = row.text('code');
    const name = row.textWithin('name', MUNICIPALITY_TEXT_LIMITS.name, 'error') ?? '';
    if (!/^\d{6}$/.test(code))
      row.report('error', 'code', code === '' ? 'import.issue.required' : 'import.issue.municipalityCode', {
        value: code,
      });
    if (row.text('name') === '') row.report('error', 'name', 'import.issue.required', { value: '' });
    const firstLine = seen.get(code);
    if (firstLine !== undefined && /^\d{6}$/.test(code)) {
      row.report('error', 'code', 'import.issue.duplicateCode', { value: code, firstLine });
    }
    // A code that is not in the registry and fails ČSÚ's check digit is a typo, never a new
    // municipality (walkthrough 20: "999998" created one). A code already in the registry is
    // matched as ever: the check never refuses what the registry holds.
    if (/^\d{6}$/.test(code) && !existing.has(code) && !municipalityCodeValid(code))
      row.report('error', 'code', 'import.issue.municipalityCodeCheck', {
        value: code,
        digit: String(municipalityCheckDigit(code)),
      });
    if (row.rejected) {
      // Its other fields are still read: the report names every problem of the row, not only the
      // first (walkthrough 12: a bad code, postal code and latitude were one message).
      readPlainFields(row, {});
      plan.issues.push(...row.issues);
      plan.counts.invalid += 1;
      continue;
    }
    seen.set(code, row.line);
    // A name in capitals (the list writes statutory cities so) is stored in the usual case.
    const values: Values = { name: czechNameCase(name) };

    const regionCode = row.text('regionCode', REGION_CODE);
    if (regionCode !== '') {
      if (!REGION_CODE.test(regionCode))
        row.report('warning', 'regionCode', 'import.issue.regionCode', { value: regionCode });
      else if (regionIds.has(regionCode) || newRegions.has(regionCode)) values.regionCode = regionCode;
      else {
        const regionName = row.text('regionName');
        if (regionName === '') row.report('warning', 'regionCode', 'import.issue.unknownRegion', { value: regionCode });
        else {
          newRegions.set(regionCode, regionName);
          values.regionCode = regionCode;
        }
      }
    }
    const districtCode = row.text('districtCode', DISTRICT_CODE);
    if (districtCode !== '') {
      if (!DISTRICT_CODE.test(districtCode))
        row.report('warning', 'districtCode', 'import.issue.districtCode', { value: districtCode });
      else if (districtIds.has(districtCode) || newDistricts.has(districtCode)) values.districtCode = districtCode;
      else {
        const districtName = row.text('districtName');
        const parent = values.regionCode ?? '';
        if (districtName === '' || parent === '') {
          row.report('warning', 'districtCode', 'import.issue.unknownDistrict', { value: districtCode });
        } else {
          newDistricts.set(districtCode, { name: districtName, regionCode: parent });
          values.districtCode = districtCode;
        }
      }
    }
    const orpCode = row.text('orpCode');
    if (orpCode !== '') values.orpCode = orpCode.slice(0, 8);
    const orpName = row.textWithin('orpName', MUNICIPALITY_TEXT_LIMITS.orpName, 'warning') ?? '';
    if (orpName !== '') values.orpName = orpName;
    readPlainFields(row, values);
    if (row.issues.length > 0) plan.counts.warnings += 1;
    plan.issues.push(...row.issues);

    const current = existing.get(code);
    if (!current) {
      plan.counts.add += 1;
      plan.inserts.push({ code, values });
      if (plan.added.length < sampleLimit)
        plan.added.push({ line: row.line, key: code, label: values.name, changes: [] });
      continue;
    }
    if (policy === 'addOnly') {
      plan.counts.unchanged += 1;
      continue;
    }
    // Membership nothing has stated yet (not a member, no dates: `is_member` is false by default):
    // a file's date since when is membership, as for a new record (not a "former member", which no
    // file said), and under "fill empty" a file's "yes" fills it.
    const unstated = membershipState(current) === 'none';
    if (unstated && values.isMember === undefined && values.memberSince !== undefined) values.isMember = true;
    else if (
      policy === 'fillEmpty' &&
      !unstated &&
      !current.isMember &&
      values.isMember === undefined &&
      values.memberSince !== undefined
    )
      // The file names a member since a date; the registry has the membership ended (or never
      // begun): kept, and said, so the user can tell an old list from a change to make.
      plan.issues.push({
        line: row.line,
        column: row.column('memberSince'),
        severity: 'info',
        reason: 'import.issue.notMemberKept',
        params: { value: row.text('memberSince') },
      });
    const changed: Partial<Values> = {};
    const before: Partial<Values> = {};
    const changes: ImportRow['changes'] = [];
    for (const key of COMPARED) {
      const next = values[key];
      if (next === undefined) continue; // an empty cell never erases what the registry has
      const previous = current[key];
      if (equivalent(key, previous, next)) continue;
      // A date is never replaced by a less precise one (1993-05-01 by "1994"), whatever the policy.
      const downgrade =
        key === 'memberSince' &&
        typeof previous === 'string' &&
        typeof next === 'string' &&
        lessPrecise(next, previous);
      const filled = key === 'isMember' ? !unstated : hasValue(previous);
      if ((policy === 'fillEmpty' && filled) || downgrade) {
        // A filled value is kept; the preview lists it, so the user can choose "overwrite".
        plan.counts.kept += 1;
        plan.issues.push({
          line: row.line,
          column: row.column(key),
          severity: 'info',
          reason: 'import.issue.keptExisting',
          params: { field: key, existing: String(previous), value: String(next) },
        });
        continue;
      }
      Object.assign(changed, { [key]: next });
      Object.assign(before, { [key]: previous });
      changes.push({ field: key, from: previous, to: next });
    }
    if (changes.length === 0) {
      plan.counts.unchanged += 1;
      continue;
    }
    plan.counts.update += 1;
    plan.updates.push({ existing: current, changed, before });
    if (plan.updated.length < sampleLimit) plan.updated.push({ line: row.line, key: code, label: name, changes });
  }
  plan.regions = [...newRegions].map(([code, name]) => ({ code, name }));
  plan.districts = [...newDistricts].map(([code, d]) => ({ code, ...d }));
  plan.counts.regionsAdded = plan.regions.length;
  plan.counts.districtsAdded = plan.districts.length;
  job.progress('analyse', total, total);
  return plan;
}

/** The id a municipality just inserted got; a missing one stops the import (it rolls back). */
function insertedId(ids: ReadonlyMap<string, number>, code: string): number {
  const id = ids.get(code);
  if (id === undefined) throw new AppError('INTERNAL', `Municipality ${code} was inserted but not found again.`);
  return id;
}

/** The district and region ids by their codes (loaded once for a whole undo). */
export type CodeMaps = {
  districts: Map<string, { id: number; regionId: number }>;
  regions: Map<string, number>;
};

/**
 * The columns that write a municipality's compared fields as an import's audit entry holds them
 * (district and region by their codes, null for a value the record did not have): what an undo of
 * the import checks and puts back. Null when a code the entry names is not in the registry now.
 */
export function columnsOfImportFields(
  fields: Record<string, unknown>,
  codes: CodeMaps,
): Record<string, unknown> | null {
  const { districtCode, regionCode, ...rest } = fields;
  const known = Object.fromEntries(COMPARED.filter((key) => key in rest).map((key) => [key, rest[key]]));
  const columns: Record<string, unknown> = { ...toColumns(known) };
  if (districtCode !== undefined) {
    if (districtCode === null) columns.district_id = null;
    else {
      const district = typeof districtCode === 'string' ? codes.districts.get(districtCode) : undefined;
      if (district === undefined) return null;
      columns.district_id = district.id;
    }
  }
  if (regionCode !== undefined) {
    if (regionCode === null) columns.region_id = null;
    else {
      const region = typeof regionCode === 'string' ? codes.regions.get(regionCode) : undefined;
      if (region === undefined) return null;
      columns.region_id = region;
    }
  }
  return columns;
}

/** Writes a plan inside the caller's transaction; one audit entry per changed record. */
export async function writeMunicipalities(
  trx: Knex.Transaction,
  plan: MunicipalityPlan,
  job: Job,
  actor: string,
  now: string,
  provenance: ImportProvenance,
): Promise<void> {
  const total = plan.inserts.length + plan.updates.length;
  const step = (done: number) => job.checkpoint('write', done, total);
  if (plan.regions.length > 0) await insertRows(trx, 'regions', plan.regions);
  const regionIds = await loadRegionCodes(trx);
  if (plan.districts.length > 0) {
    await insertRows(
      trx,
      'districts',
      plan.districts.map((d) => ({ code: d.code, name: d.name, region_id: regionIds.get(d.regionCode) ?? null })),
    );
  }
  const districtIds = await loadDistrictCodes(trx);
  /** The columns of changed values: district and region by their codes, the rest by the one map. */
  const changedColumns = (values: Partial<Values>) => {
    const { districtCode, regionCode, ...fields } = values;
    return {
      ...toColumns(fields),
      ...(districtCode === undefined ? {} : { district_id: districtIds.get(districtCode)?.id ?? null }),
      ...(regionCode === undefined ? {} : { region_id: regionIds.get(regionCode) ?? null }),
    };
  };

  const toInsert = ({ code, values }: MunicipalityPlan['inserts'][number]): MunicipalityInsert => {
    const district = values.districtCode === undefined ? undefined : districtIds.get(values.districtCode);
    return {
      code,
      name: values.name,
      // Statutory cities are named by law; for any other place the list states no kind: not guessed.
      kind: STATUTORY_CITY_CODES.has(code) ? 'statutarni_mesto' : 'unknown',
      districtId: district?.id ?? null,
      regionId:
        values.regionCode === undefined ? (district?.regionId ?? null) : (regionIds.get(values.regionCode) ?? null),
      orpCode: values.orpCode ?? null,
      orpName: values.orpName ?? null,
      postalCode: values.postalCode ?? null,
      population: values.population ?? null,
      latitude: values.latitude ?? null,
      longitude: values.longitude ?? null,
      memberSince: values.memberSince ?? null,
      // A file that says since when a municipality is a member (and nothing of its membership
      // otherwise) says it is one: not a "former member", which no file said.
      isMember: values.isMember ?? values.memberSince !== undefined,
      source: provenance.source,
      importRunId: provenance.importRunId,
    };
  };
  // New records go in part by part, each with its audit entries (one per record, so each record's
  // history shows the import): the rows, their columns and their entries of one part are all
  // that is held beside the plan, never a second and third copy of a whole file.
  for (let start = 0; start < plan.inserts.length; start += WRITE_PART) {
    const part = plan.inserts.slice(start, start + WRITE_PART);
    const ids = await insertMunicipalities(trx, part.map(toInsert), now);
    await insertAuditEntries(
      trx,
      part.map(({ code, values }) => ({
        table: 'municipalities',
        recordId: insertedId(ids, code),
        action: 'import' as const,
        before: null,
        after: { code, ...toFields(values) },
        actor,
        at: now,
      })),
    );
    await step(start + part.length);
  }

  for (const [index, update] of plan.updates.entries()) {
    await updateById(trx, 'municipalities', update.existing.id, { ...changedColumns(update.changed), updated_at: now });
    if (index % 200 === 199) await step(plan.inserts.length + index + 1);
  }

  await insertAuditEntries(
    trx,
    plan.updates.map((u) => ({
      table: 'municipalities',
      recordId: u.existing.id,
      action: 'import' as const,
      before: toFields(u.before),
      after: toFields(u.changed),
      actor,
      at: now,
    })),
  );
  await step(total);
}
