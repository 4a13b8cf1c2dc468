import { useMemo, useState } from 'react';
import { searchKey } from '../../../shared/domain/text';
import type { OutputOf } from '../../../shared/ipc/contract';
import { useI18n } from '../../lib/i18n';
import '../../components/town-picker.css';

type Choice = OutputOf<'agreements:sources'>['partnerships'][number];

/** At most this many matches are listed; more ask the user to type more. */
const SHOWN = 50;

/** "Všeruby (Domažlice)": the member with its district, unless the district is named after it. */
export const memberLabel = (p: Pick<Choice, 'municipalityName' | 'districtName'>): string =>
  p.districtName === null || p.districtName === p.municipalityName
    ? p.municipalityName
    : `${p.municipalityName} (${p.districtName})`;

/**
 * A text as the picker compares it: no case, no diacritics, and the letters that are no letter with
 * a mark in Unicode folded too ("Kłodzko" is found by "klodzko", "Tønder" by "tonder").
 */
const foldKey = (text: string): string =>
  searchKey(text)
    .replace(/ł/g, 'l')
    .replace(/[øœ]/g, 'o')
    .replace(/đ/g, 'd')
    .replace(/ß/g, 'ss')
    .replace(/æ/g, 'ae')
    .replace(/ı/g, 'i');

/**
 * The partnerships whose member, district, partner town or country contain every word typed,
 * without regard to case or diacritics ("zdar sazavou", "klodzko"), in the list's order. Where
 * some begin words with every typed word, only those: "Aš" is Aš, not every name with "as" in it
 * (Dallas, Castellarano); "lomouc" still finds Olomouc.
 */
export function matchPartnerships(partnerships: readonly Choice[], query: string): Choice[] {
  const words = foldKey(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...partnerships];
  const keyOf = (p: Choice) =>
    ` ${foldKey(`${p.municipalityName} ${p.districtName ?? ''} ${p.townName} ${p.townNameCs ?? ''} ${p.countryCode}`).replace(/[^\p{L}\p{N}]+/gu, ' ')}`;
  const keys = partnerships.map((p) => [p, keyOf(p)] as const);
  const atStarts = keys.filter(([, key]) => words.every((word) => key.includes(` ${word}`)));
  if (atStarts.length > 0) return atStarts.map(([p]) => p);
  return keys.filter(([, key]) => words.every((word) => key.includes(word))).map(([p]) => p);
}

/**
 * The partnership an agreement is drafted for (review D20): typing finds it among hundreds
 * without diacritics, and homonymous members are told apart by their district, the partnership by
 * its type and status. The chosen one stays shown with a button to choose another.
 */
export function PartnershipPicker({
  partnerships,
  value,
  onChange,
}: {
  partnerships: readonly Choice[];
  value: number | null;
  onChange: (id: number | null) => void;
}) {
  const { t, tk } = useI18n();
  const [query, setQuery] = useState('');
  // The highlighted option; -1: none until an arrow key (the town picker's way: the first
  // ArrowDown highlights the first option).
  const [active, setActive] = useState(-1);
  const matches = useMemo(() => matchPartnerships(partnerships, query), [partnerships, query]);
  const shown = matches.slice(0, SHOWN);
  const chosen = value === null ? undefined : partnerships.find((p) => p.id === value);
  // After the user's pick the focus is on "Choose another", after that back in the field (it fell to the page).
  const [picked, setPicked] = useState<'chosen' | 'input' | null>(null);

  if (chosen !== undefined) {
    return (
      <div className="field field-wide">
        <span className="field-label">{t('agreements.partnership')}</span>
        <div className="p-chosen" data-testid="agreement-partnership-chosen">
          <span>
            <strong>{memberLabel(chosen)}</strong>
            {' – '}
            <strong>{chosen.townName}</strong> <span className="p-cc">{chosen.countryCode}</span>{' '}
            <span className="muted-small">
              ·{' '}
              {t('agreements.typeStatus', {
                type: tk(`partnershipType.${chosen.type}`),
                status: tk(`partnershipStatus.${chosen.status}`),
              })}
            </span>
          </span>
          <button
            type="button"
            className="button small"
            data-testid="agreement-partnership-change"
            autoFocus={picked === 'chosen'}
            onClick={() => {
              setQuery('');
              setPicked('input');
              onChange(null);
            }}
          >
            {t('agreements.partnership.change')}
          </button>
        </div>
      </div>
    );
  }
  const choose = (p: Choice | undefined) => {
    if (p === undefined) return;
    setPicked('chosen');
    onChange(p.id);
  };
  return (
    <div className="field field-wide">
      <label htmlFor="agr-partnership">{t('agreements.partnership')}</label>
      <input
        id="agr-partnership"
        data-testid="agreement-partnership"
        role="combobox"
        aria-expanded={shown.length > 0}
        aria-controls="agr-partnership-list"
        aria-activedescendant={shown[active] === undefined ? undefined : `agr-partnership-option-${String(active)}`}
        autoFocus={picked === 'input'}
        aria-autocomplete="list"
        autoComplete="off"
        placeholder={t('agreements.partnership.search')}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(-1);
        }}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown') setActive((n) => Math.min(n + 1, shown.length - 1));
          else if (event.key === 'ArrowUp') setActive((n) => Math.max(n - 1, 0));
          // Enter without a highlighted option takes the only one shown.
          else if (event.key === 'Enter') choose(shown[active] ?? (shown.length === 1 ? shown[0] : undefined));
          else return;
          event.preventDefault();
        }}
      />
      <ul className="p-suggestions" role="listbox" id="agr-partnership-list" data-testid="agreement-partnership-list">
        {shown.length === 0 && <li className="muted-small">{t('agreements.partnership.noMatch')}</li>}
        {shown.map((p, index) => (
          <li
            key={p.id}
            id={`agr-partnership-option-${String(index)}`}
            role="option"
            aria-selected={index === active}
            className={index === active ? 'active' : undefined}
            data-testid="agreement-partnership-option"
            data-id={p.id}
            onMouseDown={(event) => {
              event.preventDefault();
              choose(p);
            }}
            onMouseEnter={() => setActive(index)}
          >
            <span className="p-cc">{p.countryCode}</span>
            <span className="p-sugg-main">
              <strong>{memberLabel(p)}</strong>
              {' – '}
              <strong>{p.townName}</strong>
              {/* Type and status under the names, so the names keep the width of a half-screen card. */}
              <span className="muted-small agreement-picker-meta">
                {t('agreements.typeStatus', {
                  type: tk(`partnershipType.${p.type}`),
                  status: tk(`partnershipStatus.${p.status}`),
                })}
              </span>
            </span>
          </li>
        ))}
        {matches.length > shown.length && (
          <li className="muted-small" data-testid="agreement-partnership-more">
            {t('agreements.partnership.more', { count: matches.length - shown.length })}
          </li>
        )}
      </ul>
    </div>
  );
}
