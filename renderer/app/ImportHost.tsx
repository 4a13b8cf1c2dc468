import { lazy, Suspense, useEffect, useState } from 'react';
import { onImportRequest, type ImportRequest } from '../lib/import-requests';

// Loaded when first asked for: the first screen's rows do not wait for the import's code.
const ImportDialog = lazy(() => import('../features/import/ImportDialog').then((m) => ({ default: m.ImportDialog })));

/**
 * The one import dialog of the app, opened over the screen shown (`requestImport`): for
 * partnerships from the Partnerships screen (it moved to Members with "Obce" chosen), with the file
 * dropped on the window, or from File ▸ Import.
 */
export function ImportHost() {
  const [open, setOpen] = useState<(ImportRequest & { at: number }) | null>(null);
  useEffect(
    () =>
      onImportRequest((request) =>
        // A file dropped while the dialog is open is taken by it; another request then changes nothing.
        setOpen((now) =>
          now === null ? { ...request, at: Date.now() } : request.file ? { ...now, file: request.file } : now,
        ),
      ),
    [],
  );
  if (open === null) return null;
  return (
    <Suspense fallback={null}>
      <ImportDialog
        key={open.at}
        droppedFile={open.file ?? null}
        initialKind={open.kind ?? 'municipalities'}
        onClose={() => setOpen(null)}
      />
    </Suspense>
  );
}
