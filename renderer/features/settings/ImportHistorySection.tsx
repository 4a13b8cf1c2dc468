import { Fragment, useState } from 'react';
import { call } from '../../lib/api';
import { useI18n, type I18n } from '../../lib/i18n';
import { useAction } from '../../components/useAction';
import { errorToast, said, useToast } from '../../components/Toasts';
import { useLiveAsync } from '../../lib/useLiveAsync';
import { DangerQuestion } from '../../components/Question';
import { ListCard } from './ListCard';
import { importUndoRefusalOf, importUndoRefusalText, type ImportUndoRefusal } from './import-undo-refusal';
import { errorSummary } from '../../lib/errors';
import { importUndoBackupSentence } from '../../../shared/i18n/import-result';

/**
 * Settings ▸ Import history: every import with who, when, the file, its result, and its messages as
 * CSV; an import that changed the registry can be undone as a whole, after a confirmation. When
 * colleagues worked on some of its records since, the refusal stays under the import's row: who
 * changed which record and when, and the offer to undo only the records nobody touched.
 */
export function ImportHistorySection({ server }: { server: boolean }) {
  const { t, tk, tn, language, formatNumber, formatDateTime } = useI18n();
  const list = useLiveAsync(() => call('import:history', {}), []);
  const { busy, run } = useAction();
  const { reload } = list;
  const runs = list.data?.runs;
  const [confirming, setConfirming] = useState<number | null>(null);
  const [checking, setChecking] = useState<number | null>(null);
  /** A refused undo explained under its import's row (the error, for its sentence, and its parts). */
  const [refused, setRefused] = useState<{ id: number; error: unknown; refusal: ImportUndoRefusal } | null>(null);
  const [confirmingPartial, setConfirmingPartial] = useState(false);
  const toast = useToast();
  const i18n = useI18n();
  const showRefusal = (id: number, error: unknown): boolean => {
    const refusal = importUndoRefusalOf(error);
    if (refusal === null) return false;
    setRefused({ id, error, refusal });
    setConfirmingPartial(false);
    return true;
  };
  /**
   * Asks core first whether the import can be undone now: records worked on since are named at
   * once, instead of after a confirmation that promised an undo.
   */
  const askUndo = async (id: number) => {
    setChecking(id);
    setRefused(null);
    try {
      await call('import:undoCheck', { id });
      setConfirming(id);
    } catch (error) {
      if (!showRefusal(id, error)) toast(errorToast(error));
    } finally {
      setChecking(null);
    }
  };

  /** Undoes only the records nobody changed since (the refusal's offer), after its confirmation. */
  const undoUntouched = (id: number, fileName: string) =>
    void run(async () => {
      try {
        const done = await call('import:undo', { id, untouchedOnly: true });
        setRefused(null);
        return (shown: I18n) => {
          const undone = shown.t('import.undo.donePartly', {
            file: fileName,
            municipalities: shown.formatNumber(done.removed.municipalities),
            partnerships: shown.formatNumber(done.removed.partnerships),
            towns: shown.formatNumber(done.removed.towns),
            restored: shown.formatNumber(done.restored),
            kept: shown.formatNumber(done.kept),
          });
          const backup = importUndoBackupSentence(done, fileName, shown.language, shown.formatDateTime);
          return backup === null ? undone : `${undone} ${backup}`;
        };
      } catch (error) {
        // Refused (someone changed more meanwhile): the explanation under the row is brought up to date.
        showRefusal(id, error);
        throw error;
      } finally {
        setConfirmingPartial(false);
        reload();
      }
    });

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
              <Fragment key={r.id}>
                <tr title={`SHA-256 ${r.checksum}`}>
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
                        {typeof r.undoneKept === 'number'
                          ? t('import.history.undonePartly', {
                              date: formatDateTime(r.undoneAt),
                              who: r.undoneBy ?? '',
                              kept: formatNumber(r.undoneKept),
                            })
                          : t('import.history.undone', { date: formatDateTime(r.undoneAt), who: r.undoneBy ?? '' })}
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
                                  // Its backup by time and kind, as Settings ▸ Backups lists it.
                                  const backup = importUndoBackupSentence(
                                    done,
                                    r.fileName,
                                    i18n.language,
                                    i18n.formatDateTime,
                                  );
                                  return backup === null ? undone : `${undone} ${backup}`;
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
                          const { filePath } = await call('import:historyExport', {
                            id: r.id,
                            format: 'csv',
                            language,
                          });
                          return said('import.history.exported', { file: filePath });
                        })
                      }
                      data-testid="import-history-export"
                    >
                      {t('import.history.export')}
                    </button>
                  </td>
                </tr>
                {refused?.id === r.id && (
                  <tr>
                    <td colSpan={5}>
                      <RefusalNotice
                        error={refused.error}
                        refusal={refused.refusal}
                        i18n={i18n}
                        busy={busy}
                        confirming={confirmingPartial}
                        onOffer={() => setConfirmingPartial(true)}
                        onConfirm={() => undoUntouched(r.id, r.fileName)}
                        onCancel={() => setConfirmingPartial(false)}
                        onClose={() => setRefused(null)}
                      />
                    </td>
                  </tr>
                )}
              </Fragment>
            ))}
          </tbody>
        </table>
      )}
    </ListCard>
  );
}

/**
 * A refused import undo under its row: the refusal, who changed which record and when, the offer to
 * undo only the untouched records (with its own confirmation) and the advice for the rest.
 */
function RefusalNotice({
  error,
  refusal,
  i18n,
  busy,
  confirming,
  onOffer,
  onConfirm,
  onCancel,
  onClose,
}: {
  error: unknown;
  refusal: ImportUndoRefusal;
  i18n: I18n;
  busy: boolean;
  confirming: boolean;
  onOffer: () => void;
  onConfirm: () => void;
  onCancel: () => void;
  onClose: () => void;
}) {
  const { t, formatNumber } = i18n;
  const { changes, offer, advice } = importUndoRefusalText(refusal, i18n);
  return (
    <div className="notice notice-error" role="alert" data-testid="import-undo-refusal">
      <span>{errorSummary(error, i18n).text}</span>
      {changes.length > 0 && (
        <div>
          <strong>{t('import.undo.changesTitle')}</strong>
          <ul data-testid="import-undo-refusal-changes">
            {changes.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </div>
      )}
      <span data-testid="import-undo-refusal-advice">{advice}</span>
      {offer !== null &&
        (confirming ? (
          <DangerQuestion
            label={offer}
            confirmLabel={t('import.undo.confirmUntouchedYes')}
            busy={busy}
            onConfirm={onConfirm}
            onCancel={onCancel}
            testId="import-undo-untouched-confirm"
          >
            {t('import.undo.confirmUntouched', { kept: formatNumber(refusal.untouched.kept) })}
          </DangerQuestion>
        ) : (
          <div>
            <button
              type="button"
              className="button"
              disabled={busy}
              onClick={onOffer}
              data-testid="import-undo-untouched"
            >
              {offer}
            </button>
          </div>
        ))}
      <button type="button" className="close-button" onClick={onClose} aria-label={t('common.close')}>
        ×
      </button>
    </div>
  );
}
