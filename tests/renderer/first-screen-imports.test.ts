import path from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

/**
 * What the window's first screen (Members) loads before its first rows (issue 16, target 8): the
 * modules `renderer/main.tsx` imports statically, directly or not. Everything else (other screens,
 * forms, the rules with their schemas) is imported with `import()` and loads when it is needed.
 * zod (92 kB) was in the first screen through five shared modules that also held constants or
 * helpers the grid uses; those now live in modules of their own.
 */
const ROOT = path.resolve(import.meta.dirname, '..', '..');

async function firstScreenModules(): Promise<Map<string, string | null>> {
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: ['renderer/main.tsx'],
    bundle: true,
    write: false,
    metafile: true,
    format: 'esm',
    splitting: true,
    outdir: path.join(ROOT, 'node_modules', '.cache', 'first-screen-test'),
    loader: { '.css': 'empty' },
    logLevel: 'silent',
    external: ['virtual:*', '*.topo.json'],
  });
  const inputs = result.metafile.inputs;
  // Each module reached by static imports, with the module that first imported it.
  const parent = new Map<string, string | null>([['renderer/main.tsx', null]]);
  const queue = ['renderer/main.tsx'];
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    for (const imported of inputs[file]?.imports ?? []) {
      if (imported.kind === 'dynamic-import' || parent.has(imported.path)) continue;
      parent.set(imported.path, file);
      queue.push(imported.path);
    }
  }
  return parent;
}

/** How a module came into the first screen: `a.ts <- b.tsx <- renderer/main.tsx`. */
const chain = (modules: Map<string, string | null>, file: string): string => {
  const links: string[] = [];
  for (let at: string | null | undefined = file; at; at = modules.get(at)) links.push(at);
  return links.join(' <- ');
};

describe('the first screen’s script', () => {
  it('loads no zod, no forms and no other screen; the grid and the Members screen are in it', async () => {
    const modules = await firstScreenModules();
    const files = [...modules.keys()];
    const zod = files.filter((file) => file.includes('node_modules/zod/')).map((file) => chain(modules, file));
    expect(zod).toEqual([]);
    const lazy = [
      'renderer/features/members/MemberForm.tsx',
      'renderer/features/members/MemberOverview.tsx',
      'shared/domain/municipality-rules.ts',
      'shared/domain/statistics/filter.ts',
      'renderer/features/partnerships/PartnershipsPage.tsx',
      'renderer/features/statistics/StatisticsPage.tsx',
    ];
    expect(lazy.filter((file) => modules.has(file)).map((file) => chain(modules, file))).toEqual([]);
    // The check sees the first screen (a broken walk would pass the lines above vacuously).
    expect(files).toContain('renderer/features/members/MembersPage.tsx');
    expect(files.some((file) => file.includes('node_modules/ag-grid-community/'))).toBe(true);
  });
});
