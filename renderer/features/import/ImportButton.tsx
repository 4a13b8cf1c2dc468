import { useEffect, useState } from 'react';
import { useI18n } from '../../lib/i18n';
import { requestImport } from '../../lib/import-requests';
import './import.css';

const hasFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') ?? false;

/**
 * The Import button of the Members page header: it opens the app's import (`ImportHost`) for
 * municipalities. While it is shown, a file dropped anywhere on the window opens the import with
 * that file.
 */
export function ImportButton() {
  const { t } = useI18n();
  const [dragging, setDragging] = useState(false);

  useEffect(() => {
    let depth = 0;
    const enter = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      depth += 1;
      setDragging(true);
    };
    const over = (event: DragEvent) => {
      if (hasFiles(event)) event.preventDefault();
    };
    const leave = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const drop = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      depth = 0;
      setDragging(false);
      const file = event.dataTransfer?.files[0];
      if (file) requestImport({ file });
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, []);

  return (
    <>
      <button
        type="button"
        className="button"
        onClick={() => requestImport({ kind: 'municipalities' })}
        data-testid="open-import"
      >
        {t('import.open')}
      </button>
      {dragging && (
        <div className="imp-drop-overlay" aria-hidden="true">
          <span>{t('import.dropHere')}</span>
        </div>
      )}
    </>
  );
}
