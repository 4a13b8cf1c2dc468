import { useEffect, useId, useRef, useState, type ChangeEvent } from 'react';
import { countryName } from '../../shared/domain/countries';
import type { TownSuggestion } from '../../shared/domain/partnerships';
import { call } from '../lib/api';
import { useI18n } from '../lib/i18n';
import { Field } from './Field';
import './town-picker.css';

/**
 * The one town picker ("New partnership", turning a request into one): typing a town's name gives
 * offline suggestions, registry towns first, then the GeoNames gazetteer; only a suggestion can be
 * chosen, so a new town comes with its diacritics, coordinates and gazetteer identity.
 */
export function TownPicker({
  value,
  onChange,
  error,
  label,
  initialQuery = '',
  countryCode,
  chooseExactMatch = false,
  onQuery,
}: {
  value: TownSuggestion | null;
  onChange: (town: TownSuggestion | null) => void;
  error?: string | undefined;
  /** The field's label ("Partner town" unless given). */
  label?: string | undefined;
  /** Text to search for at once (a foreign town's request names its town). */
  initialQuery?: string | undefined;
  /** Only towns of this country (a foreign town's request names its country). */
  countryCode?: string | undefined;
  /**
   * The one suggestion named exactly as `initialQuery` (the town a request names, in its country)
   * is chosen at once; the user sees it chosen and may change it. Two of that name: none is.
   */
  chooseExactMatch?: boolean;
  /** The text typed so far (a dialog counts typed text as unsaved). */
  onQuery?: (text: string) => void;
}) {
  const { t, language } = useI18n();
  const [query, setQuery] = useState(initialQuery);
  const { suggestions: found, waiting, active, setActive } = useTownSuggestions(query, countryCode);
  // Escape closes the list first (not the dialog around it); typing opens it again.
  const [listClosedFor, setListClosedFor] = useState<string | null>(null);
  const suggestions = listClosedFor === query ? null : found;
  // Tried once, on the first answer to the initial text (a later choice or change is the user's).
  // Not tried at all when a town is chosen already, and given up at the user's first own step.
  const exactTried = useRef(!chooseExactMatch || initialQuery.trim() === '' || value !== null);
  const byUser =
    <A extends unknown[]>(act: (...args: A) => void) =>
    (...args: A) => {
      exactTried.current = true;
      act(...args);
    };
  // Where the focus goes after the user's pick or "Change": the chosen town's Change button, or
  // the field again (it fell to the page when the field turned into the chosen town).
  const listId = useId();
  const [picked, setPicked] = useState<'chosen' | 'input' | null>(null);
  const pick = (town: TownSuggestion | null) => {
    setPicked(town === null ? 'input' : 'chosen');
    onChange(town);
  };
  useEffect(() => {
    if (exactTried.current || waiting || suggestions === null || query !== initialQuery) return;
    exactTried.current = true;
    const match = exactlyNamed(suggestions, initialQuery);
    if (match !== null && value === null) onChange(match);
  }, [waiting, suggestions, query, initialQuery, value, onChange]);
  if (value) {
    return (
      <div className="field field-wide">
        <span className="field-label">{label ?? t('partnerships.new.town')}</span>
        <div className="p-chosen" data-testid="town-chosen">
          <span>
            <strong>{value.name}</strong>
            {value.nameCs !== null && value.nameCs !== value.name && <> ({value.nameCs})</>} ·{' '}
            <span className="p-cc">{value.countryCode}</span> {countryName(value.countryCode, language)}
          </span>
          <button
            type="button"
            className="button small"
            // The user's own pick: the focus stays where they work (it fell to the page).
            autoFocus={picked === 'chosen'}
            onClick={byUser(() => pick(null))}
          >
            {t('partnerships.new.change')}
          </button>
        </div>
      </div>
    );
  }
  return (
    <Field name="town" label={label ?? t('partnerships.new.town')} error={error} wide>
      <input
        // After the user's "Change": back in the field.
        autoFocus={picked === 'input'}
        value={query}
        role="combobox"
        aria-expanded={suggestions !== null && suggestions.length > 0}
        aria-controls={listId}
        aria-activedescendant={
          suggestions !== null && suggestions[active] !== undefined ? `${listId}-${String(active)}` : undefined
        }
        aria-autocomplete="list"
        placeholder={t('partnerships.new.townHint')}
        onChange={byUser((e: ChangeEvent<HTMLInputElement>) => {
          setQuery(e.target.value);
          // A highlight belongs to the suggestions of the text it was made on.
          setActive(-1);
          setListClosedFor(null);
          onQuery?.(e.target.value);
        })}
        onKeyDown={(event) => {
          if (!suggestions || suggestions.length === 0) return;
          if (event.key === 'Escape') {
            event.preventDefault();
            event.stopPropagation();
            setListClosedFor(query);
            return;
          }
          // Nothing is highlighted until an arrow key: the first ArrowDown highlights the first town
          // (it went to the second, and Enter saved "Linz am Rhein" for Linz: walkthrough 19).
          if (event.key === 'ArrowDown') setActive((n) => Math.min(n + 1, suggestions.length - 1));
          else if (event.key === 'ArrowUp') setActive((n) => Math.max(n - 1, 0));
          else if (event.key === 'Enter') {
            event.preventDefault();
            // The suggestions shown answer an earlier text until core answers this one: nothing yet.
            if (waiting) return;
            // Enter without a highlighted town takes only the one town of exactly the typed name.
            const chosen = suggestions[active] ?? exactlyNamed(suggestions, query);
            if (chosen === null) return;
            exactTried.current = true;
            pick(chosen);
          } else return;
          event.preventDefault();
        }}
        data-testid="town-input"
      />
      <TownSuggestionList
        id={listId}
        suggestions={suggestions}
        waiting={waiting}
        active={active}
        onPick={byUser(pick)}
        onHover={setActive}
      />
    </Field>
  );
}

