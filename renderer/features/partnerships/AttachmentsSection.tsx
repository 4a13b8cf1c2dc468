import { useRef, useState, type DragEvent } from 'react';
import { ATTACHMENT_EXTENSIONS, attachmentEditSchema, type Attachment } from '../../../shared/domain/attachments';
import type { Activity } from '../../../shared/domain/partnerships';
import { ApiError, call, downloadAttachment, upload } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { useI18n, type I18n } from '../../lib/i18n';
import { hasNativeFiles } from '../../lib/upload';
import { useToast } from '../../components/Toasts';
import { Field } from '../../components/Field';
import { InlineForm } from '../../components/InlineForm';
import { useChildEditor } from './useChildEditor';

/** A size as a person reads it: "850 kB", "1,4 MB" (the user's decimal comma or point). */
export function fileSize(bytes: number, i18n: Pick<I18n, 'formatNumber'>): string {
  if (bytes < 1024 * 1024) return `${i18n.formatNumber(Math.max(1, Math.round(bytes / 1024)))} kB`;
  return `${i18n.formatNumber(Math.round((bytes / 1024 / 1024) * 10) / 10)} MB`;
}

const ACCEPT = ATTACHMENT_EXTENSIONS.map((extension) => `.${extension}`).join(',');

/** An activity as a choice names it: "18. 5. 2024 – Návštěva hasičů". */
export const activityName = (activity: Pick<Activity, 'date' | 'title'>, i18n: Pick<I18n, 'formatDate'>): string =>
  `${i18n.formatDate(activity.date)} – ${activity.title}`;

type Draft = { id: number; version: number; description: string; activityId: number | null };
const asDraft = (attachment: Attachment): Draft => ({
  id: attachment.id,
  version: attachment.version,
  description: attachment.description ?? '',
  activityId: attachment.activityId,
});

/** The activities to choose from, newest first (a value '' is the partnership as a whole). */
function ActivityChoice({
  activities,
  value,
  onChange,
  testId,
  id,
}: {
  activities: Activity[];
  value: number | null;
  onChange: (activityId: number | null) => void;
  testId: string;
  id?: string;
}) {
  const i18n = useI18n();
  const newestFirst = [...activities].sort((a, b) => b.date.localeCompare(a.date) || b.id - a.id);
  return (
    <select
      id={id}
      value={value === null ? '' : String(value)}
      onChange={(e) => onChange(e.target.value === '' ? null : Number(e.target.value))}
      data-testid={testId}
    >
      <option value="">{i18n.t('attachments.wholePartnership')}</option>
      {/* A deleted activity the attachment still names (its undo brings it back): kept as it is. */}
      {value !== null && !activities.some((activity) => activity.id === value) && (
        <option value={String(value)}>{i18n.t('attachments.activityGone')}</option>
      )}
      {newestFirst.map((activity) => (
        <option key={activity.id} value={String(activity.id)}>
          {activityName(activity, i18n)}
        </option>
      ))}
    </select>
  );
}

/**
 * Files kept with a partnership: the scanned agreement, the council's resolution, photos. Added
 * with the host's dialog (desktop) or the browser's file picker (web preview, uploaded to the
 * bridge); a copy is saved where the user chooses; a delete is undone by the toast, Ctrl+Z or the bin.
 */
