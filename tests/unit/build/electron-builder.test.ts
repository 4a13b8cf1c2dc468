import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

type BuilderConfig = Record<string, unknown> & {
  win?: { target?: { target: string }[] };
  linux?: { target?: string[] };
  mac?: { target?: string[] };
  files?: unknown;
  electronFuses?: Record<string, unknown> | null;
};
type ConfigModule = {
  getConfig: (projectDir: string, configPath: string | null, options: null) => Promise<BuilderConfig>;
  validateConfiguration: (config: BuilderConfig, logger: { isEnabled: boolean; add: () => void }) => Promise<void>;
};

const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');
// electron-builder's own loader and schema validator (the same code `electron-builder` runs first).
const builderConfig = createRequire(import.meta.url)('app-builder-lib/out/util/config/config.js') as ConfigModule;

describe('electron-builder.yml', () => {
  it('passes electron-builder’s schema validation and targets Windows, Linux and macOS', async () => {
    const config = await builderConfig.getConfig(ROOT, path.join(ROOT, 'electron-builder.yml'), null);
    await expect(
      builderConfig.validateConfiguration(config, { isEnabled: false, add: () => undefined }),
    ).resolves.toBeUndefined();
    expect(config.win?.target?.map((t) => t.target)).toEqual(['nsis']);
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.mac?.target).toEqual(['dmg']);
    expect(JSON.stringify(config.files)).toContain('dist/electron/**');
  });

  it('flips the Electron fuses that make the packaged binary only ever run this app', async () => {
    const config = await builderConfig.getConfig(ROOT, path.join(ROOT, 'electron-builder.yml'), null);
    // Exactly these, each spelled as electron-builder's FuseOptionsV1 spells it (the schema check
    // above refuses unknown keys, so a misspelt fuse cannot pass silently).
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
    });
    // Integrity validation and app-only loading check the archive: the app must be packed in one.
    expect(config.asar).toBe(true);
  });

  it('would refuse a misspelt fuse (guards the test above)', async () => {
    const config = await builderConfig.getConfig(ROOT, path.join(ROOT, 'electron-builder.yml'), null);
    await expect(
      builderConfig.validateConfiguration(
        { ...config, electronFuses: { ...config.electronFuses, runAsnode: false } } as BuilderConfig,
        { isEnabled: false, add: () => undefined },
      ),
    ).rejects.toThrow();
  });

  it('would be refused by the validator if it were wrong (guards the test above)', async () => {
    const config = await builderConfig.getConfig(ROOT, path.join(ROOT, 'electron-builder.yml'), null);
    await expect(
      builderConfig.validateConfiguration({ ...config, win: { targett: 'nsis' } } as BuilderConfig, {
        isEnabled: false,
        add: () => undefined,
      }),
    ).rejects.toThrow();
  });

  it('packs Electron 45 at 45.5.0 or newer: the range, the lockfile and the installed package agree', () => {
    const readJson = (file: string): unknown => JSON.parse(readFileSync(path.join(ROOT, file), 'utf8'));
    const manifest = readJson('package.json') as { devDependencies: Record<string, string> };
    const lock = readJson('package-lock.json') as {
      packages: Record<string, { version?: string; devDependencies?: Record<string, string> }>;
    };
    const installed = readJson('node_modules/electron/package.json') as { version: string };
    // electron-builder takes the version it packs from the installed `electron` package.
    const range = manifest.devDependencies.electron ?? '';
    const locked = lock.packages['node_modules/electron']?.version ?? '';
    expect(range).toMatch(/^\^45\.\d+\.\d+$/);
    expect(lock.packages['']?.devDependencies?.electron).toBe(range);
    expect(installed.version).toBe(locked);
    const [major, minor] = locked.split('.').map(Number);
    expect(major).toBe(45);
    expect(minor).toBeGreaterThanOrEqual(5);
  });
});
