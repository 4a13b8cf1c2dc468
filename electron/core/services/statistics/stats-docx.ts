import { Document, HeadingLevel, ImageRun, Packer, PageOrientation, Paragraph, TextRun } from 'docx';
import type { UiLanguage } from '../../../../shared/domain/codes';
import type { Statistics } from '../../../../shared/domain/statistics/schemas';
import { hasTerritory } from '../../../../shared/domain/statistics/filter';
import {
  buildStatsTables,
  knownFigure,
  populationNote,
  reportTitle,
  startUnknownNote,
  statusNote,
  figureNote,
  type StatsTable,
} from '../../../../shared/domain/statistics/tables';
import { translate, translatePlural } from '../../../../shared/i18n/index';
import { reportCharts, svgToPng } from './stats-charts';
import { REPORT_MARGIN, docxTable, formatCell, run } from './stats-docx-table';
import { filterText, territoryNameOf } from './stats-filter-line';

/** A table's notes, small, under it. */
const notesOf = (table: StatsTable): Paragraph[] =>
  (table.notes ?? []).map(
    (note) =>
      new Paragraph({
        spacing: { before: 80, after: 80 },
        children: [run({ text: note, italics: true, color: '52606D', size: 16 })],
      }),
  );

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
 * The key figures of the dashboard's cards: a column for the territory, and under a territory
 * filter one for the whole country and the territory's share of it.
 */
function summaryTable(stats: Statistics, language: UiLanguage): StatsTable {
  const t = (key: string, params?: Record<string, string | number>) => translate(language, key, params);
  const total = stats.total;
  const national = stats.national;
  const int = (n: number) => formatCell(n, 'int', language);
  const share = (part: number, whole: number) => (whole === 0 ? '' : formatCell(part / whole, 'percent', language));
  /**
   * A figure that depends on the status: "–" where no counted partnership has a status stated,
   * and beside it how many have none ("0 (0,0 %); stav neuveden u 22 z 22 partnerství").
   */
  const honest = (f: Statistics['total'], figure: 'withActive' | 'dormant' | 'expiring'): string => {
    const value = knownFigure(f, figure);
    const shown =
      value === null
        ? '–'
        : figure === 'withActive'
          ? `${int(value)} (${formatCell(knownFigure(f, 'activeShare'), 'percent', language)})`
          : int(value);
    const note = figure === 'withActive' ? statusNote(f, language) : figureNote(f, figure, language);
    return note === null ? shown : `${shown}; ${note}`;
  };
  const withNote = (shown: string, note: string | null) => (note === null ? shown : `${shown}; ${note}`);
  /** Per 10,000 inhabitants, and where it cannot be computed ("–") why: the population not recorded. */
  const per10k = (f: Statistics['total']) =>
    withNote(formatCell(f.per10k, 'decimal', language), populationNote(f, language));
  /** The territory's share of the country's figure, where both are known. */
  const knownShare = (figure: 'withActive' | 'dormant' | 'expiring', whole: Statistics['total']) => {
    const part = knownFigure(total, figure);
    const all = knownFigure(whole, figure);
    return part === null || all === null ? '' : share(part, all);
  };
  const figures: { label: string; value: string; country?: string; share?: string }[] = [
    {
      label: t('stats.card.members'),
      value: int(total.municipalities),
      ...(national && {
        country: int(national.total.municipalities),
        share: share(total.municipalities, national.total.municipalities),
      }),
    },
    {
      label: t('stats.card.withActive'),
      value: honest(total, 'withActive'),
      ...(national && {
        country: honest(national.total, 'withActive'),
        share: knownShare('withActive', national.total),
      }),
    },
    {
      label: t('stats.card.partnerships'),
      value: withNote(int(total.partnerships), startUnknownNote(stats, language)),
      ...(national && {
        country: int(national.total.partnerships),
        share: share(total.partnerships, national.total.partnerships),
      }),
    },
    {
      label: t('stats.card.per10k'),
      value: per10k(total),
      ...(national && { country: per10k(national.total), share: '' }),
    },
    {
      label: translatePlural(language, 'stats.card.dormant', stats.filter.dormantYears),
      value: honest(total, 'dormant'),
      ...(national && { country: honest(national.total, 'dormant'), share: knownShare('dormant', national.total) }),
    },
    {
      label: t('stats.card.expiring'),
      value: honest(total, 'expiring'),
      ...(national && { country: honest(national.total, 'expiring'), share: knownShare('expiring', national.total) }),
    },
    {
      label: t('stats.card.countries'),
      value: int(stats.countries.length),
      ...(national && { country: int(national.countries), share: '' }),
    },
  ];
  return {
    id: 'summary',
    title: t('stats.table.summary'),
    columns: [
      { header: t('stats.col.name'), kind: 'text' },
      { header: territoryNameOf(stats, language) ?? t('stats.country'), kind: 'text' },
      ...(national === null
        ? []
        : [
            { header: t('stats.countryTotal'), kind: 'text' as const },
            { header: t('stats.col.territoryShare'), kind: 'text' as const },
          ]),
    ],
    rows: figures.map((f) => [f.label, f.value, ...(national === null ? [] : [f.country ?? '', f.share ?? ''])]),
  };
}

