import { IMPORT_SEVERITIES, type ImportIssue, type ImportSeverity } from './report';

/**
 * Problems of one kind: the same severity, the same column and the same reason (i18n key); the
 * parameters (the values) differ. A real file repeats a kind hundreds of times (244× "town not in
 * the gazetteer"), so the screen and the command line show a kind once, with its count and lines.
 */
export type ImportIssueGroup = {
  severity: ImportSeverity;
  /** The column's header as the file writes it ('' for a whole-row problem). */
  column: string;
  reason: string;
  /** Every problem of the kind, in the report's order (by line); never empty. */
  issues: ImportIssue[];
};

const rank = (severity: ImportSeverity): number => IMPORT_SEVERITIES.indexOf(severity);

/**
 * The import report's problems grouped by kind, errors first, then warnings, then information
 * (an error is what keeps a row out: it must not drown among notes). Within a severity, kinds
 * come in the order they first occur in the file. Every problem is in exactly one group.
 * The one grouping of the app: the import preview and `twinreg import` both use it.
 */
export function groupImportIssues(issues: readonly ImportIssue[]): ImportIssueGroup[] {
  const groups = new Map<string, ImportIssueGroup>();
  for (const issue of issues) {
    const key = `${issue.severity}\u0000${issue.column}\u0000${issue.reason}`;
    const group = groups.get(key);
    if (group) group.issues.push(issue);
    else groups.set(key, { severity: issue.severity, column: issue.column, reason: issue.reason, issues: [issue] });
  }
  // Array.prototype.sort is stable: the first-occurrence order stays within a severity.
  return [...groups.values()].sort((a, b) => rank(a.severity) - rank(b.severity));
}

/** How many problems there are of each severity (for "1 error · 92 warnings · 287 notes"). */
export function countIssuesBySeverity(issues: readonly ImportIssue[]): Record<ImportSeverity, number> {
  const counts: Record<ImportSeverity, number> = { error: 0, warning: 0, info: 0 };
  for (const issue of issues) counts[issue.severity] += 1;
  return counts;
}

/** The first `limit` items and how many are left out: a group's lines "2, 3, 8, … and 232 more". */
export function firstOf<T>(items: readonly T[], limit: number): { shown: T[]; more: number } {
  const shown = items.slice(0, Math.max(0, limit));
  return { shown, more: items.length - shown.length };
}
