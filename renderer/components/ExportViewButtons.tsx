import type { GridApi } from 'ag-grid-community';
import { useState } from 'react';
import { EXPORT_FORMATS, type ExportFormat, type ExportGrid } from '../../shared/domain/exports';
import { ApiError, call, onEvent } from '../lib/api';
import { currentView } from '../lib/grid-view';
import { useI18n, type I18n } from '../lib/i18n';
import { errorToast, useToast } from './Toasts';

/**
 * "Export CSV" and "Export XLSX" of what a grid shows (`export:grid`): its rows after every filter
 * and the search, in its order, with its visible columns, in the user's language. Core asks where
 * to save; the toast says how many rows went where (closing the dialog says nothing).
 */
export function ExportViewButtons<T extends { id: number }>({
  grid,
  api,
  labels,
  doneText,
}: {
  grid: ExportGrid;
  api: GridApi<T> | null;
  labels: Record<ExportFormat, string>;
  /** The toast after the export, in the language it is drawn in (`i18n`). */
  doneText: (result: { rows: number; filePath: string }, i18n: I18n) => string;
}) {
  const i18n = useI18n();
  const toast = useToast();
  const [exporting, setExporting] = useState<{ jobId: string; done: number; total: number } | null>(null);

  const exportView = async (format: ExportFormat) => {
    if (!api) return;
    // A job: core reports its progress and stops it when asked (no file is left then).
    const jobId = `export-${grid}-${crypto.randomUUID()}`;
    setExporting({ jobId, done: 0, total: 0 });
    const stop = onEvent('job:progress', (progress) => {
      if (progress.jobId === jobId) setExporting({ jobId, done: progress.done, total: progress.total });
    });
    try {
      const result = await call('export:grid', {
        grid,
        format,
        ...(await currentView(api)),
        language: i18n.language,
        jobId,
      });
      toast({ kind: 'ok', text: (shown) => doneText(result, shown), seconds: 10 });
    } catch (error) {
      if (!(error instanceof ApiError && error.code === 'CANCELLED')) toast(errorToast(error));
    } finally {
      stop();
      setExporting(null);
    }
  };

  return (
    <>
      {EXPORT_FORMATS.map((format) => (
        <button
          key={format}
          type="button"
          className="button"
          disabled={!api || exporting !== null}
          onClick={() => void exportView(format)}
          data-testid={`export-${format}`}
          // What kind of CSV it is (the separator and decimal mark of the language's Excel).
          title={format === 'csv' ? i18n.t('common.csvHint') : undefined}
        >
          {labels[format]}
        </button>
      ))}
      {exporting !== null && exporting.total > 0 && (
        <span className="export-progress" role="status" data-testid="export-progress">
          {i18n.t('common.exporting', {
            done: i18n.formatNumber(exporting.done),
            total: i18n.formatNumber(exporting.total),
          })}{' '}
          <button
            type="button"
            className="link-button"
            onClick={() => void call('jobs:cancel', { jobId: exporting.jobId })}
            data-testid="export-cancel"
          >
            {i18n.t('common.cancelExport')}
          </button>
        </span>
      )}
    </>
  );
}
