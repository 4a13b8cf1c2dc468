import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { UiLanguage } from '../../../shared/domain/codes';
import { AppError } from '../../../shared/domain/errors';
import { IMPORT_KINDS, IMPORT_POLICIES, type ImportKind } from '../../../shared/domain/import/formats';
import { firstOf, groupImportIssues } from '../../../shared/domain/import/issue-groups';
import { nothingWritten, type ImportResult } from '../../../shared/domain/import/report';
import { shownIssueParams } from '../../../shared/domain/import/shown';
import { formatBackupMoment } from '../../../shared/i18n/backup-label';
import { translate, translatePlural } from '../../../shared/i18n/index';
import {
  importBackupSentence,
  importUndoBackupSentence,
  unplacedTownsSentence,
} from '../../../shared/i18n/import-result';
import { backupPath } from '../../core/db/backups';
import { writeFileAtomically } from '../../core/files';
import { callCore } from '../call-core';
import { UsageError, type CliIo, type Command } from '../command';
import { openForCli } from '../open-context';

const isKind = (value: unknown): value is ImportKind => IMPORT_KINDS.some((k) => k === value);

async function readMapping(file: string): Promise<Record<string, string>> {
  let value: unknown;
  try {
    value = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new UsageError(
      `--mapping ${file}: not a readable JSON file (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  if (
    value === null ||
    typeof value !== 'object' ||
    Array.isArray(value) ||
    !Object.values(value).every((v) => typeof v === 'string')
  ) {
    throw new UsageError('--mapping must be a JSON object: { "targetField": "Column header", … }');
  }
  return value as Record<string, string>;
}

/** How many line numbers each group of problems shows in the terminal. */
const SHOWN_LINES = 5;

/** Every problem, one per line (line, column, severity, message), for the report file. */
export function fullReportText(result: ImportResult, language: UiLanguage): string {
  const t = (key: string, params?: Record<string, string | number>) => translate(language, key, params);
  const lines = [`${t('import.file')}: ${result.report.fileName}`];
  for (const issue of result.report.issues) {
    const column = issue.column === '' ? '' : ` [${issue.column}]`;
    lines.push(
      `${String(issue.line)}${column} ${t(`import.severity.${issue.severity}`)}: ${t(issue.reason, shownIssueParams(issue.params, language))}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** Prints the import report: counts, then the problems grouped by kind with their first lines. */
export function printReport(
  result: ImportResult,
  language: UiLanguage,
  dryRun: boolean,
  io: CliIo,
  reportFile: string | null = null,
  /** The path of the backup the import made (null: none, or not known). */
  backupFile: string | null = null,
): void {
  const t = (key: string, params?: Record<string, string | number>) => translate(language, key, params);
  const { report } = result;
  io.out(`${t('import.file')}: ${report.fileName} (${report.encoding}, ${report.format ?? '?'})`);
  if (report.needsMapping) {
    if (report.otherKind !== null) io.err(t('import.otherKind', { kind: t(`import.kind.${report.otherKind}`) }));
    io.err(t('import.mapping.hint'));
    io.err(`  ${report.header.join(' | ')}`);
    for (const problem of report.mappingProblems)
      io.err(`  ${t(`import.field.${problem.field}`)}: ${t(problem.reason)}`);
    // What the screen asks with its selects, the command line takes as a file (walkthrough 20).
    io.err(t('import.cli.mappingFile', { fields: report.mappingProblems.map((p) => p.field).join(', ') }));
    // The columns the screen would propose, as a file's content to check and save.
    if (Object.keys(report.suggestedMapping).length > 0)
      io.err(`${t('import.cli.mappingSuggested')}\n${JSON.stringify(report.suggestedMapping, null, 2)}`);
    return;
  }
  const c = report.counts;
  const rows: [string, number][] = [
    ['import.count.rows', c.rows],
    ['import.count.add', c.add],
    ['import.count.update', c.update],
    ['import.count.unchanged', c.unchanged],
    ['import.count.invalid', c.invalid],
    ['import.count.warnings', c.warnings],
    ['import.count.merged', c.merged],
    ['import.count.resolved', c.resolved],
    ['import.count.kept', c.kept],
  ];
  for (const [key, n] of rows) io.out(`  ${t(key).padEnd(40)} ${String(n)}`);
  for (const row of report.updated) {
    io.out(
      `  ~ ${String(row.line)}: ${row.label}: ${row.changes.map((ch) => `${t(`import.field.${ch.field}`)} ${ch.from === null ? '–' : String(ch.from)} → ${String(ch.to)}`).join(', ')}`,
    );
  }
  // Problems of the same kind are grouped ("80× year 0 …"), errors first, each with its first lines
  // (the grouping the import preview shows too); the whole list goes to a file, so a file with
  // 200,000 bad rows does not flood the terminal.
  for (const group of groupImportIssues(report.issues)) {
    const first = group.issues[0];
    if (!first) continue;
    const { shown, more: left } = firstOf(group.issues, SHOWN_LINES);
    const lines = shown.map((issue) => String(issue.line));
    const more = left > 0 ? ', …' : '';
    const column = first.column === '' ? '' : ` [${first.column}]`;
    io.out(
      `  ${String(group.issues.length)}×${column} ${t(`import.severity.${first.severity}`)}: ${group.issues.length > 1 ? `${t('import.cli.example')} ` : ''}${t(first.reason, shownIssueParams(first.params, language))} (${t(lines.length === 1 ? 'import.cli.line' : 'import.cli.lines')} ${lines.join(', ')}${more})`,
    );
  }
  if (reportFile) io.out(t('import.cli.reportWritten', { file: reportFile }));
  if (dryRun) return;
  // The rows not imported are counted on the last lines (walkthrough 27: "Přidáno: 964 …" said
  // nothing of the invalid row listed above).
  const invalidLine = () => {
    if (c.invalid > 0)
      io.out(
        `${translatePlural(language, 'import.doneInvalid', c.invalid)} ${translatePlural(language, 'import.cli.invalidAbove', c.invalid)}`,
      );
  };
  if (!result.changed && c.rows > 0 && c.invalid === c.rows)
    // Every row refused is no "nothing new" (walkthrough 20): said, and the exit code is 1.
    io.err(t('import.cli.allInvalid', { invalid: c.invalid }));
  else if (!result.changed) {
    io.out(t('import.nothingChanged'));
    invalidLine();
  } else {
    io.out(t('import.done', { add: c.add, update: c.update, unchanged: c.unchanged }));
    invalidLine();
    // The values left out are counted on the last line too, as the import dialog does (walkthrough
    // 25: "Přidáno: 964" alone read as if nothing was lost; 90 values were, listed above).
    const leftOut = report.issues.filter((issue) => issue.severity === 'warning').length;
    if (leftOut > 0)
      io.out(`${translatePlural(language, 'import.doneLeftOut', leftOut)} ${t('import.cli.leftOutAbove')}`);
  }
  // The backup in the words of Settings ▸ Backups (its time and kind), then its file, which a
  // command line user may need (walkthrough 27, finding 5).
  const backup = importBackupSentence(result, language, (iso) => formatBackupMoment(iso, language));
  if (backup !== null)
    io.out(backupFile === null ? backup : `${backup} ${t('import.cli.backupFile', { path: backupFile })}`);
  // Last: the partner towns the import created and could place nowhere, and where to complete
  // them (walkthrough 27, finding 8).
  const unplaced = unplacedTownsSentence(result.unplacedTowns, language);
  if (unplaced !== null) io.out(unplaced);
}

/** What an undo's refusal carries (import:undo's CONFLICT): the records in the way and the untouched rest. */
type RefusalDetails = {
  changes: { record: string; name: string | null; at: string | null }[];
  stopped: number;
  untouched: { remove: number; restore: number; kept: number };
};

const count = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) ? value : 0);

/** Reads a refusal's details defensively: an older core or another reason may lack any of them. */
function refusalDetails(error: AppError): RefusalDetails {
  const details = error.details ?? {};
  const changes = Array.isArray(details.changes)
    ? details.changes.flatMap((c: unknown) => {
        if (c === null || typeof c !== 'object') return [];
        const { record, name, at } = c as Record<string, unknown>;
        if (typeof record !== 'string') return [];
        return [{ record, name: typeof name === 'string' ? name : null, at: typeof at === 'string' ? at : null }];
      })
    : [];
  const untouched = (details.untouched ?? {}) as Record<string, unknown>;
  const params = (details.params ?? {}) as Record<string, unknown>;
  return {
    changes,
    stopped: Math.max(count(params.count), changes.length),
    untouched: { remove: count(untouched.remove), restore: count(untouched.restore), kept: count(untouched.kept) },
  };
}

/** The records in the way, one a line with who changed them last and when, then how many more. */
function printChanges(
  details: RefusalDetails | null,
  line: (text: string) => void,
  t: (key: string, params?: Record<string, string | number>) => string,
): void {
  if (details === null) return;
  for (const change of details.changes)
    line(
      `  ${
        change.name === null
          ? t('import.undo.changeUnknown', { record: change.record })
          : t('import.undo.changeBy', { record: change.record, name: change.name, at: change.at ?? '' })
      }`,
    );
  const more = details.stopped - details.changes.length;
  if (more > 0) line(`  ${t('import.cli.undoKeptMore', { more })}`);
}

/** `import history` lists the past imports; `import undo ID` undoes one as a whole (the Settings screen's door). */
async function pastImports(
  action: 'history' | 'undo',
  id: string | undefined,
  extra: readonly string[],
  values: Record<string, string | boolean | undefined>,
  io: CliIo,
): Promise<number> {
  const language = values.lang ?? 'cs';
  if (language !== 'cs' && language !== 'en') throw new UsageError('--lang is cs or en');
  const t = (key: string, params?: Record<string, string | number>) => translate(language, key, params);
  const runId = Number(id);
  if (action === 'undo' && (!Number.isInteger(runId) || runId <= 0 || extra.length > 0))
    throw new UsageError('Give the number of the import to undo (twinreg import history lists them)');
  if (action === 'history' && id !== undefined) throw new UsageError('import history takes no argument');
  if (action === 'history' && values.untouched === true) throw new UsageError('--untouched goes with import undo ID');
  const ctx = await openForCli(typeof values.db === 'string' ? values.db : undefined, {
    mustExist: true,
    actor: values.actor,
  });
  try {
    if (action === 'history') {
      const { runs } = await callCore(ctx, 'import:history', {});
      if (values.json === true) io.out(JSON.stringify(runs, null, 2));
      else
        for (const run of runs)
          io.out(
            `${String(run.id).padStart(5)}  ${run.at}  ${run.fileName}  ${t('import.history.result', {
              add: run.counts.add,
              update: run.counts.update,
              unchanged: run.counts.unchanged,
              invalid: run.counts.invalid,
            })}${run.undoneAt === null ? '' : `  (${t(run.undoneKept ? 'import.history.undonePartly' : 'import.history.undone', { date: run.undoneAt, who: run.undoneBy ?? '', kept: run.undoneKept ?? 0 })})`}`,
          );
      return 0;
    }
    const untouched = values.untouched === true;
    // What a refusal names: the records in the way (who changed them last, when) and the untouched rest.
    let inTheWay: RefusalDetails | null = null;
    try {
      const run = (await callCore(ctx, 'import:history', {})).runs.find((r) => r.id === runId);
      if (untouched) {
        // Asked first (changes nothing) so that the records a partial undo keeps can be named after it.
        try {
          await callCore(ctx, 'import:undoCheck', { id: runId });
        } catch (error) {
          if (!(error instanceof AppError) || error.code !== 'CONFLICT' || !Array.isArray(error.details?.changes))
            throw error;
          inTheWay = refusalDetails(error);
        }
      }
      const done = await callCore(ctx, 'import:undo', { id: runId, ...(untouched ? { untouchedOnly: true } : {}) });
      const counts = {
        file: run?.fileName ?? `#${String(runId)}`,
        municipalities: done.removed.municipalities,
        partnerships: done.removed.partnerships,
        towns: done.removed.towns,
        restored: done.restored,
      };
      io.out(
        done.kept > 0 ? t('import.undo.donePartly', { ...counts, kept: done.kept }) : t('import.undo.done', counts),
      );
      if (done.kept > 0) {
        io.out(t('import.cli.undoKeptTitle', { kept: done.kept }));
        printChanges(inTheWay, (text) => io.out(text), t);
      }
      // The backup by time and kind as Settings ▸ Backups lists it, then its file for the command line.
      const backup = importUndoBackupSentence(done, run?.fileName ?? null, language, (iso) =>
        formatBackupMoment(iso, language),
      );
      if (backup !== null)
        io.out(
          done.backup === null
            ? backup
            : `${backup} ${t('import.cli.backupFile', { path: backupPath(ctx.db.filePath, done.backup) })}`,
        );
      return 0;
    } catch (error) {
      const reason = error instanceof AppError ? error.details?.reason : undefined;
      if (error instanceof AppError && typeof reason === 'string') {
        io.err(t(reason, (error.details?.params ?? {}) as Record<string, string | number>));
        const details = refusalDetails(error);
        if (details.changes.length > 0) {
          io.err(t('import.undo.changesTitle'));
          printChanges(details, (text) => io.err(text), t);
        }
        // The screen offers the partial undo as a button; the command line names its option.
        const rest = details.untouched.remove + details.untouched.restore;
        if (!untouched && rest > 0) io.err(t('import.cli.undoUntouchedHint', { count: rest, id: runId }));
        return 1;
      }
      throw error;
    }
  } finally {
    await ctx.close();
  }
}

export const importCommand: Command = {
  name: 'import',
  summary: 'Import municipalities or partnerships from CSV/TSV/XLSX (one transaction; report of every problem)',
  usage:
    'twinreg import municipalities|partnerships FILE --db FILE [--dry-run] [--mapping FILE.json] [--lang cs|en] [--json] [--report FILE.txt [--force]] [--policy fillEmpty|addOnly|overwrite] [--actor NAME]\n' +
    '       twinreg import history --db FILE [--lang cs|en] [--json]   (past imports, with the number an undo takes)\n' +
    '       twinreg import undo ID --db FILE [--untouched] [--lang cs|en] [--actor NAME]   (undo import ID as a whole, after a backup;\n' +
    '         --untouched: only the records nobody changed since, the others stay and are named)\n' +
    '--actor NAME: who the import history and the audit log name; without it, the operating system user\n' +
    'running the command (never the app user name kept in the registry’s preferences file).',
  options: {
    db: { type: 'string' },
    'dry-run': { type: 'boolean' },
    mapping: { type: 'string' },
    lang: { type: 'string' },
    json: { type: 'boolean' },
    report: { type: 'string' },
    policy: { type: 'string' },
    force: { type: 'boolean' },
    actor: { type: 'string' },
    untouched: { type: 'boolean' },
  },
  run: async ({ values, positionals }, io) => {
    const [kind, file, ...extra] = positionals;
    if (kind === 'history' || kind === 'undo') return pastImports(kind, file, extra, values, io);
    if (!isKind(kind)) throw new UsageError('The first argument is municipalities, partnerships, history or undo');
    if (file === undefined || extra.length > 0) throw new UsageError('Give exactly one FILE to import');
    const language = values.lang ?? 'cs';
    if (language !== 'cs' && language !== 'en') throw new UsageError('--lang is cs or en');
    const mapping = typeof values.mapping === 'string' ? await readMapping(values.mapping) : undefined;
    const dryRun = values['dry-run'] === true;
    const policy = values.policy ?? 'fillEmpty';
    const knownPolicy = IMPORT_POLICIES.find((p) => p === policy);
    if (!knownPolicy) throw new UsageError(`--policy is one of ${IMPORT_POLICIES.join(', ')}`);
    // The report file is refused before anything is imported: no command overwrites a file without --force.
    const reportFile = typeof values.report === 'string' && values.report !== '' ? path.resolve(values.report) : null;
    if (reportFile !== null && values.force !== true && existsSync(reportFile)) {
      io.err(`The file already exists: ${reportFile} (use --force to replace it)`);
      return 1;
    }
    const ctx = await openForCli(values.db, { mustExist: false, acceptsLocalPaths: true, actor: values.actor });
    try {
      let result: ImportResult;
      try {
        // The same door as the app: the file by its path, the preview, then the commit.
        const opened = await callCore(ctx, 'import:openDropped', { path: path.resolve(file) });
        const report = await callCore(ctx, 'import:preview', {
          kind,
          file: opened.file,
          policy: knownPolicy,
          ...(mapping ? { mapping } : {}),
        });
        result =
          dryRun || report.needsMapping
            ? nothingWritten(report)
            : await callCore(ctx, 'import:commit', { previewId: report.previewId });
      } catch (error) {
        // A bad file is the user's everyday case: say what is wrong in their language.
        const reason = error instanceof AppError ? error.details?.reason : undefined;
        if (error instanceof AppError && typeof reason === 'string') {
          const params = (error.details?.params ?? {}) as Record<string, string | number>;
          io.err(`${translate(language, 'import.title')}: ${translate(language, reason, params)}`);
          return 1;
        }
        throw error;
      }
      if (reportFile !== null) await writeFileAtomically(reportFile, fullReportText(result, language));
      if (values.json) io.out(JSON.stringify(result, null, 2));
      else {
        // A registry on a server makes no backup (its server does): no file to name then.
        const backupFile = result.backup === null ? null : backupPath(ctx.db.filePath, result.backup);
        printReport(result, language, dryRun, io, reportFile, backupFile);
      }
      const { counts } = result.report;
      const allInvalid = counts.rows > 0 && counts.invalid === counts.rows;
      return result.report.needsMapping || allInvalid ? 1 : 0;
    } finally {
      await ctx.close();
    }
  },
};
