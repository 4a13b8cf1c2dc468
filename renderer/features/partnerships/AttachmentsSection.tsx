import { useRef, useState, type DragEvent } from 'react';
import { ATTACHMENT_EXTENSIONS, type Attachment } from '../../../shared/domain/attachments';
import { ApiError, call, downloadAttachment, upload } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { useI18n, type I18n } from '../../lib/i18n';
import { hasNativeFiles } from '../../lib/upload';
import { useToast } from '../../components/Toasts';
import { useChildEditor } from './useChildEditor';

/** A size as a person reads it: "850 kB", "1,4 MB" (the user's decimal comma or point). */
export function fileSize(bytes: number, i18n: Pick<I18n, 'formatNumber'>): string {
  if (bytes < 1024 * 1024) return `${i18n.formatNumber(Math.max(1, Math.round(bytes / 1024)))} kB`;
  return `${i18n.formatNumber(Math.round((bytes / 1024 / 1024) * 10) / 10)} MB`;
}

const ACCEPT = ATTACHMENT_EXTENSIONS.map((extension) => `.${extension}`).join(',');

/**
 * Files kept with a partnership: the scanned agreement, the council's resolution, photos. Added
 * with the host's dialog (desktop) or the browser's file picker (web preview, uploaded to the
 * bridge); a copy is saved where the user chooses; a delete is undone by the toast, Ctrl+Z or the bin.
 */
export function AttachmentsSection({
  partnershipId,
  attachments,
  onChanged,
}: {
  partnershipId: number;
  attachments: Attachment[];
  onChanged: () => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const showToast = useToast();
  const inputRef = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const label = (p: string) => i18n.tk(`attachments.${p}`);
  const editor = useChildEditor<never>({ label, onChanged });

  const failed = (error: unknown) => {
    if (error instanceof ApiError && error.code === 'CANCELLED') return;
    showToast({ kind: 'error', text: (i) => errorText(error, i, label) });
  };

  const attach = async (file: File | null) => {
    setBusy(true);
    try {
      // A file from the picker or a drop: on the desktop core reads it at its path, in a browser
      // it is uploaded to the bridge first; without one, the desktop's open dialog asks.
      const added =
        file === null
          ? await call('attachments:add', { partnershipId, file: null })
          : window.twinregFiles
            ? await call('attachments:add', {
                partnershipId,
                file: null,
                droppedPath: window.twinregFiles.pathForFile(file),
              })
            : await call('attachments:add', { partnershipId, file: (await upload(file)).file });
      if (added !== null) {
        onChanged();
        showToast({ kind: 'ok', text: (i) => i.t('attachments.added', { file: added.fileName }) });
      }
    } catch (error) {
      failed(error);
    } finally {
      setBusy(false);
    }
  };

  const choose = () => {
    if (hasNativeFiles()) void attach(null);
    else inputRef.current?.click();
  };

  const openFile = async (attachment: Attachment) => {
    try {
      if (hasNativeFiles()) await call('attachments:open', { id: attachment.id });
      else await downloadAttachment(attachment.id, attachment.fileName);
    } catch (error) {
      failed(error);
    }
  };

  const saveCopy = async (attachment: Attachment) => {
    try {
      const { filePath } = await call('attachments:save', { id: attachment.id });
      showToast({ kind: 'ok', text: (i) => i.t('attachments.saved', { path: filePath }) });
    } catch (error) {
      failed(error);
    }
  };

  const [over, setOver] = useState(false);
  const carriesFiles = (event: DragEvent<HTMLElement>) => event.dataTransfer.types.includes('Files');

  return (
    <section
      data-testid="attachments"
      className={over ? 'p-attachments dropping' : 'p-attachments'}
      onDragOver={(event) => {
        if (!carriesFiles(event)) return;
        // Taken here: not opened by the browser, nor offered to a window-wide drop (the import).
        event.preventDefault();
        event.stopPropagation();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(event) => {
        if (!carriesFiles(event)) return;
        event.preventDefault();
        event.stopPropagation();
        setOver(false);
        const file = event.dataTransfer.files[0];
        if (file && !busy) void attach(file);
      }}
    >
      <h3>{t('partnerships.section.attachments')}</h3>
      <p className="hint">
        {t('attachments.hint')} {t('attachments.dropHint')}
      </p>
      {attachments.length === 0 && <p className="hint">{t('attachments.none')}</p>}
      {attachments.length > 0 && (
        <ul className="p-list" data-testid="attachments-list">
          {attachments.map((attachment) => (
            <li key={attachment.id} data-testid={`attachment-${String(attachment.id)}`}>
              <div>
                <strong className="p-attachment-name">{attachment.fileName}</strong>
                <div className="muted-small">
                  {fileSize(attachment.size, i18n)} ·{' '}
                  {t('attachments.addedOn', { date: i18n.formatDate(attachment.createdAt.slice(0, 10)) })}
                  {attachment.description !== null && ` · ${attachment.description}`}
                </div>
              </div>
              <span className="p-row-actions">
                {/* The desktop opens it with the system's viewer; a browser downloads it. */}
                <button
                  type="button"
                  className="link-button"
                  onClick={() => void openFile(attachment)}
                  data-testid="attachment-open"
                >
                  {hasNativeFiles() ? t('attachments.open') : t('attachments.download')}
                </button>
                <button
                  type="button"
                  className="link-button"
                  onClick={() => void saveCopy(attachment)}
                  data-testid="attachment-save"
                >
                  {t('attachments.save')}
                </button>
                <button
                  type="button"
                  className="link-button danger"
                  onClick={() =>
                    void editor.remove(() =>
                      call('attachments:delete', { id: attachment.id, version: attachment.version }),
                    )
                  }
                  data-testid="attachment-delete"
                >
                  {t('partnerships.remove')}
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
      <input
        ref={inputRef}
        type="file"
        accept={ACCEPT}
        hidden
        onChange={(e) => {
          const file = e.target.files?.[0] ?? null;
          e.target.value = '';
          if (file) void attach(file);
        }}
        data-testid="attachment-input"
      />
      <button type="button" className="button small" onClick={choose} disabled={busy} data-testid="attachment-add">
        {busy ? t('attachments.adding') : `+ ${t('attachments.add')}`}
      </button>
    </section>
  );
}
