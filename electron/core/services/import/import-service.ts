import { randomUUID } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../../shared/domain/errors';
import {
  applyMapping,
  detectFormat,
  IMPORT_KINDS,
  suggestMapping,
  type ColumnMap,
  type ColumnMapping,
  type FormatId,
  type ImportPolicy,
  type ImportKind,
} from '../../../../shared/domain/import/formats';
import {
  nothingWritten,
  UNPLACED_TOWNS_NAMED,
  type ImportReport,
  type ImportResult,
  type TownDecision,
} from '../../../../shared/domain/import/report';
import { townNameKey } from '../../../../shared/domain/text';
import { shownIssueParams } from '../../../../shared/domain/import/shown';
import type { Knex } from 'knex';
import { loadTownDecisions, saveTownDecisions } from '../../repositories/import-repository';
import { emptyCounts } from '../../../../shared/domain/import/report';
import type { AppContext } from '../../context';
import { UI_LANGUAGES, type UiLanguage } from '../../../../shared/domain/codes';
import { translate } from '../../../../shared/i18n/index';
import { sanitizeFileName, writeAtomically } from '../../files';
import { findImportRun, insertImportRun, listImportRuns } from '../../repositories/import-runs-repository';
import { writeCsv, writeXlsx, type Sheet } from '../export/spreadsheet-writers';
import { acquireImportLock } from '../../db/import-lock';
import { backupBeforeChange } from '../../db/backups';
import type { Job } from '../../jobs';
import { auditedChange } from '../audited-change';
import { lockTablesForWrite } from '../../db/dialect/catalog';
import { runsWithEntries, undoneRuns } from './import-undo';
import { pairsInBin } from '../bin-service';
import { planMunicipalities, writeMunicipalities, type MunicipalityPlan } from './municipalities-import';
import { planPartnerships, writePartnerships, type PartnershipPlan } from './partnerships-import';
import { readSourceFile, type SourceTable } from './read-file';
import { resolveUpload } from './uploads';
import { refreshPlannerStatistics } from '../../db/dialect/index';

/** Rows to add and to update shown per list in a report (counts are always complete). */
export const SAMPLE_LIMIT = 500;

export const IMPORT_EXTENSIONS = ['csv', 'tsv', 'txt', 'xlsx'] as const;

export type ImportPreview = {
  kind: ImportKind;
  table: SourceTable;
  columns: ColumnMap;
  format: FormatId;
  policy: ImportPolicy;
  /** The user's decisions about possible duplicate towns in this preview (kept at commit). */
  decisions: readonly TownDecision[];
  /** What the preview showed replaced in existing records (`replacedBy`), once it is made. */
  replaces?: ReadonlyMap<string, Replaced>;
};

/** A value an import replaces in an existing record, as stored when planned, and how to name it. */
type Replaced = {
  table: 'municipalities' | 'partnerships';
  id: number;
  before: Record<string, unknown>;
  label: string;
};

/** Remembered decisions, overlaid by this preview's. */
async function decisionsFor(db: Knex, preview: ImportPreview): Promise<Map<string, number | null>> {
  const decisions = await loadTownDecisions(db);
  for (const d of preview.decisions) decisions.set(`${d.countryCode}|${townNameKey(d.name)}`, d.sameAs);
  return decisions;
}

/** Keeps this preview's decisions with the registry (inside the import's transaction). */
const keepDecisions = (db: Knex, preview: ImportPreview, actor: string, at: string) =>
  saveTownDecisions(
    db,
    preview.decisions.map((d) => ({ countryCode: d.countryCode, nameKey: townNameKey(d.name), townId: d.sameAs })),
    actor,
    at,
  );

/** This session's import state lives on the context (files chosen, the one current preview). */
/** Said when the user stops an import or its preview. */
const CANCELLED = 'The import was cancelled; nothing was changed.';

const stateOf = (ctx: AppContext) => ({
  files: ctx.session.importFiles,
  previews: ctx.session.importPreviews,
});

const registerFile = (ctx: AppContext, filePath: string): { file: string; fileName: string } => {
  const handle = `file:${randomUUID()}`;
  stateOf(ctx).files.set(handle, { path: filePath, name: path.basename(filePath) });
  return { file: handle, fileName: path.basename(filePath) };
};

