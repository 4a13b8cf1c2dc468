import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  FIELDS,
  IMPORT_POLICIES,
  REQUIRED_FIELDS,
  type ImportKind,
  type ImportPolicy,
} from '../../../shared/domain/import/formats';
import { countIssuesBySeverity, firstOf, groupImportIssues } from '../../../shared/domain/import/issue-groups';
import {
  IMPORT_SEVERITIES,
  type ImportIssue,
  type ImportReport,
  type ImportResult,
  type ImportRow,
  type ImportUnchangedRow,
  type PossibleDuplicate,
  type TownDecision,
} from '../../../shared/domain/import/report';
import { countryName } from '../../../shared/domain/countries';
import { shownImportValue, shownIssueParams } from '../../../shared/domain/import/shown';
import { importBackupSentence, unplacedTownsSentence } from '../../../shared/i18n/import-result';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useModal } from '../../components/dialogs';
import { ApiError, call, onEvent } from '../../lib/api';
import { openLink } from '../../lib/deep-links';
import { useI18n } from '../../lib/i18n';
import { fileRefFor, hasNativeFiles, type FileRef } from '../../lib/upload';
import './import.css';

type Stage =
  | { step: 'choose' }
  | { step: 'reading' }
  | { step: 'preview'; report: ImportReport }
  | { step: 'importing'; report: ImportReport; phase: string; done: number; total: number }
  | { step: 'done'; result: ImportResult }
  | { step: 'cancelled' };

const DELIMITER_KEY: Record<string, string> = {
  ',': 'import.delimiter.comma',
  ';': 'import.delimiter.semicolon',
  '\t': 'import.delimiter.tab',
};

/** Shows a failure: a reason from core in the user's language, else the generic notice. */
function Failure({ error }: { error: unknown }) {
  const { tk } = useI18n();
  const reason = error instanceof ApiError ? error.details?.reason : undefined;
  if (typeof reason === 'string') {
    const params = (error instanceof ApiError ? error.details?.params : undefined) as
      Record<string, string | number> | undefined;
    return (
      <p className="notice notice-error" role="alert" data-testid="import-error">
        {tk(reason, params)}
      </p>
    );
  }
  return <ErrorNotice error={error} />;
}

/** How many line numbers a group of problems names before "and N more". */
const GROUP_LINES_SHOWN = 12;
/** How many rows an opened group lists one by one: a kind of 200,000 rows must not build 200,000 rows. */
const GROUP_ROWS_SHOWN = 200;

/** One problem as a row of the table: line, column, severity (left out under its group) and message. */
function IssueRow({ issue, sub = false }: { issue: ImportIssue; sub?: boolean }) {
  const { tk, language } = useI18n();
  return (
    <tr className={sub ? 'imp-sub' : `imp-${issue.severity}`} data-testid={sub ? 'import-issue-row' : undefined}>
      <td className="num">{issue.line}</td>
      <td className="mono">{issue.column}</td>
      <td>
        {!sub && <span className={`badge badge-${issue.severity}`}>{tk(`import.severity.${issue.severity}`)}</span>}
      </td>
      <td>{tk(issue.reason, shownIssueParams(issue.params, language))}</td>
    </tr>
  );
}

/**
 * The report's problems grouped by kind as the command line prints them (walkthrough 25: a flat
 * table of 380 rows, 244 of them one sentence, hid the only error at 60 % of its height): errors
 * first, then warnings, then information; a kind once, with its count, an example and its first
 * lines, opened on demand to its rows. A kind of one problem is its plain row.
 */
