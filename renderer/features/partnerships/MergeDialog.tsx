import { useMemo, useState } from 'react';
import { searchKey } from '../../../shared/domain/text';
import { Dialog, DialogButtons } from '../../components/dialogs';
import { call } from '../../lib/api';
import { useI18n } from '../../lib/i18n';
import { useAsync } from '../../lib/useAsync';
import { partnershipsStore } from './partnerships-store';

export type MergeChoice = { id: number; label: string; detail: string };

/**
 * Chooses the other record of a duplicate and merges it into this one: another record of the
 * same town (same country), or another partnership of the same member. Says what happens before
 * it happens; the merge itself is undoable from the toast.
 */
export function MergeDialog({
  mode,
  keepLabel,
  countryCode,
  municipalityId,
  keepId,
  onMerge,
  onClose,
}: {
  mode: 'town' | 'partnership';
  keepLabel: string;
  countryCode: string;
  municipalityId: number;
  /** The kept town (mode town) or partnership (mode partnership). */
  keepId: number;
  onMerge: (choice: MergeChoice) => void;
  onClose: () => void;
}) {
  const { t, tn } = useI18n();
  const [query, setQuery] = useState('');
  const [chosen, setChosen] = useState<MergeChoice | null>(null);
  const choices = useAsync(async (): Promise<MergeChoice[]> => {
    if (mode === 'town') {
      const towns = await call('towns:ofCountry', { countryCode });
      return towns
        .filter((town) => town.id !== keepId)
        .map((town) => ({
          id: town.id,
          label: town.name,
          detail: [town.nameCs, ...town.altNames, tn('merge.partnershipsCount', town.partnerships)]
            .filter(Boolean)
            .join(' · '),
        }));
    }
    // The member's partnerships are in the grid's store already (the detail opens from the grid);
    // fetching every partnership again for one choice would cost a full load at 60,000 rows.
    const rows = partnershipsStore.getState().rows ?? (await call('partnerships:list', {}));
    return rows
      .filter((row) => row.municipalityId === municipalityId && row.id !== keepId)
      .map((row) => ({ id: row.id, label: row.townName, detail: `${row.countryCode} · ${row.municipalityName}` }));
  }, [mode, countryCode, municipalityId, keepId]);
  const shown = useMemo(() => {
    const key = searchKey(query);
    return (choices.data ?? []).filter((c) => key === '' || searchKey(`${c.label} ${c.detail}`).includes(key));
  }, [choices.data, query]);

  return (
    <Dialog
      title={t(mode === 'town' ? 'merge.town.title' : 'merge.partnership.title')}
      onClose={onClose}
      testId="merge-dialog"
      wide
      footer={
        <DialogButtons
          confirmLabel={t('merge.confirm')}
          onCancel={onClose}
          onConfirm={() => chosen && onMerge(chosen)}
          disabled={chosen === null}
          testId="merge-confirm"
        />
      }
    >
      <p className="dialog-text">
        {t(mode === 'town' ? 'merge.town.explain' : 'merge.partnership.explain', { keep: keepLabel })}
      </p>
      <input
        className="merge-search"
        value={query}
        placeholder={t('common.search')}
        onChange={(e) => setQuery(e.target.value)}
        data-testid="merge-search"
        autoFocus
      />
      {choices.status === 'ready' && shown.length === 0 && <p className="hint">{t('merge.none')}</p>}
      <ul className="merge-list" role="listbox" aria-label={t('merge.choose')}>
        {shown.slice(0, 200).map((choice) => (
          <li key={choice.id}>
            <label className={chosen?.id === choice.id ? 'merge-choice merge-chosen' : 'merge-choice'}>
              <input
                type="radio"
                name="merge-choice"
                checked={chosen?.id === choice.id}
                onChange={() => setChosen(choice)}
                data-testid="merge-choice"
              />
              <strong>{choice.label}</strong>
              <span className="muted-small">{choice.detail}</span>
            </label>
          </li>
        ))}
      </ul>
      {chosen !== null && (
        <p className="notice" data-testid="merge-summary">
          {t(mode === 'town' ? 'merge.town.summary' : 'merge.partnership.summary', {
            other: chosen.label,
            keep: keepLabel,
          })}
        </p>
      )}
    </Dialog>
  );
}