/** Asks for a file with the host's dialog (native in Electron); null when cancelled. */
export async function chooseImportFile(ctx: AppContext): Promise<{ file: string; fileName: string } | null> {
  const chosen = await ctx.dialogs.openFile({
    filters: [{ name: 'CSV, TSV, XLSX', extensions: [...IMPORT_EXTENSIONS] }],
  });
  return chosen === null ? null : registerFile(ctx, chosen);
}

/**
 * A file dropped on the Electron window: the shell's preload gives its path. Only an existing
 * regular file with a table extension is accepted.
 */
export function openDroppedFile(ctx: AppContext, filePath: string): { file: string; fileName: string } {
  if (!ctx.acceptsLocalPaths) {
    throw new AppError('FORBIDDEN', 'This host does not open file paths sent by the page; upload the file instead.');
  }
  const extension = path.extname(filePath).slice(1).toLowerCase();
  if (!path.isAbsolute(filePath) || !IMPORT_EXTENSIONS.some((e) => e === extension)) {
    throw new AppError('VALIDATION', 'Only CSV, TSV, TXT and XLSX files can be imported.', {
      reason: 'import.error.fileType',
      params: { file: path.basename(filePath) },
    });
  }
  if (!existsSync(filePath) || !statSync(filePath).isFile()) {
    throw new AppError('NOT_FOUND', `No file ${filePath}`, {
      reason: 'import.error.unreadable',
      params: { file: path.basename(filePath) },
    });
  }
  return registerFile(ctx, filePath);
}

async function resolveFile(ctx: AppContext, handle: string): Promise<{ path: string; name: string }> {
  const file = stateOf(ctx).files.get(handle) ?? (await resolveUpload(handle));
  if (!file)
    throw new AppError('NOT_FOUND', 'The file to import is no longer available; choose it again.', {
      reason: 'import.error.gone',
    });
  return file;
}

type Plan = MunicipalityPlan | PartnershipPlan;

/** What a plan replaces in existing records: record → the stored values it replaces. */
function replacedBy(plan: Plan): Map<string, Replaced> {
  const out = new Map<string, Replaced>();
  if ('regions' in plan) {
    for (const update of plan.updates)
      out.set(`m:${String(update.existing.id)}`, {
        table: 'municipalities',
        id: update.existing.id,
        before: { ...update.before },
        label: update.existing.name,
      });
  } else {
    for (const update of plan.updates)
      out.set(`p:${String(update.id)}`, {
        table: 'partnerships',
        id: update.id,
        before: { ...update.before },
        label: String(update.line),
      });
  }
  return out;
}

/**
 * The records a commit would write otherwise than the preview showed, because someone changed them
 * since (walkthrough 18: "overwrite" put 2006 over Petr's 2000, saved two seconds earlier, while
 * the preview had said 1995 → 2006): a value the commit replaces that the preview did not show
 * replaced, or showed as another value; and a record the preview showed updated that is gone
 * (deleted meanwhile: the commit would make it anew, and its binned original could not come back).
 * A field the colleague filled that the commit no longer touches is no reason. Their labels.
 */
async function changedSincePreview(db: Knex, preview: ImportPreview, plan: Plan): Promise<string[]> {
  const shown = preview.replaces;
  if (shown === undefined) return [];
  const now = replacedBy(plan);
  const changed = [...now].flatMap(([key, record]) => {
    const before = shown.get(key)?.before;
    const same =
      before !== undefined &&
      Object.entries(record.before).every(
        ([field, value]) => field in before && JSON.stringify(before[field]) === JSON.stringify(value),
      );
    return same ? [] : [record.label];
  });
  for (const table of ['municipalities', 'partnerships'] as const) {
    const ids = [...shown.values()].filter((r) => r.table === table && !now.has(`${table.charAt(0)}:${String(r.id)}`));
    if (ids.length === 0) continue;
    const present = new Set<number>();
    for (let start = 0; start < ids.length; start += 500)
      for (const row of await db(table)
        .whereIn(
          'id',
          ids.slice(start, start + 500).map((r) => r.id),
        )
        .select<{ id: number | string }[]>('id'))
        present.add(Number(row.id));
    for (const record of ids) if (!present.has(record.id)) changed.push(record.label);
  }
  return changed;
}