function IssuesTable({ issues, testId = 'import-issues' }: { issues: readonly ImportIssue[]; testId?: string }) {
  const { t, tk, tn, language, formatNumber } = useI18n();
  const groups = useMemo(() => groupImportIssues(issues), [issues]);
  const [opened, setOpened] = useState<ReadonlySet<string>>(() => new Set());
  if (issues.length === 0) return <p className="hint">{t('import.noIssues')}</p>;
  const counts = countIssuesBySeverity(issues);
  const toggle = (key: string) =>
    setOpened((current) => {
      const next = new Set(current);
      if (!next.delete(key)) next.add(key);
      return next;
    });
  return (
    <>
      <p className="imp-issues-summary" data-testid="import-issues-summary">
        {IMPORT_SEVERITIES.filter((severity) => counts[severity] > 0)
          .map((severity) => tn(`import.issueCount.${severity}`, counts[severity]))
          .join(' · ')}
      </p>
      <div className="imp-table-wrap">
        <table className="imp-table imp-issues" data-testid={testId}>
          <thead>
            <tr>
              <th className="num">{t('import.col.lineOrCount')}</th>
              <th>{t('import.col.column')}</th>
              <th>{t('import.col.severity')}</th>
              <th>{t('import.col.reason')}</th>
            </tr>
          </thead>
          {groups.map((group) => {
            const key = `${group.severity}\u0000${group.column}\u0000${group.reason}`;
            const [first] = group.issues;
            if (first === undefined) return null;
            if (group.issues.length === 1)
              return (
                <tbody key={key}>
                  <IssueRow issue={first} />
                </tbody>
              );
            const isOpen = opened.has(key);
            const named = firstOf(group.issues, GROUP_LINES_SHOWN);
            const lines = named.shown.map((issue) => String(issue.line)).join(', ');
            const listed = firstOf(group.issues, GROUP_ROWS_SHOWN);
            return (
              <tbody key={key} className={isOpen ? 'imp-group-open' : undefined}>
                <tr className={`imp-group imp-${group.severity}`} data-testid="import-issue-group">
                  <td className="num imp-group-count">{formatNumber(group.issues.length)}×</td>
                  <td className="mono">{group.column}</td>
                  <td>
                    <span className={`badge badge-${group.severity}`}>{tk(`import.severity.${group.severity}`)}</span>
                  </td>
                  <td>
                    <div>
                      {t('import.group.example', {
                        message: tk(first.reason, shownIssueParams(first.params, language)),
                      })}
                    </div>
                    <div className="imp-group-lines">
                      <span data-testid="import-issue-group-lines">
                        {named.more > 0
                          ? t('import.group.linesMore', { lines, count: named.more })
                          : t('import.group.lines', { lines })}
                      </span>
                      <button
                        type="button"
                        className="link-button imp-group-toggle"
                        aria-expanded={isOpen}
                        onClick={() => toggle(key)}
                        data-testid="import-issue-group-toggle"
                      >
                        {t(isOpen ? 'import.group.hide' : 'import.group.show')}
                      </button>
                    </div>
                  </td>
                </tr>
                {isOpen &&
                  listed.shown.map((issue, index) => (
                    <IssueRow key={`${String(issue.line)}-${String(index)}`} issue={issue} sub />
                  ))}
                {isOpen && listed.more > 0 && (
                  <tr className="imp-sub imp-sub-more" data-testid="import-issue-group-more">
                    <td colSpan={4}>{tn('import.group.moreRows', listed.more)}</td>
                  </tr>
                )}
              </tbody>
            );
          })}
        </table>
      </div>
    </>
  );
}

