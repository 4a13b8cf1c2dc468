import type { GridApi } from 'ag-grid-community';
import { useState } from 'react';
import { EXPORT_FORMATS, type ExportFormat, type ExportGrid } from '../../shared/domain/partnerships';
import { ApiError, call } from '../lib/api';
import { currentView } from '../lib/grid-view';
import { useI18n } from '../lib/i18n';
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
  doneText: (result: { rows: number; filePath: string }) => string;
}) {
  const i18n = useI18n();
  const toast = useToast();
  const [exporting, setExporting] = useState(false);

  const exportView = async (format: ExportFormat) => {
    if (!api) return;
    setExporting(true);
    try {
      const result = await call('export:grid', { grid, format, ...currentView(api), language: i18n.language });
      toast({ kind: 'ok', text: doneText(result), seconds: 10 });
    } catch (error) {
      if (!(error instanceof ApiError && error.code === 'CANCELLED')) toast(errorToast(error, i18n));
    } finally {
      setExporting(false);
    }
  };

  return (
    <>
      {EXPORT_FORMATS.map((format) => (
        <button
          key={format}
          type="button"
          className="button"
          disabled={!api || exporting}
          onClick={() => void exportView(format)}
          data-testid={`export-${format}`}
        >
          {labels[format]}
        </button>
      ))}
    </>
  );
}
