import type { Knex } from 'knex';
import type { UiLanguage } from '../../../../shared/domain/codes';
import { countryName } from '../../../../shared/domain/countries';
import { formatPartialDate } from '../../../../shared/domain/dates';
import { AppError } from '../../../../shared/domain/errors';
import type { ExportFormat, ExportGrid, PartnershipRow } from '../../../../shared/domain/partnerships';
import type { MunicipalityRow } from '../../../../shared/domain/schemas';
import { membershipState } from '../../../../shared/domain/municipality-rules';
import { translate, type MessageKey } from '../../../../shared/i18n/index';
import { originLabel } from '../../../../shared/i18n/provenance';
import { writeAtomically } from '../../files';
import type { AppContext } from '../../context';
import { listMunicipalityRows } from '../../repositories/municipalities-repository';
import { listPartnershipRows } from '../../repositories/partnerships-repository';
import { writeCsv, writeXlsx, type CellKind, type CellValue, type Sheet } from './spreadsheet-writers';

/** One exportable column: its id is the grid's column id, so the renderer sends what it shows. */
export type ExportColumn<R> = {
  id: string;
  header: MessageKey;
  kind: CellKind;
  value: (row: R, language: UiLanguage) => CellValue;
};

/** A grid the export knows: how to load rows by id and which columns it has. */
export type ExportSource<R extends { id: number }> = {
  title: MessageKey;
  load: (db: Knex, ids: readonly number[]) => Promise<R[]>;
  columns: readonly ExportColumn<R>[];
};

const text = <R>(
  id: string,
  header: MessageKey,
  value: (row: R, language: UiLanguage) => string | null,
): ExportColumn<R> => ({ id, header, kind: 'text', value });
const date = <R>(id: string, header: MessageKey, value: (row: R) => string | null): ExportColumn<R> => ({
  id,
  header,
  kind: 'date',
  value,
});
const number = <R>(id: string, header: MessageKey, value: (row: R) => number | null): ExportColumn<R> => ({
  id,
  header,
  kind: 'number',
  value,
});
const decimal = <R>(id: string, header: MessageKey, value: (row: R) => number | null): ExportColumn<R> => ({
  id,
  header,
  kind: 'decimal',
  value,
});

const partnershipsSource: ExportSource<PartnershipRow> = {
  title: 'partnerships.title',
  load: (db) => listPartnershipRows(db),
  columns: [
    text('municipalityName', 'partnerships.col.member', (r) => r.municipalityName),
    text('municipalityCode', 'partnerships.col.memberCode', (r) => r.municipalityCode),
    text('districtName', 'partnerships.col.district', (r) => r.districtName),
    text('regionName', 'partnerships.col.region', (r) => r.regionName),
    text('townName', 'partnerships.col.town', (r) => r.townName),
    text('townNameCs', 'partnerships.col.townCs', (r) => r.townNameCs),
    text('townAdminRegion', 'partnerships.col.townRegion', (r) => r.townAdminRegion),
    number('townPopulation', 'partnerships.col.townPopulation', (r) => r.townPopulation),
    text('country', 'partnerships.col.country', (r, l) => countryName(r.countryCode, l)),
    text('countryCode', 'partnerships.col.countryCode', (r) => r.countryCode),
    text('type', 'partnerships.col.type', (r, l) => translate(l, `partnershipType.${r.type}`)),
    text('status', 'partnerships.col.status', (r, l) => translate(l, `partnershipStatus.${r.status}`)),
    date('startedOn', 'partnerships.col.started', (r) => r.startedOn),
    date('signedOn', 'partnerships.col.signed', (r) => r.signedOn),
    text('term', 'partnerships.col.term', (r, l) =>
      r.termKind === 'fixed' && r.termUntil
        ? translate(l, 'partnerships.term.until', { date: formatPartialDate(r.termUntil, l) })
        : translate(l, 'partnerships.termKind.indefinite'),
    ),
    text('areas', 'partnerships.col.areas', (r, l) => r.areas.map((a) => translate(l, `area.${a}`)).join(', ')),
    date('lastActivityOn', 'partnerships.col.lastActivity', (r) => r.lastActivityOn),
    text('source', 'provenance.col.source', (r, l) => originLabel(r.source, l)),
    date('verifiedAt', 'provenance.col.verifiedAt', (r) => r.verifiedAt?.slice(0, 10) ?? null),
  ],
};

