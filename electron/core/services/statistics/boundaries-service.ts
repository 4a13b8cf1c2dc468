import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../../../shared/domain/errors';
import {
  BoundaryFileError,
  parseRegionBoundaries,
  type Boundaries,
} from '../../../../shared/domain/statistics/boundaries';
import type { AppContext } from '../../context';

/** Region boundary files larger than this are refused (the real ones are ~25–100 kB). */
const MAX_BYTES = 30 * 1024 * 1024;

/** Reads a GeoJSON/TopoJSON file of region boundaries; errors name the file and the problem. */
export async function readBoundaryFile(filePath: string): Promise<Boundaries> {
  let text: string;
  try {
    const buffer = await readFile(filePath);
    if (buffer.byteLength > MAX_BYTES) throw new AppError('VALIDATION', 'stats.boundaries.notGeo', { file: filePath });
    text = buffer.toString('utf8');
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('IO', 'stats.boundaries.unreadable', { file: filePath });
  }
  try {
    return parseRegionBoundaries(text, path.basename(filePath));
  } catch (error) {
    if (error instanceof BoundaryFileError) {
      throw new AppError('VALIDATION', error.message, {
        file: filePath,
        issues: [{ path: 'file', message: error.message }],
      });
    }
    throw error;
  }
}

/** Asks for a boundary file (null when the user cancels) and reads it. */
export async function loadBoundariesFromDialog(ctx: AppContext): Promise<Boundaries | null> {
  const filePath = await ctx.dialogs.openFile({
    filters: [{ name: 'GeoJSON / TopoJSON', extensions: ['json', 'geojson', 'topojson'] }],
  });
  return filePath === null ? null : readBoundaryFile(filePath);
}
