import { call } from '../../lib/api';
import { useI18n } from '../../lib/i18n';
import { useAction } from '../../components/useAction';
import { said } from '../../components/Toasts';
import { useLiveAsync } from '../../lib/useLiveAsync';
import { ListCard } from './ListCard';

/**
 * Settings ▸ Deleted records: what was deleted in the last 90 days (who, when, what), each with
 * Restore, which brings the record back with its id and what its delete took with it.
 */
export function BinSection() {
  const { t, tk, formatDateTime } = useI18n();
  const list = useLiveAsync(() => call('bin:list', {}), []);
  const { busy, run } = useAction();
  const { reload } = list;

  const restore = (auditId: number, label: string) =>
    run(async () => {
      await call('bin:restore', { auditId });
      return said('bin.restored', { label });
    });

  return (
    <ListCard
      testId="bin"
      title={t('bin.title')}
      hint={t('bin.hint')}
      loadError={list.status === 'error' ? list.error : null}
      onRetry={reload}
      emptyText={list.data?.length === 0 ? t('bin.empty') : null}
    >
      {list.data && list.data.length > 0 && (
        <table className="bk-table" data-testid="bin-table">
          <thead>
            <tr>
              <th>{t('bin.col.when')}</th>
              <th>{t('bin.col.kind')}</th>
              <th>{t('bin.col.record')}</th>
              <th>{t('bin.col.who')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {list.data.map((entry) => (
              <tr key={entry.auditId}>
                <td>{formatDateTime(entry.at)}</td>
                <td>{tk(`bin.kind.${entry.table}`)}</td>
                <td>{entry.label}</td>
                <td>{entry.actor}</td>
                <td className="bk-actions">
                  <button
                    type="button"
                    className="button"
                    disabled={busy}
                    onClick={() => void restore(entry.auditId, entry.label)}
                    data-testid="bin-restore"
                  >
                    {t('bin.restore')}
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
