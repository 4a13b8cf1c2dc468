import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { DialogPort } from '../core/ports';
import { sanitizeFileName } from '../core/files';

/**
 * Dialogs of the web preview and the browser tests: there is no native dialog, so files are
 * saved into one output folder, under a sanitised name that never overwrites an existing file.
 */
export function createFolderDialogs(outputDir: string): DialogPort {
  return {
    saveFile: ({ defaultName }) => {
      mkdirSync(outputDir, { recursive: true });
      const safe = sanitizeFileName(defaultName);
      const ext = path.extname(safe);
      const stem = safe.slice(0, safe.length - ext.length);
      let candidate = path.join(outputDir, safe);
      for (let n = 2; existsSync(candidate); n += 1) candidate = path.join(outputDir, `${stem} (${n})${ext}`);
      return Promise.resolve(candidate);
    },
    openFile: () => Promise.resolve(null),
    opensFiles: false,
    chooseFolder: () => {
      mkdirSync(outputDir, { recursive: true });
      return Promise.resolve(outputDir);
    },
  };
}
