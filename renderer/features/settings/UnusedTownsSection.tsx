import { useState } from 'react';
import { countryLabel } from '../../../shared/domain/statistics/tables';
import { originLabel } from '../../../shared/i18n/provenance';
import { call } from '../../lib/api';
import { useI18n } from '../../lib/i18n';
import { offerUndo } from '../../lib/undo';
import { useLiveAsync } from '../../lib/useLiveAsync';
import { errorToast, said, useToast } from '../../components/Toasts';
import { openTownCard } from '../../components/town-card-host';
import { ListCard } from './ListCard';

/**
 * Settings ▸ Partner towns without a partnership (walkthrough 19: a town saved by mistake stayed
 * in the registry for good once its partnership was deleted): each with its card and Delete; a
 * deleted town goes to the bin, and the toast's Undo (or Ctrl+Z) brings it back. Shown only when
 * there are such towns.
 */
export function UnusedTownsSection() {
  const i18n = useI18n();
  const { t, language, formatDate } = i18n;
  const toast = useToast();
  const list = useLiveAsync(() => call('towns:unused', {}), []);
  const [busy, setBusy] = useState(false);
  const { reload } = list;

  const remove = async (town: { id: number; version: number; name: string }) => {
    setBusy(true);
    try {
      const { auditId } = await call('towns:delete', { id: town.id, version: town.version });
      reload();
      toast({
        kind: 'info',
        text: said('towns.unused.deleted', { name: town.name }),
        seconds: 15,
        action: {
          label: said('towns.card.undo'),
          run: offerUndo(() => {
            call('bin:restore', { auditId }).then(
              () => {
                toast({ kind: 'ok', text: said('towns.unused.restored', { name: town.name }) });
                reload();
              },
              (error: unknown) => toast(errorToast(error, i18n)),
            );
          }),
        },
      });
    } catch (error) {
      toast(errorToast(error, i18n));
      reload();
    } finally {
      setBusy(false);
    }
  };

  if (list.status !== 'error' && (list.data === undefined || list.data.length === 0)) return null;
  return (
    <ListCard
      testId="unused-towns"
      title={t('towns.unused.title')}
      hint={t('towns.unused.hint')}
      loadError={list.status === 'error' ? list.error : null}
      onRetry={reload}
      emptyText={null}
    >
      {list.data && list.data.length > 0 && (
        <table className="bk-table" data-testid="unused-towns-table">
          <thead>
            <tr>
              <th>{t('towns.unused.col.town')}</th>
              <th>{t('towns.unused.col.country')}</th>
              <th>{t('towns.unused.col.origin')}</th>
              <th>{t('towns.unused.col.added')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {list.data.map((town) => (
              <tr key={town.id} data-testid="unused-town">
                <td>
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => openTownCard(town.id)}
                    title={t('towns.card.openTitle', { name: town.name })}
                  >
                    {town.name}
                  </button>
                </td>
                <td>{countryLabel(town.countryCode, language)}</td>
                <td>{originLabel(town.source, language)}</td>
                <td>{formatDate(town.createdAt.slice(0, 10))}</td>
                <td className="bk-actions">
                  <button
                    type="button"
                    className="button"
                    disabled={busy}
                    title={t('towns.unused.deleteTitle', { name: town.name })}
                    onClick={() => void remove(town)}
                    data-testid="unused-town-delete"
                  >
                    {t('towns.unused.delete')}
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
