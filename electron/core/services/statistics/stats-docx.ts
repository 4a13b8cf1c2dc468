import { Document, HeadingLevel, ImageRun, Packer, PageOrientation, Paragraph, TextRun } from 'docx';
import type { UiLanguage } from '../../../../shared/domain/codes';
import type { Statistics } from '../../../../shared/domain/statistics/schemas';
import { buildStatsTables, type StatsTable } from '../../../../shared/domain/statistics/tables';
import { translate, translatePlural } from '../../../../shared/i18n/index';
import { reportCharts, svgToPng } from './stats-charts';
import { REPORT_MARGIN, docxTable, formatCell, run } from './stats-docx-table';
import { filterText, regionNameOf } from './stats-filter-line';

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

/** The key figures of the dashboard's cards as a two-column table. */
function summaryTable(stats: Statistics, language: UiLanguage): StatsTable {
  const t = (key: string, params?: Record<string, string | number>) => translate(language, key, params);
  const total = stats.total;
  return {
    id: 'summary',
    title: t('stats.table.summary'),
    columns: [
      { header: t('stats.col.name'), kind: 'text' },
      { header: regionNameOf(stats) ?? t('stats.country'), kind: 'text' },
    ],
    rows: [
      [t('stats.card.members'), formatCell(total.municipalities, 'int', language)],
      [
        t('stats.card.withActive'),
        `${formatCell(total.withActive, 'int', language)} (${formatCell(total.activeShare, 'percent', language)})`,
      ],
      [t('stats.card.partnerships'), formatCell(total.partnerships, 'int', language)],
      [t('stats.card.per10k'), formatCell(total.per10k, 'decimal', language)],
      [
        translatePlural(language, 'stats.card.dormant', stats.filter.dormantYears),
        formatCell(total.dormant, 'int', language),
      ],
      [t('stats.card.expiring'), formatCell(total.expiring, 'int', language)],
      [t('stats.card.countries'), formatCell(stats.countries.length, 'int', language)],
    ],
  };
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
            margin: { top: REPORT_MARGIN, bottom: REPORT_MARGIN, left: REPORT_MARGIN, right: REPORT_MARGIN },
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
          docxTable(summaryTable(stats, language), [0, 1], language),
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