export function AttachmentsSection({
  partnershipId,
  attachments,
  activities,
  onChanged,
  onUnsaved,
}: {
  partnershipId: number;
  attachments: Attachment[];
  /** The partnership's activities, which an attachment may belong to. */
  activities: Activity[];
  onChanged: () => void;
  /** A draft holds typing not saved yet (see useChildEditor). */
  onUnsaved?: (unsaved: boolean) => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const showToast = useToast();
  const inputRef = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const label = (p: string) => i18n.tk(`attachments.${p}`);
  const editor = useChildEditor({ label, onChanged, onUnsaved, records: attachments, asDraft });
  const { draft, setDraft, errors } = editor;
  /** The activity the next added files belong to (none: the partnership as a whole). */
  const [forActivity, setForActivity] = useState<number | null>(null);
  const chosenActivity = forActivity !== null && activities.some((a) => a.id === forActivity) ? forActivity : null;
  const activityById = new Map(activities.map((activity) => [activity.id, activity]));

  const saveDraft = async () => {
    if (!draft) return;
    const fields = { description: draft.description, activityId: draft.activityId };
    await editor.save(attachmentEditSchema, fields, () =>
      call('attachments:update', { id: draft.id, version: draft.version, ...fields }),
    );
  };

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
          ? await call('attachments:add', { partnershipId, file: null, activityId: chosenActivity })
          : window.twinregFiles
            ? await call('attachments:add', {
                partnershipId,
                file: null,
                droppedPath: window.twinregFiles.pathForFile(file),
                activityId: chosenActivity,
              })
            : await call('attachments:add', {
                partnershipId,
                file: (await upload(file)).file,
                activityId: chosenActivity,
              });
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
          {attachments.map((attachment) => {
            const activity = attachment.activityId === null ? undefined : activityById.get(attachment.activityId);
            return draft?.id === attachment.id ? (
              <li key={attachment.id} data-testid={`attachment-${String(attachment.id)}`}>
                <InlineForm
                  className="p-inline-form p-attachment-form"
                  testId="attachment-form"
                  saveTestId="attachment-form-save"
                  onSave={saveDraft}
                  onCancel={() => setDraft(null)}
                >
                  <strong className="p-attachment-name">{attachment.fileName}</strong>
                  <Field name="description" label={label('field.description')} error={errors.description}>
                    <input
                      value={draft.description}
                      maxLength={300}
                      onChange={(e) => setDraft({ ...draft, description: e.target.value })}
                      data-testid="attachment-description"
                    />
                  </Field>
                  <Field name="activityId" label={label('field.activityId')} error={errors.activityId}>
                    <ActivityChoice
                      id="activityId"
                      activities={activities}
                      value={draft.activityId}
                      onChange={(activityId) => setDraft({ ...draft, activityId })}
                      testId="attachment-activity"
                    />
                  </Field>
                </InlineForm>
              </li>
            ) : (
              <li key={attachment.id} data-testid={`attachment-${String(attachment.id)}`}>
                <div>
                  <strong className="p-attachment-name">{attachment.fileName}</strong>
                  {attachment.description !== null && (
                    <div className="p-attachment-description" data-testid="attachment-description-text">
                      {attachment.description}
                    </div>
                  )}
                  {attachment.activityId !== null && (
                    <div className="muted-small" data-testid="attachment-activity-text">
                      {activity !== undefined
                        ? t('attachments.ofActivity', { activity: activityName(activity, i18n) })
                        : t('attachments.activityDeleted')}
                    </div>
                  )}
                  <div className="muted-small">
                    {fileSize(attachment.size, i18n)} ·{' '}
                    {t('attachments.addedOn', { date: i18n.formatDate(attachment.createdAt.slice(0, 10)) })}
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
                    className="link-button"
                    onClick={() => setDraft(asDraft(attachment))}
                    data-testid="attachment-edit"
                  >
                    {t('partnerships.edit')}
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
            );
          })}
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
      <div className="p-attachment-add">
        <button type="button" className="button small" onClick={choose} disabled={busy} data-testid="attachment-add">
          {busy ? t('attachments.adding') : `+ ${t('attachments.add')}`}
        </button>
        {activities.length > 0 && (
          <label className="p-attachment-for">
            {t('attachments.addFor')}{' '}
            <ActivityChoice
              activities={activities}
              value={chosenActivity}
              onChange={setForActivity}
              testId="attachment-add-activity"
            />
          </label>
        )}
      </div>
    </section>
  );
}
