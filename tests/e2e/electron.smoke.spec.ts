import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { tempDir } from '../support/temp-db';

/** Where `npm install` put the Electron binary, or null when its download was skipped. */
function electronBinary(): string | null {
  try {
    const resolved = createRequire(import.meta.url)('electron') as unknown;
    return typeof resolved === 'string' && existsSync(resolved) ? resolved : null;
  } catch {
    return null;
  }
}

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const binary = electronBinary();
const built = existsSync(path.join(ROOT, 'dist', 'electron', 'main.mjs'));
const reason = !binary
  ? 'the Electron binary is not installed here (installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1); run `npm install` with the download, then `npm run build && npx playwright test --project electron`'
  : 'the shell is not built: run `npm run build` first';

test.describe('Electron shell (opt-in smoke test)', () => {
  test.skip(!binary || !built, reason);
  if (!binary || !built) console.log(`[electron smoke] skipped: ${reason}`);

  test('launches, opens the Members grid on the demo database, and exposes only window.api', async () => {
    const userData = tempDir('twinreg-electron-');
    const app = await electron.launch({
      executablePath: binary ?? undefined,
      args: [ROOT, `--user-data-dir=${userData}`, '--no-sandbox'],
    });
    try {
      const page = await app.firstWindow();
      await expect(page.getByTestId('members-grid').locator('.ag-row').first()).toBeVisible({ timeout: 30_000 });
      const exposure = await page.evaluate(() => ({
        api: typeof (window as unknown as { api?: { invoke?: unknown } }).api?.invoke,
        require: typeof (window as unknown as { require?: unknown }).require,
        process: typeof (window as unknown as { process?: unknown }).process,
      }));
      expect(exposure).toEqual({ api: 'function', require: 'undefined', process: 'undefined' });
    } finally {
      await app.close();
    }
  });
});