/**
 * A chosen town as "New partnership" and a request's conversion send it to core: the registry's
 * record by its id, else the gazetteer's town with its identity, Czech name and position.
 */
export const townChoiceInput = (town: TownSuggestion) =>
  town.foreignTownId !== null
    ? { foreignTownId: town.foreignTownId }
    : {
        town: {
          name: town.name,
          nameCs: town.nameCs,
          countryCode: town.countryCode,
          adminRegion: town.adminRegion,
          population: town.population,
          latitude: town.latitude,
          longitude: town.longitude,
          geonamesId: town.geonamesId,
        },
      };

/**
 * The one suggestion whose name (or Czech name) is exactly `text` apart from letter case, or null
 * when none or several are ("Żary" is Żary; two "Żarki" leave the choice to the user).
 */
export function exactlyNamed(suggestions: readonly TownSuggestion[], text: string): TownSuggestion | null {
  const wanted = text.trim().toLocaleLowerCase();
  if (wanted === '') return null;
  const found = suggestions.filter((town) =>
    [town.name, town.nameCs].some((name) => name !== null && name.trim().toLocaleLowerCase() === wanted),
  );
  return found.length === 1 ? (found[0] ?? null) : null;
}

/**
 * The offline town suggestions for what is typed (registry towns first, then the GeoNames
 * gazetteer), asked after a short pause; fewer than two letters ask nothing. `waiting` while core
 * has not answered the current text (the first answer waits for the gazetteer to load).
 */
