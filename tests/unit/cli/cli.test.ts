import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../electron/cli/main';
import { tempDir } from '../../support/temp-db';

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (line) => out.push(line), err: (line) => err.push(line) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('twinreg CLI', () => {
  it('prints help and exits 2 without a command, 0 with --help', async () => {
    const bare = await run();
    expect(bare.code).toBe(2);
    expect(bare.out).toContain('init');
    expect((await run('--help')).code).toBe(0);
    const sub = await run('init', '--help');
    expect(sub.code).toBe(0);
    expect(sub.out).toContain('twinreg init --db FILE [--demo]');
  });

  it('init --demo creates a registry that info then describes', async () => {
    const db = path.join(tempDir(), 'cli.db');
    const init = await run('init', '--db', db, '--demo');
    expect(init.code).toBe(0);
    expect(init.out).toMatch(/municipalities\s+\d+/);
    const info = await run('info', '--db', db, '--json');
    expect(info.code).toBe(0);
    const parsed = JSON.parse(info.out) as { schemaVersion: number; counts: Record<string, number> };
    expect(parsed.counts.regions).toBe(14);
    expect(parsed.counts.partnerships).toBeGreaterThan(50);
    // Loading the demo twice is refused with a clear message and exit code 1.
    const again = await run('init', '--db', db, '--demo');
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/CONFLICT.*empty registry/);
  });

  it('gives usage errors (exit 2) with a clear message', async () => {
    expect((await run('frobnicate')).code).toBe(2);
    const missing = await run('info');
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('--db FILE is required');
    const unknownOption = await run('info', '--db', 'x.db', '--colour');
    expect(unknownOption.code).toBe(2);
    const absent = await run('info', '--db', path.join(tempDir(), 'absent.db'));
    expect(absent.code).toBe(2);
    expect(absent.err).toContain('No database at');
  });
});
