import { AppError } from '../../../../shared/domain/errors';
import type { MapExportFormat } from '../../../../shared/ipc/channels/statistics';
import type { AppContext } from '../../context';
import { sanitizeFileName, writeFileAtomically } from '../../files';
import { svgToPng } from './stats-charts';

const FORMATS: Record<MapExportFormat, { filterName: string }> = {
  svg: { filterName: 'SVG' },
  png: { filterName: 'PNG' },
};

/** The drawing must be one SVG document (what the map page serialises), nothing else. */
const SVG_DOCUMENT = /^\s*(<\?xml[^>]*\?>\s*)?<svg[\s>][\s\S]*<\/svg>\s*$/;

/**
 * Writes the map the user sees, as the renderer drew it (an SVG document with its styles inline),
 * where the user chooses (the save dialog; the output folder in the web preview): as it is for
 * SVG, rasterised at twice its size for PNG. Null when the dialog is cancelled.
 */
export async function exportMapWithDialog(
  ctx: AppContext,
  input: { format: MapExportFormat; svg: string; fileName: string },
): Promise<{ filePath: string } | null> {
  if (!SVG_DOCUMENT.test(input.svg))
    throw new AppError('VALIDATION', 'The map is not an SVG document.', {
      issues: [{ path: 'svg', message: 'not an SVG document' }],
    });
  const data = input.format === 'svg' ? Buffer.from(input.svg, 'utf8') : svgToPng(input.svg).png;
  const filePath = await ctx.dialogs.saveFile({
    defaultName: sanitizeFileName(`${input.fileName}.${input.format}`),
    filters: [{ name: FORMATS[input.format].filterName, extensions: [input.format] }],
  });
  if (filePath === null) return null;
  await writeFileAtomically(filePath, data, { overwrite: true });
  return { filePath };
}