const membersSource: ExportSource<MunicipalityRow> = {
  title: 'members.title',
  load: (db) => listMunicipalityRows(db, {}),
  columns: [
    text('name', 'members.col.name', (r) => r.name),
    text('code', 'members.col.code', (r) => r.code),
    text('kind', 'members.col.kind', (r, l) => translate(l, `kind.${r.kind}`)),
    text('membership', 'members.col.membership', (r, l) => translate(l, `membership.${membershipState(r)}`)),
    text('districtName', 'members.col.district', (r) => r.districtName),
    text('regionName', 'members.col.region', (r) => r.regionName),
    text('orpName', 'members.col.orp', (r) => r.orpName),
    text('orpCode', 'members.col.orpCode', (r) => r.orpCode),
    number('population', 'members.col.population', (r) => r.population),
    text('mayorName', 'members.col.mayor', (r) => r.mayorName),
    text('mayorGender', 'members.col.mayorGender', (r, l) =>
      r.mayorGender ? translate(l, `gender.${r.mayorGender}`) : null,
    ),
    number('activePartnerships', 'members.col.activePartnerships', (r) => r.activePartnerships),
    number('partnerships', 'members.col.partnerships', (r) => r.partnerships),
    date('memberSince', 'members.col.memberSince', (r) => r.memberSince),
    date('memberUntil', 'members.col.memberUntil', (r) => r.memberUntil),
    text('email', 'members.col.email', (r) => r.email),
    text('website', 'members.col.website', (r) => r.website),
    text('street', 'members.col.street', (r) => r.street),
    text('postalCode', 'members.col.postalCode', (r) => r.postalCode),
    text('ico', 'members.col.ico', (r) => r.ico),
    decimal('latitude', 'members.col.latitude', (r) => r.latitude),
    decimal('longitude', 'members.col.longitude', (r) => r.longitude),
    text('source', 'provenance.col.source', (r, l) => originLabel(r.source, l)),
    date('verifiedAt', 'provenance.col.verifiedAt', (r) => r.verifiedAt?.slice(0, 10) ?? null),
  ],
};

/** The column ids a grid kind can export (the renderer's column ids must match them). */
export function exportColumnIds(grid: ExportGrid): string[] {
  return (grid === 'partnerships' ? partnershipsSource.columns : membersSource.columns).map((c) => c.id);
}

/** The sheet of a grid kind; another grid adds one case here. */
function sheetOf(
  db: Knex,
  grid: ExportGrid,
  input: { rowIds: readonly number[]; columns: readonly string[]; language: UiLanguage },
): Promise<Sheet> {
  switch (grid) {
    case 'partnerships':
      return buildSheet(db, partnershipsSource, input);
    case 'members':
      return buildSheet(db, membersSource, input);
  }
}

/** Builds the sheet: rows in the order of `rowIds` (the grid's filter and sort), the requested columns in order. */
export async function buildSheet<R extends { id: number }>(
  db: Knex,
  source: ExportSource<R>,
  input: { rowIds: readonly number[]; columns: readonly string[]; language: UiLanguage },
): Promise<Sheet> {
  const byId = new Map(source.columns.map((c) => [c.id, c]));
  const columns = input.columns.flatMap((id) => {
    const column = byId.get(id);
    return column ? [column] : [];
  });
  if (columns.length === 0)
    throw new AppError('VALIDATION', 'None of the columns can be exported.', {
      issues: [{ path: 'columns', message: 'validation.noColumns' }],
    });
  const rows = new Map((await source.load(db, input.rowIds)).map((row) => [row.id, row]));
  const ordered = input.rowIds.flatMap((id) => {
    const row = rows.get(id);
    return row ? [row] : [];
  });
  return {
    name: translate(input.language, source.title),
    columns: columns.map((c) => ({ header: translate(input.language, c.header), kind: c.kind })),
    rows: ordered.map((row) => columns.map((c) => c.value(row, input.language))),
  };
}

/**
 * Writes the current view of a grid to a file the user chooses (the host's save dialog); core
 * writes it, the renderer only gets the path. CANCELLED when the user closes the dialog.
 */
export async function exportGrid(
  ctx: AppContext,
  input: {
    grid: ExportGrid;
    format: ExportFormat;
    rowIds: readonly number[];
    columns: readonly string[];
    language: UiLanguage;
  },
): Promise<{ filePath: string; rows: number }> {
  const sheet = await sheetOf(ctx.db.knex, input.grid, input);
  const stamp = new Date().toISOString().slice(0, 10);
  const filePath = await ctx.dialogs.saveFile({
    defaultName: `${sheet.name} ${stamp}.${input.format}`,
    filters: [input.format === 'csv' ? { name: 'CSV', extensions: ['csv'] } : { name: 'Excel', extensions: ['xlsx'] }],
  });
  if (filePath === null) throw new AppError('CANCELLED', 'The export was cancelled.');
  // Written beside and renamed when complete: a reader never sees half a file.
  await writeAtomically(filePath, (temporary) =>
    input.format === 'csv' ? writeCsv(temporary, sheet, input.language) : writeXlsx(temporary, sheet, input.language),
  );
  return { filePath, rows: sheet.rows.length };
}
