import { useState, type RefObject } from 'react';
import { filterFileStem } from '../../../shared/domain/statistics/file-names';
import type { Territory } from '../../../shared/domain/statistics/schemas';
import { MAP_EXPORT_FORMATS, type MapExportFormat } from '../../../shared/ipc/channels/statistics';
import { errorToast, said, useToast } from '../../components/Toasts';
import { call } from '../../lib/api';
import { useI18n } from '../../lib/i18n';
import { mapSvgDocument, type MapLegend } from './map-export';

const todayIso = (): string => {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${String(now.getFullYear())}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
};

/**
 * "Save as PNG" and "Save as SVG": the map as shown, with a legend, written by core where the
 * user chooses (the output folder in the web preview); core rasterises the PNG. The file is named
 * by the map's territory and years as the Statistics exports are (`mapa-partnerstvi-Kraj-
 * Vysocina-1990-2005.png`), by the day when the map shows everything.
 */
export function MapExportButtons({
  svg,
  legend,
  filter,
}: {
  svg: RefObject<SVGSVGElement | null>;
  legend: (date: string) => MapLegend;
  /** What the map is narrowed to (null territory: the whole country, or its names not loaded yet). */
  filter: { territory: Territory | null; fromYear: number | null; toYear: number | null };
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const toast = useToast();
  const [busy, setBusy] = useState<MapExportFormat | null>(null);

  const save = async (format: MapExportFormat) => {
    if (!svg.current) return;
    setBusy(format);
    try {
      const today = todayIso();
      const document = await mapSvgDocument(svg.current, legend(i18n.formatDate(today)));
      const stem = i18n.language === 'cs' ? 'mapa-partnerstvi' : 'partnership-map';
      const fileName = filterFileStem(stem, { ...filter, today }, i18n.language);
      const result = await call('map:export', { format, svg: document, fileName });
      if (result) toast({ kind: 'ok', text: said('map.export.done', { file: result.filePath }), seconds: 10 });
    } catch (error) {
      toast(errorToast(error));
    } finally {
      setBusy(null);
    }
  };

  return (
    <>
      {MAP_EXPORT_FORMATS.map((format) => (
        <button
          key={format}
          type="button"
          className="button"
          disabled={busy !== null}
          onClick={() => void save(format)}
          data-testid={`map-export-${format}`}
        >
          {t(`map.export.${format}`)}
        </button>
      ))}
    </>
  );
}
