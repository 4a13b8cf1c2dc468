import { useMemo, useState } from 'react';
import type { ChoosableField, MergeClash } from '../../../shared/domain/partnership-merge';
import { searchKey } from '../../../shared/domain/text';
import { ErrorNotice } from '../../components/ErrorNotice';
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
  /** `take`: the clashing fields where the other partnership's value replaces this one's. */
  onMerge: (choice: MergeChoice, take: ChoosableField[]) => void;
  onClose: () => void;
}) {
  const { t, tn } = useI18n();
  const [query, setQuery] = useState('');
  const [chosen, setChosen] = useState<MergeChoice | null>(null);
  const [take, setTake] = useState<ReadonlySet<ChoosableField>>(new Set());
  // What a partnership merge would do with the chosen one: the fields both state differently
  // (each shown, this record's value kept unless the user takes the other's) and what moves.
  const preview = useAsync(
    async () =>
      mode === 'partnership' && chosen !== null
        ? call('partnerships:mergePreview', { keepId, mergeId: chosen.id })
        : null,
    [mode, keepId, chosen?.id],
  );
  const choose = (choice: MergeChoice) => {
    setChosen(choice);
    setTake(new Set());
  };
  const ready = chosen !== null && (mode === 'town' || (preview.status === 'ready' && preview.data !== null));
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
          onConfirm={() => chosen && ready && onMerge(chosen, [...take])}
          disabled={!ready}
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
                onChange={() => choose(choice)}
                data-testid="merge-choice"
              />
              <strong>{choice.label}</strong>
              <span className="muted-small">{choice.detail}</span>
            </label>
          </li>
        ))}
      </ul>
      {chosen !== null && mode === 'town' && (
        <p className="notice" data-testid="merge-summary">
          {t('merge.town.summary', { other: chosen.label, keep: keepLabel })}
        </p>
      )}
      {chosen !== null && mode === 'partnership' && preview.status === 'error' && (
        <ErrorNotice error={preview.error} onRetry={preview.reload} />
      )}
      {chosen !== null && mode === 'partnership' && preview.status === 'ready' && preview.data && (
        <>
          {preview.data.clashes.length > 0 && (
            <ClashTable
              clashes={preview.data.clashes}
              take={take}
              onTake={(field, taken) =>
                setTake((now) => {
                  const next = new Set(now);
                  if (taken) next.add(field);
                  else next.delete(field);
                  return next;
                })
              }
            />
          )}
          <p className="notice" data-testid="merge-summary">
            {t('merge.partnership.summary', {
              other: chosen.label,
              moves: movesText(preview.data.moves, t, tn),
            })}
          </p>
        </>
      )}
    </Dialog>
  );
}

type Translate = ReturnType<typeof useI18n>['t'];
type TranslatePlural = ReturnType<typeof useI18n>['tn'];

/** What moves to the kept partnership ("2 kontakty, 1 příloha"), or that nothing does. */
function movesText(
  moves: { contacts: number; activities: number; agreements: number; attachments: number },
  t: Translate,
  tn: TranslatePlural,
): string {
  const parts = (['contacts', 'activities', 'agreements', 'attachments'] as const)
    .filter((kind) => moves[kind] > 0)
    .map((kind) => tn(`merge.moves.${kind}`, moves[kind]));
  return parts.length === 0 ? t('merge.moves.none') : parts.join(', ');
}

/** Labels of the clashing fields (the partnership form's). */
const CLASH_LABEL: Readonly<Record<ChoosableField, string>> = {
  type: 'partnerships.field.type',
  status: 'partnerships.field.status',
  startedOn: 'partnerships.field.startedOn',
  signedOn: 'partnerships.field.signedOn',
  signedPlace: 'partnerships.field.signedPlace',
  czResolution: 'partnerships.field.czResolution',
  czResolutionDate: 'partnerships.field.czResolutionDate',
  partnerResolution: 'partnerships.field.partnerResolution',
  partnerResolutionDate: 'partnerships.field.partnerResolutionDate',
  term: 'partnerships.field.termKind',
  endedOn: 'partnerships.field.endedOn',
};

/**
 * The fields both partnerships state differently: this record's value is kept unless the user
 * takes the other's, field by field (walkthrough 20: "2009" silently won over "1. 3. 2010").
 */
function ClashTable({
  clashes,
  take,
  onTake,
}: {
  clashes: readonly MergeClash[];
  take: ReadonlySet<ChoosableField>;
  onTake: (field: ChoosableField, taken: boolean) => void;
}) {
  const { t, tk, formatDate } = useI18n();
  const shown = (field: ChoosableField, value: string): string => {
    if (field === 'type') return tk(`partnershipType.${value}`);
    if (field === 'status') return tk(`partnershipStatus.${value}`);
    if (field === 'term') {
      const [kind, until] = value.split(':');
      const named = tk(`partnerships.termKind.${kind ?? ''}`);
      return until === undefined ? named : t('merge.clashes.termUntil', { term: named, date: formatDate(until) });
    }
    if (field === 'signedPlace' || field === 'czResolution' || field === 'partnerResolution') return value;
    return formatDate(value);
  };
  return (
    <div className="merge-clashes" data-testid="merge-clashes">
      <p className="dialog-text">{t('merge.clashes.explain')}</p>
      <table className="merge-clash-table">
        <thead>
          <tr>
            <th scope="col">{t('merge.clashes.field')}</th>
            <th scope="col">{t('merge.clashes.kept')}</th>
            <th scope="col">{t('merge.clashes.other')}</th>
          </tr>
        </thead>
        <tbody>
          {clashes.map((clash) => (
            <tr key={clash.field} data-testid={`merge-clash-${clash.field}`}>
              <th scope="row">{tk(CLASH_LABEL[clash.field])}</th>
              <td>
                <label className="merge-clash-value">
                  <input
                    type="radio"
                    name={`merge-clash-${clash.field}`}
                    checked={!take.has(clash.field)}
                    onChange={() => onTake(clash.field, false)}
                    data-testid={`merge-keep-${clash.field}`}
                  />
                  {shown(clash.field, clash.kept)}
                </label>
              </td>
              <td>
                <label className="merge-clash-value">
                  <input
                    type="radio"
                    name={`merge-clash-${clash.field}`}
                    checked={take.has(clash.field)}
                    onChange={() => onTake(clash.field, true)}
                    data-testid={`merge-take-${clash.field}`}
                  />
                  {shown(clash.field, clash.other)}
                </label>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