/** The refusal of a commit whose records changed since the preview (see `changedSincePreview`). */
const changedSinceError = (preview: ImportPreview, changed: readonly string[]): AppError =>
  new AppError(
    'CONFLICT',
    `Records this import would overwrite have changed since the preview (${changed.slice(0, 5).join(', ')}); nothing was imported. Preview the file again.`,
    {
      reason:
        preview.kind === 'municipalities'
          ? 'import.error.changedSinceMunicipalities'
          : 'import.error.changedSinceLines',
      params: { records: changed.slice(0, 5).join(', '), count: changed.length },
    },
  );

const planFor = async (ctx: AppContext, preview: ImportPreview, job: Job, db = ctx.db.knex): Promise<Plan> =>
  preview.kind === 'municipalities'
    ? planMunicipalities(db, preview.table, preview.columns, job, SAMPLE_LIMIT, preview.policy)
    : planPartnerships(
        db,
        preview.table,
        preview.columns,
        job,
        SAMPLE_LIMIT,
        preview.policy,
        await decisionsFor(db, preview),
      );

function toReport(previewId: string, preview: ImportPreview, plan: Plan): ImportReport {
  return {
    previewId,
    kind: preview.kind,
    fileName: preview.table.fileName,
    encoding: preview.table.encoding,
    delimiter: preview.table.delimiter,
    format: preview.format,
    header: preview.table.header,
    needsMapping: false,
    otherKind: null,
    mappingProblems: [],
    suggestedMapping: {},
    counts: plan.counts,
    added: plan.added,
    updated: plan.updated,
    unchanged: 'unchanged' in plan ? plan.unchanged : [],
    sampleLimit: SAMPLE_LIMIT,
    issues: [...plan.issues].sort((a, b) => a.line - b.line),
    possibleDuplicates: 'possibleDuplicates' in plan ? plan.possibleDuplicates : [],
    inBin: [],
  };
}

/**
 * Reads a file and compares it with the registry without writing anything. A file of an unknown
 * format (and no mapping) gives a report with `needsMapping` and the file's columns.
 */
export async function previewImport(
  ctx: AppContext,
  input: {
    kind: ImportKind;
    file: string;
    mapping?: ColumnMapping | undefined;
    policy?: ImportPolicy;
    townDecisions?: readonly TownDecision[] | undefined;
  },
): Promise<ImportReport> {
  const file = await resolveFile(ctx, input.file);
  const table = await readSourceFile(file.path, file.name);
  const previewId = randomUUID();
  const detected = input.mapping ? null : detectFormat(input.kind, table.header);
  let columns: ColumnMap;
  let format: FormatId;
  if (detected) {
    columns = detected.columns;
    format = detected.format;
  } else {
    const applied = applyMapping(input.kind, table.header, input.mapping ?? {});
    if (applied.problems.length > 0) {
      return {
        previewId,
        kind: input.kind,
        fileName: table.fileName,
        encoding: table.encoding,
        delimiter: table.delimiter,
        format: null,
        header: table.header,
        needsMapping: true,
        // A file of the other kind is recognised, so the user can switch instead of mapping.
        otherKind:
          IMPORT_KINDS.find((other) => other !== input.kind && detectFormat(other, table.header) !== null) ?? null,
        mappingProblems: applied.problems,
        suggestedMapping: suggestMapping(input.kind, table.header, (field) =>
          UI_LANGUAGES.map((language) => translate(language, `import.field.${field}`)),
        ),
        counts: { ...emptyCounts(), rows: table.records.length },
        added: [],
        updated: [],
        unchanged: [],
        sampleLimit: SAMPLE_LIMIT,
        issues: [],
        possibleDuplicates: [],
        inBin: [],
      };
    }
    columns = applied.columns;
    format = 'mapped';
  }
  const preview: ImportPreview = {
    kind: input.kind,
    table,
    columns,
    format,
    policy: input.policy ?? 'fillEmpty',
    decisions: input.townDecisions ?? [],
  };
  const state = stateOf(ctx);
  return ctx.jobs.run({ jobId: previewId, kind: 'import', cancelledMessage: CANCELLED }, async (job) => {
    const plan = await planFor(ctx, preview, job);
    preview.replaces = replacedBy(plan);
    state.previews.clear(); // one preview at a time: the memory of an old file is released
    state.previews.set(previewId, preview);
    // The import adds them as new ones all the same; the preview says they are in the bin.
    const inBin = 'newPairs' in plan ? await pairsInBin(ctx.db.knex, plan.newPairs) : [];
    return { ...toReport(previewId, preview, plan), inBin };
  });
}

