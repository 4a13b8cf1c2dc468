import { useState } from 'react';
import { call } from '../../lib/api';
import { useI18n, type I18n } from '../../lib/i18n';
import { useAction } from '../../components/useAction';
import { errorToast, said, useToast } from '../../components/Toasts';
import { useLiveAsync } from '../../lib/useLiveAsync';
import { DangerQuestion } from '../../components/Question';
import { ListCard } from './ListCard';

/**
 * Settings ▸ Import history: every import with who, when, the file, its result, and its messages as
 * CSV; an import that changed the registry can be undone as a whole, after a confirmation.
 */
export function ImportHistorySection({ server }: { server: boolean }) {
  const { t, tk, tn, language, formatNumber, formatDateTime } = useI18n();
  const list = useLiveAsync(() => call('import:history', {}), []);
  const { busy, run } = useAction();
  const { reload } = list;
  const runs = list.data?.runs;
  const [confirming, setConfirming] = useState<number | null>(null);
  const [checking, setChecking] = useState<number | null>(null);
  const toast = useToast();
  /**
   * Asks core first whether the import can be undone now: records worked on since are named at
   * once, instead of after a confirmation that promised an undo.
   */
  const askUndo = async (id: number) => {
    setChecking(id);
    try {
      await call('import:undoCheck', { id });
      setConfirming(id);
    } catch (error) {
      toast(errorToast(error));
    } finally {
      setChecking(null);
    }
  };

  return (
    <ListCard
      testId="import-history"
      title={t('import.history.title')}
      hint={t('import.history.hint')}
      loadError={list.status === 'error' ? list.error : null}
      onRetry={reload}
      emptyText={runs?.length === 0 ? t('import.history.empty') : null}
    >
      {runs && runs.length > 0 && (
        <table className="bk-table" data-testid="import-history-table">
          <thead>
            <tr>
              <th>{t('import.history.col.when')}</th>
              <th>{t('import.history.col.who')}</th>
              <th>{t('import.history.col.file')}</th>
              <th>{t('import.history.col.result')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {runs.map((r) => (
              <tr key={r.id} title={`SHA-256 ${r.checksum}`}>
                <td>{formatDateTime(r.at)}</td>
                <td>{r.actor}</td>
                <td>
                  {r.fileName}
                  <div className="hint">
                    {tk(`import.kind.${r.kind}`)} · {tk(`import.policy.${r.policy}`)}
                  </div>
                </td>
                <td>
                  {t('import.history.result', {
                    add: formatNumber(r.counts.add),
                    update: formatNumber(r.counts.update),
                    unchanged: formatNumber(r.counts.unchanged),
                    invalid: formatNumber(r.counts.invalid),
                  })}
                  <div className="hint">
                    {tn('import.history.messages', r.issuesTotal, { count: formatNumber(r.issuesTotal) })}
                  </div>
                </td>
                <td className="bk-actions bk-stack">
                  {r.undoneAt !== null && (
                    <span className="hint" data-testid="import-history-undone">
                      {t('import.history.undone', { date: formatDateTime(r.undoneAt), who: r.undoneBy ?? '' })}
                    </span>
                  )}
                  {r.changed && !r.undoable && r.undoneAt === null && (
                    <span className="hint" data-testid="import-history-only-backup">
                      {t('import.history.onlyBackup')}
                    </span>
                  )}
                  {r.undoable &&
                    (confirming === r.id ? (
                      <DangerQuestion
                        inline
                        label={t('import.history.undo')}
                        confirmLabel={t('import.history.confirmUndoYes')}
                        busy={busy}
                        onConfirm={() =>
                          void run(async () => {
                            try {
                              const done = await call('import:undo', { id: r.id });
                              // Said in the language shown when the toast is drawn.
                              return (i18n: I18n) => {
                                const undone = i18n.t('import.undo.done', {
                                  file: r.fileName,
                                  municipalities: i18n.formatNumber(done.removed.municipalities),
                                  partnerships: i18n.formatNumber(done.removed.partnerships),
                                  towns: i18n.formatNumber(done.removed.towns),
                                  restored: i18n.formatNumber(done.restored),
                                });
                                return done.backup === null
                                  ? undone
                                  : `${undone} ${i18n.t('import.undo.doneBackup', { name: done.backup })}`;
                              };
                            } finally {
                              setConfirming(null);
                              reload();
                            }
                          })
                        }
                        onCancel={() => setConfirming(null)}
                        testId="import-history-undo-confirm"
                      >
                        {t(server ? 'import.history.confirmUndoServer' : 'import.history.confirmUndo', {
                          file: r.fileName,
                        })}
                      </DangerQuestion>
                    ) : (
                      <button
                        type="button"
                        className="button"
                        disabled={busy || checking !== null}
                        onClick={() => void askUndo(r.id)}
                        data-testid="import-history-undo"
                      >
                        {t('import.history.undo')}
                      </button>
                    ))}
                  <button
                    type="button"
                    className="button"
                    disabled={busy || r.issuesTotal === 0}
                    onClick={() =>
                      void run(async () => {
                        const { filePath } = await call('import:historyExport', { id: r.id, format: 'csv', language });
                        return said('import.history.exported', { file: filePath });
                      })
                    }
                    data-testid="import-history-export"
                  >
                    {t('import.history.export')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </ListCard>
  );
}
