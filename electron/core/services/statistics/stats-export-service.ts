import {
  AlignmentType,
  BorderStyle,
  Document,
  HeadingLevel,
  ImageRun,
  Packer,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  type IRunOptions,
} from 'docx';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { UiLanguage } from '../../../../shared/domain/codes';
import type { StatsFilterInput } from '../../../../shared/domain/statistics/filter';
import type { Statistics } from '../../../../shared/domain/statistics/schemas';
import {
  buildStatsTables,
  describeFilter,
  type Cell,
  type ColumnKind,
  type StatsTable,
} from '../../../../shared/domain/statistics/tables';
import { translate } from '../../../../shared/i18n/index';
import type { StatsExportFormat } from '../../../../shared/ipc/channels/statistics';
import type { AppContext } from '../../context';
import { sanitizeFileName, writeFileAtomically } from '../../files';
import { reportCharts, svgToPng } from './stats-charts';
import { computeStats } from './statistics-service';
import { neutraliseFormula, spreadsheetSafe } from '../export/spreadsheet-writers';

const EXTENSIONS: Record<StatsExportFormat, string> = { xlsx: 'xlsx', csv: 'zip', json: 'json', docx: 'docx' };
const FILTER_NAMES: Record<StatsExportFormat, string> = {
  xlsx: 'Excel',
  csv: 'CSV (ZIP)',
  json: 'JSON',
  docx: 'Word',
};

/** The name of the region a filter picks, if any. */
const regionNameOf = (stats: Statistics): string | undefined =>
  stats.filter.region === null ? undefined : stats.regions.find((r) => r.code === stats.filter.region)?.name;

const filterText = (stats: Statistics, language: UiLanguage): string =>
  translate(language, 'stats.filterLine', { filter: describeFilter(stats.filter, language, regionNameOf(stats)) });

/** A file name such as `statistiky-CZ041-2025-06-15.xlsx`. */
export function defaultExportName(stats: Statistics, format: StatsExportFormat, language: UiLanguage): string {
  const stem = language === 'cs' ? 'statistiky' : 'statistics';
  const region = stats.filter.region === null ? '' : `-${stats.filter.region}`;
  return sanitizeFileName(`${stem}${region}-${stats.filter.today}.${EXTENSIONS[format]}`);
}

/**
 * Computes the statistics for a filter and writes them where the user chooses (the native save
 * dialog in Electron, the output folder in the web preview). CSV is one ZIP holding one CSV per
 * table: a single file fits a save dialog and keeps the tables together. Null when cancelled.
 */
export async function exportStatsWithDialog(
  ctx: AppContext,
  input: { format: StatsExportFormat; filter: StatsFilterInput; language: UiLanguage },
): Promise<{ filePath: string } | null> {
  const stats = await computeStats(ctx.db.reader, input.filter);
  const filePath = await ctx.dialogs.saveFile({
    defaultName: defaultExportName(stats, input.format, input.language),
    filters: [{ name: FILTER_NAMES[input.format], extensions: [EXTENSIONS[input.format]] }],
  });
  if (filePath === null) return null;
  await writeStatsFile(stats, input.format, input.language, filePath);
  return { filePath };
}

/**
 * Writes computed statistics to a file in a format (used by the dialog export and the CLI),
 * atomically: a failed write leaves an existing file as it was. The save dialog has asked before
 * replacing a file; the CLI passes `overwrite: false` unless `--force`.
 */
export async function writeStatsFile(
  stats: Statistics,
  format: StatsExportFormat,
  language: UiLanguage,
  filePath: string,
  options: { overwrite?: boolean } = {},
): Promise<void> {
  const data = await renderStats(stats, format, language);
  await writeFileAtomically(filePath, data, { overwrite: options.overwrite ?? true });
}

/** The bytes of an export. */
export async function renderStats(stats: Statistics, format: StatsExportFormat, language: UiLanguage): Promise<Buffer> {
  switch (format) {
    case 'xlsx':
      return statsToXlsx(stats, language);
    case 'csv':
      return statsToCsvZip(stats, language);
    case 'json':
      return Buffer.from(`${JSON.stringify({ generator: 'Twinning Registry', statistics: stats }, null, 2)}\n`, 'utf8');
    case 'docx':
      return statsToDocx(stats, language);
  }
}

