import { AllCommunityModule, ModuleRegistry, type AgChartOptions } from 'ag-charts-community';
import { AgCharts } from 'ag-charts-react';
import { useMemo } from 'react';
import { PARTNERSHIP_STATUSES, PARTNERSHIP_TYPES } from '../../../shared/domain/codes';
import type { AreaFigures, Statistics } from '../../../shared/domain/statistics/schemas';
import { areaName, countryLabel, yearSeries } from '../../../shared/domain/statistics/tables';
import { SERIES_COLOURS, categoryColours } from '../../../shared/domain/statistics/colours';
import { useI18n } from '../../lib/i18n';
import { styleNonce } from '../../lib/style-nonce';
import { PRINT_PAGE_WIDTH } from '../../components/print';

ModuleRegistry.registerModules([AllCommunityModule]);

/** The app's palette (shared with the DOCX report): types and statuses keep their colours across charts. */
const COLOURS = SERIES_COLOURS;
const FONT = { fontFamily: 'inherit', fontSize: 12 };

/**
 * The size a chart is drawn at for paper (CSS pixels): half the printed width (print.css keeps the
 * screen's two columns of charts), less the gap between them and the card's padding and border.
 * The tall chart fills the height of the two charts beside it.
 */
const PRINT_CHART_WIDTH = Math.floor((PRINT_PAGE_WIDTH - 12) / 2) - 18;
const PRINT_CHART_HEIGHT = { normal: 280, tall: 560 } as const;

/**
 * Drawn at twice the pixels for paper (a printer's dots are finer than the screen's). AG Charts
 * takes this option without declaring it (`getImageDataURL` uses it); a version without it draws at
 * the screen's pixel ratio, which only prints less sharp.
 */
const SHARP_FOR_PAPER = { overrideDevicePixelRatio: 2 };

/**
 * AG Charts with this page load's style nonce (its CSS goes in as <style> elements, which the CSP
 * checks) and its overlays in the user's language (its own say "No data to display").
 *
 * A chart is drawn twice: for the screen, at its box's size, and for paper, at the printed page's
 * size, shown only in print media (print.css). The browser's own print lays the page out at once,
 * without the frames a canvas needs to be drawn again at another size: the screen's drawing was
 * cut or squeezed on paper. The paper's drawing is kept up to date with the screen's, so the
 * browser's print, the Print button and a print without script all print it.
 */
function Chart({
  options,
  className,
  height = 'normal',
}: {
  options: AgChartOptions;
  className: string;
  height?: keyof typeof PRINT_CHART_HEIGHT;
}) {
  const { t } = useI18n();
  const withNonce = useMemo(
    (): AgChartOptions => ({
      ...options,
      styleNonce: styleNonce(),
      overlays: {
        noData: { text: t('stats.chart.empty') },
        noVisibleSeries: { text: t('stats.chart.allHidden') },
        loading: { text: t('common.loading') },
      },
    }),
    [options, t],
  );
  const forPaper = useMemo(
    (): AgChartOptions => ({
      ...withNonce,
      ...SHARP_FOR_PAPER,
      width: PRINT_CHART_WIDTH,
      height: PRINT_CHART_HEIGHT[height],
      animation: { enabled: false },
    }),
    [withNonce, height],
  );
  return (
    <>
      <AgCharts options={withNonce} className={`${className} stats-chart-screen`} />
      {/* Paper only: hidden from the screen and from assistive technology. */}
      <div className="stats-chart-paper" aria-hidden="true" data-testid="chart-paper">
        <AgCharts options={forPaper} />
      </div>
    </>
  );
}

export type StackBy = 'type' | 'status';

/**
 * The number axis of counts: below six, a tick at every whole number (AG Charts' own choice put
 * ticks at 0, 0.5 and 1 for a count of one); above, its own whole-number steps.
 */
const countInterval = (largest: number) => (largest < 6 ? { interval: { step: 1 } } : {});