/**
 * The report for the whole country or one region: title, date, the filter, the key figures,
 * the tables (regions or the region's districts, countries, areas, funding) and three charts.
 */
export async function statsToDocx(stats: Statistics, language: UiLanguage): Promise<Buffer> {
  const t = (key: string, params?: Record<string, string | number>) => translate(language, key, params);
  const tables = new Map(buildStatsTables(stats, language).map((table) => [table.id, table]));
  const title = reportTitle(stats, language);
  const date = new Intl.DateTimeFormat(language === 'cs' ? 'cs-CZ' : 'en-GB', {
    dateStyle: 'long',
    timeZone: 'UTC',
  }).format(new Date(`${stats.filter.today}T00:00:00Z`));
  const charts = reportCharts(stats, language);
  // Under a territory filter: its okresy (the district table has the region's column first).
  const narrowed = hasTerritory(stats.filter);
  const areaTable = narrowed ? tables.get('districts') : tables.get('regions');
  // Of the area table's columns (a count per type and per status among them), the ones a reader
  // needs on a portrait page: the name; municipalities, those with an active partnership and
  // their share; partnerships and per 10,000 inhabitants; without activity and ending within 12
  // months, the table's last two (counted from the end: the types and statuses may grow).
  // Where some status is not stated, its count ("Stav: neuvedeno", the last status column) goes
  // beside the figures it qualifies, and the table's note under it.
  const width = areaTable?.columns.length ?? 0;
  const areaRows = narrowed
    ? stats.districts
    : [...stats.regions, stats.total, ...(stats.national === null ? [] : [stats.national.total])];
  const unknownStatus = areaRows.some((row) => row.byStatus.unknown > 0 || row.termUnknown > 0) ? [width - 3] : [];
  const areaColumns = [...(narrowed ? [1, 3, 4, 5, 7, 8] : [0, 2, 3, 4, 6, 7]), width - 2, width - 1, ...unknownStatus];
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
            margin: { top: REPORT_MARGIN, bottom: REPORT_MARGIN, left: REPORT_MARGIN, right: REPORT_MARGIN },
          },
        },
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(title)] }),
          // The date once, here (walkthrough 21): the filter line below leaves out its "K datu".
          new Paragraph({ children: [new TextRun({ text: t('stats.reportDate', { date }), color: '52606D' })] }),
          new Paragraph({
            spacing: { after: 200 },
            children: [
              run({ text: filterText(stats, language, { withDate: false }), italics: true, color: '52606D', size: 18 }),
            ],
          }),
          // Every chart and table under a heading of its own; a section's chart above its table,
          // whose notes follow it (the year chart had sat under the okresy's notes, headless).
          heading(t('stats.table.summary')),
          docxTable(summaryTable(stats, language), stats.national === null ? [0, 1] : [0, 1, 2, 3], language),
          heading(areaTable?.title ?? ''),
          ...chart('by-area'),
          ...(areaTable ? [docxTable(areaTable, areaColumns, language), ...notesOf(areaTable)] : []),
          heading(t('stats.table.years')),
          ...chart('per-year'),
          heading(byId('decades').title),
          docxTable(byId('decades'), [0, 1], language),
          heading(byId('countries').title),
          ...chart('countries'),
          docxTable(byId('countries'), [0, 2, 3], language, 20),
          heading(byId('areas').title),
          docxTable(byId('areas'), [0, 1, 2], language),
          ...notesOf(byId('areas')),
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