// ── XLSX ──────────────────────────────────────────────────────────────────────────────────────

const NUMBER_FORMATS: Record<ColumnKind, string | undefined> = {
  text: undefined,
  int: '#,##0',
  decimal: '#,##0.00',
  percent: '0.0%',
  amount: '#,##0.00',
};

/** Excel sheet names: at most 31 characters, none of `[]:*?/\`, unique. */
const sheetName = (title: string, used: Set<string>): string => {
  const base =
    title
      .replace(/[[\]:*?/\\]/g, ' ')
      .slice(0, 31)
      .trim() || 'Sheet';
  let name = base;
  for (let n = 2; used.has(name.toLowerCase()); n += 1) name = `${base.slice(0, 27)} (${n})`;
  used.add(name.toLowerCase());
  return name;
};

/**
 * One sheet per table: the title and the filter on top, then a styled, frozen header row with
 * an auto-filter; numbers and shares are real numbers with number formats.
 */
export async function statsToXlsx(stats: Statistics, language: UiLanguage): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Twinning Registry';
  workbook.created = new Date(`${stats.filter.today}T12:00:00Z`);
  const used = new Set<string>();
  const filterLine = filterText(stats, language);
  for (const table of buildStatsTables(stats, language)) {
    const sheet = workbook.addWorksheet(sheetName(table.title, used), {
      views: [{ state: 'frozen', ySplit: 3, xSplit: 1 }],
    });
    sheet.getCell('A1').value = spreadsheetSafe(table.title);
    sheet.getCell('A1').font = { bold: true, size: 14 };
    sheet.getCell('A2').value = spreadsheetSafe(filterLine);
    sheet.getCell('A2').font = { italic: true, color: { argb: 'FF52606D' } };
    const header = sheet.getRow(3);
    table.columns.forEach((column, i) => {
      const cell = header.getCell(i + 1);
      cell.value = spreadsheetSafe(column.header);
      cell.font = { bold: true, color: { argb: 'FFFFFFFF' } };
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1D5FA8' } };
      cell.alignment = { vertical: 'middle', wrapText: true, horizontal: column.kind === 'text' ? 'left' : 'right' };
    });
    header.height = 32;
    table.rows.forEach((cells, r) => {
      const row = sheet.getRow(4 + r);
      cells.forEach((value, c) => {
        const cell = row.getCell(c + 1);
        cell.value = typeof value === 'string' ? spreadsheetSafe(value) : value;
        const format = NUMBER_FORMATS[table.columns[c]?.kind ?? 'text'];
        if (format !== undefined) cell.numFmt = format;
      });
    });
    table.columns.forEach((column, i) => {
      const longest = Math.max(
        ...table.rows.map((cells) => String(cells[i] ?? '').length),
        Math.min(column.header.length, 18),
      );
      sheet.getColumn(i + 1).width = Math.min(Math.max(longest + 2, column.kind === 'text' ? 10 : 9), 40);
    });
    if (table.rows.length > 0) {
      sheet.autoFilter = { from: { row: 3, column: 1 }, to: { row: 3, column: table.columns.length } };
    }
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return Buffer.from(buffer);
}

// ── CSV ───────────────────────────────────────────────────────────────────────────────────────

/**
 * One CSV for Czech Excel: UTF-8 with BOM, semicolons, CRLF; numbers with the language's
 * decimal separator (a comma in Czech); shares as percentages; text that could start a
 * formula is neutralised with an apostrophe.
 */