/** Partnerships per region (or per district of one region), stacked by type or status. */
export function AreaBarsChart({ areas, stackBy, title }: { areas: AreaFigures[]; stackBy: StackBy; title: string }) {
  const i18n = useI18n();
  const options = useMemo((): AgChartOptions => {
    const keys: readonly string[] = stackBy === 'type' ? PARTNERSHIP_TYPES : PARTNERSHIP_STATUSES;
    const colours = categoryColours(keys);
    const data = areas
      .filter((a) => a.municipalities > 0 || a.partnerships > 0)
      .map((a) => {
        const row: Record<string, string | number> = { name: areaName(a, i18n.language) };
        for (const key of keys)
          row[key] =
            stackBy === 'type'
              ? a.byType[key as keyof AreaFigures['byType']]
              : a.byStatus[key as keyof AreaFigures['byStatus']];
        return row;
      });
    return {
      data,
      title: { text: title, fontSize: 14, fontWeight: 'bold' },
      background: { fill: 'transparent' },
      series: keys.map((key, index) => ({
        type: 'bar',
        direction: 'horizontal',
        xKey: 'name',
        yKey: key,
        yName: i18n.tk(stackBy === 'type' ? `partnershipType.${key}` : `partnershipStatus.${key}`),
        stacked: true,
        fill: colours[index],
      })),
      axes: {
        x: { type: 'category', position: 'left', label: { ...FONT } },
        y: {
          type: 'number',
          position: 'bottom',
          label: { ...FONT },
          ...countInterval(
            Math.max(0, ...data.map((row) => keys.reduce((sum, key) => sum + Number(row[key] ?? 0), 0))),
          ),
        },
      },
      // The legend is drawn below in HTML: AG Charts cuts long Czech labels short.
      legend: { enabled: false },
    };
  }, [areas, stackBy, title, i18n]);
  const keys: readonly string[] = stackBy === 'type' ? PARTNERSHIP_TYPES : PARTNERSHIP_STATUSES;
  const legendColours = categoryColours(keys);
  return (
    <>
      <Chart options={options} className="stats-chart stats-chart-tall" height="tall" />
      <ul className="stats-legend">
        {keys.map((key, index) => (
          <li key={key}>
            <i className="stats-swatch" style={{ background: legendColours[index] }} />
            {i18n.tk(stackBy === 'type' ? `partnershipType.${key}` : `partnershipStatus.${key}`)}
          </li>
        ))}
      </ul>
    </>
  );
}

/**
 * New partnerships per start year as columns: every year from the first to the last has its slot
 * (a year without one stays empty), so single years are not drawn as peaks of a line.
 */
export function YearsChart({ years, range }: { years: Statistics['years']; range: Statistics['filter'] }) {
  const i18n = useI18n();
  const options = useMemo((): AgChartOptions => {
    // Every year the filter names, as the XLSX and CSV list them (the axis ran 1991–2004 for 1990–2005).
    const series = yearSeries(years, range).map((y) => ({ year: String(y.year), count: y.count }));
    return {
      data: series,
      title: { text: i18n.t('stats.chart.perYear'), fontSize: 14, fontWeight: 'bold' },
      background: { fill: 'transparent' },
      series: [
        {
          type: 'bar',
          xKey: 'year',
          yKey: 'count',
          yName: i18n.t('stats.col.new'),
          fill: COLOURS[0],
        },
      ],
      axes: {
        x: { type: 'category', position: 'bottom', label: { ...FONT }, paddingInner: 0.15, groupPaddingInner: 0 },
        y: {
          type: 'number',
          position: 'left',
          label: { ...FONT },
          ...countInterval(Math.max(0, ...series.map((y) => y.count))),
        },
      },
      legend: { enabled: false },
    };
  }, [years, range, i18n]);
  return <Chart options={options} className="stats-chart" />;
}

/** The top partner countries. */
export function CountriesChart({ countries }: { countries: Statistics['topCountries'] }) {
  const i18n = useI18n();
  const options = useMemo((): AgChartOptions => {
    return {
      data: countries.map((c) => ({ name: countryLabel(c.countryCode, i18n.language), count: c.count })),
      title: { text: i18n.t('stats.chart.topCountries'), fontSize: 14, fontWeight: 'bold' },
      background: { fill: 'transparent' },
      series: [
        {
          type: 'bar',
          direction: 'horizontal',
          xKey: 'name',
          yKey: 'count',
          yName: i18n.t('stats.col.partnerships'),
          fill: COLOURS[0],
        },
      ],
      axes: {
        x: { type: 'category', position: 'left', label: { ...FONT } },
        y: {
          type: 'number',
          position: 'bottom',
          label: { ...FONT },
          ...countInterval(Math.max(0, ...countries.map((c) => c.count))),
        },
      },
      legend: { enabled: false },
    };
  }, [countries, i18n]);
  return <Chart options={options} className="stats-chart" />;
}
