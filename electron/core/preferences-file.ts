import { copyFile, readFile } from 'node:fs/promises';
import { DEFAULT_PREFERENCES, preferencesSchema, type Preferences } from '../../shared/domain/schemas';
import { writeFileAtomically } from './files';
import type { PreferencesPort } from './ports';

/**
 * Preferences in a JSON file, for the CLI, the web preview and tests (the Electron shell uses
 * electron-store). A damaged file falls back to defaults and is kept beside as `.bad-<time>`.
 */
export function createFilePreferences(filePath: string): PreferencesPort {
  let cache: Preferences | null = null;

  const load = async (): Promise<Preferences> => {
    if (cache) return cache;
    let text: string;
    try {
      text = await readFile(filePath, 'utf8');
    } catch {
      cache = { ...DEFAULT_PREFERENCES };
      return cache;
    }
    try {
      cache = preferencesSchema.parse({ ...DEFAULT_PREFERENCES, ...(JSON.parse(text) as object) });
    } catch {
      await copyFile(filePath, `${filePath}.bad-${Date.now()}`).catch(() => undefined);
      cache = { ...DEFAULT_PREFERENCES };
    }
    return cache;
  };

  // Writes run one after another: two at once would share the temporary file (the second rename
  // fails) and the later one would drop the earlier one's change (both merged into the old state).
  let queue: Promise<unknown> = Promise.resolve();
  const write = async (patch: Partial<Preferences>): Promise<Preferences> => {
    const next = preferencesSchema.parse({ ...(await load()), ...patch });
    await writeFileAtomically(filePath, JSON.stringify(next, null, 2));
    cache = next;
    return next;
  };

  return {
    get: load,
    set: (patch) => {
      const run = queue.then(() => write(patch));
      queue = run.catch(() => undefined);
      return run;
    },
  };
}

/** Preferences kept in memory only (tests). */
export function createMemoryPreferences(initial: Partial<Preferences> = {}): PreferencesPort {
  let current = preferencesSchema.parse({ ...DEFAULT_PREFERENCES, ...initial });
  return {
    get: () => Promise.resolve(current),
    set: (patch) => {
      current = preferencesSchema.parse({ ...current, ...patch });
      return Promise.resolve(current);
    },
  };
}
