import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Preferences } from '../../shared/domain/schemas';
import { DEFAULT_PREFERENCES } from '../../shared/domain/preferences-defaults';
import { call } from '../lib/api';

type PreferencesValue = {
  /** The preferences; `gridStates` as loaded (a grid's current layout: `gridState`). */
  preferences: Preferences;
  loaded: boolean;
  update: (patch: Partial<Preferences>) => Promise<void>;
  /** A grid's remembered layout (column order, widths, sort, filters), as last written. */
  gridState: (gridId: string) => unknown;
  /**
   * Remembers a grid's layout. Written to core without a new preferences value: a sort or a column
   * drag must not render the whole app again (the grid already shows its layout; the layout is
   * read when a grid is made).
   */
  saveGridState: (gridId: string, state: unknown) => void;
};

const PreferencesContext = createContext<PreferencesValue>({
  preferences: DEFAULT_PREFERENCES,
  loaded: false,
  update: () => Promise.resolve(),
  gridState: () => undefined,
  saveGridState: () => undefined,
});

/** Preferences live in core (electron-store in the shell); the renderer keeps a copy. */
export function PreferencesProvider({ children }: { children: ReactNode }) {
  const [preferences, setPreferences] = useState<Preferences>(DEFAULT_PREFERENCES);
  const [loaded, setLoaded] = useState(false);
  const gridStates = useRef<Preferences['gridStates']>({});
  useEffect(() => {
    call('prefs:get', {}).then(
      (value) => {
        gridStates.current = value.gridStates;
        setPreferences(value);
        setLoaded(true);
      },
      () => setLoaded(true),
    );
  }, []);
  const update = useCallback(async (patch: Partial<Preferences>) => {
    if (patch.gridStates) gridStates.current = patch.gridStates;
    setPreferences((previous) => ({ ...previous, ...patch }));
    setPreferences(await call('prefs:set', patch));
  }, []);
  const gridState = useCallback((gridId: string) => gridStates.current[gridId], []);
  const saveGridState = useCallback((gridId: string, state: unknown) => {
    gridStates.current = { ...gridStates.current, [gridId]: state };
    // Every layout in one write, so that writes crossing each other leave the last one whole.
    call('prefs:set', { gridStates: gridStates.current }).catch(() => undefined);
  }, []);
  const value = useMemo(
    () => ({ preferences, loaded, update, gridState, saveGridState }),
    [preferences, loaded, update, gridState, saveGridState],
  );
  return <PreferencesContext.Provider value={value}>{children}</PreferencesContext.Provider>;
}

export const usePreferences = (): PreferencesValue => useContext(PreferencesContext);
