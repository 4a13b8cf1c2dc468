import { useState } from 'react';
import { ErrorNotice } from '../../components/ErrorNotice';
import { DangerQuestion } from '../../components/Question';
import { call } from '../../lib/api';
import { useI18n } from '../../lib/i18n';
import { useAsync } from '../../lib/useAsync';

/**
 * Drafts stored with one partnership (also meant for the Partnerships detail panel): newest
 * first, each can be re-generated with the registry's current data after a confirmation.
 */
export function DraftsList({ partnershipId, tick = 0 }: { partnershipId: number; tick?: number }) {
  const { t, tk, formatDateTime } = useI18n();
  const drafts = useAsync(() => call('agreements:list', { partnershipId }), [partnershipId, tick]);
  const [confirm, setConfirm] = useState<{ id: number; file: string } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const regenerate = async (draftId: number) => {
    setBusy(true);
    setError(null);
    setConfirm(null);
    try {
      await call('agreements:regenerate', { draftId, overwrite: true });
      drafts.reload();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  // One row per file: a draft made again writes its file anew, and its earlier record (kept in the
  // partnership's history) named the same file: two rows, one file (walkthrough 14). Newest first.
  const rows = (drafts.data ?? []).filter(
    (draft, index, all) => draft.filePath === null || all.findIndex((d) => d.filePath === draft.filePath) === index,
  );
  return (
    <div className="card" data-testid="agreement-drafts">
      <h2>{t('agreements.drafts')}</h2>
      {drafts.status === 'error' && <ErrorNotice error={drafts.error} onRetry={drafts.reload} />}
      {error !== null && <ErrorNotice error={error} />}
      {rows.length === 0 ? (
        <p className="empty-note">{t('agreements.drafts.none')}</p>
      ) : (
        <table className="agreement-drafts">
          <thead>
            <tr>
              <th>{t('agreements.drafts.col.created')}</th>
              <th>{t('agreements.drafts.col.file')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {rows.map((d) => (
              <tr key={d.id}>
                <td>{formatDateTime(d.createdAt)}</td>
                {/* The file name takes the row's width, the template and languages under it: five columns in
                    the side column left the name a few letters wide, over six lines (walkthrough 28). */}
                <td className="agreement-file" title={d.filePath ?? ''}>
                  {d.fileName ?? ''} {!d.fileExists && <em>{t('agreements.drafts.fileMissing')}</em>}
                  <span className="agreement-draft-meta">
                    {`${tk(`agreements.template.${d.template}`)} · ${d.languageFirst} + ${d.languageSecond} · ${tk(`agreements.layout.${d.layout}`)}`}
                  </span>
                </td>
                <td>
                  <button
                    type="button"
                    className="button"
                    disabled={busy}
                    data-draft={d.id}
                    onClick={() => setConfirm({ id: d.id, file: d.filePath ?? '' })}
                  >
                    {t('agreements.drafts.regenerate')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {confirm !== null && (
        // Replacing the file is the dangerous answer: the focus is on "Cancel", and Escape gives it
        // back to the row's button.
        <DangerQuestion
          label={t('agreements.drafts.regenerate')}
          confirmLabel={t('agreements.replace')}
          busy={busy}
          onConfirm={() => void regenerate(confirm.id)}
          onCancel={() => setConfirm(null)}
          returnFocus={() => document.querySelector<HTMLElement>(`[data-draft="${confirm.id}"]`)}
          testId="agreement-regenerate-confirm"
        >
          {t('agreements.confirmRegenerate', { file: confirm.file })}
        </DangerQuestion>
      )}
    </div>
  );
}
