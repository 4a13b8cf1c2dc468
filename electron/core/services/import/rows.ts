import type { CsvRecord } from '../../../../shared/domain/import/csv';
import type { ColumnMap } from '../../../../shared/domain/import/formats';
import type { ImportIssue, ImportSeverity } from '../../../../shared/domain/import/report';
import type { Job } from '../../jobs';
import { IMPORT_LIMITS, type SourceTable } from './read-file';

/** Reads mapped fields of one record and collects its issues. */
export class RowReader {
  readonly issues: ImportIssue[] = [];
  constructor(
    readonly header: readonly string[],
    readonly columns: ColumnMap,
    readonly record: CsvRecord,
  ) {}

  get line(): number {
    return this.record.line;
  }

  /** The header of the column a field comes from ('' when unmapped). */
  column(field: string): string {
    const index = this.columns[field]?.[0];
    return index === undefined ? '' : (this.header[index] ?? '');
  }

  /** The first non-empty candidate cell of a field (trimmed), optionally one matching a shape. */
  text(field: string, shape?: RegExp): string {
    for (const index of this.columns[field] ?? []) {
      const cell = (this.record.cells[index] ?? '').trim();
      if (cell !== '' && (!shape || shape.test(cell))) return cell;
    }
    if (shape) {
      for (const index of this.columns[field] ?? []) {
        const cell = (this.record.cells[index] ?? '').trim();
        if (cell !== '') return cell;
      }
    }
    return '';
  }

  /**
   * A field's text within the length the shared rules allow it (the form's limit); a longer value
   * is reported with `severity` and not used (null is returned).
   */
  textWithin(field: string, max: number, severity: ImportSeverity): string | null {
    const value = this.text(field);
    if (value.length <= max) return value;
    this.report(severity, field, 'import.issue.tooLong', { max, length: value.length });
    return null;
  }

  has(field: string): boolean {
    return (this.columns[field]?.length ?? 0) > 0;
  }

  report(severity: ImportSeverity, field: string, reason: string, params: Record<string, string | number> = {}): void {
    this.issues.push({ line: this.line, column: field === '' ? '' : this.column(field), severity, reason, params });
  }

  get rejected(): boolean {
    return this.issues.some((issue) => issue.severity === 'error');
  }
}

/** Whether a record has the header's number of cells (trailing empty cells tolerated). */
export function checkWidth(reader: RowReader): boolean {
  const expected = reader.header.length;
  const cells = reader.record.cells;
  let actual = cells.length;
  while (actual > expected && (cells[actual - 1] ?? '').trim() === '') actual -= 1;
  if (actual === expected) return true;
  reader.report('error', '', 'import.issue.columnCount', { expected, actual });
  return false;
}

/**
 * The records of a table as readers, for the analysis of every importer: every 2,000 rows it
 * reports progress, gives the event loop a turn and honours a cancel; a record with the wrong
 * number of cells is reported in `plan` (as invalid) and not yielded.
 */
export async function* readRows(
  table: SourceTable,
  columns: ColumnMap,
  job: Job,
  plan: { issues: ImportIssue[]; counts: { invalid: number } },
): AsyncGenerator<RowReader> {
  const total = table.records.length;
  for (let index = 0; index < total; index += 1) {
    const record = table.records.at(index);
    if (!record) break;
    if (index % 2000 === 0) {
      await job.checkpoint('analyse', index, total);
    }
    const row = new RowReader(table.header, columns, record);
    const long = record.cells.findIndex((cell) => cell.length > IMPORT_LIMITS.cellChars);
    if (long >= 0) {
      // The column is named by its header; the value itself is not repeated in the report.
      row.issues.push({
        line: row.line,
        column: table.header[long] ?? '',
        severity: 'error',
        reason: 'import.issue.tooLong',
        params: { max: IMPORT_LIMITS.cellChars, length: record.cells[long]?.length ?? 0 },
      });
      plan.issues.push(...row.issues);
      plan.counts.invalid += 1;
      continue;
    }
    if (!checkWidth(row)) {
      plan.issues.push(...row.issues);
      plan.counts.invalid += 1;
      continue;
    }
    yield row;
  }
}