/** The history entry of an import. */
const runOf = (
  preview: ImportPreview,
  report: ImportReport,
  actor: string,
  changed: boolean,
  backup: string | null,
  /** The time stamp of the import's transaction: its records' audit entries carry it too (undo finds them by it). */
  at: string = new Date().toISOString(),
) => ({
  kind: preview.kind,
  fileName: preview.table.fileName,
  checksum: preview.table.checksum,
  format: preview.format,
  policy: preview.policy,
  actor,
  at,
  changed,
  backup,
  counts: report.counts,
  issues: report.issues,
});

/**
 * Past imports, newest first, each with whether it was undone (when, by whom) and whether it can
 * be: it changed the registry, is not undone, and the audit log names its records.
 */
export async function importHistory(ctx: AppContext) {
  const db = ctx.db.knex;
  const runs = await listImportRuns(db);
  const undone = await undoneRuns(db);
  const named = await runsWithEntries(
    db,
    runs.filter((run) => run.changed).map((run) => run.at),
  );
  return {
    runs: runs.map((run) => {
      const undo = undone.get(run.id) ?? null;
      return {
        ...run,
        undoneAt: undo?.at ?? null,
        undoneBy: undo?.actor ?? null,
        undoneKept: undo?.partial === true ? undo.kept : null,
        undoable: run.changed && undo === null && named.has(run.at),
      };
    }),
  };
}

/**
 * Writes the messages of a past import to a file the user chooses (CSV for Excel or XLSX), with
 * the same columns as the preview: line, column, severity and the message in the user's language.
 */
export async function exportImportRun(
  ctx: AppContext,
  input: { id: number; format: 'csv' | 'xlsx'; language: UiLanguage },
): Promise<{ filePath: string }> {
  const run = await findImportRun(ctx.db.knex, input.id);
  if (!run) throw new AppError('NOT_FOUND', `No import ${String(input.id)} in the history.`);
  const t = (key: string, params?: Record<string, string | number>) => translate(input.language, key, params);
  const sheet: Sheet = {
    name: t('import.history.sheet'),
    columns: [
      { header: t('import.col.line'), kind: 'number' },
      { header: t('import.col.column'), kind: 'text' },
      { header: t('import.col.severity'), kind: 'text' },
      { header: t('import.col.reason'), kind: 'text' },
    ],
    rows: run.issues.map((issue) => [
      issue.line,
      issue.column,
      t(`import.severity.${issue.severity}`),
      t(issue.reason, shownIssueParams(issue.params, input.language)),
    ]),
  };
  const stem = run.fileName.replace(/\.[^.]+$/, '');
  const filePath = await ctx.dialogs.saveFile({
    defaultName: sanitizeFileName(`${t('import.history.fileName')} ${stem} ${run.at.slice(0, 10)}.${input.format}`),
    filters: [input.format === 'csv' ? { name: 'CSV', extensions: ['csv'] } : { name: 'Excel', extensions: ['xlsx'] }],
  });
  if (filePath === null) throw new AppError('CANCELLED', 'The export was cancelled.');
  await writeAtomically(filePath, (temporary) =>
    input.format === 'csv' ? writeCsv(temporary, sheet, input.language) : writeXlsx(temporary, sheet, input.language),
  );
  return { filePath };
}

/** The tables an import of this kind writes. */
const tablesOf = (kind: ImportPreview['kind']): string[] =>
  kind === 'municipalities' ? ['regions', 'districts', 'municipalities'] : ['foreign_towns', 'partnerships'];

const hasChanges = (plan: Plan): boolean => plan.counts.add + plan.counts.update > 0;

/**
 * The partner towns a written plan created with neither coordinates nor a gazetteer link: the
 * file names them alone, which does not prove which town each is, so the import links none by
 * rule and its result says so (walkthrough 27, finding 8). A plan's towns are only those new to
 * the registry; the names are the first in the file's order.
 */