export function tableToCsv(table: StatsTable, language: UiLanguage, filterLine: string): string {
  const decimal = language === 'cs' ? ',' : '.';
  const quote = (value: string): string => {
    const safe = neutraliseFormula(value);
    return /[;"\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  const number = (value: number, kind: ColumnKind): string => {
    const scaled = kind === 'percent' ? value * 100 : value;
    const digits = kind === 'int' ? 0 : kind === 'percent' ? 1 : 2;
    return (Number.isInteger(scaled) && kind !== 'amount' ? String(scaled) : scaled.toFixed(digits)).replace(
      '.',
      decimal,
    );
  };
  const cell = (value: Cell, kind: ColumnKind): string =>
    value === null ? '' : typeof value === 'number' ? number(value, kind) : quote(value);
  const header = table.columns.map((c) => quote(c.kind === 'percent' ? `${c.header} (%)` : c.header));
  const lines = [
    quote(filterLine),
    header.join(';'),
    ...table.rows.map((row) => row.map((value, i) => cell(value, table.columns[i]?.kind ?? 'text')).join(';')),
  ];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

async function statsToCsvZip(stats: Statistics, language: UiLanguage): Promise<Buffer> {
  const zip = new JSZip();
  const filterLine = filterText(stats, language);
  buildStatsTables(stats, language).forEach((table, i) => {
    zip.file(`${String(i + 1).padStart(2, '0')}-${table.id}.csv`, tableToCsv(table, language, filterLine), {
      date: new Date(`${stats.filter.today}T12:00:00Z`),
    });
  });
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

// ── DOCX ──────────────────────────────────────────────────────────────────────────────────────

const BLUE = '1D5FA8';
/** Typed run options (TextRun also takes a plain string, which confuses the deprecation lint). */
const run = (options: IRunOptions): TextRun => new TextRun(options);
const LIGHT = 'F3F6F9';
/** A4 width minus the report's margins (2 × 1000 twips). */
const PAGE_WIDTH_TWIPS = 11906 - 2000;

function formatCell(value: Cell, kind: ColumnKind, language: UiLanguage): string {
  if (value === null) return '–';
  if (typeof value === 'string') return value;
  const locale = language === 'cs' ? 'cs-CZ' : 'en-GB';
  if (kind === 'percent')
    return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(value);
  const digits = kind === 'decimal' ? 2 : kind === 'amount' ? 0 : 0;
  return new Intl.NumberFormat(locale, {
    maximumFractionDigits: digits,
    minimumFractionDigits: kind === 'decimal' ? 2 : 0,
  }).format(value);
}

/** A compact table for the report: a subset of columns, header shaded, numbers right-aligned. */
function docxTable(table: StatsTable, columnIndexes: number[], language: UiLanguage, limit = Infinity): Table {
  const columns = columnIndexes.flatMap((i) => {
    const column = table.columns[i];
    return column ? [{ ...column, index: i }] : [];
  });
  const border = { style: BorderStyle.SINGLE, size: 4, color: 'DDE3EA' };
  const borders = { top: border, bottom: border, left: border, right: border };
  const headerRow = new TableRow({
    tableHeader: true,
    children: columns.map(
      (c) =>
        new TableCell({
          borders,
          shading: { type: ShadingType.CLEAR, color: 'auto', fill: BLUE },
          children: [
            new Paragraph({
              alignment: c.kind === 'text' ? AlignmentType.LEFT : AlignmentType.RIGHT,
              children: [run({ text: c.header, bold: true, color: 'FFFFFF', size: 17 })],
            }),
          ],
        }),
    ),
  });
  const rows = table.rows.slice(0, limit).map(
    (cells, r) =>
      new TableRow({
        children: columns.map(
          (c) =>
            new TableCell({
              borders,
              margins: { left: 60, right: 60 },
              shading: r % 2 === 1 ? { type: ShadingType.CLEAR, color: 'auto', fill: LIGHT } : undefined,
              children: [
                new Paragraph({
                  alignment: c.kind === 'text' ? AlignmentType.LEFT : AlignmentType.RIGHT,
                  children: [new TextRun({ text: formatCell(cells[c.index] ?? null, c.kind, language), size: 17 })],
                }),
              ],
            }),
        ),
      }),
  );
  // Text columns (names) get three shares of the page width, number columns one each.
  const weights = columns.map((c) => (c.kind === 'text' ? 3 : 1));
  const sum = weights.reduce((a, b) => a + b, 0);
  const columnWidths = weights.map((w) => Math.floor((PAGE_WIDTH_TWIPS * w) / sum));
  return new Table({
    width: { size: PAGE_WIDTH_TWIPS, type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
    columnWidths,
    rows: [headerRow, ...rows],
  });
}

const heading = (text: string) =>
  new Paragraph({
    heading: HeadingLevel.HEADING_2,
    keepNext: true,
    spacing: { before: 300, after: 120 },
    children: [new TextRun(text)],
  });

function chartImage(svgText: string): Paragraph {
  const { png, width, height } = svgToPng(svgText);
  // 16 cm wide on the page, height in proportion (docx wants pixels at 96 dpi).
  const targetWidth = 605;
  return new Paragraph({
    spacing: { before: 120, after: 120 },
    children: [
      new ImageRun({
        type: 'png',
        data: png,
        transformation: { width: targetWidth, height: Math.round((height / width) * targetWidth) },
      }),
    ],
  });
}

/**
 * The report for the whole country or one region: title, date, the filter, the key figures,
 * the tables (regions or the region's districts, countries, areas, funding) and three charts.
 */
export async function statsToDocx(stats: Statistics, language: UiLanguage): Promise<Buffer> {
  const t = (key: string, params?: Record<string, string | number>) => translate(language, key, params);
  const tables = new Map(buildStatsTables(stats, language).map((table) => [table.id, table]));
  const regionName = regionNameOf(stats);
  const title =
    regionName === undefined ? t('stats.reportTitle') : t('stats.reportTitleRegion', { region: regionName });
  const date = new Intl.DateTimeFormat(language === 'cs' ? 'cs-CZ' : 'en-GB', {
    dateStyle: 'long',
    timeZone: 'UTC',
  }).format(new Date(`${stats.filter.today}T00:00:00Z`));
  const charts = reportCharts(stats, language);
  const total = stats.total;
  const summary: StatsTable = {
    id: 'summary',
    title: t('stats.table.summary'),
    columns: [
      { header: t('stats.col.name'), kind: 'text' },
      { header: regionName ?? t('stats.country'), kind: 'text' },
    ],
    rows: [
      [t('stats.card.members'), formatCell(total.municipalities, 'int', language)],
      [
        t('stats.card.withActive'),
        `${formatCell(total.withActive, 'int', language)} (${formatCell(total.activeShare, 'percent', language)})`,
      ],
      [t('stats.card.partnerships'), formatCell(total.partnerships, 'int', language)],
      [t('stats.card.per10k'), formatCell(total.per10k, 'decimal', language)],
      [t('stats.card.dormant', { years: stats.filter.dormantYears }), formatCell(total.dormant, 'int', language)],
      [t('stats.card.expiring'), formatCell(total.expiring, 'int', language)],
      [t('stats.card.countries'), formatCell(stats.countries.length, 'int', language)],
    ],
  };
  // The region table has 19 columns; the report shows the ones a reader needs on a portrait page.
  const compact = [0, 2, 3, 4, 6, 7, 17, 18];
  const areaTable = stats.filter.region === null ? tables.get('regions') : tables.get('districts');
  const areaColumns = stats.filter.region === null ? compact : [1, ...compact.slice(1).map((i) => i + 1)];
  const byId = (id: string): StatsTable => tables.get(id) ?? { id, title: id, columns: [], rows: [] };
  const chart = (id: string) => {
    const found = charts.find((c) => c.id === id);
    return found ? [chartImage(found.svg)] : [];
  };
  const doc = new Document({
    creator: 'Twinning Registry',
    title,
    styles: { default: { document: { run: { font: 'Calibri', size: 21 } } } },
    sections: [
      {
        properties: {
          page: {
            size: { orientation: PageOrientation.PORTRAIT },
            margin: { top: 1000, bottom: 1000, left: 1000, right: 1000 },
          },
        },
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(title)] }),
          new Paragraph({ children: [new TextRun({ text: t('stats.reportDate', { date }), color: '52606D' })] }),
          new Paragraph({
            spacing: { after: 200 },
            children: [run({ text: filterText(stats, language), italics: true, color: '52606D', size: 18 })],
          }),
          heading(t('stats.table.summary')),
          docxTable(summary, [0, 1], language),
          heading(areaTable?.title ?? ''),
          ...(areaTable ? [docxTable(areaTable, areaColumns, language)] : []),
          ...chart('by-area'),
          ...chart('per-year'),
          heading(byId('decades').title),
          docxTable(byId('decades'), [0, 1], language),
          heading(byId('countries').title),
          ...chart('countries'),
          docxTable(byId('countries'), [0, 2, 3], language, 20),
          heading(byId('areas').title),
          docxTable(byId('areas'), [0, 1, 2], language),
          heading(byId('programmes').title),
          docxTable(
            byId('programmes'),
            byId('programmes').columns.map((_, i) => i),
            language,
          ),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
