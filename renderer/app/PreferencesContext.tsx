import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Preferences } from '../../shared/domain/schemas';
import { DEFAULT_PREFERENCES } from '../../shared/domain/preferences-defaults';
import { call } from '../lib/api';

type PreferencesValue = {
  preferences: Preferences;
  loaded: boolean;
  update: (patch: Partial<Preferences>) => Promise<void>;
};

const PreferencesContext = createContext<PreferencesValue>({
  preferences: DEFAULT_PREFERENCES,
  loaded: false,
  update: () => Promise.resolve(),
});

/** Preferences live in core (electron-store in the shell); the renderer keeps a copy. */
export function PreferencesProvider({ children }: { children: ReactNode }) {
  const [preferences, setPreferences] = useState<Preferences>(DEFAULT_PREFERENCES);
  const [loaded, setLoaded] = useState(false);
  useEffect(() => {
    call('prefs:get', {}).then(
      (value) => {
        setPreferences(value);
        setLoaded(true);
      },
      () => setLoaded(true),
    );
  }, []);
  const update = useCallback(async (patch: Partial<Preferences>) => {
    setPreferences((previous) => ({ ...previous, ...patch }));
    setPreferences(await call('prefs:set', patch));
  }, []);
  const value = useMemo(() => ({ preferences, loaded, update }), [preferences, loaded, update]);
  return <PreferencesContext.Provider value={value}>{children}</PreferencesContext.Provider>;
}

export const usePreferences = (): PreferencesValue => useContext(PreferencesContext);