export function useTownSuggestions(query: string, countryCode?: string) {
  const [result, setResult] = useState<TownSuggestion[] | null>(null);
  // The highlighted suggestion; -1: none (the user's arrow keys choose one).
  const [active, setActive] = useState(-1);
  // The query the suggestions shown answer.
  const [answered, setAnswered] = useState<string | null>(null);
  // Fewer than two letters ask nothing and show nothing.
  const suggestions = query.trim().length < 2 ? null : result;
  const waiting = query.trim().length >= 2 && answered !== query;
  useEffect(() => {
    if (query.trim().length < 2) return;
    let live = true;
    // A short pause while typing, so each keystroke does not ask core.
    const timer = setTimeout(() => {
      call('towns:suggest', { query, limit: 10, ...(countryCode === undefined ? {} : { countryCode }) }).then(
        (found) => {
          if (live) {
            setResult(found);
            setAnswered(query);
            setActive(-1);
          }
        },
        () => {
          if (live) {
            setResult([]);
            setAnswered(query);
          }
        },
      );
    }, 150);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [query, countryCode]);

  return { suggestions, waiting, active, setActive };
}

/** The suggestions under a town input: country, name (with its Czech name), region, population. */
export function TownSuggestionList({
  id,
  suggestions,
  waiting,
  active,
  onPick,
  onHover,
}: {
  /** The list's id: option n is `${id}-n` (the field names the highlighted one to screen readers). */
  id: string;
  suggestions: TownSuggestion[] | null;
  waiting: boolean;
  active: number;
  onPick: (town: TownSuggestion) => void;
  onHover: (index: number) => void;
}) {
  const { t, language, formatNumber } = useI18n();
  return (
    (suggestions !== null || waiting) && (
      <ul className="p-suggestions" role="listbox" id={id} data-testid="town-suggestions">
        {waiting && (
          <li className="muted-small p-suggestions-loading" role="status" data-testid="town-suggestions-loading">
            <span className="spinner" aria-hidden="true" /> {t('common.loading')}
          </li>
        )}
        {suggestions?.length === 0 && !waiting && <li className="muted-small">{t('partnerships.new.noMatch')}</li>}
        {(suggestions ?? []).map((s, index) => (
          <li
            key={`${String(s.foreignTownId)}-${String(s.geonamesId)}-${s.name}`}
            id={`${id}-${String(index)}`}
            role="option"
            aria-selected={index === active}
            className={index === active ? 'active' : undefined}
            onMouseDown={(event) => {
              event.preventDefault();
              onPick(s);
            }}
            onMouseEnter={() => onHover(index)}
            data-testid="town-suggestion"
          >
            <span className="p-cc">{s.countryCode}</span>
            <span className="p-sugg-main">
              <strong>{s.name}</strong>
              {s.nameCs !== null && s.nameCs !== s.name && <span className="muted-small"> ({s.nameCs})</span>}
              <span className="muted-small">
                {' '}
                · {countryName(s.countryCode, language)}
                {s.adminRegion !== null ? ` · ${s.adminRegion}` : ''}
              </span>
              {s.gazetteerName != null && (
                <span className="p-sugg-spelling" data-testid="town-gazetteer-spelling">
                  {t('partnerships.new.gazetteerSpelling', { name: s.gazetteerName })}
                </span>
              )}
              {/* The gazetteer's town this registry record is: one suggestion, not two (walkthrough 24). */}
              {s.gazetteerTown != null && (
                <span className="p-sugg-gazetteer" data-testid="town-gazetteer-same">
                  {s.gazetteerTown.population === null
                    ? t('towns.suggest.gazetteerTownNoPopulation', { name: s.gazetteerTown.name })
                    : t('towns.suggest.gazetteerTown', {
                        name: s.gazetteerTown.name,
                        population: formatNumber(s.gazetteerTown.population),
                      })}
                </span>
              )}
              {s.maybeInRegistry != null && (
                <span className="p-sugg-spelling" data-testid="town-maybe-in-registry">
                  {t('towns.suggest.maybeInRegistry', { name: s.maybeInRegistry })}
                </span>
              )}
            </span>
            <span className="p-sugg-side">
              {s.foreignTownId !== null && <span className="p-badge">{t('partnerships.new.inRegistry')}</span>}
              {s.population !== null && (
                <span className="muted-small">
                  {t('partnerships.new.population', { count: formatNumber(s.population) })}
                </span>
              )}
            </span>
          </li>
        ))}
      </ul>
    )
  );
}
