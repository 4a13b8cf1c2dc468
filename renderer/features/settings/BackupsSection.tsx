import { useState } from 'react';
import { backupKindLabel } from '../../../shared/i18n/backup-label';
import type { OutputOf } from '../../../shared/ipc/contract';
import { ErrorNotice } from '../../components/ErrorNotice';
import { call } from '../../lib/api';
import { forgetUndo } from '../../lib/undo';
import { restoringHere } from '../../lib/own-restore';
import { useI18n, type I18n } from '../../lib/i18n';
import { useAction } from '../../components/useAction';
import type { Said } from '../../components/Toasts';
import { useLiveAsync } from '../../lib/useLiveAsync';
import { DangerQuestion } from '../../components/Question';
import './backups.css';

type Backup = OutputOf<'backups:list'>['backups'][number];

const formatSize = (bytes: number, format: (n: number) => string) =>
  bytes >= 1024 * 1024
    ? `${format(Math.round((bytes / 1024 / 1024) * 10) / 10)} MB`
    : `${format(Math.ceil(bytes / 1024))} kB`;

/** What a backup was made for, as the table's "Reason" column says it (the import's result and the CLI too). */
const kindOf = (backup: Backup, { language }: I18n): string => backupKindLabel(backup, language);

/**
 * Settings ▸ Backups: the verified backups with size and date; back up now; restore after a
 * confirmation that says what the restore takes out of the registry. Messages name a backup as the
 * table does, by its time and kind, not by its file name (walkthrough 27, finding 5); the file name
 * is the row's tooltip. A registry on a server is backed up by the server (pg_dump, point-in-time
 * recovery): the section says so and offers none of the file's actions.
 */
export function BackupsSection({ server }: { server: boolean }) {
  return server ? <ServerBackups /> : <FileBackups />;
}

function ServerBackups() {
  const { t } = useI18n();
  return (
    <div className="card bk-card" data-testid="backups-server">
      <h2>{t('backups.title')}</h2>
      <p className="bk-server">{t('settings.registry.backups')}</p>
    </div>
  );
}

function FileBackups() {
  const i18n = useI18n();
  const { t, formatNumber, formatDateTime } = i18n;
  // Live: an import, its undo or a restore made a backup meanwhile.
  const list = useLiveAsync(() => call('backups:list', {}), []);
  const action = useAction();
  const { busy } = action;
  const [confirming, setConfirming] = useState<Backup | null>(null);
  const when = (backup: Backup) => formatDateTime(backup.createdAt);

  const run = async (work: () => Promise<Said>) => {
    await action.run(work);
    list.reload();
  };

  return (
    <div className="card bk-card" data-testid="backups">
      <h2>{t('backups.title')}</h2>
      <p className="hint">{t('backups.hint')}</p>
      <button
        type="button"
        className="button"
        disabled={busy}
        onClick={() =>
          void run(async () => {
            const made = await call('backups:create', {});
            return (now) =>
              now.t('backups.created', { date: now.formatDateTime(made.createdAt), kind: kindOf(made, now) });
          })
        }
        data-testid="backup-now"
      >
        {t('backups.create')}
      </button>
      {list.status === 'error' && <ErrorNotice error={list.error} onRetry={list.reload} />}
      {list.data && list.data.backups.length === 0 && <p className="hint">{t('backups.empty')}</p>}
      {list.data && list.data.backups.length > 0 && (
        <table className="bk-table" data-testid="backups-table">
          <thead>
            <tr>
              <th>{t('backups.col.date')}</th>
              <th>{t('backups.col.reason')}</th>
              <th className="num">{t('backups.col.size')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {list.data.backups.map((backup) => (
              <tr key={backup.name} title={t('backups.fileHint', { name: backup.name })} data-testid="backup-row">
                <td>{when(backup)}</td>
                <td>{kindOf(backup, i18n)}</td>
                <td className="num">{formatSize(backup.size, formatNumber)}</td>
                <td className="bk-actions">
                  {confirming?.name === backup.name ? (
                    <DangerQuestion
                      inline
                      label={t('backups.restore')}
                      confirmLabel={t('backups.confirm')}
                      busy={busy}
                      onConfirm={() =>
                        void run(async () => {
                          // This window's own restore is said by its toast, not by the notice
                          // every other window shows (renderer/app/RestoreNotice.tsx).
                          const forget = restoringHere(backup.name);
                          const done = await call('backups:restore', { name: backup.name }).catch((error: unknown) => {
                            forget();
                            throw error;
                          });
                          forgetUndo();
                          setConfirming(null);
                          // The backup the restore made first, named as its row in the table names it.
                          const safety = await call('backups:list', {}).then(
                            (now) => now.backups.find((item) => item.name === done.safetyBackup) ?? null,
                            () => null,
                          );
                          return (now: I18n) => {
                            const restored = { date: now.formatDateTime(backup.createdAt), kind: kindOf(backup, now) };
                            return safety === null
                              ? now.t('backups.restoredSafetyFile', { ...restored, safety: done.safetyBackup })
                              : now.t('backups.restored', {
                                  ...restored,
                                  safetyDate: now.formatDateTime(safety.createdAt),
                                  safetyKind: kindOf(safety, now),
                                });
                          };
                        })
                      }
                      onCancel={() => setConfirming(null)}
                      testId="backup-restore-confirm"
                    >
                      {t('backups.confirmRestore', {
                        date: when(backup),
                        kind: kindOf(backup, i18n),
                        safetyKind: t('backups.reason.restore'),
                        now: formatDateTime(new Date().toISOString()),
                      })}
                    </DangerQuestion>
                  ) : (
                    <button
                      type="button"
                      className="button"
                      disabled={busy}
                      onClick={() => setConfirming(backup)}
                      data-testid="backup-restore"
                    >
                      {t('backups.restore')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {list.data && (
        <p className="hint bk-folder">
          {t('backups.folder')}: <span className="mono">{list.data.folder}</span>
        </p>
      )}
    </div>
  );
}
