import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFilePreferences } from '../../../electron/core/preferences-file';
import { tempDir } from '../../support/temp-db';

describe('file preferences', () => {
  it('keeps every change when several are written at once (grid layouts saved while the language changes)', async () => {
    const dir = tempDir();
    try {
      const file = path.join(dir, 'preferences.json');
      const preferences = createFilePreferences(file);
      await Promise.all([
        preferences.set({ actorName: 'Jana' }),
        preferences.set({ gridStates: { members: { sort: 'name' } } }),
        preferences.set({ language: 'en' }),
      ]);
      const stored = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
      expect(stored).toMatchObject({ actorName: 'Jana', language: 'en', gridStates: { members: { sort: 'name' } } });
      expect(await createFilePreferences(file).get()).toMatchObject({ actorName: 'Jana', language: 'en' });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
