import type { UiLanguage } from '../../../../shared/domain/codes';
import type { StatsFilterInput } from '../../../../shared/domain/statistics/filter';
import type { Statistics } from '../../../../shared/domain/statistics/schemas';
import type { StatsExportFormat } from '../../../../shared/ipc/channels/statistics';
import type { AppContext } from '../../context';
import { sanitizeFileName, writeFileAtomically } from '../../files';
import { statsToCsvZip } from './stats-csv';
import { statsToDocx } from './stats-docx';
import { statsToXlsx } from './stats-xlsx';
import { statisticsFor } from './statistics-service';
import { filterFileStem } from '../../../../shared/domain/statistics/file-names';
import { orpCodeOf } from '../../../../shared/domain/statistics/tables';

/**
 * An ORP's code as the JSON gives it: null where the registry knows the ORP only by its name (the
 * statistics key it by that name, which a `code` field repeated: walkthrough 27), as the other
 * formats leave its code cell empty (`orpCodeOf`).
 */
const jsonOrpCode = (orp: { code: string | null; name: string }): string | null => {
  const code = orpCodeOf(orp);
  return code === '' ? null : code;
};

/** The statistics as JSON: the figures as computed, with no ORP name standing for a code. */
const statsToJson = (stats: Statistics): Promise<Buffer> => {
  const statistics = {
    ...stats,
    territory: { ...stats.territory, orps: stats.territory.orps.map((o) => ({ ...o, code: jsonOrpCode(o) })) },
    orps: stats.orps.map((o) => ({ ...o, code: jsonOrpCode(o) })),
  };
  return Promise.resolve(
    Buffer.from(`${JSON.stringify({ generator: 'Twinning Registry', statistics }, null, 2)}\n`, 'utf8'),
  );
};

/**
 * Each format: its file extension, its name in the save dialog and its renderer (one module per
 * format beside this one). CSV is one ZIP holding one CSV per table.
 */
const FORMATS: Record<
  StatsExportFormat,
  { extension: string; filterName: string; render: (stats: Statistics, language: UiLanguage) => Promise<Buffer> }
> = {
  xlsx: { extension: 'xlsx', filterName: 'Excel', render: statsToXlsx },
  csv: { extension: 'zip', filterName: 'CSV (ZIP)', render: statsToCsvZip },
  json: { extension: 'json', filterName: 'JSON', render: statsToJson },
  docx: { extension: 'docx', filterName: 'Word', render: statsToDocx },
};

/**
 * A file name that says what the file holds: `statistiky-Kraj-Vysocina-1990-2005.xlsx` for a
 * territory and years (Czech names without diacritics), `statistiky-2025-06-15.xlsx` (the day)
 * for the whole registry.
 */
export function defaultExportName(stats: Statistics, format: StatsExportFormat, language: UiLanguage): string {
  const stem = filterFileStem(
    language === 'cs' ? 'statistiky' : 'statistics',
    { territory: stats.territory, ...stats.filter },
    language,
  );
  return sanitizeFileName(`${stem}.${FORMATS[format].extension}`);
}

/**
 * Computes the statistics for a filter and writes them where the user chooses (the native save
 * dialog in Electron, the output folder in the web preview). Null when cancelled.
 */
export async function exportStatsWithDialog(
  ctx: AppContext,
  input: { format: StatsExportFormat; filter: StatsFilterInput; language: UiLanguage },
): Promise<{ filePath: string } | null> {
  const stats = await statisticsFor(ctx, input.filter);
  const { extension, filterName } = FORMATS[input.format];
  const filePath = await ctx.dialogs.saveFile({
    defaultName: defaultExportName(stats, input.format, input.language),
    filters: [{ name: filterName, extensions: [extension] }],
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
export const renderStats = (stats: Statistics, format: StatsExportFormat, language: UiLanguage): Promise<Buffer> =>
  FORMATS[format].render(stats, language);
