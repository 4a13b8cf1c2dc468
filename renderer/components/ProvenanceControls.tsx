import { useState } from 'react';
import type { ImportKind } from '../../shared/domain/import/formats';
import { ApiError, call } from '../lib/api';
import { useI18n } from '../lib/i18n';
import { useAsync } from '../lib/useAsync';
import { ConfirmDialog } from './dialogs';
import { PROVENANCE_ORIGINS as ORIGINS } from '../lib/deep-links';

/** The provenance filter of a grid (a select; the page labels it): unverified / verified / by origin / from one import run. */
export function ProvenanceFilterSelect({
  value,
  onChange,
  importKind,
}: {
  value: string;
  onChange: (value: string) => void;
  importKind: ImportKind;
}) {
  const { t, tk, formatDateTime } = useI18n();
  // A link to a run (the import dialog's "Show the imported records") reloads the list, which
  // may predate that import, so the option names its file and time.
  const linkedRun = value.startsWith('import:') ? value : '';
  const history = useAsync(() => call('import:history', {}), [linkedRun]);
  // An import undone since has no records left to show.
  const runs = (history.data?.runs ?? []).filter(
    (run) => run.kind === importKind && run.changed && run.undoneAt === null,
  );
  const runLabel = (run: (typeof runs)[number]) =>
    t('provenance.filter.import', { file: run.fileName, date: formatDateTime(run.at) });
  // A long file name is cut in the box: its tooltip names the chosen import whole.
  const chosenRun = runs.find((run) => `import:${String(run.id)}` === value);
  return (
    <select
      className="provenance-select"
      value={value}
      onFocus={history.reload}
      onChange={(e) => onChange(e.target.value)}
      title={chosenRun ? `${t('provenance.filter.label')}: ${runLabel(chosenRun)}` : t('provenance.filter.label')}
      data-testid="filter-provenance"
    >
      <option value="">{t('provenance.filter.all')}</option>
      {ORIGINS.map((origin) => (
        <option key={origin} value={origin}>
          {tk(`provenance.filter.${origin}`)}
        </option>
      ))}
      {runs.length > 0 && (
        <optgroup label={t('provenance.filter.imports')}>
          {runs.map((run) => (
            <option key={run.id} value={`import:${String(run.id)}`}>
              {runLabel(run)}
            </option>
          ))}
        </optgroup>
      )}
      {/* A link to an import this list no longer holds still shows what it filters. */}
      {value.startsWith('import:') && !runs.some((run) => `import:${String(run.id)}` === value) && (
        <option value={value}>{value}</option>
      )}
    </select>
  );
}

/**
 * "Mark as verified (N)": the rows the grid shows now (after every filter and the search), or the
 * ticked ones among them when `selected` (a grid with tick boxes), after a confirmation that says
 * what it records.
 */
export function VerifyShownButton({
  table,
  count,
  shownIds,
  selected = false,
  onDone,
  onError,
}: {
  table: 'municipalities' | 'partnerships';
  count: number;
  shownIds: () => Promise<number[]>;
  /** `shownIds` gives the ticked rows (the confirmation says "selected", not "shown"). */
  selected?: boolean;
  /** How many were marked and their audit group (the undo's key; null: none was). */
  onDone: (result: { changed: number; auditId: number | null }) => void;
  onError: (error: unknown) => void;
}) {
  const { t, tn } = useI18n();
  const [asking, setAsking] = useState<number[] | null>(null);
  const [busy, setBusy] = useState(false);
  const confirm = async (ids: number[]) => {
    setBusy(true);
    try {
      const { verified, auditId } = await call('registry:verify', { table, ids });
      onDone({ changed: verified, auditId });
    } catch (error) {
      if (!(error instanceof ApiError && error.code === 'CANCELLED')) onError(error);
    } finally {
      setBusy(false);
      setAsking(null);
    }
  };
  return (
    <>
      <button
        type="button"
        className="button"
        disabled={count === 0}
        // Nothing to mark (every ticked row hidden by a filter since): no dialog that would fail.
        onClick={() => void shownIds().then((ids) => setAsking(ids.length > 0 ? ids : null))}
        data-testid="verify-shown"
      >
        {t('provenance.verify.button', { count })}
      </button>
      {asking !== null && (
        <ConfirmDialog
          title={t('provenance.verify.title')}
          body={tn(selected ? 'provenance.verify.selected' : 'provenance.verify.shown', asking.length)}
          confirmLabel={t('provenance.verify.confirm')}
          busy={busy}
          onConfirm={() => void confirm(asking)}
          onCancel={() => setAsking(null)}
        />
      )}
    </>
  );
}
