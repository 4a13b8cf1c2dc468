import path from 'node:path';
import { UI_LANGUAGES, type UiLanguage } from '../../../shared/domain/codes';
import { AppError } from '../../../shared/domain/errors';
import { statsFilterSchema } from '../../../shared/domain/statistics/filter';
import { STATS_EXPORT_FORMATS, type StatsExportFormat } from '../../../shared/ipc/channels/statistics';
import { callCore } from '../call-core';
import { writeStatsFile } from '../../core/services/statistics/stats-export-service';
import { UsageError, type Command } from '../command';
import { openForCli } from '../open-context';

const isFormat = (value: unknown): value is StatsExportFormat => STATS_EXPORT_FORMATS.some((f) => f === value);
const isLanguage = (value: unknown): value is UiLanguage => UI_LANGUAGES.some((l) => l === value);

const yearOption = (name: string, value: string | boolean | undefined): number | null => {
  if (value === undefined) return null;
  if (typeof value !== 'string' || !/^\d{4}$/.test(value)) throw new UsageError(`--${name} must be a year, e.g. 2000`);
  return Number(value);
};
const listOption = (value: string | boolean | undefined): string[] =>
  typeof value === 'string'
    ? value
        .split(',')
        .map((v) => v.trim())
        .filter((v) => v !== '')
    : [];

/** The filter from the command line, validated by the same schema as the dashboard's. */
function filterFromOptions(values: Record<string, string | boolean | undefined>) {
  const parsed = statsFilterSchema.safeParse({
    fromYear: yearOption('from', values.from),
    toYear: yearOption('to', values.to),
    types: listOption(values.type),
    statuses: listOption(values.status),
    membership: typeof values.membership === 'string' ? values.membership : undefined,
    regions: listOption(values.region).map((code) => code.toUpperCase()),
    districts: listOption(values.district).map((code) => code.toUpperCase()),
    orps: listOption(values.orp),
    dormantYears: typeof values.dormant === 'string' ? Number(values.dormant) : undefined,
    today: typeof values.today === 'string' ? values.today : null,
  });
  if (!parsed.success) {
    const names: Record<string, string> = {
      fromYear: '--from',
      toYear: '--to',
      types: '--type',
      statuses: '--status',
      membership: '--membership',
      regions: '--region',
      districts: '--district',
      orps: '--orp',
      dormantYears: '--dormant',
      today: '--today',
    };
    const problems = parsed.error.issues.map((issue) => {
      const key = String(issue.path[0] ?? '');
      return `${names[key] ?? key}: ${issue.message.startsWith('validation.') ? 'invalid value' : issue.message}`;
    });
    throw new UsageError(problems.join('; '));
  }
  return parsed.data;
}

/**
 * Territory: `--region`, `--district` and `--orp` take comma-separated codes (an ORP also by its
 * name where no code is recorded); codes of one option add up, the options narrow each other.
 */
export const statsCommand: Command = {
  name: 'stats',
  summary:
    'Write the statistics (per region, district, ORP, country, area, funding) as XLSX, CSV (ZIP), JSON or a DOCX report',
  usage:
    'twinreg stats --db FILE [--region CZ063,CZ064] [--district CZ0631] [--orp 6107] [--from 2000 --to 2025] [--type formal,friendship] [--status active] ' +
    '[--membership members|nonMembers|all] [--dormant 3] [--today YYYY-MM-DD] [--lang cs|en] --format xlsx|csv|json|docx --out FILE [--force]',
  options: {
    db: { type: 'string' },
    region: { type: 'string' },
    district: { type: 'string' },
    orp: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    type: { type: 'string' },
    status: { type: 'string' },
    membership: { type: 'string' },
    dormant: { type: 'string' },
    today: { type: 'string' },
    lang: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string' },
    force: { type: 'boolean' },
  },
  run: async ({ values }, io) => {
    if (!isFormat(values.format)) throw new UsageError(`--format must be one of ${STATS_EXPORT_FORMATS.join(', ')}`);
    if (typeof values.out !== 'string' || values.out === '') throw new UsageError('--out FILE is required');
    const language = values.lang ?? 'cs';
    if (!isLanguage(language)) throw new UsageError('--lang must be cs or en');
    const filter = filterFromOptions(values);
    const ctx = await openForCli(values.db, { mustExist: true });
    try {
      const stats = await callCore(ctx, 'stats:compute', { filter });
      const out = path.resolve(values.out);
      try {
        await writeStatsFile(stats, values.format, language, out, { overwrite: values.force === true });
      } catch (error) {
        if (error instanceof AppError && error.code === 'CONFLICT') {
          io.err(`The file already exists: ${out} (use --force to replace it)`);
          return 1;
        }
        throw error;
      }
      io.out(
        `${out}: ${String(stats.total.partnerships)} partnerships of ${String(stats.total.municipalities)} municipalities, ` +
          `${String(stats.countries.length)} partner countries`,
      );
      return 0;
    } finally {
      await ctx.close();
    }
  },
};
