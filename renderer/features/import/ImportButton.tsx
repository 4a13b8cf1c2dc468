import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../../lib/i18n';
import { ImportDialog } from './ImportDialog';
import { onImportRequest } from '../../lib/import-requests';
import './import.css';

const hasFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') ?? false;

/**
 * The Import button of the Members page header. While it is shown, a file dropped anywhere on
 * the window opens the import with that file.
 */
export function ImportButton() {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [dropped, setDropped] = useState<File | null>(null);
  const [dragging, setDragging] = useState(false);

  const button = useRef<HTMLButtonElement>(null);
  useEffect(
    () =>
      onImportRequest(() => {
        setDropped(null);
        // A request from elsewhere (File ▸ Import, the Partnerships screen) comes while this kept
        // screen is still out of the page: its dialog opens once the screen is in it again (a
        // dialog out of the document cannot be shown).
        let frames = 0;
        const openWhenShown = () => {
          if (button.current?.isConnected) setOpen(true);
          else if ((frames += 1) < 120) requestAnimationFrame(openWhenShown);
        };
        openWhenShown();
      }),
    [],
  );

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
      if (file) {
        setDropped(file);
        setOpen(true);
      }
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
        onClick={() => {
          setDropped(null);
          setOpen(true);
        }}
        data-testid="open-import"
        ref={button}
      >
        {t('import.open')}
      </button>
      {dragging && !open && (
        <div className="imp-drop-overlay" aria-hidden="true">
          <span>{t('import.dropHere')}</span>
        </div>
      )}
      {open && <ImportDialog droppedFile={dropped} onClose={() => setOpen(false)} />}
    </>
  );
}