function RowsList({
  title,
  rows,
  total,
  limit,
  testId,
}: {
  title: string;
  rows: readonly ImportRow[];
  total: number;
  limit: number;
  testId: string;
}) {
  const { t, tk, formatNumber, language } = useI18n();
  if (total === 0) return null;
  // A partnership is named by its member, town and country; the natural key ("584649|AT|falkenstein")
  // is the import's own, not the user's (walkthrough 24). A municipality's key is its official code.
  const named = rows.some((row) => row.partnership !== undefined);
  return (
    <details className="imp-rows" data-testid={testId}>
      <summary>
        {title} ({formatNumber(total)})
      </summary>
      {total > rows.length && (
        <p className="hint">{t('import.sampleNote', { shown: Math.min(limit, rows.length), total })}</p>
      )}
      <div className="imp-table-wrap">
        <table className="imp-table">
          <thead>
            <tr>
              <th className="num">{t('import.col.line')}</th>
              {!named && <th>{t('import.col.key')}</th>}
              <th>{t(named ? 'import.added.record' : 'import.col.record')}</th>
              {rows.some((r) => r.changes.length > 0) && <th>{t('import.col.changes')}</th>}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={`${String(row.line)}-${row.key}`}>
                <td className="num">{row.line}</td>
                {!named && <td className="mono">{row.key}</td>}
                <td>
                  {row.partnership
                    ? `${row.partnership.member} – ${row.partnership.town} (${countryName(row.partnership.countryCode, language)})`
                    : row.label}
                </td>
                {row.changes.length > 0 && (
                  <td>
                    {row.changes.map((change) => (
                      <div key={change.field}>
                        {tk(`import.field.${change.field}`)}:{' '}
                        <s>{shownImportValue(change.field, change.from, language)}</s> →{' '}
                        <strong>{shownImportValue(change.field, change.to, language)}</strong>
                      </div>
                    ))}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}

/** How many unchanged rows the preview lists before "and N more". */
const UNCHANGED_SHOWN = 20;

/**
 * Rows the import skips because the registry has their partnership already: each with the member
 * and town as the file writes them and the registry's partnership it matched (walkthrough 24: "Unchanged
 * (skipped) 1" named neither).
 */
function UnchangedRows({ rows, total }: { rows: readonly ImportUnchangedRow[]; total: number }) {
  const { t, formatNumber } = useI18n();
  if (total === 0 || rows.length === 0) return null;
  const shown = rows.slice(0, UNCHANGED_SHOWN);
  return (
    <details className="imp-rows" data-testid="import-unchanged" open={total <= UNCHANGED_SHOWN}>
      <summary>
        {t('import.unchanged.title')} ({formatNumber(total)})
      </summary>
      <p className="hint">{t('import.unchanged.hint')}</p>
      <div className="imp-table-wrap">
        <table className="imp-table">
          <thead>
            <tr>
              <th className="num">{t('import.col.line')}</th>
              <th>{t('import.unchanged.inFile')}</th>
              <th>{t('import.unchanged.matched')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => (
              <tr key={row.line} data-testid="import-unchanged-row">
                <td className="num">{row.line}</td>
                <td>
                  {row.fileMember} – {row.fileTown}
                </td>
                <td>{row.matched}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {total > shown.length && (
        <p className="hint" data-testid="import-unchanged-more">
          {t('import.unchanged.more', { count: formatNumber(total - shown.length) })}
        </p>
      )}
    </details>
  );
}

function MappingStep({
  report,
  initial,
  onApply,
  onSwitchKind,
}: {
  report: ImportReport;
  initial: Readonly<Record<string, string>>;
  onApply: (mapping: Record<string, string>) => void;
  onSwitchKind: (kind: ImportKind) => void;
}) {
  const { t, tk } = useI18n();
  const [mapping, setMapping] = useState<Record<string, string>>(() => ({ ...initial }));
  const problems = new Map(report.mappingProblems.map((p) => [p.field, p.reason]));
  const other = report.otherKind;
  return (
    <div className="imp-mapping" data-testid="import-mapping">
      {other !== null && (
        <p className="notice imp-other-kind" role="status" data-testid="import-other-kind">
          <span>{t('import.otherKind', { kind: tk(`import.kind.${other}`) })}</span>
          <button type="button" className="button primary" onClick={() => onSwitchKind(other)}>
            {t('import.otherKindSwitch', { kind: tk(`import.kind.${other}`) })}
          </button>
        </p>
      )}
      <h3>{t('import.mapping.title')}</h3>
      <p className="hint">{t('import.mapping.hint')}</p>
      <div className="imp-mapping-grid">
        {FIELDS[report.kind].map((field) => (
          <label key={field} className="field">
            <span>
              {tk(`import.field.${field}`)}
              {REQUIRED_FIELDS[report.kind].includes(field) ? ' *' : ''}
            </span>
            <select
              value={mapping[field] ?? ''}
              onChange={(event) => setMapping((m) => ({ ...m, [field]: event.target.value }))}
              data-testid={`mapping-${field}`}
            >
              <option value="">{t('import.mapping.none')}</option>
              {report.header.map((column) => (
                <option key={column} value={column}>
                  {column}
                </option>
              ))}
            </select>
            {Object.keys(mapping).length > 0 && problems.has(field) && mapping[field] === undefined && (
              <small className="imp-problem">{tk(problems.get(field) ?? '')}</small>
            )}
          </label>
        ))}
      </div>
      <button type="button" className="button primary" onClick={() => onApply(mapping)} data-testid="mapping-apply">
        {t('import.mapping.apply')}
      </button>
    </div>
  );
}

function Summary({ report }: { report: ImportReport }) {
  const { t, tk, formatNumber } = useI18n();
  const c = report.counts;
  const cells: [string, number, string][] = [
    ['import.count.rows', c.rows, ''],
    ['import.count.add', c.add, 'imp-add'],
    ['import.count.update', c.update, 'imp-update'],
    ['import.count.unchanged', c.unchanged, ''],
    ['import.count.invalid', c.invalid, c.invalid > 0 ? 'imp-invalid' : ''],
    ['import.count.warnings', c.warnings, ''],
    ['import.count.merged', c.merged, ''],
    ['import.count.resolved', c.resolved, ''],
    ['import.count.kept', c.kept, c.kept > 0 ? 'imp-update' : ''],
  ];
  return (
    <>
      <p className="imp-file" data-testid="import-file">
        <strong>{report.fileName}</strong>{' '}
        {t('import.fileInfo', {
          encoding: report.encoding.toUpperCase(),
          delimiter: tk(DELIMITER_KEY[report.delimiter ?? ''] ?? 'import.delimiter.none'),
          format: report.format === null ? '—' : tk(`import.format.${report.format}`),
        })}
      </p>
      <dl className="imp-counts" data-testid="import-counts">
        {cells.map(([key, value, className]) => (
          <div key={key} className={className} data-testid={`count-${key.slice('import.count.'.length)}`}>
            <dt>{tk(key)}</dt>
            <dd>{formatNumber(value)}</dd>
          </div>
        ))}
        {c.regionsAdded + c.districtsAdded + c.townsAdded > 0 && (
          <div data-testid="count-created">
            <dt>{t('import.count.created')}</dt>
            <dd>
              {formatNumber(c.regionsAdded)} / {formatNumber(c.districtsAdded)} / {formatNumber(c.townsAdded)}
            </dd>
          </div>
        )}
      </dl>
    </>
  );
}

/**
 * The import: choose what and which file, see the preview (what will be added, changed, skipped
 * and every invalid row explained), then import all valid rows or nothing; progress and stop.
 */
/**
 * Towns of the file that may be a registry town written otherwise: the user says "the same town"
 * or "another town" for each (undecided: imported as a town of its own). Decisions are kept with
 * the registry when the import runs, so the next import of the file asks nothing again.
 */
function PossibleDuplicates({
  items,
  disabled,
  onDecide,
}: {
  items: readonly PossibleDuplicate[];
  disabled: boolean;
  onDecide: (item: PossibleDuplicate, decision: 'same' | 'different') => void;
}) {
  const { t, tn, language, formatNumber } = useI18n();
  if (items.length === 0) return null;
  const open = items.filter((item) => item.decision === null).length;
  return (
    <section className="imp-duplicates" data-testid="import-duplicates">
      <h3>{t('import.duplicates.title', { count: items.length })}</h3>
      <p className="hint">{open > 0 ? tn('import.duplicates.open', open) : t('import.duplicates.allDecided')}</p>
      <table className="imp-table">
        <thead>
          <tr>
            <th>{t('import.col.line')}</th>
            <th>{t('import.duplicates.inFile')}</th>
            <th>{t('import.duplicates.inRegistry')}</th>
            <th>{t('import.duplicates.why')}</th>
            <th>{t('import.duplicates.decision')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={`${item.countryCode}|${item.name}`} data-testid="import-duplicate">
              <td className="num">{item.line}</td>
              <td>
                <strong>{item.name}</strong>{' '}
                <span className="muted-small">{countryName(item.countryCode, language)}</span>
              </td>
              <td>
                {item.candidateName}
                {item.candidateNameCs !== null && <span className="muted-small"> ({item.candidateNameCs})</span>}
              </td>
              <td>
                {item.reason === 'near'
                  ? t('import.duplicates.near', { km: formatNumber(item.km ?? 0) })
                  : item.km === null
                    ? t('import.duplicates.similar')
                    : t('import.duplicates.similarAt', { km: formatNumber(Math.round(item.km)) })}
              </td>
              <td className="imp-decision">
                {(['same', 'different'] as const).map((decision) => (
                  <label key={decision}>
                    <input
                      type="radio"
                      name={`dup-${item.countryCode}-${item.name}`}
                      checked={item.decision === decision}
                      disabled={disabled}
                      onChange={() => onDecide(item, decision)}
                      data-testid={`duplicate-${decision}`}
                    />
                    {t(decision === 'same' ? 'import.duplicates.same' : 'import.duplicates.different')}
                  </label>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/**
 * Rows to add whose pair was deleted recently and is in the bin (walkthrough 22: the preview said
 * "To add 1" only): who deleted it and when, so the importer can restore it with its values instead.
 */
function PairsInBin({ items }: { items: ImportReport['inBin'] }) {
  const { t, formatDateTime } = useI18n();
  if (items.length === 0) return null;
  return (
    <section className="imp-duplicates" data-testid="import-in-bin">
      <h3>{t('merge.import.inBin.title', { count: items.length })}</h3>
      <p className="hint">{t('merge.import.inBin.explain')}</p>
      <ul>
        {items.map((item) => (
          <li key={`${String(item.line)}|${String(item.auditId)}`} data-testid="import-in-bin-row">
            {item.actor === ''
              ? t('merge.import.inBin.rowUnnamed', {
                  label: item.label,
                  line: item.line,
                  at: formatDateTime(item.at),
                })
              : t('merge.import.inBin.row', {
                  label: item.label,
                  line: item.line,
                  at: formatDateTime(item.at),
                  name: item.actor,
                })}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function ImportDialog({
  droppedFile,
  onClose,
  initialKind = 'municipalities',
}: {
  droppedFile: File | null;
  onClose: () => void;
  /** What the file is taken for at first: partnerships when opened from the Partnerships screen. */
  initialKind?: ImportKind;
}) {
  const { t, tk, tn, formatNumber, formatDateTime, language } = useI18n();
  const ref = useRef<HTMLDialogElement>(null);
  const doneIssuesRef = useRef<HTMLElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const [kind, setKind] = useState<ImportKind>(initialKind);
  const [file, setFile] = useState<FileRef | null>(null);
  const [stage, setStage] = useState<Stage>({ step: 'choose' });
  const [error, setError] = useState<unknown>(null);
  const [policy, setPolicy] = useState<ImportPolicy>('fillEmpty');
  const [lastMapping, setLastMapping] = useState<Record<string, string> | undefined>(undefined);
  /** Decisions about possible duplicate towns of the current file (sent with every preview of it). */
  const decisions = useRef<TownDecision[]>([]);

  useModal(ref);

  const runPreview = useCallback(
    async (ref: FileRef, what: ImportKind, mapping: Record<string, string> | undefined, how: ImportPolicy) => {
      setError(null);
      setStage({ step: 'reading' });
      try {
        const report = await call('import:preview', {
          kind: what,
          file: ref.file,
          policy: how,
          ...(mapping ? { mapping } : {}),
          ...(decisions.current.length > 0 ? { townDecisions: decisions.current } : {}),
        });
        setStage({ step: 'preview', report });
      } catch (failure) {
        setError(failure);
        setStage({ step: 'choose' });
      }
    },
    [],
  );

  const loadFile = useCallback(
    async (picked: File) => {
      setError(null);
      setStage({ step: 'reading' });
      try {
        const ref = await fileRefFor(picked);
        setFile(ref);
        setLastMapping(undefined);
        decisions.current = [];
        await runPreview(ref, kind, undefined, policy);
      } catch (failure) {
        setError(failure);
        setStage({ step: 'choose' });
      }
    },
    [kind, policy, runPreview],
  );

  useEffect(() => {
    // Started after the render (the drop happened outside React's event system).
    if (droppedFile) void Promise.resolve().then(() => loadFile(droppedFile));
    // Only a newly dropped file starts a preview; the kind is read at that moment.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- see above
  }, [droppedFile]);

  const choose = async () => {
    if (!hasNativeFiles()) {
      inputRef.current?.click();
      return;
    }
    try {
      const ref = await call('import:chooseFile', {});
      if (ref) {
        setFile(ref);
        setLastMapping(undefined);
        decisions.current = [];
        await runPreview(ref, kind, undefined, policy);
      }
    } catch (failure) {
      setError(failure);
    }
  };

  const changeKind = (next: ImportKind) => {
    setKind(next);
    setLastMapping(undefined);
    if (file) void runPreview(file, next, undefined, policy);
  };

  const decide = (item: PossibleDuplicate, decision: 'same' | 'different') => {
    decisions.current = [
      ...decisions.current.filter((d) => !(d.countryCode === item.countryCode && d.name === item.name)),
      { countryCode: item.countryCode, name: item.name, sameAs: decision === 'same' ? item.candidateId : null },
    ];
    if (file) void runPreview(file, kind, lastMapping, policy);
  };

  const changePolicy = (next: ImportPolicy) => {
    setPolicy(next);
    if (file) void runPreview(file, kind, lastMapping, next);
  };

  const importAll = async (report: ImportReport) => {
    setError(null);
    setStage({ step: 'importing', report, phase: 'analyse', done: 0, total: report.counts.rows });
    const off = onEvent('job:progress', (progress) => {
      if (progress.jobId !== report.previewId) return;
      setStage((current) => (current.step === 'importing' ? { ...current, ...progress } : current));
    });
    try {
      const result = await call('import:commit', { previewId: report.previewId });
      setStage({ step: 'done', result });
    } catch (failure) {
      if (failure instanceof ApiError && failure.code === 'CANCELLED') setStage({ step: 'cancelled' });
      else if (
        failure instanceof ApiError &&
        typeof failure.details?.reason === 'string' &&
        failure.details.reason.startsWith('import.error.changedSince') &&
        file
      ) {
        // Records changed since the preview: a new preview shows what the import would do now,
        // and the refusal stays above it.
        await runPreview(file, kind, lastMapping, policy);
        setError(failure);
      } else {
        setError(failure);
        setStage({ step: 'preview', report });
      }
    } finally {
      off();
    }
  };

  const busy = stage.step === 'reading' || stage.step === 'importing';
  /** Values the import left out, each said by a warning (the row was imported without it). */
  const leftOut =
    stage.step === 'done' ? stage.result.report.issues.filter((issue) => issue.severity === 'warning').length : 0;
  /** Rows the import refused for an error (not imported at all). */
  const invalid = stage.step === 'done' ? stage.result.report.counts.invalid : 0;
  const unplaced = stage.step === 'done' ? unplacedTownsSentence(stage.result.unplacedTowns, language) : null;
  const backupSaid = stage.step === 'done' ? importBackupSentence(stage.result, language, formatDateTime) : null;
  const close = () => {
    if (!busy) onClose();
  };

  return (
    <dialog
      ref={ref}
      className="imp-dialog"
      aria-labelledby="import-title"
      data-testid="import-dialog"
      onCancel={(event) => {
        event.preventDefault();
        close();
      }}
    >
      <header className="imp-header">
        <h2 id="import-title">{t('import.title')}</h2>
      </header>
      <div className="imp-body">
        {(stage.step === 'choose' || stage.step === 'reading' || stage.step === 'preview') && (
          <div className="imp-source">
            <fieldset className="imp-kind" disabled={busy}>
              <legend>{t('import.kind')}</legend>
              {(['municipalities', 'partnerships'] as const).map((value) => (
                <label key={value}>
                  <input
                    type="radio"
                    name="import-kind"
                    checked={kind === value}
                    onChange={() => changeKind(value)}
                    data-testid={`import-kind-${value}`}
                  />
                  {tk(`import.kind.${value}`)}
                </label>
              ))}
            </fieldset>
            <div className="imp-pick">
              <button
                type="button"
                className="button"
                disabled={busy}
                onClick={() => void choose()}
                data-testid="import-choose"
              >
                {t('import.chooseFile')}
              </button>
              <input
                ref={inputRef}
                type="file"
                hidden
                accept=".csv,.tsv,.txt,.xlsx"
                data-testid="import-file-input"
                onChange={(event) => {
                  const picked = event.target.files?.[0];
                  event.target.value = '';
                  if (picked) void loadFile(picked);
                }}
              />
              <span className="hint">{t('import.dropHint')}</span>
            </div>
            <label className="imp-policy">
              {t('import.policy.label')}
              <select
                value={policy}
                disabled={busy}
                onChange={(event) => {
                  const next = IMPORT_POLICIES.find((value) => value === event.target.value);
                  if (next) changePolicy(next);
                }}
                data-testid="import-policy"
              >
                {IMPORT_POLICIES.map((value) => (
                  <option key={value} value={value}>
                    {tk(`import.policy.${value}`)}
                  </option>
                ))}
              </select>
            </label>
          </div>
        )}
        {error !== null && <Failure error={error} />}
        {stage.step === 'reading' && (
          <p className="imp-wait" role="status">
            {t('import.reading')}
          </p>
        )}
        {stage.step === 'preview' && stage.report.needsMapping && (
          <MappingStep
            report={stage.report}
            // The user's last mapping of this file, else the columns whose headers name a field
            // (offered: the user sees them and may change them before applying).
            initial={lastMapping ?? stage.report.suggestedMapping}
            onApply={(mapping) => {
              setLastMapping(mapping);
              if (file) void runPreview(file, kind, mapping, policy);
            }}
            onSwitchKind={changeKind}
          />
        )}
        {stage.step === 'preview' && !stage.report.needsMapping && (
          <div className="imp-preview" data-testid="import-preview">
            <Summary report={stage.report} />
            <PossibleDuplicates items={stage.report.possibleDuplicates} disabled={busy} onDecide={decide} />
            <PairsInBin items={stage.report.inBin} />
            <h3>{t('import.issuesByKind')}</h3>
            <IssuesTable issues={stage.report.issues} />
            <RowsList
              title={t('import.added')}
              rows={stage.report.added}
              total={stage.report.counts.add}
              limit={stage.report.sampleLimit}
              testId="import-added"
            />
            <RowsList
              title={t('import.updated')}
              rows={stage.report.updated}
              total={stage.report.counts.update}
              limit={stage.report.sampleLimit}
              testId="import-updated"
            />
            <UnchangedRows rows={stage.report.unchanged} total={stage.report.counts.unchanged} />
          </div>
        )}
        {stage.step === 'importing' && (
          <div className="imp-progress" role="status" data-testid="import-progress">
            <span>{tk(`import.progress.${stage.phase}`)}</span>
            <progress max={Math.max(1, stage.total)} value={stage.done} />
            <span className="num">
              {formatNumber(stage.done)} / {formatNumber(stage.total)}
            </span>
          </div>
        )}
        {stage.step === 'done' && (
          <div className="notice notice-ok" role="status" data-testid="import-done">
            <span>
              {stage.result.changed
                ? t('import.done', {
                    add: stage.result.report.counts.add,
                    update: stage.result.report.counts.update,
                    unchanged: stage.result.report.counts.unchanged,
                  })
                : t('import.nothingChanged')}
            </span>
            {/* The rows not imported are said next to the counts (walkthrough 27: only the table
                below named the invalid row), in one paragraph with the values left out; where to
                read why is said once, at its end. */}
            {(invalid > 0 || leftOut > 0) && (
              <span className="notice-detail">
                {invalid > 0 && (
                  <span data-testid="import-done-invalid">
                    {tn('import.doneInvalid', invalid)}
                    {leftOut === 0 && ` ${t('import.doneIssues')}`}
                  </span>
                )}
                {invalid > 0 && leftOut > 0 && ' '}
                {leftOut > 0 && (
                  <span data-testid="import-done-left-out">
                    {tn('import.doneLeftOut', leftOut)} {t('import.doneIssues')}
                  </span>
                )}
              </span>
            )}
            {/* The partner towns it could place nowhere: where to complete them (walkthrough 27, finding 8). */}
            {unplaced !== null && (
              <span className="notice-detail" data-testid="import-done-unplaced">
                {unplaced}
              </span>
            )}
            {/* The backup by its time and kind, as Settings ▸ Backups lists it; its file is the tooltip. */}
            {stage.result.backup !== null && backupSaid !== null && (
              <span
                className="notice-detail"
                data-testid="import-done-backup"
                title={t('backups.fileHint', { name: stage.result.backup })}
              >
                {backupSaid}
              </span>
            )}
            {stage.result.changed && (
              <span className="notice-detail" data-testid="import-undo-where">
                {t('import.undoWhere')}
              </span>
            )}
            {stage.result.report.issues.length > 0 && (
              <button
                type="button"
                className="button"
                data-testid="import-done-show-issues"
                onClick={() => doneIssuesRef.current?.scrollIntoView({ block: 'start' })}
              >
                {t('import.doneShowIssues', { count: formatNumber(stage.result.report.issues.length) })}
              </button>
            )}
            {/* The grid filters by the import that added a record: an import that only changed
                records would open an empty grid. */}
            {stage.result.importRunId !== null && stage.result.report.counts.add > 0 && (
              <button
                type="button"
                className="button"
                data-testid="import-show-rows"
                onClick={() => {
                  // The grid of what was imported, members or not, filtered to this run.
                  const filter = `membership=all&provenance=import:${String(stage.result.importRunId)}`;
                  openLink(`#/${stage.result.report.kind === 'municipalities' ? 'members' : 'partnerships'}?${filter}`);
                  onClose();
                }}
              >
                {t('import.showAdded', { count: stage.result.report.counts.add })}
              </button>
            )}
          </div>
        )}
        {stage.step === 'done' && stage.result.report.issues.length > 0 && (
          // The problems stay in view after the import: the message above counts them.
          <section ref={doneIssuesRef} className="imp-done-issues" data-testid="import-done-issues">
            <h3>{t('import.issuesByKind')}</h3>
            <IssuesTable issues={stage.result.report.issues} testId="import-done-issues-table" />
          </section>
        )}
        {stage.step === 'cancelled' && (
          <p className="notice" role="status" data-testid="import-cancelled">
            {t('import.cancelled')}
          </p>
        )}
      </div>
      <footer className="imp-footer">
        {stage.step === 'preview' && !stage.report.needsMapping && (
          <button
            type="button"
            className="button primary"
            disabled={stage.report.counts.add + stage.report.counts.update === 0}
            onClick={() => void importAll(stage.report)}
            data-testid="import-commit"
          >
            {stage.report.counts.add + stage.report.counts.update === 0
              ? t('import.nothingToImport')
              : t('import.importAll')}
          </button>
        )}
        {stage.step === 'importing' && (
          <button
            type="button"
            className="button danger"
            onClick={() => void call('jobs:cancel', { jobId: stage.report.previewId })}
            data-testid="import-stop"
          >
            {t('import.stop')}
          </button>
        )}
        <button type="button" className="button" disabled={busy} onClick={close} data-testid="import-close">
          {stage.step === 'done' || stage.step === 'cancelled' ? t('import.close') : t('import.cancel')}
        </button>
      </footer>
    </dialog>
  );
}