function unplacedTowns(plan: Plan): ImportResult['unplacedTowns'] {
  if (!('towns' in plan)) return { count: 0, names: [] };
  const unplaced = plan.towns.filter(
    (town) => town.geonamesId === null && (town.latitude === null || town.longitude === null),
  );
  return { count: unplaced.length, names: unplaced.slice(0, UNPLACED_TOWNS_NAMED).map((town) => town.name) };
}

/**
 * Imports every valid row of a previewed file in one transaction: all or nothing. The file is
 * compared again inside the transaction, so a repeated import changes nothing and says so.
 * A verified backup is made first whenever something is going to change.
 */
export async function commitImport(ctx: AppContext, input: { previewId: string }): Promise<ImportResult> {
  const state = stateOf(ctx);
  const preview = state.previews.get(input.previewId);
  if (!preview)
    throw new AppError('NOT_FOUND', 'This preview is no longer available; preview the file again.', {
      reason: 'import.error.gone',
    });
  if (ctx.jobs.running('import') > 0)
    throw new AppError('CONFLICT', 'Another import is running.', { reason: 'import.error.busy' });
  const release = await acquireImportLock(ctx.db, { actor: await ctx.actor() });
  try {
    const result = await ctx.jobs.run(
      { jobId: input.previewId, kind: 'import', cancelledMessage: CANCELLED },
      async (job) => {
        const check = await planFor(ctx, preview, job);
        // Refused before a backup is made: each retry would push an older backup out.
        const changedNow = await changedSincePreview(ctx.db.knex, preview, check);
        if (changedNow.length > 0) throw changedSinceError(preview, changedNow);
        if (!hasChanges(check)) {
          const report = toReport(input.previewId, preview, check);
          // Nothing changes in the registry: the run is recorded, no screen needs to refresh.
          await auditedChange(ctx, async ({ trx, actor, at }) => {
            await keepDecisions(trx, preview, actor, at);
            await insertImportRun(trx, runOf(preview, report, actor, false, null, at));
          });
          return nothingWritten(report);
        }
        job.throwIfCancelled();
        job.progress('backup', 0, 1);
        const backup = await backupBeforeChange(ctx.db.knex, ctx.db.filePath, 'import');
        job.throwIfCancelled();
        const { plan, importRunId } = await auditedChange(ctx, async ({ trx, actor, at: now, touch }) => {
          // On a server, nobody's edit of these tables slips in between the plan and its writes
          // (it waits; a registry file is locked whole for the transaction anyway).
          await lockTablesForWrite(trx, tablesOf(preview.kind));
          const inside = await planFor(ctx, preview, job, trx);
          // Nothing a colleague saved since the preview is replaced without the user seeing it.
          // The binding check, inside the transaction (the one before the backup may be overtaken).
          const changed = await changedSincePreview(trx, preview, inside);
          if (changed.length > 0) throw changedSinceError(preview, changed);
          // The history entry is written with the data (an import is in it exactly when it happened)
          // and first, so every record the import creates names its run.
          const importRunId = await insertImportRun(
            trx,
            runOf(preview, toReport(input.previewId, preview, inside), actor, true, backup?.name ?? null, now),
          );
          const provenance = { source: `import: ${preview.table.fileName}`.slice(0, 100), importRunId };
          await keepDecisions(trx, preview, actor, now);
          if (preview.kind === 'municipalities')
            await writeMunicipalities(trx, inside as MunicipalityPlan, job, actor, now, provenance);
          else await writePartnerships(trx, inside as PartnershipPlan, job, actor, now, provenance);
          job.throwIfCancelled();
          touch({ tables: tablesOf(preview.kind) });
          return { plan: inside, importRunId };
        });
        return {
          report: toReport(input.previewId, preview, plan),
          changed: hasChanges(plan),
          backup: backup?.name ?? null,
          importRunId,
          backupCreatedAt: backup?.createdAt ?? null,
          unplacedTowns: unplacedTowns(plan),
        };
      },
    );
    // Imported: the file's records are not kept for the rest of the session. A preview whose
    // commit failed or was stopped stays, so that the user can try again.
    state.previews.delete(input.previewId);
    // Thousands of new rows at once: the server's planner learns them now, not after autovacuum.
    if (result.changed) await refreshPlannerStatistics(ctx.db.knex, [...tablesOf(preview.kind), 'audit_log']);
    return result;
  } finally {
    await release();
  }
}
