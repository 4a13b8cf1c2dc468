import type { FigureResult, Measured } from './types';

export type ScaleResult = {
  scale: string;
  size: { municipalities: number; partnerships: number; activities: number };
  seconds: number;
  figures: FigureResult[];
  /** The engine measured (SQLite when absent). */
  engine?: 'sqlite' | 'postgres';
};

/** The scale as the tables name it: "M", or "M PG" for the run on PostgreSQL. */
const scaleLabel = (result: ScaleResult): string =>
  result.engine === 'postgres' ? `${result.scale} PG` : result.scale;

const number = (value: number, digits: number) =>
  value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** A value with its unit, with as many digits as make sense for its size. */
export function format(value: number, unit: string): string {
  if (!Number.isFinite(value)) return '—';
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  return `${number(value, digits)} ${unit}`;
}

const cell = (m: Measured | undefined, key: 'median' | 'min' | 'max') => (m ? format(m[key], m.unit) : '');

function notes(figure: FigureResult): string {
  const parts: string[] = [];
  if (figure.extra) {
    for (const [key, value] of Object.entries(figure.extra)) {
      parts.push(
        typeof value === 'number'
          ? key === 'MB'
            ? `${number(value, 2)} MB`
            : `${number(value, 0)} ${key}`
          : `${key} ${value}`,
      );
    }
  }
  if (figure.note) parts.push(figure.note);
  return parts.join('; ');
}

/** One table for all scales: figure, scale, median (min–max), baseline, ratio, target, verdict. */
export function renderTable(results: readonly ScaleResult[]): string {
  const header = [
    'Figure',
    'Scale',
    'Median',
    'Min',
    'Max',
    'Baseline (median)',
    'Ratio',
    'Target',
    'Verdict',
    'Notes',
  ];
  const rows: string[][] = [];
  for (const result of results) {
    for (const figure of result.figures) {
      const value = figure.status === 'ok' ? cell(figure.value, 'median') : figure.status === 'n/a' ? 'n/a' : 'ERROR';
      rows.push([
        figure.title,
        scaleLabel(result),
        value,
        figure.status === 'ok' ? cell(figure.value, 'min') : '',
        figure.status === 'ok' ? cell(figure.value, 'max') : '',
        figure.baseline ? `${cell(figure.baseline, 'median')} (${figure.baseline.label})` : '',
        figure.ratio === undefined ? '' : `${number(figure.ratio, 2)}×`,
        figure.target?.text ?? '',
        figure.target ? (figure.target.pass ? 'PASS' : 'MISS') : '',
        notes(figure),
      ]);
    }
  }
  const widths = header.map((title, index) => Math.max(title.length, ...rows.map((row) => (row[index] ?? '').length)));
  const line = (row: readonly string[]) =>
    row
      .map((text, index) => text.padEnd(widths[index] ?? 0))
      .join(' | ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('-|-'), ...rows.map(line)].join('\n');
}

/** The lines that say which targets were missed (or that none were). */
export function renderVerdicts(results: readonly ScaleResult[]): string {
  const missed = results.flatMap((result) =>
    result.figures
      .filter((figure) => figure.target && !figure.target.pass)
      .map(
        (figure) =>
          `  MISSED at ${scaleLabel(result)}: ${figure.title}: ${cell(figure.value, 'median')}${figure.ratio === undefined ? '' : ` (${number(figure.ratio, 2)}× baseline)`}, target ${figure.target?.text ?? ''}`,
      ),
  );
  const unavailable = results.flatMap((result) =>
    result.figures
      .filter((figure) => figure.status !== 'ok')
      .map(
        (figure) =>
          `  ${figure.status === 'n/a' ? 'n/a' : 'ERROR'} at ${scaleLabel(result)}: ${figure.title}: ${figure.note ?? ''}`,
      ),
  );
  const checked = results.flatMap((result) => result.figures.filter((figure) => figure.target)).length;
  const lines = [
    missed.length === 0
      ? `Targets: all ${checked} checked targets met.`
      : `Targets missed (${missed.length} of ${checked}):`,
    ...missed,
  ];
  if (unavailable.length > 0) lines.push('Not measured:', ...unavailable);
  return lines.join('\n');
}

/** The same table as Markdown (for docs/performance.md). */
export function renderMarkdown(results: readonly ScaleResult[]): string {
  const lines = [
    '| Figure | Scale | Median (min–max) | Baseline, median | Ratio | Target | Verdict |',
    '|---|---|---|---|---|---|---|',
  ];
  for (const result of results) {
    for (const figure of result.figures) {
      const value =
        figure.status === 'ok' && figure.value
          ? `${format(figure.value.median, figure.value.unit)} (${format(figure.value.min, figure.value.unit)} – ${format(figure.value.max, figure.value.unit)})`
          : `${figure.status === 'n/a' ? 'n/a' : 'error'}: ${figure.note ?? ''}`;
      const extra = figure.extra?.MB === undefined ? '' : `, ${number(Number(figure.extra.MB), 2)} MB`;
      lines.push(
        `| ${figure.title} | ${scaleLabel(result)} | ${value}${extra} | ${figure.baseline ? `${format(figure.baseline.median, figure.baseline.unit)} (${figure.baseline.label})` : ''} | ${figure.ratio === undefined ? '' : `${number(figure.ratio, 2)}×`} | ${figure.target?.text ?? ''} | ${figure.target ? (figure.target.pass ? 'pass' : '**MISS**') : ''} |`,
      );
    }
  }
  return lines.join('\n');
}
