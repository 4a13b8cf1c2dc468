import { useState } from 'react';
import { ConfirmDialog } from '../../components/dialogs';
import { ErrorNotice } from '../../components/ErrorNotice';
import { errorToast, useToast, type Said } from '../../components/Toasts';
import { ApiError, call, onEvent } from '../../lib/api';
import { useI18n, type I18n } from '../../lib/i18n';
import { useAsync } from '../../lib/useAsync';
import type { MessageParams } from '../../../shared/i18n/index';
import type { transferMessages } from '../../../shared/i18n/messages/transfer';
import './registry-transfer.css';

type TransferKey = keyof typeof transferMessages.cs;

/** This section's messages, typed by its own catalog (shared/i18n/messages/transfer.ts). */
const say = (i18n: I18n, key: TransferKey, params?: MessageParams): string => i18n.tk(key, params);

type Running = { kind: 'export' | 'import'; jobId: string; phase: string; done: number; total: number };

/** A table's name in the user's language (its own name when the catalogs have none). */
const tableName = (i18n: I18n, table: string): string => {
  const key = `table.${table}`;
  const text = i18n.tk(key);
  return text === key ? table : text;
};

/**
 * Settings ▸ Move the registry: "Export registry to a file" (any registry into a new, verified
 * registry file) and "Import registry from a file" (into an empty registry on a server, by its
 * administrator, after a confirmation). Both are jobs: their progress shows here and they can be
 * stopped; core asks for the file with the host's dialog.
 */
export function RegistryTransfer() {
  const i18n = useI18n();
  const t = (key: TransferKey, params?: MessageParams) => say(i18n, key, params);
  const toast = useToast();
  const status = useAsync(() => call('registry:transferStatus', {}), []);
  const [running, setRunning] = useState<Running | null>(null);
  const [confirming, setConfirming] = useState(false);

  const start = async (kind: Running['kind'], done: (i18n: I18n, rows: number, file: string) => string) => {
    const jobId = `${kind}-registry-${crypto.randomUUID()}`;
    setRunning({ kind, jobId, phase: 'prepare', done: 0, total: 0 });
    const stop = onEvent('job:progress', (progress) => {
      if (progress.jobId === jobId) setRunning({ kind, ...progress });
    });
    try {
      const result =
        kind === 'export'
          ? await call('registry:exportFile', { jobId }).then((r) => ({ rows: r.rows, file: r.filePath }))
          : await call('registry:importFile', { jobId }).then((r) => ({ rows: r.rows, file: r.fileName }));
      const text: Said = (shown) => done(shown, result.rows, result.file);
      toast({ kind: 'ok', text, seconds: 10 });
    } catch (error) {
      if (error instanceof ApiError && error.code === 'CANCELLED') return;
      const counts = error instanceof ApiError ? error.details?.counts : undefined;
      if (error instanceof ApiError && error.details?.reason === 'transfer.error.notEmpty' && counts) {
        // What the server registry holds, each table named in the user's language.
        const held = (shown: I18n) =>
          Object.entries(counts as Record<string, number>)
            .map(([table, n]) => `${tableName(shown, table)} ${shown.formatNumber(n)}`)
            .join(', ');
        toast({ kind: 'error', text: (shown) => say(shown, 'transfer.error.notEmpty', { held: held(shown) }) });
      } else toast(errorToast(error));
    } finally {
      stop();
      setRunning(null);
      status.reload();
    }
  };

  const exportFile = () =>
    void start('export', (shown, rows, file) =>
      say(shown, 'transfer.exported', { file, count: shown.formatNumber(rows) }),
    );
  const importFile = () => {
    setConfirming(false);
    void start('import', (shown, rows, file) =>
      say(shown, 'transfer.imported', { file, count: shown.formatNumber(rows) }),
    );
  };

  const engine = status.data?.engine;
  const choosesFile = status.data?.choosesFile !== false;
  const mayImport = status.data?.mayImport === true && choosesFile;
  const progress =
    running === null
      ? null
      : running.total === 0
        ? t('transfer.preparing')
        : t(running.kind === 'export' ? 'transfer.exporting' : 'transfer.importing', {
            done: i18n.formatNumber(running.done),
            total: i18n.formatNumber(running.total),
          });

  return (
    <div className="card" data-testid="registry-transfer">
      <h2>{t('transfer.title')}</h2>
      <p className="hint">{t('transfer.hint')}</p>
      {status.status === 'error' && <ErrorNotice error={status.error} onRetry={status.reload} />}
      <div className="rt-buttons">
        <button
          type="button"
          className="button"
          disabled={running !== null}
          onClick={exportFile}
          data-testid="transfer-export"
        >
          {t('transfer.export')}
        </button>
        <button
          type="button"
          className="button"
          disabled={running !== null || !mayImport}
          onClick={() => setConfirming(true)}
          data-testid="transfer-import"
        >
          {t('transfer.import')}
        </button>
      </div>
      {engine === 'sqlite' && (
        <p className="hint" data-testid="transfer-import-why">
          {t('transfer.fileOnly')}
        </p>
      )}
      {engine === 'postgres' && status.data?.mayImport !== true && (
        <p className="hint" data-testid="transfer-import-why">
          {t('transfer.adminOnly')}
        </p>
      )}
      {engine === 'postgres' && status.data?.mayImport === true && !choosesFile && (
        <p className="hint" data-testid="transfer-import-why">
          {t('transfer.browserOnly')}
        </p>
      )}
      {running !== null && progress !== null && (
        <p className="export-progress rt-progress" role="status" data-testid="transfer-progress">
          {progress}{' '}
          <button
            type="button"
            className="link-button"
            onClick={() => void call('jobs:cancel', { jobId: running.jobId })}
            data-testid="transfer-stop"
          >
            {t('transfer.stop')}
          </button>
        </p>
      )}
      {confirming && (
        <ConfirmDialog
          title={t('transfer.confirm.title')}
          body={t('transfer.confirm.body')}
          confirmLabel={t('transfer.confirm.ok')}
          onConfirm={importFile}
          onCancel={() => setConfirming(false)}
        />
      )}
    </div>
  );
}
