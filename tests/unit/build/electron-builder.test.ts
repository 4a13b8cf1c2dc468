import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

type BuilderConfig = Record<string, unknown> & {
  win?: { target?: { target: string }[] };
  linux?: { target?: string[] };
  mac?: { target?: string[] };
  files?: unknown;
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

  it('would be refused by the validator if it were wrong (guards the test above)', async () => {
    const config = await builderConfig.getConfig(ROOT, path.join(ROOT, 'electron-builder.yml'), null);
    await expect(
      builderConfig.validateConfiguration({ ...config, win: { targett: 'nsis' } } as BuilderConfig, {
        isEnabled: false,
        add: () => undefined,
      }),
    ).rejects.toThrow();
  });
});
