import { useState, type RefObject } from 'react';
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
 * user chooses (the output folder in the web preview); core rasterises the PNG.
 */
export function MapExportButtons({
  svg,
  legend,
}: {
  svg: RefObject<SVGSVGElement | null>;
  legend: (date: string) => MapLegend;
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
      const result = await call('map:export', { format, svg: document, fileName: `${stem}-${today}` });
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
