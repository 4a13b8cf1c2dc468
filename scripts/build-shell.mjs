// Bundles the Electron main process (ESM) and the sandboxed preload (CommonJS, one small file).
import { build } from 'esbuild';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const common = { bundle: true, platform: 'node', target: 'node22', sourcemap: true, logLevel: 'info' };

await build({
  ...common,
  entryPoints: ['electron/main/index.ts'],
  outfile: 'dist/electron/main.mjs',
  format: 'esm',
  // node_modules stay outside the bundle (sqlite3 is native; electron-builder packs them).
  packages: 'external',
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
});

// The preload's allowlist is derived from the contract at build time.
const temp = await mkdtemp(path.join(os.tmpdir(), 'twinreg-contract-'));
const contractFile = path.join(temp, 'contract.mjs');
await build({
  entryPoints: ['shared/ipc/contract.ts'],
  outfile: contractFile,
  bundle: true,
  format: 'esm',
  platform: 'node',
  logLevel: 'warning',
});
const { CHANNELS, EVENT_NAMES } = await import(pathToFileURL(contractFile).href);
await rm(temp, { recursive: true, force: true });

await build({
  ...common,
  entryPoints: ['electron/preload/index.ts'],
  outfile: 'dist/electron/preload.cjs',
  format: 'cjs',
  platform: 'browser',
  external: ['electron'],
  define: {
    __TWINREG_CHANNELS__: JSON.stringify(CHANNELS),
    __TWINREG_EVENTS__: JSON.stringify(EVENT_NAMES),
  },
});
