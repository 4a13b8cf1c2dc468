import { useMemo, useState } from 'react';
import { countryName } from '../../../shared/domain/countries';
import type { ChoosableField, MergeClash } from '../../../shared/domain/partnership-merge';
import { searchKey } from '../../../shared/domain/text';
import type { TownCard } from '../../../shared/domain/town-card';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Dialog, DialogButtons } from '../../components/dialogs';
import { call } from '../../lib/api';
import { useI18n } from '../../lib/i18n';
import { useAsync } from '../../lib/useAsync';
import { partnershipsStore } from './partnerships-store';
import { nearFirst, proposedStays } from './merge-town-choice';
import './merge-dialog.css';

/** One record the list offers; `near`: a town whose name is nearly this one's (listed first). */
export type MergeChoice = { id: number; label: string; detail: string; near?: boolean };

/**
 * A town merge as the user chose it: which record stays and which is merged into it (either may
 * be the town the dialog started from), and the partnership the detail shows afterwards.
 */
export type TownMergeSides = {
  keepId: number;
  keepLabel: string;
  mergeId: number;
  mergeLabel: string;
  /**
   * The member's partnership with the kept town when the started-from town is merged away and the
   * member had a partnership with each (the started-from partnership merges into it); else null
   * (the started-from partnership stays, with the kept town).
   */
  partnershipAfter: number | null;
};

/**
 * Chooses the other record of a duplicate and merges the two: another record of the same town
 * (same country; the user chooses which of the two stays, the gazetteer-identified one proposed),
 * or another partnership of the same member (merged into this one). Says what happens before it
 * happens; the merge itself is undoable from the toast.
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
  /** The town started from (mode town) or the kept partnership (mode partnership). */
  keepId: number;
  /**
   * `take`: the clashing fields where the other partnership's value replaces this one's; `sides`
   * (mode town): which town stays and which is merged into it.
   */
  onMerge: (choice: MergeChoice, take: ChoosableField[], sides: TownMergeSides | null) => void;
  onClose: () => void;
}) {
  const { t, tn, language } = useI18n();
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
  // A town merge: both records' cards (gazetteer id, partnerships), for the choice of which stays.
  const cards = useAsync(
    async () =>
      mode === 'town' && chosen !== null
        ? Promise.all([call('towns:card', { id: keepId }), call('towns:card', { id: chosen.id })])
        : null,
    [mode, keepId, chosen?.id],
  );
  /** The two cards of the town merge chosen now (not those of a previous choice still shown). */
  const pair = cards.status === 'ready' && cards.data !== null && cards.data[1].id === chosen?.id ? cards.data : null;
  /** Which record stays as the user chose; null: the proposed one. */
  const [stays, setStays] = useState<'started' | 'other' | null>(null);
  const proposed = pair === null ? null : proposedStays(pair[0], pair[1]);
  const staying = stays ?? proposed;
  const sides = pair === null || staying === null ? null : townMergeSides(pair, staying, municipalityId);
  const choose = (choice: MergeChoice) => {
    setChosen(choice);
    setTake(new Set());
    setStays(null);
  };
  const ready =
    chosen !== null && (mode === 'town' ? sides !== null : preview.status === 'ready' && preview.data !== null);
  const choices = useAsync(async (): Promise<MergeChoice[]> => {
    if (mode === 'town') {
      const [towns, started] = await Promise.all([
        call('towns:ofCountry', { countryCode }),
        call('towns:card', { id: keepId }),
      ]);
      // A misspelling of this town first (walkthrough 25: "Ružomberok" was found only by typing).
      const ownNames = [started.name, started.nameCs ?? '', started.nameNative ?? '', ...started.altNames];
      return nearFirst(
        towns
          .filter((town) => town.id !== keepId)
          .map((town) => ({ ...town, names: [town.name, town.nameCs ?? '', ...town.altNames] })),
        ownNames,
      ).map((town) => ({
        id: town.id,
        label: town.name,
        near: town.near,
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
          onConfirm={() => chosen && ready && onMerge(chosen, [...take], mode === 'town' ? sides : null)}
          disabled={!ready}
          testId="merge-confirm"
        />
      }
    >
      <p className="dialog-text">
        {mode === 'town'
          ? t('merge.town.explainChoose', { town: keepLabel })
          : t('merge.partnership.explain', { keep: keepLabel })}
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
      <ul
        className={chosen !== null && mode === 'town' ? 'merge-list merge-list-short' : 'merge-list'}
        role="listbox"
        aria-label={t('merge.choose')}
      >
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
              {choice.near === true && (
                <span className="badge merge-badge" data-testid="merge-similar">
                  {t('merge.town.similar')}
                </span>
              )}
            </label>
          </li>
        ))}
      </ul>
      {chosen !== null && mode === 'town' && cards.status === 'error' && (
        <ErrorNotice error={cards.error} onRetry={cards.reload} />
      )}
      {chosen !== null && mode === 'town' && pair === null && cards.status === 'loading' && (
        <p className="hint">{t('common.loading')}</p>
      )}
      {pair !== null && staying !== null && sides !== null && (
        <>
          <fieldset className="merge-stays" data-testid="merge-stays">
            <legend>{t('merge.town.stays.legend')}</legend>
            {(['started', 'other'] as const).map((side) => {
              const card = side === 'started' ? pair[0] : pair[1];
              return (
                <label
                  key={side}
                  className={staying === side ? 'merge-stays-option merge-chosen' : 'merge-stays-option'}
                  data-testid={`merge-stays-${side}`}
                >
                  <input
                    type="radio"
                    name="merge-stays"
                    checked={staying === side}
                    onChange={() => setStays(side)}
                    data-testid={`merge-stays-${side}-radio`}
                  />
                  <strong>{card.name}</strong>
                  <span className="muted-small">
                    {[
                      `${countryName(card.countryCode, language)} (${card.countryCode})`,
                      card.geonamesId === null
                        ? t('merge.town.stays.noGazetteer')
                        : t('merge.town.stays.geonames', { id: String(card.geonamesId) }),
                      tn('merge.partnershipsCount', card.partnerships.length),
                      ...(side === 'started' ? [t('merge.town.stays.started')] : []),
                    ].join(' · ')}
                  </span>
                  {proposed === side && (
                    <span className="badge merge-badge" data-testid="merge-stays-proposed">
                      {t('merge.town.stays.proposed')}
                    </span>
                  )}
                </label>
              );
            })}
            <p className="hint merge-stays-why">{t('merge.town.stays.proposedWhy')}</p>
          </fieldset>
          <p className="notice" data-testid="merge-summary">
            {t('merge.town.summaryStays', { other: sides.mergeLabel, keep: sides.keepLabel })}
          </p>
        </>
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

/** The town merge the user chose from the two cards (started from, chosen) and which one stays. */
function townMergeSides(
  [started, other]: readonly [TownCard, TownCard],
  stays: 'started' | 'other',
  municipalityId: number,
): TownMergeSides {
  const [kept, merged] = stays === 'started' ? [started, other] : [other, started];
  return {
    keepId: kept.id,
    keepLabel: kept.name,
    mergeId: merged.id,
    mergeLabel: merged.name,
    partnershipAfter:
      stays === 'other'
        ? (other.partnerships.find((p) => p.municipalityId === municipalityId)?.partnershipId ?? null)
        : null,
  };
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
