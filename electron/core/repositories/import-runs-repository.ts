import type { Knex } from 'knex';
import type { ImportCounts, ImportIssue } from '../../../shared/domain/import/report';
import {
  IMPORT_KINDS,
  IMPORT_POLICIES,
  type ImportKind,
  type ImportPolicy,
} from '../../../shared/domain/import/formats';

/** A stored code checked against its list (a value no version wrote is an error, not a guess). */
function known<T extends string>(list: readonly T[], value: string, what: string): T {
  const found = list.find((item) => item === value);
  if (found === undefined) throw new Error(`Unknown ${what} in the import history: ${value.slice(0, 40)}`);
  return found;
}

/** The most messages one run keeps (a file of 200,000 bad rows keeps the first of them and the total). */
export const KEPT_ISSUES = 10_000;

export type ImportRun = {
  id: number;
  kind: ImportKind;
  fileName: string;
  checksum: string;
  format: string | null;
  policy: ImportPolicy;
  actor: string;
  at: string;
  changed: boolean;
  backup: string | null;
  counts: ImportCounts;
  issuesTotal: number;
};

type Row = {
  id: number;
  kind: string;
  file_name: string;
  checksum: string;
  format: string | null;
  policy: string;
  actor: string;
  at: string;
  changed: number | boolean;
  backup: string | null;
  counts: string;
  issues_total: number;
};

const COLUMNS = [
  'id',
  'kind',
  'file_name',
  'checksum',
  'format',
  'policy',
  'actor',
  'at',
  'changed',
  'backup',
  'counts',
  'issues_total',
];

const toRun = (row: Row): ImportRun => ({
  id: row.id,
  kind: known(IMPORT_KINDS, row.kind, 'kind'),
  fileName: row.file_name,
  checksum: row.checksum,
  format: row.format,
  policy: known(IMPORT_POLICIES, row.policy, 'policy'),
  actor: row.actor,
  at: row.at,
  changed: Boolean(row.changed),
  backup: row.backup,
  counts: JSON.parse(row.counts) as ImportCounts,
  issuesTotal: row.issues_total,
});

/** Records one import (call it inside the import's transaction when it changed the registry). */
export async function insertImportRun(
  db: Knex,
  run: Omit<ImportRun, 'id' | 'issuesTotal'> & { issues: readonly ImportIssue[] },
): Promise<number> {
  const [row] = await db('import_runs')
    .insert({
      kind: run.kind,
      file_name: run.fileName.slice(0, 300),
      checksum: run.checksum,
      format: run.format,
      policy: run.policy,
      actor: run.actor.slice(0, 200),
      at: run.at,
      changed: run.changed,
      backup: run.backup,
      counts: JSON.stringify(run.counts),
      issues: JSON.stringify(run.issues.slice(0, KEPT_ISSUES)),
      issues_total: run.issues.length,
    })
    .returning<{ id: number }[]>('id');
  if (!row) throw new Error('Insert of an import run returned no id');
  return row.id;
}

/** Every import, newest first (without the messages). */
export async function listImportRuns(db: Knex): Promise<ImportRun[]> {
  const rows = await db('import_runs').orderBy('id', 'desc').select<Row[]>(COLUMNS);
  return rows.map(toRun);
}

/** One import with its kept messages. */
export async function findImportRun(
  db: Knex,
  id: number,
): Promise<(ImportRun & { issues: ImportIssue[] }) | undefined> {
  const row = await db('import_runs')
    .where({ id })
    .first<(Row & { issues: string }) | undefined>([...COLUMNS, 'issues']);
  return row ? { ...toRun(row), issues: JSON.parse(row.issues) as ImportIssue[] } : undefined;
}
