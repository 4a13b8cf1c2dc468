import { execFileSync } from 'node:child_process';
import path from 'node:path';
import v8 from 'node:v8';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HEAP_GROWING_PERCENT, LARGE_HEAP_LIMIT, limitHeapHeadroom } from '../../../electron/core/heap-policy';
import { createTestApp, type TestApp } from '../../support/temp-db';

const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');

/**
 * A child process keeps about 100 MB live and then churns through objects that live long enough
 * to reach the old generation (as an import's batches and a grid's rows do). It prints the highest
 * heap in use it saw, and what is live at the end.
 */
const CHURN = `
if (process.argv[1] === 'policy') {
  const { limitHeapHeadroom } = await import('./electron/core/heap-policy.ts');
  limitHeapHeadroom();
}
const live = Array.from({ length: 600_000 }, (_, i) => ({ i, name: 'member ' + i }));
const ring = new Array(40);
let peak = 0;
for (let batch = 0; batch < 500; batch++) {
  ring[batch % ring.length] = Array.from({ length: 10_000 }, (_, i) => ({ batch, i, name: 'row ' + i }));
  if (batch % 10 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed);
}
globalThis.gc();
console.log(JSON.stringify({ peak, live: process.memoryUsage().heapUsed, kept: live.length + ring.length }));
`;

function churn(policy: boolean): { peak: number; live: number } {
  const out = execFileSync(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', '--input-type=module', '-e', CHURN, policy ? 'policy' : 'default'],
    { cwd: ROOT, encoding: 'utf8' },
  );
  return JSON.parse(out.trim().split('\n').pop() ?? '{}') as { peak: number; live: number };
}

describe('the core heap policy', () => {
  let app: TestApp | null = null;
  afterEach(async () => {
    vi.restoreAllMocks();
    await app?.cleanup();
    app = null;
  });

  it('is set by the composition root every host calls (shell, CLI, web preview)', async () => {
    const setFlags = vi.spyOn(v8, 'setFlagsFromString');
    app = await createTestApp();
    const flag = `--heap-growing-percent=${String(HEAP_GROWING_PERCENT)}`;
    // Where this process's heap limit is small, V8's own factor is already low: nothing is set.
    if (v8.getHeapStatistics().heap_size_limit >= LARGE_HEAP_LIMIT) expect(setFlags).toHaveBeenCalledWith(flag);
    else expect(setFlags).not.toHaveBeenCalled();
  });

  it('fixes the factor only where V8 could let the heap grow to four times its live size', () => {
    const setFlags = vi.spyOn(v8, 'setFlagsFromString').mockImplementation(() => undefined);
    expect(limitHeapHeadroom(LARGE_HEAP_LIMIT / 2)).toBe(false);
    expect(setFlags).not.toHaveBeenCalled();
    expect(limitHeapHeadroom(LARGE_HEAP_LIMIT)).toBe(true);
    expect(limitHeapHeadroom(4 * LARGE_HEAP_LIMIT)).toBe(true);
    expect(setFlags).toHaveBeenCalledTimes(2);
    expect(setFlags).toHaveBeenCalledWith(`--heap-growing-percent=${String(HEAP_GROWING_PERCENT)}`);
  });

  it('keeps the heap in use near what is live, where V8 alone lets garbage fill it', () => {
    const limited = churn(true);
    const unlimited = churn(false);
    const mb = (bytes: number) => Math.round(bytes / 1e6);
    console.log(
      `heap policy: live ${String(mb(limited.live))} MB; peak in use ${String(mb(limited.peak))} MB with it, ` +
        `${String(mb(unlimited.peak))} MB without`,
    );
    // The same live set in both (600,000 members and 40 batches in flight).
    expect(Math.abs(limited.live - unlimited.live)).toBeLessThan(limited.live * 0.2);
    // With the policy the heap holds at most the allowed headroom of garbage, with a margin for
    // what is allocated while a collection runs...
    expect(limited.peak).toBeLessThan(limited.live * (1 + HEAP_GROWING_PERCENT / 100) + 100e6);
    // ...and clearly less than without it.
    expect(limited.peak).toBeLessThan(unlimited.peak * 0.8);
  });
});
